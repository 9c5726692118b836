"""Who is logged in (the status bar) and 切换用户 (issue 21 §3)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.credentials import PasswordCost
from chuansha_enforce.services.session import Login
from ui.login_dialog import LoginDialog


def user_text(services: Services) -> str:
    """登录：周审核（法制审核人员）, or 单用户模式 while the database has no accounts."""
    account = services.session.account
    if account is not None:
        text = QCoreApplication.translate("SwitchUser", "当前用户：%1（%2）")
        return text.replace("%1", account.display_name or account.name).replace(
            "%2", account.role.label
        )
    if services.session.login_required:
        return QCoreApplication.translate("SwitchUser", "未登录（只读）")
    return QCoreApplication.translate("SwitchUser", "单用户模式")


def log_in_again(
    db_path: Path,
    lang: Lang = "zh",
    parent: QWidget | None = None,
    *,
    clock: Clock | None = None,
    password_cost: PasswordCost | None = None,
) -> Services | None:
    """After 切换用户 closed the window and its services: who logs in now (None: cancelled).
    ``clock`` and ``password_cost`` are the tests' (the program's own when None)."""

    def attempt(name: str, password: str) -> Services:
        login = Login(name, password)
        return build_services(db_path, clock, login=login, password_cost=password_cost)

    dialog: LoginDialog[Services] = LoginDialog(attempt, lang, parent=parent)
    dialog.setObjectName("switchUserDialog")
    dialog.setWindowTitle(QCoreApplication.translate("SwitchUser", "切换用户"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value
