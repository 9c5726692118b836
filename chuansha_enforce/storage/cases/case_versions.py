"""Each general case's edit version (migration 0030): raised by one in every edit's write
transaction; a case with no row has never been edited since versions came in (version 0).

``bump`` is the edit's first write: on a server it takes the case's version row lock, so two
edits of one case take turns for the length of a transaction (never while a dialog is open),
and what the edit then reads of the case is what the other edit committed.
"""

from __future__ import annotations

import sqlite_utils

_ANY = (
    "INSERT INTO case_versions (case_id, version) VALUES (?, 1)"
    " ON CONFLICT (case_id) DO UPDATE SET version = case_versions.version + 1"
)
_FIRST = _ANY + " WHERE case_versions.version = 0"  # never true: a first edit inserts
_AT = "UPDATE case_versions SET version = version + 1 WHERE case_id = ? AND version = ?"


def bump(db: sqlite_utils.Database, case_id: int, expected: int | None) -> int | None:
    """Raise the case's version by one and return the new version; ``None`` (nothing
    written) when ``expected`` is given and the case is no longer at it."""
    if expected is None:
        db.execute(_ANY, [case_id])
    else:
        sql, params = (_FIRST, [case_id]) if expected == 0 else (_AT, [case_id, expected])
        if db.execute(sql, params).rowcount != 1:
            return None
    return version(db, case_id)


def version(db: sqlite_utils.Database, case_id: int) -> int:
    row = db.execute("SELECT version FROM case_versions WHERE case_id = ?", [case_id]).fetchone()
    return 0 if row is None else int(row[0])
