"""Working days (DOMAIN §2): overrides, then ``chinesecalendar``, then Mon–Fri.

Pure: every date comes from the caller; the clock is never read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from typing import Final

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]

FALLBACK_WARNING: Final = "calendar.fallback"
_ONE_DAY: Final = timedelta(days=1)
_LAST_YEAR: Final = date.max.year


class CalendarSource(Enum):
    """Where a day's working/rest status came from, strongest first."""

    OVERRIDE = "override"
    OFFICIAL = "official"
    FALLBACK = "fallback"


@dataclass(frozen=True, slots=True)
class CalendarWarning:
    """A computed date relied on the Mon–Fri guess for ``year``."""

    code: str
    year: int


@dataclass(frozen=True, slots=True)
class CalendarResult:
    """A computed date and the warnings the computation raised."""

    value: date
    warnings: tuple[CalendarWarning, ...] = ()


class WorkCalendar:
    """Decides working days through layered sources.

    ``overrides`` (date -> True for a working day, False for a rest day) win over everything;
    then the official schedule from ``chinese_calendar``; then Monday to Friday.
    """

    def __init__(
        self, overrides: Mapping[date, bool] | None = None, use_chinesecalendar: bool = True
    ) -> None:
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._use_official = use_chinesecalendar
        self._covered: dict[int, bool] = {}
        self._days: dict[date, tuple[bool, CalendarSource]] = {}

    def _official(self, day: date) -> bool | None:
        """The library's answer, or None when it has no data for the year."""
        if not self._use_official or self._covered.get(day.year) is False:
            return None
        try:
            working = bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            self._covered[day.year] = False
            return None
        self._covered[day.year] = True
        return working

    def covers_year(self, year: int) -> bool:
        """Whether ``chinese_calendar`` has the official schedule for ``year`` (probed once)."""
        if year not in self._covered:
            self._official(date(year, 1, 1))
        return self._covered.get(year, False)

    def source(self, day: date) -> CalendarSource:
        if day in self._overrides:
            return CalendarSource.OVERRIDE
        if self.covers_year(day.year):
            return CalendarSource.OFFICIAL
        return CalendarSource.FALLBACK

    def _lookup(self, day: date) -> tuple[bool, CalendarSource]:
        # chinese_calendar scans its whole holiday table on every call (min/max over it):
        # remember each day's answer; the overrides are fixed for this instance.
        known = self._days.get(day)
        if known is not None:
            return known
        answer = self._decide(day)
        self._days[day] = answer
        return answer

    def _decide(self, day: date) -> tuple[bool, CalendarSource]:
        override = self._overrides.get(day)
        if override is not None:
            return override, CalendarSource.OVERRIDE
        official = self._official(day)
        if official is not None:
            return official, CalendarSource.OFFICIAL
        return day.weekday() < 5, CalendarSource.FALLBACK

    def is_working_day(self, day: date) -> bool:
        return self._lookup(day)[0]

    def add_working_days(self, start: date, n: int) -> CalendarResult:
        """The nth working day after ``start`` (the start day is not counted); n >= 0."""
        _check_non_negative(n)
        day, remaining = start, n
        fallback_years: set[int] = set()
        while remaining:
            day += _ONE_DAY
            working, source = self._lookup(day)
            if source is CalendarSource.FALLBACK:
                fallback_years.add(day.year)
            if working:
                remaining -= 1
        return CalendarResult(day, _warnings(fallback_years))

    def add_calendar_days(self, start: date, n: int) -> CalendarResult:
        """``start + n`` days; a last day that is a rest day moves to the next working day."""
        _check_non_negative(n)
        day = start + timedelta(days=n)
        fallback_years: set[int] = set()
        while True:
            working, source = self._lookup(day)
            if source is CalendarSource.FALLBACK:
                fallback_years.add(day.year)
            if working:
                return CalendarResult(day, _warnings(fallback_years))
            day += _ONE_DAY

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += _ONE_DAY
            if self._lookup(day)[0]:
                count += 1
        return count

    def covered_until(self, probe_from_year: int) -> int:
        """Last year of the unbroken covered run starting at ``probe_from_year``.

        ``probe_from_year - 1`` when that year itself is not covered.
        """
        year = probe_from_year
        while year <= _LAST_YEAR and self.covers_year(year):
            year += 1
        return year - 1

    def needs_startup_warning(self, today: date, horizon_days: int = 90) -> int | None:
        """The first year in [today, today + horizon] without official data, else None."""
        end = today + timedelta(days=horizon_days)
        for year in range(today.year, end.year + 1):
            if not self.covers_year(year):
                return year
        return None


def _check_non_negative(n: int) -> None:
    # A period length comes from the law, never from user input: misuse is a programming error.
    if n < 0:
        raise ValueError(f"period must not be negative: {n}")


def _warnings(years: Iterable[int]) -> tuple[CalendarWarning, ...]:
    return tuple(CalendarWarning(FALLBACK_WARNING, year) for year in sorted(years))
