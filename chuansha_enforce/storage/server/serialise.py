"""Writers that must take turns inside their transactions, on either backend.

A file has one writer at a time (``BEGIN IMMEDIATE`` takes the write lock up front), so
nothing more is needed there. On a server several clients write at once: a transaction that
reads the audit chain's head, or a number series' last number, and then appends after it
first takes a transaction-scoped advisory lock named for what it appends to
(``pg_advisory_xact_lock``), so the chain never forks and numbers come out unique and
without gaps. The lock is released by the transaction's COMMIT or ROLLBACK.
"""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.storage.server.pg_database import PgDatabase


def take_turn(db: sqlite_utils.Database, name: str) -> None:
    """Wait for the other writers appending to ``name`` (a server); nothing on a file."""
    if isinstance(db, PgDatabase) and db.pg.in_transaction:
        db.pg.raw.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (name,))
