"""Ledger import through the service: every rule of LEDGER_FORMAT with a planted defect.

Each defect is reported with its sheet, Excel row and header, and the database is left
byte for byte as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.cli.case_view_json import case_view_json
from chuansha_enforce.domain.cases.case_file import Discussion
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.gate_walk import book_with
from tests.integration import test_case_gates_cli as gates_cli
from tests.ledger_files import CASE, OFFICERS, SIMPLE, ledger, with_

D = dt.date
NOW = dt.datetime(2024, 12, 20, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def svc(backend: Path) -> Iterator[Services]:
    """The services on a file, and on a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as services:
        yield services


def test_a_clean_ledger_imports_whole(svc: Services, tmp_path: Path) -> None:
    report = svc.ledger.import_file(ledger(tmp_path / "ok.xlsx"))
    assert report.errors == ()
    assert (report.officers, report.general_cases, report.simple_decisions) == (3, 1, 1)
    case = svc.case_files.find("川执立〔2024〕000001号")
    assert case.decision is not None
    assert case.decision.fine_fen == 20_050
    assert case.paid_fen == 20_050
    assert case.status.label == "已结案"
    figures = svc.statistics.annual(2024)
    assert figures.simple.fines_decided_fen == 5_000
    assert figures.officers.cancelled_in_year == 0


def test_dry_run_writes_nothing(svc: Services, tmp_path: Path) -> None:
    path = ledger(tmp_path / "ok.xlsx")
    before = database_digest(svc.location)
    report = svc.ledger.import_file(path, dry_run=True)
    assert report.errors == ()
    assert report.general_cases == 1
    assert not report.written
    assert database_digest(svc.location) == before


UNDECIDED: dict[str, object] = {
    "决定日期": None,
    "处罚种类": None,
    "罚款金额": None,
    "送达日期": None,
    "缴款日期": None,
    "实缴金额": None,
}
"""The changes that leave the sample row undecided (its closing date kept)."""

GENERAL_DEFECTS = [
    ("案件编号", {"案件编号": None}, "ledger.required"),
    ("案由", {"案由": None}, "ledger.required"),
    ("当事人类型", {"当事人类型": "公司"}, "ledger.choice"),
    ("当事人", {"当事人": None}, "ledger.required"),
    ("证件号码", {"证件号码": "310115199002290018"}, "id.resident.birth_date"),
    ("证件号码", {"当事人类型": "法人", "证件号码": "91350100M000100Y44"}, "id.uscc.checksum"),
    ("承办人", {"承办人": "王建国"}, "officers.too_few"),
    ("承办人", {"承办人": "王建国、钱多多"}, "ledger.officer_unknown"),
    ("承办人", {"承办人": "王建国、赵刚"}, "officers.invalid_on"),
    ("承办人", {"承办人": "、，"}, "ledger.required"),  # separators only: no officer at all
    ("立案日期", {"立案日期": "2024-02-30"}, "ledger.date"),
    ("立案日期", {"立案日期": D(2025, 1, 1)}, "date.future"),
    ("听证", {"听证": "要求听证"}, "ledger.choice"),
    ("法制审核人", {"法制审核日期": D(2024, 4, 1), "法制审核结论": "同意"}, "ledger.required"),
    (
        "法制审核人",
        {"法制审核人": "李明", "法制审核日期": D(2024, 4, 1), "法制审核结论": "同意"},
        "review.reviewer_is_officer",
    ),
    ("法制审核结论", {"罚款金额": 6000, "实缴金额": 6000}, "decision.review_required"),
    ("决定日期", {"决定日期": D(2024, 3, 1)}, "date.too_early"),
    ("处罚种类", {"处罚种类": "罚款、不予处罚"}, "ledger.outcome_alone"),
    ("处罚种类", {"处罚种类": "记过"}, "ledger.choice"),
    ("处罚种类", {"处罚种类": None}, "ledger.required"),
    (
        "不予处罚理由",
        {"处罚种类": "不予处罚", "罚款金额": None, "实缴金额": None, "缴款日期": None},
        "decision.no_penalty_reason_required",
    ),
    # 责令限期拆除 (DOMAIN §13): an order has its deadline, and goes with a penalty or alone
    ("拆除期限", {"责令限期拆除": "是"}, "ledger.required"),
    ("拆除期限", {"拆除期限": D(2024, 5, 10)}, "ledger.deadline_without_order"),
    (
        "拆除期限",
        {"责令限期拆除": "是", "拆除期限": D(2024, 4, 10)},
        "decision.demolition_deadline_too_early",
    ),
    (
        "拆除期限",
        {
            "处罚种类": "不予处罚",
            "不予处罚理由": "首违不罚",
            "罚款金额": None,
            "实缴金额": None,
            "缴款日期": None,
            "责令限期拆除": "是",
            "拆除期限": D(2024, 5, 10),
        },
        "decision.demolition_with_outcome",
    ),
    (
        "法制审核结论",
        {"责令限期拆除": "是", "拆除期限": D(2024, 5, 10)},
        "decision.review_required",
    ),  # every order is major: reviewed first
    (
        "处罚种类",
        {"处罚种类": None, "责令限期拆除": "是", "拆除期限": D(2024, 5, 10)},
        "decision.outcome_has_penalty",
    ),  # an order alone has no fine
    (
        "决定日期",
        {**UNDECIDED, "结案日期": None, "责令限期拆除": "是"},
        "ledger.decision_without_date",
    ),
    ("罚款金额", {"罚款金额": "-5"}, "money.negative"),
    ("罚款金额", {"罚款金额": "12.345"}, "money.too_many_decimals"),
    ("罚款金额", {"处罚种类": "警告"}, "decision.fine_without_kind"),
    ("罚款金额", {"罚款金额": None, "实缴金额": None, "缴款日期": None}, "decision.fine_required"),
    ("送达日期", {"送达日期": D(2024, 4, 1)}, "date.too_early"),
    ("缴款日期", {"缴款日期": D(2024, 4, 11)}, "date.too_early"),
    ("实缴金额", {"实缴金额": 500}, "ledger.paid_too_much"),
    (
        "结案日期",
        UNDECIDED,
        "case.close_undecided",
    ),
]


