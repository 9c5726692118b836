"""Random step sequences after a demolition order: none reaches "carried out" without all six
steps of DOMAIN §13, each after the one before it and after its period.

The oracle is a plain restatement of §13 written here: its own month arithmetic, its own
holiday look-up on ``chinese_calendar``, its own night; it calls none of the rule code it
checks (domain.forced_demolition). The lawsuit period ends on the same day six months after
service, moved to the next working day (民法典 201–203); 2023-08-10 is a Thursday.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases.case_file import CaseFile, Discussion
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ReminderStatement,
    ReminderStatementKind,
)
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.forced_walk import NO, book_with_order
from tests.server_backend import book_copy

D = dt.date
LEADERS = ("镇长", "分管副镇长", "执法队长")


# -- the oracle ----------------------------------------------------------------------------
def _six_months_on(day: dt.date) -> dt.date:
    month = day.month + 6
    year, month = day.year + (month - 1) // 12, (month - 1) % 12 + 1
    end = D(year, month, min(day.day, 28))  # February 10: no short month to worry about
    while not chinese_calendar.is_workday(end):
        end += dt.timedelta(days=1)
    return end


def _holiday(day: dt.date) -> bool:
    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    return bool(on_holiday and name)


def lawful_history(case: CaseFile, urban: bool) -> list[str]:
    """What §13 says is missing or out of order in a forced demolition as recorded."""
    f = case.forced
    wrong: list[str] = []
    if case.decision is None or case.decision.demolition_deadline is None:
        return ["no order"]
    if case.served_on is None or f.reminder is None or f.statement is None:
        return ["steps 1 or 3 missing"]
    if f.decided_on is None or f.announcement is None or f.carried_out is None:
        return ["steps 4 to 6 missing"]
    if f.reminder.served_on <= max(case.decision.demolition_deadline,
                                   _six_months_on(case.served_on)):  # fmt: skip
        wrong.append("催告 before the order's and the lawsuit periods ran")
    if f.statement.on < f.reminder.served_on:
        wrong.append("statements before the 催告")
    if urban and (f.authority is None or f.authority.on > f.decided_on):
        wrong.append("no 责成 before the decision")
    if f.decided_on <= f.reminder.until or f.decided_on < f.statement.on:
        wrong.append("decision before the 催告's period ran or the statements")
    window = (f.reminder.served_on, f.decided_on)
    agreed = [r for r in case.reviews if window[0] <= r.reviewed_on <= window[1]]
    if not agreed or max(agreed, key=lambda r: r.round_no).opinion != ReviewOpinion.AGREE:
        wrong.append("no legal review after the 催告")
    if not any(window[0] <= d.held_on <= window[1] for d in case.discussions):
        wrong.append("no collective discussion after the 催告")
    if f.announcement.on < f.decided_on:
        wrong.append("公告 before the decision")
    done = f.carried_out
    if done.on <= f.announcement.until:
        wrong.append("carried out inside the 公告's period")
    if not dt.time(6, 0) <= done.at < dt.time(22, 0):
        wrong.append("at night")
    if _holiday(done.on):
        wrong.append("on a statutory holiday")
    if len({w for w in done.witnesses if w}) < 2:
        wrong.append("fewer than two witnesses")
    if f.removed_on is not None:
        wrong.append("carried out after the party removed it")
    return wrong


# -- the random sequences --------------------------------------------------------------------
DAYS = [D(2023, 3, 10), D(2023, 8, 10), D(2023, 8, 11), D(2023, 8, 15), D(2023, 8, 21),
        D(2023, 8, 22), D(2023, 9, 20), D(2023, 9, 25), D(2023, 9, 26), D(2023, 9, 29),
        D(2023, 10, 2), D(2023, 10, 7), D(2023, 10, 9), D(2023, 10, 14)]  # fmt: skip
days = st.sampled_from(DAYS)
gaps = st.sampled_from([1, 3, 5, 10])
opinions = st.sampled_from([ReviewOpinion.AGREE, ReviewOpinion.REVISE])
times = st.sampled_from(["05:59", "06:00", "12:00", "21:59", "22:00"])
witnesses = st.sampled_from([(), ("甲",), ("甲", "甲"), ("甲", "乙")])
step = st.one_of(
    st.tuples(st.just("remind"), days, gaps),
    st.tuples(st.just("statement"), days, st.sampled_from(list(ReminderStatementKind))),
    st.tuples(st.just("authority"), days),
    st.tuples(st.just("review"), days, opinions),
    st.tuples(st.just("discuss"), days),
    st.tuples(st.just("enforce"), days),
    st.tuples(st.just("announce"), days, gaps),
    st.tuples(st.just("carry"), days, times, witnesses),
    st.tuples(st.just("removed"), days),
)  # fmt: skip
sequences = st.lists(step, max_size=14)


def apply(services: Services, drawn: tuple[Any, ...]) -> None:
    files = services.case_files
    name, on, *rest = drawn
    if name == "remind":
        files.record_reminder(NO, PaymentReminder(on, on + dt.timedelta(days=rest[0])))
    elif name == "statement":
        files.record_reminder_statement(NO, ReminderStatement(on, rest[0]))
    elif name == "authority":
        files.record_authority(NO, DistrictAuthority("浦府责拆〔2023〕5号", on))
    elif name == "review":
        files.record_review(NO, reviewer="周明远", reviewed_on=on, opinion=rest[0])
    elif name == "discuss":
        files.record_discussion(NO, Discussion(on, "同意强制拆除", LEADERS))
    elif name == "enforce":
        files.decide_forced_demolition(NO, on)
    elif name == "announce":
        files.announce_demolition(NO, DemolitionAnnouncement(on, on + dt.timedelta(days=rest[0])))
    elif name == "carry":
        hour, minute = rest[0].split(":")
        files.carry_out_demolition(NO, CarryOut(on, dt.time(int(hour), int(minute)), rest[1]))
    else:
        files.record_removal(NO, on)


@pytest.fixture(scope="module")
def template(module_backend: Path | str) -> Path | str:
    """An urban case whose 责令限期拆除 order (deadline 2023-03-10) was served on 2023-02-10,
    on a file and on a server database."""
    return book_with_order(module_backend)


STATED = ReminderStatementKind.STATED
LAWFUL = [("remind", D(2023, 8, 11), 10), ("statement", D(2023, 8, 15), STATED),
          ("authority", D(2023, 8, 15)), ("review", D(2023, 8, 22), ReviewOpinion.AGREE),
          ("discuss", D(2023, 8, 22)), ("enforce", D(2023, 8, 22)),
          ("announce", D(2023, 9, 20), 5)]  # fmt: skip


@settings(max_examples=120, deadline=None)
@given(steps=sequences)
@example(steps=[*LAWFUL, ("carry", D(2023, 10, 7), "06:00", ("甲", "乙"))])
@example(steps=[*LAWFUL, ("carry", D(2023, 10, 2), "12:00", ("甲", "乙"))])
@example(steps=[*LAWFUL[:3], ("review", D(2023, 8, 21), ReviewOpinion.AGREE),
                ("discuss", D(2023, 8, 21)), ("enforce", D(2023, 8, 21)), LAWFUL[6],
                ("carry", D(2023, 10, 9), "12:00", ("甲", "乙"))])  # fmt: skip
@example(steps=[*LAWFUL, ("carry", D(2023, 10, 9), "05:59", ("甲", "乙"))])
@example(steps=[*LAWFUL[:3], *LAWFUL[4:], ("carry", D(2023, 10, 9), "12:00", ("甲", "乙"))])
@example(steps=[*LAWFUL[:2], ("removed", D(2023, 8, 16)), *LAWFUL[2:],
                ("carry", D(2023, 10, 9), "12:00", ("甲", "乙"))])  # fmt: skip
def test_no_step_sequence_carries_out_without_all_six_steps(
    template: Path | str, tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[Any, ...]]
) -> None:
    with (
        book_copy(template, tmp_path_factory) as path,
        build_services(path, FixedClock(NOW)) as services,
    ):
        for drawn in steps:
            try:
                apply(services, drawn)
            except DomainError:
                continue  # refused: nothing written
            case = services.case_files.find(NO)
            if case.forced.carried_out is not None:
                assert lawful_history(case, urban=True) == [], steps


def test_the_lawful_sequence_does_reach_carried_out(
    template: Path | str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The property is not vacuous: the lawful path ends carried out (on a make-up working
    Saturday of National Day 2023)."""
    with (
        book_copy(template, tmp_path_factory) as path,
        build_services(path, FixedClock(NOW)) as services,
    ):
        for drawn in [*LAWFUL, ("carry", D(2023, 10, 7), "06:00", ("甲", "乙"))]:
            apply(services, drawn)
        case = services.case_files.find(NO)
    assert case.forced.carried_out is not None
    assert lawful_history(case, urban=True) == []
