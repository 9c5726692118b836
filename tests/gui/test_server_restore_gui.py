"""文件 → 恢复 on a server case book, offscreen at 1366×768 on a real server database: the
administrator picks a pg_dump ``.dump``, is told it replaces the whole server book for every PC
(a pre-restore dump first), the restore runs on a worker thread and the restored book opens in
a new window, asking for a login on the restored book's accounts when it has them (the old
window's login may name nobody there, or another password); a damaged dump, one that does not
verify and a clerk are refused in a visible Chinese message with the server book exactly as it
was."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.session import Login
from chuansha_enforce.storage.safety.backup import file_sha256, manifest_path
from chuansha_enforce.storage.server import pg_dump
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_dump import SYSTEM_TOOLS
from tests.conftest import NOW
from tests.gui.dialog_answers import answer_when_shown
from tests.gui.test_backup_actions import _close_boxes_into
from tests.integration.test_server_mode import FILE, _cli
from tests.review_setup import CHEAP, PASSWORDS, make_accounts, open_as
from tests.server_backend import Squad, server_digest
from ui.login_dialog import LoginDialog
from ui.main_window import MainWindow

pytestmark = pytest.mark.pg

CLOCK = FixedClock(NOW)


def _file_case(services: Services, party: str) -> None:
    args = FILE.copy()
    args[args.index("张三")] = party
    code, said = _cli(services.server_url or "", *args)
    assert code == 0, said


@pytest.fixture
def book(server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A single-user server case book with its roster and one case."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "init")[0] == 0
    with open_as(server_db, CLOCK) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
        _file_case(services, "张三")
    return server_db


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: QtBot, book: str, tmp_path: Path) -> Iterator[MainWindow]:
    services = open_as(book, CLOCK)
    shown = _window(qtbot, services, tmp_path)
    yield shown
    shown.close()
    services.close()


def _cases(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM general_cases").fetchone()
    return int(row[0]) if row else -1


def _last_record(url: str) -> tuple[str, str]:
    with psycopg.connect(url) as conn:
        row = conn.execute('SELECT action, "user" FROM audit_log ORDER BY id DESC LIMIT 1')
        found = row.fetchone()
    assert found is not None
    return str(found[0]), str(found[1])


def _records(url: str) -> list[tuple[str, str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute('SELECT action, "user" FROM audit_log ORDER BY id').fetchall()
    return [(str(action), str(user)) for action, user in rows]


def _refused(qtbot: QtBot, window: MainWindow, dump: Path) -> str:
    with qtbot.waitSignal(window.safety.restore_refused, timeout=120000) as refused:
        assert window.safety.restore(dump, ask=False) is None
    box = window.safety.refused_box
    assert box.isVisible()
    assert box.text() == refused.args[0]
    box.close()
    return str(refused.args[0])


def test_the_administrator_restores_a_dump_and_the_book_opens_again_in_a_new_window(
    qtbot: QtBot, window: MainWindow, book: str, tmp_path: Path
) -> None:
    safety = window.safety
    assert safety.restore_action.isEnabled()
    assert "命令行" not in safety.restore_action.toolTip()  # no longer the CLI's only
    assert safety.backup_filter() == "pg_dump 备份 (*.dump)"
    dump = window._services.server_backups.backup(tmp_path / "out").path
    assert dump is not None
    _file_case(window._services, "李小明")  # a second case after the backup
    window.refresh_cases()
    assert window.case_model.rowCount() == 2
    question = safety.confirm_text(dump)
    assert question.startswith(f"用 pg_dump 备份 {dump} 替换服务器上的整个案件库 {book}？")
    assert "一般程序案件 1" in question
    assert "所有电脑看到的都是服务器上的这一个案件库" in question
    assert "pre-restore" in question
    with qtbot.waitSignal(safety.restored, timeout=120000) as done:
        assert safety.restore(dump, ask=False) is None  # on a worker thread
        busy = window.findChild(QProgressDialog, "serverRestoreProgress")
        assert busy is not None
    report = done.args[0]
    assert report.safety_backup is not None
    assert report.safety_backup.name.endswith("-pre-restore.dump")
    assert report.safety_backup.is_file()
    assert _cases(book) == 1  # the case filed after the backup is gone
    assert not window.isVisible()  # the restored book opened again, in a new window
    replacement = _replacement(qtbot, window)
    assert replacement.case_model.rowCount() == 1
    assert replacement.user_label.text() == "单用户模式"  # no accounts: nobody asked
    shown = safety.restored_box.text()
    assert safety.restored_box.parent() is replacement
    assert shown.startswith(f"已从 {dump} 恢复（")
    assert "一般程序案件 1" in shown
    assert f"恢复前的数据库已保存为 {report.safety_backup}" in shown
    safety.restored_box.close()
    assert _last_record(book) == ("database.restore", "单用户")
    code, said = _cli(book, "verify")
    assert code == 0, said
    _file_case(replacement._services, "王芳")  # the new window writes on the restored book
    assert _cases(book) == 2
    replacement.close()
    replacement._services.close()


def _replacement(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The window the restore opened on the restored book (the old one closed, its
    connection too)."""
    replacement = window.safety.replacement
    assert isinstance(replacement, MainWindow)
    qtbot.addWidget(replacement)
    assert replacement.isVisible()
    assert replacement._services is not window._services
    assert window._services._db.pg.raw.closed
    return replacement


