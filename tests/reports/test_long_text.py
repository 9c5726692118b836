"""Long free text (3,000 characters) wraps and runs on over pages in every PDF that prints it,
with the longest party name a case may have (200 characters, ``domain/text_limits.py``), and
the audit log records a full copy only once the PDF has been made."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.file_review.file_review_sampling import SampleRule
from chuansha_enforce.domain.file_review.file_review_scoring import Finding
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.file_review_service import MAX_NOTE_CHARS, MAX_RECTIFICATION_CHARS
from tests.conftest import NOW as DEMO_NOW
from tests.notices import notice

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)  # 2024-06-28 in Shanghai
CASE_NO = "川执立〔2024〕7号"
# 3,000 characters that never repeat: numbered pieces of 10 and of 12 characters.
LONG_VIOLATION = "".join(f"违法段{i:04d}：占道" for i in range(1, 301))
LONG_BASIS = "".join(f"依据段{i:04d}：条例" for i in range(1, 301))
LONG_PARTY = "".join(f"上海川沙{i:04d}有限公司" for i in range(1, 251))[:200]
assert len(LONG_VIOLATION) == 3000
assert len(LONG_BASIS) == 3000
assert len(LONG_PARTY) == 200  # the most a name takes


def page_bodies(data: bytes) -> str:
    """The text of every page without whitespace and without the letterhead and footer lines,
    the pages joined: text that runs on over a page break reads as one."""
    furniture = re.compile(
        r"上海市浦东新区川沙新镇人民政府|川沙新镇综合行政执法队|生成时间：.*|第\d+页共\d+页|审计链头：.*"
    )
    bodies = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [re.sub(r"\s+", "", line) for line in page.extract_text().splitlines()]
        bodies.append("".join(line for line in lines if not furniture.fullmatch(line)))
    return "".join(bodies)


@pytest.fixture
def long_case(backend: Path | str) -> Iterator[Services]:
    """On both backends: a file and a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        svc.case_files.file_case(
            NewCase(
                case_no=CASE_NO,
                party=PartyRecord(PartyType.LEGAL_PERSON, LONG_PARTY, None, "川沙路1号"),
                cause="占道经营案",
                filed_on=D(2024, 3, 4),
                officer_certificates=("31150001", "31150002"),
                violation=LONG_VIOLATION,
                legal_basis=LONG_BASIS,
            )
        )
        svc.case_files.record_notice(CASE_NO, notice(D(2024, 4, 1), fine_fen=50_000))
        svc.case_files.decide(
            CASE_NO,
            Decision(
                "沪浦川执罚〔2024〕7号",
                D(2024, 4, 10),
                Outcome.PENALTY,
                frozenset({PenaltyKind.FINE}),
                fine_fen=50_000,
            ),
        )
        svc.case_files.serve(CASE_NO, D(2024, 4, 12), ServiceMethod.DIRECT)
        yield svc


def test_the_internal_summary_prints_3000_characters_over_pages(long_case: Services) -> None:
    data = long_case.reports.case_pdf(CASE_NO)
    assert len(PdfReader(io.BytesIO(data)).pages) >= 3
    text = page_bodies(data)
    assert LONG_VIOLATION in text
    assert LONG_BASIS in text
    assert LONG_PARTY in text


def test_the_public_version_prints_the_longest_name_and_withholds_the_long_texts(
    long_case: Services,
) -> None:
    """The public version prints the party's name in full (200 characters, the most a name
    takes) and none of the long texts: neither the typed violation nor a legal basis it
    cannot read as 《法律名称》第X条 is published as typed."""
    data = long_case.reports.case_pdf(CASE_NO, public=True)
    text = page_bodies(data)
    assert LONG_PARTY in text
    assert LONG_VIOLATION not in text
    assert LONG_BASIS[:20] not in text
    assert "违法行为类型（未公开：违法行为未列入违法行为目录，原文不公开）" in text
    assert "处罚依据（未公开：未能读出“《法律名称》第X条”，原文不公开）" in text


def test_the_annual_report_counts_a_3000_character_violation_by_its_category(
    long_case: Services,
) -> None:
    """The violation categories are the catalogue's (DOMAIN §11): free text, however long and
    whatever it holds, is never printed in the annual report (DOMAIN §8)."""
    text = page_bodies(long_case.reports.annual_pdf(2024))
    assert LONG_VIOLATION[:20] not in text
    assert "其他违法行为" in text  # not a catalogue wording


def test_the_file_review_lists_print_the_longest_notes_over_pages(
    demo_book_copy: Path | str,
) -> None:
    copy = demo_book_copy
    note = LONG_VIOLATION.replace("违法段", "问题段")[:MAX_NOTE_CHARS]  # (the longest allowed)
    rectified = LONG_BASIS.replace("依据段", "整改段")[:MAX_RECTIFICATION_CHARS]
    with build_services(copy, FixedClock(DEMO_NOW)) as svc:
        drawn = svc.file_reviews.draw(SampleRule(year=2025, seed=3, count=1))
        svc.file_reviews.score(drawn.files[0].id, [Finding("numbering", note=note)])
        defect = svc.file_reviews.defects(drawn.sample.id)[0]
        svc.file_reviews.rectify(defect.id, D(2026, 11, 27), rectified)
        letterhead = svc.reports.letterhead("问题整改清单")
        data = svc.file_reviews.rectification_list_pdf(drawn.sample.id, letterhead)
        listing = svc.file_reviews.sample_list_pdf(drawn.sample.id, letterhead)
    text = page_bodies(data)
    assert note in text
    assert rectified in text
    assert listing.startswith(b"%PDF")
