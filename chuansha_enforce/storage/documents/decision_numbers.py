"""Decision numbers share one number space (LEDGER_FORMAT): a general case's 决定书文号 and a
simple decision's 决定书编号 are never the same. Who already holds a number, and where."""

from __future__ import annotations

import sqlite_utils

HOLDERS_SQL = (
    "SELECT decision_no, '案件 ' || case_no FROM general_cases WHERE decision_no IN ({marks})"
    " UNION ALL SELECT decision_no, '简易程序决定 ' || decision_no FROM simple_decisions"
    " WHERE decision_no IN ({marks})"
)


def decision_number_holder(db: sqlite_utils.Database, number: str) -> str | None:
    """``案件 <case number>`` or ``简易程序决定 <number>`` holding ``number``; None if free."""
    row = db.execute(HOLDERS_SQL.format(marks="?"), [number, number]).fetchone()
    return None if row is None else str(row[1])
