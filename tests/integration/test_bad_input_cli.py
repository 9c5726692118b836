"""Bad input through the installed command, one table per command family: exit 1, a Chinese
message naming the field, no traceback, and the database file exactly as it was.

Each row runs ``chuansha-enforce`` in its own process on a fresh copy of the session's demo
book. ``{case}`` in a row stands for a case of that book (read from ``case list --json``).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import database_digest
from tests.integration.test_cli_processes import _run  # the installed command, its own process

HUGE = "99999999999999999999"  # beyond SQLite's INTEGER (2**63 - 1)


@pytest.fixture
def book(demo_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo book."""
    copy = tmp_path / "cases.db"
    shutil.copy(demo_db, copy)
    return copy


def _a_case(db: Path) -> str:
    """A decided case of the book (it has every output: summaries, documents)."""
    listed = _run(db, "case", "list", "--json", "--limit", "0")
    assert listed.returncode == 0, listed.stderr
    return next(str(c["case_no"]) for c in json.loads(listed.stdout) if c["decided_on"])


def refused(db: Path, args: list[str], field: str, text: str) -> str:
    """Run ``args``; assert the refusal: exit 1, ``field：…text…``, no traceback, no write."""
    before = database_digest(db)
    result = _run(db, *args)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert result.stderr.startswith(f"{field}："), result.stderr
    assert text in result.stderr, result.stderr
    assert database_digest(db) == before
    return result.stderr


TOO_LARGE = f"数字 {HUGE} 太大"
VERSION_TOO_LARGE = f"版本号“{HUGE}”超出范围"

HUGE_NUMBERS = [
    (["dispute", "show", HUGE], "复议诉讼登记号", TOO_LARGE),
    (["dispute", "update", HUGE, "--replied", "2024-01-02"], "复议诉讼登记号", TOO_LARGE),
    (
        ["dispute", "correct", HUGE, "--field", "备注", "--value", "x", "--reason", "r"],
        "复议诉讼登记号",
        TOO_LARGE,
    ),
    (["file-review", "show", HUGE], "抽查批次", TOO_LARGE),
    (["file-review", "defects", HUGE], "抽查批次", TOO_LARGE),
    (["file-review", "score", HUGE, "--finding", "x"], "评查案卷", TOO_LARGE),
    (["file-review", "rectify", HUGE, "--on", "2024-01-02", "--text", "x"], "问题号", TOO_LARGE),
    (["sample", "--year", "2024", "--count", HUGE], "抽查件数", TOO_LARGE),
    (
        [
            *("case", "correct", "{case}", "--field", "paid_on", "--value", "2024-01-02"),
            *("--reason", "r", "--payment", HUGE),
        ],
        "第几笔缴款",
        TOO_LARGE,
    ),
    (["case", "delete", "{case}", "--reason", "r", "--version", HUGE], "版本", VERSION_TOO_LARGE),
    (
        ["case", "complex", "{case}", "--reason", "r", "--version", HUGE],
        "版本",
        VERSION_TOO_LARGE,
    ),
    (
        ["doc", "make", "{case}", "立案审批表", "-o", "{tmp}/d.docx", "--version", HUGE],
        "版本",
        VERSION_TOO_LARGE,
    ),
]


@pytest.mark.parametrize(("args", "field", "text"), HUGE_NUMBERS)
def test_a_number_too_large_for_any_record_is_refused_naming_its_field(
    book: Path, args: list[str], field: str, text: str
) -> None:
    case = _a_case(book)
    filled = [a.replace("{case}", case).replace("{tmp}", str(book.parent)) for a in args]
    refused(book, filled, field, text)


NO_FOLDER = "文件夹不存在，或不能在其中建立文件"
IS_FOLDER = "是一个文件夹，不能写入"

OUTPUT_COMMANDS = [
    ["export", "ledger", "--year", "2024", "-o", "{out}.xlsx"],
    ["export", "disclosure", "--year", "2024", "-o", "{out}.csv"],
    ["report", "annual", "--year", "2024", "-o", "{out}.pdf"],
    ["report", "case", "{case}", "-o", "{out}.pdf"],  # the full copy, audited when made
    ["report", "case", "{case}", "--public", "-o", "{out}.pdf"],
    ["doc", "make", "{case}", "立案审批表", "-o", "{out}.docx"],
]


