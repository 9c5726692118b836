"""A window open on a server case book while the book is restored elsewhere (another PC, or
the command line), offscreen at 1366×768 on a real server database: its next operation is
refused with nothing written, and the window asks for a login on the restored book's accounts
as the restoring PC's does (the reason shown in the login dialog; a cancelled login closes the
window); a dialog open over it is closed first; a background operation too; a restored book
without accounts opens single-user and says why."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.services.account_service import NewUser
from tests.conftest import database_digest
from tests.gui.test_backup_actions import _close_boxes_into
from tests.gui.test_server_restore_gui import (
    CLOCK,
    _answer_login,
    _as,
    _window,
    book,  # noqa: F401  (a fixture)
)
from tests.integration.test_server_restore_sessions import CHEN, _officer
from tests.integration.test_server_restore_sessions import REFUSED as SAID
from tests.review_setup import PASSWORDS, make_accounts, open_as
from ui.case_picker import CasePicker
from ui.crash_handler import install_crash_handler
from ui.idle_lock import IdleLock
from ui.main_window import MainWindow

pytestmark = pytest.mark.pg


def _restored_under(
    qtbot: QtBot,
    url: str,
    tmp_path: Path,
    *,
    accounts: bool,
    before_restore: Callable[[MainWindow], object] | None = None,
) -> MainWindow:
    """PC A takes a dump of the book, then adds an administrator 陈 (not in the dump); PC B's
    window (陈's, or single-user) is open and its session has worked; then PC A restores the
    dump in place of the whole book. Returns B's window."""
    if accounts:
        make_accounts(url, CLOCK)
    admin = "admin" if accounts else None
    with open_as(url, CLOCK, admin) as pc_a:
        dump = pc_a.server_backups.backup(tmp_path / "out").path
        assert dump is not None
        if accounts:
            pc_a.accounts.add_user(NewUser("chen", Role.ADMIN, CHEN, "陈主任"))
    pc_b = _as(url, "chen", CHEN) if accounts else open_as(url, CLOCK)
    pc_b.officers.register(_officer(1))  # B works before the restore
    window = _window(qtbot, pc_b, tmp_path)
    if before_restore is not None:
        before_restore(window)
    with open_as(url, CLOCK, admin) as pc_a:
        pc_a.restore_server_dump(dump)
    return window


def _new_window(qtbot: QtBot, old: MainWindow) -> MainWindow:
    replacement = old.safety.replacement
    assert isinstance(replacement, MainWindow)
    qtbot.addWidget(replacement)
    assert replacement.isVisible()
    assert not old.isVisible()
    assert old._services._db.pg.raw.closed
    return replacement


def test_the_other_window_asks_for_a_login_at_its_next_operation(
    qtbot: QtBot,
    book: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _restored_under(qtbot, book, tmp_path, accounts=True)
    form = QDialog(window)  # a form left open over the window
    form.setModal(True)
    form.show()
    before = database_digest(book)
    asked: list[str] = []
    unchanged: list[bool] = []

    def answer_when_asked() -> None:
        dialog = window.findChild(QDialog, "loginDialog")
        asked.append(dialog.error.text() if dialog is not None else "")
        unchanged.append(database_digest(book) == before)

    refusals: list[str] = []
    _answer_login(
        [("chen", CHEN), ("admin", PASSWORDS["admin"])],
        refusals,
        before=answer_when_asked,
    )
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000) as ended:
        assert window.runner.run_op(lambda s: s.officers.register(_officer(2))) is None
    assert ended.args == [SAID]
    assert asked == [SAID]  # the login dialog says why it asks
    assert unchanged == [True]  # the refused operation wrote nothing
    assert refusals == ["密码：用户名或密码错误"]  # 陈 is nobody on the restored book
    assert not form.isVisible()
    replacement = _new_window(qtbot, window)
    services = replacement._services
    assert services.session.account is not None
    assert services.session.account.name == "admin"
    assert replacement.user_label.text().startswith("当前用户：管理员")
    assert replacement.runner.run_op(lambda s: s.officers.register(_officer(2))) is not None
    replacement.close()
    services.close()


def _search(window: MainWindow) -> None:
    window.search_box.setText("张三")
    window.apply_search()


def _picker_offers(window: MainWindow) -> None:
    line = CasePicker(window._services, window).lineEdit()
    assert line is not None
    line.textEdited.emit("张三")  # typing in a form's case number offers cases


WINDOW_READS: dict[str, Callable[[MainWindow], object]] = {
    "the case list paged from its start": lambda window: window.case_model.reload(),
    "the case list refreshed": lambda window: window.refresh_cases(),
    "the year filter": lambda window: window.year_filter.setCurrentIndex(1),
    "the search box": _search,
    "a case picker's offers": _picker_offers,
}


@pytest.mark.parametrize("read", WINDOW_READS, ids=list(WINDOW_READS))
def test_a_read_of_the_window_ends_the_session_as_an_operation_does(
    qtbot: QtBot,
    book: str,  # noqa: F811
    tmp_path: Path,
    read: str,
) -> None:
    """The case list (its pages, count and calendar), the search box, the year filter and a
    case picker read outside an operation: after the restore the read is refused, no
    exception reaches Qt (pytest-qt fails a test on one in a slot or a model's virtual), the
    login dialog says why and the new window lists the restored book."""
    window = _restored_under(qtbot, book, tmp_path, accounts=True)
    assert window.case_model.rowCount() == 1
    before = database_digest(book)
    asked: list[str] = []

    def answer_when_asked() -> None:
        dialog = window.findChild(QDialog, "loginDialog")
        asked.append(dialog.error.text() if dialog is not None else "")

    refusals: list[str] = []
    _answer_login([("admin", PASSWORDS["admin"])], refusals, before=answer_when_asked)
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000) as ended:
        WINDOW_READS[read](window)
    assert ended.args == [SAID]
    assert asked == [SAID]
    assert refusals == []
    assert database_digest(book) == before
    replacement = _new_window(qtbot, window)
    assert replacement.user_label.text().startswith("当前用户：管理员")
    assert replacement.case_model.case_at(0).party_name == "张三"  # the restored book's
    replacement.close()
    replacement._services.close()


