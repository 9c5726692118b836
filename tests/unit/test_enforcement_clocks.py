"""After the decision (DOMAIN §14): each clock at its boundaries, with literal dates.

The dates sit around National Day 2023 (2023-09-29 to 10-06 off, Saturday 10-07 and Sunday 10-08
make-up working days), so a Monday-to-Friday count would give other answers than the ones
written here, and in 2027, which ``chinesecalendar`` does not cover: the Monday-to-Friday
fallback with its warning, and the user's override table taking precedence.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain.after_decision.enforcement import (
    case_flag,
    check_court_application,
    check_court_ruling,
    check_plan,
    check_reminder,
    court_window,
    enforcement_clocks,
    months_after,
    parse_plan,
    remedies_end,
    reminder_due,
)
from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    Instalment,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.calendar.deadlines import Pause
from chuansha_enforce.domain.calendar.work_calendar import CalendarWarning, WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import (
    ClockState,
    case_clocks,
    case_instalments,
    duty_facts,
    instalment_states,
    state_on,
)
from chuansha_enforce.domain.cases.case_file import CaseFile, Decision, SurchargePause
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
)
from chuansha_enforce.domain.enums import Outcome, PartyType, PauseKind, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord

D = dt.date
CAL = WorkCalendar()
FALLBACK_2027 = (CalendarWarning("calendar.fallback", 2027),)


def case(
    served_on: D,
    *,
    fine_fen: int = 300_000,
    method: ServiceMethod = ServiceMethod.DIRECT,
    payments: tuple[PaymentRecord, ...] = (),
    plan: InstalmentPlan | None = None,
    reminder: PaymentReminder | None = None,
    court: CourtApplication | None = None,
    pauses: tuple[SurchargePause, ...] = (),
) -> CaseFile:
    decided = served_on - dt.timedelta(days=1)
    return CaseFile(
        id=1,
        case_no="川执立〔2023〕1号",
        party=PartyRecord(PartyType.LEGAL_PERSON, "上海某餐饮有限公司"),
        cause="油烟直排案",
        filed_on=decided - dt.timedelta(days=30),
        officers=(),
        decision=Decision(
            "沪浦川执罚〔2023〕1号",
            decided,
            Outcome.PENALTY,
            frozenset({PenaltyKind.FINE}),
            fine_fen=fine_fen,
        ),
        served_on=served_on,
        service_method=method,
        payments=payments,
        pauses=pauses,
        instalment_plan=plan,
        reminder=reminder,
        court=court,
    )


def dispute(
    kind: DisputeKind,
    outcome: DisputeOutcome | None,
    outcome_on: D | None,
    instance: Instance = Instance.FIRST,
) -> DisputeRecord:
    return DisputeRecord(kind, "（2023）沪0115行初1号", "上海某餐饮有限公司", DisputedAct.PENALTY,
                         "浦东新区人民法院", D(2023, 4, 20), "川执立〔2023〕1号",
                         instance=instance, outcome=outcome, outcome_on=outcome_on)  # fmt: skip


@pytest.mark.parametrize(
    ("start", "months", "calendar", "expected", "warnings"),
    [
        # 2023-09-30 is in the National Day holiday: the period ends on make-up Saturday 10-07
        (D(2023, 3, 31), 6, CAL, D(2023, 10, 7), ()),
        (D(2023, 3, 29), 6, CAL, D(2023, 10, 7), ()),  # 09-29 off as well
        (D(2023, 3, 28), 6, CAL, D(2023, 9, 28), ()),  # the last working day before it
        (D(2023, 8, 31), 6, CAL, D(2024, 2, 29), ()),  # no 02-31: the month's last day
        (D(2023, 4, 30), 6, CAL, D(2023, 10, 30), ()),
        # 2027: Monday to Friday, and said so; 2027-02-28 is a Sunday
        (D(2026, 12, 31), 2, CAL, D(2027, 3, 1), FALLBACK_2027),
        (D(2026, 12, 15), 6, CAL, D(2027, 6, 15), FALLBACK_2027),
        # the override table wins: 2027-06-15 entered as a rest day
        (D(2026, 12, 15), 6, WorkCalendar({D(2027, 6, 15): False}), D(2027, 6, 16),
         FALLBACK_2027),
    ],
)  # fmt: skip
def test_months_count_to_the_corresponding_day_and_leave_rest_days(
    start: D, months: int, calendar: WorkCalendar, expected: D, warnings: tuple[object, ...]
) -> None:
    result = months_after(start, months, calendar)
    assert (result.value, result.warnings) == (expected, warnings)


@pytest.mark.parametrize(
    ("disputes", "expected"),
    [
        # none: 60 days and 6 months after service (2023-03-31): the later, 10-07 (make-up day)
        ((), D(2023, 10, 7)),
        # a reconsideration decided on 09-14: 15 days to sue end on 09-29, a holiday -> 10-07
        ((dispute(DisputeKind.RECONSIDERATION, DisputeOutcome.UPHELD, D(2023, 9, 14)),),
         D(2023, 10, 7)),
        ((dispute(DisputeKind.RECONSIDERATION, DisputeOutcome.UPHELD, D(2023, 9, 12)),),
         D(2023, 9, 27)),
        # a withdrawn one leaves the lawsuit period counted from service
        ((dispute(DisputeKind.RECONSIDERATION, DisputeOutcome.WITHDRAWN, D(2023, 5, 10)),),
         D(2023, 10, 7)),
        # a first-instance judgment is in force when its 15 days to appeal end
        ((dispute(DisputeKind.LITIGATION, DisputeOutcome.CLAIM_REJECTED, D(2023, 11, 1)),),
         D(2023, 11, 16)),
        # a ruling dismissing the suit: 10 days
        ((dispute(DisputeKind.LITIGATION, DisputeOutcome.SUIT_DISMISSED, D(2023, 11, 1)),),
         D(2023, 11, 13)),  # 11-11 is a Saturday
        # appealed: the second instance's judgment is in force on its date
        ((dispute(DisputeKind.LITIGATION, DisputeOutcome.CLAIM_REJECTED, D(2023, 11, 1)),
          dispute(DisputeKind.LITIGATION, DisputeOutcome.CLAIM_REJECTED, D(2024, 3, 5),
                  Instance.SECOND)), D(2024, 3, 5)),
        # still pending: not ended
        ((dispute(DisputeKind.LITIGATION, None, None),), None),
    ],
)  # fmt: skip
def test_the_review_and_lawsuit_periods_end(
    disputes: tuple[DisputeRecord, ...], expected: D | None
) -> None:
    result = remedies_end(D(2023, 3, 31), disputes, CAL)
    assert (result.value if result else None) == expected


@pytest.mark.parametrize(
    ("reminded", "plan_ends", "disputes", "opens", "closes"),
    [
        # 10 working days after 09-27 cross National Day: 10-17 (a Monday-to-Friday count
        # without the holiday says 10-11); the periods end 10-07, so the 催告's 10 days decide
        (D(2023, 9, 27), None, (), D(2023, 10, 17), D(2024, 1, 8)),  # 01-07 is a Sunday
        (D(2023, 9, 26), None, (), D(2023, 10, 16), D(2024, 1, 8)),
        # an early 催告: the end of the periods decides
        (D(2023, 5, 10), None, (), D(2023, 10, 7), D(2024, 1, 8)),
        # a plan ending after the periods: 3 months from its end
        (D(2023, 9, 27), D(2023, 12, 29), (), D(2023, 10, 17), D(2024, 3, 29)),
        # no 催告 yet: the window's end is known, its start is not
        (None, None, (), None, D(2024, 1, 8)),
        # a lawsuit pending: neither
        (D(2023, 9, 27), None, (dispute(DisputeKind.LITIGATION, None, None),), None, None),
    ],
)  # fmt: skip
def test_the_court_window(
    reminded: D | None,
    plan_ends: D | None,
    disputes: tuple[DisputeRecord, ...],
    opens: D | None,
    closes: D | None,
) -> None:
    plan = None
    if plan_ends is not None:
        plan = InstalmentPlan(D(2023, 4, 10), (Instalment(plan_ends, 300_000),))
    reminder = PaymentReminder(reminded, reminded + dt.timedelta(days=10)) if reminded else None
    facts = duty_facts(case(D(2023, 3, 31), plan=plan, reminder=reminder))
    window = court_window(dataclasses.replace(facts, disputes=disputes), CAL)
    assert window is not None
    assert (window.opens.value if window.opens else None) == opens
    assert (window.closes.value if window.closes else None) == closes


def test_the_window_in_2027_warns_and_follows_the_override_table() -> None:
    served = D(2026, 9, 30)  # 6 months: 2027-03-30 (Tue); 3 months more: 2027-06-30 (Wed)
    reminded = PaymentReminder(D(2026, 12, 21), D(2026, 12, 31))
    facts = duty_facts(case(served, reminder=reminded))
    window = court_window(facts, CAL)
    assert window is not None
    assert window.opens
    assert window.closes
    assert (window.opens.value, window.closes.value) == (D(2027, 3, 30), D(2027, 6, 30))
    assert window.closes.warnings == FALLBACK_2027
    overrides = WorkCalendar({D(2027, 3, 30): False, D(2027, 6, 30): False})
    moved = court_window(facts, overrides)
    assert moved is not None
    assert moved.opens
    assert moved.closes
    assert (moved.opens.value, moved.closes.value) == (D(2027, 3, 31), D(2027, 7, 1))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        # Mon-Fri fallback counts 2027-01-01 (a Friday) as a working day
        ({}, D(2027, 1, 4)),
        # the user entered New Year's Day as a holiday
        ({D(2027, 1, 1): False}, D(2027, 1, 5)),
    ],
)
def test_ten_working_days_after_the_reminder_in_2027(overrides: dict[D, bool], expected: D) -> None:
    calendar = WorkCalendar(overrides)
    served = D(2026, 6, 1)  # the periods end 2026-12-01, before the 10 days
    reminder = PaymentReminder(D(2026, 12, 21), D(2026, 12, 31))
    window = court_window(duty_facts(case(served, reminder=reminder)), calendar)
    assert window is not None
    assert window.opens is not None
    assert window.opens.value == expected
    assert window.opens.warnings == FALLBACK_2027


@pytest.mark.parametrize(
    ("as_of", "state"),
    [
        (D(2024, 1, 2), ClockState.PENDING),  # 4 working days before 2024-01-08
        (D(2024, 1, 3), ClockState.DUE_SOON),  # 3 working days before
        (D(2024, 1, 8), ClockState.DUE_SOON),  # the last day
        (D(2024, 1, 9), ClockState.OVERDUE),  # closed without an application
    ],
)
def test_the_court_application_by_clock_and_the_list_colour(as_of: D, state: ClockState) -> None:
    reminded = case(D(2023, 3, 31), reminder=PaymentReminder(D(2023, 9, 27), D(2023, 10, 9)))
    clocks, warnings = enforcement_clocks(reminded, (), as_of, CAL, 3)
    by = {c.name: c for c in clocks}["court_application_by"]
    assert (by.due, by.state, warnings) == (D(2024, 1, 8), state, ())
    flag = case_flag(duty_facts(reminded), as_of, CAL, 3)
    assert flag == (None if state is ClockState.PENDING else state)
    applied = case(D(2023, 3, 31), reminder=reminded.reminder,
                   court=CourtApplication(D(2023, 10, 17)))  # fmt: skip
    assert case_flag(duty_facts(applied), as_of, CAL, 3) is None


def test_before_the_reminder_the_missed_payment_colours_the_list() -> None:
    unpaid = case(D(2023, 3, 31))  # due 2023-04-17 (04-15 a Saturday)
    assert case_flag(duty_facts(unpaid), D(2023, 4, 17), CAL, 3) is ClockState.DUE_SOON
    assert case_flag(duty_facts(unpaid), D(2023, 4, 18), CAL, 3) is ClockState.OVERDUE


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [(D(2023, 4, 17), None), (D(2023, 4, 18), D(2023, 4, 18))],
)
def test_the_reminder_is_due_the_day_after_a_missed_due_date(as_of: D, expected: D | None) -> None:
    assert reminder_due(case(D(2023, 3, 31)), CAL, as_of) == expected


def test_the_reminder_clock_is_met_once_served() -> None:
    reminded = case(D(2023, 3, 31), reminder=PaymentReminder(D(2023, 4, 20), D(2023, 5, 4)))
    clocks, _ = enforcement_clocks(reminded, (), D(2023, 5, 1), CAL, 3)
    found = {c.name: (c.due, c.state) for c in clocks}
    assert found == {
        "reminder_due": (D(2023, 4, 18), ClockState.MET),
        # 10 working days after 04-20 (04-29 to 05-03 off; 04-23 and 05-06 make-up days)
        "court_application_from": (D(2023, 10, 7), ClockState.PENDING),
        "court_application_by": (D(2024, 1, 8), ClockState.PENDING),
    }


PLAN = InstalmentPlan(
    D(2024, 5, 10), (Instalment(D(2024, 5, 31), 100_000), Instalment(D(2024, 6, 30), 100_000))
)


@pytest.mark.parametrize(
    ("as_of", "pauses", "second_days", "second_surcharge"),
    [
        (D(2024, 6, 30), (), 0, 0),
        (D(2024, 7, 1), (), 1, 3_000),  # 3 % of the instalment a day
        (D(2024, 8, 2), (), 33, 99_000),
        (D(2024, 8, 3), (), 34, 100_000),  # capped at the instalment on day 34
        (D(2024, 9, 30), (), 92, 100_000),
        # a reconsideration from 07-01 to 07-10 pauses it (APL 73)
        (D(2024, 7, 20), (Pause(D(2024, 7, 1), D(2024, 7, 10)),), 10, 30_000),
    ],
)
def test_each_instalment_earns_its_own_surcharge(
    as_of: D, pauses: tuple[Pause, ...], second_days: int, second_surcharge: int
) -> None:
    paid = [(D(2024, 5, 8), 100_000), (D(2024, 6, 10), 100_000)]  # before the plan; 10 days late
    states = instalment_states(PLAN, 300_000, paid, pauses, as_of)
    first, second = states
    assert (first.paid_on, first.days_late, first.surcharge_fen) == (D(2024, 6, 10), 10, 30_000)
    assert (second.paid_on, second.days_late, second.surcharge_fen) == (
        None, second_days, second_surcharge)  # fmt: skip


def test_case_clocks_with_a_plan() -> None:
    planned = case(
        D(2024, 5, 6),
        payments=(PaymentRecord(D(2024, 5, 8), 100_000), PaymentRecord(D(2024, 6, 10), 100_000)),
        plan=PLAN,
        pauses=(SurchargePause(PauseKind.RECONSIDERATION, D(2024, 7, 1), D(2024, 7, 10)),),
    )
    clocks = case_clocks(planned, D(2024, 7, 20), CAL)
    assert clocks.due_dates()["payment_due"] == "2024-06-30"  # the instalment owed now
    assert (clocks.surcharge_fen, clocks.days_late) == (60_000, 10)
    assert clocks.amount_due_fen == 100_000 + 60_000
    assert [i.surcharge_fen for i in case_instalments(planned, D(2024, 7, 20))] == [30_000, 30_000]


def _refusal(call: object) -> str:
    assert callable(call)
    with pytest.raises(DomainError) as caught:
        call()
    return caught.value.code


def test_a_plan_is_checked() -> None:
    owed = case(D(2024, 5, 6), payments=(PaymentRecord(D(2024, 5, 8), 100_000),))
    today = D(2024, 6, 1)
    check_plan(owed, PLAN, today, CAL)
    # the payment period ends 2024-05-21: approved on that day, not the day after
    check_plan(owed, InstalmentPlan(D(2024, 5, 21), PLAN.instalments), D(2024, 6, 1), CAL)
    late = InstalmentPlan(D(2024, 5, 22), PLAN.instalments)
    assert _refusal(lambda: check_plan(owed, late, today, CAL)) == "enforcement.plan_after_due"
    short = InstalmentPlan(D(2024, 5, 10), PLAN.instalments[:1])
    assert _refusal(lambda: check_plan(owed, short, today, CAL)) == "enforcement.plan_total"
    backwards = InstalmentPlan(D(2024, 5, 10), PLAN.instalments[::-1])
    assert _refusal(lambda: check_plan(owed, backwards, today, CAL)) == "enforcement.plan_order"
    again = case(D(2024, 5, 6), plan=PLAN)
    assert _refusal(lambda: check_plan(again, PLAN, today, CAL)) == "enforcement.plan_exists"


def test_parse_plan() -> None:
    assert parse_plan("2024-05-31:1000，2024-06-30：1000.5\n") == (
        Instalment(D(2024, 5, 31), 100_000), Instalment(D(2024, 6, 30), 100_050))  # fmt: skip
    assert _refusal(lambda: parse_plan("2024-05-31")) == "enforcement.plan_item"
    assert _refusal(lambda: parse_plan("2024-5-31:1000")) == "date.invalid"
    assert _refusal(lambda: parse_plan("2024-05-31:一千")) == "money.invalid"


def test_the_reminder_and_the_application_are_checked() -> None:
    unpaid = case(D(2023, 3, 31))  # due 2023-04-17
    early = PaymentReminder(D(2023, 4, 17), D(2023, 4, 27))
    today = D(2023, 12, 1)
    assert _refusal(lambda: check_reminder(unpaid, early, today, CAL)) == (
        "enforcement.reminder_not_due")  # fmt: skip
    check_reminder(unpaid, PaymentReminder(D(2023, 4, 18), D(2023, 4, 28)), today, CAL)
    backwards = PaymentReminder(D(2023, 4, 18), D(2023, 4, 18))
    assert _refusal(lambda: check_reminder(unpaid, backwards, today, CAL)) == (
        "enforcement.reminder_until")  # fmt: skip
    assert (
        _refusal(
            lambda: check_court_application(unpaid, CourtApplication(D(2023, 11, 1)), today, None)
        )
        == "enforcement.no_reminder"
    )
    reminded = case(D(2023, 3, 31), reminder=PaymentReminder(D(2023, 9, 27), D(2023, 10, 9)))
    window = court_window(duty_facts(reminded), CAL)
    for day, code in ((D(2023, 10, 16), "enforcement.apply_too_early"), (D(2023, 10, 17), None)):
        application = CourtApplication(day)
        if code is None:
            check_court_application(reminded, application, today, window)
        else:
            assert (
                _refusal(lambda a=application: check_court_application(reminded, a, today, window))
                == code
            )
    applied = case(D(2023, 3, 31), court=CourtApplication(D(2023, 10, 17)))
    assert check_court_ruling(applied, D(2023, 11, 1), " 准予强制执行 ", today) == "准予强制执行"
    assert _refusal(lambda: check_court_ruling(applied, D(2023, 10, 16), "准予", today)) == (
        "date.too_early")  # fmt: skip
    assert _refusal(lambda: check_court_ruling(reminded, D(2023, 11, 1), "准予", today)) == (
        "enforcement.not_applied")  # fmt: skip


def test_state_on_is_the_one_rule() -> None:
    assert state_on(D(2024, 1, 8), D(2024, 1, 8), D(2024, 2, 1), CAL) is ClockState.MET
    assert state_on(D(2024, 1, 8), D(2024, 1, 9), D(2024, 2, 1), CAL) is ClockState.MISSED


def test_no_reminder_is_due_once_paid_and_steps_count_from_their_date() -> None:
    paid_late = case(D(2023, 3, 31), payments=(PaymentRecord(D(2023, 4, 25), 300_000),))
    assert enforcement_clocks(paid_late, (), D(2023, 4, 24), CAL, 3)[0][0].name == "reminder_due"
    assert enforcement_clocks(paid_late, (), D(2023, 4, 25), CAL, 3) == ((), ())
    reminded = case(D(2023, 3, 31), reminder=PaymentReminder(D(2023, 4, 20), D(2023, 5, 4)))
    before = {c.name: c.state for c in enforcement_clocks(reminded, (), D(2023, 4, 19), CAL, 3)[0]}
    assert before == {
        "reminder_due": ClockState.OVERDUE,  # due 04-18, served only on 04-20
        "court_application_from": ClockState.PENDING,
        "court_application_by": ClockState.PENDING,
    }


def test_a_revoked_decision_has_no_court_window() -> None:
    revoked = dispute(DisputeKind.RECONSIDERATION, DisputeOutcome.REVOKED, D(2023, 6, 1))
    facts = dataclasses.replace(duty_facts(case(D(2023, 3, 31))), disputes=(revoked,))
    assert court_window(facts, CAL) is None
    changed = dispute(DisputeKind.RECONSIDERATION, DisputeOutcome.CHANGED, D(2023, 6, 1))
    window = court_window(dataclasses.replace(facts, disputes=(changed,)), CAL)
    assert window is not None
    assert window.closes is not None
    # changed on 06-01: 15 days to sue (06-16), 3 months more: 09-16, a Saturday
    assert window.closes.value == D(2023, 9, 18)
