"""The legal-review workflow on a real file: submit, queue, sign, the decision gate."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.review.review_checklist import CHECKLIST, Finding
from chuansha_enforce.services.review_service import SignRequest
from tests.conftest import NOW, database_digest
from tests.review_setup import BIG_FINE, CASE_NO, PASSWORDS, open_as, prepared

D = dt.date


@pytest.fixture
def db_path(backend: Path) -> Path:
    """These tests run on both backends: a file and a server database (tests/server_backend)."""
    return backend


@pytest.fixture
def file_db(tmp_path: Path) -> Path:
    """A file only: the test opens it with sqlite3 itself."""
    return tmp_path / "cases.db"


def _request(opinion: ReviewOpinion, user: str = "zhou", **changes: object) -> SignRequest:
    base = SignRequest(opinion, None, (), PASSWORDS[user])
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _refused(path: Path, code: str, step: object) -> DomainError:
    before = database_digest(path)
    with pytest.raises(DomainError) as caught:
        step()  # type: ignore[operator]
    assert caught.value.code == code, caught.value
    assert database_digest(path) == before
    return caught.value


def test_queue_shows_due_dates_in_working_days(db_path: Path, clock: FixedClock) -> None:
    prepared(db_path, clock)  # submitted on Friday 2026-11-27
    with open_as(db_path, clock, "zhou") as svc:
        [item] = svc.reviews.queue()
        assert item.submission.case_no == CASE_NO
        assert item.submission.materials == ("调查终结报告", "处罚决定书（草稿）")
        assert item.submission.due_on == D(2026, 12, 8)  # 7 working days later
        assert item.state == "open"
        assert item.major_reasons == ("对个人罚款5,000元以上",)  # a waiver is not a reason
        # 3 working days before the due date it is due soon; the day after, overdue.
        assert svc.reviews.queue(D(2026, 12, 3))[0].state == "due_soon"
        assert svc.reviews.queue(D(2026, 12, 9))[0].state == "overdue"
        _refused(db_path, "auth.forbidden", lambda: svc.reviews.extend(CASE_NO, "队长", "案情复杂"))
    with open_as(db_path, clock, "admin") as svc:
        extended = svc.reviews.extend(CASE_NO, "张队长", "案情复杂")
        assert extended.due_on == D(2026, 12, 11)  # +3 working days
        _refused(
            db_path,
            "review.already_extended",
            lambda: svc.reviews.extend(CASE_NO, "张队长", "再延"),
        )
    with open_as(db_path, clock, "clerk") as svc:
        _refused(
            db_path, "review.already_pending", lambda: svc.reviews.submit(CASE_NO, ["补充材料"])
        )


def test_only_a_qualified_independent_reviewer_signs(file_db: Path, clock: FixedClock) -> None:
    prepared(file_db, clock)
    with open_as(file_db, clock, "clerk") as svc:
        _refused(
            file_db,
            "auth.forbidden",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE, "clerk")),
        )
    with open_as(file_db, clock, "admin") as svc:
        _refused(
            file_db,
            "auth.forbidden",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE, "admin")),
        )
    with open_as(file_db, clock, "wang") as svc:  # 王建国 handles the case
        _refused(
            file_db,
            "review.reviewer_is_officer",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE, "wang")),
        )
    with open_as(file_db, clock, "zhou") as svc:
        with pytest.raises(DomainError) as caught:  # a wrong password is counted: written
            svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE, password="nope"))
        assert caught.value.code == "auth.bad_password"
        _refused(
            file_db,
            "review.reasons_required",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.DISAGREE)),
        )
        problem = (Finding("evidence", False, "缺少现场照片"),)
        _refused(
            file_db,
            "review.agree_with_problems",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE, findings=problem)),
        )
    assert (
        sqlite3.connect(file_db).execute("SELECT count(*) FROM review_signatures").fetchone()[0]
        == 0
    )


def test_only_agree_unlocks_the_decision(db_path: Path) -> None:
    clock = FixedClock(NOW)
    prepared(db_path, clock)
    with open_as(db_path, clock, "zhou") as svc:
        problem = (Finding("evidence", False, "缺少现场照片"),)
        signed = svc.reviews.sign(
            CASE_NO,
            _request(ReviewOpinion.SUPPLEMENT, reasons="补充现场照片", findings=problem),
        ).round
        assert signed.signature == "valid"
        assert signed.round.reviewer == "周律"
        assert len(signed.findings) == len(CHECKLIST)
        assert [f.item for f in signed.findings if not f.ok] == ["evidence"]
        # Answered: the queue is empty, and a new round needs a new submission.
        assert svc.reviews.queue() == []
        _refused(
            db_path,
            "review.not_submitted",
            lambda: svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE)),
        )
    with open_as(db_path, clock, "clerk") as svc:
        _refused(
            db_path, "decision.review_required", lambda: svc.case_files.decide(CASE_NO, BIG_FINE)
        )
        # With accounts, a review cannot be typed in; it must be signed by the reviewer.
        _refused(
            db_path,
            "review.signature_required",
            lambda: svc.case_files.record_review(
                CASE_NO, reviewer="周律", reviewed_on=D(2026, 11, 27), opinion=ReviewOpinion.AGREE
            ),
        )
        svc.reviews.submit(CASE_NO, ["补充的现场照片"])
    for opinion in (ReviewOpinion.REVISE, ReviewOpinion.DISAGREE):
        with open_as(db_path, clock, "zhou") as svc:
            svc.reviews.sign(CASE_NO, _request(opinion, reasons="理由"))
        with open_as(db_path, clock, "clerk") as svc:
            _refused(
                db_path,
                "decision.review_required",
                lambda: svc.case_files.decide(CASE_NO, BIG_FINE),
            )
            svc.reviews.submit(CASE_NO, ["修改后的决定书草稿"])
    with open_as(db_path, clock, "zhou") as svc:
        svc.reviews.sign(CASE_NO, _request(ReviewOpinion.AGREE))
    with open_as(db_path, clock, "clerk") as svc:
        decided = svc.case_files.decide(CASE_NO, BIG_FINE).case
        assert decided.decision is not None
        rounds = svc.reviews.rounds(CASE_NO)
    assert [r.round.opinion for r in rounds] == [
        ReviewOpinion.SUPPLEMENT,
        ReviewOpinion.REVISE,
        ReviewOpinion.DISAGREE,
        ReviewOpinion.AGREE,
    ]
    assert all(r.signature == "valid" for r in rounds)
    # Each round links to the one before it.
    assert [r.previous_round_id for r in rounds] == [None] + [r.round_id for r in rounds[:-1]]
    with open_as(db_path, clock) as svc:
        report = svc.verify()
    assert report.ok, report.problems
    assert report.signatures == 4


def test_signed_rounds_are_immutable_in_sql(file_db: Path, clock: FixedClock) -> None:
    prepared(file_db, clock)
    with open_as(file_db, clock, "zhou") as svc:
        svc.reviews.sign(CASE_NO, _request(ReviewOpinion.DISAGREE, reasons="证据不足"))
    conn = sqlite3.connect(file_db)
    attempts = [
        "UPDATE legal_review_rounds SET opinion = 'agree'",
        "DELETE FROM legal_review_rounds",
        "UPDATE review_findings SET ok = 0, note = 'x'",
        "DELETE FROM review_findings",
        "INSERT INTO review_findings (round_id, item, ok) SELECT id, 'extra', 1"
        " FROM legal_review_rounds",
        "UPDATE review_signatures SET signature = x'00'",
        "DELETE FROM review_signatures",
        "UPDATE audit_log SET user = 'x'",
        "DELETE FROM audit_log",
        "DELETE FROM users",
        "UPDATE users SET public_key = x'00'",
    ]
    for statement in attempts:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(statement)
    conn.close()
