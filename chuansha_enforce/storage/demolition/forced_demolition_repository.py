"""The forced-demolition steps (DOMAIN §13) of a case, read into ``ForcedDemolition`` (one
row a step, schema_0025; ``CaseFileRepository.save_forced_step`` writes them)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ForcedDemolition,
    ReminderStatement,
    ReminderStatementKind,
)

_WITNESS_SEPARATOR = "\n"
_Row = tuple[dt.date, dt.date | None, Any, Any]


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


StepRow = tuple[str, str, str | None, str | None, str | None]
"""(step, on_date, until_on, at_time, detail) as stored."""


def forced_demolition(db: sqlite_utils.Database, case_id: int) -> ForcedDemolition:
    return forced_from_rows(
        db.execute(
            "SELECT step, on_date, until_on, at_time, detail FROM forced_demolition_steps"
            " WHERE case_id = ?",
            [case_id],
        )
    )


def forced_by_case_no(db: sqlite_utils.Database) -> dict[str, ForcedDemolition]:
    """Every case's steps after its order, by case number (few cases have any)."""
    steps: dict[str, list[StepRow]] = {}
    for case_no, *step in db.execute(
        "SELECT c.case_no, f.step, f.on_date, f.until_on, f.at_time, f.detail"
        " FROM forced_demolition_steps f JOIN general_cases c ON c.id = f.case_id"
        " WHERE c.deleted_at IS NULL"
    ):
        steps.setdefault(case_no, []).append(tuple(step))
    return {case_no: forced_from_rows(rows) for case_no, rows in steps.items()}


def forced_from_rows(stored: Iterable[StepRow]) -> ForcedDemolition:
    rows = {
        step: (dt.date.fromisoformat(on), _d(until), at, detail)
        for step, on, until, at, detail in stored
    }
    return _record(rows)


def orders_for(
    db: sqlite_utils.Database, ids: Sequence[int]
) -> dict[int, tuple[dt.date, ForcedDemolition]]:
    """The order's deadline and the steps since of each of ``ids`` with an order (two
    queries: the case list's colours read them a page at a time)."""
    if not ids:
        return {}
    listed = json.dumps(list(ids))
    deadlines = {
        int(case_id): dt.date.fromisoformat(deadline)
        for case_id, deadline in db.execute(
            "SELECT case_id, deadline FROM demolition_orders"
            " WHERE case_id IN (SELECT value FROM json_each(?))",
            [listed],
        )
    }
    steps: dict[int, dict[str, _Row]] = {}
    for case_id, step, on, until, at, detail in db.execute(
        "SELECT case_id, step, on_date, until_on, at_time, detail FROM forced_demolition_steps"
        " WHERE case_id IN (SELECT value FROM json_each(?))",
        [json.dumps(list(deadlines))],
    ):
        steps.setdefault(int(case_id), {})[step] = (dt.date.fromisoformat(on), _d(until), at,
                                                    detail)  # fmt: skip
    return {i: (deadline, _record(steps.get(i, {}))) for i, deadline in deadlines.items()}


def _record(rows: dict[str, _Row]) -> ForcedDemolition:
    if not rows:
        return ForcedDemolition()

    def pair(step: str) -> tuple[dt.date, dt.date] | None:
        row = rows.get(step)
        return None if row is None or row[1] is None else (row[0], row[1])

    reminder = pair("reminder")
    announcement = pair("announcement")
    statement = rows.get("statement")
    authority = rows.get("authority")
    carried = rows.get("carried_out")
    return ForcedDemolition(
        reminder=PaymentReminder(*reminder) if reminder else None,
        statement=ReminderStatement(statement[0], ReminderStatementKind(statement[3] or ""))
        if statement
        else None,
        authority=DistrictAuthority(authority[3] or "", authority[0]) if authority else None,
        decided_on=rows["decision"][0] if "decision" in rows else None,
        announcement=DemolitionAnnouncement(*announcement) if announcement else None,
        carried_out=CarryOut(
            carried[0],
            dt.time.fromisoformat(carried[2] or "00:00"),
            tuple((carried[3] or "").split(_WITNESS_SEPARATOR)),
        )
        if carried
        else None,
        removed_on=rows["removed"][0] if "removed" in rows else None,
    )


def order_case_ids(db: sqlite_utils.Database) -> list[int]:
    """Every case with a 责令限期拆除 order, not in the trash, newest order first."""
    rows = db.execute(
        "SELECT d.case_id FROM demolition_orders d JOIN general_cases c ON c.id = d.case_id"
        " WHERE c.deleted_at IS NULL ORDER BY d.decided_on DESC, d.case_id DESC"
    )
    return [int(r[0]) for r in rows]
