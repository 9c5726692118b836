"""The 账户 menu of the main window. Its dialogs (``ui/account_dialog.py``,
``ui/password_dialog.py``) are loaded when first opened, not before the window's first paint."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services


def install_account_menu(window: QMainWindow, services: Services, lang: Lang = "zh") -> None:
    """An 账户 menu: 修改密码 for whoever is logged in; 账户管理 for administrators (and in
    single-user mode, to make the first account)."""
    account = services.session.account
    first = not services.accounts.has_accounts()
    manages = first or (account is not None and account.can(Permission.MANAGE_USERS))
    if services.read_only or not (manages or account is not None):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("AccountDialog", "账户(&U)"))
    if account is not None:  # every logged-in user changes their own password
        change = QAction(QCoreApplication.translate("AccountDialog", "修改密码…"), window)
        change.setObjectName("changePassword")
        name = account.name

        def change_password() -> None:
            from ui.password_dialog import PasswordDialog  # noqa: PLC0415

            PasswordDialog(services, name, lang, window).exec()

        change.triggered.connect(change_password)
        menu.addAction(change)
    if not manages:
        return
    action = QAction(QCoreApplication.translate("AccountDialog", "账户管理…"), window)
    action.setObjectName("manageAccounts")

    def open_dialog() -> None:
        from ui.account_dialog import AccountDialog  # noqa: PLC0415

        AccountDialog(services, lang, window).exec()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
