"""The heaviest-kind rule end to end: a decision with two kinds is one case, under the heavier."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision, Discussion, Hearing
from chuansha_enforce.domain.enums import (
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services
from tests.backend_book import book
from tests.cli_clock import main

D = dt.date
CASE = "川执立〔2024〕1号"
COMPANY = PartyRecord(PartyType.LEGAL_PERSON, "上海某某建设有限公司", "91350100M000100Y43")


@pytest.fixture
def db_path(backend: Path | str) -> Path | str:
    """These tests run on both backends: a file and a server database (tests/server_backend)."""
    return backend


@pytest.fixture
def decided(services: Services) -> Services:
    for name, number in (("王建国", "31150001"), ("李明", "31150002")):
        services.officers.register(OfficerRecord(name, number, D(2018, 3, 1)))
    files = services.case_files
    files.file_case(
        NewCase(
            CASE,
            COMPANY,
            "某公司夜间施工案",
            D(2024, 3, 4),
            ("31150001", "31150002"),
            violation="夜间违规施工",
            location="川沙路1号",
        )
    )
    kinds = frozenset({PenaltyKind.FINE, PenaltyKind.SUSPEND_BUSINESS, PenaltyKind.WARNING})
    notice = AdvanceNotice(
        D(2024, 3, 11),
        hearing_offered=True,
        proposed_kinds=kinds,
        proposed_fine_fen=2_000_000,
        facts="夜间违规施工",
        basis="《上海市环境保护条例》",
    )
    files.record_notice(CASE, notice)
    files.record_hearing(CASE, Hearing(HearingState.WAIVED, waived_on=D(2024, 3, 12)))
    files.record_discussion(CASE, Discussion(D(2024, 3, 21), "同意", ("镇长", "副镇长", "队长")))
    files.record_review(
        CASE, reviewer="法制员", reviewed_on=D(2024, 3, 20), opinion=ReviewOpinion.AGREE
    )
    files.decide(CASE, Decision(None, D(2024, 3, 25), Outcome.PENALTY, kinds, fine_fen=2_000_000))
    return services


def test_a_decision_counts_once_under_its_heaviest_kind(
    decided: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    view = decided.reports.annual(2024)
    assert dict(view.figures.by_kind) == {
        PenaltyKind.SUSPEND_BUSINESS: type(view.figures.by_kind[PenaltyKind.SUSPEND_BUSINESS])(
            cases=1, money_fen=2_000_000
        )
    }
    general, _simple, total = view.table.rows
    columns = dict(zip(view.table.kinds, general.by_kind, strict=True))
    assert columns[PenaltyKind.SUSPEND_BUSINESS] == 1
    assert columns[PenaltyKind.FINE] == columns[PenaltyKind.WARNING] == 0
    assert general.cases == total.cases == 1
    assert str(general.money_wan) == "2.0000"
    # the same on the command line, and in the PDF's table
    db = ["--db", str(book(decided))]
    assert main([*db, "stats", "--year", "2024", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["by_kind"] == {"suspend_business": {"cases": 1, "money_fen": 2_000_000}}
    pdf = decided.reports.annual_pdf(2024)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    cells = text.split()
    start = cells.index("一般程序", cells.index("程序"))
    row = cells[start + 1 : start + 18]
    # 合计 1, then the 13 kinds lightest first: only 责令停产停业 (the 10th) holds the case
    assert row[:14] == ["1", *["0"] * 9, "1", "0", "0", "0"]
    assert row[14] == "2.0000"


def test_the_public_version_of_an_organisation_and_the_review_state(
    decided: Services, tmp_path: Path
) -> None:
    review = decided.reports.case_summary(CASE).reviews[0]
    assert review.state.value == "unsigned"
    out = tmp_path / "public.pdf"
    assert (
        main(["--db", str(book(decided)), "report", "case", CASE, "--public", "-o", str(out)]) == 0
    )
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(out).pages))
    assert COMPANY.name in text
    assert "91350100M000100Y43" in text
    assert "责令停产停业" in text
    assert "罚款人民币20,000.00元" in text
    assert "法制员" not in text
