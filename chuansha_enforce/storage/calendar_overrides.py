"""The user-editable table of working/rest days that wins over the built-in calendar."""

from __future__ import annotations

import datetime as dt

import sqlite_utils


class CalendarOverrideRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def all(self) -> dict[dt.date, bool]:
        rows = self._db.execute("SELECT day, is_working_day FROM calendar_overrides").fetchall()
        return {dt.date.fromisoformat(day): bool(working) for day, working in rows}
