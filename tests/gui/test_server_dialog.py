"""文件 → 连接服务器… at the office's 1366×768: a real server database on the test cluster is
tested and opened in a new main window; a host nobody listens on, an empty field and a bad
port are said in Chinese in the dialog; the address (never the password) is remembered."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.session import Login
from chuansha_enforce.storage.migrations import known_names
from tests.conftest import NOW, database_digest
from tests.gui.test_screen_fit import _outside
from tests.review_setup import CHEAP, PASSWORDS
from ui.login_dialog import LoginDialog, log_in_again, log_in_at_start
from ui.main_window import MainWindow
from ui.server_dialog import ServerDialog


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        yield services


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, svc: Services, settings: QSettings) -> Iterator[MainWindow]:
    shown = MainWindow(svc, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _fill(dialog: ServerDialog, **values: str) -> None:
    for key, value in values.items():
        dialog.fields[key].setText(value)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_file_menu_offers_the_dialog_and_it_fits_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    actions = [a for a in window.menuBar().actions() if a.text() == "文件(&F)"]
    entries = [a.objectName() for a in actions[0].menu().actions()]
    assert "serverAction" in entries
    dialog = window.connect_server()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "连接服务器"
    assert dialog.fields["port"].text() == "5432"  # PostgreSQL's default until one is remembered
    assert _outside(dialog) == []
    dialog.reject()


def test_a_host_nobody_listens_on_and_bad_fields_are_said_in_the_dialog(
    qtbot: QtBot, window: MainWindow, svc: Services, settings: QSettings
) -> None:
    digest = database_digest(svc.db_path)
    dialog = window.connect_server()
    _fill(dialog, host="", port="5432", database="cases", user="clerk1")
    assert dialog.test_connection() is None
    assert dialog.message.text() == "服务器地址：请填写"
    _fill(dialog, host="127.0.0.1", port="54x")
    assert dialog.open_server() is None
    assert dialog.message.text() == "端口：须为 1 到 65535 的整数（PostgreSQL 默认 5432）"
    _fill(dialog, port="70000")
    assert dialog.test_connection() is None
    assert dialog.message.text().startswith("端口：须为 1 到 65535")
    _fill(dialog, database="my cases", port="5432")
    assert dialog.test_connection() is None
    assert dialog.message.text() == "数据库名：不能含空格或 / @ ? # 等字符"
    port = _closed_port()
    _fill(dialog, database="cases", port=str(port), password="geheim")
    assert dialog.test_connection() is None
    said = dialog.message.text()
    assert said.startswith(f"无法连接数据库服务器 postgresql://clerk1@127.0.0.1:{port}/cases：")
    assert "geheim" not in said
    assert "a61b1b" in dialog.message.styleSheet()  # shown as an error
    assert dialog.open_server() is None
    assert dialog.isVisible()
    assert window.isVisible()  # nothing opened, nothing remembered, the file as it was
    assert settings.value("server/host") is None
    assert database_digest(svc.db_path) == digest
    dialog.reject()


@pytest.mark.pg
def test_a_real_server_database_is_tested_and_opened_in_a_new_window(
    qtbot: QtBot,
    window: MainWindow,
    settings: QSettings,
    server_db: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(Path(settings.fileName()).parent / "data"))
    where = urlsplit(server_db)
    dialog = window.connect_server()
    _fill(
        dialog,
        host=str(where.hostname),
        port=str(where.port),
        database=where.path.lstrip("/"),
        user=str(where.username),
        password="geheim",  # the test cluster trusts its logins: the password goes unused
    )
    checked = dialog.test_connection()
    assert checked is not None
    assert dialog.message.text().startswith("连接成功：PostgreSQL 15.")
    assert dialog.message.text().endswith("，该数据库尚无案件库（打开时建立）")
    opened = dialog.open_server()
    assert opened is not None
    QApplication.processEvents()
    replacement = dialog.replacement
    assert isinstance(replacement, MainWindow)
    qtbot.addWidget(replacement)
    assert replacement.isVisible()
    assert not window.isVisible()
    place = where.netloc.split("@")[1]
    assert opened.server_url == f"postgresql://{where.username}:geheim@{place}{where.path}"
    assert replacement.case_model.rowCount() == 0
    assert replacement.windowTitle() == window.windowTitle()
    # the address is remembered, the password is not (nor left in the dialog)
    settings.sync()
    text = Path(settings.fileName()).read_text(encoding="utf-8")
    assert "geheim" not in text
    assert settings.value("server/host") == where.hostname
    assert settings.value("server/database") == where.path.lstrip("/")
    assert dialog.fields["password"].text() == ""
    again = replacement.connect_server()
    assert again.fields["host"].text() == where.hostname
    assert again.fields["port"].text() == str(where.port)
    assert again.fields["password"].text() == ""
    _fill(again, password="")
    assert again.test_connection() is not None
    assert again.message.text().endswith(f"，已有案件库（结构版本 {known_names()[-1]}）")
    again.reject()
    replacement.close()
    opened.close()


@pytest.mark.pg
def test_the_window_backs_up_a_server_case_book_with_pg_dump_and_not_on_close(
    qtbot: QtBot,
    settings: QSettings,
    server_db: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with build_services(server_db, FixedClock(NOW)) as services:
        shown = MainWindow(services, settings)
        qtbot.addWidget(shown)
        shown.show()
        assert shown.safety.restore_action.isEnabled()  # a dump (test_server_restore_gui.py)
        folder = tmp_path / "dumps"
        with qtbot.waitSignal(shown.safety.backed_up, timeout=60000) as done:
            shown.safety.start_backup(folder)
        manifest = done.args[0]
        assert manifest.path.parent == folder
        assert manifest.path.suffix == ".dump"
        assert "已通过完整性检查" in shown.statusBar().currentMessage()
        services.settings.set("due_soon_working_days", "2")  # the chain moves
        shown.close()  # no backup on close for a server case book
        assert sorted(p.name for p in folder.glob("*.dump")) == [manifest.path.name]
        assert not services.backups.folder.exists()


@pytest.mark.pg
def test_a_server_case_book_with_accounts_asks_for_a_login_before_its_window(
    qtbot: QtBot,
    window: MainWindow,
    server_db: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with build_services(server_db, FixedClock(NOW), password_cost=CHEAP) as services:
        services.accounts.add_user(NewUser("admin", Role.ADMIN, PASSWORDS["admin"], "管理员"))
    where = urlsplit(server_db)
    dialog = window.connect_server()
    _fill(
        dialog,
        host=str(where.hostname),
        port=str(where.port),
        database=where.path.lstrip("/"),
        user=str(where.username),
    )
    answered: list[str] = []

    def log_in() -> None:
        login = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "loginDialog")
        assert isinstance(login, LoginDialog)
        login.name.setText("admin")
        login.password.setText("wrong password 1")
        login.try_login()
        answered.append(login.error.text())
        login.password.setText(PASSWORDS["admin"])
        login.try_login()

    QTimer.singleShot(0, log_in)
    opened = dialog.open_server()
    assert opened is not None
    assert answered == ["密码：用户名或密码错误"]  # the refusal is shown in the login dialog
    replacement = dialog.replacement
    assert isinstance(replacement, MainWindow)
    qtbot.addWidget(replacement)
    chosen = replacement._services
    assert chosen.server_url == opened.server_url
    assert chosen.session.account is not None
    assert chosen.session.account.name == "admin"
    replacement.close()
    chosen.close()


@pytest.mark.pg
def test_a_server_case_book_with_accounts_logs_in_at_start_and_switches_user(
    qtbot: QtBot,
    server_db: str,
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """``chuansha-enforce-gui --db postgresql://…`` on a book with accounts: the start's
    login (and 切换用户's) opens the server case book again by its address, not a file."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock = FixedClock(NOW)
    with build_services(server_db, clock, password_cost=CHEAP) as first:
        first.accounts.add_user(NewUser("admin", Role.ADMIN, PASSWORDS["admin"], "管理员"))
    admin_login = Login("admin", PASSWORDS["admin"])
    with build_services(server_db, clock, login=admin_login, password_cost=CHEAP) as admin:
        admin.accounts.add_user(NewUser("clerk", Role.CLERK, PASSWORDS["clerk"], "内勤小陈"))
    start = build_services(server_db, clock)  # as the window's start opens ``--db``
    assert start.session.login_required
    answered: list[str] = []

    def log_in(name: str) -> Callable[[], None]:
        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, LoginDialog)
            dialog.name.setText(name)
            dialog.password.setText("wrong password 1")
            dialog.try_login()
            answered.append(dialog.error.text())
            dialog.password.setText(PASSWORDS[name])
            dialog.try_login()
            if dialog.isVisible():  # refused: the test fails below instead of waiting
                answered.append(dialog.error.text())
                dialog.reject()

        return fill

    QTimer.singleShot(0, log_in("admin"))
    chosen = log_in_at_start(start)
    assert chosen is not None
    with chosen:
        assert (chosen.server_url, chosen.clock) == (server_db, clock)
        assert chosen.session.account is not None
        assert chosen.session.account.name == "admin"
        shown = MainWindow(chosen, settings)
        qtbot.addWidget(shown)
        shown.show()
        assert shown.user_label.text().startswith("当前用户：管理员")
        shown.close()
    QTimer.singleShot(0, log_in("clerk"))
    again = log_in_again(server_db, clock=clock, password_cost=CHEAP)
    assert again is not None
    with again:
        assert again.server_url == server_db
        assert again.session.account is not None
        assert again.session.account.name == "clerk"
    assert answered == ["密码：用户名或密码错误"] * 2  # each refusal shown in the dialog
    with psycopg.connect(server_db) as conn:
        logins = conn.execute(
            "SELECT \"user\", outcome FROM audit_log WHERE action = 'auth.login' ORDER BY id"
        ).fetchall()
    # the refused attempts were the server's (a file would hold them instead)
    assert [tuple(map(str, row)) for row in logins] == [("admin", "failed"), ("clerk", "failed")]
