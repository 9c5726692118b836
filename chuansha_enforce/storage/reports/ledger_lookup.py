"""Look-ups an import needs: which of a file's numbers are already in the database, and where.

One query per batch of numbers (passed as one JSON array and joined on the unique index),
not one per row: a 100,000-row ledger asks three or four questions instead of 200,000.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from itertools import islice
from typing import Final

import sqlite_utils

BATCH: Final = 50_000


def _batches(numbers: Collection[str]) -> Iterator[str]:
    iterator = iter(numbers)
    while batch := list(islice(iterator, BATCH)):
        yield json.dumps(batch, ensure_ascii=False)


class LedgerLookup:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def _found(self, sql: str, numbers: Collection[str], table: str) -> dict[str, str]:
        found: dict[str, str] = {}
        if not self._db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
            return found  # (the first import into a new file: nothing to ask)
        for batch in _batches(numbers):
            found.update(self._db.execute(sql, [batch]).fetchall())
        return found

    def cases(self, case_numbers: Collection[str]) -> dict[str, str]:
        """Case number -> ``数据库中的案件 <number>`` for those already recorded."""
        found = self._found(
            "SELECT g.case_no, g.case_no FROM json_each(?) AS n"
            " JOIN general_cases AS g ON g.case_no = n.value",
            case_numbers,
            "general_cases",
        )
        return {number: f"数据库中的案件 {case_no}" for number, case_no in found.items()}

    def decisions(self, decision_numbers: Collection[str]) -> dict[str, str]:
        """Decision number -> the case or simple decision that already carries it.

        A general case's 决定书文号 and a simple decision's 决定书编号 share one number space
        (LEDGER_FORMAT), so both sheets ask both tables.
        """
        cases = self._found(
            "SELECT g.decision_no, g.case_no FROM json_each(?) AS n"
            " JOIN general_cases AS g ON g.decision_no = n.value",
            decision_numbers,
            "general_cases",
        )
        simples = self._found(
            "SELECT s.decision_no, s.decision_no FROM json_each(?) AS n"
            " JOIN simple_decisions AS s ON s.decision_no = n.value",
            decision_numbers,
            "simple_decisions",
        )
        found = {number: f"数据库中的简易程序决定 {no}" for number, no in simples.items()}
        found.update({number: f"数据库中的案件 {case_no}" for number, case_no in cases.items()})
        return found

    def simple_decisions(self, decision_numbers: Collection[str]) -> dict[str, str]:
        """The same question for a simple-decision sheet: one number space."""
        return self.decisions(decision_numbers)
