"""文件 → 恢复 on a server case book, offscreen at 1366×768 on a real server database: the
administrator picks a pg_dump ``.dump``, is told it replaces the whole server book for every PC
(a pre-restore dump first), the restore runs on a worker thread and the same window reloads its
lists; a damaged dump, one that does not verify and a clerk are refused in a visible Chinese
message with the server book exactly as it was."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services
from chuansha_enforce.storage.safety.backup import file_sha256, manifest_path
from chuansha_enforce.storage.server import pg_dump
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_dump import SYSTEM_TOOLS
from tests.conftest import NOW
from tests.gui.test_backup_actions import _close_boxes_into
from tests.integration.test_server_mode import FILE, _cli
from tests.review_setup import make_accounts, open_as
from tests.server_backend import Squad, server_digest
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


def _refused(qtbot: QtBot, window: MainWindow, dump: Path) -> str:
    with qtbot.waitSignal(window.safety.restore_refused, timeout=120000) as refused:
        assert window.safety.restore(dump, ask=False) is None
    box = window.safety.refused_box
    assert box.isVisible()
    assert box.text() == refused.args[0]
    box.close()
    return str(refused.args[0])


def test_the_administrator_restores_a_dump_and_the_same_window_reloads(
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
    assert window.isVisible()  # the same window, its list reloaded
    assert window.case_model.rowCount() == 1
    shown = safety.restored_box.text()
    assert shown.startswith(f"已从 {dump} 恢复（")
    assert "一般程序案件 1" in shown
    assert f"恢复前的数据库已保存为 {report.safety_backup}" in shown
    safety.restored_box.close()
    assert _last_record(book) == ("database.restore", "单用户")
    code, said = _cli(book, "verify")
    assert code == 0, said
    _file_case(window._services, "王芳")  # the window writes on after the restore
    assert _cases(book) == 2


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
        with qtbot.waitSignal(shown.safety.restored, timeout=120000):
            shown.safety.restore(dump, ask=False)
        shown.safety.restored_box.close()
        assert _last_record(book) == ("database.restore", "admin")
        assert shown.case_model.rowCount() == 1
        shown.close()


def test_a_clerks_window_on_a_book_without_seal_tracking_only_reads_and_says_why(
    qtbot: QtBot, squad: Squad, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(squad.owner_url, "init")[0] == 0
    with psycopg.connect(squad.owner_url, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
        owner.execute("DROP TRIGGER seal_general_cases_i ON general_cases")
    with open_as(squad.clerk_url, CLOCK) as clerk:
        shown = _window(qtbot, clerk, tmp_path)
        banner = shown.safety.banner
        assert banner is not None
        assert banner.isVisible()
        assert banner.text() == (
            "只读：服务器上的案件库缺少封印跟踪触发器，请管理员用数据库所有者的账号打开一次"
        )
        assert "缺少封印跟踪触发器（seal_general_cases_i）" in banner.toolTip()
        assert not shown.safety.restore_action.isEnabled()
        shown.close()


def test_a_clerks_window_on_switched_off_seal_tracking_only_reads_and_says_why(
    qtbot: QtBot, squad: Squad, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(squad.owner_url, "init")[0] == 0
    with psycopg.connect(squad.owner_url, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
        owner.execute("ALTER TABLE general_cases DISABLE TRIGGER seal_general_cases_i")
    with open_as(squad.clerk_url, CLOCK) as clerk:
        shown = _window(qtbot, clerk, tmp_path)
        banner = shown.safety.banner
        assert banner is not None
        assert banner.isVisible()
        assert banner.text() == (
            "只读：服务器上的案件库的封印跟踪触发器已被停用，请管理员用数据库所有者的账号打开一次"
        )
        assert "的封印跟踪触发器（seal_general_cases_i）已被停用" in banner.toolTip()
        assert not shown.safety.restore_action.isEnabled()
        shown.close()
