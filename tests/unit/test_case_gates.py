"""The gates of DOMAIN §12 and the corrected major-case list of §3, at their boundaries."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.available_steps import STEP_KEYS, available_steps
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Certificate,
    Decision,
)
from chuansha_enforce.domain.cases.case_gates import (
    GateRules,
    check_limitation,
    hearing_request_until,
    hearing_right,
    statement_until,
)
from chuansha_enforce.domain.cases.major_case import MajorFacts, assess_major
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord

D = dt.date
K = PenaltyKind
PERSON, COMPANY = PartyType.NATURAL_PERSON, PartyType.LEGAL_PERSON


@pytest.mark.parametrize(
    ("party", "kinds", "fine", "confiscation", "rules", "expected"),
    [
        (PERSON, {K.FINE}, 499_999, 0, GateRules(), ()),
        (PERSON, {K.FINE}, 500_000, 0, GateRules(), ("罚款5,000.00元（5,000.00元以上）",)),
        (COMPANY, {K.FINE}, 4_999_999, 0, GateRules(), ()),
        (COMPANY, {K.FINE}, 5_000_000, 0, GateRules(), ("罚款50,000.00元（50,000.00元以上）",)),
        (PartyType.INDIVIDUAL_BUSINESS, {K.FINE}, 500_000, 0, GateRules(),
         ("罚款5,000.00元（5,000.00元以上）",)),
        (PERSON, {K.FINE}, 299_999, 0, GateRules(hearing_individual_fen=300_000), ()),
        (PERSON, {K.FINE}, 300_000, 0, GateRules(hearing_individual_fen=300_000),
         ("罚款3,000.00元（3,000.00元以上）",)),
        (PERSON, {K.CONFISCATE_GAINS}, 0, 4_999_999, GateRules(), ()),
        (PERSON, {K.CONFISCATE_GAINS}, 0, 5_000_000, GateRules(), ("没收50,000.00元",)),
        (PERSON, {K.CONFISCATE_PROPERTY}, 0, 1_000_000,
         GateRules(hearing_confiscation_fen=1_000_000), ("没收10,000.00元",)),
        (COMPANY, {K.DOWNGRADE_QUALIFICATION, K.WARNING}, 0, 0, GateRules(), ("降低资质等级",)),
        (COMPANY, {K.REVOKE_LICENCE, K.SUSPEND_BUSINESS}, 0, 0, GateRules(),
         ("吊销许可证件", "责令停产停业")),
        (COMPANY, {K.ORDER_CLOSURE}, 0, 0, GateRules(), ("责令关闭",)),
        (PERSON, {K.RESTRICT_PRACTICE}, 0, 0, GateRules(), ("限制从业",)),
        # 限制开展生产经营活动 is a heavy (major-case) kind but not on APL 63's list
        (COMPANY, {K.RESTRICT_ACTIVITY}, 0, 0, GateRules(), ()),
        (PERSON, {K.WARNING}, 0, 0, GateRules(), ()),
    ],
)  # fmt: skip
def test_the_hearing_right_is_apl_63s_list(
    *,
    party: PartyType,
    kinds: set[PenaltyKind],
    fine: int,
    confiscation: int,
    rules: GateRules,
    expected: tuple[str, ...],
) -> None:
    found = hearing_right(party, frozenset(kinds), fine_fen=fine, confiscation_fen=confiscation,
                          heavy_marked=False, rules=rules)  # fmt: skip
    assert found == expected


def test_another_heavy_penalty_is_marked_by_the_clerk() -> None:
    found = hearing_right(COMPANY, frozenset({K.RESTRICT_ACTIVITY}), fine_fen=0,
                          confiscation_fen=0, heavy_marked=True, rules=GateRules())  # fmt: skip
    assert found == ("其他较重的行政处罚",)


@pytest.mark.parametrize(
    ("served", "rules", "statement", "request_until"),
    [
        # National Day 2023: 09-29..10-06 off, Saturday 10-07 and Sunday 10-08 worked
        (D(2023, 9, 27), GateRules(), D(2023, 10, 8), D(2023, 10, 10)),
        (D(2023, 9, 27), GateRules(statement_working_days=5, hearing_request_working_days=7),
         D(2023, 10, 10), D(2023, 10, 12)),
        # an ordinary week: Friday 2025-03-07 → Wednesday and Friday
        (D(2025, 3, 7), GateRules(), D(2025, 3, 12), D(2025, 3, 14)),
    ],
)  # fmt: skip
def test_statement_and_request_periods_count_working_days(
    served: dt.date, rules: GateRules, statement: dt.date, request_until: dt.date
) -> None:
    notice = AdvanceNotice(served)
    assert statement_until(notice, WorkCalendar(), rules) == statement
    assert hearing_request_until(notice, WorkCalendar(), rules) == request_until


def test_a_certificate_is_valid_through_its_expiry_date() -> None:
    cert = Certificate(3, "陈静", "31150003", D(2020, 1, 6), D(2023, 10, 12),
                       CertificateStatus.VALID, None)  # fmt: skip
    assert [cert.valid_on(D(2023, 10, d)) for d in (11, 12, 13)] == [True, True, False]


@pytest.mark.parametrize(
    ("act", "continuing", "found", "reason", "refused_years"),
    [
        (D(2021, 8, 30), False, D(2023, 8, 30), None, None),  # exactly 2 years: in time
        (D(2021, 8, 29), False, D(2023, 8, 30), None, 2),
        (D(2021, 8, 29), True, D(2023, 8, 30), None, None),  # still going: not begun
        (D(2018, 8, 30), False, D(2023, 8, 30), "燃气泄漏致人受伤", None),
        (D(2018, 8, 29), False, D(2023, 8, 30), "燃气泄漏致人受伤", 5),
        (D(2020, 2, 29), False, D(2022, 2, 28), None, None),  # 29 February: the 28th
        (D(2020, 2, 29), False, D(2022, 3, 1), None, 2),
        (None, False, D(2023, 8, 30), None, None),  # no date of the act recorded
    ],
)  # fmt: skip
def test_limitation_apl_36(
    act: dt.date | None,
    continuing: bool,
    found: dt.date,
    reason: str | None,
    refused_years: int | None,
) -> None:
    if refused_years is None:
        check_limitation(act, continuing, found, reason)
        return
    with pytest.raises(DomainError) as caught:
        check_limitation(act, continuing, found, reason)
    assert (caught.value.code, caught.value.params["years"]) == ("filing.time_barred",
                                                                 refused_years)  # fmt: skip


def test_a_waived_hearing_does_not_make_a_case_major() -> None:
    waived = assess_major(MajorFacts(PERSON, fine_fen=20_000, hearing=HearingState.WAIVED))
    held = assess_major(MajorFacts(PERSON, fine_fen=20_000, hearing=HearingState.HELD))
    order = assess_major(MajorFacts(PERSON, demolition_order=True))
    assert (waived.major, waived.labels) == (False, ())
    assert (held.major, held.labels) == (True, ("经过听证",))
    assert (order.major, order.labels) == (True, ("限期拆除已建成违法建筑",))


CASE = CaseFile(1, "C1", PartyRecord(PERSON, "张三"), "案由", D(2023, 9, 1), ())


def _why(case: CaseFile) -> dict[str, str | None]:
    return {k: None if e is None else e.code for k, e in available_steps(case).items()}


def test_available_steps_say_why_not() -> None:
    assert tuple(available_steps(CASE)) == STEP_KEYS
    assert _why(CASE) == {
        "evidence": None, "notice": None, "statement": "statement.no_notice",
        "hearing": "hearing.not_offered",
        "review": None, "discussion": None, "complex": None, "extension": None,
        "officers": None, "decide": None, "serve_attempt": "case.not_decided",
        "serve": "case.not_decided", "pay": "case.not_decided", "pause": "case.not_decided",
        "instalments": "case.not_decided", "remind": "case.not_decided",
        "court_apply": "case.not_decided", "court_ruling": "enforcement.not_applied",
        "close": "case.not_decided",
        "publish": "case.not_decided", "withdraw_publication": "publication.not_published",
    }  # fmt: skip
    noticed = dataclasses.replace(CASE, notice=AdvanceNotice(D(2023, 9, 27), True),
                                  complex_reason="涉及多个部门")  # fmt: skip
    assert (_why(noticed)["statement"], _why(noticed)["hearing"]) == (None, None)
    assert _why(noticed)["complex"] == "case.already_complex"
    decided = dataclasses.replace(
        noticed,
        decision=Decision(
            "F1", D(2023, 10, 9), Outcome.PENALTY, frozenset({K.FINE}), fine_fen=20_000
        ),
    )
    undecided_only = ("notice", "statement", "hearing", "review", "discussion", "complex",
                      "extension", "officers", "decide")  # fmt: skip
    assert {_why(decided)[k] for k in undecided_only} == {"case.already_decided"}
    assert (_why(decided)["serve"], _why(decided)["pay"]) == (None, "payment.before_service")
    served = dataclasses.replace(decided, served_on=D(2023, 10, 10))
    assert (_why(served)["serve"], _why(served)["pay"]) == ("case.already_served", None)
    closed = dataclasses.replace(served, closed_on=D(2023, 10, 20))
    assert (_why(closed)["pay"], _why(closed)["close"]) == ("case.already_closed",
                                                           "case.already_closed")  # fmt: skip
