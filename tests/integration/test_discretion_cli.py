"""Fines inside the discretion benchmark (DOMAIN §17) and 一事不再罚 (APL 29), through
``case decide``. The case is 占道设摊: statutory range 50–500 元, the shipped 一般 band 90–230 元.
Each row: the refused decision (exit 1, the rule named, the file as it was), then the lawful one.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Discussion
from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest
from tests.gate_walk import walk
from tests.integration import test_case_gates_cli as gates_cli
from tests.integration.test_case_gates_cli import FILE, LEADERS, NO, STATED, file_case, run


@pytest.fixture
def book(backend: Path) -> Path:
    """A fresh case book with the officers registered: a file, and a server database."""
    return gates_cli.book_with(backend, gates_cli.OFFICERS)


def notice(amount: str, no: str = NO) -> list[str]:
    return ["case", "notice", no, "--served", "2023-09-27", "--kinds", "罚款", "--amount", amount]


def decide(amount: str, *extra: str, no: str = NO) -> list[str]:
    return ["case", "decide", no, "--on", "2023-10-09", "--kinds", "罚款", "--amount", amount,
            *extra]  # fmt: skip


GENERAL = ("--circumstance", "一般")
Steps = Sequence[Sequence[str]]
ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    ("inside the band", [notice("200")], decide("80", *GENERAL),
     "罚款金额：罚款 80.00 元低于“一般”情节的裁量基准 90.00–230.00 元，须记录从轻处罚及理由",
     [decide("200", *GENERAL)]),
    ("below the band with 从轻", [notice("200")], decide("80", *GENERAL),
     "须记录从轻处罚及理由",
     [decide("80", *GENERAL, "--deviation", "从轻", "--deviation-reason", "初次违法且主动改正")]),
    ("above the band with 从重 inside the statutory range", [notice("300")],
     decide("300", *GENERAL),
     "罚款金额：罚款 300.00 元高于“一般”情节的裁量基准 90.00–230.00 元，须记录从重处罚及理由",
     [decide("300", *GENERAL, "--deviation", "从重", "--deviation-reason", "多次劝阻拒不改正")]),
    ("above the statutory maximum with any deviation", [notice("600")],
     decide("600", "--circumstance", "严重", "--deviation", "从重",
            "--deviation-reason", "情节恶劣"),
     "罚款金额：罚款 600.00 元超过法定上限 500.00 元（法定幅度 50.00–500.00 元），"
     "任何情形都不得超过",
     [decide("500", "--circumstance", "严重")]),
    ("a deviation needs its reason", [notice("300")],
     decide("300", *GENERAL, "--deviation", "从重"),
     "偏离理由：从轻、减轻或从重处罚须写明理由（行政处罚法第三十二条）",
     [decide("300", *GENERAL, "--deviation", "从重", "--deviation-reason", "拒不改正")]),
    ("a circumstance the benchmark has", [notice("200")],
     decide("200", "--circumstance", "特别严重"),
     "情节：裁量基准中没有“特别严重”这一情节", [decide("200", "--circumstance", "较重",
                                                   "--deviation", "从轻",
                                                   "--deviation-reason", "主动配合")]),
]  # fmt: skip


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_each_benchmark_rule_refuses_then_the_lawful_decision_passes(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Steps,
    refused: Sequence[str],
    message: str,
    lawful: Steps,
) -> None:
    def cli(db: Path, argv: Sequence[str]) -> tuple[int, str]:
        return run(capsys, db, argv)

    walk(cli, book, [FILE, *setup, STATED], refused, message=message, lawful=lawful)


def test_below_the_statutory_minimum_only_mitigated_and_then_major(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (FILE, notice("30"), STATED):
        assert run(capsys, book, argv)[0] == 0, argv
    code, err = run(capsys, book, decide("30", "--circumstance", "轻微"))
    assert (code, err) == (
        1,
        "罚款金额：罚款 30.00 元低于法定下限 50.00 元，只有减轻处罚并写明理由才可以"
        "（行政处罚法第三十二条）\n",
    )
    mitigated = decide("30", "--circumstance", "轻微", "--deviation", "减轻",
                       "--deviation-reason", "当事人系残疾人，生活困难")  # fmt: skip
    code, err = run(capsys, book, mitigated)
    assert code == 1
    assert "法制审核" in err  # 减轻 makes the case major: the review comes first
    with build_services(book, FixedClock(NOW)) as services:
        services.case_files.record_review(
            NO, reviewer="钱审核", reviewed_on=dt.date(2023, 10, 8), opinion=ReviewOpinion.AGREE
        )
        services.case_files.record_discussion(
            NO, Discussion(dt.date(2023, 10, 8), "同意减轻处罚", tuple(LEADERS.split(",")))
        )
    code, text = run(capsys, book, [*mitigated, "--json"])
    assert code == 0, text
    shown = json.loads(text)
    assert shown["major"] is True
    assert "减轻处罚" in shown["major_reasons"]
    stats = json.loads(run(capsys, book, ["stats", "--year", "2023", "--json"])[1])
    assert stats["general"]["deviations"] == {"从轻": 0, "减轻": 1, "从重": 0}


def test_one_act_is_fined_once(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    no2 = "川执立〔2023〕2号"
    dated = ("--violation-date", "2023-08-29")
    steps = [file_case(*dated), notice("200"), STATED, decide("200"),
             file_case(*dated, "--no", no2), notice("200", no2),
             ["case", "statement", no2, "--on", "2023-09-28", "--kind", "已陈述申辩"]]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    before = database_digest(book)
    code, err = run(capsys, book, decide("200", no=no2))
    assert (code, err) == (
        1,
        f"决定日期：当事人的同一违法行为（2023-08-29，未记录地点）已由案件{NO}给予罚款，不得再次罚款"
        "（行政处罚法第二十九条）\n",
    )
    assert database_digest(book) == before
    warned = ["case", "decide", no2, "--on", "2023-10-09", "--kinds", "警告"]
    assert run(capsys, book, warned)[0] == 0  # a warning is not a second fine


def test_the_installed_command_refuses_a_fine_above_the_statutory_maximum(book: Path) -> None:
    command = Path(sys.executable).with_name("chuansha-enforce")

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(command), "--db", str(book), *argv],
                              capture_output=True, text=True, check=False)  # fmt: skip

    for argv in (FILE, notice("600"), STATED):
        assert cli(*argv).returncode == 0, argv
    refused = cli(*decide("600", "--circumstance", "严重"))
    assert refused.returncode == 1
    assert "超过法定上限 500.00 元" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert cli(*decide("480", "--circumstance", "严重")).returncode == 0


def test_the_benchmark_table_saved_whole_reads_back_on_both_backends(book: Path) -> None:
    """The editor's save replaces the table (a file, and a server database)."""
    basis = "《上海市市容环境卫生管理条例》第二十五条第二项"
    rows = [
        Benchmark("占道设摊", basis, "较重", 5_000, 50_000, 20_000, 30_000, "沪城管规〔2024〕2号",
                  dt.date(2024, 6, 1)),
        Benchmark("占道设摊", basis, "轻微", 5_000, 50_000, 5_000, 9_000, "沪城管规〔2024〕2号",
                  dt.date(2024, 6, 1)),
    ]  # fmt: skip
    with build_services(book, FixedClock(NOW)) as services:
        services.discretion.save_table(rows)
        assert sorted(services.discretion.table(), key=lambda b: b.circumstance) == sorted(
            rows, key=lambda b: b.circumstance
        )
        services.discretion.save_table(rows[:1])
        assert services.discretion.table() == (rows[0],)