def _answer_login(
    attempts: list[tuple[str, str]],
    refusals: list[str],
    before: Callable[[], object] | None = None,
) -> None:
    """Once the login dialog is up (then ``before`` is called): each (name, password) in
    turn, each refusal kept in ``refusals``; when every one is refused, the dialog is
    cancelled."""

    def answer() -> bool:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            return False
        if before is not None:
            before()
        for name, password in attempts:
            dialog.name.setText(name)
            dialog.password.setText(password)
            dialog.try_login()
            if not dialog.isVisible():
                return True
            refusals.append(dialog.error.text())
        dialog.reject()
        return True

    answer_when_shown(answer)


def test_a_file_case_books_dialog_still_lists_its_file_backups(
    qtbot: QtBot, tmp_path: Path
) -> None:
    services = open_as(tmp_path / "cases.db", CLOCK)
    shown = _window(qtbot, services, tmp_path)
    try:
        assert shown.safety.backup_filter() == "备份 (*.db)"
        assert shown.safety.restore_action.isEnabled()
    finally:
        shown.close()
        services.close()


def test_a_damaged_dump_and_one_that_does_not_verify_are_refused_visibly(
    qtbot: QtBot, window: MainWindow, book: str, tmp_path: Path
) -> None:
    good = window._services.server_backups.backup(tmp_path / "out").path
    assert good is not None
    damaged = tmp_path / "damaged" / good.name
    damaged.parent.mkdir()
    data = bytearray(good.read_bytes())
    data[-10] ^= 0xFF
    damaged.write_bytes(bytes(data))
    manifest_path(damaged).write_text(manifest_path(good).read_text("utf-8"), "utf-8")
    digest = server_digest(book)
    said = _refused(qtbot, window, damaged)
    assert said.startswith(f"文件：备份 {damaged} 与其清单不符（SHA-256：清单为 ")
    assert said.endswith("不能用于恢复，未做任何改动")
    assert server_digest(book) == digest
    # A dump of a tampered book, with a manifest that matches its bytes: its scratch copy
    # fails verify, so nothing is replaced.
    with psycopg.connect(book, autocommit=True) as owner:
        owner.execute("SET session_replication_role = replica")  # past the append-only guard
        owner.execute("UPDATE audit_log SET outcome = 'x' WHERE id = 1")
    tampered = tmp_path / "tampered" / good.name
    tampered.parent.mkdir()
    db = open_server(book)
    try:
        tools = pg_dump.find_tools(SYSTEM_TOOLS, pg_dump.server_major(db))
    finally:
        db.close()
    assert tools is not None
    pg_dump.dump(tools, book, tampered)
    label = json.loads(manifest_path(good).read_text("utf-8"))
    label.update(size_bytes=tampered.stat().st_size, sha256=file_sha256(tampered))
    manifest_path(tampered).write_text(json.dumps(label), "utf-8")
    digest = server_digest(book)
    said = _refused(qtbot, window, tampered)
    assert "恢复到临时数据库后未通过校验（audit_log 1：" in said
    assert server_digest(book) == digest
    assert window.isVisible()
    assert window.case_model.rowCount() == 1


