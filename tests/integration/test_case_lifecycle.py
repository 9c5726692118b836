"""A general-procedure case walked through its steps by the services alone.

Every illegal step is refused with its code and leaves the database file byte for byte
as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    Decision,
    Discussion,
    Extension,
    Hearing,
    SurchargePause,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PauseKind,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, PaymentRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import book
from tests.conftest import database_digest

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)  # 2024-06-28 in Shanghai
OFFICERS = (
    OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
    OfficerRecord("李明", "31150002", D(2019, 5, 10)),
    OfficerRecord("陈静", "31150003", D(2020, 1, 6), D(2024, 3, 1)),  # expired 2024-03-01
    OfficerRecord(
        "赵刚", "31150004", D(2017, 1, 1), None, CertificateStatus.CANCELLED, D(2023, 12, 31)
    ),
)
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号")


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    """On both backends: a file and a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as services:
        for officer in OFFICERS:
            services.officers.register(officer)
        yield services


def _file(svc: Services, case_no: str = "川执立〔2024〕1号", **changes: object) -> None:
    fields: dict[str, object] = {
        "case_no": case_no,
        "party": PERSON,
        "cause": "张三占道设摊案",
        "filed_on": D(2024, 3, 4),
        "officer_certificates": ("31150001", "31150002"),
        "violation": "占道设摊",
        "clue_on": D(2024, 3, 1),
    }
    fields.update(changes)
    svc.case_files.file_case(NewCase(**fields))  # type: ignore[arg-type]


def refused(svc: Services, code: str, step: Callable[[], object]) -> DomainError:
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as caught:
        step()
    assert caught.value.code == code
    assert database_digest(book(svc)) == before
    return caught.value


def _notice(served_on: dt.date, fine: int = 20_000, **changes: object) -> AdvanceNotice:
    """A 告知 proposing a fine of ``fine`` fen, with its facts and basis (DOMAIN §12)."""
    fields: dict[str, object] = {
        "served_on": served_on,
        "proposed_kinds": frozenset({PenaltyKind.FINE}),
        "proposed_fine_fen": fine,
        "facts": "占道设摊",
        "basis": "《上海市市容环境卫生管理条例》第二十四条",
    }
    fields.update(changes)
    return AdvanceNotice(**fields)  # type: ignore[arg-type]


LEADERS = ("镇长", "分管副镇长", "执法队长")

FINE = Decision(
    "沪浦川执罚〔2024〕1号",
    D(2024, 4, 10),
    Outcome.PENALTY,
    frozenset({PenaltyKind.FINE}),
    fine_fen=20_000,
)


def test_a_case_walks_from_filing_to_closing(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    assert svc.case_files.find(no).status.label == "已立案"
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1), statement_on=D(2024, 4, 2)))
    svc.case_files.record_discussion(no, Discussion(D(2024, 4, 8), "一致同意罚款二百元", LEADERS))
    svc.case_files.decide(no, FINE)
    assert svc.case_files.find(no).status.label == "已决定"
    svc.case_files.serve(no, D(2024, 4, 12), ServiceMethod.DIRECT)
    svc.case_files.record_payment(no, PaymentRecord(D(2024, 4, 20), 20_000, 0, "银行缴款", "A1"))
    svc.publications.publish(no, D(2024, 4, 19))  # the 7th working day after 04-10
    result = svc.case_files.close(no, D(2024, 4, 25))
    assert result.case.status.label == "已结案"
    view = svc.case_files.view(no)
    assert view.clocks.amount_due_fen == 0
    states = {c.name: c.state.value for c in view.clocks.clocks}
    assert states == {
        "filing_due": "met",
        "decision_due": "met",
        "service_due": "met",
        "disclosure_due": "met",
        "payment_due": "met",
    }
    assert svc.statistics.annual(2024).general.closed == 1
    assert svc.verify_audit() is None


