"""Forced demolition through the command line (DOMAIN §13, issue 20 item 1).

Each row walks a fresh case to a refused step (wrong order, a period not run, a pending
lawsuit, a holiday, night, too few witnesses): exit 1, the rule and its article named, the
file byte for byte as it was; then along the lawful path to exit 0. The order is served on
2023-02-10, so the lawsuit period runs to 2023-08-10; the carrying out falls around National
Day 2023 (09-29 to 10-06 were holidays; Saturday 10-07 and Sunday 10-08 were make-up working
days; Saturday 10-14 an ordinary rest day).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import database_digest
from tests.forced_walk import LEADERS, NO, OFFICERS, ORDER, RURAL, URBAN, run_step
from tests.gate_walk import Steps, book_with, walk

D = dt.date
REMIND = ["case", "remind", NO, "--served", "2023-08-11", "--until", "2023-08-21"]
STATED = ["case", "remind-statement", NO, "--on", "2023-08-15", "--kind", "已陈述申辩"]
AUTHORITY = ["case", "authority", NO, "--document", "浦府责拆〔2023〕5号", "--on", "2023-08-18"]
MAJOR = [
    ["@review", "2023-08-22"],
    ["case", "discuss", NO, "--on", "2023-08-22", "--participants", LEADERS,
     "--conclusion", "同意强制拆除"],
]  # fmt: skip
ENFORCE = ["case", "enforce", NO, "--on", "2023-08-22"]
ANNOUNCE = ["case", "announce", NO, "--on", "2023-09-20", "--until", "2023-09-25"]
TO_DECISION = [URBAN, *ORDER, REMIND, STATED, AUTHORITY, *MAJOR, ENFORCE]
TO_ANNOUNCEMENT = [*TO_DECISION, ANNOUNCE]
LAWSUIT = ["dispute", "add", "--kind", "诉讼", "--no", "(2023)沪0115行初9号", "--applicant", "张三",
           "--body", "上海市浦东新区人民法院",
           "--received", "2023-07-03", "--case", NO]  # fmt: skip
LATE_LAWSUIT = [*LAWSUIT[:-3], "2023-09-22", "--case", NO]


def carry(on: str, at: str = "09:00", witnesses: str = "村委会主任赵六,居民孙七") -> list[str]:
    return ["case", "carry-out", NO, "--on", on, "--at", at, "--witnesses", witnesses]


ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    # 1. the order's reasonable period
    ("the order gives at least the minimum period", [URBAN, *ORDER[:4]],
     ["case", "decide", NO, "--on", "2023-02-09", "--order-only", "--deadline", "2023-02-15"],
     "拆除期限：拆除期限 2023-02-15 不合理：须在决定日期 2023-02-09 之后至少 7 日",
     [["case", "decide", NO, "--on", "2023-02-09", "--order-only", "--deadline", "2023-02-16"]]),
    ("never served when the period left is too short", [URBAN, *ORDER[:5]],
     ["case", "serve", NO, "--on", "2023-03-06", "--method", "直接"],
     "拆除期限：拆除期限 2023-03-10 不合理：须在送达日期 2023-03-06 之后至少 7 日",
     [["case", "serve", NO, "--on", "2023-03-03", "--method", "直接"]]),
    # 2. the waits before the 催告
    ("no 催告 before the order's own period ran", [URBAN, *ORDER],
     ["case", "remind", NO, "--served", "2023-03-10", "--until", "2023-03-20"],
     "送达日期：2023-03-10 拆除期限（2023-03-10）尚未届满，"
     "不能催告（行政强制法第三十五条、第四十四条）",
     [REMIND]),
    ("no 催告 while the lawsuit period runs", [URBAN, *ORDER],
     ["case", "remind", NO, "--served", "2023-08-10", "--until", "2023-08-21"],
     "送达日期：2023-08-10 申请行政复议或提起行政诉讼的期限（至 2023-08-10）尚未届满",
     [REMIND]),
    ("a pending lawsuit holds the 催告 until it is decided", [URBAN, *ORDER, LAWSUIT],
     REMIND,
     "送达日期：当事人申请的行政复议或提起的行政诉讼尚未审结，强制拆除程序中止（行政强制法第四十四条）",
     [["dispute", "update", "1", "--outcome", "驳回诉讼请求", "--outcome-on", "2023-08-01"],
      ["case", "remind", NO, "--served", "2023-08-17", "--until", "2023-08-28"]]),
    ("a judgment is in force only after its appeal period (15 days)",
     [URBAN, *ORDER, LAWSUIT,
      ["dispute", "update", "1", "--outcome", "驳回诉讼请求", "--outcome-on", "2023-08-01"]],
     ["case", "remind", NO, "--served", "2023-08-16", "--until", "2023-08-28"],
     "送达日期：2023-08-16 申请行政复议或提起行政诉讼的期限（至 2023-08-16）尚未届满",
     [["case", "remind", NO, "--served", "2023-08-17", "--until", "2023-08-28"]]),
    ("with a fine beside the order, the order's 催告 is asked for by name",
     [URBAN, ["case", "notice", NO, "--served", "2023-02-06", "--kinds", "罚款", "--amount", "200",
              "--demolition"], *ORDER[1:4],
      ["case", "decide", NO, "--on", "2023-02-09", "--kinds", "罚款", "--amount", "200",
       "--demolition", "--deadline", "2023-03-10"], ORDER[5],
      ["case", "pay", NO, "--on", "2023-02-20", "--amount", "200"]],
     REMIND, "缴款期限尚未届满或罚没款已缴清，不能催告（行政强制法第三十五条、第五十四条）",
     [[*REMIND, "--demolition"], STATED]),
    # 3. the 催告's statements
    ("statements before the decision", [URBAN, *ORDER, REMIND, AUTHORITY, *MAJOR], ENFORCE,
     "尚未记录当事人对催告的陈述申辩（行政强制法第三十六条）", [STATED, ENFORCE]),
    ("silence is recorded only once the 催告's period ran", [URBAN, *ORDER, REMIND],
     ["case", "remind-statement", NO, "--on", "2023-08-21", "--kind", "期满未陈述申辩"],
     "陈述申辩日期：2023-08-21 催告期限（2023-08-21）尚未届满，不能记录期满未陈述申辩",
     [["case", "remind-statement", NO, "--on", "2023-08-22", "--kind", "期满未陈述申辩"]]),
    ("no statements before the 催告", [URBAN, *ORDER], STATED,
     "尚未送达催告书（行政强制法第三十五条）", [REMIND, STATED]),
    # 4. the 强制拆除决定
    ("an urban structure needs the district's 责成 first", [URBAN, *ORDER, REMIND, STATED, *MAJOR],
     ENFORCE,
     "城镇规划区内的违法建设须先记录区人民政府的责成，才能作出强制拆除决定（城乡规划法第六十八条）",
     [AUTHORITY, ENFORCE]),
    ("a rural structure needs none: the town demolishes it",
     [RURAL, *ORDER, REMIND, STATED, *MAJOR], AUTHORITY,
     "乡、村庄规划区内的违法建设由乡镇人民政府自行拆除，无需区政府责成（城乡规划法第六十五条）",
     [ENFORCE]),
    ("not before the 催告's deadline", [URBAN, *ORDER, REMIND, STATED, AUTHORITY, *MAJOR[1:]],
     ["case", "enforce", NO, "--on", "2023-08-21"],
     "强制拆除决定日期：2023-08-21 催告期限（2023-08-21）尚未届满，"
     "不能作出强制拆除决定（行政强制法第三十七条）",
     [["@review", "2023-08-22"], ENFORCE]),
    ("a major decision: its own legal review after the 催告",
     [URBAN, *ORDER, REMIND, STATED, AUTHORITY, MAJOR[1]], ENFORCE,
     "强制拆除决定日期：强制拆除决定属重大执法决定：须在催告（2023-08-11）后经法制审核同意",
     [MAJOR[0], ENFORCE]),
    ("and its own collective discussion", [URBAN, *ORDER, REMIND, STATED, AUTHORITY, MAJOR[0]],
     ENFORCE, "强制拆除决定日期：强制拆除决定属重大执法决定：须在催告（2023-08-11）后经集体讨论",
     [MAJOR[1], ENFORCE]),
    # 5. the 公告
    ("no 公告 before the decision", [URBAN, *ORDER, REMIND, STATED, AUTHORITY, *MAJOR], ANNOUNCE,
     "尚未作出强制拆除决定（行政强制法第三十七条）", [ENFORCE, ANNOUNCE]),
    ("the 公告 gives its minimum period", TO_DECISION,
     ["case", "announce", NO, "--on", "2023-09-20", "--until", "2023-09-22"],
     "公告期限：公告期限 2023-09-22 须在公告日期 2023-09-20 之后至少 3 日（行政强制法第四十四条）",
     [["case", "announce", NO, "--on", "2023-09-20", "--until", "2023-09-23"]]),
    # 6. the carrying out
    ("not before the 公告", TO_DECISION, carry("2023-10-09"),
     "尚未公告限期自行拆除（行政强制法第四十四条）", [ANNOUNCE, carry("2023-10-09")]),
    ("not while the 公告's period runs", TO_ANNOUNCEMENT, carry("2023-09-25"),
     "实施日期：2023-09-25 公告期限（2023-09-25）尚未届满，"
     "不能实施强制拆除（行政强制法第四十四条）",
     [carry("2023-09-26")]),
    ("never on a statutory holiday (National Day)", TO_ANNOUNCEMENT, carry("2023-10-02"),
     "实施日期：2023-10-02 是法定节假日，不得实施强制拆除（行政强制法第四十三条）",
     [carry("2023-10-07")]),  # a make-up working Saturday: lawful, no warning
    ("nor on the Mid-Autumn Festival", TO_ANNOUNCEMENT, carry("2023-09-29"),
     "实施日期：2023-09-29 是法定节假日，不得实施强制拆除（行政强制法第四十三条）",
     [carry("2023-09-28")]),
    ("never at night: 05:59", TO_ANNOUNCEMENT, carry("2023-10-09", at="05:59"),
     "实施时间：05:59 属夜间（22:00至06:00），不得实施强制拆除（行政强制法第四十三条）",
     [carry("2023-10-09", at="06:00")]),
    ("never at night: 22:00", TO_ANNOUNCEMENT, carry("2023-10-09", at="22:00"),
     "实施时间：22:00 属夜间（22:00至06:00），不得实施强制拆除（行政强制法第四十三条）",
     [carry("2023-10-09", at="21:59")]),
    ("with two witnesses", TO_ANNOUNCEMENT, carry("2023-10-09", witnesses="居民孙七"),
     "见证人：实施强制拆除须制作现场笔录，并有至少 2 名见证人", [carry("2023-10-09")]),
    ("the same witness twice is one", TO_ANNOUNCEMENT,
     carry("2023-10-09", witnesses="居民孙七,居民孙七"),
     "见证人：实施强制拆除须制作现场笔录，并有至少 2 名见证人", [carry("2023-10-09")]),
    ("a lawsuit pending holds the carrying out", [*TO_ANNOUNCEMENT, LATE_LAWSUIT],
     carry("2023-10-09"),
     "实施日期：当事人申请的行政复议或提起的行政诉讼尚未审结，强制拆除程序中止",
     [["dispute", "update", "1", "--outcome", "驳回起诉", "--outcome-on", "2023-10-10"],
      carry("2023-10-11")]),
    # 自行拆除 ends the sequence
    ("the party's own removal ends the sequence", [URBAN, *ORDER, REMIND, ["case", "removed", NO,
     "--on", "2023-08-15"]], STATED, "当事人已于 2023-08-15 自行拆除，强制拆除程序已结束",
     [["case", "show", NO]]),
    ("nothing follows the carrying out", [*TO_ANNOUNCEMENT, carry("2023-10-09")],
     ["case", "removed", NO, "--on", "2023-10-10"],
     "已于 2023-10-09 实施强制拆除，程序已结束", [["case", "show", NO]]),
    ("no forced demolition without an order", [URBAN], ENFORCE,
     "案件 川执立〔2023〕7号 没有责令限期拆除决定，不能强制拆除（城乡规划法第六十八条）",
     [*ORDER, REMIND]),
]  # fmt: skip


@pytest.fixture
def book(backend: Path) -> Path:
    return book_with(backend, OFFICERS)  # a file, and a server database


def run(capsys: pytest.CaptureFixture[str], db: Path, argv: Sequence[str]) -> tuple[int, str]:
    code = run_step(db, argv)
    out, err = capsys.readouterr()
    return code, err or out


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_each_step_is_refused_out_of_order_then_the_lawful_path_passes(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Steps,
    refused: Sequence[str],
    message: str,
    lawful: Steps,
) -> None:
    walk(lambda db, argv: run(capsys, db, argv), book, setup, refused, message=message,
         lawful=lawful)  # fmt: skip


def test_the_whole_sequence_shows_every_clock_and_counts_once(
    book: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for argv in [*TO_ANNOUNCEMENT, carry("2023-10-14")]:
        code, said = run(capsys, book, argv)
        assert code == 0, (argv, said)
    assert "注意：实施日期是休息日（非法定节假日），请确认确有必要" in said  # Saturday 10-14
    code, out = run(capsys, book, ["case", "show", NO, "--json", "--as-of", "2023-10-20"])
    shown = json.loads(out)
    assert shown["deadlines"] == shown["deadlines"] | {
        "demolition_deadline": "2023-03-10",
        "demolition_remedies_until": "2023-08-10",
        "demolition_reminder_from": "2023-08-11",
        "demolition_reminder_until": "2023-08-21",
        "forced_decision_from": "2023-08-22",
        "demolition_announcement_until": "2023-09-25",
        "carry_out_from": "2023-09-26",
    }
    assert "强制拆除决定" in shown["major_reasons"]
    assert shown["forced_demolition"] == {
        "structure_area": "城镇规划区",
        "reminder": {"served_on": "2023-08-11", "until": "2023-08-21"},
        "statement": {"on": "2023-08-15", "kind": "已陈述申辩"},
        "authority": {"document": "浦府责拆〔2023〕5号", "on": "2023-08-18"},
        "decided_on": "2023-08-22",
        "announcement": {"on": "2023-09-20", "until": "2023-09-25"},
        "carried_out": {
            "on": "2023-10-14",
            "at": "09:00",
            "witnesses": ["村委会主任赵六", "居民孙七"],
        },
        "removed_on": None,
    }
    code, out = run(capsys, book, ["stats", "--year", "2023", "--json"])
    general = json.loads(out)["general"]
    assert (general["demolitions_forced"], general["demolitions_voluntary"]) == (1, 0)
    assert general["demolition_orders"] == 1
    pdf = tmp_path / "annual.pdf"
    assert run(capsys, book, ["report", "annual", "--year", "2023", "-o", str(pdf)])[0] == 0
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert (
        "责令限期拆除决定（件，不计入处罚）1违法建筑当事人自行拆除（件）0违法建筑强制拆除（件）1"
        in text
    )


def test_settings_move_the_night_and_the_minimum_period(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in TO_ANNOUNCEMENT:
        assert run(capsys, book, argv)[0] == 0, argv
    for name, value in (("night_start", "20:00"), ("night_end", "07:00")):
        code, said = run(capsys, book, ["settings", "set", name, value])
        assert code == 0, said
    before = database_digest(book)
    code, said = run(capsys, book, carry("2023-10-09", at="06:30"))
    assert code == 1
    assert "06:30 属夜间（20:00至07:00）" in said
    code, said = run(capsys, book, carry("2023-10-09", at="20:00"))
    assert (code, database_digest(book)) == (1, before)
    code, said = run(capsys, book, ["settings", "set", "night_end", "25:00"])
    assert code == 1
    assert database_digest(book) == before
    assert run(capsys, book, carry("2023-10-09", at="19:59"))[0] == 0


def test_the_installed_command_carries_it_out(tmp_path: Path) -> None:
    db = book_with(tmp_path / "cases.db", OFFICERS)
    command = Path(sys.executable).with_name("chuansha-enforce")
    for argv in TO_ANNOUNCEMENT:
        if argv[0] == "@review":
            assert run_step(db, argv) == 0
            continue
        done = subprocess.run([command, "--db", str(db), *argv], capture_output=True, text=True,
                              check=False)  # fmt: skip
        assert done.returncode == 0, (argv, done.stderr)
    before = database_digest(db)
    night = subprocess.run([command, "--db", str(db), *carry("2023-10-09", at="23:30")],
                           capture_output=True, text=True, check=False)  # fmt: skip
    assert night.returncode == 1
    assert "不得实施强制拆除（行政强制法第四十三条）" in night.stderr
    assert "Traceback" not in night.stderr
    assert database_digest(db) == before
    done = subprocess.run([command, "--db", str(db), *carry("2023-10-09")], capture_output=True,
                          text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    verified = subprocess.run([command, "--db", str(db), "verify"], capture_output=True,
                              text=True, check=False)  # fmt: skip
    assert verified.returncode == 0, verified.stdout + verified.stderr
