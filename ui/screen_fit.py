"""Windows sized to the screen they open on: the office's 1366×768 screen shows every window
and dialog whole, buttons included (issue 21 §4)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 40)
"""What the system draws around a window's client area (borders, title bar): ``resize`` sets
the client area, so this much of the screen's available area is left for it."""


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Give a top-level window its preferred size, or the screen's available area (the screen
    without the taskbar) less the frame when that is smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    widget.resize(
        min(width, area.width() - FRAME.width()), min(height, area.height() - FRAME.height())
    )