def test_filing_rules(svc: Services) -> None:
    refused(svc, "officers.too_few", lambda: _file(svc, officer_certificates=("31150001",)))
    refused(
        svc, "officers.too_few", lambda: _file(svc, officer_certificates=("31150001", "31150001"))
    )
    error = refused(
        svc,
        "officers.invalid_on",
        lambda: _file(svc, officer_certificates=("31150001", "31150003")),
    )
    assert error.params["name"] == "陈静"  # expired on 2024-03-01, filing 2024-03-04
    refused(
        svc,
        "officers.invalid_on",
        lambda: _file(svc, officer_certificates=("31150001", "31150004")),
    )
    refused(
        svc, "officers.unknown", lambda: _file(svc, officer_certificates=("31150001", "99999999"))
    )
    refused(svc, "date.future", lambda: _file(svc, filed_on=D(2024, 7, 1)))
    refused(svc, "case.clue_after_filing", lambda: _file(svc, clue_on=D(2024, 3, 5)))
    refused(svc, "value.required", lambda: _file(svc, cause="  "))
    bad_id = PartyRecord(PartyType.NATURAL_PERSON, "张三", "310115199002290018")
    refused(svc, "id.resident.birth_date", lambda: _file(svc, party=bad_id))
    _file(svc)
    refused(svc, "case.case_no_taken", lambda: _file(svc))


def test_a_penalty_needs_the_advance_notice_and_consistent_amounts(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    refused(svc, "decision.without_notice", lambda: svc.case_files.decide(no, FINE))
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1)))
    for code, decision in [
        ("decision.kinds_required", Decision("X1", D(2024, 4, 10), Outcome.PENALTY)),
        (
            "decision.fine_required",
            Decision("X1", D(2024, 4, 10), Outcome.PENALTY, frozenset({PenaltyKind.FINE})),
        ),
        (
            "decision.fine_without_kind",
            Decision(
                "X1",
                D(2024, 4, 10),
                Outcome.PENALTY,
                frozenset({PenaltyKind.WARNING}),
                fine_fen=100,
            ),
        ),
        ("decision.no_penalty_reason_required", Decision("X1", D(2024, 4, 10), Outcome.NO_PENALTY)),
        (
            "decision.outcome_has_penalty",
            Decision(
                "X1",
                D(2024, 4, 10),
                Outcome.NO_PENALTY,
                fine_fen=100,
                no_penalty_reason=NoPenaltyReason.FIRST_VIOLATION,
            ),
        ),
        (
            "date.too_early",
            Decision("X1", D(2024, 3, 1), Outcome.PENALTY, frozenset({PenaltyKind.WARNING})),
        ),
        (
            "date.future",
            Decision("X1", D(2024, 7, 1), Outcome.PENALTY, frozenset({PenaltyKind.WARNING})),
        ),
    ]:
        refused(svc, code, lambda d=decision: svc.case_files.decide(no, d))
    svc.case_files.decide(no, FINE)
    refused(svc, "case.already_decided", lambda: svc.case_files.decide(no, FINE))
    _file(svc, "川执立〔2024〕2号")
    svc.case_files.record_notice("川执立〔2024〕2号", _notice(D(2024, 4, 1)))
    refused(svc, "decision.number_taken", lambda: svc.case_files.decide("川执立〔2024〕2号", FINE))


def test_a_major_case_needs_an_agreed_review(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    big = Decision(
        "沪浦川执罚〔2024〕9号",
        D(2024, 5, 20),
        Outcome.PENALTY,
        frozenset({PenaltyKind.FINE}),
        fine_fen=500_000,
    )  # 5,000 元: major
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1), 500_000, hearing_offered=True))
    svc.case_files.record_hearing(no, Hearing(HearingState.WAIVED, waived_on=D(2024, 4, 2)))
    error = refused(svc, "decision.review_required", lambda: svc.case_files.decide(no, big))
    # a waived hearing does not make a case major (DOMAIN §3, corrected 2026-12)
    assert error.params["reasons"] == "对个人罚款5,000元以上"
    refused(
        svc,
        "review.reviewer_is_officer",
        lambda: svc.case_files.record_review(
            no, reviewer="李明", reviewed_on=D(2024, 5, 10), opinion=ReviewOpinion.AGREE
        ),
    )
    svc.case_files.record_review(
        no, reviewer="周律", reviewed_on=D(2024, 5, 10), opinion=ReviewOpinion.SUPPLEMENT
    )
    refused(svc, "decision.review_required", lambda: svc.case_files.decide(no, big))
    svc.case_files.record_review(
        no, reviewer="周律", reviewed_on=D(2024, 5, 18), opinion=ReviewOpinion.AGREE
    )
    refused(svc, "decision.discussion_required", lambda: svc.case_files.decide(no, big))
    svc.case_files.record_discussion(no, Discussion(D(2024, 5, 19), "同意罚款五千元", LEADERS))
    result = svc.case_files.decide(no, big)
    assert [r.round_no for r in result.case.reviews] == [1, 2]
    assert svc.case_files.view(no).major.major
    figures = svc.statistics.annual(2024)
    assert (figures.legal_review_cases, figures.legal_review_rounds) == (1, 2)
    assert figures.general.fines_decided_fen == 500_000