@pytest.mark.parametrize(("header", "changes", "code"), GENERAL_DEFECTS)
def test_general_case_defects_are_located(
    svc: Services, tmp_path: Path, header: str, changes: dict[str, object], code: str
) -> None:
    renumbered = {"案件编号": "C2", "决定书文号": "D2", **changes}
    path = ledger(tmp_path / "bad.xlsx", cases=[CASE, with_(CASE, **renumbered)])
    before = database_digest(svc.location)
    report = svc.ledger.import_file(path)
    assert not report.written
    assert database_digest(svc.location) == before
    found = [(i.sheet, i.row, i.header, i.code) for i in report.errors]
    assert ("一般程序案件", 3, header, code) in found, found


def test_duplicate_numbers_name_the_earlier_row(svc: Services, tmp_path: Path) -> None:
    report = svc.ledger.import_file(ledger(tmp_path / "dup.xlsx", cases=[CASE, CASE]))
    codes = {(i.row, i.header, i.code) for i in report.errors}
    assert (3, "案件编号", "ledger.case_exists") in codes
    assert (3, "决定书文号", "ledger.decision_exists") in codes
    text = next(i for i in report.errors if i.code == "ledger.case_exists").text()
    assert text.startswith("一般程序案件 第3行 案件编号：")
    assert "第2行" in text


def test_a_case_already_in_the_database(svc: Services, tmp_path: Path) -> None:
    assert svc.ledger.import_file(ledger(tmp_path / "a.xlsx")).written
    again = ledger(tmp_path / "b.xlsx", officers=[], simple=[])
    report = svc.ledger.import_file(again)
    assert [(i.row, i.header, i.code) for i in report.errors][:1] == [
        (2, "案件编号", "ledger.case_exists")
    ]
    assert "数据库中的案件" in report.errors[0].text()


