"""Case-file review end to end: samples stored and reproducible across databases, scoring,
defects and their rectification, the annual figures and the CLI; on both backends (a file and
a server database, tests/server_backend)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_sampling import SampleRule, Stratify
from chuansha_enforce.domain.file_review.file_review_scoring import Finding, Grade
from chuansha_enforce.services.container import build_services
from tests.backend_book import another_book, copy_of_book, refused_by_the_database
from tests.cli_clock import main
from tests.conftest import NOW, database_digest

YEAR = 2025


@pytest.fixture
def db(demo_book_copy: Path | str) -> Path | str:
    """A copy of the demo, on both backends (a file and a server database)."""
    return demo_book_copy


def _cli(db: Path | str, *argv: str) -> int:
    return main(["--db", str(db), *argv])


def test_two_databases_with_the_same_data_give_the_same_sample(
    demo_book: Path | str, tmp_path: Path
) -> None:
    """The second database is rebuilt from a ledger export: other row ids, other order."""
    exported = tmp_path / "ledger.xlsx"
    # an export is logged: never write the shared demo case book
    with (
        copy_of_book(demo_book, tmp_path, "source.db") as source_db,
        build_services(source_db, FixedClock(NOW)) as source,
    ):
        source.ledger.export_ledger(exported, YEAR)
    with (
        another_book(demo_book, tmp_path, "other.db") as other,
        copy_of_book(demo_book, tmp_path, "first.db") as first,
    ):
        _same_sample(first, other, exported)


def _same_sample(first: Path | str, other: Path | str, exported: Path) -> None:
    with build_services(other, FixedClock(NOW)) as target:
        assert target.ledger.import_file(exported).errors == ()
    rule = SampleRule(year=YEAR, seed=20260101, count=25, stratify=Stratify.OFFICER)
    with build_services(first, FixedClock(NOW)) as a, build_services(other, FixedClock(NOW)) as b:
        drawn_a = a.file_reviews.draw(rule)
        drawn_b = b.file_reviews.draw(rule)
        assert drawn_a.sample.population == drawn_b.sample.population > 25
        assert [f.file_no for f in drawn_a.files] == [f.file_no for f in drawn_b.files]
        assert len(drawn_a.files) == 25
        other_seed = a.file_reviews.draw(SampleRule(year=YEAR, seed=7, count=25))
        assert {f.file_no for f in other_seed.files} != {f.file_no for f in drawn_a.files}


def test_the_sample_is_the_closed_files_of_the_year_and_keeps_its_rule(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        drawn = svc.file_reviews.draw(
            SampleRule(year=YEAR, seed=5, percent=10, stratify=Stratify.VIOLATION)
        )
        closed = svc._db.execute(
            "SELECT case_no, coalesce(violation, '') FROM general_cases"
            " WHERE closed_on LIKE ? AND deleted_at IS NULL",
            (f"{YEAR}-%",),
        ).fetchall()
        assert drawn.sample.population == len(closed)
        assert {f.file_no for f in drawn.files} <= {no for no, _ in closed}
        assert len(drawn.files) == (len(closed) * 10 * 2 + 100) // 200
        # each violation category keeps its share of the population (within one file)
        share = Counter(v for _, v in closed)
        got = Counter(f.stratum for f in drawn.files)
        for name, size in share.items():
            assert abs(got.get(name, 0) - len(drawn.files) * size / len(closed)) < 1
        stored = svc.file_reviews.samples(YEAR)[0]
        assert stored.seed == 5
        assert stored.rule["stratify"] == "violation"
        assert stored.rule["percent"] == 10


def test_exclude_sampled_never_draws_a_file_twice(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        first = svc.file_reviews.draw(SampleRule(year=YEAR, seed=1, count=30))
        second = svc.file_reviews.draw(
            SampleRule(year=YEAR, seed=1, count=30, exclude_sampled=True)
        )
        assert not {f.file_no for f in first.files} & {f.file_no for f in second.files}
        assert second.sample.population == first.sample.population - 30


def test_simple_files_join_the_population_when_asked(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        general = svc.file_reviews.draw(SampleRule(year=YEAR, seed=1, count=1))
        both = svc.file_reviews.draw(SampleRule(year=YEAR, seed=1, count=1, include_simple=True))
        simple = svc._db.execute(
            "SELECT count(*) FROM simple_decisions WHERE decided_on LIKE ?", (f"{YEAR}-%",)
        ).fetchone()[0]
        assert simple > 0
        assert both.sample.population == general.sample.population + simple


def test_scoring_rectifying_and_the_annual_figures(db: Path | str) -> None:
    clock = FixedClock(NOW)
    with build_services(db, clock) as svc:
        reviews = svc.file_reviews
        drawn = reviews.draw(SampleRule(year=YEAR, seed=11, count=4))
        a, b, c, _unscored = drawn.files
        good = reviews.score(
            a.id, [Finding("late_filing"), Finding("evidence_form", 10, "笔录无签名")]
        )
        assert (good.total, good.grade) == (89, Grade.GOOD)
        vetoed = reviews.score(b.id, [Finding("wrong_law", note="适用条款错误")])
        assert (vetoed.total, vetoed.grade) == (0, Grade.FAIL)
        assert reviews.score(c.id, []).grade is Grade.EXCELLENT
        defects = reviews.defects(drawn.sample.id)
        assert [(d.file_no, d.item_code, d.points) for d in defects] == [
            (a.file_no, "late_filing", 1),
            (a.file_no, "evidence_form", 10),
            (b.file_no, "wrong_law", 0),
        ]
        clock.advance(dt.timedelta(days=3))
        reviews.rectify(defects[1].id, dt.date(2026, 11, 29), "补签名并附说明")
        assert [d.id for d in reviews.defects(drawn.sample.id, open_only=True)] == [
            defects[0].id,
            defects[2].id,
        ]
        with pytest.raises(DomainError) as again:
            reviews.rectify(defects[1].id, dt.date(2026, 11, 30), "再次")
        assert again.value.code == "file_review.already_rectified"
        with pytest.raises(DomainError) as rescore:
            reviews.score(a.id, [])
        assert rescore.value.code == "file_review.rescore_rectified"
        figures = svc.statistics.annual(YEAR).to_json()["file_reviews"]
        assert figures == {
            "sampled": 4,
            "graded": 3,
            "grades": {"excellent": 1, "good": 1, "pass": 0, "fail": 1},
        }


def test_rectification_is_checked_and_refusals_write_nothing(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        drawn = svc.file_reviews.draw(SampleRule(year=YEAR, seed=3, count=1))
        svc.file_reviews.score(drawn.files[0].id, [Finding("numbering")])
        defect = svc.file_reviews.defects(drawn.sample.id)[0]
    before = database_digest(db)
    with build_services(db, FixedClock(NOW)) as svc:
        for on, text, code in [
            (dt.date(2026, 11, 28), "已改", "date.future"),
            (dt.date(2026, 11, 1), "已改", "date.too_early"),
            (dt.date(2026, 11, 27), "  ", "value.required"),
            (dt.date(2026, 11, 27), "长" * 501, "value.too_long"),
        ]:
            with pytest.raises(DomainError) as caught:
                svc.file_reviews.rectify(defect.id, on, text)
            assert caught.value.code == code
        with pytest.raises(DomainError):
            svc.file_reviews.rectify(99999, dt.date(2026, 11, 27), "已改")
    assert database_digest(db) == before


def test_samples_and_rectified_defects_cannot_be_deleted(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        drawn = svc.file_reviews.draw(SampleRule(year=YEAR, seed=3, count=1))
        svc.file_reviews.score(drawn.files[0].id, [Finding("numbering")])
        defect = svc.file_reviews.defects(drawn.sample.id)[0]
        svc.file_reviews.rectify(defect.id, dt.date(2026, 11, 27), "已改")
    for sql in (
        "DELETE FROM file_review_samples",
        "DELETE FROM file_review_files",
        "DELETE FROM file_review_findings",
    ):
        refused_by_the_database(db, sql, "never deleted")


def test_a_changed_sheet_applies_to_new_samples_only(db: Path | str) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        old = svc.file_reviews.draw(SampleRule(year=YEAR, seed=1, count=1))
        sheet = svc.file_reviews.current_sheet().to_json()
        sheet["excellent_min"] = 99
        svc.file_reviews.set_sheet(sheet)
        new = svc.file_reviews.draw(SampleRule(year=YEAR, seed=2, count=1))
        assert svc.file_reviews.sheet_of(old.sample.id).excellent_min == 90
        assert svc.file_reviews.sheet_of(new.sample.id).excellent_min == 99
        late = [Finding("late_filing", 2)]  # 98 points
        assert svc.file_reviews.score(old.files[0].id, late).grade is Grade.EXCELLENT
        assert svc.file_reviews.score(new.files[0].id, late).grade is Grade.GOOD


def test_cli_sample_json_and_stats(db: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(db, "sample", "--year", str(YEAR), "--count", "5", "--seed", "99", "--json") == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["seed"] == 99
    assert len(printed["cases"]) == 5
    assert all(no.startswith("川执立〔") for no in printed["cases"])
    assert _cli(db, "sample", "--year", str(YEAR), "--count", "5", "--seed", "99", "--json") == 0
    assert json.loads(capsys.readouterr().out)["cases"] == printed["cases"]
    assert _cli(db, "stats", "--year", str(YEAR), "--json") == 0
    assert json.loads(capsys.readouterr().out)["file_reviews"]["sampled"] == 5


def test_cli_scores_lists_and_rectifies(db: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(db, "sample", "--year", str(YEAR), "--count", "2", "--seed", "1") == 0
    capsys.readouterr()
    assert _cli(db, "file-review", "show", "1", "--json") == 0
    files = json.loads(capsys.readouterr().out)
    file_id = str(files[0]["id"])
    assert _cli(db, "file-review", "score", file_id, "--finding", "late_filing:2:晚立案") == 0
    assert "总分 98 分，优秀" in capsys.readouterr().out
    assert _cli(db, "file-review", "defects", "1", "--json") == 0
    defect = json.loads(capsys.readouterr().out)[0]
    assert (defect["item"], defect["points"], defect["note"]) == ("late_filing", 2, "晚立案")
    assert _cli(db, "file-review", "rectify", str(defect["id"]), "--on", "2026-11-27",
                "--text", "已补立案审批表") == 0  # fmt: skip
    assert _cli(db, "file-review", "defects", "1", "--open") == 0
    assert capsys.readouterr().out.strip().endswith("已登记整改")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["sample", "--year", "2025", "--count", "0"], "抽查件数"),
        (["sample", "--year", "2025", "--percent", "200"], "抽查比例"),
        (["sample", "--year", "2031", "--count", "3"], "评查年度须在"),
        (["sample", "--year", "2019", "--count", "3"], "没有可抽查的已结案卷"),
        (["file-review", "show", "42"], "找不到抽查批次 42"),
        (["file-review", "score", "42"], "找不到评查案卷 42"),
        (["file-review", "rectify", "42", "--on", "2026-11-27", "--text", "x"], "找不到问题"),
        (["file-review", "rectify", "1", "--on", "27/11/2026", "--text", "x"], "不是有效的日期"),
    ],
)
def test_cli_refusals_exit_1_and_write_nothing(
    db: Path | str, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with build_services(db, FixedClock(NOW)):
        pass  # migrate first, so the digest compares only the refused command
    before = database_digest(db)
    assert _cli(db, *argv) == 1
    assert message in capsys.readouterr().err
    assert database_digest(db) == before


def test_cli_score_refuses_bad_findings(db: Path | str, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli(db, "sample", "--year", str(YEAR), "--count", "1", "--seed", "1") == 0
    capsys.readouterr()
    before = database_digest(db)
    assert _cli(db, "file-review", "score", "1", "--finding", "late_filing:两分") == 1
    assert "项目编码[:扣分[:说明]]" in capsys.readouterr().err
    assert _cli(db, "file-review", "score", "1", "--finding", "no_such") == 1
    assert "没有项目“no_such”" in capsys.readouterr().err
    assert database_digest(db) == before


def _pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_sample_and_rectification_lists_as_pdf(
    db: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with build_services(db, FixedClock(NOW)) as svc:
        drawn = svc.file_reviews.draw(SampleRule(year=YEAR, seed=77, count=8))
        first, second = drawn.files[0], drawn.files[1]
        svc.file_reviews.score(first.id, [Finding("no_service_receipt", note="缺送达回证")])
        svc.file_reviews.score(second.id, [Finding("unclear_facts")])
        defect = svc.file_reviews.defects(drawn.sample.id)[0]
        svc.file_reviews.rectify(defect.id, dt.date(2026, 11, 27), "补送达回证")
    listing, defects = tmp_path / "sample.pdf", tmp_path / "defects.pdf"
    assert _cli(db, "file-review", "pdf", "1", "-o", str(listing)) == 0
    assert _cli(db, "file-review", "pdf", "1", "--list", "defects", "-o", str(defects)) == 0
    text = _pdf_text(listing)
    for f in drawn.files:
        assert f.file_no in text
    assert "随机种子" in text
    plain = text.replace("\n", "")
    assert "按随机种子 77 抽取，同一数据、同一种子结果相同" in plain  # not sha256(seed|…)
    assert "sha256" not in plain
    assert "优秀 1 件" in text
    assert "不合格 1 件" in text
    assert "第 1 页 共 1 页" in text
    rectification = _pdf_text(defects).replace("\n", "")  # table cells wrap
    assert "缺送达回证" in rectification
    assert "2026-11-27 已整改：补送达回证" in rectification
    assert "违法事实不清" in rectification
    assert "未整改 1 处" in rectification
    fonts = {
        str(font["/BaseFont"])
        for page in PdfReader(listing).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("WenQuanYi" in name for name in fonts)
    capsys.readouterr()
    assert _cli(db, "file-review", "pdf", "9", "-o", str(tmp_path / "x.pdf")) == 1
    assert "找不到抽查批次 9" in capsys.readouterr().err
