"""Changing one's own password in the window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.session import Login
from tests.conftest import NOW
from tests.review_setup import CHEAP, PASSWORDS, open_as, prepared
from ui.password_dialog import PasswordDialog


def test_the_password_dialog_changes_the_password(qtbot: QtBot, tmp_path: Path) -> None:
    path, clock = tmp_path / "office.db", FixedClock(NOW)
    prepared(path, clock)
    with open_as(path, clock, "clerk") as svc:
        dialog = PasswordDialog(svc, "clerk")
        qtbot.addWidget(dialog)
        dialog.old.setText(PASSWORDS["clerk"])
        dialog.new.setText("clerk-new-pass-2")
        dialog.repeat.setText("clerk-new-pass-3")
        assert not dialog.submit()
        assert dialog.error_label.text() == "密码：两次输入的密码不一致"
        dialog.repeat.setText("clerk-new-pass-2")
        assert dialog.submit()
    with build_services(
        path, clock, login=Login("clerk", "clerk-new-pass-2"), password_cost=CHEAP
    ) as svc:
        assert svc.session.account is not None
