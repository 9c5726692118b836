"""Schema of migration 0015_account_officers: accounts linked to the officer registry, and
the signing keys an account held before a password reset.

- ``account_officers``: an account and the registry's officer who is the same person (set by
  an administrator), so the review and hearing checks compare registry ids, not spellings.
- ``user_retired_keys``: a reset gives the account a new key pair; its old public key is kept
  here for good, so every earlier signature still verifies. A public key may change only
  when the old one is on record here (the trigger replaces 0006's "never changes").
- ``user_password_resets``: an account whose password an administrator set and its owner has
  not yet changed: it signs nothing until then (the administrator knows that password), and
  its owner's change gives it a key pair of its own.

Both tables start empty, so no row seal changes (nothing to reseal).
"""

SCHEMA_0015_ACCOUNT_OFFICERS = """
CREATE TABLE account_officers (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    officer_id INTEGER NOT NULL REFERENCES officers(id),
    linked_at TEXT NOT NULL
) STRICT;
CREATE INDEX account_officers_officer ON account_officers(officer_id);

CREATE TABLE user_retired_keys (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    algorithm TEXT NOT NULL,
    public_key BLOB NOT NULL,
    retired_at TEXT NOT NULL,
    UNIQUE (user_id, public_key)
) STRICT;

CREATE TABLE user_password_resets (
    user_id INTEGER PRIMARY KEY REFERENCES users(id),
    reset_at TEXT NOT NULL,
    reset_by TEXT NOT NULL
) STRICT;

CREATE TRIGGER user_retired_keys_no_update BEFORE UPDATE ON user_retired_keys
BEGIN
    SELECT RAISE(ABORT, 'retired keys are never changed');
END;

CREATE TRIGGER user_retired_keys_no_delete BEFORE DELETE ON user_retired_keys
BEGIN
    SELECT RAISE(ABORT, 'retired keys are never deleted');
END;

DROP TRIGGER users_public_key_fixed;

CREATE TRIGGER users_public_key_retired BEFORE UPDATE OF public_key, key_algorithm ON users
WHEN (OLD.public_key IS NOT NEW.public_key OR OLD.key_algorithm IS NOT NEW.key_algorithm)
    AND NOT EXISTS (
        SELECT 1 FROM user_retired_keys r
        WHERE r.user_id = OLD.id AND r.public_key = OLD.public_key
            AND r.algorithm = OLD.key_algorithm
    )
BEGIN
    SELECT RAISE(ABORT, 'a user''s public key changes only after it is kept as retired');
END;
"""