def test_a_clerk_may_not_restore_and_an_administrator_restores_under_the_name(
    qtbot: QtBot, book: str, tmp_path: Path
) -> None:
    make_accounts(book, CLOCK)
    with open_as(book, CLOCK, "admin") as admin:
        dump = admin.server_backups.backup(tmp_path / "out").path
    assert dump is not None
    digest = server_digest(book)
    with open_as(book, CLOCK, "clerk") as clerk:
        shown = _window(qtbot, clerk, tmp_path)
        assert not shown.safety.restore_action.isEnabled()
        boxes: list[str] = []
        _close_boxes_into(boxes)  # the refusal is shown in a message box
        assert shown.safety.restore(dump, ask=False) is None  # the start-up check's way
        assert boxes
        assert "内勤）无权进行此操作" in boxes[0]
        assert server_digest(book) == digest
        shown.close()
    with open_as(book, CLOCK, "admin") as admin:
        shown = _window(qtbot, admin, tmp_path)
        refusals: list[str] = []
        _answer_login([("admin", PASSWORDS["admin"])], refusals)
        with qtbot.waitSignal(shown.safety.restored, timeout=120000):
            shown.safety.restore(dump, ask=False)
        assert refusals == []
        shown.safety.restored_box.close()
        assert ("database.restore", "admin") in _records(book)
        replacement = _replacement(qtbot, shown)
        assert replacement.case_model.rowCount() == 1
        replacement.close()
        replacement._services.close()


NEW_ADMIN_PASSWORD = "chen-pass-1"
CHANGED_PASSWORD = "admin-pass-2"


@pytest.fixture
def accounts_dump(book: str, tmp_path: Path) -> Path:
    """A book with accounts dumped; afterwards an administrator 陈 is added (so not in the
    dump) and admin's password changed (the dump keeps the old one)."""
    make_accounts(book, CLOCK)
    with open_as(book, CLOCK, "admin") as admin:
        dump = admin.server_backups.backup(tmp_path / "out").path
        assert dump is not None
        admin.accounts.add_user(NewUser("chen", Role.ADMIN, NEW_ADMIN_PASSWORD, "陈主任"))
        admin.accounts.change_password("admin", PASSWORDS["admin"], CHANGED_PASSWORD)
    return dump


def _as(book: str, name: str, password: str) -> Services:
    return build_services(book, CLOCK, login=Login(name, password), password_cost=CHEAP)


def test_after_a_restore_the_window_asks_for_a_login_on_the_restored_books_accounts(
    qtbot: QtBot, book: str, accounts_dump: Path, tmp_path: Path
) -> None:
    """The window of 陈, an administrator the dump does not know, restores it: the restored
    book is opened again and asks who logs in; 陈 is refused there, and so is admin's new
    password; admin's password of the dump logs in, in a new window; 陈's window and its
    connection close."""
    chen = _as(book, "chen", NEW_ADMIN_PASSWORD)
    window = _window(qtbot, chen, tmp_path)
    assert window.user_label.text().startswith("当前用户：陈主任")
    refusals: list[str] = []
    _answer_login(
        [
            ("chen", NEW_ADMIN_PASSWORD),
            ("admin", CHANGED_PASSWORD),
            ("admin", PASSWORDS["admin"]),
        ],
        refusals,
    )
    with qtbot.waitSignal(window.safety.restored, timeout=120000):
        window.safety.restore(accounts_dump, ask=False)
    assert refusals == ["密码：用户名或密码错误"] * 2  # each shown in the login dialog
    assert not window.isVisible()
    replacement = _replacement(qtbot, window)
    services = replacement._services
    assert services.session.account is not None
    assert services.session.account.name == "admin"
    assert replacement.user_label.text().startswith("当前用户：管理员")
    assert window.safety.restored_box.parent() is replacement
    window.safety.restored_box.close()
    records = _records(book)
    restored = records.index(("database.restore", "chen"))  # the window's administrator's
    assert records[restored + 1 :] == [  # the refused logins counted on the restored book
        ("auth.login", "chen"),
        ("auth.login", "admin"),
        ("user.failures_cleared", "admin"),
    ]
    with psycopg.connect(book) as conn:
        names = {str(r[0]) for r in conn.execute("SELECT name FROM users")}
    assert names == {"admin", "zhou", "clerk", "wang"}  # the dump's accounts
    services.settings.set("due_soon_working_days", "2")  # admin writes on the restored book
    code, said = _cli(book, "verify")
    assert code == 0, said
    replacement.close()
    services.close()


