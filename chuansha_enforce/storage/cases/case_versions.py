"""Each general case's edit version (migration 0030): raised by one in every edit's write
transaction; a case with no row has never been edited since versions came in (version 0).

``bump`` is the edit's first write: on a server it takes the case's version row lock, so two
edits of one case take turns for the length of a transaction (never while a dialog is open),
and what the edit then reads of the case is what the other edit committed. ``bump_row`` and
``row_version`` say the same of any versions table keyed by its record's id (the simple
decisions' ``simple_versions``, migration 0031).
"""

from __future__ import annotations

import sqlite_utils


def bump_row(
    db: sqlite_utils.Database, table: str, key: str, row_id: int, expected: int | None
) -> int | None:
    """Raise the record's version by one and return the new version; ``None`` (nothing
    written) when ``expected`` is given and the record is no longer at it."""
    upsert = (
        f"INSERT INTO {table} ({key}, version) VALUES (?, 1)"
        f" ON CONFLICT ({key}) DO UPDATE SET version = {table}.version + 1"
    )
    if expected is None:
        db.execute(upsert, [row_id])
    else:
        sql, params = (
            (upsert + f" WHERE {table}.version = 0", [row_id])  # never true: a first edit inserts
            if expected == 0
            else (
                f"UPDATE {table} SET version = version + 1 WHERE {key} = ? AND version = ?",
                [row_id, expected],
            )
        )
        if db.execute(sql, params).rowcount != 1:
            return None
    return row_version(db, table, key, row_id)


def row_version(db: sqlite_utils.Database, table: str, key: str, row_id: int) -> int:
    row = db.execute(f"SELECT version FROM {table} WHERE {key} = ?", [row_id]).fetchone()
    return 0 if row is None else int(row[0])


def bump(db: sqlite_utils.Database, case_id: int, expected: int | None) -> int | None:
    """Raise the case's version by one and return the new version; ``None`` (nothing
    written) when ``expected`` is given and the case is no longer at it."""
    return bump_row(db, "case_versions", "case_id", case_id, expected)


def version(db: sqlite_utils.Database, case_id: int) -> int:
    return row_version(db, "case_versions", "case_id", case_id)
