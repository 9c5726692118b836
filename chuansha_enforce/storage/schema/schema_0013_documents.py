"""Schema of migration 0013_documents: the party's legal representative, a simple decision's
legal basis, and the 执法文书 made.

A document kind's 文号 is issued when it is first made and kept here, so making it again
prints the same number (numbers are never reused, DOMAIN §16).
"""

SCHEMA_0013_DOCUMENTS = """
ALTER TABLE parties ADD COLUMN legal_representative TEXT;

ALTER TABLE simple_decisions ADD COLUMN legal_basis TEXT;

CREATE TABLE case_documents (
    case_no TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_no TEXT,
    first_made_at TEXT NOT NULL,
    last_made_at TEXT NOT NULL,
    times_made INTEGER NOT NULL DEFAULT 1 CHECK (times_made >= 1),
    PRIMARY KEY (case_no, kind)
) STRICT;
"""
