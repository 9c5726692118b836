"""Deleting a general case into the trash and taking it back (DESIGN: deletes are soft), on both
backends (a file and a server database, tests/server_backend)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType, ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_sampling import SampleRule
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.review.review_checklist import Finding
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.review_service import SignRequest
from tests.backend_book import book
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.review_setup import CASE_NO, PASSWORDS, open_as, prepared

YEAR = 2025


@pytest.fixture
def db_path(backend: Path | str) -> Path | str:
    return backend


def _open_case(svc: Services) -> str:
    """A case filed in 2025 and not yet decided: it counts in the year's filings."""
    rows = svc.cases.list_page(after=None, limit=500, year=YEAR).rows
    return next(r.case_no for r in rows if svc.case_files.find(r.case_no).decision is None)


def _decided_case(svc: Services) -> str:
    rows = svc.cases.list_page(after=None, limit=500, year=YEAR).rows
    return next(r.case_no for r in rows if svc.case_files.find(r.case_no).decision is not None)


def _totals(svc: Services) -> dict[str, Any]:
    return dict(svc.statistics.annual(YEAR).to_json())


def test_a_deleted_case_leaves_every_list_and_total_and_comes_back_whole(
    demo_book_copy_services: Services, tmp_path: Path
) -> None:
    svc = demo_book_copy_services
    case_no = _open_case(svc)
    party = svc.case_files.find(case_no).party.name
    before = _totals(svc)
    count = svc.cases.count(year=YEAR)
    exported = svc.ledger.export_ledger(tmp_path / "before.xlsx", YEAR).general_cases
    assert case_no in [r.case_no for r in svc.search.search(party, limit=500).rows]
    svc.trash.delete(case_no, "  重复登记，\n另案已立 ")
    after = _totals(svc)
    assert after["general"]["filed"] == before["general"]["filed"] - 1
    assert svc.cases.count(year=YEAR) == count - 1
    assert svc.ledger.export_ledger(tmp_path / "after.xlsx", YEAR).general_cases == exported - 1
    assert case_no not in [r.case_no for r in svc.search.search(party, limit=500).rows]
    assert case_no not in [
        r.case_no for r in svc.cases.list_page(after=None, limit=1000, year=YEAR).rows
    ]
    (trashed,) = svc.trash.listing()
    assert (trashed.case_no, trashed.party_name) == (case_no, party)
    assert (trashed.deleted_by, trashed.reason) == ("单用户", "重复登记， 另案已立")
    with pytest.raises(DomainError) as hidden:
        svc.case_files.find(case_no)
    assert hidden.value.code == "case.in_trash"
    svc.trash.undelete(case_no)
    assert _totals(svc) == before
    assert svc.cases.count(year=YEAR) == count
    assert svc.trash.listing() == []
    assert svc.case_files.find(case_no).party.name == party
    actions = svc._db.execute(
        "SELECT action, object_id, detail FROM audit_log WHERE action LIKE 'case.%delete'"
        " ORDER BY id"
    ).fetchall()
    assert actions == [
        ("case.delete", case_no, '{"reason": "重复登记， 另案已立"}'),
        ("case.undelete", case_no, "{}"),
    ]
    assert svc.verify_audit() is None


def test_a_deleted_number_is_not_given_again(demo_book_copy_services: Services) -> None:
    svc = demo_book_copy_services
    case_no = _open_case(svc)
    officers = tuple(svc.case_files.find(case_no).officers[i].certificate_no for i in (0, 1))
    svc.trash.delete(case_no, "录入错误")
    with pytest.raises(DomainError) as taken:
        svc.case_files.file_case(
            NewCase(case_no, PartyRecord(PartyType.NATURAL_PERSON, "赵六"), "案由",
                    NOW.date(), officers)
        )  # fmt: skip
    assert (taken.value.code, taken.value.field) == ("case.case_no_in_trash", "case_no")


