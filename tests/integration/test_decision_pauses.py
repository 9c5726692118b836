"""Time for a hearing, expert appraisal, public notice or a suspension does not count toward
the decision deadline (DOMAIN §12): ``case decision-pause`` records it, and every deadline,
overdue flag and statistic uses the deadline it gives.

The case is filed 2023-09-01: 90 days end on 2023-11-30 (a Thursday); 100 days on Sunday
2023-12-10, which moves to Monday 2023-12-11.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest

D = dt.date
NO = "川执立〔2023〕5号"
FILE = ["case", "file", "--filed", "2023-09-01", "--party", "张三", "--party-type", "自然人",
        "--cause", "张三违法搭建案", "--officers", "王建国,李明", "--violation", "擅自搭建",
        "--basis", "《上海市拆除违法建筑若干规定》第二条", "--no", NO]  # fmt: skip


@pytest.fixture
def book(backend: Path) -> Path:
    path = backend  # a file, and a server database
    with build_services(path, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, argv: Sequence[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, err or out


def pause(start: str, until: str, kind: str = "鉴定") -> list[str]:
    return ["case", "decision-pause", NO, "--kind", kind, "--from", start, "--until", until,
            "--reason", "委托房屋安全鉴定"]  # fmt: skip


def due(capsys: pytest.CaptureFixture[str], db: Path) -> str:
    shown = json.loads(run(capsys, db, ["case", "show", NO, "--json"])[1])
    return str(shown["deadlines"]["decision_due"])


@pytest.mark.parametrize(
    ("until", "expected"),
    [
        (None, "2023-11-30"),  # no pause: 90 days
        ("2023-10-16", "2023-12-08"),  # 8 days paused: Friday
        ("2023-10-17", "2023-12-11"),  # 9 days: Saturday 12-09 moves to Monday
        ("2023-10-18", "2023-12-11"),  # 10 days: Sunday 12-10 moves to Monday
    ],
)
def test_paused_days_push_the_decision_deadline(
    book: Path, capsys: pytest.CaptureFixture[str], until: str | None, expected: str
) -> None:
    assert run(capsys, book, FILE)[0] == 0
    if until is not None:
        code, text = run(capsys, book, pause("2023-10-09", until))
        assert code == 0, text
    assert due(capsys, book) == expected


def test_extension_and_pause_add_up(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, book, FILE)[0] == 0
    extend = ["case", "extend", NO, "--on", "2023-11-20", "--days", "10", "--approved-by",
              "镇长", "--reason", "需鉴定"]  # fmt: skip
    assert run(capsys, book, extend)[0] == 0
    assert due(capsys, book) == "2023-12-11"  # 100 days
    assert run(capsys, book, pause("2023-10-09", "2023-10-10", "听证"))[0] == 0
    assert due(capsys, book) == "2023-12-12"  # 102 days


def test_a_pause_is_refused_when_it_overlaps_or_comes_too_late(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, book, FILE)[0] == 0
    assert run(capsys, book, pause("2023-10-09", "2023-10-18"))[0] == 0
    refusals = [
        (pause("2023-10-18", "2023-10-20", "公告"),
         "起始日期：与已记录的中止期间（2023-10-09至2023-10-18）重叠"),
        (pause("2023-08-31", "2023-09-02"), "起始日期："),
        (pause("2023-10-25", "2023-10-24"), "截止日期："),
        (pause("2023-10-25", "2023-10-26", "暂停"), "暂停"),
    ]  # fmt: skip
    for argv, message in refusals:
        before = database_digest(book)
        code, err = run(capsys, book, argv)
        assert code == 1
        assert message in err
        assert "Traceback" not in err
        assert database_digest(book) == before
    assert run(capsys, book, pause("2023-10-19", "2023-10-20", "中止"))[0] == 0


def test_the_overdue_list_and_the_statistics_use_the_paused_deadline(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Undecided at the end of 2023: overdue after 90 days (11-30); with 40 days paused the
    deadline is 2024-01-09, so the year's overdue count has nothing."""
    assert run(capsys, book, FILE)[0] == 0
    stats = ["stats", "--year", "2023", "--json"]
    assert json.loads(run(capsys, book, stats)[1])["general"]["overdue_open"] == 1
    with build_services(book, FixedClock(NOW)) as services:
        assert [v.case.case_no for v in services.case_files.overdue(D(2023, 12, 31))] == [NO]
    assert run(capsys, book, pause("2023-10-01", "2023-11-09"))[0] == 0  # 40 days
    assert due(capsys, book) == "2024-01-09"
    assert json.loads(run(capsys, book, stats)[1])["general"]["overdue_open"] == 0
    with build_services(book, FixedClock(NOW)) as services:
        assert services.case_files.overdue(D(2023, 12, 31)) == []
        assert services.case_files.overdue(D(2024, 1, 10))[0].case.case_no == NO
        row = services.cases.row(NO)
        assert row is not None
        assert row.duties.extension_days == 40  # the case list's flag counts the pause


def test_no_pause_after_the_decision(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, book, FILE)[0] == 0
    steps = [
        ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "警告"],
        ["case", "statement", NO, "--on", "2023-09-28", "--kind", "书面放弃"],
        ["case", "decide", NO, "--on", "2023-09-28", "--kinds", "警告"],
    ]
    for argv in steps:
        assert run(capsys, book, argv)[0] == 0
    code, err = run(capsys, book, pause("2023-09-10", "2023-09-12"))
    assert code == 1
    assert "已作出决定" in err
