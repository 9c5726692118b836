"""Schema of migration 0014_seals: row and block seals, the seal sum and MAC of each audit
record, and the audit chain's key wrapped for each account (see ``storage/safety/seals.py`` and
``storage/safety/chain_key.py``). Every row already in the file is sealed by blocks; the next audit
record vouches for them (``migrations`` reseals after this SQL)."""

SCHEMA_0014_SEALS = """
CREATE TABLE row_seals (
    tbl TEXT NOT NULL,
    key TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (tbl, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE block_seals (
    tbl TEXT NOT NULL,
    block INTEGER NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (tbl, block)
) STRICT, WITHOUT ROWID;

ALTER TABLE audit_log ADD COLUMN seals TEXT;
ALTER TABLE audit_log ADD COLUMN mac TEXT;
ALTER TABLE users ADD COLUMN chain_key_enc BLOB;
ALTER TABLE users ADD COLUMN chain_key_kdf TEXT;
"""
