"""The thresholds and clocks of forced demolition (DOMAIN §13) as tables with literal values:
the night (limit-1, limit, setting changed), the order's minimum period and the 公告's, and
which rest days are statutory holidays across National Day 2023 and its 调休."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.demolition.forced_demolition import (
    ForcedRules,
    at_night,
    check_order_period,
    forced_rules,
    parse_time,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.settings import Settings, settings_from

D = dt.date
T = dt.time
DEFAULT = ForcedRules()
EVENING = ForcedRules(night_start=T(20, 0), night_end=T(7, 0))


@pytest.mark.parametrize(
    ("at", "rules", "night"),
    [
        (T(5, 59), DEFAULT, True),
        (T(6, 0), DEFAULT, False),
        (T(21, 59), DEFAULT, False),
        (T(22, 0), DEFAULT, True),
        (T(0, 0), DEFAULT, True),
        (T(6, 30), EVENING, True),
        (T(7, 0), EVENING, False),
        (T(19, 59), EVENING, False),
        (T(20, 0), EVENING, True),
    ],
)
def test_the_night(at: dt.time, rules: ForcedRules, night: bool) -> None:
    assert at_night(at, rules) is night


@pytest.mark.parametrize(
    ("deadline", "served", "days", "refused"),
    [
        (D(2023, 9, 29), None, 1, True),  # decided 2023-09-29: the same day is no period
        (D(2023, 10, 5), None, 7, True),  # 6 days after 2023-09-29: limit-1
        (D(2023, 10, 6), None, 7, False),  # 7 days: the limit
        (D(2023, 10, 6), None, 10, True),  # the setting raised to 10
        (D(2023, 10, 9), None, 10, False),
        (D(2023, 10, 9), D(2023, 10, 3), 7, True),  # served late: 6 days left
        (D(2023, 10, 10), D(2023, 10, 3), 7, False),
        (D(2023, 10, 1), D(2023, 10, 3), 0, True),  # never a deadline before service
    ],
)
def test_the_orders_reasonable_period(
    deadline: dt.date, served: dt.date | None, days: int, refused: bool
) -> None:
    rules = ForcedRules(min_days=days)
    if refused:
        with pytest.raises(DomainError) as caught:
            check_order_period(D(2023, 9, 29), deadline, served, rules)
        assert caught.value.code == "forced.period_too_short"
    else:
        check_order_period(D(2023, 9, 29), deadline, served, rules)


@pytest.mark.parametrize(
    ("day", "holiday", "working"),
    [
        (D(2023, 9, 28), False, True),  # Thursday before the festival
        (D(2023, 9, 29), True, False),  # Mid-Autumn Festival
        (D(2023, 10, 1), True, False),  # National Day, a Sunday inside the block
        (D(2023, 10, 6), True, False),  # the block's last day
        (D(2023, 10, 7), False, True),  # Saturday, a make-up working day (调休)
        (D(2023, 10, 8), False, True),  # Sunday, a make-up working day
        (D(2023, 10, 14), False, False),  # an ordinary Saturday: a rest day, no holiday
    ],
)
def test_statutory_holidays_across_national_day_2023(
    day: dt.date, holiday: bool, working: bool
) -> None:
    calendar = WorkCalendar()
    assert calendar.is_statutory_holiday(day) is holiday
    assert calendar.is_working_day(day) is working


def test_a_weekday_the_squad_marks_as_rest_is_a_holiday_a_weekend_is_not() -> None:
    calendar = WorkCalendar({D(2023, 11, 15): False, D(2023, 11, 18): False})
    assert calendar.is_statutory_holiday(D(2023, 11, 15))
    assert not calendar.is_statutory_holiday(D(2023, 11, 18))


def test_the_settings_feed_the_rules_and_refuse_a_bad_time() -> None:
    rules = forced_rules(settings_from({"night_start": "20：00", "night_end": "7:00",
                                        "demolition_min_days": "10"}))  # fmt: skip
    assert (rules.night_start, rules.night_end, rules.min_days) == (T(20, 0), T(7, 0), 10)
    assert forced_rules(Settings()) == DEFAULT
    for bad in ("25:00", "7", "07:5", "早上"):
        with pytest.raises(DomainError) as caught:
            settings_from({"night_end": bad})
        assert caught.value.code == "settings.invalid"


@pytest.mark.parametrize(("text", "expected"), [("09:30", T(9, 30)), ("6：00", T(6, 0))])
def test_times_as_typed(text: str, expected: dt.time) -> None:
    assert parse_time(text, "carried_at") == expected


@pytest.mark.parametrize("text", ["24:00", "9", "九点", ""])
def test_a_time_that_is_none_is_refused_naming_the_field(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_time(text, "carried_at")
    assert (caught.value.code, caught.value.field) == ("forced.time_invalid", "carried_at")
