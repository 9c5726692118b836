"""Schema of migration 0005_numbering: number templates and every number issued or voided."""

SCHEMA_0005 = """
CREATE TABLE number_templates (
    kind TEXT PRIMARY KEY,
    template TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE issued_numbers (
    kind TEXT NOT NULL,
    year INTEGER NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    number TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state = 'used' OR state = 'voided'),
    reference TEXT,
    void_reason TEXT CHECK ((state = 'voided') = (void_reason IS NOT NULL)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (kind, year, seq)
) STRICT;

CREATE TRIGGER issued_numbers_never_deleted BEFORE DELETE ON issued_numbers
BEGIN
    SELECT RAISE(ABORT, 'issued numbers are never deleted');
END;
"""
