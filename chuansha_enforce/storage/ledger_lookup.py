"""Point look-ups an import needs: is this number already in the database, and where."""

from __future__ import annotations

import sqlite_utils


class LedgerLookup:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def case(self, case_no: str) -> str | None:
        row = self._db.execute(
            "SELECT case_no FROM general_cases WHERE case_no = ?", [case_no]
        ).fetchone()
        return None if row is None else f"数据库中的案件 {row[0]}"

    def decision(self, decision_no: str) -> str | None:
        row = self._db.execute(
            "SELECT case_no FROM general_cases WHERE decision_no = ?", [decision_no]
        ).fetchone()
        return None if row is None else f"数据库中的案件 {row[0]}"

    def simple(self, decision_no: str) -> str | None:
        row = self._db.execute(
            "SELECT decision_no FROM simple_decisions WHERE decision_no = ?", [decision_no]
        ).fetchone()
        return None if row is None else f"数据库中的简易程序决定 {row[0]}"
