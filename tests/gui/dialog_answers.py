"""Answers the tests give to dialogs the window opens while a test waits for it: each is
asked again every few milliseconds until its dialog shows and it has answered.

None outlives its test (``tests/conftest.py`` stops them after each test): an answer a test
never needed (no dialog showed) would otherwise still be waiting and answer, or cancel, a
dialog of a later test."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

_WAITING: list[QTimer] = []


def answer_when_shown(answer: Callable[[], bool], every_ms: int = 50) -> None:
    """Call ``answer`` every ``every_ms`` until it returns True (its dialog was there and it
    answered); it is not called again while it runs (it may run a dialog's own loop)."""
    timer = QTimer()
    timer.setInterval(every_ms)

    def tick() -> None:
        timer.stop()
        if not answer():
            timer.start()

    timer.timeout.connect(tick)
    timer.start()
    _WAITING.append(timer)


def stop_waiting() -> None:
    """Forget every answer still waiting (the end of a test)."""
    while _WAITING:
        timer = _WAITING.pop()
        timer.stop()
        timer.deleteLater()
