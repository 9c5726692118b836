"""Bad input an exploratory clerk typed, through the installed command in its own process:
exit 1, a Chinese message naming the field (by its label, never its program name), no
traceback, the database exactly as it was.

Each test runs ``chuansha-enforce`` on a fresh copy of the session's demo book (or a fresh
file); the command reads the real clock, so every date here is far in the past or future.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import database_digest
from tests.integration.test_bad_input_cli import _a_case, _a_certificate, book, refused
from tests.integration.test_cli_processes import _run

__all__ = ["book"]  # (the fixture, imported for the tests here)


def test_a_reminder_statement_of_no_known_kind_is_refused_naming_it_in_chinese(
    book: Path,
) -> None:
    args = ["case", "remind-statement", _a_case(book), "--on", "2024-01-02", "--kind", "陈述"]
    refused(book, args, "催告后陈述申辩", "不是可选的值")


def test_a_setting_text_too_long_is_refused_naming_the_setting_by_its_label(
    book: Path,
) -> None:
    args = ["settings", "set", "court", "院" * 201]
    refused(book, args, "行政诉讼管辖法院（文书救济途径）", "最多 200 个字")


def _a_pending_dispute(db: Path) -> str:
    """A reconsideration registered now (on the copy): pending, no reply yet."""
    added = _run(
        db,
        *("dispute", "add", "--kind", "行政复议", "--no", "浦府复〔2024〕99号"),
        *("--applicant", "张三", "--body", "上海市浦东新区人民政府", "--received", "2024-03-04"),
        "--json",
    )
    assert added.returncode == 0, added.stderr
    return str(json.loads(added.stdout)["id"])


def test_a_dispute_update_with_nothing_new_is_refused_and_logs_nothing(book: Path) -> None:
    dispute = _a_pending_dispute(book)
    said = refused(book, ["dispute", "update", dispute], "复议诉讼登记号", "没有新的登记内容")
    assert "浦府复〔2024〕99号" in said
    assert _run(book, "dispute", "update", dispute, "--replied", "2024-03-06").returncode == 0
    refused(
        book,
        ["dispute", "update", dispute, "--replied", "2024-03-06"],
        "复议诉讼登记号",
        "没有新的登记内容",
    )


def _an_officer(db: Path) -> dict[str, str]:
    listed = _run(db, "officer", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return next(o for o in json.loads(listed.stdout) if o["cancelled_on"] is None)


def test_a_cancellation_before_the_issue_or_in_the_future_is_refused(book: Path) -> None:
    officer = _an_officer(book)
    before_issue = str(dt.date.fromisoformat(officer["issued_on"]) - dt.timedelta(days=1))
    for day, text in ((before_issue, "注销日期早于发证日期"), ("2099-01-01", "晚于今天")):
        args = ["officer", "correct", officer["certificate_no"], "--field", "注销日期"]
        refused(book, [*args, "--value", day, "--reason", "录错"], "注销日期", text)


OFFICER_HEADER = "姓名,执法证号,发证日期,有效期至,状态,注销日期"


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("张三,31159992,2020-01-01,,有效,2021-01-01", "注销日期：状态为“注销”时必须填写注销日期"),
        ("张三,31159992,2020-01-01,,暂扣,2021-01-01", "注销日期：状态为“注销”时必须填写注销日期"),
        ("张三,31159992,2099-01-01,,有效,", "发证日期：日期2099-01-01晚于今天"),
        ("张三,31159992,2020-01-01,,注销,2019-12-31", "注销日期：注销日期早于发证日期"),
        ("张三,31159992,2020-01-01,,注销,2099-01-01", "注销日期：日期2099-01-01晚于今天"),
    ],
    ids=[
        "valid-cancelled",
        "suspended-cancelled",
        "issued-future",
        "cancelled-early",
        "cancelled-future",
    ],
)
def test_an_imported_certificate_is_held_to_the_registry_rules(
    tmp_path: Path, row: str, said: str
) -> None:
    """What ``officer correct`` refuses, a ledger row refuses too (it was imported: a date in
    the future, a cancellation dropped without a word when the status was not 注销)."""
    db = tmp_path / "fresh.db"
    assert _run(db, "init").returncode == 0
    ledger = tmp_path / "officers.csv"
    ledger.write_text(f"{OFFICER_HEADER}\n{row}\n", encoding="utf-8")
    before = database_digest(db)
    result = _run(db, "import", str(ledger))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert f"officers.csv 第2行 {said}" in result.stderr, result.stderr
    assert "未写入任何数据" in result.stderr
    assert database_digest(db) == before


@pytest.mark.parametrize(
    "args",
    [
        ["user", "disable", "周律"],
        ["user", "reset-password", "周律"],
        ["user", "link", "周律", "--none"],
        ["user", "passwd"],
    ],
    ids=lambda a: a[1],
)
def test_managing_accounts_of_a_book_without_any_says_there_are_none_yet(
    tmp_path: Path, args: list[str]
) -> None:
    """It said the book had accounts and asked for a login that no account could give."""
    db = tmp_path / "fresh.db"
    assert _run(db, "init").returncode == 0
    before = database_digest(db)
    result = _run(db, *args, password="Chuansha-2026-probe")
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("用户：此数据库尚无账户"), result.stderr
    assert "user add" in result.stderr
    assert database_digest(db) == before


NOT_ISO = ["20240203", "2024-W06-2"]
"""Dates Python's ``fromisoformat`` reads (ISO 8601's basic and week forms), none of
them ``YYYY-MM-DD``: a clerk's slip, silently read as some day, was written down."""
DATED = [
    (["case", "show", "{case}", "--as-of", "{day}"], "计算日期"),
    (["case", "pay", "{case}", "--on", "{day}", "--amount", "1"], "缴款日期"),
    (["file-review", "rectify", "1", "--on", "{day}", "--text", "改正"], "整改日期"),
    (["officer", "correct", "{cert}", "--field", "发证日期", "--value", "{day}"], "发证日期"),
    (["case", "correct", "{case}", "--field", "立案日期", "--value", "{day}"], "立案日期"),
]