def test_hearing_rules(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    held = Hearing(HearingState.HELD, D(2024, 4, 3), D(2024, 4, 5), D(2024, 4, 16), "王建国")
    refused(svc, "hearing.not_offered", lambda: svc.case_files.record_hearing(no, held))
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1), hearing_offered=True))
    refused(
        svc, "hearing.presiding_is_investigator", lambda: svc.case_files.record_hearing(no, held)
    )
    fair = Hearing(HearingState.HELD, D(2024, 4, 3), D(2024, 4, 5), D(2024, 4, 16), "孙法")
    svc.case_files.record_hearing(no, fair)
    refused(
        svc,
        "review.reviewer_presided",
        lambda: svc.case_files.record_review(
            no, reviewer="孙法", reviewed_on=D(2024, 4, 20), opinion=ReviewOpinion.AGREE
        ),
    )


def test_service_payment_and_closing_rules(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    refused(
        svc,
        "case.not_decided",
        lambda: svc.case_files.serve(no, D(2024, 4, 12), ServiceMethod.MAIL),
    )
    refused(svc, "case.close_undecided", lambda: svc.case_files.close(no, D(2024, 4, 12)))
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1)))
    svc.case_files.decide(no, FINE)
    pay = PaymentRecord(D(2024, 4, 20), 20_000, 0, "银行缴款")
    refused(svc, "payment.before_service", lambda: svc.case_files.record_payment(no, pay))
    refused(
        svc, "date.too_early", lambda: svc.case_files.serve(no, D(2024, 4, 9), ServiceMethod.MAIL)
    )
    svc.case_files.serve(no, D(2024, 4, 12), ServiceMethod.MAIL)
    refused(
        svc,
        "case.already_served",
        lambda: svc.case_files.serve(no, D(2024, 4, 13), ServiceMethod.MAIL),
    )
    too_much = PaymentRecord(D(2024, 4, 20), 20_001, 0, "银行缴款")
    refused(svc, "payment.over_paid", lambda: svc.case_files.record_payment(no, too_much))
    greedy = PaymentRecord(D(2024, 4, 20), 100, 20_001, "银行缴款")
    refused(svc, "payment.surcharge_too_high", lambda: svc.case_files.record_payment(no, greedy))
    svc.case_files.record_payment(no, PaymentRecord(D(2024, 4, 20), 5_000, 0, "银行缴款"))
    error = refused(svc, "case.close_unpaid", lambda: svc.case_files.close(no, D(2024, 5, 1)))
    assert error.params["outstanding"] == "150.00"
    svc.case_files.close(no, D(2024, 5, 1), reason_kind=UnpaidCloseReason.COURT_ACCEPTED)
    refused(svc, "case.already_closed", lambda: svc.case_files.close(no, D(2024, 5, 2), "x"))


