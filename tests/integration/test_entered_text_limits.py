"""Text entered through a service is held to the length its field takes (names and numbers
200 characters, free text 10,000: ``domain.text_limits``), so what is entered exports and
imports back; the refusal names the field the window shows it at, and nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from chuansha_enforce.domain.disputes.disputes import DisputedAct, DisputeKind, DisputeRecord
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError
from tests.conftest import database_digest

D = dt.date
CASE_NO = "川执立〔2026〕7号"


def _officers(services: Services) -> None:
    services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
    services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))


def _new_case(party_name: str = "张三", cause: str = "占道设摊案") -> NewCase:
    party = PartyRecord(PartyType.NATURAL_PERSON, party_name)
    return NewCase(CASE_NO, party, cause, D(2026, 11, 20), ("31150001", "31150002"))


def _filed(services: Services, field: str, text: str) -> str:
    """A case filed with ``text`` as its party's name or its cause: what it keeps there."""
    new = _new_case(party_name=text) if field == "party_name" else _new_case(cause=text)
    case = services.case_files.file_case(new).case
    return case.party.name if field == "party_name" else case.cause


def _set(services: Services, field: str, text: str) -> str:
    """The setting ``field`` set to ``text``: what it now holds."""
    services.settings.set(field, text)
    return str(getattr(services.settings.current(), field))


@pytest.mark.parametrize(
    ("enter", "field", "length", "most"),
    [
        (_filed, "party_name", 199, 200),
        (_filed, "party_name", 200, 200),
        (_filed, "party_name", 201, 200),
        (_filed, "cause", 9_999, 10_000),
        (_filed, "cause", 10_000, 10_000),
        (_filed, "cause", 10_001, 10_000),
        (_set, "organisation", 200, 200),
        (_set, "organisation", 201, 200),
        (_set, "payment_method", 10_000, 10_000),
        (_set, "payment_method", 10_001, 10_000),
    ],
)
def test_a_name_and_free_text_are_held_to_their_limits(
    services: Services,
    db_path: Path,
    *,
    enter: Callable[[Services, str, str], str],
    field: str,
    length: int,
    most: int,
) -> None:
    """Filing a case (its party's name, its cause) and setting a setting (a name, free text)."""
    _officers(services)
    text = "字" * length
    before = database_digest(db_path)
    if length <= most:
        assert enter(services, field, text) == text
        return
    with pytest.raises(DomainError) as refused:
        enter(services, field, text)
    error = refused.value
    assert (error.code, error.field, dict(error.params)) == ("value.too_long", field, {"max": most})
    label = {"party_name": "当事人", "cause": "案由"}.get(field)
    if label is not None:
        assert render(error.code, error.params, "zh", error.field).startswith(label)
    assert database_digest(db_path) == before


@pytest.mark.parametrize(("length", "taken"), [(200, True), (201, False)], ids=["limit", "limit+1"])
def test_an_officer_name_is_held_to_200(
    services: Services, db_path: Path, length: int, taken: bool
) -> None:
    officer = OfficerRecord("王" * length, "31150009", D(2018, 3, 1))
    before = database_digest(db_path)
    if taken:
        services.officers.register(officer)
        assert [c.officer_name for c in services.officers.certificates()] == ["王" * 200]
        return
    with pytest.raises(DomainError) as refused:
        services.officers.register(officer)
    assert (refused.value.field, dict(refused.value.params)) == ("officer_name", {"max": 200})
    assert database_digest(db_path) == before


@pytest.mark.parametrize(
    ("length", "taken"), [(10_000, True), (10_001, False)], ids=["limit", "limit+1"]
)
def test_a_step_s_free_text_is_held_to_10000(
    services: Services, db_path: Path, length: int, taken: bool
) -> None:
    _officers(services)
    services.case_files.file_case(_new_case())
    before = database_digest(db_path)
    reason = "繁" * length
    if taken:
        services.case_files.mark_complex(CASE_NO, reason)
        return
    with pytest.raises(DomainError) as refused:
        services.case_files.mark_complex(CASE_NO, reason)
    assert (refused.value.field, dict(refused.value.params)) == ("reason", {"max": 10_000})
    assert database_digest(db_path) == before


def _dispute(number: str = "浦府复〔2026〕7号", applicant: str = "张三") -> DisputeRecord:
    return DisputeRecord(
        DisputeKind.RECONSIDERATION, number, applicant, DisputedAct.PENALTY,
        "上海市浦东新区人民政府", D(2026, 9, 1),
    )  # fmt: skip


@pytest.mark.parametrize(("length", "taken"), [(200, True), (201, False)], ids=["limit", "limit+1"])
def test_a_dispute_s_number_is_held_to_200_as_added_and_as_corrected(
    services: Services, db_path: Path, length: int, taken: bool
) -> None:
    number = "号" * length
    if taken:
        dispute_id, _changes = services.disputes.add(_dispute(number))
        services.disputes.correct(dispute_id, "applicant", "李" * length, "录入错误")
        assert services.disputes.view(dispute_id).record.applicant == "李" * 200
        return
    before = database_digest(db_path)
    with pytest.raises(DomainError) as refused:
        services.disputes.add(_dispute(number))
    assert (refused.value.field, dict(refused.value.params)) == ("dispute_no", {"max": 200})
    assert database_digest(db_path) == before
    dispute_id, _changes = services.disputes.add(_dispute())
    before = database_digest(db_path)
    with pytest.raises(DomainError) as corrected:
        services.disputes.correct(dispute_id, "applicant", "李" * length, "录入错误")
    assert (corrected.value.field, dict(corrected.value.params)) == ("applicant", {"max": 200})
    assert database_digest(db_path) == before