def test_every_number_already_in_the_database_is_named(svc: Services, tmp_path: Path) -> None:
    assert svc.ledger.import_file(ledger(tmp_path / "a.xlsx")).written
    before = database_digest(svc.location)
    report = svc.ledger.import_file(ledger(tmp_path / "b.xlsx"))
    assert not report.written
    assert database_digest(svc.location) == before
    found = {(i.sheet, i.row, i.header, i.code): i.text() for i in report.errors}
    assert (
        "数据库中的案件 川执立〔2024〕000001号"
        in found[("一般程序案件", 2, "决定书文号", "ledger.decision_exists")]
    )
    assert (
        "数据库中的简易程序决定"
        in found[("简易程序案件", 2, "决定书编号", "ledger.decision_exists")]
    )
    assert ("执法人员", 2, "执法证号", "officer.certificate_taken") in found
    assert gc.isenabled()  # the import pauses the cyclic collector only while it runs


def _indexes(svc: Services) -> set[tuple[str, str]]:
    if svc.server_url is not None:  # the server's own catalogue
        with psycopg.connect(svc.server_url) as server:
            found = server.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
            ).fetchall()
        return {(name, sql) for name, sql in found}
    with contextlib.closing(sqlite3.connect(svc.db_path)) as conn:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        ).fetchall()
    return {(name, sql) for name, sql in rows}


def test_indexes_survive_big_and_small_imports(svc: Services, tmp_path: Path) -> None:
    """A load as big as the database rebuilds the indexes after; a small one keeps them."""
    schema = _indexes(svc)
    many = [with_(CASE, 案件编号=f"C{n}", 决定书文号=f"D{n}") for n in range(9)]
    assert svc.ledger.import_file(ledger(tmp_path / "many.xlsx", cases=many)).written
    assert _indexes(svc) == schema
    one = ledger(tmp_path / "one.xlsx", officers=[], cases=[with_(CASE, 案件编号="C9")], simple=[])
    report = svc.ledger.import_file(one)
    assert report.written, [i.text() for i in report.errors]
    assert _indexes(svc) == schema
    assert svc.statistics.annual(2024).general.filed == 10
    assert svc.case_files.find("C9").case_no == "C9"


OFFICER_DEFECTS = [
    ("执法证号", {"执法证号": "31150001"}, "officer.certificate_taken"),
    ("发证日期", {"发证日期": "昨天"}, "ledger.date"),
    ("状态", {"状态": "退休"}, "ledger.choice"),
    ("注销日期", {"状态": "注销", "注销日期": None}, "officer.cancellation_date"),
    ("有效期至", {"有效期至": D(2010, 1, 1)}, "officer.expires_before_issue"),
]


@pytest.mark.parametrize(("header", "changes", "code"), OFFICER_DEFECTS)
def test_officer_defects_are_located(
    svc: Services, tmp_path: Path, header: str, changes: dict[str, object], code: str
) -> None:
    bad = with_({"姓名": "孙丽", "执法证号": "31150009", "发证日期": D(2020, 1, 2)}, **changes)
    report = svc.ledger.import_file(ledger(tmp_path / "bad.xlsx", officers=[*OFFICERS, bad]))
    assert ("执法人员", 5, header, code) in [
        (i.sheet, i.row, i.header, i.code) for i in report.errors
    ]
    assert not report.written


SIMPLE_DEFECTS = [
    ("处罚种类", {"处罚种类": "没收违法所得"}, "ledger.choice"),
    ("罚款金额", {"罚款金额": 201, "当场收缴": None}, "simple.fine_over_limit"),
    ("当场收缴", {"罚款金额": 150}, "simple.on_spot_not_allowed"),
    ("执法人员", {"执法人员": "王建国"}, "officers.too_few"),
    ("执法人员", {"执法人员": "；"}, "ledger.required"),
    ("决定日期", {"决定日期": None}, "ledger.required"),
    ("当场收缴", {"当场收缴": "也许"}, "ledger.bool"),
]


@pytest.mark.parametrize(("header", "changes", "code"), SIMPLE_DEFECTS)
def test_simple_decision_defects_are_located(
    svc: Services, tmp_path: Path, header: str, changes: dict[str, object], code: str
) -> None:
    report = svc.ledger.import_file(
        ledger(tmp_path / "bad.xlsx", simple=[with_(SIMPLE, **changes)])
    )
    assert ("简易程序案件", 2, header, code) in [
        (i.sheet, i.row, i.header, i.code) for i in report.errors
    ]
    assert not report.written


