"""文件 → 校验数据…: the CLI's ``verify`` in the window — integrity check, the whole audit chain,
every review signature, the chain heads kept with the backups — on a worker thread with its own
read-only connection (about 20 s for a million cases), then the same lines ``verify`` prints."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QProgressDialog

from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.verify_text import verify_lines
from ui.worker_threads import WorkerThreads

SHOWN_LINES = 12
"""Lines in the message itself; all of them are under 显示详细信息."""


class VerifyWorker(QObject):
    finished = Signal(bool, list)  # ok, the lines verify prints
    failed = Signal(str)

    def __init__(self, db_path: Path, clock: Clock, lang: Lang) -> None:
        super().__init__()
        self._db_path = db_path
        self._clock = clock
        self._lang = lang

    @Slot()
    def run(self) -> None:
        try:
            with build_services(
                self._db_path, self._clock, read_only=True, check_integrity=False
            ) as services:
                kept = services.backups.list_backups()
                heads = tuple((m.file, m.audit_head) for m in kept if m.audit_head)
                report = services.verify(backup_heads=heads)
        except DomainError as exc:
            self.failed.emit(render(exc.code, exc.params, self._lang, exc.field))
            return
        except StorageError as exc:
            self.failed.emit(render(exc.code, exc.params, self._lang))
            return
        self.finished.emit(report.ok, verify_lines(report, self._lang))


class VerifyActions(QObject):
    done = Signal(bool, str)  # ok, every line (also when it failed to run: False, the reason)

    def __init__(
        self, window: QMainWindow, services: Services, menu: QMenu, lang: Lang = "zh"
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._lang = lang
        self._busy = False
        self._threads = WorkerThreads(self)
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
        worker = VerifyWorker(self._services.db_path, self._services.clock, self._lang)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        self._threads.start(worker, worker.run, (worker.finished, worker.failed))

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

    def _finished(self, ok: bool, lines: list[str]) -> None:
        self._close_progress()
        icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
        self._show(icon, lines)
        self.done.emit(ok, "\n".join(lines))

    def _failed(self, message: str) -> None:
        self._close_progress()
        self._show(QMessageBox.Icon.Warning, [message])
        self.done.emit(False, message)

    def wait(self) -> None:
        """Let a running check end (the window is closing)."""
        self._threads.wait()
