"""The working-day calendar in use: built-in official data, the user's overrides, a fallback."""

from __future__ import annotations

from dataclasses import dataclass

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.clock import Clock, today_in_china
from chuansha_enforce.services.context import UNCHECKED, SessionBook, SessionReads
from chuansha_enforce.storage.calendar.calendar_overrides import CalendarOverrideRepository

HORIZON_DAYS = 90


@dataclass(frozen=True, slots=True)
class CalendarNotice:
    """A warning for the user, in the message catalogue's terms."""

    code: str
    params: dict[str, object]


class CalendarService(SessionReads):
    def __init__(
        self,
        overrides: CalendarOverrideRepository,
        clock: Clock,
        *,
        book: SessionBook = UNCHECKED,
    ) -> None:
        super().__init__(book)
        self._overrides = overrides
        self._clock = clock

    def work_calendar(self) -> WorkCalendar:
        return WorkCalendar(self._overrides.all())

    def startup_notice(self) -> CalendarNotice | None:
        """Say so when deadlines within the next 90 days reach a year with no schedule.

        A year counts as entered once the user has recorded any override day in it.
        """
        overrides = self._overrides.all()
        calendar = WorkCalendar(overrides)
        today = today_in_china(self._clock)
        year = calendar.needs_startup_warning(today, HORIZON_DAYS)
        if year is None or any(day.year == year for day in overrides):
            return None
        return CalendarNotice("calendar.uncovered", {"year": year, "last": year - 1})
