"""Schema of migration 0012_seals: row and block seals, the seal sum and MAC of each audit
record, and the audit chain's key wrapped for each account (see ``storage/seals.py`` and
``storage/chain_key.py``). Every row already in the file is sealed by blocks; the next audit
record vouches for them."""

import sqlite_utils

from chuansha_enforce.storage.seals import reseal_blocks

SCHEMA_0012_SEALS = """
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


def apply_seals_schema(db: sqlite_utils.Database, statements: list[str]) -> None:
    for statement in statements:
        db.execute(statement)
    reseal_blocks(db)
