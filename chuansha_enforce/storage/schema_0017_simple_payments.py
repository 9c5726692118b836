"""Schema of migration 0017_simple_payments: the 加处罚款 paid with a late simple-procedure fine,
and an index for the year's collections. NULL means no surcharge, so the rows already sealed
keep their row seals; the table's block seals are renewed after this SQL (``migrations``)."""

SCHEMA_0017_SIMPLE_PAYMENTS = """
ALTER TABLE simple_decisions ADD COLUMN surcharge_fen INTEGER
    CHECK (surcharge_fen IS NULL OR surcharge_fen > 0);
CREATE INDEX simple_decisions_paid ON simple_decisions(paid_on, fine_fen, surcharge_fen)
    WHERE deleted_at IS NULL AND paid_on IS NOT NULL;
"""
