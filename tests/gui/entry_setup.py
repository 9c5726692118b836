"""The window's entry forms as the text tests fill them: the filing form in a main window
(two officers registered), and the simple-procedure entry filled and saved with Enter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from ui.main_window import MainWindow
from ui.simple_entry import SimpleEntryWidget
from ui.step_form import StepForm

D = dt.date


def register_two_officers(services: Services) -> None:
    """王建国 31150001, 李明 31150002."""
    services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
    services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))


def filing_form(qtbot: QtBot, services: Services, tmp_path: Path) -> tuple[MainWindow, StepForm]:
    """The main window (two officers registered) and its 立案 form; the caller closes it."""
    register_two_officers(services)
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window, window.file_case()


def pick_officers(form: StepForm) -> None:
    """The form's two officers: the first and the second offered (pinyin order)."""
    for index, key in enumerate(("officers", "officers_2")):
        combo = form.widgets[key]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(index)


def simple_entry(qtbot: QtBot, services: Services) -> SimpleEntryWidget:
    """The simple-procedure entry, shown, with two officers to pick."""
    register_two_officers(services)
    entry = SimpleEntryWidget(services)
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    return entry


def entry_line(entry: SimpleEntryWidget, name: str) -> QLineEdit:
    widget = entry.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def fill_and_save(qtbot: QtBot, entry: SimpleEntryWidget, party: str) -> None:
    """A decision for ``party`` (the other texts with characters the window drops), saved
    with Enter in its last field."""
    entry_line(entry, "decisionNo").setText("沪浦川执简〔2024〕000009号")
    entry_line(entry, "partyName").setText(party)
    entry_line(entry, "cause").setText("跨门\u200d营业\x1b")
    for name, index in (("officer1", 0), ("officer2", 1)):
        combo = entry.findChild(QComboBox, name)
        assert combo is not None
        combo.setCurrentIndex(index)
    entry_line(entry, "fine").setText("50")
    entry_line(entry, "notes").setText("\u202e备注\x07")
    entry_line(entry, "notes").setFocus()
    qtbot.keyClick(entry_line(entry, "notes"), Qt.Key.Key_Return)


def refused_party(qtbot: QtBot, entry: SimpleEntryWidget, services: Services, party: str) -> str:
    """What the entry says when a decision for ``party`` is refused: nothing recorded, the
    database as it was."""
    before = database_digest(services.db_path)
    fill_and_save(qtbot, entry, party)
    error = entry.findChild(QLabel, "errorLabel")
    assert error is not None
    assert services.simple.list_page().rows == ()
    assert database_digest(services.db_path) == before
    return error.text()
