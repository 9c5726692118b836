"""The gates before a decision (DOMAIN §12), driven through ``case <step>`` on the command line.

Each row walks a fresh case to the refused step: exit 1, the refusal naming its article, the
file byte for byte as it was; then the lawful path to exit 0. Dates sit around National Day
2023, when 2023-10-07 and 2023-10-08 (a weekend) were make-up working days, so a naive
Monday-to-Friday count would give other answers than the ones written here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from chuansha_enforce.domain.records import OfficerRecord
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.gate_walk import Steps, book_with, walk
from tests.ledger_files import ledger

D = dt.date
NO = "川执立〔2023〕1号"
OFFICERS = (
    OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
    OfficerRecord("李明", "31150002", D(2019, 5, 10)),
    OfficerRecord("陈静", "31150003", D(2020, 1, 6), D(2023, 10, 12)),  # valid through 10-12
    OfficerRecord("周敏", "31150004", D(2019, 1, 1)),
    OfficerRecord("李明", "31150010", D(2020, 2, 2)),  # another person of the same name
)
BASIS = "《上海市市容环境卫生管理条例》第二十四条"


def file_case(*changes: str, officers: str = "王建国,李明(31150002)") -> list[str]:
    argv = ["case", "file", "--filed", "2023-09-01", "--party", "张三", "--party-type", "自然人",
            "--cause", "张三占道设摊案", "--officers", officers, "--violation", "占道设摊",
            "--basis", BASIS, "--discovered", "2023-08-30", "--no", NO]  # fmt: skip
    for option, value in zip(changes[::2], changes[1::2], strict=True):
        if option in argv:
            argv[argv.index(option) + 1] = value
        else:
            argv += [option, value]
    return argv


FILE = file_case()
NOTICE = ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "罚款", "--amount", "200"]
# A 3,000 元 fine has a hearing right once the setting is 3,000 元 (the default is 5,000),
# and is not major (5,000 元): the hearing gates alone are at work.
HEARING_AT_3000 = ["settings", "set", "hearing_individual_fen", "300000"]
NOTICE_3000 = ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "罚款",
               "--amount", "3000", "--hearing-right"]  # fmt: skip
STATED = ["case", "statement", NO, "--on", "2023-09-28", "--kind", "已陈述申辩"]
LEADERS = "镇长,分管副镇长,执法队长"


def decide(on: str, *extra: str, amount: str = "200") -> list[str]:
    return ["case", "decide", NO, "--on", on, "--kinds", "罚款", "--amount", amount, *extra]


def hearing_held(held: str, presiding: str = "周敏", served: str = "2023-09-28") -> list[str]:
    return ["case", "hearing", NO, "--notice-served", served, "--held", held,
            "--presiding", presiding]  # fmt: skip


ROWS: list[tuple[str, Steps, Sequence[str], str, Steps]] = [
    # (name, setup, refused step, the refusal, the lawful path)
    ("no decision without the notice", [FILE], decide("2023-10-09"),
     "决定日期：未告知当事人拟作出的处罚，不得作出处罚决定（行政处罚法第六十二条）",
     [NOTICE, decide("2023-10-09")]),
    ("the notice states the amount", [FILE], NOTICE[:-2],
     "金额：拟处罚种类含罚款时须写明拟罚款金额，不含罚款时不填金额（行政处罚法第四十四条）",
     [NOTICE]),
    ("the notice states the facts", [file_case("--violation", " ")], NOTICE,
     "违法事实：必须填写", [[*NOTICE, "--facts", "占道设摊，经劝阻不改"]]),
    ("statement period: 3 working days run to 10-08 over National Day", [FILE, NOTICE],
     decide("2023-10-08"),
     "决定日期：陈述申辩期限至2023-10-08，期满或当事人陈述申辩、书面放弃后才能作出决定"
     "（行政处罚法第四十四条、第六十二条）",
     [decide("2023-10-09")]),
    ("statement period setting 5 working days", [["settings", "set", "statement_working_days",
                                                  "5"], FILE, NOTICE],
     decide("2023-10-10"), "陈述申辩期限至2023-10-10", [decide("2023-10-11")]),
    ("a written waiver ends the statement period", [FILE, NOTICE], decide("2023-09-28"),
     "陈述申辩期限至2023-10-08",
     [["case", "statement", NO, "--on", "2023-09-28", "--kind", "书面放弃"],
      decide("2023-09-28")]),
    ("never a larger fine than noticed", [FILE, NOTICE, STATED],
     decide("2023-09-29", amount="200.01"),
     "处罚种类：决定重于告知的拟处罚；不得因当事人陈述申辩而加重处罚，有新的事实须重新告知"
     "（行政处罚法第四十五条、第六十二条）",
     [decide("2023-09-29", amount="150")]),
    ("never a kind the notice did not propose", [FILE, NOTICE, STATED],
     ["case", "decide", NO, "--on", "2023-09-29", "--kinds", "罚款,没收违法所得",
      "--amount", "200", "--confiscation", "50"], "行政处罚法第四十五条",
     [["case", "decide", NO, "--on", "2023-09-29", "--kinds", "警告"]]),
    ("hearing right at the 5,000 元 limit", [FILE],
     [*NOTICE[:-1], "5000"],
     "听证：拟作出的处罚（罚款5,000.00元（5,000.00元以上））当事人有权要求听证，"
     "告知时须告知听证权利（行政处罚法第六十三条）",
     [[*NOTICE[:-1], "4999.99"]]),
    ("hearing right with the limit set to 3,000 元", [HEARING_AT_3000, FILE], NOTICE_3000[:-1],
     "罚款3,000.00元（3,000.00元以上）", [NOTICE_3000]),
    ("hearing right of 降低资质等级 (APL 63, not a major-case kind)", [FILE],
     ["case", "notice", NO, "--served", "2023-09-27", "--kinds", "降低资质等级"],
     "拟作出的处罚（降低资质等级）当事人有权要求听证",
     [["case", "notice", NO, "--served", "2023-09-27", "--kinds", "降低资质等级",
       "--hearing-right"]]),
    ("hearing request period: 5 working days run to 10-10",
     [HEARING_AT_3000, FILE, NOTICE_3000, STATED], decide("2023-10-10", amount="3000"),
     "决定日期：听证申请期限至2023-10-10，期满或当事人书面放弃听证后才能作出决定"
     "（行政处罚法第六十四条）",
     [decide("2023-10-11", amount="3000")]),
    ("a written hearing waiver", [HEARING_AT_3000, FILE, NOTICE_3000, STATED],
     decide("2023-09-28", amount="3000"), "听证申请期限至2023-10-10",
     [["case", "hearing", NO, "--waived", "2023-09-28"], decide("2023-09-28", amount="3000")]),
    ("a request after its period", [HEARING_AT_3000, FILE, NOTICE_3000],
     ["case", "hearing", NO, "--requested", "2023-10-11"],
     "听证申请日期：听证申请日期2023-10-11已过申请期限（至2023-10-10，行政处罚法第六十四条）",
     [["case", "hearing", NO, "--requested", "2023-10-10"]]),
    ("no decision while a requested hearing is pending",
     [HEARING_AT_3000, FILE, NOTICE_3000, STATED, ["case", "hearing", NO, "--requested",
                                                   "2023-09-28"]],
     decide("2023-10-11", amount="3000"),
     "决定日期：当事人已申请听证，听证举行后才能作出决定（行政处罚法第六十三条、第六十四条）",
     # the party withdraws the request in writing (a held hearing would make the case major)
     [["case", "hearing", NO, "--waived", "2023-10-11"], decide("2023-10-11", amount="3000")]),
    ("hearing notice 7 working days before", [HEARING_AT_3000, FILE, NOTICE_3000,
     ["case", "hearing", NO, "--requested", "2023-09-28"]], hearing_held("2023-10-12"),
     "听证通知日期：听证通知须在举行7个工作日前送达，举行日期最早为2023-10-13（行政处罚法第六十四条）",
     [hearing_held("2023-10-13")]),
    ("the presiding officer is not an investigator, by registry identity",
     [HEARING_AT_3000, FILE, NOTICE_3000, ["case", "hearing", NO, "--requested", "2023-09-28"]],
     hearing_held("2023-10-13", "李明(31150002)"),
     "听证主持人：李明是本案承办人，不能主持听证",
     [hearing_held("2023-10-13", "李明(31150010)")]),  # the other 李明 may preside
    ("a shared name is not an identity",
     [HEARING_AT_3000, FILE, NOTICE_3000, ["case", "hearing", NO, "--requested", "2023-09-28"]],
     hearing_held("2023-10-13", "李明"),
     "听证主持人：有多名执法人员名为李明，请写成“姓名(执法证号)”",
     [hearing_held("2023-10-13", "周敏")]),
    ("a complex case is discussed before the decision",
     [FILE, ["case", "complex", NO, "--reason", "涉及多个部门"], NOTICE, STATED],
     decide("2023-09-29"),
     "决定日期：复杂案件：涉及多个部门：作出决定前须经集体讨论（行政处罚法第五十七条第二款）",
     [["case", "discuss", NO, "--on", "2023-09-29", "--participants", LEADERS,
       "--conclusion", "同意罚款二百元"], decide("2023-09-29")]),
    ("three leaders at a collective discussion", [FILE],
     ["case", "discuss", NO, "--on", "2023-09-29", "--participants", "镇长，执法队长",
      "--conclusion", "同意"],
     "参加人员：集体讨论至少须有3名负责人参加（行政处罚法第五十七条第二款）",
     [["case", "discuss", NO, "--on", "2023-09-29", "--participants", LEADERS,
       "--conclusion", "同意"]]),
    ("the first extension at most 30 days", [FILE],
     ["case", "extend", NO, "--on", "2023-11-20", "--days", "31", "--approved-by", "镇长",
      "--reason", "需鉴定"],
     "延长天数：首次延长办案期限最多30日（行政处罚法第六十条）",
     [["case", "extend", NO, "--on", "2023-11-20", "--days", "30", "--approved-by", "镇长",
       "--reason", "需鉴定"]]),
    ("a further extension after a collective discussion",
     [FILE, ["case", "extend", NO, "--on", "2023-11-20", "--days", "30", "--approved-by", "镇长",
             "--reason", "需鉴定"]],
     ["case", "extend", NO, "--on", "2023-12-01", "--days", "15", "--approved-by", "镇长",
      "--reason", "鉴定未完成"],
     "批准日期：再次延长办案期限须经集体讨论（2023-11-20之后尚无讨论记录，行政处罚法第六十条）",
     [["case", "discuss", NO, "--on", "2023-11-28", "--participants", LEADERS,
       "--conclusion", "同意再次延长"],
      ["case", "extend", NO, "--on", "2023-12-01", "--days", "15", "--approved-by", "镇长",
       "--reason", "鉴定未完成"]]),
    ("a certificate is valid through its expiry date, on filing", [],
     file_case("--filed", "2023-10-13", "--discovered", "2023-10-01",
               officers="王建国,陈静"),
     "承办人：陈静（执法证号31150003）在2023-10-13没有有效的执法证",
     [file_case("--filed", "2023-10-12", "--discovered", "2023-10-01", officers="王建国,陈静")]),
    ("and on the decision date; 变更承办人 is a step",
     [file_case(officers="王建国,陈静"), NOTICE, STATED], decide("2023-10-13"),
     "承办人：陈静（执法证号31150003）在2023-10-13没有有效的执法证",
     [["case", "officers", NO, "--on", "2023-10-12", "--officers", "王建国,周敏",
       "--reason", "陈静执法证到期"], decide("2023-10-13")]),
    ("limitation: 2 years from the act to its discovery", [],
     file_case("--violation-date", "2021-08-29"),
     "违法行为（2021-08-29）在2年内未被发现，不再给予行政处罚（行政处罚法第三十六条）",
     [file_case("--violation-date", "2021-08-30")]),
    ("a continuing act has not begun its period", [],
     file_case("--violation-date", "2021-08-29"), "行政处罚法第三十六条",
     [[*file_case("--violation-date", "2021-08-29"), "--continuing"]]),
    ("the 5-year case states its reason", [],
     file_case("--violation-date", "2018-08-29", "--five-year-reason", "燃气泄漏致人受伤"),
     "违法行为（2018-08-29）在5年内未被发现",
     [file_case("--violation-date", "2018-08-30", "--five-year-reason", "燃气泄漏致人受伤")]),
]  # fmt: skip


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return book_with(tmp_path / "cases.db", OFFICERS)


@pytest.fixture
def walked_book(backend: Path) -> Path:
    """The walks run on both backends: a file, and a server database (tests/server_backend)."""
    return book_with(backend, OFFICERS)


def run(capsys: pytest.CaptureFixture[str], db: Path, argv: Sequence[str]) -> tuple[int, str]:
    code = main(["--db", str(db), *argv])
    out, err = capsys.readouterr()
    return code, err or out


def refused_after(
    capsys: pytest.CaptureFixture[str],
    book: Path,
    setup: Steps,
    refused: Sequence[str],
    message: str,
) -> None:
    """``setup`` passes step by step; then ``refused`` exits 1 with ``message`` and the file
    stays byte for byte as it was."""
    for argv in setup:
        code, text = run(capsys, book, argv)
        assert code == 0, (argv, text)
    before = database_digest(book)
    code, err = run(capsys, book, refused)
    assert code == 1
    assert message in err
    assert "Traceback" not in err
    assert database_digest(book) == before


@pytest.mark.parametrize(("setup", "refused", "message", "lawful"),
                         [row[1:] for row in ROWS], ids=[row[0] for row in ROWS])  # fmt: skip
def test_each_gate_refuses_then_the_lawful_path_passes(
    walked_book: Path,
    capsys: pytest.CaptureFixture[str],
    *,
    setup: Steps,
    refused: Sequence[str],
    message: str,
    lawful: Steps,
) -> None:
    walk(
        lambda db, argv: run(capsys, db, argv),
        walked_book,
        setup,
        refused,
        message=message,
        lawful=lawful,
    )


def test_settings_rows_print_their_value(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, book, HEARING_AT_3000)
    assert code == 0
    assert out == "hearing_individual_fen\t300000\t听证：对个人较大数额罚款（分）\n"


def test_each_step_is_one_audited_write(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (FILE, NOTICE, STATED, decide("2023-09-29"),
                 ["case", "serve", NO, "--on", "2023-10-09", "--method", "直接"],
                 ["case", "pay", NO, "--on", "2023-10-16", "--amount", "200"],
                 ["case", "close", NO, "--on", "2023-10-20"]):  # fmt: skip
        assert run(capsys, book, argv)[0] == 0, argv
    conn = sqlite3.connect(book)
    actions = [r[0] for r in conn.execute(
        "SELECT action FROM audit_log WHERE object_id = ? ORDER BY id", [NO])]  # fmt: skip
    conn.close()
    assert actions == ["case.file", "case.notice", "case.statement", "case.decide", "case.serve",
                       "case.payment", "case.close"]  # fmt: skip
    assert run(capsys, book, ["case", "close", NO, "--on", "2023-10-21"])[1] == (
        "结案日期：案件已于2023-10-20结案\n"
    )
    shown = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])
    assert (shown["status"], shown["major"]) == ("已结案", False)
    assert set(shown["steps"].values()) == {
        None,  # 公示: publication does not wait for the closing
        "该决定尚未公示，无需撤回（先记录公示日期）",
        "案件已于2023-10-20结案",
        "决定书已于2023-10-09送达",
        f"案件{NO}已作出决定，不能再记录此步骤",
        "只有依行政处罚法第三十三条不予处罚（轻微违法及时改正、首违不罚、无主观过错）的案件"
        "记录教育；本案为：处罚",
        "尚未申请法院强制执行，不能记录法院裁定",  # a ruling may come after the closing
        f"案件 {NO} 没有责令限期拆除决定，不能强制拆除（城乡规划法第六十八条）",
    }


def test_case_show_lists_the_open_steps(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, book, FILE)[0] == 0
    shown = json.loads(run(capsys, book, ["case", "show", NO, "--json"])[1])
    assert shown["steps"]["statement"] == "尚未告知，不能记录陈述申辩（行政处罚法第四十四条）"
    assert shown["steps"]["notice"] is None
    code, text = run(capsys, book, ["case", "show", NO])
    assert code == 0
    assert (
        "  可办理：登记证据、告知、法制审核、集体讨论、标记复杂案件、延长办案期限、"
        "不计入办案期限的期间、变更承办人、作出决定\n" in text
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["case", "decide", NO, "--on", "2023-10-09", "--outcome", "撤回"],
         "决定结果：“撤回”不是可选的值（可选：处罚、不予处罚、撤销立案、移送司法机关、移送其他部门、"
             "仅责令限期拆除）"),
        (["case", "serve", NO, "--on", "2023-10-09", "--method", "传真"],
         "送达方式：“传真”不是可选的值（可选：直接送达、当场交付、邮寄送达、电子送达、留置送达、公告送达、委托送达）"),
        (["case", "statement", NO, "--on", "2023-09-28", "--kind", "口头"],
         "陈述申辩情况：“口头”不是可选的值（可选：已陈述申辩、书面放弃）"),
        (["case", "notice", NO, "--served", "2023-9-27", "--kinds", "罚款", "--amount", "200"],
         "告知日期：“2023-9-27”不是有效的日期"),
        (["case", "officers", NO, "--on", "2023-09-20", "--officers", "王建国,赵六",
          "--reason", "调岗"], "承办人：执法人员名册中没有赵六"),
    ],
)  # fmt: skip
def test_bad_input_names_its_field(
    walked_book: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert run(capsys, walked_book, FILE)[0] == 0
    before = database_digest(walked_book)
    assert run(capsys, walked_book, argv) == (1, message + "\n")
    assert database_digest(walked_book) == before


def test_a_refused_case_report_writes_nothing(
    walked_book: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the CLI fuzz once the case steps could write: the full-data copy was logged
    before the output name was checked, so the refusal left an audit record behind."""
    assert run(capsys, walked_book, FILE)[0] == 0
    before = database_digest(walked_book)
    code, err = run(capsys, walked_book, ["report", "case", NO, "-o", str(tmp_path / "notes.txt")])
    assert code == 1
    assert err == f"文件：文件名应以 .pdf 结尾：{tmp_path / 'notes.txt'}\n"
    assert database_digest(walked_book) == before


