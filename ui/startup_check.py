"""The start-up integrity check, run in the background once the window is painted.

``quick_check`` reads the whole file (about 2 s for a million cases), so the window does
not wait for it. If it fails, the clerk is told at once and offered the newest good backup;
restoring goes through the same path as 文件 → 恢复… (which backs up the damaged file first).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox

from chuansha_enforce.services.errors import DomainError, StorageError
from ui.error_dialogs import error_text, show_error
from ui.main_window import MainWindow


class StartupCheck(QObject):
    """Owned by the window; ``finished`` carries the failure (or None when the file is sound)."""

    finished = Signal(object)

    def __init__(self, window: MainWindow, *, ask: Callable[[str], bool] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._runner = window.runner
        self._lang = window.runner.lang
        self._ask = ask or self._ask_user
        self.failure: StorageError | None = None
        self._runner.run_op(
            lambda s: s.backups.check_live(),
            self._done,
            background=True,
            on_failed=self._not_opened,
        )

    def wait(self) -> None:
        self._runner.wait()

    def _not_opened(self, _text: str, exc: DomainError | StorageError) -> None:
        """The worker could not even open the file: a storage failure is the check's answer."""
        if isinstance(exc, StorageError):
            self._done(exc)
        else:
            show_error(self._window, exc, self._lang)

    def _ask_user(self, question: str) -> bool:
        answer = QMessageBox.question(
            self._window,
            QCoreApplication.translate("StartupCheck", "数据库检查未通过"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot(object)
    def _done(self, failure: StorageError | None) -> None:
        self.failure = failure
        self.finished.emit(failure)
        if failure is None:
            return
        if failure.code != "storage.check_failed":
            show_error(self._window, failure, self._lang)
            return
        question = (
            error_text(failure, self._lang)
            + "\n\n"
            + QCoreApplication.translate(
                "StartupCheck", "现在用这个备份恢复吗？当前文件会先另存一份，不会删除。"
            )
        )
        if self._ask(question):
            self._window.safety.restore(Path(str(failure.params["backup"])), ask=False)
