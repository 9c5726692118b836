"""Over 1,000 generated cases, the public outputs carry no personal data of natural persons."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.demo.generator import DemoPlan, generate_officers, iter_general_cases
from chuansha_enforce.domain.accounts.identity import validate_resident_id, validate_uscc
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import GeneralCaseRecord
from chuansha_enforce.domain.reports.disclosure import is_person
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import filled_book

PLAN = DemoPlan(seed=31, first_year=2024, last_year=2025, general_cases=1100, simple_per_year=5)
RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9X](?![0-9A-Za-z])")
PHONE = re.compile(r"(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def big(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    """The demo town on both backends: a file, and a server database."""
    clock = FixedClock(dt.datetime(2026, 11, 27, 2, tzinfo=dt.UTC))
    folder = tmp_path_factory.mktemp("privacy")
    with (
        filled_book(request.param, folder, PLAN, clock) as book,
        build_services(book, clock) as services,
    ):
        yield services


def _cases() -> list[GeneralCaseRecord]:
    return list(iter_general_cases(PLAN, generate_officers(PLAN)))


def _is_resident_id(text: str) -> bool:
    """A valid resident ID that is not also a valid credit code (all-digit codes exist)."""
    try:
        validate_resident_id(text)
    except DomainError:
        return False
    try:
        validate_uscc(text)
    except DomainError:
        return True
    return False


def _check(text: str, people: list[GeneralCaseRecord], published_names: str) -> None:
    assert [m for m in RESIDENT_ID.findall(text) if _is_resident_id(m)] == []
    assert PHONE.search(text) is None
    for case in people:
        party = case.party
        if party.id_number:
            assert party.id_number not in text
        if party.address:
            assert party.address not in text
        # a full name may only appear inside a published organisation's own name
        if party.name in text:
            assert party.name in published_names, party.name


def test_the_disclosure_csv_and_public_pdfs_hold_no_personal_data(big: Services) -> None:
    cases = _cases()
    assert len(cases) > 1000
    people = [c for c in cases if is_person(c.party)]
    assert len(people) > 100
    texts, organisations, listed = [], [], set()
    for year in (2024, 2025):
        data, listing = big.reports.disclosure_csv(year)
        texts.append(data.decode("utf-8-sig"))
        listed |= {e.decision_no for e in listing.entries}
        organisations += [e.party_name for e in listing.entries if e.party_category != "自然人"]
        assert listing.entries
    published_names = "\n".join(organisations)
    csv_text = "\n".join(texts)
    _check(csv_text, people, published_names)
    # every published person appears as surname + 某
    decided_people = [
        c
        for c in people
        if c.outcome is Outcome.PENALTY and c.penalty_kinds - {PenaltyKind.WARNING}
    ]
    assert any(f"{c.party.name[0]}某," in csv_text for c in decided_people)
    # public PDFs of a sample of natural persons' published decisions (one set aside by a
    # dispute is withdrawn: it has no public PDF)
    published = [c for c in decided_people if c.decision_no in listed]
    sample = random.Random(5).sample(published, 25)
    for case in sample:
        pdf = big.reports.case_pdf(case.case_no, public=True)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        _check(text, people, published_names)
        assert case.party.name[0] + "某" in text


def test_the_internal_summary_keeps_the_full_data(big: Services, tmp_path: Path) -> None:
    case = next(c for c in _cases() if is_person(c.party) and c.party.id_number)
    text = "".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(big.reports.case_pdf(case.case_no))).pages
    )
    assert case.party.id_number is not None
    assert case.party.id_number in text
    assert case.party.name in text
