"""The PDFs and the 双公示 export, generated from a demo database and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.demo.generator import generate_officers, iter_general_cases
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.money import fen_to_wan_yuan, format_fen
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW, SMALL_PLAN


def pdf_text(data: bytes) -> str:
    """All text of a PDF with the whitespace removed (line breaks fall anywhere)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def fonts_embedded(data: bytes) -> list[tuple[str, bool]]:
    """Every font of every page, and whether its descriptor carries a TrueType file."""
    found = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found.append((str(font["/BaseFont"]), embedded))
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def stats_2024(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str]
) -> dict[str, dict[str, int]]:
    assert main(["--db", str(demo_book), "stats", "--year", "2024", "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_the_annual_pdf_prints_the_stats_json_figures(
    demo_book: Path | str, tmp_path: Path, stats_2024: dict[str, dict[str, int]]
) -> None:
    out = tmp_path / "annual.pdf"
    assert main(["--db", str(demo_book), "report", "annual", "--year", "2024", "-o", str(out)]) == 0
    text = pdf_text(out.read_bytes())
    g, s, p = stats_2024["general"], stats_2024["simple"], stats_2024["payments"]
    o, lr = stats_2024["officers"], stats_2024["legal_reviews"]
    for sentence in (
        f"一般案件立案{g['filed']}起，结案{g['closed']}起",
        # penalty decisions only: 不予处罚 and orders are counted apart
        f"作出处罚决定{g['penalty_decided']}起，处罚金额{format_fen(g['fines_decided_fen'])}元",
        f"不予处罚{g['no_penalty']}起",
        f"责令限期拆除{g['demolition_orders']}起",
        f"责令限期拆除决定（件，不计入处罚）{g['demolition_orders']}",
        *(f"不予处罚：{label}（件）{n}" for label, n in g["no_penalty_by_reason"].items()),
        f"简易案件{s['decided']}起，处罚金额{format_fen(s['fines_decided_fen'])}元",
        f"执法证{o['valid_at_year_end']}张（注销{o['cancelled_in_year']}，新办{o['issued_in_year']}）",
        f"法制审核{lr['cases']}起",
        f"案卷评查{stats_2024['file_reviews']['sampled']}件",
        f"收缴罚没款{format_fen(p['collected_fen'])}元",
        f"年末未缴{format_fen(p['outstanding_fen'])}元",
        f"年末逾期未决案件{g['overdue_open']}起",
        f"其中加处罚款（元）{format_fen(p['surcharge_fen'])}",
        f"其中简易程序（元）{format_fen(s['outstanding_fen'])}",
        # the carry-over, written out
        f"{g['open_at_start']}+{g['filed']}−{g['closed']}={g['open_at_end']}",
    ):
        assert sentence in text, sentence
    # the official table: 合计 row money in 万元, from the same figures
    by_kind = stats_2024["by_kind"]
    general_money = sum(k["money_fen"] for k in by_kind.values())  # type: ignore[union-attr]
    assert str(fen_to_wan_yuan(general_money)) in text
    assert str(fen_to_wan_yuan(general_money + s["fines_decided_fen"])) in text
    assert "一个决定有多个处罚种类的，只计一次，计入其中最重的种类" in text
    assert g["penalty_decided"] + g["no_penalty"] == g["decided"]
    assert g["demolition_orders"] > 0
    assert "other" not in by_kind  # no order hides under penalty kind 其他
    assert "第1页共" in text


def test_the_carry_over_of_the_view_model_matches_the_generated_cases(
    demo_book_services: Services,
) -> None:
    cases = list(iter_general_cases(SMALL_PLAN, generate_officers(SMALL_PLAN)))
    for year in (2024, 2025):
        start, end = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)

        def still_open(on: dt.date) -> int:
            return sum(
                c.filed_on < on and (c.closed_on is None or c.closed_on >= on) for c in cases
            )

        g = demo_book_services.reports.annual(year).figures.general
        assert g.open_at_start == still_open(start)
        assert g.open_at_end == still_open(end)
        assert g.open_at_start + g.filed - g.closed == g.open_at_end
        assert g.filed == sum(c.filed_on.year == year for c in cases)


