"""The window's save actions go through the same core refusal: never over the database."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from tests.gui.test_backup_actions import _close_boxes_into
from tests.gui.test_report_menu import _window
from ui.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.report_preview import ReportPreview

REFUSAL = (
    "文件：不能保存到 {}：那是数据库文件本身、它的附属文件或它的备份，写入会毁掉数据。"
    "请另选文件名或文件夹"
)


def save_actions(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> tuple[MainWindow, ImportDialog, ReportPreview]:
    """The window (its ledger and 双公示 exports), the import dialog (its issue list) and a
    report's preview (save as): each saves a file the user names."""
    window = _window(qtbot, services, tmp_path)
    dialog = ImportDialog(window.runner)
    qtbot.addWidget(dialog)
    preview = ReportPreview(services, services.reports.annual_pdf(2024), "年度.pdf", "zh", None)
    qtbot.addWidget(preview)
    return window, dialog, preview


def test_every_save_action_refuses_the_database_and_says_so(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window, dialog, preview = save_actions(qtbot, services, tmp_path)
    db = services.db_path
    wal, lock = db.with_name(db.name + "-wal"), db.with_name(db.name + ".lock")
    before = database_digest(db)
    shown: list[str] = []
    attempts = [
        (lambda: window.export_ledger(db, 2024), db),
        (lambda: window.report_menu.export_disclosure(wal, 2024), wal),
        (lambda: preview.save_as(lock), lock),
        (lambda: dialog.save_issues(db), db),
    ]
    for number, (attempt, target) in enumerate(attempts, start=1):
        _close_boxes_into(shown)  # the warning is modal: closed once it is shown
        assert attempt() is False
        assert len(shown) == number
        assert shown[-1] == REFUSAL.format(target)
    assert database_digest(db) == before
    saved = tmp_path / "问题清单.csv"
    assert dialog.save_issues(saved)
    assert saved.read_text(encoding="utf-8-sig").startswith("类别,工作表,行,列,说明")
    preview.close()
    window.close()
