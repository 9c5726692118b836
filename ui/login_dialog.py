"""Logging in (at start when accounts exist) and unlocking after the idle lock.

The dialog only gathers a name and a password and hands them to ``attempt``; a refusal
(wrong password, locked account) is shown in the dialog, which stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.credentials import PasswordCost
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.session import Login
from ui.error_dialogs import error_text

T = TypeVar("T")


class LoginDialog(QDialog, Generic[T]):
    def __init__(
        self,
        attempt: Callable[[str, str], T],
        lang: Lang = "zh",
        *,
        fixed_user: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self._attempt = attempt
        self._lang = lang
        self.result_value: T | None = None
        unlocking = fixed_user is not None
        self.setWindowTitle(self.tr("已锁定，请重新输入密码") if unlocking else self.tr("登录"))
        self.name = QLineEdit(self)
        self.name.setObjectName("loginName")
        if fixed_user is not None:
            self.name.setText(fixed_user)
            self.name.setReadOnly(True)
        self.password = QLineEdit(self)
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self)
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #a61b1b;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.name)
        form.addRow(self.tr("密码"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("解锁") if unlocking else self.tr("登录")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("退出程序") if unlocking else self.tr("取消")
        )
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("本数据库已启用账户，请输入用户名和密码。"), self))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if unlocking else self.name).setFocus()

    def try_login(self) -> None:
        try:
            self.result_value = self._attempt(self.name.text().strip(), self.password.text())
        except (DomainError, StorageError) as exc:
            self.error.setText(error_text(exc, self._lang))
            self.password.clear()
            return
        self.password.clear()
        self.accept()


def _logged_in(dialog: LoginDialog[Services]) -> Services | None:
    """Who logged in through ``dialog`` (None: cancelled); the dialog is deleted after."""
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value
    finally:
        dialog.deleteLater()


def _attempt(
    where: Path | str, clock: Clock | None, password_cost: PasswordCost | None
) -> Callable[[str, str], Services]:
    """The case book at ``where`` (a file, or a server's ``postgresql://`` address) opened as
    whoever logs in."""

    def attempt(name: str, password: str) -> Services:
        login = Login(name, password)
        return build_services(where, clock, login=login, password_cost=password_cost)

    return attempt


def log_in_at_start(
    services: Services,
    lang: Lang = "zh",
    parent: QWidget | None = None,
    *,
    reason: str | None = None,
) -> Services | None:
    """Accounts exist: close the read-only start and reopen as whoever logs in (None:
    cancelled). A server case book (``--db postgresql://…``, or one 连接服务器… opened) is
    opened again by its address, a file by its path, with the start's clock. ``reason``:
    why a login is asked again (shown in the dialog until the first try)."""
    where, clock = services.server_url or services.db_path, services.clock
    services.close()  # one writer per process: the logged-in services take the lock
    dialog = LoginDialog(_attempt(where, clock, None), lang, parent=parent)
    if reason is not None:
        dialog.error.setText(reason)
    return _logged_in(dialog)


def log_in_again(
    where: Path | str,
    lang: Lang = "zh",
    parent: QWidget | None = None,
    *,
    clock: Clock | None = None,
    password_cost: PasswordCost | None = None,
) -> Services | None:
    """After 切换用户 closed the window and its services: who logs in now (None: cancelled)
    on the same case book (a file's path or a server's address). ``clock`` and
    ``password_cost`` are the tests' (the program's own when None)."""
    dialog = LoginDialog(_attempt(where, clock, password_cost), lang, parent=parent)
    dialog.setObjectName("switchUserDialog")
    dialog.setWindowTitle(QCoreApplication.translate("SwitchUser", "切换用户"))
    return _logged_in(dialog)
