"""The administrator's whole benchmark table written at once (the editor's save)."""

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
