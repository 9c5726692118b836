"""Text typed or pasted into the window's forms is stored as the one rule has it
(``domain.text_input``): no control, bidi or zero-width characters; invisible-only is missing."""

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

D = dt.date


def _officers(services: Services) -> None:
    services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
    services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))


def test_the_file_case_form_stores_clean_text(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    _officers(services)
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    form = window.file_case()
    texts = {
        "case_no": "\u200b川执立〔2024〕9号\u200b",
        "party_name": "张\u202e三\x1b[0m",
        "cause": "占道\u2066设摊\u2069案\x07",
        "violation": "\ufeff占道\t设摊\x00",
    }
    for key, text in texts.items():
        widget = form.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)
    for key in ("officers", "officers_2"):
        combo = form.widgets[key]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(0 if key == "officers" else 1)  # (pinyin order)
    assert form.try_submit()
    case = services.case_files.find("川执立〔2024〕9号")
    assert (case.case_no, case.party.name, case.cause) == (
        "川执立〔2024〕9号",
        "张三[0m",
        "占道设摊案",
    )
    assert case.violation == "占道 设摊"
    window.close()


def _entry(qtbot: QtBot, services: Services) -> SimpleEntryWidget:
    _officers(services)
    entry = SimpleEntryWidget(services)
    qtbot.addWidget(entry)
    entry.show()
    qtbot.waitExposed(entry)
    return entry


def _line(entry: SimpleEntryWidget, name: str) -> QLineEdit:
    widget = entry.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def _fill_and_save(qtbot: QtBot, entry: SimpleEntryWidget, party: str) -> None:
    _line(entry, "decisionNo").setText("沪浦川执简〔2024〕000009号")
    _line(entry, "partyName").setText(party)
    _line(entry, "cause").setText("跨门\u200d营业\x1b")
    for name, index in (("officer1", 0), ("officer2", 1)):
        combo = entry.findChild(QComboBox, name)
        assert combo is not None
        combo.setCurrentIndex(index)
    _line(entry, "fine").setText("50")
    _line(entry, "notes").setText("\u202e备注\x07")
    _line(entry, "notes").setFocus()
    qtbot.keyClick(_line(entry, "notes"), Qt.Key.Key_Return)


def test_the_simple_entry_stores_clean_text(qtbot: QtBot, services: Services) -> None:
    entry = _entry(qtbot, services)
    _fill_and_save(qtbot, entry, "李\u202e四\x1b")
    (row,) = services.simple.list_page().rows
    assert (row.party_name, row.cause) == ("李四", "跨门营业")
    entry.close()


def test_a_party_name_of_only_a_zero_width_space_is_refused_in_the_window(
    qtbot: QtBot, services: Services
) -> None:
    entry = _entry(qtbot, services)
    before = database_digest(services.db_path)
    _fill_and_save(qtbot, entry, "\u200b")
    error = entry.findChild(QLabel, "errorLabel")
    assert error is not None
    assert error.text().startswith("当事人：")
    assert services.simple.list_page().rows == ()
    assert database_digest(services.db_path) == before
    entry.close()


def test_the_file_case_form_warns_about_personal_data_and_still_files(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    _officers(services)
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    form = window.file_case()
    typed = "王小明（身份证310115198503171230，电话13812345678）在其住所川沙路88弄8号占道设摊"
    texts = {"case_no": "川执立〔2024〕10号", "party_name": "王小明", "cause": "王小明占道设摊案"}
    for key, text in texts.items():
        widget = form.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)
    assert form.warning_label.isHidden()  # a name in the 案由 is the custom
    violation = form.widgets["violation"]
    assert isinstance(violation, QLineEdit)
    violation.setText(typed)
    assert not form.warning_label.isHidden()
    assert form.warning_label.text() == (
        "违法行为含身份证号码、电话号码、自然人姓名、住址：内部记录照录，"
        "公开输出（双公示、公开版）不含此栏原文"
    )
    for key in ("officers", "officers_2"):
        combo = form.widgets[key]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(0 if key == "officers" else 1)  # (pinyin order)
    assert form.try_submit()
    assert services.case_files.find("川执立〔2024〕10号").violation == typed
    window.close()
