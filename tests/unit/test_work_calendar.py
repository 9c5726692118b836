"""Working days (DOMAIN §2) against the installed chinesecalendar 1.11.0 (covers 2004–2026)."""

from __future__ import annotations

import inspect
from datetime import date, timedelta

import chinese_calendar  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.calendar import work_calendar
from chuansha_enforce.domain.calendar.work_calendar import (
    CalendarResult,
    CalendarSource,
    CalendarWarning,
    WorkCalendar,
)

FALLBACK_2027 = CalendarWarning(code="calendar.fallback", year=2027)


@pytest.fixture
def calendar() -> WorkCalendar:
    return WorkCalendar()


def test_make_up_working_days_counted(calendar: WorkCalendar) -> None:
    # 2023 National Day: 09-29 to 10-06 off; Saturday 10-07 and Sunday 10-08 were worked.
    assert calendar.is_working_day(date(2023, 9, 29)) is False
    assert calendar.is_working_day(date(2023, 10, 1)) is False
    assert calendar.is_working_day(date(2023, 10, 6)) is False
    assert calendar.is_working_day(date(2023, 10, 7)) is True
    assert calendar.is_working_day(date(2023, 10, 8)) is True
    result = calendar.add_working_days(date(2023, 9, 27), 7)
    assert result == CalendarResult(date(2023, 10, 12), ())


def test_ignoring_make_up_days_gives_the_wrong_answer() -> None:
    # Holidays excluded but the make-up weekend treated as rest: DOMAIN's naive 10-16.
    no_make_up = WorkCalendar({date(2023, 10, 7): False, date(2023, 10, 8): False})
    assert no_make_up.add_working_days(date(2023, 9, 27), 7).value == date(2023, 10, 16)


def test_pure_mon_fri_fallback() -> None:
    naive = WorkCalendar(use_chinesecalendar=False)
    result = naive.add_working_days(date(2023, 9, 27), 7)
    assert result.value == date(2023, 10, 6)  # knows no holidays at all
    assert result.warnings == (CalendarWarning("calendar.fallback", 2023),)


def test_add_zero_working_days_is_the_start(calendar: WorkCalendar) -> None:
    assert calendar.add_working_days(date(2023, 10, 1), 0) == CalendarResult(date(2023, 10, 1))


def test_start_day_is_not_counted(calendar: WorkCalendar) -> None:
    assert calendar.add_working_days(date(2023, 10, 9), 1).value == date(2023, 10, 10)
    assert calendar.add_working_days(date(2023, 10, 13), 1).value == date(2023, 10, 16)


def test_calendar_period_ending_on_saturday_moves_to_monday(calendar: WorkCalendar) -> None:
    assert date(2023, 11, 25).weekday() == 5
    result = calendar.add_calendar_days(date(2023, 11, 10), 15)
    assert result == CalendarResult(date(2023, 11, 27), ())


def test_calendar_period_ending_on_working_day_stays(calendar: WorkCalendar) -> None:
    assert calendar.add_calendar_days(date(2023, 11, 1), 15).value == date(2023, 11, 16)
    # A make-up working Saturday is a working day: the period ends on it.
    assert calendar.add_calendar_days(date(2023, 9, 22), 15).value == date(2023, 10, 7)


def test_calendar_period_ending_on_national_day(calendar: WorkCalendar) -> None:
    result = calendar.add_calendar_days(date(2023, 9, 16), 15)
    # 10-01..10-06 are holidays; the library says 10-07 (a make-up Saturday) is worked.
    first_workday = next(
        d
        for d in (date(2023, 10, 1) + timedelta(days=i) for i in range(30))
        if chinese_calendar.is_workday(d)
    )
    assert first_workday == date(2023, 10, 7)
    assert result == CalendarResult(date(2023, 10, 7), ())


def test_working_days_between(calendar: WorkCalendar) -> None:
    assert calendar.working_days_between(date(2023, 9, 27), date(2023, 10, 12)) == 7
    assert calendar.working_days_between(date(2023, 9, 27), date(2023, 9, 27)) == 0
    assert calendar.working_days_between(date(2023, 9, 28), date(2023, 10, 6)) == 0
    assert calendar.working_days_between(date(2023, 10, 12), date(2023, 9, 27)) == -7


def test_sources_and_coverage(calendar: WorkCalendar) -> None:
    assert calendar.covers_year(2026) is True
    assert calendar.covers_year(2027) is False
    assert calendar.covers_year(2003) is False
    assert calendar.covered_until(2004) == 2026
    assert calendar.covered_until(2023) == 2026
    assert calendar.covered_until(2027) == 2026
    assert calendar.covered_until(2003) == 2002
    assert calendar.source(date(2026, 12, 31)) is CalendarSource.OFFICIAL
    assert calendar.source(date(2027, 1, 1)) is CalendarSource.FALLBACK
    overridden = WorkCalendar({date(2023, 10, 7): False})
    assert overridden.source(date(2023, 10, 7)) is CalendarSource.OVERRIDE
    assert WorkCalendar(use_chinesecalendar=False).covered_until(2023) == 2022


def test_beyond_the_library_falls_back_with_a_warning(calendar: WorkCalendar) -> None:
    result = calendar.add_working_days(date(2026, 12, 28), 5)
    # 12-29, 12-30, 12-31 (official), then 2027-01-01 (Friday) and 01-04 by Mon–Fri.
    assert result == CalendarResult(date(2027, 1, 4), (FALLBACK_2027,))


def test_overrides_for_uncovered_year_are_honoured() -> None:
    calendar = WorkCalendar({date(2027, 1, 1): False})
    assert calendar.is_working_day(date(2027, 1, 1)) is False
    result = calendar.add_working_days(date(2026, 12, 28), 5)
    assert result == CalendarResult(date(2027, 1, 5), (FALLBACK_2027,))


