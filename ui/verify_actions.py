"""文件 → 校验数据…: the CLI's ``verify`` in the window — integrity check, the whole audit chain,
every review signature, the chain heads kept with the backups — through the window's
``OperationRunner`` on a worker with its own read-only connection acting as the logged-in account
(about 20 s for a million cases), then the same lines ``verify`` prints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressDialog

from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.runner import OperationRunner

if TYPE_CHECKING:  # the check's code is loaded by the check, not by the window's start
    from chuansha_enforce.services.verify_service import VerifyReport

SHOWN_LINES = 12
"""Lines in the message itself; all of them are under 显示详细信息."""


def _check(services: Services) -> VerifyReport:
    """On the worker's own read-only connection: the whole check, with the backups' heads."""
    kept = services.backups.list_backups()
    heads = tuple((m.file, m.audit_head) for m in kept if m.audit_head)
    return services.verify(backup_heads=heads)


class VerifyActions(QObject):
    done = Signal(bool, str)  # ok, every line (also when it failed to run: False, the reason)

    def __init__(self, window: QMainWindow, runner: OperationRunner, menu: QMenu) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._lang = runner.lang
        self._busy = False
        self.progress: QProgressDialog | None = None
        self.result_box: QMessageBox | None = None
        self.action = QAction(self.tr("校验数据(&V)…"), window)
        self.action.setObjectName("verifyAction")
        self.action.setToolTip(self.tr("检查数据库完整性、操作日志链和审核签名"))
        self.action.triggered.connect(self.start)
        menu.addAction(self.action)

    def start(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.progress = QProgressDialog(
            self.tr("正在校验数据库、操作日志和签名…"), "", 0, 0, self._window
        )
        self.progress.setObjectName("verifyProgress")
        self.progress.setWindowTitle(self.tr("校验数据"))
        self.progress.setCancelButton(None)  # SQLite's integrity check cannot be interrupted
        self.progress.setMinimumDuration(300)
        self._runner.run_op(_check, self._finished, background=True, on_failed=self._failed)

    def _close_progress(self) -> None:
        self._busy = False  # a new check may start while this thread winds down
        if self.progress is not None:
            self.progress.close()
            self.progress = None

    def _show(self, icon: QMessageBox.Icon, lines: list[str]) -> None:
        box = QMessageBox(
            icon, self.tr("校验数据"), "\n".join(lines[:SHOWN_LINES]), parent=self._window
        )
        box.setObjectName("verifyResult")
        if len(lines) > SHOWN_LINES:
            box.setDetailedText("\n".join(lines))
        box.open()
        self.result_box = box

    def _finished(self, report: VerifyReport) -> None:
        self._close_progress()
        from chuansha_enforce.presenters.verify_text import verify_lines  # noqa: PLC0415

        lines = verify_lines(report, self._lang)
        icon = QMessageBox.Icon.Information if report.ok else QMessageBox.Icon.Warning
        self._show(icon, lines)
        self.done.emit(report.ok, "\n".join(lines))

    def _failed(self, message: str, _exc: DomainError | StorageError) -> None:
        self._close_progress()
        self._show(QMessageBox.Icon.Warning, [message])
        self.done.emit(False, message)

    def wait(self) -> None:
        """Let a running check end (the window is closing)."""
        self._runner.wait()
