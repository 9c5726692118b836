"""Schema of migration 0006_accounts_review: accounts, review submissions, signed rounds.

Signed rounds, their findings and their signatures are immutable: triggers abort any UPDATE
or DELETE (a correction is a new round). ``verify`` re-checks every signature, so a change
made after dropping the triggers is still found.
"""

SCHEMA_0006 = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    display_name TEXT NOT NULL CHECK (length(trim(display_name)) > 0),
    role TEXT NOT NULL CHECK (role = 'clerk' OR role = 'reviewer' OR role = 'admin'),
    qualification_no TEXT,
    password_hash TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until TEXT,
    key_algorithm TEXT NOT NULL,
    public_key BLOB NOT NULL,
    private_key_enc BLOB NOT NULL,
    key_kdf TEXT NOT NULL CHECK (json_valid(key_kdf)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    disabled_at TEXT,
    CHECK (role <> 'reviewer' OR length(trim(coalesce(qualification_no, ''))) > 0)
) STRICT;

CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN
    SELECT RAISE(ABORT, 'users are disabled, never deleted');
END;

CREATE TRIGGER users_public_key_fixed BEFORE UPDATE OF public_key, key_algorithm ON users
WHEN OLD.public_key IS NOT NEW.public_key OR OLD.key_algorithm IS NOT NEW.key_algorithm
BEGIN
    SELECT RAISE(ABORT, 'a user''s public key never changes');
END;

CREATE TABLE review_submissions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES general_cases(id),
    submitted_on TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    materials TEXT NOT NULL CHECK (json_valid(materials)),
    due_on TEXT NOT NULL CHECK (due_on >= submitted_on),
    extended INTEGER NOT NULL DEFAULT 0 CHECK (extended BETWEEN 0 AND 1),
    extension_approved_by TEXT,
    extension_reason TEXT,
    note TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX review_submissions_case ON review_submissions(case_id);

ALTER TABLE legal_review_rounds ADD COLUMN previous_round_id INTEGER
    REFERENCES legal_review_rounds(id);
ALTER TABLE legal_review_rounds ADD COLUMN submission_id INTEGER
    REFERENCES review_submissions(id);
ALTER TABLE legal_review_rounds ADD COLUMN reviewer_user_id INTEGER REFERENCES users(id);
ALTER TABLE legal_review_rounds ADD COLUMN reviewer_qualification TEXT;
CREATE INDEX legal_review_rounds_submission ON legal_review_rounds(submission_id)
    WHERE submission_id IS NOT NULL;

CREATE TABLE review_findings (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL REFERENCES legal_review_rounds(id),
    item TEXT NOT NULL,
    ok INTEGER NOT NULL CHECK (ok BETWEEN 0 AND 1),
    note TEXT,
    UNIQUE (round_id, item)
) STRICT;

CREATE TABLE review_signatures (
    id INTEGER PRIMARY KEY,
    round_id INTEGER NOT NULL UNIQUE REFERENCES legal_review_rounds(id),
    user_id INTEGER NOT NULL REFERENCES users(id),
    algorithm TEXT NOT NULL,
    public_key BLOB NOT NULL,
    signed_at TEXT NOT NULL,
    chain_head TEXT NOT NULL,
    payload_hash TEXT NOT NULL,
    signature BLOB NOT NULL
) STRICT;

CREATE TRIGGER legal_review_rounds_signed_no_update BEFORE UPDATE ON legal_review_rounds
WHEN EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a signed legal review round cannot be changed');
END;

CREATE TRIGGER legal_review_rounds_signed_no_delete BEFORE DELETE ON legal_review_rounds
WHEN EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'a signed legal review round cannot be deleted');
END;

CREATE TRIGGER review_findings_signed_no_insert BEFORE INSERT ON review_findings
WHEN EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = NEW.round_id)
BEGIN
    SELECT RAISE(ABORT, 'the findings of a signed round cannot be changed');
END;

CREATE TRIGGER review_findings_signed_no_update BEFORE UPDATE ON review_findings
WHEN EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = OLD.round_id)
    OR EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = NEW.round_id)
BEGIN
    SELECT RAISE(ABORT, 'the findings of a signed round cannot be changed');
END;

CREATE TRIGGER review_findings_signed_no_delete BEFORE DELETE ON review_findings
WHEN EXISTS (SELECT 1 FROM review_signatures s WHERE s.round_id = OLD.round_id)
BEGIN
    SELECT RAISE(ABORT, 'the findings of a signed round cannot be changed');
END;

CREATE TRIGGER review_signatures_no_update BEFORE UPDATE ON review_signatures
BEGIN
    SELECT RAISE(ABORT, 'signatures are never changed');
END;

CREATE TRIGGER review_signatures_no_delete BEFORE DELETE ON review_signatures
BEGIN
    SELECT RAISE(ABORT, 'signatures are never deleted');
END;
"""
