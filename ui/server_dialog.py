"""文件 → 连接服务器…: a PostgreSQL case book by its address (host, port, database, user,
password), a test connection, and opening it in a new main window (docs/SERVER.md).

The address is made and checked, and the services opened, through the services layer and the
window's ``OperationRunner`` (its refusals shown in this dialog, in the program's language).
The host, port, database and user are remembered in the program's settings file; the password
never is."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.presenters.server_check_text import server_check_text
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.server_connection import (
    DEFAULT_PORT,
    ServerCheck,
    ServerParts,
    check_server,
    server_address,
)
from ui.login_dialog import log_in_at_start
from ui.runner import OperationRunner, open_case_book
from ui.window_swap import replace_window

REMEMBERED = ("host", "port", "database", "user")
"""The settings keys under ``server/`` (the password is not among them)."""
ERROR_STYLE = "color: #a61b1b;"


class ServerDialog(QDialog):
    opened = Signal(object)  # the Services of the server case book just opened

    def __init__(
        self,
        runner: OperationRunner,
        settings: QSettings,
        lang: Lang = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(self.tr("连接服务器"))
        self._runner = runner
        self._settings = settings
        self._lang = lang
        self.replacement: QMainWindow | None = None
        """The main window on the server case book, once opened."""
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "host": self.tr("服务器地址"),
            "port": self.tr("端口"),
            "database": self.tr("数据库名"),
            "user": self.tr("用户名"),
            "password": self.tr("密码"),
        }
        for key, label in labels.items():
            edit = QLineEdit(self)
            edit.setObjectName(f"server_{key}")
            remembered = settings.value(f"server/{key}") if key in REMEMBERED else None
            edit.setText(str(remembered) if remembered else "")
            self.fields[key] = edit
            form.addRow(label, edit)
        if not self.fields["port"].text():
            self.fields["port"].setText(str(DEFAULT_PORT))
        self.fields["password"].setEchoMode(QLineEdit.EchoMode.Password)
        self.fields["host"].setPlaceholderText("192.168.1.10")
        self.message = QLabel(self)
        self.message.setObjectName("serverMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(420)
        self.test_button = QPushButton(self.tr("测试连接"), self)
        self.test_button.setObjectName("serverTest")
        self.test_button.clicked.connect(self.test_connection)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("serverOpen")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_server)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("多台电脑共用一个案件库时，连接队里的 PostgreSQL 数据库服务器。"), self)
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def parts(self) -> ServerParts:
        text = {key: edit.text() for key, edit in self.fields.items()}
        return ServerParts(
            text["host"], text["port"], text["database"], text["user"], text["password"]
        )

    def _say(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _failed(self, text: str, _exc: DomainError | StorageError) -> None:
        self._say(text, error=True)

    def test_connection(self) -> ServerCheck | None:
        """Connect and say what is there (nothing is written)."""
        parts = self.parts()
        checked = self._runner.run_op(
            lambda _s: check_server(server_address(parts)), on_failed=self._failed, parent=self
        )
        if checked is not None:
            self._say(server_check_text(checked, self._lang), error=False)
        return checked

    def open_server(self) -> Services | None:
        """Open the server case book (set up when the database is empty); on success the
        address without its password is remembered and ``opened`` carries the services."""
        parts = self.parts()
        opened = self._runner.run_op(
            lambda s: open_case_book(server_address(parts), s.clock),
            on_failed=self._failed,
            parent=self,
        )
        if opened is None:
            return None
        for key in REMEMBERED:
            self._settings.setValue(f"server/{key}", getattr(parts, key).strip())
        self._settings.sync()
        self.fields["password"].clear()
        self.opened.emit(opened)
        self.accept()
        return opened


def _logged_in(services: Services, lang: Lang, parent: QWidget) -> Services | None:
    """A server case book with accounts: whoever logs in (None: cancelled); else as opened."""
    if not services.session.login_required:
        return services
    return log_in_at_start(services, lang, parent)


def open_in_new_window(
    window: QMainWindow, services: Services, settings: QSettings, lang: Lang
) -> QMainWindow | None:
    """A main window of the same kind on ``services``, dressed as at start; ``window``
    closes once the new one shows. Returns the new window (None: login cancelled)."""
    chosen = _logged_in(services, lang, window)
    if chosen is None:
        return None
    return replace_window(window, chosen, settings, lang, chosen.location)


def connect_server(
    window: QMainWindow, runner: OperationRunner, settings: QSettings, lang: Lang
) -> ServerDialog:
    """文件 → 连接服务器…: the dialog; the case book it opens replaces ``window``'s."""
    dialog = ServerDialog(runner, settings, lang, window)

    def opened(services: Services) -> None:
        dialog.replacement = open_in_new_window(window, services, settings, lang)

    dialog.opened.connect(opened)
    dialog.open()
    return dialog