def test_surcharge_and_amount_due_as_of_a_date(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1), 50_000))
    svc.case_files.decide(
        no,
        Decision(
            "F500", D(2024, 4, 10), Outcome.PENALTY, frozenset({PenaltyKind.FINE}), fine_fen=50_000
        ),
    )
    svc.case_files.serve(no, D(2024, 4, 12), ServiceMethod.DIRECT)
    # 15 days after 2024-04-12 is Saturday 2024-04-27, a rest day; Sunday 04-28 was a
    # make-up working day (May Day 2024), so the period ends then.
    view = svc.case_files.view(no, D(2024, 4, 27))
    assert view.clocks.due_dates()["payment_due"] == "2024-04-28"
    expected = {0: 0, 1: 1_500, 33: 49_500, 34: 50_000, 60: 50_000}
    for days, surcharge in expected.items():
        as_of = D(2024, 4, 28) + dt.timedelta(days=days)
        view = svc.case_files.view(no, as_of)
        assert view.clocks.surcharge_fen == surcharge, days
        assert view.clocks.amount_due_fen == 50_000 + surcharge
    svc.case_files.record_pause(
        no, SurchargePause(PauseKind.RECONSIDERATION, D(2024, 4, 29), D(2024, 5, 7))
    )
    assert svc.case_files.view(no, D(2024, 5, 7)).clocks.surcharge_fen == 0
    assert svc.case_files.view(no, D(2024, 5, 8)).clocks.surcharge_fen == 1_500


def test_decision_deadline_extension_and_overdue_flag(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    view = svc.case_files.view(no, D(2024, 6, 10))
    assert view.clocks.due_dates()["decision_due"] == "2024-06-03"
    assert view.clocks.overdue
    svc.case_files.extend_decision_deadline(
        no, Extension("镇分管领导", D(2024, 5, 30), 30, "案情复杂，需补充调查")
    )
    view = svc.case_files.view(no, D(2024, 6, 10))
    assert view.clocks.due_dates()["decision_due"] == "2024-07-02"  # 90 + 30 days
    assert not view.clocks.overdue


def test_settings_change_the_rules_and_are_checked(svc: Services) -> None:
    _file(svc)
    no = "川执立〔2024〕1号"
    svc.case_files.record_notice(no, _notice(D(2024, 4, 1), 600_000, hearing_offered=True))
    big = Decision(
        "B1", D(2024, 5, 20), Outcome.PENALTY, frozenset({PenaltyKind.FINE}), fine_fen=600_000
    )
    refused(svc, "decision.review_required", lambda: svc.case_files.decide(no, big))
    svc.settings.set("major_individual_fen", "1000000")  # 10,000 元
    assert svc.case_files.decide(no, big).case.decision is not None
    assert not svc.case_files.view(no).major.major
    error = refused(svc, "settings.invalid", lambda: svc.settings.set("due_soon_working_days", "x"))
    assert error.field == "setting"
    refused(svc, "settings.invalid", lambda: svc.settings.set("due_soon_working_days", "-1"))
    refused(svc, "settings.unknown", lambda: svc.settings.set("colour", "red"))
    svc.settings.set("individual_business_as_citizen", "否")
    assert svc.settings.current().individual_business_as_citizen is False


def test_a_review_binds_the_proposal_it_reviewed(svc: Services) -> None:
    """DOMAIN §12: a decision that differs from the agreed proposal needs a new round."""
    _file(svc)
    no = "川执立〔2024〕1号"
    both = frozenset({PenaltyKind.WARNING, PenaltyKind.FINE})
    svc.case_files.record_notice(
        no, _notice(D(2024, 4, 1), 500_000, hearing_offered=True, proposed_kinds=both)
    )
    svc.case_files.record_hearing(no, Hearing(HearingState.WAIVED, waived_on=D(2024, 4, 2)))
    svc.case_files.record_review(
        no, reviewer="周律", reviewed_on=D(2024, 5, 10), opinion=ReviewOpinion.AGREE
    )
    svc.case_files.record_discussion(no, Discussion(D(2024, 5, 11), "同意", LEADERS))
    fine_only = Decision("B1", D(2024, 5, 20), Outcome.PENALTY, frozenset({PenaltyKind.FINE}),
                         fine_fen=500_000)  # fmt: skip
    error = refused(svc, "decision.review_differs", lambda: svc.case_files.decide(no, fine_only))
    assert error.params["round"] == 1
    as_reviewed = Decision("B1", D(2024, 5, 20), Outcome.PENALTY, both, fine_fen=500_000)
    assert svc.case_files.decide(no, as_reviewed).case.decision is not None
