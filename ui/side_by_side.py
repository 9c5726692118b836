"""Two windows side by side on the screen: the reviewer reads the case (or its summary PDF) on
the left while filling in the signing form on the right (issue 21 §3)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.screen_fit import FRAME


def place_beside(reading: QWidget, form: QWidget) -> None:
    """``reading`` takes the left part of the screen, ``form`` the rest on the right; both
    whole on the screen (a 1366×768 screen included)."""
    screen = form.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    form_width = min(max(form.sizeHint().width(), 520), area.width() // 2)
    reading_width = area.width() - form_width
    height = area.height() - FRAME.height()
    reading.resize(reading_width - FRAME.width(), height)
    reading.move(area.left(), area.top())
    form.resize(form_width - FRAME.width(), min(form.height(), height))
    form.move(area.left() + reading_width, area.top())
