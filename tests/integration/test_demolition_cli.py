"""Demolition orders and APL 33 education through ``case decide`` and ``case educate``.

A 责令限期拆除 order is its own decision type (DOMAIN §13), never penalty kind 其他, and no gate
of §12 spares it: each row walks a fresh case to the refused step (exit 1, the rule named, the
file byte for byte as it was), then along the lawful path to exit 0. Dates sit around National
Day 2023 (2023-10-07 and 10-08 were make-up working days).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.gate_walk import Steps, book_with, walk

D = dt.date
NO = "川执立〔2023〕7号"
OFFICERS = (
    OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
    OfficerRecord("李明", "31150002", D(2019, 5, 10)),
    OfficerRecord("周敏", "31150004", D(2019, 1, 1)),
)
LEADERS = "镇长,分管副镇长,执法队长"

FILE = ["case", "file", "--filed", "2023-09-01", "--party", "张三", "--party-type", "自然人",
        "--cause", "张三在宅基地上擅自搭建彩钢板房案", "--officers", "王建国,李明",
        "--violation", "在宅基地上擅自搭建彩钢板房",
        "--basis", "《中华人民共和国城乡规划法》第六十五条",
        "--violation-date", "2023-08-01", "--continuing", "--discovered", "2023-08-30",
        "--no", NO]  # fmt: skip
NOTICE_ORDER = ["case", "notice", NO, "--served", "2023-09-27", "--demolition"]
NOTICE_FINE = ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "罚款", "--amount", "200"]
WAIVED = ["case", "statement", NO, "--on", "2023-09-28", "--kind", "书面放弃"]
REVIEW = ["@review", "2023-09-29"]  # signed in-process: the CLI's review needs accounts
DISCUSS = ["case", "discuss", NO, "--on", "2023-09-29", "--participants", LEADERS,
           "--conclusion", "同意责令限期拆除"]  # fmt: skip


def order(on: str, deadline: str = "2023-10-31") -> list[str]:
    return ["case", "decide", NO, "--on", on, "--order-only", "--deadline", deadline]


ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    ("no order without the notice", [FILE], order("2023-10-09"),
     "决定日期：未告知当事人拟作出的处罚，不得作出处罚决定（行政处罚法第六十二条）",
     [NOTICE_ORDER, WAIVED, REVIEW, DISCUSS, order("2023-10-09")]),
    ("no order the notice did not propose", [FILE, NOTICE_FINE, WAIVED, REVIEW, DISCUSS],
     ["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200",
      "--demolition", "--deadline", "2023-10-31"],
     "拆除期限：告知未提出责令限期拆除，须重新告知后才能作出（行政处罚法第四十四条、第六十二条）",
     [["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200"]]),
    ("dropping a reviewed order needs a new review round",
     [FILE, [*NOTICE_FINE, "--demolition"], WAIVED, REVIEW, DISCUSS],
     ["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200"],
     "决定日期：决定与第1轮法制审核的拟处理意见不同，须就新的拟处理意见重新法制审核（行政处罚法第五十八条）",
     [["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200",
       "--demolition", "--deadline", "2023-10-31"]]),
    ("the statement period runs for an order too", [FILE, NOTICE_ORDER, REVIEW, DISCUSS],
     order("2023-10-08"),
     "决定日期：陈述申辩期限至2023-10-08，期满或当事人陈述申辩、书面放弃后才能作出决定"
     "（行政处罚法第四十四条、第六十二条）",
     [order("2023-10-09")]),
    ("every order has its legal review", [FILE, NOTICE_ORDER, WAIVED, DISCUSS],
     order("2023-09-29"),
     "决定日期：重大案件（限期拆除已建成违法建筑）须经法制审核同意后才能作出决定（行政处罚法第五十八条）",
     [REVIEW, order("2023-09-29")]),
    ("and its collective discussion", [FILE, NOTICE_ORDER, WAIVED, REVIEW], order("2023-09-29"),
     "决定日期：限期拆除已建成违法建筑：作出决定前须经集体讨论（行政处罚法第五十七条第二款）",
     [DISCUSS, order("2023-09-29")]),
    ("a hearing asked for is held before the order",
     [FILE, [*NOTICE_ORDER, "--hearing-right"], WAIVED, REVIEW, DISCUSS,
      ["case", "hearing", NO, "--requested", "2023-09-28"]],
     order("2023-10-13"),
     "决定日期：当事人已申请听证，听证举行后才能作出决定（行政处罚法第六十三条、第六十四条）",
     [["case", "hearing", NO, "--notice-served", "2023-09-28", "--held", "2023-10-13",
       "--presiding", "周敏"], order("2023-10-13")]),
    ("the deadline falls after the decision", [FILE, NOTICE_ORDER, WAIVED, REVIEW, DISCUSS],
     order("2023-09-29", deadline="2023-09-29"),
     "拆除期限：拆除期限 2023-09-29 须在决定日期 2023-09-29 之后",
     [order("2023-09-29", deadline="2023-10-06")]),
    ("a reasonable period: at least the setting's minimum (7 days)",
     [FILE, NOTICE_ORDER, WAIVED, REVIEW, DISCUSS],
     order("2023-09-29", deadline="2023-10-05"),
     "拆除期限：拆除期限 2023-10-05 不合理：须在决定日期 2023-09-29 之后至少 7 日"
     "（城乡规划法第六十四条）",
     [order("2023-09-29", deadline="2023-10-06")]),
    ("the order alone named as an outcome takes its deadline too",
     [FILE, NOTICE_ORDER, WAIVED, REVIEW, DISCUSS],
     ["case", "decide", NO, "--on", "2023-09-29", "--outcome", "仅责令限期拆除"],
     "拆除期限：责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）",
     [["case", "decide", NO, "--on", "2023-09-29", "--outcome", "仅责令限期拆除",
       "--deadline", "2023-10-31"]]),
    ("an order with a penalty: both noticed",
     [FILE, [*NOTICE_FINE, "--demolition"], WAIVED, REVIEW, DISCUSS],
     ["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200",
      "--demolition"],
     "拆除期限：责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）",
     [["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200",
       "--demolition", "--deadline", "2023-10-31"]]),
    ("a deadline is an order's", [FILE, NOTICE_FINE, WAIVED],
     ["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200",
      "--deadline", "2023-10-31"],
     "拆除期限：--deadline 是责令限期拆除的期限，须与 --demolition 或 --order-only 一起使用",
     [["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款", "--amount", "200"]]),
    ("the notice proposes something", [FILE],
     ["case", "notice", NO, "--served", "2023-09-27"],
     "处罚种类：告知须写明拟作出的处罚种类或责令限期拆除决定（行政处罚法第四十四条）",
     [NOTICE_ORDER]),
]  # fmt: skip


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return book_with(tmp_path / "cases.db", OFFICERS)


@pytest.fixture
def walked_book(backend: Path) -> Path:
    """The walks run on both backends: a file, and a server database (tests/server_backend)."""
    return book_with(backend, OFFICERS)


def run(capsys: pytest.CaptureFixture[str], db: Path, argv: Sequence[str]) -> tuple[int, str]:
    if argv[0] == "@review":
        with build_services(db, FixedClock(NOW)) as services:
            services.case_files.record_review(NO, reviewer="周明远", opinion=ReviewOpinion.AGREE,
                                              reviewed_on=D.fromisoformat(argv[1]))  # fmt: skip
        return 0, ""
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, err or out


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_each_gate_holds_for_an_order_then_the_lawful_path_passes(
    walked_book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Steps,
    refused: Sequence[str],
    message: str,
    lawful: Steps,
) -> None:
    said = walk(
        lambda db, argv: run(capsys, db, argv),
        walked_book,
        setup,
        refused,
        message=message,
        lawful=lawful,
    )
    assert said == message + "\n"  # the whole refusal, nothing more


def show(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, object]:
    code, out = run(capsys, db, ["case", "show", NO, "--json", "--as-of", "2023-12-31"])
    assert code == 0, out
    return json.loads(out)  # type: ignore[no-any-return]


def test_an_order_alone_is_decided_served_and_closed_as_an_order(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (FILE, NOTICE_ORDER, WAIVED, REVIEW, DISCUSS, order("2023-09-29"),
                 ["case", "serve", NO, "--on", "2023-10-09", "--method", "直接"],
                 ["case", "close", NO, "--on", "2023-11-20"]):  # fmt: skip
        assert run(capsys, book, argv)[0] == 0, argv
    case = show(capsys, book)
    assert case["decision"] == {
        "decision_no": "沪浦川执罚〔2023〕000001号",
        "decided_on": "2023-09-29",
        "outcome": "仅责令限期拆除",
        "kinds": [],
        "no_penalty_reason": None,
        "fine_fen": 0,
        "confiscation_fen": 0,
        "demolition_deadline": "2023-10-31",
        "discretion": None,
    }
    assert (case["major"], case["major_reasons"]) == (True, ["限期拆除已建成违法建筑"])
    assert case["amount_due_fen"] == 0
    conn = sqlite3.connect(book)
    actions = [r[0] for r in conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY id", [NO])]  # fmt: skip
    kinds = conn.execute("SELECT count(*) FROM general_case_penalties").fetchone()[0]
    conn.close()
    assert actions == ["case.file", "case.notice", "case.statement", "case.review",
                       "case.discussion", "case.decide", "case.serve", "case.close"]  # fmt: skip
    assert kinds == 0  # never a penalty kind, 其他 or any


APL33 = (
    "教育日期：只有依行政处罚法第三十三条不予处罚（轻微违法及时改正、首违不罚、无主观过错）"
    "的案件记录教育；本案为："
)
EDUCATE = [
    "case",
    "educate",
    NO,
    "--on",
    "2023-09-30",
    "--how",
    "当场宣讲《上海市拆除违法建筑若干规定》",
]


@pytest.mark.parametrize(
    ("decide", "refusal"),
    [
        (["--no-penalty", "首违不罚"], None),
        (["--no-penalty", "轻微违法及时改正"], None),
        (["--no-penalty", "无主观过错"], None),
        (["--no-penalty", "违法事实不能成立"],
         "不予处罚（违法事实不能成立）"),
        (["--outcome", "撤销立案"], "撤销立案"),
    ],
)  # fmt: skip
def test_education_is_recorded_for_apl33_only(
    book: Path, capsys: pytest.CaptureFixture[str], decide: list[str], refusal: str | None
) -> None:
    for argv in (FILE, ["case", "decide", NO, "--on", "2023-09-29", *decide]):
        assert run(capsys, book, argv)[0] == 0, argv
    before = database_digest(book)
    code, text = run(capsys, book, EDUCATE)
    if refusal is not None:
        assert (code, text) == (1, f"{APL33}{refusal}\n")
        assert database_digest(book) == before
        return
    assert (code, text) == (0, f"已记录教育情况：{NO}\n")
    assert show(capsys, book)["education"] == {
        "on": "2023-09-30",
        "how": "当场宣讲《上海市拆除违法建筑若干规定》",
    }
    again = database_digest(book)
    assert run(capsys, book, EDUCATE) == (1, "教育日期：本案已于 2023-09-30 记录教育情况\n")
    assert database_digest(book) == again
