"""The publication clocks at their boundaries, on the official calendar with its 调休, the
2027 Mon–Fri fallback, and an administrator's override (the calendar is the setting these
statutory periods read): 公示 within 7 working days of the decision, its withdrawal within 3
working days of the decision being set aside (APL 48②)."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.after_decision.due_list import (
    DueKind,
    due_items,
    horizon_end,
    sorted_items,
)
from chuansha_enforce.domain.after_decision.publication import (
    Publication,
    SetAside,
    SetAsideSource,
    UnpaidCloseReason,
    withdrawal_due,
)
from chuansha_enforce.domain.after_decision.publication_rules import (
    check_publish,
    check_unpaid_close,
    check_withdrawal,
)
from chuansha_enforce.domain.calendar.deadlines import disclosure_due
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState, case_clocks
from chuansha_enforce.domain.cases.case_file import CaseFile, Decision
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord

D = dt.date
OFFICIAL = WorkCalendar()
FALLBACK = "calendar.fallback"
ADULT = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X")
DECIDED = D(2023, 9, 27)
MINOR = PartyRecord(PartyType.NATURAL_PERSON, "小明", "310115201501010017")


@pytest.mark.parametrize(
    ("decided", "due", "fallback"),
    [
        # National Day 2023: 10-07 and 10-08 (Sat, Sun) were make-up working days.
        (D(2023, 9, 27), D(2023, 10, 12), False),
        # Spring Festival 2024: 02-04 and 02-18 (Sundays) were working days, 02-10..17 off.
        (D(2024, 2, 2), D(2024, 2, 18), False),
        # Labour Day 2024: 05-01..05 off, 05-11 (Sat) a working day.
        (D(2024, 4, 30), D(2024, 5, 13), False),
        (D(2026, 9, 30), D(2026, 10, 15), False),
        # Into 2027, which chinesecalendar does not cover: Mon–Fri, with the warning.
        (D(2026, 12, 28), D(2027, 1, 6), True),
        (D(2027, 3, 1), D(2027, 3, 10), True),
    ],
)
def test_publication_is_due_seven_working_days_after_the_decision(
    decided: dt.date, due: dt.date, fallback: bool
) -> None:
    result = disclosure_due(decided, OFFICIAL)
    assert result.value == due
    assert [w.code for w in result.warnings] == ([FALLBACK] if fallback else [])


@pytest.mark.parametrize(
    ("set_aside", "due", "fallback"),
    [
        (D(2023, 9, 27), D(2023, 10, 8), False),  # 10-07 and 10-08: make-up working days
        (D(2024, 2, 8), D(2024, 2, 19), False),  # 02-09, 02-18 (Sunday worked), 02-19
        (D(2025, 1, 24), D(2025, 2, 5), False),  # 01-26 (Sunday worked), 01-27, then 02-05
        (D(2024, 4, 30), D(2024, 5, 8), False),
        (D(2026, 12, 30), D(2027, 1, 4), True),  # the fallback counts 2027-01-01 (Friday)
    ],
)
def test_withdrawal_is_due_three_working_days_after_the_set_aside(
    set_aside: dt.date, due: dt.date, fallback: bool
) -> None:
    result = withdrawal_due(set_aside, OFFICIAL)
    assert result.value == due
    assert [w.code for w in result.warnings] == ([FALLBACK] if fallback else [])


def test_an_override_of_the_calendar_moves_both_clocks() -> None:
    """The administrator's 调休 table wins: with 10-08 and 10-12 rest days, 公示 moves from
    10-12 to 10-16 and the withdrawal from 10-08 to 10-09."""
    calendar = WorkCalendar({D(2023, 10, 12): False, D(2023, 10, 8): False})
    assert disclosure_due(D(2023, 9, 27), calendar).value == D(2023, 10, 16)
    assert withdrawal_due(D(2023, 9, 27), calendar).value == D(2023, 10, 9)


def _case(
    publication: Publication,
    kinds: frozenset[PenaltyKind] = frozenset({PenaltyKind.FINE}),
    party: PartyRecord = ADULT,
    decided: dt.date = DECIDED,
) -> CaseFile:
    decision = Decision("沪浦川执罚〔2023〕1号", decided, Outcome.PENALTY, kinds, fine_fen=20_000)
    return CaseFile(1, "川执立〔2023〕1号", party, "占道设摊案", D(2023, 9, 1), (),
                    decision=decision, publication=publication)  # fmt: skip


def _state(case: CaseFile, name: str, as_of: dt.date) -> ClockState | None:
    clocks = case_clocks(case, as_of, OFFICIAL).clocks
    return next((c.state for c in clocks if c.name == name), None)


@pytest.mark.parametrize(
    ("published_on", "as_of", "state"),
    [
        (None, D(2023, 10, 8), ClockState.PENDING),  # 4 working days before (a worked Sunday)
        (None, D(2023, 10, 9), ClockState.DUE_SOON),  # 3 working days before: flagged yellow
        (None, D(2023, 10, 12), ClockState.DUE_SOON),  # the limit day
        (None, D(2023, 10, 13), ClockState.OVERDUE),  # limit + 1
        (D(2023, 10, 11), D(2023, 10, 13), ClockState.MET),  # limit - 1
        (D(2023, 10, 12), D(2023, 10, 13), ClockState.MET),  # on the limit
        (D(2023, 10, 13), D(2023, 10, 13), ClockState.MISSED),  # limit + 1: flagged late
        (None, D(2023, 9, 28), ClockState.PENDING),
    ],
)
def test_the_publication_clock_on_each_side_of_its_limit(
    published_on: dt.date | None, as_of: dt.date, state: ClockState
) -> None:
    case = _case(Publication(published_on=published_on))
    assert _state(case, "disclosure_due", as_of) is state


def test_unrecorded_history_is_never_late_until_a_date_is_recorded() -> None:
    history = _case(Publication(unrecorded=True))
    assert _state(history, "disclosure_due", D(2026, 11, 27)) is ClockState.UNRECORDED
    recorded = _case(Publication(published_on=D(2023, 10, 20), unrecorded=True))
    assert _state(recorded, "disclosure_due", D(2026, 11, 27)) is ClockState.MISSED


def test_warnings_and_minors_are_not_published_so_they_have_no_publication_clock() -> None:
    warning = _case(Publication(), frozenset({PenaltyKind.WARNING}))
    minor = _case(Publication(), party=MINOR)
    both = _case(Publication(), frozenset({PenaltyKind.WARNING, PenaltyKind.FINE}))
    assert _state(warning, "disclosure_due", D(2023, 12, 1)) is None
    assert _state(minor, "disclosure_due", D(2023, 12, 1)) is None
    assert _state(both, "disclosure_due", D(2023, 12, 1)) is ClockState.OVERDUE


REVOKED = SetAside(D(2024, 2, 8), SetAsideSource.DISPUTE, "浦府复〔2024〕1号", "撤销")


@pytest.mark.parametrize(
    ("withdrawn_on", "as_of", "state"),
    [
        (None, D(2024, 2, 19), ClockState.DUE_SOON),  # the limit day
        (None, D(2024, 2, 20), ClockState.OVERDUE),  # limit + 1
        (D(2024, 2, 18), D(2024, 2, 20), ClockState.MET),  # limit - 1: a Sunday worked
        (D(2024, 2, 19), D(2024, 2, 20), ClockState.MET),
        (D(2024, 2, 20), D(2024, 2, 20), ClockState.MISSED),
    ],
)
def test_the_withdrawal_clock_on_each_side_of_its_limit(
    withdrawn_on: dt.date | None, as_of: dt.date, state: ClockState
) -> None:
    publication = Publication(D(2023, 10, 10), withdrawn_on=withdrawn_on, set_asides=(REVOKED,))
    case = _case(publication)
    assert _state(case, "publication_withdrawal_due", as_of) is state
    assert _state(case, "disclosure_due", as_of) is ClockState.MET


def test_a_decision_set_aside_before_publication_is_not_published_at_all() -> None:
    case = _case(Publication(set_asides=(REVOKED,)))
    assert _state(case, "disclosure_due", D(2024, 3, 1)) is None
    assert _state(case, "publication_withdrawal_due", D(2024, 3, 1)) is None
    with pytest.raises(DomainError) as refused:
        check_publish(D(2023, 9, 27), True, case.publication, D(2024, 3, 1), D(2024, 3, 1))
    assert refused.value.code == "publication.set_aside"


def test_the_due_list_takes_overdue_items_and_those_within_the_horizon() -> None:
    """Five working days from 2023-09-27 reach 2023-10-10 (the make-up days count)."""
    until = horizon_end(D(2023, 9, 27), 5, OFFICIAL).value
    assert until == D(2023, 10, 10)
    assert horizon_end(D(2023, 9, 27), 0, OFFICIAL).value == D(2023, 9, 27)
    assert [w.year for w in horizon_end(D(2026, 12, 28), 5, OFFICIAL).warnings] == [2027]
    on_time = _case(Publication(), decided=D(2023, 9, 27))  # due 10-12: outside
    late = _case(Publication(), decided=D(2023, 9, 1))  # due 09-12: overdue
    near = _case(Publication(), decided=D(2023, 9, 22))  # due 10-09: inside
    items = []
    for no, case in (("A", on_time), ("B", late), ("C", near)):
        clocks = case_clocks(case, D(2023, 9, 27), OFFICIAL).clocks
        items += due_items(no, "张三", clocks, as_of=D(2023, 9, 27), until=until, calendar=OFFICIAL)
    listed = [(i.reference, i.kind, i.due, i.overdue, i.working_days_left) for i in items]
    # The cases have no service recorded: 送达 is due too (7 working days, as 公示).
    assert sorted_items(items)[0].reference == "B"
    assert ("B", DueKind.PUBLICATION, D(2023, 9, 12), True, -11) in listed
    assert ("C", DueKind.PUBLICATION, D(2023, 10, 9), False, 4) in listed
    assert not [i for i in listed if i[0] == "A"]


CloseRow = tuple[int, UnpaidCloseReason | None, str | None, str | None, bool, str | None]


@pytest.mark.parametrize(
    "row",
    [
        (0, None, None, None, False, None),  # paid up: no reason needed
        (1, None, None, None, False, "case.close_unpaid"),  # 0.01 元 left is unpaid
        (1, None, "已申请法院强制执行", None, False, "case.close_unpaid"),  # free text alone
        (1, UnpaidCloseReason.COURT_ACCEPTED, None, None, False, None),
        (1, UnpaidCloseReason.COURT_TERMINATED, None, None, False, None),
        (1, UnpaidCloseReason.PARTY_GONE, None, None, False, None),
        (1, UnpaidCloseReason.OTHER, None, "周敏", True, "case.close_other_text"),
        (1, UnpaidCloseReason.OTHER, "当事人出国", None, False, "case.close_other_approval"),
        (1, UnpaidCloseReason.OTHER, "出国", "王建国", False, "case.close_approver_not_reviewer"),
        (1, UnpaidCloseReason.OTHER, "当事人出国", "周敏", True, None),
    ],
)
def test_closing_with_money_unpaid_needs_a_listed_reason(row: CloseRow) -> None:
    """(outstanding fen, listed reason, text, approver, approver is a reviewer, refusal)."""
    outstanding, kind, text, approver, reviewer, refusal = row
    if refusal is None:
        check_unpaid_close(outstanding, kind, text, approver, reviewer)
        return
    with pytest.raises(DomainError) as refused:
        check_unpaid_close(outstanding, kind, text, approver, reviewer)
    assert refused.value.code == refusal


def test_withdrawal_needs_a_publication_a_reason_and_a_date_in_order() -> None:
    published = Publication(D(2023, 10, 10))
    withdrawn = Publication(D(2023, 10, 10), withdrawn_on=D(2023, 10, 11))
    today = D(2023, 12, 1)
    for publication, on, reason, code in (
        (Publication(), D(2023, 10, 11), "撤销", "publication.not_published"),
        (published, D(2023, 10, 9), "撤销", "date.too_early"),
        (published, D(2023, 12, 2), "撤销", "date.future"),
        (published, D(2023, 10, 11), "  ", "value.required"),
        (withdrawn, D(2023, 10, 12), "撤销", "publication.already_withdrawn"),
    ):
        with pytest.raises(DomainError) as refused:
            check_withdrawal(publication, on, reason, today)
        assert refused.value.code == code
    assert check_withdrawal(published, D(2023, 10, 10), " 复议撤销 ", today) == "复议撤销"
