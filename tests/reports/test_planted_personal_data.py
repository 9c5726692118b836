"""Personal data typed into every free-text field of 1,100 generated cases reaches neither the
双公示 CSV nor any public PDF (issue 17 §1): the public outputs are built from the catalogue,
the law + article and, for organisations only, the place, and every field is scanned."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.demo.generator import DemoPlan, generate_officers, iter_general_cases
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import GeneralCaseRecord
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.storage.bulk_writer import BulkWriter
from chuansha_enforce.storage.connection import write_transaction
from tests.backend_book import open_book
from tests.server_backend import server_database

PLAN = DemoPlan(seed=17, first_year=2024, last_year=2025, general_cases=1100, simple_per_year=5)
NAME = "王小明"
VALID_ID = "310115198503171230"  # the example (its check digit is not checked)
OTHER_ID = "31011519900307123X"
MOBILE = "13812345678"
LANDLINE = "021-58981234"
CARD = "6222021234567890123"
HOME = "川沙路88弄8号302室"
SEPARATORS = re.compile(r"[\s\-()（）]")


def planted(case: GeneralCaseRecord, rng: random.Random) -> GeneralCaseRecord:
    """The case with personal data in every free-text field, in a different form each time."""
    person = case.party.name if case.party.kind is PartyType.NATURAL_PERSON else NAME
    mobile = rng.choice([MOBILE, "138 1234 5678", "１３８１２３４５６７８", "138-1234-5678"])
    landline = rng.choice([LANDLINE, "(021)58981234", "02158981234", "电话5898 1234"])
    ident = rng.choice([VALID_ID, OTHER_ID, "3101151985 0317 1230", "310115\u200b198503171230"])
    card = rng.choice([CARD, "6222 0212 3456 7890 123"])
    pii = f"{person}（身份证{ident}，电话{mobile}，座机{landline}，卡号{card}）"
    return dataclasses.replace(
        case,
        cause=f"{pii}在其住所{HOME}{case.cause}",
        violation=f"{pii}在其住所{HOME}{case.violation or ''}",
        legal_basis=f"{case.legal_basis or ''}（{pii}，住{HOME}）",
        location=f"{case.location or ''}{HOME}（{pii}）",
        notes=f"备注：{pii}，住{HOME}",
        major_flag_reason=f"{pii}",
    )


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def planted_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Services, list]]:
    """On both backends: a file, and a server database (written by the same bulk writer)."""
    if request.param == "sqlite":
        yield from _planted(tmp_path_factory.mktemp("planted") / "planted.db")
        return
    with server_database() as url:  # skipped only when CHUANSHA_TEST_PG is unset
        yield from _planted(url)


def _planted(path: Path | str) -> Iterator[tuple[Services, list]]:
    clock = FixedClock(dt.datetime(2026, 11, 27, 2, tzinfo=dt.UTC))
    officers = generate_officers(PLAN)
    rng = random.Random(17)
    cases = [planted(c, rng) for c in iter_general_cases(PLAN, officers)]
    with build_services(path, clock):
        pass  # a fresh case book with its schema
    db = open_book(path)
    with write_transaction(db):
        writer = BulkWriter(db, "2026-11-27T02:00:00Z")
        writer.add_officers(officers)
        assert writer.add_general_cases(cases, writer.certificate_ids()) == len(cases)
    db.close()
    with build_services(path, clock) as services:
        yield services, cases


def _squeezed(text: str) -> str:
    return SEPARATORS.sub("", text).replace("\u200b", "")


def _assert_clean(text: str, cases: list[GeneralCaseRecord]) -> None:
    flat = _squeezed(text)
    for number in (VALID_ID, OTHER_ID, MOBILE, "58981234", CARD, "13812345678"):
        assert number not in flat
    assert "１３８" not in flat
    assert NAME not in flat
    assert "88弄" not in flat
    assert "302室" not in flat
    people = {c.party.name for c in cases if c.party.kind is PartyType.NATURAL_PERSON}
    for name in people:
        assert name not in flat, name


def test_planted_personal_data_reaches_no_public_output(
    planted_db: tuple[Services, list[GeneralCaseRecord]],
) -> None:
    services, cases = planted_db
    assert len(cases) > 1000
    published = 0
    for year in (2024, 2025):
        data, listing = services.reports.disclosure_csv(year)
        published += len(listing.entries)
        text = data.decode("utf-8-sig")
        _assert_clean(text, cases)
        # what was withheld says so (no silent blanks), and the catalogue name stays
        assert "违法地点：（已隐去：含身份证号码、电话号码、银行卡号）" in text
        assert "占道设摊" in text
        assert "《上海市市容环境卫生管理条例》第二十五条第二项" in text
    assert published > 500
    decided = [
        c for c in cases if c.outcome is Outcome.PENALTY and c.penalty_kinds - {PenaltyKind.WARNING}
    ]
    kinds = {PartyType.NATURAL_PERSON, PartyType.INDIVIDUAL_BUSINESS, PartyType.LEGAL_PERSON}
    sample = [
        c
        for k in kinds
        for c in random.Random(5).sample([c for c in decided if c.party.kind is k], 8)
    ]
    for case in sample:
        pdf = services.reports.case_pdf(case.case_no, public=True)
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        _assert_clean(text, cases)
    # every public case PDF is drawn from its view model alone: each one of them is clean
    checked = 0
    for case in decided:
        try:
            view = services.reports.public_case(case.case_no)
        except DomainError:
            continue  # not published (a minor, say): no public PDF is made for it
        _assert_clean(repr(view), cases)
        checked += 1
    assert checked > 500
    annual = services.reports.annual_pdf(2025)  # the other public PDF: totals only
    _assert_clean("".join(p.extract_text() for p in PdfReader(io.BytesIO(annual)).pages), cases)


def test_the_internal_record_keeps_what_was_typed(
    planted_db: tuple[Services, list[GeneralCaseRecord]],
) -> None:
    services, cases = planted_db
    person = next(c for c in cases if c.party.kind is PartyType.NATURAL_PERSON)
    case = services.case_files.find(person.case_no)
    assert case.violation is not None
    assert f"{person.party.name}（身份证" in case.violation
    assert HOME in case.violation