def test_warnings_do_not_block(svc: Services, tmp_path: Path) -> None:
    late = with_(CASE, 立案日期=D(2023, 12, 1), 重大案件="是")
    report = svc.ledger.import_file(ledger(tmp_path / "w.xlsx", cases=[late]))
    assert report.errors == ()
    assert report.written
    assert {i.code for i in report.warnings} == {
        "ledger.decision_late",
        "ledger.major_mismatch",
        "ledger.gate_columns_history",  # decided before gates_from without its notice
    }


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_export_then_import_gives_the_same_totals(demo_db: Path, tmp_path: Path, year: int) -> None:
    exported = tmp_path / f"ledger-{year}.xlsx"
    source_db = tmp_path / "source.db"
    shutil.copy(demo_db, source_db)  # an export is logged: never write the shared demo file
    with build_services(source_db, FixedClock(NOW.replace(year=2026))) as source:
        source.ledger.export_ledger(exported, year)
        expected = source.statistics.annual(year).to_json()
    with build_services(tmp_path / "fresh.db", FixedClock(NOW.replace(year=2026))) as target:
        report = target.ledger.import_file(exported)
        assert report.errors == (), [i.text() for i in report.errors[:5]]
        got = target.statistics.annual(year).to_json()
    # every figure, the forced demolitions, voluntary removals and their review rounds too
    assert got == expected
    general = expected["general"]
    assert isinstance(general, dict)
    if year == 2024:  # the demo's years hold the steps after the orders: the test sees them
        assert general["demolitions_forced"] + general["demolitions_voluntary"] > 0