def test_fully_overridden_days_raise_no_warning() -> None:
    overrides = {date(2027, 1, d): d == 4 for d in (1, 2, 3, 4)}
    result = WorkCalendar(overrides).add_working_days(date(2026, 12, 31), 1)
    assert result == CalendarResult(date(2027, 1, 4), ())
    # Without the weekend overrides, 01-02 and 01-03 are Mon–Fri guesses: warned.
    partial = WorkCalendar({date(2027, 1, 1): False, date(2027, 1, 4): True})
    assert partial.add_working_days(date(2026, 12, 31), 1).warnings == (FALLBACK_2027,)


def test_overrides_win_over_the_official_schedule() -> None:
    calendar = WorkCalendar({date(2023, 10, 7): False, date(2023, 10, 2): True})
    assert calendar.is_working_day(date(2023, 10, 7)) is False
    assert calendar.is_working_day(date(2023, 10, 2)) is True
    # 10-02 now counts, 10-07 does not: 7 working days end on the same 10-12.
    assert calendar.add_working_days(date(2023, 9, 27), 7).value == date(2023, 10, 12)
    assert calendar.add_working_days(date(2023, 9, 28), 1).value == date(2023, 10, 2)


def test_overrides_are_copied() -> None:
    overrides = {date(2023, 10, 7): False}
    calendar = WorkCalendar(overrides)
    overrides[date(2023, 10, 7)] = True
    assert calendar.is_working_day(date(2023, 10, 7)) is False


def test_calendar_days_into_uncovered_year() -> None:
    result = WorkCalendar().add_calendar_days(date(2026, 12, 17), 15)
    assert result == CalendarResult(date(2027, 1, 1), (FALLBACK_2027,))
    overridden = WorkCalendar({date(2027, 1, 1): False})
    result = overridden.add_calendar_days(date(2026, 12, 17), 15)
    assert result == CalendarResult(date(2027, 1, 4), (FALLBACK_2027,))


def test_warnings_one_per_year_sorted() -> None:
    naive = WorkCalendar(use_chinesecalendar=False)
    result = naive.add_working_days(date(2023, 12, 20), 30)
    assert result.warnings == (
        CalendarWarning("calendar.fallback", 2023),
        CalendarWarning("calendar.fallback", 2024),
    )


def test_negative_period_is_a_programming_error(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="negative"):
        calendar.add_working_days(date(2023, 1, 1), -1)
    with pytest.raises(ValueError, match="negative"):
        calendar.add_calendar_days(date(2023, 1, 1), -1)


def test_needs_startup_warning(calendar: WorkCalendar) -> None:
    assert calendar.needs_startup_warning(date(2026, 6, 1)) is None
    assert calendar.needs_startup_warning(date(2026, 10, 2)) is None  # ends 2026-12-31
    assert calendar.needs_startup_warning(date(2026, 10, 3)) == 2027  # ends 2027-01-01
    assert calendar.needs_startup_warning(date(2026, 6, 1), horizon_days=365) == 2027
    assert calendar.needs_startup_warning(date(2028, 3, 1)) == 2028
    assert WorkCalendar(use_chinesecalendar=False).needs_startup_warning(date(2024, 1, 1)) == 2024


def test_library_probed_once_per_uncovered_year(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[date] = []
    real = chinese_calendar.is_workday

    def counting(day: date) -> bool:
        calls.append(day)
        return bool(real(day))

    monkeypatch.setattr(chinese_calendar, "is_workday", counting)
    calendar = WorkCalendar()
    calendar.add_working_days(date(2027, 1, 1), 20)
    assert calendar.covers_year(2027) is False
    assert calls == [date(2027, 1, 2)]


def test_no_clock_reads() -> None:
    source = inspect.getsource(work_calendar)
    assert "today()" not in source
    assert "now()" not in source


# Dates from inside the covered years and just past them.
DATES = st.dates(min_value=date(2004, 1, 1), max_value=date(2027, 6, 30))
OVERRIDES = st.dictionaries(DATES, st.booleans(), max_size=20)


@given(DATES, st.integers(min_value=1, max_value=60), OVERRIDES)
def test_add_working_days_property(start: date, n: int, overrides: dict[date, bool]) -> None:
    calendar = WorkCalendar(overrides)
    result = calendar.add_working_days(start, n)
    assert calendar.is_working_day(result.value)
    assert calendar.working_days_between(start, result.value) == n
    assert calendar.working_days_between(start, result.value - timedelta(days=1)) == n - 1
    has_fallback = any(
        calendar.source(start + timedelta(days=i)) is CalendarSource.FALLBACK
        for i in range(1, (result.value - start).days + 1)
    )
    assert bool(result.warnings) == has_fallback


@given(DATES, st.integers(min_value=0, max_value=120), OVERRIDES)
def test_add_calendar_days_property(start: date, n: int, overrides: dict[date, bool]) -> None:
    calendar = WorkCalendar(overrides)
    result = calendar.add_calendar_days(start, n)
    end = start + timedelta(days=n)
    assert result.value >= end
    assert calendar.is_working_day(result.value)
    skipped = (end + timedelta(days=i) for i in range((result.value - end).days))
    assert not any(calendar.is_working_day(day) for day in skipped)


@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2026, 10, 1)), st.integers(1, 30))
def test_working_days_agree_with_a_day_by_day_count(start: date, n: int) -> None:
    """Independent of WorkCalendar: walk day by day asking the official library itself."""
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        counted += bool(chinese_calendar.is_workday(day))
    result = WorkCalendar().add_working_days(start, n)
    assert result.value == day
    assert result.warnings == ()
