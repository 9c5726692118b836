"""Schema of migration 0004_simple_procedure: receipts, cash hand-over, filing, form stock."""

SCHEMA_0004 = """
ALTER TABLE simple_decisions ADD COLUMN receipt_no TEXT;
ALTER TABLE simple_decisions ADD COLUMN cash_to_agency_on TEXT;
ALTER TABLE simple_decisions ADD COLUMN cash_to_bank_on TEXT;
ALTER TABLE simple_decisions ADD COLUMN filed_with_agency_on TEXT;
CREATE INDEX simple_decisions_list ON simple_decisions(decided_on DESC, id DESC)
    WHERE deleted_at IS NULL;

CREATE TABLE simple_forms (
    id INTEGER PRIMARY KEY,
    form_no TEXT NOT NULL UNIQUE,
    issued_to INTEGER REFERENCES certificates(id),
    issued_on TEXT,
    used_by_decision INTEGER UNIQUE REFERENCES simple_decisions(id),
    voided_on TEXT,
    void_reason TEXT CHECK ((voided_on IS NULL) = (void_reason IS NULL)),
    created_at TEXT NOT NULL,
    CHECK (used_by_decision IS NULL OR voided_on IS NULL)
) STRICT;
"""
