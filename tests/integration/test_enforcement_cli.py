"""After the decision (DOMAIN §14) on the command line: partial payment, instalments, the 催告,
the application to the court and its ruling; the refusals write nothing; the 延期（分期）缴纳决定书
read back from its .docx; ``payments.surcharge_fen`` against hand-written SQL.

Dates: served 2025-03-14, so payment was due 2025-03-29, a Saturday: 2025-03-31. The review and
lawsuit periods end 6 months after service, 2025-09-14, a Sunday: 2025-09-15, which is also the
first day the court may be asked (the 催告 of 2025-06-03 gave 10 working days by 06-18), and
the window closes 3 months later, 2025-12-15.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from chuansha_enforce.domain.after_decision.enforcement import case_flag
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest
from tests.integration.test_case_gates_cli import refused_after, run
from tests.ledger_files import ledger

D = dt.date
NO = "川执立〔2025〕88号"
FILE = ["case", "file", "--filed", "2025-03-03", "--party", "上海某餐饮有限公司",
        "--party-type", "法人", "--cause", "油烟直排案", "--officers", "孙强,钱芳",
        "--violation", "油烟未经处理直接排放", "--basis", "《上海市大气污染防治条例》",
        "--discovered", "2025-03-01", "--no", NO]  # fmt: skip
DECIDED = [
    FILE,
    ["case", "notice", NO, "--served", "2025-03-10", "--kinds", "罚款", "--amount", "3000"],
    ["case", "statement", NO, "--on", "2025-03-11", "--kind", "已陈述申辩"],
    ["case", "decide", NO, "--on", "2025-03-13", "--kinds", "罚款", "--amount", "3000"],
    ["case", "serve", NO, "--on", "2025-03-14", "--method", "直接"],
    ["case", "pay", NO, "--on", "2025-03-20", "--amount", "1000"],
]
PLAN = ["case", "instalments", NO, "--approved-on", "2025-03-25",
        "--plan", "2025-04-30:1000,2025-05-30:1000"]  # fmt: skip
FIRST_PAID = ["case", "pay", NO, "--on", "2025-04-30", "--amount", "1000"]
REMIND = ["case", "remind", NO, "--served", "2025-06-03", "--until", "2025-06-13"]
APPLY = ["case", "court-apply", NO, "--on", "2025-09-15"]
RULING = ["case", "court-ruling", NO, "--on", "2025-10-20", "--result", "准予强制执行"]
EXE = Path(sys.executable).with_name("chuansha-enforce")


def _officers(tmp_path: Path) -> Path:
    officers: list[dict[str, object]] = [
        {"姓名": "孙强", "执法证号": "31150101", "发证日期": D(2020, 1, 1)},
        {"姓名": "钱芳", "执法证号": "31150102", "发证日期": D(2021, 6, 1)},
    ]
    return ledger(tmp_path / "officers.xlsx", officers, cases=[], simple=[])


def test_a_case_through_instalments_reminder_and_court_as_a_user_runs_it(tmp_path: Path) -> None:
    """The installed command in its own process on a fresh file (every date is past, and the
    figures are read ``--as-of`` a fixed day, so the real date does not matter)."""
    db = str(tmp_path / "cases.db")

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(EXE), "--db", db, *argv], capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip

    assert cli("import", str(_officers(tmp_path))).returncode == 0
    for argv in (*DECIDED, PLAN, FIRST_PAID):
        done = cli(*argv)
        assert done.returncode == 0, (argv, done.stderr)
    early = cli("case", "remind", NO, "--served", "2025-05-30", "--until", "2025-06-09")
    assert early.returncode == 1
    assert early.stderr == (
        "送达日期：缴款期限尚未届满或罚没款已缴清，不能催告（行政强制法第三十五条、第五十四条）\n"
    )
    assert cli(*REMIND).returncode == 0
    too_early = cli("case", "court-apply", NO, "--on", "2025-09-12")
    assert too_early.returncode == 1
    assert too_early.stderr == (
        "申请强制执行日期：2025-09-12还不能申请法院强制执行：最早2025-09-15（催告书送达十个工作日后，"
        "且复议、诉讼期限届满；行政强制法第五十三条、第五十四条）\n"
    )
    for argv in (APPLY, RULING):
        done = cli(*argv)
        assert done.returncode == 0, (argv, done.stderr)
    shown = json.loads(cli("case", "show", NO, "--json", "--as-of", "2025-06-20").stdout)
    assert shown["instalments"] == {
        "approved_on": "2025-03-25",
        "items": [
            {"due_on": "2025-04-30", "amount_fen": 100_000, "paid_on": "2025-04-30",
             "days_late": 0, "surcharge_fen": 0},
            # 21 days late on 06-20: 3 % of 1,000 元 a day
            {"due_on": "2025-05-30", "amount_fen": 100_000, "paid_on": None,
             "days_late": 21, "surcharge_fen": 63_000},
        ],
    }  # fmt: skip
    assert (shown["surcharge_fen"], shown["amount_due_fen"]) == (63_000, 163_000)
    assert shown["reminder"] == {"served_on": "2025-06-03", "until": "2025-06-13"}
    assert shown["court"] == {"applied_on": "2025-09-15", "ruling_on": "2025-10-20",
                              "ruling": "准予强制执行"}  # fmt: skip
    assert {k: shown["deadlines"][k] for k in (
        "payment_due", "reminder_due", "court_application_from", "court_application_by")} == {
        "payment_due": "2025-05-30",  # the instalment owed
        "reminder_due": "2025-05-31",
        "court_application_from": "2025-09-15",
        "court_application_by": "2025-12-15",
    }  # fmt: skip
    assert shown["deadline_states"]["court_application_by"] == "pending"  # applied later
    later = json.loads(cli("case", "show", NO, "--json", "--as-of", "2025-12-16").stdout)
    assert later["deadline_states"]["court_application_by"] == "met"
    # the court enforces: the rest and the surcharge are paid
    paid = cli("case", "pay", NO, "--on", "2025-11-03", "--amount", "1000", "--surcharge", "300")
    assert paid.returncode == 0, paid.stderr
    stats = json.loads(cli("stats", "--year", "2025", "--json").stdout)
    conn = sqlite3.connect(db)
    (by_hand,) = conn.execute(
        "SELECT sum(p.surcharge_fen) FROM payments p JOIN general_cases c ON c.id = p.case_id"
        " WHERE c.deleted_at IS NULL AND p.paid_on BETWEEN '2025-01-01' AND '2025-12-31'"
    ).fetchone()
    actions = [r[0] for r in conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY id", [NO])]  # fmt: skip
    conn.close()
    assert stats["payments"]["surcharge_fen"] == by_hand == 30_000
    assert actions[-6:] == ["case.instalments", "case.payment", "case.reminder",
                            "case.court_apply", "case.court_ruling", "case.payment"]  # fmt: skip
    made = cli("doc", "make", NO, "延期（分期）缴纳决定书", "-o", str(tmp_path / "deferral.docx"))
    assert made.returncode == 0, made.stderr
    text = [p.text for p in docx.Document(str(tmp_path / "deferral.docx")).paragraphs]
    assert "延期（分期）缴纳决定书" in text
    assert "第1期：2025年4月30日前缴纳人民币1,000.00元（大写：壹仟元整）；" in text
    assert "第2期：2025年5月30日前缴纳人民币1,000.00元（大写：壹仟元整）；" in text
    assert any("尚有人民币2,000.00元（大写：贰仟元整）未缴纳" in t for t in text)
    assert any("第六十六条第二款" in t and "分期缴纳" in t for t in text)
    assert "2025年3月25日" in text


@pytest.fixture
def book(backend: Path) -> Path:
    path = backend  # a file, and a server database
    with build_services(path, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("孙强", "31150101", D(2020, 1, 1)))
        services.officers.register(OfficerRecord("钱芳", "31150102", D(2021, 6, 1)))
    return path


REFUSALS: list[tuple[str, Sequence[Sequence[str]], Sequence[str], str]] = [
    ("a plan item without its amount", DECIDED,
     ["case", "instalments", NO, "--approved-on", "2025-03-25", "--plan", "2025-04-30"],
     "分期计划：第1期“2025-04-30”应写作 缴款期限:金额（元），如 2026-12-01:500"),
    ("a plan date that is no date", DECIDED,
     ["case", "instalments", NO, "--approved-on", "2025-03-25", "--plan", "2025-4-30:2000"],
     "分期计划：“2025-4-30”不是有效的日期"),
    ("a plan that does not add up", DECIDED,
     ["case", "instalments", NO, "--approved-on", "2025-03-25", "--plan", "2025-04-30:1000"],
     "分期计划：各期金额合计1,000.00元，应等于尚欠的罚没款2,000.00元"),
    ("instalments out of order", DECIDED,
     ["case", "instalments", NO, "--approved-on", "2025-03-25",
      "--plan", "2025-05-30:1000,2025-04-30:1000"],
     "分期计划：第2期的缴款期限（2025-04-30）须晚于2025-05-30（批准日期或上一期的期限）"),
    # the payment period ends 2025-03-31 (03-29 a Saturday): approved by then
    ("a plan approved after the payment period", DECIDED,
     ["case", "instalments", NO, "--approved-on", "2025-04-01", "--plan", "2025-04-30:2000"],
     "批准日期：延期（分期）缴纳须在缴款期限（2025-03-31）届满前批准（行政处罚法第六十六条）"),
    ("a second plan", [*DECIDED, PLAN], PLAN, "批准日期：本案已于2025-03-25批准延期（分期）缴纳"),
    ("a reminder before a missed due date", [*DECIDED, PLAN, FIRST_PAID],
     ["case", "remind", NO, "--served", "2025-05-30", "--until", "2025-06-09"],
     "缴款期限尚未届满或罚没款已缴清"),
    ("a reminder giving no time", [*DECIDED, PLAN, FIRST_PAID],
     ["case", "remind", NO, "--served", "2025-06-03", "--until", "2025-06-03"],
     "催告履行期限：催告履行期限（2025-06-03）须晚于催告书送达日期（2025-06-03）"),
    ("an application without a reminder", [*DECIDED, PLAN, FIRST_PAID], APPLY,
     "申请强制执行日期：申请法院强制执行前须先送达催告书（行政强制法第五十四条）"),
    ("an application a day early", [*DECIDED, PLAN, FIRST_PAID, REMIND],
     ["case", "court-apply", NO, "--on", "2025-09-14"], "最早2025-09-15"),
    ("a ruling without an application", [*DECIDED, PLAN, FIRST_PAID, REMIND], RULING,
     "法院裁定日期：尚未申请法院强制执行，不能记录法院裁定"),
    ("a ruling without its result", [*DECIDED, PLAN, FIRST_PAID, REMIND, APPLY],
     ["case", "court-ruling", NO, "--on", "2025-10-20", "--result", " "],
     "法院裁定结果：必须填写"),
]  # fmt: skip


@pytest.mark.parametrize(("setup", "refused", "message"), [r[1:] for r in REFUSALS],
                         ids=[r[0] for r in REFUSALS])  # fmt: skip
def test_refusals_name_their_field_and_write_nothing(
    book: Path,
    capsys: pytest.CaptureFixture[str],
    setup: Sequence[Sequence[str]],
    refused: Sequence[str],
    message: str,
) -> None:
    refused_after(capsys, book, setup, refused, message)


def test_the_open_steps_follow_the_case(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in DECIDED:
        assert run(capsys, book, argv)[0] == 0
    steps = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])["steps"]
    assert (steps["instalments"], steps["remind"]) == (None, None)
    assert steps["court_apply"] == "申请法院强制执行前须先送达催告书（行政强制法第五十四条）"
    assert steps["court_ruling"] == "尚未申请法院强制执行，不能记录法院裁定"
    for argv in (PLAN, FIRST_PAID, REMIND, APPLY):
        assert run(capsys, book, argv)[0] == 0
    steps = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])["steps"]
    assert steps["instalments"] == "本案已于2025-03-25批准延期（分期）缴纳，不能再次批准"
    assert steps["remind"] == "本案已于2025-06-03送达催告书"
    assert steps["court_apply"] == "本案已于2025-09-15申请法院强制执行"
    assert steps["court_ruling"] is None


def test_case_show_names_the_new_clocks_and_each_instalment(
    book: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in (*DECIDED, PLAN, FIRST_PAID, REMIND):
        assert run(capsys, book, argv)[0] == 0
    code, out = run(capsys, book, ["--lang", "en", "case", "show", NO, "--as-of", "2025-06-20"])
    assert code == 0
    assert "  payment reminder due: 2025-05-31 (met)" in out
    assert "  court application possible from: 2025-09-15 (pending)" in out
    assert "  court application due: 2025-12-15 (pending)" in out
    assert (
        "  instalment 1: 1,000.00 yuan due 2025-04-30, paid in full on 2025-04-30, "
        "surcharge 0.00 yuan" in out
    )
    code, out = run(capsys, book, ["case", "show", NO, "--as-of", "2025-06-20"])
    assert code == 0
    lines = out.splitlines()
    first = lines.index("  第1期：2025-04-30 应缴 1,000.00 元，2025-04-30缴清，加处罚款 0.00 元")
    assert lines[first - 3 : first + 3] == [
        "  催告：2025-05-31（按期完成）",
        "  可申请法院强制执行之日：2025-09-15（未到期）",
        "  申请法院强制执行期限：2025-12-15（未到期）",
        "  第1期：2025-04-30 应缴 1,000.00 元，2025-04-30缴清，加处罚款 0.00 元",
        "  第2期：2025-05-30 应缴 1,000.00 元，未缴清，加处罚款 630.00 元",  # 21 days
        "  可办理：缴款、复议或诉讼期间、申请法院强制执行、结案、公示",
    ]


def test_the_deferral_decision_waits_for_the_approval(
    book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv in DECIDED:
        assert run(capsys, book, argv)[0] == 0
    out = tmp_path / "deferral.docx"
    before = database_digest(book)
    code, err = run(capsys, book, ["doc", "make", NO, "延期（分期）缴纳决定书", "-o", str(out)])
    assert code == 1
    assert err == f"文书种类：{NO} 还不能制作延期（分期）缴纳决定书：尚缺 延期（分期）缴纳批准\n"
    assert not out.exists()
    assert database_digest(book) == before
    assert run(capsys, book, ["case", "instalments", NO, "--approved-on", "2025-03-31",
                              "--plan", "2025-06-30:2000"])[0] == 0  # fmt: skip
    assert run(capsys, book, ["doc", "make", NO, "延期（分期）缴纳决定书", "-o", str(out)])[0] == 0
    text = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "缴款期限：2025年6月30日前缴纳人民币2,000.00元（大写：贰仟元整）；" in text
    assert any("本机关决定同意你（单位）延期缴纳" in t for t in text)


@pytest.mark.parametrize(
    ("as_of", "flag"),
    [
        (D(2025, 6, 2), ClockState.OVERDUE),  # the instalment missed, no 催告 yet
        (D(2025, 6, 3), None),  # the 催告 served: the court's window takes over
        (D(2025, 12, 9), None),  # 4 working days before the window closes on 12-15
        (D(2025, 12, 10), ClockState.DUE_SOON),  # closing
        (D(2025, 12, 15), ClockState.DUE_SOON),
        (D(2025, 12, 16), ClockState.OVERDUE),  # closed without an application
    ],
)
def test_the_case_list_colours_the_court_window(
    book: Path, capsys: pytest.CaptureFixture[str], as_of: D, flag: ClockState | None
) -> None:
    for argv in (*DECIDED, PLAN, FIRST_PAID, REMIND):
        assert run(capsys, book, argv)[0] == 0
    with build_services(book, FixedClock(NOW)) as services:
        (row,) = services.cases.list_page().rows
        calendar = services.calendar.work_calendar()
        due_soon = services.case_files.clock_rules().due_soon_working_days
        assert case_flag(row.duties, as_of, calendar, due_soon) is flag
        overdue = [v.case.case_no for v in services.case_files.overdue(as_of)]
        assert overdue == ([NO] if flag is ClockState.OVERDUE else [])
        services.case_files.apply_to_court(NO, D(2025, 9, 15))
        (row,) = services.cases.list_page().rows
        assert case_flag(row.duties, as_of, calendar, due_soon) is (
            ClockState.OVERDUE if as_of < D(2025, 6, 3) else None)  # fmt: skip
