"""With accounts a review is the reviewer's signed round: the 强制拆除决定 (DOMAIN §13, a major
decision of its own) is submitted after the 催告, appears in the reviewer's queue although
the case was decided, is signed, and only then may be made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    Decision,
    Discussion,
    StatementKind,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    ReminderStatement,
    ReminderStatementKind,
)
from chuansha_enforce.domain.enums import Outcome, ReviewOpinion, ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.review_service import SignRequest
from tests.review_setup import PASSWORDS, PERSON, make_accounts, open_as, register_officers

D = dt.date
NO = "川执立〔2023〕21号"
LEADERS = ("镇长", "分管副镇长", "执法队长")
RURAL = "《中华人民共和国城乡规划法》第六十五条"


def on(day: dt.date) -> FixedClock:
    return FixedClock(dt.datetime(day.year, day.month, day.day, 2, 0, tzinfo=dt.UTC))


def sign(path: Path | str, day: dt.date) -> None:
    with open_as(path, on(day), "zhou") as svc:
        svc.reviews.sign(NO, SignRequest(ReviewOpinion.AGREE, None, (), PASSWORDS["zhou"]))


def test_the_forced_decision_is_reviewed_by_a_signed_round(backend: Path | str) -> None:
    path = backend
    make_accounts(path, on(D(2023, 2, 1)))
    with open_as(path, on(D(2023, 2, 1)), "admin") as svc:
        register_officers(svc)
    with open_as(path, on(D(2023, 2, 7)), "clerk") as svc:
        files = svc.case_files
        files.file_case(NewCase(NO, PERSON, "张三在宅基地上擅自搭建彩钢板房案", D(2023, 2, 1),
                                ("31150001", "31150002"), violation="乡村违法建设",
                                legal_basis=RURAL, clue_on=D(2023, 1, 30)))  # fmt: skip
        files.record_notice(NO, AdvanceNotice(D(2023, 2, 6), proposed_demolition=True,
                                              facts="擅自搭建彩钢板房", basis=RURAL))  # fmt: skip
        files.record_statement(NO, StatementKind.WAIVED, D(2023, 2, 7))
        svc.reviews.submit(NO, ["调查终结报告"])
    sign(path, D(2023, 2, 8))
    with open_as(path, on(D(2023, 8, 21)), "clerk") as svc:
        files = svc.case_files
        files.record_discussion(NO, Discussion(D(2023, 2, 8), "同意责令限期拆除", LEADERS))
        files.decide(NO, Decision(None, D(2023, 2, 9), Outcome.ORDER_ONLY,
                                  demolition_deadline=D(2023, 3, 10)))  # fmt: skip
        files.serve(NO, D(2023, 2, 10), ServiceMethod.DIRECT)
        assert svc.reviews.queue() == []
        with pytest.raises(DomainError) as early:
            svc.reviews.submit(NO, ["强制拆除决定书（草稿）"])
        assert early.value.code == "case.already_decided"
        files.record_reminder(NO, PaymentReminder(D(2023, 8, 11), D(2023, 8, 21)))
        files.record_reminder_statement(
            NO, ReminderStatement(D(2023, 8, 21), ReminderStatementKind.WAIVED)
        )
        svc.reviews.submit(NO, ["强制拆除决定书（草稿）", "催告书及送达回证"])
        assert [item.submission.case_no for item in svc.reviews.queue()] == [NO]
    with open_as(path, on(D(2023, 8, 22)), "clerk") as svc:
        svc.case_files.record_discussion(NO, Discussion(D(2023, 8, 22), "同意强制拆除", LEADERS))
        with pytest.raises(DomainError) as unsigned:
            svc.case_files.decide_forced_demolition(NO, D(2023, 8, 22))
        assert unsigned.value.code == "forced.no_review"
    sign(path, D(2023, 8, 22))
    with open_as(path, on(D(2023, 8, 22)), "clerk") as svc:
        svc.case_files.decide_forced_demolition(NO, D(2023, 8, 22))
        assert svc.reviews.queue() == []
        case = svc.case_files.find(NO)
    assert case.forced.decided_on == D(2023, 8, 22)
    assert [(r.round_no, r.reviewed_on) for r in case.reviews] == [
        (1, D(2023, 2, 8)),
        (2, D(2023, 8, 22)),
    ]