@pytest.mark.parametrize("day", NOT_ISO)
@pytest.mark.parametrize(
    ("args", "field"), DATED, ids=lambda a: "-".join(a[:2]) if isinstance(a, list) else None
)
def test_a_date_not_written_yyyy_mm_dd_is_refused_naming_its_field(
    book: Path, args: list[str], field: str, day: str
) -> None:
    case = _a_case(book)
    cert = _a_certificate(book)
    filled = [a.replace("{case}", case).replace("{cert}", cert).replace("{day}", day) for a in args]
    if "correct" in filled:
        filled += ["--reason", "录错"]
    refused(book, filled, field, day)


def test_a_payment_numbered_0_is_refused_not_taken_for_the_last(book: Path) -> None:
    """``--payment`` counts from 1; 0 corrected the last payment (``0 or count``)."""
    listed = json.loads(_run(book, "case", "list", "--json", "--limit", "0").stdout)
    case = next(c["case_no"] for c in listed if c["status"] == "已结案" and c["fine_fen"])
    shown = json.loads(_run(book, "case", "show", case, "--json").stdout)
    assert shown["payments"]  # (a closed case with a fine was paid)
    args = ["case", "correct", case, "--field", "缴款日期", "--value", "2024-01-02"]
    refused(book, [*args, "--reason", "录错", "--payment", "0"], "第几笔缴款", "没有第0笔缴款")


def test_a_dispute_correction_to_the_value_it_holds_is_refused_and_logs_nothing(
    book: Path,
) -> None:
    """As a case's, an officer's or a simple decision's: it logged a correction of 备注 from
    nothing to nothing (and of a date to the same date)."""
    dispute = _a_pending_dispute(book)
    for label, value in (("备注", ""), ("收到日期", "2024-03-04")):
        args = ["dispute", "correct", dispute, "--field", label, "--value", value]
        refused(book, [*args, "--reason", "录错"], "新值", f"{label}已经是")


