"""The user-editable table of working/rest days that wins over the built-in calendar."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from chuansha_enforce.domain.calendar.holiday_overrides import HolidayOverride


class CalendarOverrideRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def all(self) -> dict[dt.date, bool]:
        rows = self._db.execute("SELECT day, is_working_day FROM calendar_overrides").fetchall()
        return {dt.date.fromisoformat(day): bool(working) for day, working in rows}

    def entries(self) -> list[HolidayOverride]:
        """Every override with its note, in date order."""
        rows = self._db.execute(
            "SELECT day, is_working_day, note FROM calendar_overrides ORDER BY day"
        ).fetchall()
        return [HolidayOverride(dt.date.fromisoformat(d), bool(w), n) for d, w, n in rows]

    def get(self, day: dt.date) -> HolidayOverride | None:
        row = self._db.execute(
            "SELECT is_working_day, note FROM calendar_overrides WHERE day = ?", [day.isoformat()]
        ).fetchone()
        return None if row is None else HolidayOverride(day, bool(row[0]), row[1])

    def put(self, override: HolidayOverride) -> None:
        self._db.execute(
            "INSERT INTO calendar_overrides (day, is_working_day, note) VALUES (?, ?, ?)"
            " ON CONFLICT(day) DO UPDATE SET is_working_day = excluded.is_working_day,"
            " note = excluded.note",
            [override.day.isoformat(), int(override.working), override.note],
        )

    def delete(self, day: dt.date) -> None:
        self._db.execute("DELETE FROM calendar_overrides WHERE day = ?", [day.isoformat()])