def test_a_cancelled_login_closes_the_window(
    qtbot: QtBot,
    book: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _restored_under(qtbot, book, tmp_path, accounts=True)
    refusals: list[str] = []
    _answer_login([], refusals)  # cancelled
    boxes: list[str] = []
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000):
        _close_boxes_into(boxes)
        window.runner.run_op(lambda s: s.settings.current())
    assert boxes == [SAID + "\n\n请重新启动程序并登录。"]
    assert not window.isVisible()
    assert window.safety.replacement is None
    assert window._services._db.pg.raw.closed


def test_a_background_operation_ends_the_session_too_and_a_book_without_accounts_opens_single_user(
    qtbot: QtBot,
    book: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    window = _restored_under(qtbot, book, tmp_path, accounts=False)
    done: list[object] = []
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000):
        window.runner.run_op(lambda s: s.settings.current(), done.append, background=True)
    assert done == []
    replacement = _new_window(qtbot, window)
    assert replacement.user_label.text() == "单用户模式"
    box = window.safety.ended_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert box.text() == SAID
    box.close()
    assert replacement.runner.run_op(lambda s: s.officers.register(_officer(2))) is not None
    replacement.close()
    replacement._services.close()


@pytest.mark.qt_no_exception_capture  # the program's own crash handler gets it, as in use
def test_a_service_called_outside_the_runner_asks_for_a_login_again_and_shows_no_bug(
    qtbot: QtBot,
    book: str,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    install_crash_handler(tmp_path / "crash.log")
    window = _restored_under(qtbot, book, tmp_path, accounts=False)
    crashed: list[str] = []

    def bug_box() -> None:  # the crash handler's box would be a modal "程序错误"
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QMessageBox) and modal.windowTitle() == "程序错误":
            crashed.append(modal.text())
            modal.close()

    watch = QTimer(window.safety)
    watch.timeout.connect(bug_box)
    watch.start(50)
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000) as ended:
        QTimer.singleShot(0, window._services.settings.current)  # a widget's own call
    watch.stop()
    assert ended.args == [SAID]
    assert crashed == []
    replacement = _new_window(qtbot, window)
    assert window.safety.ended_box.text() == SAID
    window.safety.ended_box.close()
    replacement.close()
    replacement._services.close()


def test_a_window_locked_while_idle_gives_way_to_the_login_on_the_restored_book(
    qtbot: QtBot,
    book: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """No unlock on a book restored since the login: the lock's dialog closes (the program
    does not quit) and the window asks who logs in on the restored book."""
    locks: list[IdleLock] = []

    def idle_lock(window: MainWindow) -> None:
        account = window._services.session.account
        assert account is not None
        locks.append(IdleLock(window, window._services, account, timeout_ms=150))

    window = _restored_under(qtbot, book, tmp_path, accounts=True, before_restore=idle_lock)
    lock = locks[0]
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    locked = lock.dialog
    assert locked is not None
    quit_asked: list[bool] = []
    app = QApplication.instance()
    assert app is not None
    app.aboutToQuit.connect(lambda: quit_asked.append(True))
    refusals: list[str] = []
    with qtbot.waitSignal(window.safety.session_ended, timeout=60000):
        locked.password.setText(CHEN)
        locked.try_login()
        assert locked.error.text() == SAID  # said in the lock's dialog
        _answer_login([("admin", PASSWORDS["admin"])], refusals)
    assert refusals == []
    assert not locked.isVisible()
    assert quit_asked == []
    replacement = _new_window(qtbot, window)
    assert replacement.user_label.text().startswith("当前用户：管理员")
    replacement.close()
    replacement._services.close()
