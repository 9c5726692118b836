"""Schema of migration 0023_service: service by the book (DOMAIN §14), evidence as data.

Each failed service attempt of a decision is a row (date, method, result, note); the proof of
the service itself — the witness or photo/video record of a 留置送达, the date of the party's
written consent to 电子送达 — is one row per case beside ``general_cases.served_on``. Each
piece of evidence (APL 46: kind, what it is, when obtained) is a row the 决定书 lists (APL 59).
"""

SCHEMA_0023_SERVICE = """
CREATE TABLE service_attempts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    attempted_on TEXT NOT NULL,
    method TEXT NOT NULL,
    result TEXT NOT NULL CHECK (result = 'failed' OR result = 'not_found'),
    note TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX service_attempts_case ON service_attempts(case_id);

CREATE TABLE service_proofs (
    case_id INTEGER PRIMARY KEY REFERENCES general_cases(id),
    witness TEXT,
    recorded INTEGER NOT NULL DEFAULT 0 CHECK (recorded BETWEEN 0 AND 1),
    consent_on TEXT,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE case_evidence (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    obtained_on TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX case_evidence_case ON case_evidence(case_id);
"""
