"""A main window dressed as at start, and one window swapped for another on another case book
(文件 → 连接服务器…, and 恢复 after the file was swapped): the new window shows, the old one
closes (its own close-time work included), and the status bar says where the new one is.

The idle lock (and with it the login dialog) is imported only when someone is logged in: a
start without accounts paints its window without them (tests/test_first_paint_imports.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from ui.account_menu import install_account_menu

STATUS_MS = 10000
"""How long the new window's status bar says where it is."""


def dress_window(window: QMainWindow, services: Services, lang: Lang) -> None:
    """As at start: the window locks when left idle while someone is logged in, and has its
    账户 menu."""
    account = services.session.account
    if account is not None:
        from ui.idle_lock import IdleLock  # noqa: PLC0415

        IdleLock(window, services, account, lang)  # owned by the window
    install_account_menu(window, services, lang)


def replace_window(
    window: QMainWindow,
    services: Services,
    settings: QSettings,
    lang: Lang,
    status: str,
) -> QMainWindow:
    """A main window of ``window``'s kind on ``services`` (closed when the program quits),
    dressed as at start (a restored book too); it shows, then ``window`` closes, then ``status``
    shows in the new one's status bar. Returns the new window."""
    app = QApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(services.close)
    make_window = cast(Callable[[Services, QSettings, Lang], QMainWindow], type(window))
    replacement = make_window(services, settings, lang)
    dress_window(replacement, services, lang)
    replacement.show()
    window.close()
    replacement.statusBar().showMessage(status, STATUS_MS)
    return replacement
