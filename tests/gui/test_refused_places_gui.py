"""The window where the operating system refuses a file the user names (EACCES, met for real
at the system edge: ``tests.refused_place``): each save action, a backup to a folder (or
renamed into it), an import and a restore say so in a visible message naming the file, and
the database is as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from tests.gui.test_backup_actions import _close_boxes_into
from tests.gui.test_output_refusals import save_actions
from tests.gui.test_report_menu import _window
from tests.ledger_files import ledger
from tests.refused_place import refuse, refuse_replacing
from ui.import_dialog import ImportDialog
from ui.runner import OperationRunner

NO_PERMISSION = "文件：无法写入 {}：没有在那里写入的权限。请另选位置"
BACKUP_NOT_WRITABLE = "备份文件 {} 不能写入（只读、被其他程序占用或没有权限），案件库没有改动"


def test_every_save_action_says_the_folder_may_not_be_written(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, dialog, preview = save_actions(qtbot, services, tmp_path)
    shut = tmp_path / "shut"
    shut.mkdir()
    ledger_file, listing, pdf, issues = (
        shut / "台账.xlsx", shut / "双公示.csv", shut / "年度.pdf", shut / "问题清单.csv"
    )  # fmt: skip
    attempts = [
        (lambda: window.export_ledger(ledger_file, 2024), ledger_file),
        (lambda: window.report_menu.export_disclosure(listing, 2024), listing),
        (lambda: preview.save_as(pdf), pdf),
        (lambda: dialog.save_issues(issues), issues),
    ]
    before = database_digest(services.db_path)
    refused = refuse(monkeypatch, shut)
    shown: list[str] = []
    for number, (attempt, target) in enumerate(attempts, start=1):
        _close_boxes_into(shown)  # the warning is modal: closed once it is shown
        assert attempt() is False
        assert len(shown) == number
        assert shown[-1] == NO_PERMISSION.format(target)
        assert refused  # the operating system said no
        refused.clear()
    monkeypatch.undo()
    assert database_digest(services.db_path) == before
    assert list(shut.iterdir()) == []
    assert preview.save_as(tmp_path / "年度.pdf")  # elsewhere the same save goes through
    preview.close()
    window.close()


def test_a_backup_to_a_folder_that_may_not_be_written_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, services, tmp_path)
    shut = tmp_path / "shut"
    shut.mkdir()
    before = database_digest(services.db_path)
    refuse(monkeypatch, shut)
    shown: list[str] = []
    _close_boxes_into(shown)
    window.safety.start_backup(shut)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [NO_PERMISSION.format(shut)]
    monkeypatch.undo()
    assert database_digest(services.db_path) == before  # refused before it was logged
    assert list(shut.iterdir()) == []
    window.close()


def test_a_ledger_that_may_not_be_read_is_said_so_in_the_import_dialog(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    place = tmp_path / "in"
    place.mkdir()
    book = ledger(place / "台账.xlsx")
    dialog = ImportDialog(OperationRunner(services))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(book))
    before = database_digest(services.db_path)
    refuse(monkeypatch, place, reading=True)
    dialog.start(dry_run=False)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.wait_finished()
    assert dialog.summary.text() == "发现 1 处错误，未写入任何数据"
    assert dialog.issue_rows() == [
        [
            "错误",
            "",
            "",
            "",
            "无法读取 台账.xlsx：没有读取它的权限。请把它复制到自己能打开的文件夹后再导入",
        ]
    ]
    assert database_digest(services.db_path) == before


def test_a_backup_that_may_not_be_renamed_into_place_names_the_backup_file(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The folder passes its check; the rename of the finished copy over its name is refused
    (Windows, the file held open): the backup file is named, not the case book."""
    window = _window(qtbot, services, tmp_path)
    shut = tmp_path / "shut"
    shut.mkdir()
    refused = refuse_replacing(monkeypatch, shut)
    shown: list[str] = []
    _close_boxes_into(shown)
    window.safety.start_backup(shut)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    [name] = refused
    assert shown == [BACKUP_NOT_WRITABLE.format(name)]
    monkeypatch.undo()
    assert list(shut.iterdir()) == []  # no half backup, no manifest
    window.close()


def test_a_backup_that_may_not_be_read_is_not_restored_and_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """文件 → 恢复 of a backup the OS will not let be read (past the confirmation: ``ask=False``
    is the path the answer Yes takes): a visible message naming the backup, the case book
    exactly as it was, no staging copy left."""
    window = _window(qtbot, services, tmp_path)
    shut = tmp_path / "shut"
    backup = services.backups.backup(shut).path
    assert backup is not None
    before = database_digest(services.db_path)
    refused = refuse(monkeypatch, shut, reading=True)
    shown: list[str] = []
    _close_boxes_into(shown)
    assert window.safety.restore(backup, ask=False) is None
    assert shown == [f"文件：无法读取备份文件 {backup}：没有读取它的权限，未做任何改动"]
    assert str(backup) in refused  # the operating system said no
    monkeypatch.undo()
    assert database_digest(services.db_path) == before
    assert not services.db_path.with_name(services.db_path.name + ".restoring").exists()
    window.close()
