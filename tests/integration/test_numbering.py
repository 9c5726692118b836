"""Document numbers: per kind and year, never reused, voids kept with their reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.documents.numbering import NumberKind, check_template
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import book, refused_by_the_database
from tests.conftest import database_digest

D = dt.date


@pytest.fixture
def svc(backend: Path | str) -> Iterator[Services]:
    """On both backends: a file and a server database (tests/server_backend)."""
    clock = FixedClock(dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC))
    with build_services(backend, clock) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        yield services


def _file(svc: Services, case_no: str = "") -> str:
    new = NewCase(case_no, PartyRecord(PartyType.NATURAL_PERSON, "张三"), "占道设摊案",
                  D(2024, 5, 6), ("31150001", "31150002"))  # fmt: skip
    return svc.case_files.file_case(new).case.case_no


@pytest.mark.parametrize("bad", ["无序号", "{year}", "{seq}", "{year}{seq}{seq}", "{year}{sq}"])
def test_templates_need_year_and_one_seq(bad: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_template(bad)
    assert caught.value.code == "numbering.template"
    assert check_template(" A〔{year}〕{seq:04d}号 ") == "A〔{year}〕{seq:04d}号"


def test_case_numbers_are_issued_in_sequence_per_year(svc: Services) -> None:
    assert _file(svc) == "川执立〔2024〕000001号"
    assert _file(svc) == "川执立〔2024〕000002号"
    # A typed-in number that the sequence would reach is skipped, never duplicated.
    assert _file(svc, "川执立〔2024〕000003号") == "川执立〔2024〕000003号"
    assert svc.numbering.preview(NumberKind.CASE, 2024) == "川执立〔2024〕000004号"
    assert svc.numbering.preview(NumberKind.CASE, 2025) == "川执立〔2025〕000001号"
    svc.numbering.set_template(NumberKind.CASE, "浦川立〔{year}〕{seq}号")
    assert _file(svc) == "浦川立〔2024〕3号"


def test_a_voided_number_is_kept_and_never_reissued(svc: Services) -> None:
    first = _file(svc)
    svc.numbering.void(first, "立案审批表填写错误")
    issued = svc.numbering.issued(NumberKind.CASE, 2024)
    assert [(n.number, n.state, n.void_reason) for n in issued] == [
        (first, "voided", "立案审批表填写错误")
    ]
    assert _file(svc) == "川执立〔2024〕000002号"
    with pytest.raises(DomainError) as caught:
        svc.numbering.void("川执立〔2024〕000099号", "不存在")
    assert caught.value.code == "numbering.not_issued"
    refused_by_the_database(book(svc), "DELETE FROM issued_numbers", "never deleted")


def test_decisions_are_numbered_and_a_refusal_consumes_no_number(svc: Services) -> None:
    case_no = _file(svc)
    notice = AdvanceNotice(
        D(2024, 5, 20),
        proposed_kinds=frozenset({PenaltyKind.WARNING}),
        facts="占道设摊",
        basis="《上海市市容环境卫生管理条例》第二十四条",
    )
    svc.case_files.record_notice(case_no, notice)
    before = database_digest(book(svc))
    with pytest.raises(DomainError):
        svc.case_files.decide(case_no, Decision(None, D(2024, 6, 1), Outcome.PENALTY))
    assert database_digest(book(svc)) == before
    result = svc.case_files.decide(case_no, Decision(None, D(2024, 6, 1), Outcome.PENALTY,
                                                     frozenset({PenaltyKind.WARNING})))  # fmt: skip
    assert result.case.decision is not None
    assert result.case.decision.decision_no == "沪浦川执罚〔2024〕000001号"