@pytest.mark.parametrize("args", OUTPUT_COMMANDS, ids=lambda a: " ".join(a[:2]))
@pytest.mark.parametrize(("place", "text"), [("under-a-file", NO_FOLDER), ("folder", IS_FOLDER)])
def test_an_output_place_that_cannot_be_written_is_refused_before_anything_is_logged(
    book: Path, args: list[str], place: str, text: str
) -> None:
    """A file where the folder should be, or a folder where the file should be: refused in
    Chinese naming the file, and nothing logged (the ledger export and the full case summary
    log who made a copy before they write it)."""
    plain = book.parent / "plain.txt"
    plain.write_text("x")
    out = str(plain / "out") if place == "under-a-file" else str(book.parent / "out")
    suffix = args[-1].rpartition(".")[2]
    if place == "folder":
        Path(f"{out}.{suffix}").mkdir()
    case = _a_case(book)
    filled = [a.replace("{case}", case).replace("{out}", out) for a in args]
    refused(book, filled, "文件", text)


def test_a_backup_folder_that_cannot_be_made_is_refused_before_anything_is_done(
    book: Path,
) -> None:
    plain = book.parent / "plain.txt"
    plain.write_text("x")
    stderr = refused(book, ["backup", "-o", str(plain / "backups")], "文件", NO_FOLDER)
    assert "Errno" not in stderr


@pytest.mark.parametrize("head", ["zz", "", "   ", "0" * 63, "g" * 64, "😀"])
def test_an_expected_chain_head_that_is_not_a_hash_is_refused(book: Path, head: str) -> None:
    """(It was taken as a head missing from the log, reported in English, or, empty, ignored.)"""
    refused(book, ["verify", "--expect-head", head], "审计链头", "应为 64 位十六进制数字")


CASE_FILE = [
    *("case", "file", "--filed", "2024-12-02", "--party", "张三", "--party-type", "自然人"),
    *("--cause", "占道经营案", "--officers", "{officers}"),
]
LONG_TEXTS = [
    # (option, length, field): names and numbers hold 200 characters, other text 10,000,
    # as a ledger's columns do, so what the command line enters exports and imports back
    ("--party", 201, "当事人", 200),
    ("--id", 201, "证件号码", 200),
    ("--address", 201, "当事人地址", 200),
    ("--no", 201, "编号", 200),
    ("--cause", 10_001, "案由", 10_000),
    ("--violation", 10_001, "违法行为", 10_000),
    ("--basis", 100_000, "法律依据", 10_000),
]


def _two_officers(db: Path) -> str:
    listed = _run(db, "officer", "list")
    valid = [line.split("\t")[0] for line in listed.stdout.splitlines() if line.endswith("有效")]
    return ",".join(valid[:2])


@pytest.mark.parametrize(("option", "length", "field", "most"), LONG_TEXTS)
def test_text_longer_than_the_ledger_holds_is_refused_naming_its_field(
    book: Path, option: str, length: int, field: str, most: int
) -> None:
    args = [a.replace("{officers}", _two_officers(book)) for a in CASE_FILE]
    if option in args:
        args[args.index(option) + 1] = "案" * length if option != "--basis" else "a" * length
    else:
        args += [option, "a" * length]
    refused(book, args, field, f"最多 {most} 个字")


def test_text_as_long_as_the_ledger_holds_is_filed_exported_and_imported_back(
    book: Path, tmp_path: Path
) -> None:
    args = [a.replace("{officers}", _two_officers(book)) for a in CASE_FILE]
    args[args.index("--party") + 1] = "张" * 200
    filed = _run(book, *args, "--violation", "事" * 10_000)
    assert filed.returncode == 0, filed.stderr
    ledger = tmp_path / "ledger.xlsx"
    exported = _run(book, "export", "ledger", "--year", "2024", "-o", str(ledger))
    assert exported.returncode == 0, exported.stderr
    checked = _run(book, "import", "--dry-run", str(ledger))
    assert "个字的上限" not in checked.stderr + checked.stdout


@pytest.mark.parametrize("command", [["case", "list"], ["simple", "list"]])
@pytest.mark.parametrize("limit", ["-1", "-50"])
def test_a_negative_list_limit_is_refused_saying_what_is_allowed(
    book: Path, command: list[str], limit: str
) -> None:
    """(It said 每页条数应在1到∞之间, though 0 lists all.)"""
    stderr = refused(book, [*command, "--limit", limit], "最多列出几件（--limit）", "0（全部列出）")
    assert "∞" not in stderr


