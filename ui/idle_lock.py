"""The idle lock: no keyboard or mouse input for a while (setting) hides every window
until the logged-in user types their password again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from chuansha_enforce.domain.accounts.accounts import Account
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.safety.restore_generation import RESTORED_SINCE
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError
from ui.error_dialogs import error_text
from ui.login_dialog import LoginDialog
from ui.runner import session_ends

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        window: QWidget,
        services: Services,
        account: Account,
        lang: Lang = "zh",
        timeout_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self._services = services
        self._account = account
        self._lang = lang
        minutes = services.settings.current().idle_lock_minutes
        self.timeout_ms = minutes * 60_000 if timeout_ms is None else timeout_ms
        self.is_locked = False
        self.dialog: LoginDialog[Account] | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setObjectName("idleTimer")
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if self.timeout_ms > 0 and app is not None:  # 0 minutes: never lock
            self.timer.setInterval(self.timeout_ms)
            app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.is_locked and event.type() in INPUT_EVENTS:
            self.timer.start()  # restarts the countdown
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.is_locked = True
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.dialog = LoginDialog(self._unlock, self._lang, fixed_user=self._account.name)
        self.dialog.accepted.connect(self._restore)
        self.dialog.rejected.connect(self._quit)
        self.dialog.open()
        self.locked.emit()

    def _unlock(self, name: str, password: str) -> Account:
        # Wrong passwords count towards the lockout, as at login.
        try:
            return self._services.accounts.check_password(
                name, password, action="auth.unlock"
            ).account
        except DomainError as exc:
            if exc.code == RESTORED_SINCE:
                self._end_for_restore(error_text(exc, self._lang))
            raise

    def _end_for_restore(self, said: str) -> None:
        """The server book was restored since this session logged in: no unlock on it. The
        lock gives way (the windows stay hidden) to the login the window asks for on the
        restored book (``ui.runner.session_ends``)."""
        dialog = self.dialog
        if dialog is None:
            return
        dialog.rejected.disconnect(self._quit)
        QTimer.singleShot(0, dialog, dialog.reject)
        session_ends().ended.emit(self._services, said)

    def _restore(self) -> None:
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.is_locked = False
        self.dialog = None
        self.timer.start()
        self.unlocked.emit()

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.quit()
