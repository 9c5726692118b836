"""Account management for administrators: the accounts on record and adding one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts import Permission, Role
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import error_text
from ui.password_dialog import PasswordDialog


class AccountDialog(QDialog):
    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("账户管理"))
        self._services = services
        self._lang = lang
        self.accounts = QListWidget(self)
        self.accounts.setObjectName("accountList")
        self.name = QLineEdit(self)
        self.name.setObjectName("accountName")
        self.display = QLineEdit(self)
        self.display.setObjectName("accountDisplay")
        self.role = QComboBox(self)
        self.role.setObjectName("accountRole")
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.qualification = QLineEdit(self)
        self.qualification.setObjectName("accountQualification")
        self.password = QLineEdit(self)
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("accountRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.name)
        form.addRow(self.tr("姓名"), self.display)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("法律职业资格证号（审核员必填）"), self.qualification)
        form.addRow(self.tr("密码"), self.password)
        form.addRow(self.tr("再输入一次"), self.repeat)
        self.add_button = QPushButton(self.tr("添加账户"), self)
        self.add_button.setObjectName("addAccount")
        self.add_button.clicked.connect(self.add)
        self.message = QLabel(self)
        self.message.setObjectName("accountMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.accounts)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.accounts.clear()
        for a in self._services.accounts.users():
            qualification = f"　{a.qualification_no}" if a.qualification_no else ""
            self.accounts.addItem(f"{a.name}　{a.display_name}　{a.role.label}{qualification}")

    def add(self) -> None:
        try:
            if self.password.text() != self.repeat.text():
                raise DomainError("account.password_mismatch", "password")
            account = self._services.accounts.add_user(
                NewUser(
                    name=self.name.text(),
                    role=Role(str(self.role.currentData())),
                    password=self.password.text(),
                    display_name=self.display.text(),
                    qualification_no=self.qualification.text(),
                )
            )
        except (DomainError, StorageError) as exc:
            self.message.setText(error_text(exc, self._lang))
            return
        finally:
            self.password.clear()
            self.repeat.clear()
        self.message.setText(self.tr("已添加账户 %1").replace("%1", account.name))
        for field in (self.name, self.display, self.qualification):
            field.clear()
        self.reload()


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
        change.triggered.connect(lambda: PasswordDialog(services, name, lang, window).exec())
        menu.addAction(change)
    if not manages:
        return
    action = QAction(QCoreApplication.translate("AccountDialog", "账户管理…"), window)
    action.setObjectName("manageAccounts")

    def open_dialog() -> None:
        AccountDialog(services, lang, window).exec()

    action.triggered.connect(open_dialog)
    menu.addAction(action)