def test_a_login_cancelled_after_a_restore_closes_the_window(
    qtbot: QtBot, book: str, accounts_dump: Path, tmp_path: Path
) -> None:
    """As at start: nobody works on with the old login; the restore itself stands."""
    chen = _as(book, "chen", NEW_ADMIN_PASSWORD)
    window = _window(qtbot, chen, tmp_path)
    refusals: list[str] = []
    _answer_login([("chen", NEW_ADMIN_PASSWORD)], refusals)
    boxes: list[str] = []
    with qtbot.waitSignal(window.safety.restored, timeout=120000):
        _close_boxes_into(boxes)
        window.safety.restore(accounts_dump, ask=False)
    assert refusals == ["密码：用户名或密码错误"]
    assert len(boxes) == 1
    assert boxes[0].startswith(f"已从 {accounts_dump} 恢复（")
    assert boxes[0].endswith("请重新启动程序并登录。")
    assert not window.isVisible()
    assert window.safety.replacement is None
    assert chen._db.pg.raw.closed
    with psycopg.connect(book) as conn:
        names = {str(r[0]) for r in conn.execute("SELECT name FROM users")}
    assert "chen" not in names


def test_a_restored_book_without_accounts_opens_single_user_without_the_old_login(
    qtbot: QtBot, book: str, tmp_path: Path
) -> None:
    with open_as(book, CLOCK) as single:
        dump = single.server_backups.backup(tmp_path / "out").path
    assert dump is not None
    make_accounts(book, CLOCK)
    admin = open_as(book, CLOCK, "admin")
    window = _window(qtbot, admin, tmp_path)
    asked: list[str] = []
    _answer_login([], asked)  # a login dialog, were one shown, would be cancelled
    with qtbot.waitSignal(window.safety.restored, timeout=120000):
        window.safety.restore(dump, ask=False)
    replacement = _replacement(qtbot, window)
    assert replacement._services.session.account is None
    assert not replacement._services.session.login_required
    assert replacement.user_label.text() == "单用户模式"
    window.safety.restored_box.close()
    replacement.close()
    replacement._services.close()


SEAL_TRACKING_OFF = {
    "dropped": (
        "DROP TRIGGER seal_general_cases_i ON general_cases",
        "只读：服务器上的案件库缺少封印跟踪触发器，请管理员用数据库所有者的账号打开一次",
        "缺少封印跟踪触发器（seal_general_cases_i）",
    ),
    "switched off": (
        "ALTER TABLE general_cases DISABLE TRIGGER seal_general_cases_i",
        "只读：服务器上的案件库的封印跟踪触发器已被停用，请管理员用数据库所有者的账号打开一次",
        "的封印跟踪触发器（seal_general_cases_i）已被停用",
    ),
}


@pytest.mark.parametrize("how", list(SEAL_TRACKING_OFF))
def test_a_clerks_window_on_a_book_without_seal_tracking_only_reads_and_says_why(
    how: str, qtbot: QtBot, squad: Squad, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sql, short, sentence = SEAL_TRACKING_OFF[how]
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(squad.owner_url, "init")[0] == 0
    with psycopg.connect(squad.owner_url, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
        owner.execute(sql)
    with open_as(squad.clerk_url, CLOCK) as clerk:
        shown = _window(qtbot, clerk, tmp_path)
        banner = shown.safety.banner
        assert banner is not None
        assert banner.isVisible()
        assert banner.text() == short
        assert sentence in banner.toolTip()
        assert not shown.safety.restore_action.isEnabled()
        shown.close()
