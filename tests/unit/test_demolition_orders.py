"""Demolition orders as orders (DOMAIN §13) and the APL 33 education: table tests with
literal answers."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Decision,
    Education,
    Proposal,
)
from chuansha_enforce.domain.cases.case_rules import check_decision_content
from chuansha_enforce.domain.cases.major_case import MajorFacts, assess_major
from chuansha_enforce.domain.demolition.order_rules import carries_order, check_education
from chuansha_enforce.domain.enums import NoPenaltyReason, Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import PartyRecord

D = dt.date
DECIDED = D(2024, 5, 10)
FINE = frozenset({PenaltyKind.FINE})


def _decision(outcome: Outcome, deadline: dt.date | None, **extra: object) -> Decision:
    return Decision("沪浦川执罚〔2024〕1号", DECIDED, outcome, demolition_deadline=deadline,
                    **extra)  # type: ignore[arg-type]  # fmt: skip


def _said(error: DomainError) -> str:
    code, field, params = error.args
    return render(code, params, "zh", field)


def _refusal(decision: Decision) -> str | None:
    try:
        check_decision_content(decision)
    except DomainError as error:
        return _said(error)
    return None


@pytest.mark.parametrize(
    ("decision", "refusal"),
    [
        (_decision(Outcome.ORDER_ONLY, None),
         "拆除期限：责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）"),
        (_decision(Outcome.ORDER_ONLY, DECIDED - dt.timedelta(days=1)),
         "拆除期限：拆除期限 2024-05-09 须在决定日期 2024-05-10 之后"),
        (_decision(Outcome.ORDER_ONLY, DECIDED),  # the limit: the decision day itself
         "拆除期限：拆除期限 2024-05-10 须在决定日期 2024-05-10 之后"),
        (_decision(Outcome.ORDER_ONLY, D(2024, 5, 11)), None),  # one day after: accepted
        (_decision(Outcome.PENALTY, D(2024, 5, 25), kinds=FINE, fine_fen=20_000), None),
        (_decision(Outcome.NO_PENALTY, D(2024, 5, 25),
                   no_penalty_reason=NoPenaltyReason.FIRST_VIOLATION),
         "拆除期限：“不予处罚”的决定不能同时责令限期拆除；责令限期拆除可与处罚并处，"
         "或单独作出（仅责令限期拆除）"),
        (_decision(Outcome.ORDER_ONLY, D(2024, 5, 25), kinds=FINE, fine_fen=20_000),
         "处罚种类：“仅责令限期拆除”不能有处罚种类或金额"),
        (_decision(Outcome.ORDER_ONLY, D(2024, 5, 25),
                   no_penalty_reason=NoPenaltyReason.FIRST_VIOLATION),
         "不予处罚理由：只有不予处罚决定才填写不予处罚理由"),
    ],
    ids=["no deadline", "deadline before", "deadline on the day", "deadline the day after",
         "with a penalty", "not with 不予处罚", "an order alone has no penalty",
         "an order alone has no reason"],
)  # fmt: skip
def test_what_a_decision_with_an_order_must_say(decision: Decision, refusal: str | None) -> None:
    assert _refusal(decision) == refusal


def test_an_order_is_guarded_like_a_penalty_and_never_counted_as_one() -> None:
    order = _decision(Outcome.ORDER_ONLY, D(2024, 5, 25))
    assert carries_order(order)
    assert carries_order(_decision(Outcome.PENALTY, None, kinds=FINE, fine_fen=100))
    assert not carries_order(_decision(Outcome.NO_PENALTY, None))
    assert order.kinds == frozenset()
    assert PenaltyKind.OTHER not in order.proposal.kinds
    assert order.proposal == Proposal(frozenset(), 0, 0, True)


def test_a_proposal_with_an_order_is_stored_and_read_back() -> None:
    with_order = Proposal(FINE, 20_000, 0, True)
    assert with_order.text() == "fine|20000|0|demolition"
    assert Proposal.from_text("fine|20000|0|demolition") == with_order
    # a round stored before orders existed reads as a proposal without one
    assert Proposal.from_text("fine|20000|0") == Proposal(FINE, 20_000, 0, False)
    notice = AdvanceNotice(D(2024, 5, 1), proposed_demolition=True)
    assert notice.proposal == Proposal(frozenset(), 0, 0, True)
    assert AdvanceNotice(D(2024, 5, 1)).proposal is None


@pytest.mark.parametrize(
    ("facts", "major", "labels"),
    [
        (MajorFacts(PartyType.NATURAL_PERSON, demolition_order=True), True,
         ("限期拆除已建成违法建筑",)),
        (MajorFacts(PartyType.LEGAL_PERSON, fine_fen=100_000, kinds=FINE,
                    demolition_order=True), True, ("限期拆除已建成违法建筑",)),
        (MajorFacts(PartyType.NATURAL_PERSON, fine_fen=100_000, kinds=FINE), False, ()),
        (MajorFacts(PartyType.NATURAL_PERSON, demolition_order=True, forced_demolition=True),
         True, ("限期拆除已建成违法建筑", "强制拆除决定")),
    ],
)  # fmt: skip
def test_every_demolition_order_is_major(
    facts: MajorFacts, major: bool, labels: tuple[str, ...]
) -> None:
    found = assess_major(facts)
    assert (found.major, found.labels) == (major, labels)


def _case(decision: Decision | None, education: Education | None = None) -> CaseFile:
    return CaseFile(1, "川执立〔2024〕1号", PartyRecord(PartyType.NATURAL_PERSON, "张三"), "案由",
                    D(2024, 4, 1), (), decision=decision, education=education)  # fmt: skip


TAUGHT_ON = D(2024, 5, 11)


def _taught(case: CaseFile, on: dt.date = TAUGHT_ON, how: str = "当场教育") -> str | None:
    try:
        check_education(case, Education(on, how), today=D(2024, 6, 1))
    except DomainError as error:
        return _said(error)
    return None


def _no_penalty(reason: NoPenaltyReason | None) -> Decision:
    return _decision(Outcome.NO_PENALTY, None, no_penalty_reason=reason)


APL33 = (
    "教育日期：只有依行政处罚法第三十三条不予处罚（轻微违法及时改正、首违不罚、无主观过错）"
    "的案件记录教育；本案为："
)


@pytest.mark.parametrize(
    ("reason", "refusal"),
    [
        (NoPenaltyReason.MINOR_CORRECTED, None),
        (NoPenaltyReason.FIRST_VIOLATION, None),
        (NoPenaltyReason.NO_FAULT, None),
        (NoPenaltyReason.UNDER_FOURTEEN, APL33 + "不予处罚（不满十四周岁）"),
        (NoPenaltyReason.MENTAL_ILLNESS, APL33 + "不予处罚（精神病人）"),
        (NoPenaltyReason.TIME_BARRED, APL33 + "不予处罚（超过追责时效）"),
        (NoPenaltyReason.FACTS_UNPROVEN, APL33 + "不予处罚（违法事实不能成立）"),
    ],
)
def test_education_goes_with_an_apl33_no_penalty_only(
    reason: NoPenaltyReason, refusal: str | None
) -> None:
    assert _taught(_case(_no_penalty(reason))) == refusal


def test_education_refusals_name_their_reason() -> None:
    first = _case(_no_penalty(NoPenaltyReason.FIRST_VIOLATION))
    assert _taught(_case(None)) == APL33 + "尚未作出决定"
    assert _taught(_case(_decision(Outcome.PENALTY, None, kinds=FINE))) == APL33 + "处罚"
    assert _taught(_case(_decision(Outcome.ORDER_ONLY, D(2024, 6, 1)))) == (
        APL33 + "仅责令限期拆除"
    )
    assert _taught(first, D(2024, 5, 9)) == (
        "教育日期：教育日期 2024-05-09 不能早于不予处罚决定日期 2024-05-10"
    )
    assert _taught(first, D(2024, 5, 10)) is None  # the decision day itself
    assert _taught(first, D(2024, 6, 2)) == "教育日期：日期2024-06-02晚于今天"
    assert _taught(first, how=" ") == "教育情况：必须填写"
    taught = _case(first.decision, Education(D(2024, 5, 10), "当场教育"))
    assert _taught(taught) == "教育日期：本案已于 2024-05-10 记录教育情况"
