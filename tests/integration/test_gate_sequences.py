"""Random step sequences through the case service: none reaches a decision that skipped a
right of DOMAIN §12.

The oracle below is a plain restatement of §12 (and §3 for what is major), written here with
its own working-day count on ``chinese_calendar``; it does not call the rule code it checks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Decision,
    Discussion,
    Hearing,
    StatementKind,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import (
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.server_backend import book_copy

D = dt.date
NO = "川执立〔2023〕7号"
START = D(2023, 9, 18)  # the days drawn run over National Day 2023 and its make-up days
KINDS = (PenaltyKind.WARNING, PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS,
         PenaltyKind.DOWNGRADE_QUALIFICATION, PenaltyKind.SUSPEND_BUSINESS)  # fmt: skip
FINES = (20_000, 499_999, 500_000)


def working_day_after(day: dt.date, n: int) -> dt.date:
    """The nth working day after ``day`` (APL 85: the start day is not counted)."""
    while n:
        day += dt.timedelta(days=1)
        if chinese_calendar.is_workday(day):
            n -= 1
    return day


def rights_skipped(case: CaseFile, decision: Decision) -> list[str]:
    """DOMAIN §12, restated: what a lawful decision needs first (defaults of the settings)."""
    skipped: list[str] = []
    day = decision.decided_on
    notice = case.notice
    hearing = case.hearing
    if decision.outcome is Outcome.PENALTY:
        if notice is None or notice.served_on > day:
            return ["notice before the decision (APL 62)"]
        if not notice.proposed_kinds or not notice.facts or not notice.basis:
            skipped.append("the notice states penalty, facts and basis (APL 44)")
        stated = notice.statement_on is not None and notice.statement_on <= day
        if not stated and day <= working_day_after(notice.served_on, 3):
            skipped.append("3 working days to state and defend (APL 44)")
        heaviest = max((k.severity for k in notice.proposed_kinds), default=-1)
        if any(k not in notice.proposed_kinds and k.severity > heaviest for k in decision.kinds):
            skipped.append("no heavier kind than noticed (APL 45)")
        if decision.fine_fen > notice.proposed_fine_fen:
            skipped.append("no larger fine than noticed (APL 45)")
        large_fine = (PenaltyKind.FINE in notice.proposed_kinds
                      and notice.proposed_fine_fen >= 500_000)  # fmt: skip
        listed = {PenaltyKind.DOWNGRADE_QUALIFICATION, PenaltyKind.SUSPEND_BUSINESS}
        if large_fine or notice.proposed_kinds & listed:
            if not notice.hearing_offered:
                skipped.append("the notice states the hearing right (APL 63)")
            waived = hearing is not None and hearing.state is HearingState.WAIVED
            held = (hearing is not None and hearing.state is HearingState.HELD
                    and hearing.held_on is not None and hearing.held_on <= day)  # fmt: skip
            asked = hearing is not None and hearing.requested_on is not None
            if not (waived or held):
                if asked:
                    skipped.append("a requested hearing is held first (APL 63)")
                elif day <= working_day_after(notice.served_on, 5):
                    skipped.append("5 working days to ask for a hearing (APL 64)")
    if hearing is not None and hearing.state is HearingState.HELD:
        assert hearing.notice_on is not None
        assert hearing.held_on is not None
        if hearing.held_on < working_day_after(hearing.notice_on, 7):
            skipped.append("hearing notice 7 working days before (APL 64)")
        if hearing.presiding in {"王建国", "李明"}:
            skipped.append("the presiding officer did not investigate (APL 64)")
    heavy = {PenaltyKind.SUSPEND_BUSINESS}
    major = (
        decision.fine_fen >= 500_000
        or bool(decision.kinds & heavy)
        or (hearing is not None and hearing.state is HearingState.HELD)
    )
    if (major or case.complex_reason) and not any(d.held_on <= day for d in case.discussions):
        skipped.append("collective discussion first (APL 57)")
    if major:
        last = max(case.reviews, key=lambda r: r.round_no, default=None)
        if last is None or last.opinion is not ReviewOpinion.AGREE or last.reviewed_on > day:
            skipped.append("an agreed legal review (APL 58)")
        elif last.proposal is not None and (
            last.proposal.kinds,
            last.proposal.fine_fen,
            last.proposal.confiscation_fen,
        ) != (decision.kinds, decision.fine_fen, decision.confiscation_fen):
            skipped.append("the review agreed to this very decision (DOMAIN §12)")
    return skipped


# Days are drawn relative to the notice in force, so the period boundaries are hit often.
offset = st.integers(0, 16)
kinds = st.frozensets(st.sampled_from(KINDS), min_size=1, max_size=2)
step = st.one_of(
    st.tuples(st.just("notice"), offset, kinds, st.sampled_from(FINES), st.booleans()),
    st.tuples(st.just("statement"), offset, st.sampled_from(StatementKind)),
    st.tuples(st.just("request"), offset),
    st.tuples(st.just("waive"), offset),
    st.tuples(
        st.just("held"), offset, st.integers(5, 14), st.sampled_from(["周敏", "李明(31150002)"])
    ),
    st.tuples(st.just("complex")),
    st.tuples(st.just("discuss"), offset, st.integers(2, 4)),
    st.tuples(st.just("review"), offset),
    st.tuples(st.just("decide"), offset, st.sampled_from(["same", "more", "extra", "lighter"])),
    # the hearing steps and a decision as noticed again: sequences reach them more often
    st.tuples(st.just("request"), offset),
    st.tuples(st.just("held"), offset, st.integers(5, 14), st.just("周敏")),
    st.tuples(st.just("decide"), offset, st.just("same")),
)
hearing_kinds = st.sampled_from([frozenset({PenaltyKind.DOWNGRADE_QUALIFICATION}),
                                 frozenset({PenaltyKind.FINE})])  # fmt: skip
first_notice = st.tuples(st.just("notice"), st.integers(0, 20), st.one_of(kinds, hearing_kinds),
                         st.sampled_from(FINES), st.booleans())  # fmt: skip
sequences = st.tuples(first_notice, st.lists(step, max_size=9)).map(lambda p: [p[0], *p[1]])


def _notice(
    served: dt.date, proposed: frozenset[PenaltyKind], fine: int, offered: bool
) -> AdvanceNotice:
    return AdvanceNotice(
        served,
        offered,
        proposed_kinds=proposed,
        proposed_fine_fen=fine if PenaltyKind.FINE in proposed else 0,
        proposed_confiscation_fen=10_000 if PenaltyKind.CONFISCATE_GAINS in proposed else 0,
        facts="占道设摊",
        basis="《上海市市容环境卫生管理条例》第二十四条",
    )


def _decision(day: dt.date, notice: AdvanceNotice | None, variant: str) -> Decision:
    """As the notice proposed, a fen more, an extra kind, or a plain warning."""
    proposed = notice.proposed_kinds if notice else frozenset({PenaltyKind.WARNING})
    fine = notice.proposed_fine_fen if notice else 0
    if variant == "more":
        proposed, fine = proposed | {PenaltyKind.FINE}, fine + 1
    elif variant == "extra":
        proposed = proposed | {PenaltyKind.DOWNGRADE_QUALIFICATION}
    elif variant == "lighter":
        proposed, fine = frozenset({PenaltyKind.WARNING}), 0
    return Decision(
        "沪浦川执罚〔2023〕7号",
        day,
        Outcome.PENALTY,
        proposed,
        fine_fen=fine if PenaltyKind.FINE in proposed else 0,
        confiscation_fen=10_000 if PenaltyKind.CONFISCATE_GAINS in proposed else 0,
    )


def apply(services: Services, drawn: tuple[Any, ...]) -> None:
    files = services.case_files
    name, *args = drawn
    notice = files.find(NO).notice
    base = notice.served_on if notice else START

    def day(n: int) -> dt.date:
        return base + dt.timedelta(days=n)

    if name == "notice":
        start, proposed, fine, offered = args
        files.record_notice(NO, _notice(day(start), proposed, fine, offered))
    elif name == "statement":
        files.record_statement(NO, args[1], day(args[0]))
    elif name == "request":
        files.record_hearing(NO, Hearing(HearingState.NONE, requested_on=day(args[0])))
    elif name == "waive":
        files.record_hearing(NO, Hearing(HearingState.WAIVED, waived_on=day(args[0])))
    elif name == "held":
        notice_after, gap, presiding = args
        asked = files.find(NO).hearing
        requested = asked.requested_on if asked else None
        notice_on = day(notice_after)
        held_on = notice_on + dt.timedelta(days=gap)
        files.record_hearing(
            NO, Hearing(HearingState.HELD, requested, notice_on, held_on, presiding)
        )
    elif name == "complex":
        files.mark_complex(NO, "涉及多个部门")
    elif name == "discuss":
        people = ("镇长", "副镇长", "执法队长", "党委书记")[: args[1]]
        files.record_discussion(NO, Discussion(day(args[0]), "同意", people))
    elif name == "review":
        files.record_review(
            NO, reviewer="周律", reviewed_on=day(args[0]), opinion=ReviewOpinion.AGREE
        )
    else:
        files.decide(NO, _decision(day(args[0]), notice, args[1]))


@pytest.fixture(scope="module")
def template(module_backend: Path | str) -> Path | str:
    """The case before its steps, on a file and on a server database."""
    path = module_backend
    with build_services(path, FixedClock(NOW)) as services:
        for officer in (OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
                        OfficerRecord("李明", "31150002", D(2019, 5, 10)),
                        OfficerRecord("周敏", "31150004", D(2019, 1, 1))):  # fmt: skip
            services.officers.register(officer)
        services.case_files.file_case(NewCase(
            NO, PartyRecord(PartyType.NATURAL_PERSON, "张三"), "张三占道设摊案", D(2023, 9, 1),
            ("31150001", "31150002"), violation="占道设摊", clue_on=D(2023, 8, 30)))  # fmt: skip
    return path


DOWNGRADE = frozenset({PenaltyKind.DOWNGRADE_QUALIFICATION})  # a hearing right, not major
NOTICE_0927 = ("notice", 9, DOWNGRADE, 0, True)  # served 2023-09-27
STATED = ("statement", 1, StatementKind.STATED)


@settings(max_examples=150)
@given(steps=sequences)
# Near misses the search should always try: within the request period, with a hearing asked
# and not held, with a hearing noticed too late, and a fen over the notice.
@example(steps=[NOTICE_0927, STATED, ("decide", 6, "same")])
@example(steps=[NOTICE_0927, STATED, ("request", 1), ("decide", 16, "same")])
@example(steps=[NOTICE_0927, STATED, ("request", 1), ("held", 1, 9, "周敏"), ("review", 16),
                ("discuss", 16, 3), ("decide", 16, "same")])  # fmt: skip
@example(steps=[("notice", 9, frozenset({PenaltyKind.FINE}), 20_000, False), STATED,
                ("decide", 5, "more")])  # fmt: skip
def test_no_step_sequence_decides_past_a_right(
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
            if drawn[0] == "decide":
                assert case.decision is not None
                assert rights_skipped(case, case.decision) == [], steps
