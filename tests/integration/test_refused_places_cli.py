"""The command line where the operating system refuses a file the user names (EACCES), met
for real at the system edge (``tests.refused_place``: the tests run as root, where chmod
stops nothing): a folder the user may not write in, a destination that may not be replaced
(Windows refuses to replace a file another program holds open), a ledger or a backup the
user may not read. Each: exit 1, one Chinese sentence naming the file, no traceback, the
database exactly as it was (a copy of full personal data is logged, failed, by design)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.refused_place import refuse, refuse_replacing

NO_PERMISSION = "文件：无法写入 {}：没有在那里写入的权限。请另选位置"
BACKUP_NOT_WRITABLE = "备份文件 {} 不能写入（只读、被其他程序占用或没有权限），案件库没有改动"


@pytest.fixture
def book(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo case book (single user: no login)."""
    path = tmp_path / "book" / "cases.db"
    path.parent.mkdir()
    shutil.copy(demo_db, path)
    return path


@pytest.fixture
def place(tmp_path: Path) -> Path:
    """The folder the commands are pointed at (refused in each test as it needs)."""
    folder = tmp_path / "place"
    folder.mkdir()
    return folder


def _case_and_document(book: Path) -> tuple[str, str]:
    """A case of the book and a document (its code) that can be made for it."""
    with build_services(book, FixedClock(NOW)) as services:
        for row in services.cases.list_page(after=None, limit=50).rows:
            for state in services.documents.states(row.case_no):
                if state.can_make:
                    return row.case_no, state.kind.value
    raise AssertionError("the demo has no document to make")


def _commands(book: Path, place: Path) -> list[tuple[list[str], Path]]:
    """Each command writing a file the user names, and the file (folder) it names."""
    case_no, kind = _case_and_document(book)
    ledger, listing = place / "台账.xlsx", place / "双公示.csv"
    annual, summary, document = place / "年报.pdf", place / "摘要.pdf", place / "文书.docx"
    return [
        (["export", "ledger", "--year", "2024", "-o", str(ledger)], ledger),
        (["export", "disclosure", "--year", "2024", "-o", str(listing)], listing),
        (["report", "annual", "--year", "2024", "-o", str(annual)], annual),
        (["report", "case", case_no, "-o", str(summary)], summary),
        (["doc", "make", case_no, kind, "-o", str(document)], document),
        (["backup", "-o", str(place)], place),
        (["backup", "-o", str(place / "备份")], place / "备份"),  # a folder to be made there
    ]


def _refused(
    book: Path, command: list[str], capsys: pytest.CaptureFixture[str], lang: str = "zh"
) -> str:
    """Run ``command``: refused with exit 1 and one line on stderr (no traceback), nothing
    written to the database; what it said."""
    before = database_digest(book)
    assert main(["--db", str(book), "--lang", lang, *command]) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert "Traceback" not in said.err
    assert said.err.count("\n") == 1
    assert database_digest(book) == before
    return said.err.strip()