READING = [["case", "list"], ["stats", "--year", "2024"], ["verify"], ["backup"]]


@pytest.mark.parametrize("command", READING, ids=lambda c: c[0])
def test_an_empty_file_as_database_is_refused_and_left_empty(
    tmp_path: Path, command: list[str]
) -> None:
    """(A 0-byte file was silently made a case book by a command that only reads.)"""
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    refused(empty, command, "数据库", "是空文件（0 字节）")
    assert empty.stat().st_size == 0


ACCOUNT_CHANGES = [
    ["user", "passwd"],
    ["user", "disable", "zhou"],
    ["user", "reset-password", "zhou"],
    ["user", "link", "zhou", "--none"],
    ["account", "link", "zhou", "--officer", "31150001"],
]


@pytest.mark.parametrize("command", ACCOUNT_CHANGES, ids=" ".join)
def test_an_account_change_on_a_missing_book_is_refused_and_makes_no_file(
    tmp_path: Path, command: list[str]
) -> None:
    """(The file was made a case book, and its lock left beside it, only to be refused there
    for want of a login.) The words of every command that needs a book; nothing is made."""
    home = tmp_path / "home"
    home.mkdir()
    missing = home / "missing.db"
    result = _run(missing, *command, password="川沙-Enforce-2026")
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr == (
        f"数据库：数据库文件 {missing} 不存在。请先运行 init 或 demo，或用 --db 指定文件\n"
    )
    assert result.stdout == ""
    assert not [p for p in home.rglob("*") if p.name.startswith("missing.db")]


@pytest.mark.parametrize("command", [*READING, ["init"]], ids=lambda c: c[0])
def test_a_folder_as_database_is_refused_as_a_folder(tmp_path: Path, command: list[str]) -> None:
    """(It said the file was not found, and left a lock file beside the folder.)"""
    folder = tmp_path / "cases.db"
    folder.mkdir()
    result = _run(folder, *command)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("数据库："), result.stderr
    assert "是一个文件夹，不是数据库文件" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.db"]
    assert list(folder.iterdir()) == []


def test_a_folder_given_to_restore_is_refused_as_a_folder(book: Path) -> None:
    """(It said the backup file was not found.)"""
    folder = book.parent / "backups-here"
    folder.mkdir()
    refused(book, ["restore", str(folder)], "文件", "是一个文件夹，不是备份文件")


@pytest.mark.parametrize("command", [["dispute", "list"], ["stats"], ["case", "list"]])
@pytest.mark.parametrize("year", ["0", "1948", "99999"])
def test_a_year_out_of_range_is_refused_by_every_list(
    book: Path, command: list[str], year: str
) -> None:
    """(dispute list --year 0 listed nothing and exited 0.)"""
    refused(book, [*command, "--year", year], "年度", f"年度“{year}”不正确")


def _a_simple_decision(db: Path) -> str:
    listed = _run(db, "simple", "list", "--limit", "1")
    assert listed.returncode == 0, listed.stderr
    return listed.stdout.split("\t")[0]


def _a_certificate(db: Path) -> str:
    return _run(db, "officer", "list").stdout.splitlines()[0].split("\t")[1]


CORRECTIONS = [
    # (command, field, most): one character over the limit entering the value has
    (["case", "correct", "{case}"], "当事人", 200),
    (["case", "correct", "{case}"], "决定书文号", 200),
    (["case", "correct", "{case}"], "违法行为", 10_000),
    (["simple", "correct", "{simple}"], "当事人", 200),
    (["simple", "correct", "{simple}"], "备注", 10_000),
    (["officer", "correct", "{certificate}"], "姓名", 200),
    (["officer", "correct", "{certificate}"], "执法证号", 200),
]


@pytest.mark.parametrize(("command", "field", "most"), CORRECTIONS)
def test_a_correction_longer_than_the_field_holds_is_refused(
    book: Path, command: list[str], field: str, most: int
) -> None:
    """(A 300-character party name or certificate number was taken as a correction.)"""
    named = {
        "{case}": _a_case(book),
        "{simple}": _a_simple_decision(book),
        "{certificate}": _a_certificate(book),
    }
    args = [named.get(a, a) for a in command]
    args += ["--field", field, "--value", "张" * (most + 1), "--reason", "核对原件"]
    refused(book, args, field, f"最多 {most} 个字")