EXE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "chuansha-enforce"


def test_a_case_family_as_a_user_runs_it(tmp_path: Path) -> None:
    """The installed command in its own process on a fresh file (its dates are all past,
    so the real date does not matter)."""
    db = str(tmp_path / "family.db")

    def cli(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(EXE), "--db", db, *argv], capture_output=True, text=True,
                              timeout=120, check=False)  # fmt: skip

    assert cli("import", str(_officer_ledger(tmp_path))).returncode == 0
    no = "川执立〔2025〕88号"
    filed = cli("case", "file", "--filed", "2025-03-03", "--party", "上海某餐饮有限公司",
                "--party-type", "法人", "--cause", "油烟直排案", "--officers", "孙强,钱芳",
                "--violation", "油烟未经处理直接排放", "--basis", "《上海市大气污染防治条例》",
                "--discovered", "2025-03-01", "--no", no)  # fmt: skip
    assert (filed.returncode, filed.stdout) == (0, no + "\n"), filed.stderr
    notice = cli("case", "notice", no, "--served", "2025-03-10", "--kinds", "罚款",
                 "--amount", "5000")  # fmt: skip
    assert notice.returncode == 0, notice.stderr
    early = cli("case", "decide", no, "--on", "2025-03-13", "--kinds", "罚款", "--amount", "5000")
    assert early.returncode == 1
    assert early.stderr == (
        "决定日期：陈述申辩期限至2025-03-13，期满或当事人陈述申辩、书面放弃后才能作出决定"
        "（行政处罚法第四十四条、第六十二条）\n"
    )
    for argv in (
        (
            "case",
            "decision-pause",
            no,
            "--kind",
            "鉴定",
            "--from",
            "2025-03-04",
            "--until",
            "2025-03-05",
            "--reason",
            "油烟检测",
        ),
        ("case", "statement", no, "--on", "2025-03-11", "--kind", "已陈述申辩"),
        ("case", "decide", no, "--on", "2025-03-13", "--kinds", "罚款", "--amount", "5000"),
        ("case", "serve", no, "--on", "2025-03-14", "--method", "直接"),
        ("case", "pay", no, "--on", "2025-03-20", "--amount", "5000"),
        ("case", "close", no, "--on", "2025-03-25"),
    ):
        done = cli(*argv)
        assert done.returncode == 0, (argv, done.stderr)
    shown = json.loads(cli("case", "show", no, "--json").stdout)
    assert (shown["status"], shown["decision"]["fine_fen"]) == ("已结案", 500_000)


def _officer_ledger(tmp_path: Path) -> Path:
    """A ledger with only officers: how a fresh file gets its registry."""
    officers: list[dict[str, object]] = [
        {"姓名": "孙强", "执法证号": "31150101", "发证日期": D(2020, 1, 1)},
        {"姓名": "钱芳", "执法证号": "31150102", "发证日期": D(2021, 6, 1)},
    ]
    return ledger(tmp_path / "officers.xlsx", officers, cases=[], simple=[])
