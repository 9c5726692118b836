"""``case correct``, ``simple correct`` and ``officer correct`` as a user runs them: the
installed command in its own process on a fresh file (every date in it is past), and in-process
with the tests' clock for the refusals."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.notices import notice

D = dt.date
EXE = Path(sys.executable).with_name("chuansha-enforce")
NO = "川执立〔2025〕88号"
SIMPLE_NO = "沪浦川执简〔2025〕000001号"


@pytest.fixture
def book(tmp_path: Path, backend: Path) -> Path:
    """A decided case (500 元) and a simple decision (50 元), entered in 2025 (a file, and a
    server database)."""
    db = backend
    with build_services(db, FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("孙强", "31150101", D(2020, 1, 1)))
        svc.officers.register(OfficerRecord("钱芳", "31150102", D(2021, 6, 1)))
        party = PartyRecord(PartyType.LEGAL_PERSON, "上海某餐饮有限公司")
        svc.case_files.file_case(NewCase(NO, party, "油烟直排案", D(2025, 3, 3),
                                         ("31150101", "31150102")))  # fmt: skip
        svc.case_files.record_notice(NO, notice(D(2025, 3, 10), fine_fen=50_000,
                                                stated_on=D(2025, 3, 11)))  # fmt: skip
        svc.case_files.decide(
            NO,
            Decision(
                None,
                D(2025, 3, 13),
                Outcome.PENALTY,
                frozenset({PenaltyKind.FINE}),
                fine_fen=50_000,
            ),
        )
        svc.simple.record(
            SimpleDecisionRecord(
                SIMPLE_NO,
                PartyRecord(PartyType.NATURAL_PERSON, "李四"),
                "占道设摊",
                ("31150101", "31150102"),
                D(2025, 6, 20),
                PenaltyKind.FINE,
                fine_fen=5_000,
            )
        )
    return db


def _cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(EXE), "--db", str(db), *argv], capture_output=True, text=True,
                            timeout=120, check=False)  # fmt: skip
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_corrections_as_a_user_runs_them(book: Path) -> None:
    fine = _cli(book, "case", "correct", NO, "--field", "罚款金额", "--value", "450",
                "--reason", "决定书载明四百五十元")  # fmt: skip
    assert fine.returncode == 0, fine.stderr
    assert fine.stdout == (
        f"已更正 {NO} 的罚款金额：500.00元 → 450.00元\n"
        "该决定的公示内容已改变：须撤回原公示并重新公示\n"
    )
    shown = json.loads(_cli(book, "case", "show", NO, "--json").stdout)
    [entry] = shown["corrections"]
    assert (entry["field"], entry["before"], entry["after"], entry["reason"]) == (
        "罚款金额", "500.00元", "450.00元", "决定书载明四百五十元"
    )  # fmt: skip
    assert (entry["superseded_round"], entry["affects_publication"]) == (None, True)
    assert shown["needs_new_review"] is False
    before = database_digest(book)
    unknown = _cli(book, "case", "correct", NO, "--field", "金额", "--value", "1", "--reason", "错")
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("更正项目：不能更正“金额”；可更正的项目：案由、违法行为")
    assert "罚款金额" in unknown.stderr
    assert "缴款金额" in unknown.stderr
    heavier = _cli(book, "case", "correct", NO, "--field", "罚款金额", "--value", "600",
                   "--reason", "错")  # fmt: skip
    assert heavier.returncode == 1
    assert heavier.stderr.startswith("处罚种类：")
    no_reason = _cli(book, "case", "correct", NO, "--field", "地点", "--value", "川沙路",
                     "--reason", " ")  # fmt: skip
    assert (no_reason.returncode, no_reason.stderr) == (1, "理由：必须填写\n")
    assert database_digest(book) == before

    simple = _cli(book, "simple", "correct", SIMPLE_NO, "--field", "罚款金额", "--value", "100",
                  "--reason", "当场处罚决定书为一百元")  # fmt: skip
    assert simple.returncode == 0, simple.stderr
    assert simple.stdout.startswith(f"已更正 {SIMPLE_NO} 的罚款金额：50.00元 → 100.00元\n")
    over = _cli(book, "simple", "correct", SIMPLE_NO, "--field", "罚款金额", "--value", "300",
                "--reason", "错")  # fmt: skip
    assert over.returncode == 1
    assert "200.00" in over.stderr

    officer = _cli(book, "officer", "correct", "31150102", "--field", "姓名", "--value", "钱芳芳",
                   "--reason", "执法证上为钱芳芳")  # fmt: skip
    assert (officer.returncode, officer.stdout) == (
        0, "已更正 31150102 的姓名：钱芳 → 钱芳芳\n"
    ), officer.stderr  # fmt: skip
    assert "钱芳芳\t31150102" in _cli(book, "officer", "list").stdout
    assert _cli(book, "verify").returncode == 0


def test_the_help_names_every_field_in_chinese(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(book), "case", "correct", "--help"])
    text = capsys.readouterr().out
    assert "更正项目：案由、违法行为、法律依据、地点、立案日期、当事人" in " ".join(text.split())
    with pytest.raises(SystemExit):
        main(["--db", str(book), "simple", "correct", "--help"])
    assert "决定书文号" in capsys.readouterr().out


def test_english_mode_still_speaks(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--db", str(book), "--lang", "en", "case", "correct", NO, "--field", "地点",
                 "--value", "川沙路1号", "--reason", "typo"])  # fmt: skip
    assert code == 0
    assert capsys.readouterr().out == f"corrected 地点 of {NO}: (empty) → 川沙路1号\n"
    code = main(["--db", str(book), "--lang", "en", "officer", "correct", "31150101",
                 "--field", "状态", "--value", "注销", "--reason", "x"])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err == (
        "status: to cancel a certificate correct its cancellation date\n"
    )


def test_case_show_lists_the_corrections(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--db", str(book), "case", "correct", NO, "--field", "地点", "--value", "川沙路1号",
            "--reason", "补录地点"]  # fmt: skip
    assert main(argv) == 0
    assert capsys.readouterr().out == f"已更正 {NO} 的地点：（空） → 川沙路1号\n"
    assert main(["--db", str(book), "case", "show", NO]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("更正 ")]
    assert line == "更正 2026-11-27 10:00　地点：（空） → 川沙路1号（理由：补录地点；单用户）"


def test_the_delete_refusal_points_to_the_correction(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = database_digest(book)
    assert main(["--db", str(book), "case", "delete", NO, "--reason", "罚款录错了"]) == 1
    assert capsys.readouterr().err == (
        f"案件编号：案件{NO}已作出决定或已有缴款，不能删除；请更正有关记录（案件窗口“更正…”，"
        f"或命令 case correct {NO} --field 项目 --value 新值 --reason 理由）\n"
    )
    assert database_digest(book) == before