def test_a_case_filed_after_the_demo_is_a_new_row(demo_book_copy_services: Services) -> None:
    """The demo's bulk load gives its rows their ids; a case filed afterwards gets the next one
    (on a server the identity's sequence was moved past them), not a collision."""
    svc = demo_book_copy_services
    officers = tuple(
        svc.case_files.find(_open_case(svc)).officers[i].certificate_no for i in (0, 1)
    )
    count = svc.cases.count()
    filed = svc.case_files.file_case(
        NewCase("", PartyRecord(PartyType.NATURAL_PERSON, "赵六"), "案由", NOW.date(), officers)
    ).case
    assert svc.cases.count() == count + 1
    assert svc.case_files.find(filed.case_no).party.name == "赵六"


@pytest.mark.parametrize(
    ("reason", "code"),
    [("", "trash.reason_required"), ("  \n ", "trash.reason_required"),
     ("理" * 201, "trash.reason_too_long")],
)  # fmt: skip
def test_a_reason_is_required(demo_book_copy_services: Services, reason: str, code: str) -> None:
    svc = demo_book_copy_services
    case_no = _open_case(svc)
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as refused:
        svc.trash.delete(case_no, reason)
    assert (refused.value.code, refused.value.field) == (code, "reason")
    assert database_digest(book(svc)) == before


def test_unknown_already_deleted_and_not_deleted_cases_are_named(
    demo_book_copy_services: Services,
) -> None:
    svc = demo_book_copy_services
    case_no = _open_case(svc)
    for call, code in (
        (lambda: svc.trash.delete("川执立〔1999〕1号", "录入错误"), "case.not_found"),
        (lambda: svc.trash.undelete(case_no), "trash.not_there"),
    ):
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.code == code
    svc.trash.delete(case_no, "录入错误")
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as again:
        svc.trash.delete(case_no, "录入错误")
    assert again.value.code == "trash.already"
    assert database_digest(book(svc)) == before


def test_a_decided_case_is_corrected_not_deleted(demo_book_copy_services: Services) -> None:
    svc = demo_book_copy_services
    case_no = _decided_case(svc)
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as refused:
        svc.trash.delete(case_no, "录入错误")
    assert refused.value.code == "trash.decided"
    assert database_digest(book(svc)) == before


def test_a_sampled_case_is_not_deleted(demo_book_copy_services: Services) -> None:
    svc = demo_book_copy_services
    drawn = svc.file_reviews.draw(SampleRule(year=2024, seed=3, count=1))
    case_no = drawn.files[0].file_no
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as refused:
        svc.trash.delete(case_no, "录入错误")
    assert refused.value.code == "trash.sampled"
    assert database_digest(book(svc)) == before


def test_a_case_with_a_signed_review_is_not_deleted(db_path: Path, clock: FixedClock) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "zhou") as svc:
        finding = Finding("evidence", False, "缺少现场照片")
        request = SignRequest(ReviewOpinion.DISAGREE, "证据不足", (finding,), PASSWORDS["zhou"])
        svc.reviews.sign(CASE_NO, request)
    before = database_digest(db_path)
    with open_as(db_path, clock, "clerk") as svc, pytest.raises(DomainError) as refused:
        svc.trash.delete(CASE_NO, "录入错误")
    assert refused.value.code == "trash.signed"
    assert database_digest(db_path) == before


def test_the_cli_deletes_lists_and_takes_back(
    demo_book_copy_services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    case_no = _open_case(demo_book_copy_services)
    db = ["--db", str(book(demo_book_copy_services))]
    demo_book_copy_services.close()
    with pytest.raises(SystemExit) as usage:  # --reason is required: a usage error
        main([*db, "case", "delete", case_no])
    assert usage.value.code == 2
    assert "--reason" in capsys.readouterr().err
    assert main([*db, "case", "delete", case_no, "--reason", ""]) == 1
    assert "理由" in capsys.readouterr().err
    assert main([*db, "case", "delete", case_no, "--reason", "重复登记"]) == 0
    assert "移入回收站" in capsys.readouterr().out
    assert main([*db, "case", "show", case_no]) == 1
    assert "在回收站中" in capsys.readouterr().err
    assert main([*db, "case", "trash", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["case_no"], row["reason"], row["deleted_by"]) == (case_no, "重复登记", "单用户")
    assert main([*db, "case", "undelete", case_no]) == 0
    capsys.readouterr()
    assert main([*db, "case", "show", case_no, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["case_no"] == case_no
