"""The administrator's account dialog: every account's state, 重置密码 and the registry link."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.session import Login
from tests.conftest import database_digest
from tests.review_setup import CHEAP, open_as, prepared
from ui.account_dialog import AccountDialog


def _cells(dialog: AccountDialog, name: str) -> list[str]:
    table = dialog.accounts
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.text() == name:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    raise AssertionError(name)


def _select(dialog: AccountDialog, name: str) -> None:
    names = [dialog.accounts.item(r, 0).text() for r in range(dialog.accounts.rowCount())]
    dialog.accounts.selectRow(names.index(name))


def test_the_dialog_shows_states_resets_a_password_and_links_an_officer(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    for _ in range(2):  # two wrong passwords: the list shows them
        with pytest.raises(DomainError):
            build_services(
                db_path, clock, login=Login("clerk", "wrong-pass-00"), password_cost=CHEAP
            )
    with open_as(db_path, clock, "admin") as services:
        services.accounts.disable_user("wang")
        dialog = AccountDialog(services)
        qtbot.addWidget(dialog)
        least = dialog.minimumSizeHint()  # it fits the office's 1366×768 screen, in its frame
        assert least.width() <= 1366 - 40, least
        assert least.height() <= 768 - 80, least
        dialog.resize(1000, 680)
        dialog.show()
        headers = [dialog.accounts.horizontalHeaderItem(c).text() for c in range(7)]
        assert headers == ["用户名", "姓名", "角色", "状态", "锁定至", "连续失败", "关联执法人员"]
        assert _cells(dialog, "clerk") == ["clerk", "内勤小陈", "内勤", "正常", "", "2", ""]
        assert _cells(dialog, "wang")[3] == "已停用"
        # nothing selected: a visible message, nothing written
        before = database_digest(db_path)
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text().startswith("用户")
        _select(dialog, "clerk")
        dialog.new_password.setText("short")
        dialog.new_repeat.setText("short")
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == "密码：密码至少10个字符"
        assert dialog.new_password.text() == ""  # never left in the field
        assert database_digest(db_path) == before
        _select(dialog, "clerk")
        dialog.new_password.setText("clerk-reset-pass-5")
        dialog.new_repeat.setText("clerk-reset-pass-5")
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text().startswith("已重置账户 clerk 的密码")
        assert _cells(dialog, "clerk")[3:6] == ["须本人改密码", "", "0"]
        _select(dialog, "zhou")
        dialog.officer.setCurrentIndex(dialog.officer.findData("李明(31150002)"))
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == "账户 zhou 已关联执法人员 李明(31150002)"
        assert _cells(dialog, "zhou")[6] == "李明(31150002)"
    login = Login("clerk", "clerk-reset-pass-5")
    with build_services(db_path, clock, login=login, password_cost=CHEAP) as services:
        assert services.verify().ok