def test_a_folder_the_user_may_not_write_in_is_refused_by_every_command(
    book: Path, place: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    commands = _commands(book, place)
    refused = refuse(monkeypatch, place)
    for command, named in commands:
        assert _refused(book, command, capsys) == NO_PERMISSION.format(named), command
        assert refused, command  # the operating system said no
        refused.clear()
    monkeypatch.undo()
    assert list(place.iterdir()) == []  # nothing left there, not a temporary file


def test_the_refusal_is_said_in_english_with_lang_en(
    book: Path, place: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = place / "ledger.xlsx"
    refuse(monkeypatch, place)
    said = _refused(book, ["export", "ledger", "--year", "2024", "-o", str(target)], capsys, "en")
    assert (
        said == f"file: cannot write {target}: no permission to write there; choose another place"
    )


def test_a_destination_that_may_not_be_replaced_is_refused_naming_it(
    book: Path, place: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The place passes its check; the rename of the finished file over the destination is
    refused. Nothing is left there, not the temporary file written first."""
    commands = _commands(book, place)[:5]  # the files (a backup's own name is its own)
    refused = refuse_replacing(monkeypatch, place)
    for command, named in commands:
        if command[:2] in (["report", "case"], ["export", "ledger"]):
            continue  # logged as failed: below
        assert _refused(book, command, capsys) == NO_PERMISSION.format(named), command
        assert refused == [str(named)]
        refused.clear()
    assert list(place.iterdir()) == []


LOGGED_COPIES = {
    "report.case_full": (["report", "case"], ["failed"]),
    "ledger.export": (["export", "ledger"], ["ok", "failed"]),  # logged first, then this
}


@pytest.mark.parametrize("action", LOGGED_COPIES)
def test_a_copy_of_full_personal_data_not_written_is_logged_as_failed(
    book: Path,
    place: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    action: str,
) -> None:
    """A copy of full personal data is logged (DOMAIN §8): refused at its last step, the log
    says it failed and why (not only that it was made), and the chain still verifies."""
    verb, logged = LOGGED_COPIES[action]
    [(command, named)] = [c for c in _commands(book, place) if c[0][:2] == verb]
    refuse_replacing(monkeypatch, place)
    assert main(["--db", str(book), *command]) == 1
    said = capsys.readouterr()
    assert said.err.strip() == NO_PERMISSION.format(named)
    assert "Traceback" not in said.err
    with build_services(book, FixedClock(NOW)) as services:
        rows = services._db.execute(
            "SELECT outcome, detail FROM audit_log WHERE action = ? ORDER BY id", [action]
        ).fetchall()
    assert [outcome for outcome, _detail in rows] == logged
    assert json.loads(rows[-1][1])["error"] == "output.no_permission"
    monkeypatch.undo()
    assert list(place.iterdir()) == []
    assert main(["--db", str(book), "verify"]) == 0


def test_a_backup_that_may_not_be_renamed_into_place_is_refused_naming_it(
    book: Path, place: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = refuse_replacing(monkeypatch, place)
    assert main(["--db", str(book), "backup", "-o", str(place)]) == 1
    said = capsys.readouterr().err
    assert "Traceback" not in said
    [name] = refused
    assert said.strip() == BACKUP_NOT_WRITABLE.format(name)  # the backup, not the case book
    monkeypatch.undo()
    assert list(place.iterdir()) == []  # no half backup, no manifest
    with build_services(book, FixedClock(NOW)) as services:
        rows = services._db.execute(
            "SELECT outcome FROM audit_log WHERE action = 'database.backup' ORDER BY id"
        ).fetchall()
    assert [outcome for (outcome,) in rows] == ["started", "failed"]  # logged before, then


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_ledger_the_user_may_not_read_is_refused_as_such(
    book: Path,
    place: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    """Not "damaged or not a valid file": the system would not let it be read."""
    ledger = place / f"台账{suffix}"
    if suffix == ".xlsx":
        assert (
            main(["--db", str(book), "export", "ledger", "--year", "2024", "-o", str(ledger)]) == 0
        )
    else:
        ledger.write_text("案件编号,当事人\n", encoding="utf-8")
    capsys.readouterr()
    refused = refuse(monkeypatch, place, reading=True)
    before = database_digest(book)
    assert main(["--db", str(book), "import", str(ledger)]) == 1
    said = capsys.readouterr()
    assert "Traceback" not in said.err
    assert said.err.splitlines() == [
        f"无法读取 台账{suffix}：没有读取它的权限。请把它复制到自己能打开的文件夹后再导入",
        "发现 1 处错误，未写入任何数据",
    ]
    assert refused == [str(ledger)]
    assert database_digest(book) == before


def test_a_backup_the_user_may_not_read_is_not_restored(
    book: Path, place: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Named as the backup it is (not as the staging copy it would have become)."""
    assert main(["--db", str(book), "backup", "-o", str(place)]) == 0
    [backup] = place.glob("*.db")
    capsys.readouterr()
    refuse(monkeypatch, place, reading=True)
    assert _refused(book, ["restore", str(backup)], capsys) == (
        f"文件：无法读取备份文件 {backup}：没有读取它的权限，未做任何改动"
    )
    monkeypatch.undo()
    assert not book.with_name(book.name + ".restoring").exists()


def test_the_backups_folder_the_user_may_not_write_in_names_the_backup(
    book: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default place (``backups`` beside the book, not yet made) refused: the backup it
    would have been is named, in both languages; no case changed (the attempts are logged)."""
    folder = book.with_name("backups")
    refused = refuse(monkeypatch, folder)
    said = {}
    for lang in ("zh", "en"):
        assert main(["--db", str(book), "--lang", lang, "backup"]) == 1
        out = capsys.readouterr()
        assert out.out == ""
        assert "Traceback" not in out.err
        said[lang] = out.err.strip()
    assert refused == [str(folder), str(folder)]  # the folder was to be made, each time
    zh, en = said["zh"], said["en"]
    assert zh.startswith(f"备份文件 {folder}{os.sep}cases-")
    assert zh.endswith("-manual.db 不能写入（只读、被其他程序占用或没有权限），案件库没有改动")
    assert en.startswith(f"the backup file {folder}{os.sep}cases-")
    assert en.endswith(
        "-manual.db cannot be written (read-only, held open by another program or no"
        " permission); the case book was not changed"
    )
    monkeypatch.undo()
    assert not folder.exists()
    with build_services(book, FixedClock(NOW)) as services:
        rows = services._db.execute(
            "SELECT outcome FROM audit_log WHERE action = 'database.backup' ORDER BY id"
        ).fetchall()
    assert [outcome for (outcome,) in rows] == ["started", "failed"] * 2
