"""The circumstance at the 告知 (``case notice --circumstance``), the ``discretion_required``
setting, and the repeat warning (DOMAIN §17, issue 20 item 3). The case is 占道设摊: statutory
range 50–500 元, the shipped bands 轻微 50–90, 一般 90–230, 较重 230–370, 严重 370–500 元."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PenaltyKind
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.gate_walk import walk
from tests.integration import test_case_gates_cli as gates_cli
from tests.integration.test_case_gates_cli import FILE, NO, STATED, file_case, run
from tests.integration.test_discretion_cli import decide


@pytest.fixture
def book(backend: Path) -> Path:
    """A fresh case book with the officers registered: a file, and a server database."""
    return gates_cli.book_with(backend, gates_cli.OFFICERS)


REQUIRED = ["settings", "set", "discretion_required", "是"]
NOT_REQUIRED = ["settings", "set", "discretion_required", "否"]
MESSAGE_REQUIRED = "情节：“占道设摊”有裁量基准，罚款须记录情节（轻微、一般、较重、严重）"


def notice(amount: str, *extra: str, no: str = NO, kinds: str = "罚款") -> list[str]:
    return ["case", "notice", no, "--served", "2023-09-27", "--kinds", kinds, "--amount", amount,
            *extra]  # fmt: skip


NOTICE_ROWS: list[tuple[str, list[str], list[str], int, str]] = [
    # (id, setting, notice, exit status, message printed on refusal)
    ("off: no circumstance, no check", NOT_REQUIRED, notice("200"), 0, ""),
    ("on: the circumstance is required", REQUIRED, notice("200"), 1, MESSAGE_REQUIRED),
    ("on: given, inside the band", REQUIRED, notice("200", "--circumstance", "一般"), 0, ""),
    ("off: given, the band's maximum", NOT_REQUIRED,
     notice("230", "--circumstance", "一般"), 0, ""),
    ("off: given, one fen above the band", NOT_REQUIRED,
     notice("230.01", "--circumstance", "一般"), 1,
     "罚款金额：罚款 230.01 元高于“一般”情节的裁量基准 90.00–230.00 元，须记录从重处罚及理由"),
    ("off: given, the band's minimum", NOT_REQUIRED, notice("90", "--circumstance", "一般"), 0, ""),
    ("off: given, one fen below the band", NOT_REQUIRED,
     notice("89.99", "--circumstance", "一般"), 1,
     "罚款金额：罚款 89.99 元低于“一般”情节的裁量基准 90.00–230.00 元，须记录从轻处罚及理由"),
    ("on: 从重 with its reason", REQUIRED,
     notice("300", "--circumstance", "一般", "--deviation", "从重",
            "--deviation-reason", "拒不改正"),
     0, ""),
    ("on: above the statutory maximum", REQUIRED,
     notice("500.01", "--circumstance", "严重", "--deviation", "从重",
            "--deviation-reason", "情节恶劣"), 1,
     "罚款金额：罚款 500.01 元超过法定上限 500.00 元"),
    ("on: a warning has no circumstance", REQUIRED,
     ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "警告",
      "--circumstance", "一般"], 1, "裁量"),
]  # fmt: skip


@pytest.mark.parametrize(("setting", "argv", "code", "message"),
                         [row[1:] for row in NOTICE_ROWS],
                         ids=[row[0] for row in NOTICE_ROWS])  # fmt: skip
def test_the_notice_checks_the_proposed_fine_against_the_benchmark(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setting: list[str],
    argv: list[str],
    code: int,
    message: str,
) -> None:
    for step in (setting, FILE):
        assert run(capsys, book, step)[0] == 0, step
    before = database_digest(book)
    status, said = run(capsys, book, argv)
    assert status == code, said
    if code:
        assert message in said
        assert "Traceback" not in said
        assert database_digest(book) == before


def test_a_violation_without_a_benchmark_row_needs_no_circumstance(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    steps = [REQUIRED, file_case("--violation", "擅自饲养家禽"), notice("200"), STATED,
             decide("200")]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv


Steps = Sequence[Sequence[str]]
DECISION_ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    ("on: the decision needs the circumstance the notice did not give",
     [NOT_REQUIRED, FILE, notice("200"), STATED, REQUIRED], decide("200"), MESSAGE_REQUIRED,
     [decide("200", "--circumstance", "一般")]),
    ("the notice's circumstance is taken over and checked against the decided fine",
     [FILE, notice("200", "--circumstance", "一般"), STATED], decide("80"),
     "罚款金额：罚款 80.00 元低于“一般”情节的裁量基准 90.00–230.00 元，须记录从轻处罚及理由",
     [decide("80", "--circumstance", "轻微")]),
    ("on: taken over from the notice, the decision needs none given",
     [REQUIRED, FILE, notice("300", "--circumstance", "较重"), STATED], decide("200"),
     "罚款金额：罚款 200.00 元低于“较重”情节的裁量基准 230.00–370.00 元",
     [decide("300")]),
]  # fmt: skip


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in DECISION_ROWS],
                         ids=[row[0] for row in DECISION_ROWS])  # fmt: skip
def test_the_decision_takes_the_notice_circumstance_over_unless_given_again(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Sequence[Sequence[str]],
    refused: Sequence[str],
    message: str,
    lawful: Sequence[Sequence[str]],
) -> None:
    walk(lambda db, argv: run(capsys, db, argv), book, setup, refused, message=message,
         lawful=lawful)  # fmt: skip


def test_a_deviation_at_the_notice_is_counted_with_the_decision(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    heavier = notice("300", "--circumstance", "一般", "--deviation", "从重",
                     "--deviation-reason", "多次劝阻拒不改正")  # fmt: skip
    steps = [FILE, heavier, STATED, decide("300")]
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    stats = json.loads(run(capsys, book, ["stats", "--year", "2023", "--json"])[1])
    assert stats["general"]["deviations"] == {"从轻": 0, "减轻": 0, "从重": 1}


NO2 = "川执立〔2023〕2号"
STATED2 = ["case", "statement", NO2, "--on", "2023-09-28", "--kind", "已陈述申辩"]


def test_a_repeat_on_another_date_is_decided_with_a_warning_naming_the_earlier_case(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = ("--violation-date", "2023-08-20")
    again = ("--violation-date", "2023-08-29")
    steps = [file_case(*first), notice("200"), STATED, decide("200"),
             file_case(*again, "--no", NO2), notice("200", no=NO2), STATED2]  # fmt: skip
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0, argv
    capsys.readouterr()
    assert main(["--db", str(book), *decide("200", no=NO2)]) == 0
    out, err = capsys.readouterr()
    assert out == f"已记录作出决定：{NO2}\n"
    assert err == (
        f"注意：当事人曾因同一违法行为在案件{NO}中被罚款（违法行为日期 2023-08-20），"
        "本案为再次违法，不属一事不再罚，可作为从重情节考虑\n"
    )


def test_the_service_returns_the_repeats_for_the_window(book: Path) -> None:
    for argv in (file_case("--violation-date", "2023-08-20"), notice("200"), STATED,
                 decide("200"), file_case("--violation-date", "2023-08-29", "--no", NO2),
                 notice("200", no=NO2), STATED2):  # fmt: skip
        assert main(["--db", str(book), *argv]) == 0, argv
    with build_services(book, FixedClock(NOW)) as services:
        result = services.case_files.decide(
            NO2,
            Decision(
                None,
                dt.date(2023, 10, 9),
                Outcome.PENALTY,
                frozenset({PenaltyKind.FINE}),
                fine_fen=20000,
            ),
        )
    assert [(e.case_no, e.violation_on) for e in result.repeats] == [(NO, dt.date(2023, 8, 20))]


def test_the_installed_command_checks_the_notice_and_warns_of_a_repeat(book: Path) -> None:
    command = Path(sys.executable).with_name("chuansha-enforce")

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(command), "--db", str(book), *argv],
                              capture_output=True, text=True, check=False)  # fmt: skip

    assert cli(*REQUIRED).returncode == 0
    assert cli(*file_case("--violation-date", "2023-08-20")).returncode == 0
    before = database_digest(book)
    refused = cli(*notice("200"))
    assert refused.returncode == 1
    assert MESSAGE_REQUIRED in refused.stderr
    assert "Traceback" not in refused.stderr
    assert database_digest(book) == before
    for argv in (notice("200", "--circumstance", "一般"), STATED, decide("200"),
                 file_case("--violation-date", "2023-08-29", "--no", NO2),
                 notice("200", "--circumstance", "一般", no=NO2), STATED2):  # fmt: skip
        done = cli(*argv)
        assert done.returncode == 0, (argv, done.stderr)
    repeat = cli(*decide("200", no=NO2))
    assert repeat.returncode == 0, repeat.stderr
    assert (
        f"注意：当事人曾因同一违法行为在案件{NO}中被罚款（违法行为日期 2023-08-20）"
        in repeat.stderr
    )
