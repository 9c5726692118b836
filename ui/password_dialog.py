"""Changing one's own password (the signing key is re-sealed under the new one by the core)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import error_text


class PasswordDialog(QDialog):
    def __init__(
        self, services: Services, name: str, lang: Lang = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        self._services = services
        self._name = name
        self._lang = lang
        self.old = self._secret("oldPassword")
        self.new = self._secret("newPassword")
        self.repeat = self._secret("repeatPassword")
        form = QFormLayout()
        form.addRow(self.tr("账户"), QLabel(name, self))
        form.addRow(self.tr("原密码"), self.old)
        form.addRow(self.tr("新密码（至少 10 位，不能是常见密码）"), self.new)
        form.addRow(self.tr("再输入一次"), self.repeat)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("passwordError")
        self.error_label.setStyleSheet("color: #a61b1b;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def submit(self) -> bool:
        try:
            if self.new.text() != self.repeat.text():
                raise DomainError("account.password_mismatch", "password")
            self._services.accounts.change_password(self._name, self.old.text(), self.new.text())
        except (DomainError, StorageError) as exc:
            self.error_label.setText(error_text(exc, self._lang))
            return False
        self.accept()
        return True
