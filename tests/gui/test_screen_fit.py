"""Every window and dialog fits the office's 1366×768 screen, buttons included (issue 21 §4).

The tests run on an offscreen screen of exactly that size (``tests/office_screen.py``); a window
is sized as the program sizes it, shown, and then it (with the frame and title bar the system
adds around it) and every button on it must lie on the screen above a 40-pixel taskbar.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from ui.case_steps import steps
from ui.main_window import MainWindow
from ui.report_preview import ReportPreview
from ui.screen_fit import FRAME

SCREEN = QRect(0, 0, 1366, 768)
ROOM = QSize(1366, 768 - 40) - FRAME
"""What the office screen above a 40-pixel taskbar leaves for a window's own area inside the
frame and title bar the system adds."""


@pytest.fixture
def services(demo_copy_services: Services) -> Services:
    return demo_copy_services


@pytest.fixture
def window(qtbot: QtBot, services: Services, tmp_path: Path) -> Iterator[MainWindow]:
    """The main window at its first size (nothing remembered), shown."""
    shown = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _outside(window: QWidget) -> list[str]:
    """What of a shown top-level window lies off the office screen: the window in its frame,
    the least size its layout lets it shrink to (so it fits above a taskbar, in its frame), and
    each visible button of each page of its tabs."""
    QApplication.processEvents()
    name = window.windowTitle() or window.objectName()
    framed = window.frameGeometry()
    problems = [] if SCREEN.contains(framed) else [f"{name} at {framed}"]
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    if least.width() > ROOM.width() or least.height() > ROOM.height():
        problems.append(f"{name} needs {least}")
    pages = [(tabs, i) for tabs in window.findChildren(QTabWidget) for i in range(tabs.count())]
    for tabs, index in pages or [(None, -1)]:
        if tabs is not None:
            tabs.setCurrentIndex(index)
            QApplication.processEvents()
        for button in window.findChildren(QPushButton):
            if not button.isVisibleTo(window) or button.window() is not window:
                continue
            rect = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
            if not (SCREEN.contains(rect) and window.geometry().contains(rect)):
                problems.append(f"{name}: {button.text()} at {rect}")
    return problems


def test_the_screen_is_the_offices(qapp: QApplication) -> None:
    screen = qapp.primaryScreen()
    assert screen.geometry() == SCREEN
    assert screen.availableGeometry() == SCREEN


def test_the_main_window_and_its_tabs_fit_at_their_first_size(window: MainWindow) -> None:
    assert window.size() == QSize(1280, 768 - FRAME.height())  # the screen's available height
    assert _outside(window) == []


def test_the_case_window_its_forms_and_the_dialogs_fit(window: MainWindow) -> None:
    problems: list[str] = []
    detail = window.open_case(0)
    problems += _outside(detail)
    for step in steps():
        form = detail.open_step(step)
        problems += _outside(form)
        form.close()
    detail.close()
    settings = window.open_settings()
    problems += _outside(settings)
    settings.close()
    for opened in (
        window.file_case(),
        window.open_trash(),
        window.open_import(),
        window.disputes.open_add(),
    ):
        problems += _outside(opened)
        opened.close()
    assert problems == []


def test_the_report_preview_fits_with_its_buttons(window: MainWindow, services: Services) -> None:
    preview = ReportPreview(services, services.reports.annual_pdf(2025), "年报.pdf", "zh", window)
    preview.show()
    assert preview.size() == QSize(900, 768 - FRAME.height())  # not 1000: the screen is 768
    buttons = {b.text() for b in preview.findChildren(QPushButton)}
    assert buttons == {"打印预览…", "打印…", "另存为…", "关闭"}
    assert _outside(preview) == []
    preview.close()
