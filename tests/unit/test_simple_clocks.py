"""The clocks after a simple decision (DOMAIN §1, §14), at their boundaries across 调休.

Literal dates of the official calendar: 2024 Spring Festival (02-10 to 02-17 off, Sunday 02-18 a
make-up working day), 2024 Labour Day (05-01 to 05-05 off, 04-28 and 05-11 make-up days), 2023
National Day (09-29 to 10-06 off, Saturday 10-07 and Sunday 10-08 make-up days).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain.calendar.deadlines import Pause
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import (
    Handover,
    SimpleClockRules,
    is_late,
    receipt_missing,
    simple_clocks,
    with_handover,
    with_payment,
)

D = dt.date
TODAY = D(2026, 11, 27)


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return WorkCalendar()


def decision(decided_on: dt.date, *, fine_fen: int = 20_000, on_spot: bool = False,
             **after: object) -> SimpleDecisionRecord:  # fmt: skip
    return SimpleDecisionRecord(
        decision_no="沪浦川执简〔2024〕000001号",
        party=PartyRecord(PartyType.NATURAL_PERSON, "张三"),
        cause="跨门营业",
        officer_certificates=("31150001", "31150002"),
        decided_on=decided_on,
        penalty_kind=PenaltyKind.FINE if fine_fen else PenaltyKind.WARNING,
        fine_fen=fine_fen,
        collected_on_spot=on_spot,
        paid_on=decided_on if on_spot else None,
        **after,  # type: ignore[arg-type]
    )


def clock(clocks: object, name: str) -> tuple[dt.date, ClockState]:
    found = {c.name: c for c in clocks.clocks}[name]  # type: ignore[attr-defined]
    return found.due, found.state


# -- 15 days to pay, then the general procedure's 加处罚款 ------------------------------------
PAYMENT_DUE = [
    # decided on, due (15 calendar days, moved off a rest day)
    (D(2024, 1, 29), D(2024, 2, 18)),  # 02-13 is in the Spring Festival: the make-up Sunday
    (D(2024, 4, 20), D(2024, 5, 6)),  # 05-05 is Labour Day: the next working day
    (D(2023, 9, 22), D(2023, 10, 7)),  # 10-07 is a make-up Saturday: it stays
    (D(2024, 9, 10), D(2024, 9, 25)),  # an ordinary Wednesday
]


@pytest.mark.parametrize(("decided_on", "due"), PAYMENT_DUE)
def test_payment_is_due_15_days_after_the_decision(
    calendar: WorkCalendar, decided_on: dt.date, due: dt.date
) -> None:
    clocks = simple_clocks(decision(decided_on), decided_on, calendar)
    assert clock(clocks, "payment_due") == (due, ClockState.PENDING)


SURCHARGE = [
    # as of (unpaid), state, (days late, surcharge fen, amount due fen) — fine 200 元, due 02-18
    (D(2024, 2, 13), ClockState.DUE_SOON, (0, 0, 20_000)),  # the naive 15th day: not late
    (D(2024, 2, 17), ClockState.DUE_SOON, (0, 0, 20_000)),  # limit - 1
    (D(2024, 2, 18), ClockState.DUE_SOON, (0, 0, 20_000)),  # limit
    (D(2024, 2, 19), ClockState.OVERDUE, (1, 600, 20_600)),  # limit + 1: 3 % a day
    (D(2024, 3, 22), ClockState.OVERDUE, (33, 19_800, 39_800)),
    (D(2024, 3, 23), ClockState.OVERDUE, (34, 20_000, 40_000)),  # capped at the fine
    (D(2024, 6, 1), ClockState.OVERDUE, (104, 20_000, 40_000)),
]


@pytest.mark.parametrize(("as_of", "state", "figures"), SURCHARGE)
def test_an_unpaid_fine_earns_the_surcharge_from_the_day_after_the_due_date(
    calendar: WorkCalendar, as_of: dt.date, state: ClockState, figures: tuple[int, int, int]
) -> None:
    clocks = simple_clocks(decision(D(2024, 1, 29)), as_of, calendar)
    assert clock(clocks, "payment_due") == (D(2024, 2, 18), state)
    assert (clocks.days_late, clocks.surcharge_fen, clocks.amount_due_fen) == figures


PAID = [
    # paid on, state, surcharge recorded fen — decided 2024-01-29, due 2024-02-18
    (D(2024, 2, 17), ClockState.MET, 0),
    (D(2024, 2, 18), ClockState.MET, 0),
    (D(2024, 2, 19), ClockState.MISSED, 600),
    (D(2024, 2, 28), ClockState.MISSED, 6_000),
]


@pytest.mark.parametrize(("paid_on", "state", "surcharge"), PAID)
def test_a_payment_records_the_surcharge_its_delay_earned(
    calendar: WorkCalendar, paid_on: dt.date, state: ClockState, surcharge: int
) -> None:
    filed = decision(D(2024, 1, 29), filed_with_agency_on=D(2024, 1, 30))
    paid = with_payment(filed, paid_on, "沪财罚0001", calendar, TODAY)
    assert (paid.paid_on, paid.surcharge_fen, paid.receipt_no) == (paid_on, surcharge, "沪财罚0001")
    clocks = simple_clocks(paid, D(2024, 6, 1), calendar)
    assert clock(clocks, "payment_due") == (D(2024, 2, 18), state)
    assert clocks.surcharge_fen == surcharge
    assert clocks.amount_due_fen == 0  # the surcharge was paid with the fine
    assert is_late(clocks) is (state is ClockState.MISSED)


def test_a_warning_or_cash_on_the_spot_has_no_payment_clock(calendar: WorkCalendar) -> None:
    warning = simple_clocks(decision(D(2024, 1, 29), fine_fen=0), D(2024, 6, 1), calendar)
    assert [c.name for c in warning.clocks] == ["agency_filing_due"]
    cash = simple_clocks(decision(D(2024, 1, 29), fine_fen=5_000, on_spot=True), D(2024, 6, 1),
                         calendar)  # fmt: skip
    assert [c.name for c in cash.clocks] == [
        "cash_to_agency_due",
        "cash_to_bank_due",
        "agency_filing_due",
    ]
    assert (cash.surcharge_fen, cash.amount_due_fen) == (0, 0)


# -- cash on the spot: 2 working days to the agency, 2 more to the bank ----------------------
HANDOVER = [
    # collected, handed to the agency, (agency due, its state), bank due (from the hand-over)
    (D(2024, 2, 8), D(2024, 2, 9), (D(2024, 2, 18), ClockState.MET), D(2024, 2, 19)),
    (D(2024, 2, 8), D(2024, 2, 18), (D(2024, 2, 18), ClockState.MET), D(2024, 2, 20)),  # limit
    (D(2024, 2, 8), D(2024, 2, 19), (D(2024, 2, 18), ClockState.MISSED), D(2024, 2, 21)),
    (D(2023, 9, 27), D(2023, 10, 7), (D(2023, 10, 7), ClockState.MET), D(2023, 10, 9)),
    (D(2023, 9, 27), D(2023, 10, 8), (D(2023, 10, 7), ClockState.MISSED), D(2023, 10, 10)),
    (D(2024, 4, 30), D(2024, 5, 7), (D(2024, 5, 7), ClockState.MET), D(2024, 5, 9)),
]


@pytest.mark.parametrize(("collected", "handed", "agency", "bank_due"), HANDOVER)
def test_cash_reaches_the_agency_in_2_working_days_and_the_bank_in_2_more(
    calendar: WorkCalendar,
    collected: dt.date,
    handed: dt.date,
    agency: tuple[dt.date, ClockState],
    bank_due: dt.date,
) -> None:
    cash = decision(collected, fine_fen=5_000, on_spot=True, receipt_no="沪财罚0002",
                    cash_to_agency_on=handed)  # fmt: skip
    clocks = simple_clocks(cash, D(2024, 12, 31), calendar)
    assert clock(clocks, "cash_to_agency_due") == agency
    assert clock(clocks, "cash_to_bank_due") == (bank_due, ClockState.OVERDUE)


BANK = [
    # paid into the bank on, state — handed over 2024-02-18, bank due 2024-02-20
    (D(2024, 2, 19), ClockState.MET),
    (D(2024, 2, 20), ClockState.MET),
    (D(2024, 2, 21), ClockState.MISSED),
]


@pytest.mark.parametrize(("banked", "state"), BANK)
def test_the_bank_deposit_is_flagged_when_late(
    calendar: WorkCalendar, banked: dt.date, state: ClockState
) -> None:
    cash = decision(D(2024, 2, 8), fine_fen=5_000, on_spot=True, receipt_no="R1",
                    cash_to_agency_on=D(2024, 2, 18), cash_to_bank_on=banked)  # fmt: skip
    clocks = simple_clocks(cash, D(2024, 12, 31), calendar)
    assert clock(clocks, "cash_to_bank_due") == (D(2024, 2, 20), state)


def test_before_the_hand_over_the_bank_runs_from_the_agency_due_date(
    calendar: WorkCalendar,
) -> None:
    cash = decision(D(2024, 2, 8), fine_fen=5_000, on_spot=True)
    as_of = [(D(2024, 2, 18), ClockState.DUE_SOON), (D(2024, 2, 19), ClockState.OVERDUE)]
    for day, state in as_of:
        clocks = simple_clocks(cash, day, calendar)
        assert clock(clocks, "cash_to_agency_due") == (D(2024, 2, 18), state)
        assert clock(clocks, "cash_to_bank_due")[0] == D(2024, 2, 20)
    assert receipt_missing(cash)
    assert not receipt_missing(dataclasses.replace(cash, receipt_no="R1"))


# -- 备案: the setting simple_filing_working_days (default 3) --------------------------------
FILING = [
    # working days (setting), filed on, due, state — decided 2024-02-08
    (3, D(2024, 2, 18), D(2024, 2, 19), ClockState.MET),
    (3, D(2024, 2, 19), D(2024, 2, 19), ClockState.MET),  # limit
    (3, D(2024, 2, 20), D(2024, 2, 19), ClockState.MISSED),  # limit + 1
    (5, D(2024, 2, 20), D(2024, 2, 21), ClockState.MET),  # setting changed
    (5, D(2024, 2, 22), D(2024, 2, 21), ClockState.MISSED),
]


@pytest.mark.parametrize(("days", "filed", "due", "state"), FILING)
def test_the_decision_is_filed_with_the_agency_in_the_set_working_days(
    calendar: WorkCalendar, days: int, filed: dt.date, due: dt.date, state: ClockState
) -> None:
    made = decision(D(2024, 2, 8), filed_with_agency_on=filed)
    clocks = simple_clocks(made, D(2024, 12, 31), calendar, SimpleClockRules(days))
    assert clock(clocks, "agency_filing_due") == (due, state)


def test_unfiled_decision_turns_overdue_the_day_after(calendar: WorkCalendar) -> None:
    made = decision(D(2024, 2, 8))
    on_due = simple_clocks(made, D(2024, 2, 19), calendar)
    after = simple_clocks(made, D(2024, 2, 20), calendar)
    assert clock(on_due, "agency_filing_due") == (D(2024, 2, 19), ClockState.DUE_SOON)
    assert clock(after, "agency_filing_due") == (D(2024, 2, 19), ClockState.OVERDUE)


def test_a_clock_past_the_official_calendar_carries_the_2027_warning(
    calendar: WorkCalendar,
) -> None:
    clocks = simple_clocks(decision(D(2026, 12, 30)), D(2026, 12, 30), calendar)
    assert clock(clocks, "payment_due")[0] == D(2027, 1, 14)
    assert [w.year for w in clocks.warnings] == [2027]
    assert simple_clocks(decision(D(2026, 6, 1)), D(2026, 6, 1), calendar).warnings == ()


# -- refusals ----------------------------------------------------------------------------
def refusal(call: object) -> tuple[str, str | None]:
    with pytest.raises(DomainError) as caught:
        call()  # type: ignore[operator]
    return caught.value.code, caught.value.field


def test_payments_that_cannot_be_recorded(calendar: WorkCalendar) -> None:
    fine = decision(D(2024, 1, 29))
    cash = decision(D(2024, 1, 29), fine_fen=5_000, on_spot=True)
    paid = dataclasses.replace(fine, paid_on=D(2024, 2, 1))
    warning = decision(D(2024, 1, 29), fine_fen=0)
    assert refusal(lambda: with_payment(cash, D(2024, 2, 1), None, calendar, TODAY)) == (
        "simple.paid_on_spot", "paid_on")  # fmt: skip
    assert refusal(lambda: with_payment(paid, D(2024, 2, 2), None, calendar, TODAY)) == (
        "simple.already_paid", "paid_on")  # fmt: skip
    assert refusal(lambda: with_payment(warning, D(2024, 2, 2), None, calendar, TODAY)) == (
        "payment.nothing_due", "paid_on")  # fmt: skip
    assert refusal(lambda: with_payment(fine, D(2024, 1, 28), None, calendar, TODAY)) == (
        "date.too_early", "paid_on")  # fmt: skip
    assert refusal(lambda: with_payment(fine, D(2026, 11, 28), None, calendar, TODAY)) == (
        "date.future", "paid_on")  # fmt: skip


def test_hand_overs_that_cannot_be_recorded() -> None:
    cash = decision(D(2024, 2, 8), fine_fen=5_000, on_spot=True)
    fine = decision(D(2024, 2, 8))
    day = D(2024, 2, 9)
    cases = [
        (cash, Handover(), ("simple.handover_empty", None)),
        (fine, Handover(cash_to_agency_on=day), ("simple.cash_not_on_spot", "cash_to_agency_on")),
        (fine, Handover(receipt_no="R1"), ("simple.receipt_without_payment", "receipt_no")),
        (cash, Handover(cash_to_bank_on=day), ("simple.bank_before_agency", "cash_to_bank_on")),
        (cash, Handover(cash_to_agency_on=D(2024, 2, 7)), ("date.too_early", "cash_to_agency_on")),
        (cash, Handover(cash_to_agency_on=day, cash_to_bank_on=D(2024, 2, 8)),
         ("date.too_early", "cash_to_bank_on")),
        (cash, Handover(filed_with_agency_on=D(2026, 11, 28)),
         ("date.future", "filed_with_agency_on")),
    ]  # fmt: skip
    for made, handover, expected in cases:
        assert refusal(lambda m=made, h=handover: with_handover(m, h, TODAY)) == expected


def test_a_hand_over_keeps_what_was_recorded_before() -> None:
    cash = decision(D(2024, 2, 8), fine_fen=5_000, on_spot=True)
    first = with_handover(cash, Handover(receipt_no="R7", cash_to_agency_on=D(2024, 2, 9)), TODAY)
    second = with_handover(first, Handover(cash_to_bank_on=D(2024, 2, 18)), TODAY)
    assert (second.receipt_no, second.cash_to_agency_on, second.cash_to_bank_on) == (
        "R7",
        D(2024, 2, 9),
        D(2024, 2, 18),
    )


def test_a_reconsideration_pauses_the_surcharge(calendar: WorkCalendar) -> None:
    """APL 73: received 2024-02-10, decided 2024-03-01; due 02-18, as of 03-05: 16 days after
    the due date, 12 of them (02-19 to 03-01) paused, 4 counted."""
    pause = (Pause(D(2024, 2, 10), D(2024, 3, 1)),)
    made = decision(D(2024, 1, 29))
    clocks = simple_clocks(made, D(2024, 3, 5), calendar, pauses=pause)
    assert (clocks.days_late, clocks.surcharge_fen) == (4, 2_400)
    assert simple_clocks(made, D(2024, 3, 5), calendar).days_late == 16
    paid = with_payment(made, D(2024, 3, 5), None, calendar, TODAY, pauses=pause)
    assert paid.surcharge_fen == 2_400


def test_as_of_a_day_before_the_payment_the_fine_and_surcharge_are_still_owed(
    calendar: WorkCalendar,
) -> None:
    paid = with_payment(decision(D(2024, 1, 29)), D(2024, 2, 28), None, calendar, TODAY)
    before = simple_clocks(paid, D(2024, 2, 20), calendar)  # 2 days late then, not yet paid
    assert (before.surcharge_fen, before.amount_due_fen) == (1_200, 21_200)
    after = simple_clocks(paid, D(2024, 2, 28), calendar)
    assert (after.surcharge_fen, after.amount_due_fen) == (6_000, 0)
