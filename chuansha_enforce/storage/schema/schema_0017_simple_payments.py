"""Schema of migration 0017_simple_payments: the 加处罚款 paid with a late simple-procedure fine,
and an index for the year's collections.

The surcharge is a table of its own, not a column of ``simple_decisions``: a new column would
change the block seals of every simple decision already sealed, and no audit record would
vouch for them until the next write. A new, empty table leaves every seal as it was."""

SCHEMA_0017_SIMPLE_PAYMENTS = """
CREATE TABLE simple_surcharges (
    decision_id INTEGER PRIMARY KEY REFERENCES simple_decisions(id),
    surcharge_fen INTEGER NOT NULL CHECK (surcharge_fen > 0)
) STRICT;
CREATE INDEX simple_decisions_paid ON simple_decisions(paid_on, fine_fen)
    WHERE deleted_at IS NULL AND paid_on IS NOT NULL;
"""
