"""文件 → 备份/恢复 in the main window, the backup on close, read-only mode, start-up recovery."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.errors import DomainError, StorageError
from tests.conftest import NOW, damage_database, database_digest
from tests.gui.dialog_answers import answer_when_shown
from tests.review_setup import PASSWORDS, make_accounts, open_as
from ui.main_window import MainWindow
from ui.startup_recovery import offer_restore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office_db(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office" / "cases.db"
    with build_services(demo_db, FixedClock(NOW)) as services:
        manifest = services.backups.backup(tmp_path / "seed")
    assert manifest.path is not None
    target.parent.mkdir()
    shutil.copyfile(manifest.path, target)
    return target


@pytest.fixture
def window(qtbot: QtBot, office_db: Path, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    services = build_services(office_db, FixedClock(NOW))
    main = MainWindow(services, settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    services.close()


def _rows(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def _services(window: MainWindow) -> Services:
    return window._services


def test_backup_from_the_file_menu_runs_with_progress(qtbot: QtBot, window: MainWindow) -> None:
    # The action is held: PySide6 6.9 invalidates the menu of a dropped temporary action.
    file_action = window.menuBar().actions()[1]
    texts = [a.text() for a in file_action.menu().actions()]
    assert "备份(&B)…" in texts
    assert "恢复(&R)…" in texts
    with qtbot.waitSignal(window.safety.backed_up, timeout=20000) as done:
        window.safety.start_backup()
    manifest = done.args[0]
    assert manifest.path.exists()
    assert manifest.tables["general_cases"] == 600
    assert "已通过完整性检查" in window.statusBar().currentMessage()


def test_restore_confirms_and_shows_what_it_restored(
    qtbot: QtBot, window: MainWindow, office_db: Path
) -> None:
    manifest = _services(window).backups.backup()
    assert manifest.path is not None
    question = window.safety.confirm_text(manifest.path)
    assert "一般程序案件 600" in question
    assert "先检查备份" in question
    _services(window).settings.set("due_soon_working_days", "2")
    report = window.safety.restore(manifest.path, ask=False)
    assert report is not None
    # Row for row the backup, plus the restore's own audit record (who restored, from what).
    restored, backed_up = _rows(office_db), _rows(manifest.path)
    added = [line for line in restored if line not in backed_up]
    assert [line for line in restored if line not in added] == backed_up
    assert len(added) == 1
    assert "'database.restore'" in added[0]
    assert f"'{_services(window).session.user}'" in added[0]
    replacement = window.safety.replacement
    assert isinstance(replacement, MainWindow)
    qtbot.addWidget(replacement)
    assert replacement.isVisible()
    assert not window.isVisible()
    shown = window.safety.restored_box.text()
    assert "一般程序案件 600" in shown
    assert "恢复前的数据库已保存为" in shown
    assert replacement.case_model.rowCount() > 0
    # dressed as at start: the 账户 menu is there as it was before the restore
    assert replacement.findChild(QAction, "manageAccounts") is not None
    window.safety.restored_box.close()
    replacement.close()
    _services(replacement).close()


def _close_boxes_into(shown: list[str]) -> None:
    """Close the next message box as soon as it appears, keeping its text in ``shown``."""

    def close_box() -> bool:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                shown.append(widget.text())
                widget.close()
                return True
        return False

    answer_when_shown(close_box)


def test_a_refused_restore_changes_nothing(
    qtbot: QtBot, window: MainWindow, office_db: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"junk" * 2000)
    before = database_digest(office_db)
    shown: list[str] = []
    _close_boxes_into(shown)  # the refusal is shown in a message box
    assert window.safety.restore(junk, ask=False) is None
    assert shown
    assert "不是数据库文件" in shown[0]
    assert database_digest(office_db) == before
    assert window.isVisible()


def test_a_changed_session_is_backed_up_on_close(window: MainWindow, office_db: Path) -> None:
    folder = office_db.parent / "backups"
    window.close()
    assert not folder.exists()  # nothing changed: no backup
    window.safety._closed = False
    window.show()
    _services(window).settings.set("due_soon_working_days", "2")
    window.close()
    saved = list(folder.glob("*-close.db"))
    assert len(saved) == 1


def test_a_second_copy_shows_read_only_mode(qtbot: QtBot, office_db: Path, tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from chuansha_enforce.services.container import build_services;"
            "s = build_services(sys.argv[1]); print('open', flush=True); sys.stdin.readline()",
            str(office_db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "open"
    try:
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        with build_services(office_db, FixedClock(NOW)) as services:
            second = MainWindow(services, settings)
            qtbot.addWidget(second)
            second.show()
            assert "只读" in second.windowTitle()
            banner = second.safety.banner
            assert banner is not None
            assert banner.isVisible()
            assert "另一个程序正在使用" in banner.text()
            disabled = {a.text() for a in second.findChildren(type(second.safety.backup_action))}
            enabled = {
                a.text()
                for a in second.findChildren(type(second.safety.backup_action))
                if a.isEnabled()
            }
            assert "立案(&N)…" in disabled - enabled
            assert "导入台账(&I)…" in disabled - enabled
            assert not second.safety.restore_action.isEnabled()
            assert second.safety.backup_action.isEnabled()  # reading, so backing up, is fine
            second.close()
    finally:
        holder.communicate("\n", timeout=30)


def test_start_up_recovery_offers_the_newest_good_backup(office_db: Path) -> None:
    with build_services(office_db, FixedClock(NOW)) as services:
        good = services.backups.backup()
    damage_database(office_db)
    with pytest.raises(StorageError) as caught:
        build_services(office_db, FixedClock(NOW))
    asked: list[str] = []
    told: list[str] = []

    def ask(text: str) -> bool:
        asked.append(text)
        return True

    recovered = offer_restore(
        caught.value,
        office_db,
        "zh",
        lambda: build_services(office_db, FixedClock(NOW)),
        ask=ask,
        tell=told.append,
    )
    assert recovered is not None
    with recovered:
        assert recovered.cases.count() == 600
    assert str(good.path) in asked[0]
    assert "损坏的原文件保存在" in told[0]


def test_start_up_recovery_with_accounts_asks_an_administrator(office_db: Path) -> None:
    clock = FixedClock(NOW)
    make_accounts(office_db, clock)
    with open_as(office_db, clock, "admin") as services:
        services.backups.backup()
    damage_database(office_db)
    with pytest.raises(StorageError) as caught:
        build_services(office_db, clock)
    tried: list[str] = []

    def log_in(attempt: Callable[[str, str], str]) -> str | None:
        """The login dialog's part: a clerk is refused, then the administrator logs in."""
        with pytest.raises(DomainError) as refused:
            attempt("clerk", PASSWORDS["clerk"])
        tried.append(refused.value.code)
        return attempt("admin", PASSWORDS["admin"])

    recovered = offer_restore(
        caught.value, office_db, "zh", lambda: open_as(office_db, clock, "admin"),
        ask=lambda _: True, tell=lambda _: None, log_in=log_in,
    )  # fmt: skip
    assert tried == ["auth.forbidden"]
    assert recovered is not None
    with recovered:
        user, action = recovered._db.execute(
            "SELECT user, action FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (user, action) == ("admin", "database.restore")


def test_a_clerk_cannot_restore_even_when_the_start_up_check_offers_it(
    qtbot: QtBot, office_db: Path, tmp_path: Path
) -> None:
    clock = FixedClock(NOW)
    make_accounts(office_db, clock)
    with open_as(office_db, clock, "admin") as services:
        saved = services.backups.backup()
    assert saved.path is not None
    shown: list[str] = []
    with open_as(office_db, clock, "clerk") as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        assert not window.safety.restore_action.isEnabled()
        before = database_digest(office_db)
        _close_boxes_into(shown)
        assert window.safety.restore(saved.path, ask=False) is None  # the start-up check's way
        assert shown
        assert "内勤）无权进行此操作" in shown[0]
        assert database_digest(office_db) == before
        window.close()