def test_points_typed_for_a_veto_item_are_refused_not_dropped(book: Path) -> None:
    """A veto item fails the file whole: points for it (``unlawful_subject:-5``) were dropped
    without a word, whatever they were."""
    sampled = _run(book, "sample", "--year", "2024", "--count", "1", "--seed", "1")
    assert sampled.returncode == 0, sampled.stderr
    for points in ("5", "-5"):
        args = ["file-review", "score", "1", "--finding", f"unlawful_subject:{points}"]
        refused(book, args, "扣分", "是否决项，不扣分")


@pytest.mark.parametrize("name", ["台账.xlsx", "台账.csv"])
def test_a_folder_given_to_import_is_refused_as_a_folder(book: Path, name: str) -> None:
    """It was called a damaged file (a clerk would look for the damage, not for the file)."""
    folder = book.parent / name
    folder.mkdir()
    before = database_digest(book)
    result = _run(book, "import", str(folder))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith(f"{name} 是一个文件夹"), result.stderr
    assert "已损坏" not in result.stderr
    assert database_digest(book) == before


@pytest.mark.parametrize(
    "command", [["case", "list"], ["init"], ["demo", "--cases", "1"]], ids=" ".join
)
def test_another_programs_sqlite_file_is_refused_and_left_as_it_was(
    tmp_path: Path, command: list[str]
) -> None:
    """(``--db`` at another program's SQLite file: even ``case list`` wrote this program's
    whole schema into it.)"""
    other = tmp_path / "contacts.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.execute("INSERT INTO people VALUES ('张三')")
        conn.commit()
    before = database_digest(other)
    result = _run(other, *command)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "不是本程序的案件库" in result.stderr, result.stderr
    assert "未做任何改动" in result.stderr
    assert database_digest(other) == before


def test_another_sqlite_utils_tools_file_is_refused_though_it_has_the_migrations_table(
    tmp_path: Path,
) -> None:
    """sqlite-utils' migrations table is shared by every tool built on it: a file whose
    table holds only another tool's migrations is not a case book (it was taken for one and
    given this program's whole schema)."""
    other = tmp_path / "notes.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute(
            "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
            " name TEXT, applied_at TEXT)"
        )
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('notes_app', '0001_notes', '2026-01-01')"
        )
        conn.commit()
    before = database_digest(other)
    result = _run(other, "case", "list")
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "不是本程序的案件库" in result.stderr, result.stderr
    assert database_digest(other) == before


def test_a_book_stopped_after_its_migrations_table_was_made_is_finished(tmp_path: Path) -> None:
    """Only an empty migrations table: a book whose making stopped early, not a foreign file."""
    book = tmp_path / "cases.db"
    with contextlib.closing(sqlite3.connect(book)) as conn:
        conn.execute(
            "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
            " name TEXT, applied_at TEXT)"
        )
        conn.commit()
    result = _run(book, "init")
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert _run(book, "case", "list").returncode == 0


def test_a_restore_over_another_programs_file_is_refused_before_anything(
    tmp_path: Path,
) -> None:
    """(It put the other program's file aside as a pre-restore backup and swapped a case
    book in over it.)"""
    book, saved = tmp_path / "cases.db", tmp_path / "usb"
    assert _run(book, "init").returncode == 0
    assert _run(book, "backup", "-o", str(saved)).returncode == 0
    [backup] = sorted(saved.glob("*.db"))
    other = tmp_path / "other" / "contacts.db"
    other.parent.mkdir()
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE people (name TEXT)")
        conn.commit()
    before = database_digest(other)
    result = _run(other, "restore", str(backup))
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "不是本程序的案件库" in result.stderr, result.stderr
    assert database_digest(other) == before
    assert sorted(p.name for p in other.parent.iterdir()) == ["contacts.db"]
