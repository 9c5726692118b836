"""更正 on a real file: a decided fine with a signed review, payments, simple decisions,
officers; refused corrections write nothing; the audit keeps before and after; verify holds."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PenaltyKind, ReviewOpinion, ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord, SimpleDecisionRecord
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.review_service import SignRequest
from tests.conftest import database_digest
from tests.review_setup import BIG_FINE, CASE_NO, PASSWORDS, PERSON, open_as, prepared

D = dt.date


@pytest.fixture
def db_path(backend: Path) -> Path:
    """These tests run on both backends: a file and a server database (tests/server_backend)."""
    return backend


def _refused(path: Path, code: str, step: Callable[[], object]) -> DomainError:
    before = database_digest(path)
    with pytest.raises(DomainError) as caught:
        step()
    assert caught.value.code == code, caught.value
    assert database_digest(path) == before
    return caught.value


def _sign(path: Path, clock: FixedClock) -> None:
    with open_as(path, clock, "zhou") as svc:
        svc.reviews.sign(CASE_NO, SignRequest(ReviewOpinion.AGREE, None, (), PASSWORDS["zhou"]))


def _audit(svc: Services, action: str) -> list[tuple[str, str, dict[str, object]]]:
    rows = svc._db.execute(
        "SELECT user, object_id, detail FROM audit_log WHERE action = ? ORDER BY id", [action]
    ).fetchall()
    return [(u, t, json.loads(d)) for u, t, d in rows]


def decided(path: Path, clock: FixedClock) -> None:
    """The clerk's major case, signed by 周律 and decided: 6,000 元 on 2026-11-27."""
    prepared(path, clock)
    _sign(path, clock)
    with open_as(path, clock, "clerk") as svc:
        svc.case_files.decide(CASE_NO, BIG_FINE)


