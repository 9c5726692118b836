"""The statutory clocks, on real dates of the official calendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.calendar.deadlines import (
    DutyFacts,
    Pause,
    cash_to_agency_due,
    decision_due,
    disclosure_due,
    late_days,
    payment_due,
    service_due,
    surcharge_fen,
)
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState, deadline_flag
from chuansha_enforce.domain.clock import china_time

D = dt.date


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


def test_seven_working_days_cross_national_day_with_make_up_days(calendar: WorkCalendar) -> None:
    # 2023-10-07 and 10-08 (Sat/Sun) were make-up working days.
    assert service_due(D(2023, 9, 27), calendar).value == D(2023, 10, 12)
    assert disclosure_due(D(2023, 9, 27), calendar).value == D(2023, 10, 12)


def test_decision_due_is_90_calendar_days_moved_off_a_rest_day(calendar: WorkCalendar) -> None:
    # 2023-03-01 + 90 = 2023-05-30, a Tuesday: stays.
    assert decision_due(D(2023, 3, 1), calendar).value == D(2023, 5, 30)
    # 2023-07-03 + 90 = 2023-10-01, National Day: moves to the next working day, 10-07.
    assert decision_due(D(2023, 7, 3), calendar).value == D(2023, 10, 7)
    # An approved 30-day extension.
    assert decision_due(D(2023, 3, 1), calendar, extension_days=30).value == D(2023, 6, 29)


def test_payment_due_is_15_days_after_service(calendar: WorkCalendar) -> None:
    assert payment_due(D(2023, 11, 10), calendar).value == D(2023, 11, 27)  # Sat 11-25 → Mon
    assert payment_due(D(2023, 11, 1), calendar).value == D(2023, 11, 16)


def test_cash_handover_two_working_days(calendar: WorkCalendar) -> None:
    assert cash_to_agency_due(D(2023, 9, 28), calendar).value == D(2023, 10, 8)


def test_dates_past_the_official_calendar_carry_a_warning(calendar: WorkCalendar) -> None:
    result = service_due(D(2026, 12, 28), calendar)
    assert result.value == D(2027, 1, 6)
    assert [w.year for w in result.warnings] == [2027]
    assert service_due(D(2026, 6, 1), calendar).warnings == ()


def test_surcharge_reaches_the_fine_on_day_34() -> None:
    fine = 100_000  # 1,000 元
    assert surcharge_fen(fine, 0) == 0
    assert surcharge_fen(fine, 1) == 3_000
    assert surcharge_fen(fine, 33) == 99_000
    assert surcharge_fen(fine, 34) == fine
    assert surcharge_fen(fine, 400) == fine
    assert surcharge_fen(0, 10) == 0
    assert surcharge_fen(333, 1) == 10  # 9.99 fen rounds half up to 10


@given(st.integers(1, 10**10), st.integers(0, 1000))
def test_surcharge_never_exceeds_the_fine_and_grows(fine: int, days: int) -> None:
    assert 0 <= surcharge_fen(fine, days) <= fine
    assert surcharge_fen(fine, days) <= surcharge_fen(fine, days + 1)


def test_late_days_skip_reconsideration_and_litigation() -> None:
    due = D(2024, 3, 15)
    assert late_days(due, D(2024, 3, 15)) == 0
    assert late_days(due, D(2024, 3, 20)) == 5
    review = Pause(D(2024, 3, 18), D(2024, 3, 19))
    assert late_days(due, D(2024, 3, 20), (review,)) == 3
    # A pause that began before the due date only removes days after it.
    earlier = Pause(D(2024, 3, 1), D(2024, 3, 16))
    assert late_days(due, D(2024, 3, 20), (earlier,)) == 4
    assert late_days(due, D(2024, 3, 20), (Pause(D(2024, 3, 1), D(2024, 4, 1)),)) == 0


def test_list_flags_yellow_and_red(calendar: WorkCalendar) -> None:
    filed = D(2024, 3, 4)  # decision due 2024-06-03 (06-02 is a Sunday)

    def flag(as_of: dt.date, **kw: Any) -> ClockState | None:
        return deadline_flag(DutyFacts(filed, **kw), as_of, calendar)

    assert flag(D(2024, 5, 20)) is None
    assert flag(D(2024, 5, 29)) is ClockState.DUE_SOON
    assert flag(D(2024, 6, 3)) is ClockState.DUE_SOON
    assert flag(D(2024, 6, 4)) is ClockState.OVERDUE
    assert flag(D(2024, 6, 4), closed=True) is None
    # decided 2024-06-03, service due 7 working days later: 2024-06-13 (06-10 Dragon Boat)
    assert flag(D(2024, 6, 13), decided_on=D(2024, 6, 3)) is ClockState.DUE_SOON
    assert flag(D(2024, 6, 14), decided_on=D(2024, 6, 3)) is ClockState.OVERDUE
    served = {"decided_on": D(2024, 6, 3), "served_on": D(2024, 6, 5)}
    assert flag(D(2024, 6, 14), **served) is None


def test_list_flag_uses_the_extended_decision_deadline(calendar: WorkCalendar) -> None:
    filed = D(2024, 3, 4)  # due 2024-06-03; extended by 30 days: 2024-07-02 (a Tuesday)
    assert deadline_flag(DutyFacts(filed), D(2024, 6, 4), calendar) is ClockState.OVERDUE
    extended = DutyFacts(filed, extension_days=30)
    assert deadline_flag(extended, D(2024, 6, 4), calendar) is None
    assert deadline_flag(extended, D(2024, 6, 27), calendar) is ClockState.DUE_SOON
    assert deadline_flag(extended, D(2024, 7, 2), calendar) is ClockState.DUE_SOON
    assert deadline_flag(extended, D(2024, 7, 3), calendar) is ClockState.OVERDUE


def test_list_flag_runs_the_payment_clock(calendar: WorkCalendar) -> None:
    # served 2024-06-05: pay by 2024-06-20 (a Thursday)
    owed = DutyFacts(
        D(2024, 3, 4),
        decided_on=D(2024, 6, 3),
        served_on=D(2024, 6, 5),
        money_decided_fen=20_000,
    )
    assert deadline_flag(owed, D(2024, 6, 14), calendar) is None
    assert deadline_flag(owed, D(2024, 6, 17), calendar) is ClockState.DUE_SOON
    assert deadline_flag(owed, D(2024, 6, 21), calendar) is ClockState.OVERDUE
    paid = dataclasses.replace(owed, paid_in_full_on=D(2024, 6, 18))
    assert deadline_flag(paid, D(2024, 6, 21), calendar) is None
    late = dataclasses.replace(owed, paid_in_full_on=D(2024, 6, 25))
    assert deadline_flag(late, D(2024, 6, 21), calendar) is ClockState.OVERDUE
    assert deadline_flag(late, D(2024, 6, 25), calendar) is None  # paid late: nothing open
    # public notice takes effect 60 days later (2024-08-04); pay by 2024-08-19 (a Monday)
    noticed = dataclasses.replace(owed, public_notice=True)
    assert deadline_flag(noticed, D(2024, 6, 21), calendar) is None
    assert deadline_flag(noticed, D(2024, 8, 19), calendar) is ClockState.DUE_SOON
    assert deadline_flag(noticed, D(2024, 8, 20), calendar) is ClockState.OVERDUE


def test_stored_utc_timestamps_read_in_beijing_time() -> None:
    assert china_time("2026-11-27T02:00:00.000000+00:00") == "2026-11-27 10:00"
    assert china_time("2026-12-31T16:30:00+00:00") == "2027-01-01 00:30"
    assert china_time("2026-12-31T16:30:00") == "2027-01-01 00:30"  # naive = UTC
