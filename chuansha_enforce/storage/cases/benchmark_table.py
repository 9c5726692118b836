"""The administrator's whole benchmark table written at once (the editor's save), and the
circumstance recorded with a notice (schema_0028)."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.storage.cases.discretion_repository import DiscretionRepository


def replace_table(db: sqlite_utils.Database, rows: Sequence[Benchmark], at: str) -> int:
    """The table becomes ``rows`` (in the caller's transaction); the number of rows it had."""
    before = int(db.execute("SELECT count(*) FROM discretion_benchmarks").fetchone()[0])
    db.execute("DELETE FROM discretion_benchmarks")
    DiscretionRepository(db).replace_benchmarks(list(rows), at)
    return before


def save_notice_circumstance(
    db: sqlite_utils.Database, case_id: int, circumstance: str, at: str
) -> None:
    db.execute(
        "INSERT INTO notice_discretion (case_id, circumstance, created_at) VALUES (?, ?, ?)"
        " ON CONFLICT (case_id) DO UPDATE SET circumstance = excluded.circumstance,"
        " created_at = excluded.created_at",
        [case_id, circumstance, at],
    )


def notice_circumstance(db: sqlite_utils.Database, case_id: int) -> str | None:
    row = db.execute(
        "SELECT circumstance FROM notice_discretion WHERE case_id = ?", [case_id]
    ).fetchone()
    return None if row is None else str(row[0])
