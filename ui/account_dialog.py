"""Account management for administrators: every account with its state (role, disabled,
locked until, failures, the linked officer), resetting another account's password, linking
an account to the officer registry, and adding one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import CHINA_TZ
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.account_service import AccountState, NewUser
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import error_text


def _secret(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class AccountDialog(QDialog):
    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.setWindowTitle(self.tr("账户管理"))
        self._services = services
        self._lang = lang
        self.states: list[AccountState] = []
        headers = [self.tr("用户名"), self.tr("姓名"), self.tr("角色"), self.tr("状态"),
                   self.tr("锁定至"), self.tr("连续失败"), self.tr("关联执法人员")]  # fmt: skip
        self.accounts = QTableWidget(0, len(headers), self)
        self.accounts.setObjectName("accountTable")
        self.accounts.setHorizontalHeaderLabels(headers)
        self.accounts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.accounts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.accounts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.accounts.horizontalHeader().setStretchLastSection(True)
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
        self.password = _secret(self, "accountPassword")
        self.repeat = _secret(self, "accountRepeat")
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
        layout.addWidget(self.accounts, 1)
        layout.addWidget(self._selected_box())
        adding = QGroupBox(self.tr("添加账户"), self)
        adding_layout = QVBoxLayout(adding)
        adding_layout.addLayout(form)
        adding_layout.addWidget(self.add_button)
        layout.addWidget(adding)
        layout.addWidget(self.message)
        self.reload()

    def _selected_box(self) -> QGroupBox:
        """What an administrator does to the selected account: reset its password (a new
        signing key) and link it to the officer registry."""
        box = QGroupBox(self.tr("所选账户"), self)
        self.new_password = _secret(box, "resetNewPassword")
        self.new_repeat = _secret(box, "resetRepeat")
        self.reset_button = QPushButton(self.tr("重置密码"), box)
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        self.officer = QComboBox(box)
        self.officer.setObjectName("officerChoice")
        self.link_button = QPushButton(self.tr("关联执法人员"), box)
        self.link_button.setObjectName("linkOfficer")
        self.link_button.clicked.connect(self.link_officer)
        reset_row = QHBoxLayout()
        reset_row.addWidget(self.new_password)
        reset_row.addWidget(self.new_repeat)
        reset_row.addWidget(self.reset_button)
        link_row = QHBoxLayout()
        link_row.addWidget(self.officer, 1)
        link_row.addWidget(self.link_button)
        form = QFormLayout(box)
        form.addRow(self.tr("新密码（两次；该账户换发新签名密钥）"), reset_row)
        form.addRow(self.tr("执法人员名录中的同一人"), link_row)
        return box

    def reload(self) -> None:
        self.states = self._services.accounts.account_states()
        self.accounts.setRowCount(len(self.states))
        for row, s in enumerate(self.states):
            locked = s.locked_until.astimezone(CHINA_TZ) if s.locked_until else None
            values = [
                s.account.name,
                s.account.display_name,
                s.account.role.label,
                render(s.state_code, {}, self._lang),
                locked.strftime("%Y-%m-%d %H:%M") if locked else "",
                str(s.failed_logins),
                s.officer or "",
            ]
            for column, value in enumerate(values):
                self.accounts.setItem(row, column, QTableWidgetItem(value))
        self.accounts.resizeColumnsToContents()
        self.officer.clear()
        self.officer.addItem(self.tr("（不关联）"), None)
        for cert in self._services.officers.certificates():
            label = f"{cert.officer_name}({cert.certificate_no})"
            self.officer.addItem(label, label)

    def selected(self) -> AccountState | None:
        rows = self.accounts.selectionModel().selectedRows()
        return self.states[rows[0].row()] if rows else None

    def reset_password(self) -> None:
        chosen = self.selected()
        try:
            if chosen is None:
                raise DomainError("value.required", "user")
            if self.new_password.text() != self.new_repeat.text():
                raise DomainError("account.password_mismatch", "password")
            account = self._services.accounts.reset_password(
                chosen.account.name, self.new_password.text()
            )
        except (DomainError, StorageError) as exc:
            self.message.setText(error_text(exc, self._lang))
            return
        finally:
            self.new_password.clear()
            self.new_repeat.clear()
        self.message.setText(render("cli.password_reset", {"name": account.name}, self._lang))
        self.reload()

    def link_officer(self) -> None:
        chosen = self.selected()
        officer = self.officer.currentData()
        try:
            if chosen is None:
                raise DomainError("value.required", "user")
            account = self._services.accounts.link_officer(
                chosen.account.name, None if officer is None else str(officer)
            )
        except (DomainError, StorageError) as exc:
            self.message.setText(error_text(exc, self._lang))
            return
        if officer is None:
            text = render("cli.officer_unlinked", {"name": account.name}, self._lang)
        else:
            text = render(
                "cli.officer_linked", {"name": account.name, "officer": officer}, self._lang
            )
        self.message.setText(text)
        self.reload()

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
