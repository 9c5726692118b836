"""Schema of migration 0001_initial (kept as SQL text, applied statement by statement)."""

SCHEMA_0001 = """
-- 0001_initial: officers and certificates, parties, general cases, simple decisions,
-- payments, settings and the audit log. STRICT tables; money in integer fen;
-- dates as TEXT 'YYYY-MM-DD'; every yearly total reads an indexed year column.
-- Code lists are checked with OR chains, not IN (...): SQLite 3.40 builds an ephemeral
-- table for a constant IN list on every row it checks, which made bulk inserts of a
-- million cases about 40 % slower (benchmarks/bench_demo_and_smoke.py).

CREATE TABLE officers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE certificates (
    id INTEGER PRIMARY KEY,
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    certificate_no TEXT NOT NULL UNIQUE,
    issued_on TEXT NOT NULL CHECK (issued_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    expires_on TEXT CHECK (expires_on IS NULL OR expires_on >= issued_on),
    status TEXT NOT NULL DEFAULT 'valid'
        CHECK (status = 'valid' OR status = 'cancelled' OR status = 'suspended'),
    cancelled_on TEXT CHECK ((status = 'cancelled') = (cancelled_on IS NOT NULL)),
    issued_year INTEGER GENERATED ALWAYS AS (CAST(substr(issued_on, 1, 4) AS INTEGER)) VIRTUAL,
    cancelled_year INTEGER GENERATED ALWAYS AS (CAST(substr(cancelled_on, 1, 4) AS INTEGER)) VIRTUAL
) STRICT;
CREATE INDEX certificates_officer ON certificates(officer_id);
CREATE INDEX certificates_issued_year ON certificates(issued_year);
CREATE INDEX certificates_cancelled_year ON certificates(cancelled_year);

CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind = 'natural_person' OR kind = 'individual_business'
        OR kind = 'legal_person' OR kind = 'other_organisation'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    id_number TEXT,
    address TEXT
) STRICT;
CREATE INDEX parties_id_number ON parties(id_number) WHERE id_number IS NOT NULL;

CREATE TABLE general_cases (
    id INTEGER PRIMARY KEY,
    case_no TEXT NOT NULL UNIQUE,
    party_id INTEGER NOT NULL REFERENCES parties(id),
    cause TEXT NOT NULL,
    violation TEXT,
    legal_basis TEXT,
    location TEXT,
    filed_on TEXT NOT NULL,
    hearing TEXT NOT NULL DEFAULT 'none'
        CHECK (hearing = 'none' OR hearing = 'held' OR hearing = 'waived'),
    decision_no TEXT UNIQUE,
    decided_on TEXT CHECK (decided_on IS NULL OR decided_on >= filed_on),
    outcome TEXT CHECK (outcome IS NULL OR outcome = 'penalty' OR outcome = 'no_penalty'
        OR outcome = 'withdrawn' OR outcome = 'transfer_judicial' OR outcome = 'transfer_other'),
    heaviest_kind TEXT,
    no_penalty_reason TEXT,
    fine_fen INTEGER NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),
    confiscation_fen INTEGER NOT NULL DEFAULT 0 CHECK (confiscation_fen >= 0),
    served_on TEXT CHECK (served_on IS NULL OR served_on >= decided_on),
    closed_on TEXT CHECK (closed_on IS NULL
        OR (decided_on IS NOT NULL AND closed_on >= decided_on)),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    filed_year INTEGER GENERATED ALWAYS AS (CAST(substr(filed_on, 1, 4) AS INTEGER)) VIRTUAL,
    decided_year INTEGER GENERATED ALWAYS AS (CAST(substr(decided_on, 1, 4) AS INTEGER)) VIRTUAL,
    closed_year INTEGER GENERATED ALWAYS AS (CAST(substr(closed_on, 1, 4) AS INTEGER)) VIRTUAL
) STRICT;
CREATE INDEX general_cases_list ON general_cases(filed_on DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX general_cases_filed_year ON general_cases(filed_year, filed_on DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX general_cases_decided_year ON general_cases(decided_year) WHERE deleted_at IS NULL;
CREATE INDEX general_cases_closed_year ON general_cases(closed_year) WHERE deleted_at IS NULL;
CREATE INDEX general_cases_party ON general_cases(party_id);

CREATE TABLE general_case_officers (
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    certificate_id INTEGER NOT NULL REFERENCES certificates(id),
    PRIMARY KEY (case_id, certificate_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX general_case_officers_certificate ON general_case_officers(certificate_id);

CREATE TABLE general_case_penalties (
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (case_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE simple_decisions (
    id INTEGER PRIMARY KEY,
    decision_no TEXT NOT NULL UNIQUE,
    party_id INTEGER NOT NULL REFERENCES parties(id),
    cause TEXT NOT NULL,
    violation TEXT,
    location TEXT,
    decided_on TEXT NOT NULL,
    penalty_kind TEXT NOT NULL CHECK (penalty_kind = 'warning' OR penalty_kind = 'fine'),
    fine_fen INTEGER NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),
    collected_on_spot INTEGER NOT NULL DEFAULT 0 CHECK (collected_on_spot BETWEEN 0 AND 1),
    on_spot_reason TEXT,
    paid_on TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    decided_year INTEGER GENERATED ALWAYS AS (CAST(substr(decided_on, 1, 4) AS INTEGER)) VIRTUAL
) STRICT;
CREATE INDEX simple_decisions_decided_year ON simple_decisions(decided_year)
    WHERE deleted_at IS NULL;

CREATE TABLE simple_decision_officers (
    decision_id INTEGER NOT NULL REFERENCES simple_decisions(id),
    certificate_id INTEGER NOT NULL REFERENCES certificates(id),
    PRIMARY KEY (decision_id, certificate_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    paid_on TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    surcharge_fen INTEGER NOT NULL DEFAULT 0 CHECK (surcharge_fen >= 0),
    channel TEXT NOT NULL,
    receipt_no TEXT,
    created_at TEXT NOT NULL,
    paid_year INTEGER GENERATED ALWAYS AS (CAST(substr(paid_on, 1, 4) AS INTEGER)) VIRTUAL
) STRICT;
CREATE INDEX payments_case ON payments(case_id);
CREATE INDEX payments_paid_year ON payments(paid_year);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value)),
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE calendar_overrides (
    day TEXT PRIMARY KEY,
    is_working_day INTEGER NOT NULL CHECK (is_working_day BETWEEN 0 AND 1),
    note TEXT
) STRICT;

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
"""