def test_cli_import_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "cli.db"
    assert main(["--db", str(db), "import", str(ledger(tmp_path / "ok.xlsx"))]) == 0
    assert "已导入" in capsys.readouterr().out
    bad = ledger(tmp_path / "bad.xlsx", cases=[with_(CASE, 案件编号="X9", 罚款金额="abc")])
    assert main(["--db", str(db), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "一般程序案件 第2行 罚款金额：" in err
    assert "未写入任何数据" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"\x00\x01 not a workbook")
    assert main(["--db", str(db), "import", str(junk)]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 2  # the issue and the summary
    out = tmp_path / "out.xlsx"
    assert main(["--db", str(db), "export", "ledger", "--year", "2024", "-o", str(out)]) == 0
    assert out.exists()
    assert main(["--db", str(db), "stats", "--year", "2024", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.split("\n", 1)[1])["general"]["filed"] == 1


def _walked(no: str, party: str, amount: str, *, notice: tuple[str, ...] = (),
            decide: tuple[str, ...] = (), served: list[list[str]]) -> list[list[str]]:  # fmt: skip
    """A case filed, told (with ``notice``'s discretion), stated, decided and served by CLI."""
    return [
        gates_cli.file_case("--no", no, "--party", party),
        ["case", "notice", no, "--served", "2023-09-27", "--kinds", "罚款", "--amount", amount,
         *notice],
        ["case", "statement", no, "--on", "2023-09-28", "--kind", "已陈述申辩"],
        ["case", "decide", no, "--on", "2023-10-09", "--kinds", "罚款", "--amount", amount,
         *decide],
        *served,
    ]  # fmt: skip


def _serve(no: str, on: str, method: str, *proof: str) -> list[str]:
    return ["case", "serve", no, "--on", on, "--method", method, *proof]


HEAVIER, MITIGATED = "川执立〔2023〕1号", "川执立〔2023〕2号"
BAND, MAILED = "川执立〔2023〕3号", "川执立〔2023〕4号"


def _discretion_book(path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Four cases by CLI: 从重 told at the 告知 and taken over, served by 公告 after an attempt;
    减轻 (major: reviewed and discussed first), served by 留置 with a witness; a fine inside
    the 一般 band served electronically with consent; a plain fine served by post."""
    book = book_with(path, gates_cli.OFFICERS)
    with build_services(book, FixedClock(NOW)) as services:
        services.settings.set("gates_from", "2023-01-01")  # the source records every step
    attempt = ["case", "serve-attempt", HEAVIER, "--on", "2023-10-10", "--method", "直接"]
    heavier = ("--circumstance", "一般", "--deviation", "从重",
               "--deviation-reason", "多次劝阻拒不改正")  # fmt: skip
    steps = [
        *_walked(HEAVIER, "张三", "300", notice=heavier,
                 served=[attempt, _serve(HEAVIER, "2023-10-20", "公告")]),
        *_walked(BAND, "王五", "200", notice=("--circumstance", "一般"),
                 served=[_serve(BAND, "2023-10-11", "电子", "--consent-on", "2023-10-09")]),
        *_walked(MAILED, "赵六", "100", served=[_serve(MAILED, "2023-10-12", "邮寄")]),
    ]  # fmt: skip
    for argv in steps:
        assert gates_cli.run(capsys, book, argv)[0] == 0, argv
    mitigated = _walked(MITIGATED, "李四", "30",
                        decide=("--circumstance", "轻微", "--deviation", "减轻",
                                "--deviation-reason", "当事人系残疾人，生活困难"),
                        served=[_serve(MITIGATED, "2023-10-10", "留置",
                                       "--witness", "居委会 赵敏")])  # fmt: skip
    for argv in mitigated[:3]:
        assert gates_cli.run(capsys, book, argv)[0] == 0, argv
    with build_services(book, FixedClock(NOW)) as services:  # 减轻 is major: reviewed first
        services.case_files.record_review(
            MITIGATED, reviewer="钱审核", reviewed_on=D(2023, 10, 8), opinion=ReviewOpinion.AGREE
        )
        leaders = ("镇长", "分管副镇长", "执法队长")
        services.case_files.record_discussion(
            MITIGATED, Discussion(D(2023, 10, 8), "同意减轻处罚", leaders)
        )
    for argv in mitigated[3:]:
        assert gates_cli.run(capsys, book, argv)[0] == 0, argv
    return book


def _kept(services: Services, case_no: str) -> tuple[object, ...]:
    shown = case_view_json(services.case_files.view(case_no))
    decision = shown["decision"]
    assert isinstance(decision, dict)
    return (decision["discretion"], decision["fine_fen"], shown["served_on"],
            shown["service_method"], shown["major"], shown["major_reasons"])  # fmt: skip


def test_export_then_import_keeps_discretion_and_service(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _discretion_book(tmp_path / "source.db", capsys)
    exported = tmp_path / "ledger-2023.xlsx"
    numbers = (HEAVIER, MITIGATED, BAND, MAILED)
    with build_services(source, FixedClock(NOW)) as services:
        services.ledger.export_ledger(exported, 2023)
        expected = services.statistics.annual(2023).to_json()
        before = {no: _kept(services, no) for no in numbers}
    assert before == {
        HEAVIER: ({"circumstance": "一般", "deviation": "从重", "reason": "多次劝阻拒不改正"},
                  30_000, "2023-10-20", "公告送达", False, []),
        MITIGATED: ({"circumstance": "轻微", "deviation": "减轻",
                     "reason": "当事人系残疾人，生活困难"},
                    3_000, "2023-10-10", "留置送达", True, ["减轻处罚"]),
        BAND: ({"circumstance": "一般", "deviation": None, "reason": None},
               20_000, "2023-10-11", "电子送达", False, []),
        MAILED: (None, 10_000, "2023-10-12", "邮寄送达", False, []),
    }  # fmt: skip
    with build_services(tmp_path / "fresh.db", FixedClock(NOW)) as target:
        report = target.ledger.import_file(exported)
        assert report.errors == (), [i.text() for i in report.errors[:5]]
        after = {no: _kept(target, no) for no in numbers}
        got = target.statistics.annual(2023).to_json()
    assert after == before
    assert got == expected
    general = got["general"]
    assert isinstance(general, dict)
    assert general["deviations"] == {"从轻": 0, "减轻": 1, "从重": 1}
    # decided before the fresh file's gates_from: the services it cannot prove are history
    unproved = [(i.row, i.header) for i in report.warnings
                if i.code == "ledger.service_unproved_history"]  # fmt: skip
    assert sorted(unproved) == [(2, "送达方式"), (3, "送达方式"), (5, "送达方式")]  # not 邮寄