def test_correcting_a_decided_fine_supersedes_the_signed_review(
    db_path: Path, clock: FixedClock
) -> None:
    decided(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        result = svc.corrections.correct_case(
            CASE_NO, "罚款金额", "5500", "决定书载明罚款五千五百元，录入时多打"
        )
        assert (result.before, result.after) == ("6,000.00元", "5,500.00元")
        assert result.superseded_round == 1
        assert result.affects_publication is True  # the publication service hooks here
        case = svc.case_files.find(CASE_NO)
        assert case.decision is not None
        assert case.decision.fine_fen == 550_000
        assert case.needs_new_review
        assert [(c.label, c.before, c.after, c.superseded_round) for c in case.corrections] == [
            ("罚款金额", "6,000.00元", "5,500.00元", 1)
        ]
        assert _audit(svc, "case.correct") == [
            ("clerk", CASE_NO, {"field": "fine", "label": "罚款金额", "before": "6,000.00元",
                                "after": "5,500.00元", "superseded_round": 1,
                                "affects_publication": True,
                                "reason": "决定书载明罚款五千五百元，录入时多打"}),
        ]  # fmt: skip
        # The next step waits for a new review round; nothing is written.
        error = _refused(
            db_path,
            "review.superseded",
            lambda: svc.case_files.serve(CASE_NO, D(2026, 11, 27), ServiceMethod.DIRECT),
        )
        assert render(error.code, error.params) == (
            f"案件{CASE_NO}的第1轮法制审核已因更正（罚款金额）失效，"
            "须重新提交法制审核并经新一轮审核后才能继续"
        )
        _refused(
            db_path, "review.superseded", lambda: svc.case_files.close(CASE_NO, D(2026, 11, 27))
        )
        svc.reviews.submit(CASE_NO, ["更正后的处罚决定书"])
    _sign(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        case = svc.case_files.find(CASE_NO)
        assert not case.needs_new_review
        latest = case.latest_review()
        assert latest is not None
        assert latest.round_no == 2
        assert latest.proposal is not None
        assert latest.proposal.fine_fen == 550_000
        served = svc.case_files.serve(CASE_NO, D(2026, 11, 27), ServiceMethod.DIRECT)
        assert served.case.served_on == D(2026, 11, 27)
        assert svc.verify().ok


def test_refused_corrections_leave_the_file_as_it_was(db_path: Path, clock: FixedClock) -> None:
    decided(db_path, clock)
    with open_as(db_path, clock, "zhou") as svc:  # a reviewer corrects nothing
        _refused(
            db_path,
            "auth.forbidden",
            lambda: svc.corrections.correct_case(CASE_NO, "罚款金额", "5500", "错"),
        )
    with open_as(db_path, clock, "clerk") as svc:
        fix = svc.corrections.correct_case
        unknown = _refused(db_path, "correction.unknown_field",
                           lambda: fix(CASE_NO, "金额", "5500", "录入错误"))  # fmt: skip
        assert render(unknown.code, unknown.params, field=unknown.field).startswith(
            "更正项目：不能更正“金额”；可更正的项目：案由、违法行为、法律依据、地点、立案日期、当事人"
        )
        assert (
            _refused(
                db_path, "value.required", lambda: fix(CASE_NO, "罚款金额", "5500", "  ")
            ).field
            == "reason"
        )
        # The rules of entry: no heavier than the notice proposed (APL 45), no future date,
        # a valid ID number, a decision number held by no other decision.
        _refused(db_path, "decision.heavier_than_notice",
                 lambda: fix(CASE_NO, "罚款金额", "7000", "录入错误"))  # fmt: skip
        _refused(db_path, "decision.fine_required",
                 lambda: fix(CASE_NO, "罚款金额", "0", "录入错误"))  # fmt: skip
        _refused(db_path, "date.future", lambda: fix(CASE_NO, "决定日期", "2026-11-28", "错"))
        _refused(db_path, "date.invalid", lambda: fix(CASE_NO, "决定日期", "2026-13-01", "错"))
        _refused(db_path, "money.invalid", lambda: fix(CASE_NO, "罚款金额", "五千", "错"))
        id_error = _refused(
            db_path,
            "id.resident.checksum",
            lambda: fix(CASE_NO, "证件号码", "110105194912310021", "错"),
        )
        assert id_error.field == "id_number"
        _refused(db_path, "correction.unchanged", lambda: fix(CASE_NO, "当事人", "张三", "错"))
        _refused(
            db_path, "correction.no_step", lambda: fix(CASE_NO, "送达日期", "2026-11-27", "错")
        )
        _refused(db_path, "correction.no_payment", lambda: fix(CASE_NO, "缴款金额", "1", "错"))
        # A correction that does not touch what the review approved leaves it standing.
        fix(CASE_NO, "地点", "川沙路5号", "地点笔误")
        assert not svc.case_files.find(CASE_NO).needs_new_review
        assert svc.verify().ok


def test_payments_are_corrected_within_what_is_due(db_path: Path, clock: FixedClock) -> None:
    decided(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        svc.case_files.serve(CASE_NO, D(2026, 11, 27), ServiceMethod.DIRECT)
        svc.case_files.record_payment(CASE_NO, PaymentRecord(D(2026, 11, 27), 100_000, 0, "银行"))
        result = svc.corrections.correct_case(CASE_NO, "缴款金额", "1200", "银行回单为1200元")
        assert (result.label, result.before, result.after) == ("第1笔缴款金额", "1,000.00元",
                                                               "1,200.00元")  # fmt: skip
        assert result.superseded_round is None  # money paid is not what the review approved
        _refused(
            db_path,
            "payment.over_paid",
            lambda: svc.corrections.correct_case(CASE_NO, "缴款金额", "6001", "错"),
        )
        _refused(db_path, "date.too_early",
                 lambda: svc.corrections.correct_case(CASE_NO, "缴款日期", "2026-11-26", "错",
                                                      payment=1))  # fmt: skip
        assert svc.case_files.find(CASE_NO).paid_fen == 120_000
        assert svc.verify().ok


SIMPLE = SimpleDecisionRecord(
    decision_no="沪浦川执简〔2026〕000001号",
    party=PartyRecord(PERSON.kind, "李四"),
    cause="李四占道设摊",
    officer_certificates=("31150001", "31150002"),
    decided_on=D(2026, 11, 20),
    penalty_kind=PenaltyKind.FINE,
    fine_fen=5_000,
)


def test_correcting_a_simple_decision(db_path: Path, clock: FixedClock) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        svc.simple.record(SIMPLE)
        fix = svc.corrections.correct_simple
        result = fix(SIMPLE.decision_no, "罚款金额", "100", "当场处罚决定书为一百元")
        assert (result.before, result.after, result.affects_publication) == (
            "50.00元", "100.00元", True
        )  # fmt: skip
        over = _refused(db_path, "simple.fine_over_limit",
                        lambda: fix(SIMPLE.decision_no, "罚款金额", "200.01", "错"))  # fmt: skip
        assert over.params == {"limit": "200.00", "party_kind": "自然人"}
        _refused(db_path, "correction.unknown_field",
                 lambda: fix(SIMPLE.decision_no, "承办人", "王建国", "错"))  # fmt: skip
        _refused(db_path, "correction.simple_not_found",
                 lambda: fix("沪浦川执简〔2026〕000009号", "罚款金额", "10", "错"))  # fmt: skip
        fix(SIMPLE.decision_no, "当事人", "李小四", "身份证姓名为李小四")
        [row] = svc.simple.list_page().rows
        assert (row.party_name, row.fine_fen) == ("李小四", 10_000)
        entries = svc.corrections.simple_corrections(SIMPLE.decision_no)
        assert [(e.label, e.before, e.after) for e in entries] == [
            ("罚款金额", "50.00元", "100.00元"),
            ("当事人", "李四", "李小四"),
        ]
        assert [d["label"] for _, _, d in _audit(svc, "simple.correct")] == ["罚款金额", "当事人"]
        assert svc.verify().ok


def test_administrators_correct_an_officers_certificate(db_path: Path, clock: FixedClock) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        _refused(
            db_path,
            "auth.forbidden",
            lambda: svc.corrections.correct_officer("31150002", "姓名", "李铭", "错"),
        )
    with open_as(db_path, clock, "admin") as svc:
        fix = svc.corrections.correct_officer
        fix("31150002", "姓名", "李铭", "执法证上为李铭")
        _refused(db_path, "officer.certificate_taken",
                 lambda: fix("31150002", "执法证号", "31150001", "错"))  # fmt: skip
        _refused(db_path, "officer.expires_before_issue",
                 lambda: fix("31150002", "有效期至", "2019-01-01", "错"))  # fmt: skip
        _refused(
            db_path, "correction.cancel_by_date", lambda: fix("31150002", "状态", "注销", "错")
        )
        fix("31150002", "注销日期", "2026-11-01", "已注销未登记")
        names = {
            c.certificate_no: (c.officer_name, c.status.label) for c in svc.officers.certificates()
        }
        assert names["31150002"] == ("李铭", "注销")
        assert [e.label for e in svc.corrections.officer_corrections("31150002")] == [
            "姓名", "注销日期"
        ]  # fmt: skip
        assert svc.verify().ok


def test_the_notice_facts_are_corrected_by_the_notice_rules(
    db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        _refused(db_path, "value.required",
                 lambda: svc.corrections.correct_case(CASE_NO, "违法事实", " ", "错"))  # fmt: skip
        result = svc.corrections.correct_case(CASE_NO, "违法事实", "占道设摊经营", "补全")
        assert (result.superseded_round, result.affects_publication) == (None, False)
        notice = svc.case_files.find(CASE_NO).notice
        assert notice is not None
        assert notice.facts == "占道设摊经营"
        case = svc.case_files.find(CASE_NO)
        assert dataclasses.replace(case, corrections=()).corrections == ()


def test_a_kind_taken_out_takes_its_amount_with_it(db_path: Path, clock: FixedClock) -> None:
    decided(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        fix = svc.corrections.correct_case
        _refused(db_path, "value.choice", lambda: fix(CASE_NO, "处罚种类", "罚金", "错"))
        result = fix(CASE_NO, "处罚种类", "警告", "决定书为警告")
        assert (result.before, result.after) == ("罚款", "警告；罚款金额 6,000.00元 → 0.00元")
        assert result.superseded_round == 1
        decision = svc.case_files.find(CASE_NO).decision
        assert decision is not None
        assert (decision.kinds, decision.fine_fen) == (frozenset({PenaltyKind.WARNING}), 0)
        assert svc.verify().ok


def test_the_filing_date_keeps_the_order_of_the_steps(db_path: Path, clock: FixedClock) -> None:
    decided(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        fix = svc.corrections.correct_case
        late = _refused(
            db_path, "date.too_early", lambda: fix(CASE_NO, "立案日期", "2026-10-21", "错")
        )
        assert (late.field, late.params["what"]) == ("notice_on", "立案日期")
        early = _refused(db_path, "case.clue_after_filing",
                         lambda: fix(CASE_NO, "立案日期", "2026-10-07", "错"))  # fmt: skip
        assert early.field == "clue_on"
        result = fix(CASE_NO, "立案日期", "2026-10-08", "立案审批表日期为10月8日")
        assert (result.before, result.after, result.superseded_round) == (
            "2026-10-09", "2026-10-08", None
        )  # fmt: skip
        assert svc.case_files.find(CASE_NO).filed_on.isoformat() == "2026-10-08"


@pytest.mark.parametrize(
    ("party_kind", "fine", "after"),
    [
        ("自然人", "200", "200.00元"),  # the simple-procedure limit for a person (APL 51)
        ("自然人", "200.01", None),
        ("法人", "3000", "3,000.00元"),  # and for an organisation
        ("法人", "3000.01", None),
    ],
)
def test_a_corrected_simple_fine_meets_the_limit_of_entry(
    db_path: Path, clock: FixedClock, party_kind: str, fine: str, after: str | None
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        svc.simple.record(SIMPLE)
        fix = svc.corrections.correct_simple
        if party_kind != "自然人":
            fix(SIMPLE.decision_no, "当事人类型", party_kind, "当事人为公司")
        if after is None:
            _refused(db_path, "simple.fine_over_limit",
                     lambda: fix(SIMPLE.decision_no, "罚款金额", fine, "录入"))  # fmt: skip
        else:
            assert fix(SIMPLE.decision_no, "罚款金额", fine, "录入").after == after
