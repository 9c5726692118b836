"""The forced-demolition steps (DOMAIN §13) of a case, read into ``ForcedDemolition`` (one
row a step, schema_0025; ``CaseFileRepository.save_forced_step`` writes them)."""

from __future__ import annotations

import datetime as dt

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


def _d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def forced_demolition(db: sqlite_utils.Database, case_id: int) -> ForcedDemolition:
    rows = {
        step: (dt.date.fromisoformat(on), _d(until), at, detail)
        for step, on, until, at, detail in db.execute(
            "SELECT step, on_date, until_on, at_time, detail FROM forced_demolition_steps"
            " WHERE case_id = ?",
            [case_id],
        )
    }
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
        statement=ReminderStatement(statement[0], ReminderStatementKind(statement[3]))
        if statement
        else None,
        authority=DistrictAuthority(authority[3] or "", authority[0]) if authority else None,
        decided_on=rows["decision"][0] if "decision" in rows else None,
        announcement=DemolitionAnnouncement(*announcement) if announcement else None,
        carried_out=CarryOut(
            carried[0],
            dt.time.fromisoformat(carried[2]),
            tuple((carried[3] or "").split(_WITNESS_SEPARATOR)),
        )
        if carried
        else None,
        removed_on=rows["removed"][0] if "removed" in rows else None,
    )
