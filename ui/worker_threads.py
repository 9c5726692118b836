"""Background workers, each on a QThread of its own: started, cleaned up once done, and waited
for when the window closes (DESIGN: slow work runs off the GUI thread)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QThread, SignalInstance


class WorkerThreads(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[QThread, QObject] = {}

    def start(
        self, worker: QObject, run: Callable[[], None], ends: Sequence[SignalInstance]
    ) -> QThread:
        """Move ``worker`` to a new thread, call ``run`` there; any of ``ends`` stops it."""
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(run)
        for signal in ends:
            signal.connect(thread.quit)
        thread.finished.connect(lambda: self._done(thread))
        self._threads[thread] = worker
        thread.start()
        return thread

    def _done(self, thread: QThread) -> None:
        worker = self._threads.pop(thread, None)
        if worker is not None:
            worker.deleteLater()
        thread.deleteLater()

    def wait(self) -> None:
        """Let running jobs end. ``quit`` first: a worker whose end was queued to this (blocked)
        thread would otherwise never stop its own."""
        for thread in list(self._threads):
            thread.quit()
            thread.wait()
