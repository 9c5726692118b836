"""Refusing every write on a connection (accounts exist but nobody logged in)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlite_utils


def refuse_writes(db: sqlite_utils.Database) -> None:
    """From now on this connection only reads (``PRAGMA query_only``)."""
    db.execute("PRAGMA query_only = ON")


def writes_refused(db: sqlite_utils.Database) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


@contextlib.contextmanager
def login_bookkeeping(db: sqlite_utils.Database) -> Iterator[None]:
    """Let a login attempt record its failure count even when writes are refused."""
    refused = writes_refused(db)
    if refused:
        db.execute("PRAGMA query_only = OFF")
    try:
        yield
    finally:
        if refused:
            db.execute("PRAGMA query_only = ON")
