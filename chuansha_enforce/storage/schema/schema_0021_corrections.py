"""Schema of migration 0021_corrections: the one log of corrections (更正) of every record.

A row keeps the field, the value before and after, the reason and who; a correction that
changed what a signed review approved names the round it superseded, and one that changed a
published decision says so (``affects_publication``) for the withdrawal/republication."""

SCHEMA_0021_CORRECTIONS = """
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    record_kind TEXT NOT NULL CHECK (record_kind = 'case' OR record_kind = 'payment'
        OR record_kind = 'simple' OR record_kind = 'officer' OR record_kind = 'dispute'),
    record_key TEXT NOT NULL,
    case_id INTEGER REFERENCES general_cases(id),
    field TEXT NOT NULL,
    label TEXT NOT NULL,
    before_value TEXT,
    after_value TEXT,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    superseded_round_id INTEGER REFERENCES legal_review_rounds(id),
    affects_publication INTEGER NOT NULL DEFAULT 0 CHECK (affects_publication BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX corrections_record ON corrections(record_kind, record_key);
CREATE INDEX corrections_case ON corrections(case_id) WHERE case_id IS NOT NULL;
"""