def test_months_and_violations_add_up_to_the_year(demo_book_services: Services) -> None:
    view = demo_book_services.reports.annual(2024)
    b, g = view.breakdown, view.figures.general
    assert sum(m.filed for m in b.months) == g.filed
    assert sum(m.closed for m in b.months) == g.closed
    assert sum(m.decided for m in b.months) == g.decided
    assert sum(m.simple_decided for m in b.months) == view.figures.simple.decided
    every = [*b.top_violations, b.other_violations]
    assert sum(v.filed for v in every) == g.filed
    assert (
        sum(v.money_decided_fen for v in every) == g.fines_decided_fen + g.confiscated_decided_fen
    )


def test_every_font_is_embedded_and_the_output_is_reproducible(demo_book: Path | str) -> None:
    with build_services(demo_book, FixedClock(NOW), read_only=True) as services:
        case_no = services.cases.list_page(after=None, limit=1, year=2023).rows[0].case_no
        pdfs = [
            services.reports.annual_pdf(2024),
            services.reports.case_pdf(case_no),
            services.reports.annual_pdf(2024),
        ]
    assert pdfs[0] == pdfs[2]
    for data in pdfs[:2]:
        fonts = fonts_embedded(data)
        assert fonts
        assert all(embedded for _name, embedded in fonts), fonts


def test_the_case_summary_shows_the_case(demo_book_services: Services) -> None:
    rows = demo_book_services.cases.list_page(after=None, limit=200, year=2023).rows
    row = next(r for r in rows if r.fine_fen > 0)
    view = demo_book_services.reports.case_summary(row.case_no)
    text = pdf_text(demo_book_services.reports.case_pdf(row.case_no))
    case = view.case
    assert case.case_no in text
    assert squash(case.party.name) in text
    for officer in case.officers:
        assert f"{officer.officer_name}（{officer.certificate_no}）" in text
    assert format_fen(case.money_decided_fen) in text
    assert f"{format_fen(view.clocks.amount_due_fen)}元（截至" in text
    assert "按期完成" in text or "逾期完成" in text


def test_the_sections_keep_their_numbers_without_a_decision(demo_book_services: Services) -> None:
    rows = demo_book_services.cases.list_page(after=None, limit=200, year=2025).rows
    undecided = next(r for r in rows if r.status.value == "filed")
    text = pdf_text(demo_book_services.reports.case_pdf(undecided.case_no))
    headings = re.findall(r"([一二三四五六七])、", text)
    assert headings == ["一", "二", "三", "四", "五", "六"]
    assert "尚未作出决定" in text
    assert "无罚没款" in text


def test_review_rounds_show_their_verification_state(demo_book_services: Services) -> None:
    reviewed = None
    after = None
    while reviewed is None:
        page = demo_book_services.cases.list_page(after=after, limit=200, year=2024)
        for row in page.rows:
            if demo_book_services.case_files.find(row.case_no).reviews:
                reviewed = row.case_no
                break
        after = page.next_key
        assert after is not None or reviewed is not None
    view = demo_book_services.reports.case_summary(reviewed)
    assert {r.state.value for r in view.reviews} <= {"imported", "unsigned"}
    text = pdf_text(demo_book_services.reports.case_pdf(reviewed))
    assert "已导入（无签名）" in text or "未签名" in text


def test_report_cli_errors_exit_1_with_a_message(
    demo_book: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_book)]
    out = str(tmp_path / "x.pdf")
    assert main([*db, "report", "case", "川执立〔1999〕1号", "-o", out]) == 1
    assert "找不到案件川执立〔1999〕1号" in capsys.readouterr().err
    assert main([*db, "report", "annual", "--year", "2024", "-o", str(tmp_path / "a.txt")]) == 1
    assert ".pdf" in capsys.readouterr().err
    assert (
        main(["--db", str(tmp_path / "none.db"), "report", "annual", "--year", "2024", "-o", out])
        == 1
    )
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()
    with build_services(demo_book, FixedClock(NOW), read_only=True) as services:
        open_case = services.cases.list_page(after=None, limit=1, year=2025).rows[0]
    assert open_case.decided_on is None
    assert main([*db, "report", "case", open_case.case_no, "--public", "-o", out]) == 1
    assert "没有可公开的处罚信息" in capsys.readouterr().err
    assert not Path(out).exists()
    with pytest.raises(SystemExit) as usage:
        main([*db, "report", "annual", "-o", out])
    assert usage.value.code == 2
