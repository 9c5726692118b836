"""Finding cases and moving fast in the window (issue 21 §2, §3), offscreen at 1366×768:
header sorting, Enter on a row, Ctrl+F, officer pickers filtering as you type, the simple
decisions list, the entry form resuming after a restart, who is logged in and 切换用户."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.review_setup import CHEAP, PASSWORDS, open_as, prepared
from ui import case_table_model
from ui.case_picker import CasePicker
from ui.login_dialog import LoginDialog, log_in_again
from ui.main_window import MainWindow, select_first_row
from ui.officer_picker import OfficerPicker
from ui.simple_entry import SimpleEntryWidget


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_screen_is_the_office_screen(qapp: QApplication) -> None:
    screen = QGuiApplication.primaryScreen()
    assert (screen.size().width(), screen.size().height()) == (1366, 768)


def test_headers_sort_the_case_list(qtbot: QtBot, demo_services: Services, tmp_path: Path) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    model = window.case_model
    listed = [model.case_at(i).case_no for i in range(model.rowCount())]
    assert model.rowCount() == 200  # the first page, newest filed first
    header = window.case_view.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().center().__class__(header.sectionViewportPosition(6) + 5, 5),
    )  # 罚款金额（元）
    fines = [model.case_at(i).fine_fen for i in range(model.rowCount())]
    assert model.rowCount() == 600  # every case, ordered
    assert fines == sorted(fines) or fines == sorted(fines, reverse=True)
    window.case_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    numbers = [model.case_at(i).case_no for i in range(model.rowCount())]
    assert numbers == sorted(numbers)
    window.case_view.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert model.case_at(0).fine_fen == max(fines)
    window.case_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the list's own order
    assert [model.case_at(i).case_no for i in range(200)] == listed


def test_ctrl_f_searches_and_enter_opens_the_case(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    window.tabs.setCurrentWidget(window.simple_entry)
    window.simple_entry.party_name.setFocus()
    qtbot.keyClick(
        window.simple_entry.party_name, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
    )
    assert window.tabs.currentWidget() is window.case_view
    assert window.search_box.hasFocus()
    window.search_box.setText("2024-2")  # a number's tail: one paste
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    assert window.case_model.case_at(0).case_no == "川执立〔2024〕000002号"
    assert window.case_view.hasFocus()
    qtbot.keyClick(window.case_view, Qt.Key.Key_Return)
    assert window.detail is not None
    assert window.detail.case_no == "川执立〔2024〕000002号"
    window.detail.close()
    window.search_box.setText("川执立〔2023〕")
    window.apply_search()
    assert window.count_label.text() == "找到 200 件"
    select_first_row(window)
    qtbot.keyClick(window.case_view, Qt.Key.Key_Down)
    qtbot.keyClick(window.case_view, Qt.Key.Key_Enter)
    assert window.detail.case_no == window.case_model.case_at(1).case_no


# Popups make the offscreen platform plugin say what it cannot do; a real desktop can.
POPUP_NOTES = pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)


@POPUP_NOTES
def test_officer_pickers_are_in_pinyin_order_and_filter(qtbot: QtBot) -> None:
    picker = OfficerPicker()
    qtbot.addWidget(picker)
    picker.set_officers(
        [("张三", "31150003"), ("王建国", "31150001"), ("李明", "31150002"), ("安娜", "99")]
    )
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts == ["安娜（99）", "李明（31150002）", "王建国（31150001）", "张三（31150003）"]
    assert picker.certificate() is None
    assert picker.matching("wjg") == ["王建国（31150001）"]  # pinyin initials
    assert picker.matching("wang") == ["王建国（31150001）"]  # spelling
    assert picker.matching("建") == ["王建国（31150001）"]  # part of the name
    assert picker.matching("0003") == ["张三（31150003）"]  # certificate number
    assert picker.matching("3115") == texts[1:]
    assert picker.matching("qqq") == []
    picker.show()
    picker.setFocus()
    line = picker.lineEdit()
    assert line is not None
    QTest.keyClicks(line, "zs")
    assert picker.completer().popup().isVisible()
    assert picker.completer().model().rowCount() == 1
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert picker.certificate() == "31150003"
    line.selectAll()
    QTest.keyClicks(line, "nobody")
    picker.settle()
    assert picker.certificate() is None  # text finding nobody chooses nobody


def test_the_entry_form_resumes_after_a_restart(qtbot: QtBot, demo_copy_services: Services) -> None:
    services = demo_copy_services
    form = SimpleEntryWidget(services)
    qtbot.addWidget(form)
    last = services.simple.find("", 1)[0]
    form.decision_no.setText("沪浦川执简〔2026〕000901号")
    form.party_name.setText("李四")
    form.cause.setText("占道设摊")
    first, second = str(form.officer1.itemData(0)), str(form.officer1.itemData(1))
    form.officer1.choose(first)
    form.officer2.choose(second)
    form.fine.setText("50")
    assert form.save(), form.error_label.text()
    assert last.decision_no != "沪浦川执简〔2026〕000901号"
    again = SimpleEntryWidget(services)  # a restart: a new form on the same file
    qtbot.addWidget(again)
    assert again.decision_no.text() == "沪浦川执简〔2026〕000902号"
    chosen = (again.officer1.certificate(), again.officer2.certificate())
    assert chosen == tuple(sorted((first, second)))


def test_saved_simple_decisions_are_listed_searched_and_opened(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    listing = window.simple_list
    window.tabs.setCurrentWidget(listing)
    everything = listing.table.rowCount()
    assert everything == 120  # 40 a year for three years
    some = demo_services.simple.find("", 1)[0]
    listing.search.setText(some.decision_no)
    assert listing.table.rowCount() == 1
    qtbot.keyClick(listing.search, Qt.Key.Key_Return)
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    assert listing.detail is not None
    assert listing.detail.windowTitle() == some.decision_no
    listing.search.setText(some.party_name)
    shown = listing.table.rowCount()
    assert 1 <= shown < everything
    for row in range(shown):
        party, cause = listing.table.item(row, 2).text(), listing.table.item(row, 3).text()
        assert some.party_name in party + cause


def test_who_is_logged_in_and_switching_user(
    qtbot: QtBot, tmp_path: Path, qapp: QApplication
) -> None:
    clock = FixedClock(NOW)
    path = tmp_path / "office.db"
    prepared(path, clock)
    clerk = open_as(path, clock, "clerk")
    window = _window(qtbot, clerk, tmp_path)
    assert window.user_label.text() == "当前用户：内勤小陈（内勤）"
    switch = window.findChild(type(window.menuBar().actions()[0]), "switchUser")
    assert switch is not None
    assert switch.isEnabled()
    switch.trigger()
    assert window.switch_requested
    assert not window.isVisible()
    clerk.close()

    def fill() -> None:
        dialog = qapp.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        assert dialog.objectName() == "switchUserDialog"
        dialog.name.setText("zhou")
        dialog.password.setText(PASSWORDS["zhou"])
        dialog.try_login()

    QTimer.singleShot(0, fill)
    reviewer = log_in_again(path, clock=clock, password_cost=CHEAP)
    assert reviewer is not None
    with reviewer:
        again = _window(qtbot, reviewer, tmp_path)
        assert again.user_label.text() == "当前用户：周律（法制审核员）"
        again.close()

    def cancel() -> None:
        dialog = qapp.activeModalWidget()
        assert isinstance(dialog, QDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert log_in_again(path, clock=clock, password_cost=CHEAP) is None


def test_single_user_mode_says_so(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.db"
    shutil.copy(demo_db, path)
    with build_services(path, FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        assert window.user_label.text() == "单用户模式"
        select_first_row(window)
        assert dt.date.fromisoformat(window.case_model.case_at(0).filed_on.isoformat())
        window.close()


def test_a_case_number_typed_in_a_dialog_takes_short_forms(
    qtbot: QtBot, demo_services: Services, qapp: QApplication
) -> None:
    picker = CasePicker(demo_services)
    qtbot.addWidget(picker)
    picker.show()
    line = picker.lineEdit()
    assert line is not None
    QTest.keyClicks(line, "2024-2")  # offered as typed, like the search box
    offered = [picker.itemData(i) for i in range(picker.count())]
    assert offered == ["川执立〔2024〕000002号", "川执立〔2023〕000172号"]
    assert picker.case_no() == "川执立〔2024〕000002号"  # its own number beats a decision no.
    picker.setEditText("〔2023〕17号")
    assert picker.case_no() == "川执立〔2023〕000017号"

    def choose() -> None:
        chooser = qapp.activeModalWidget()
        assert isinstance(chooser, QInputDialog)
        assert chooser.objectName() == "caseChoice"
        assert "川执立〔2023〕000002号" in chooser.comboBoxItems()
        chooser.setTextValue("川执立〔2023〕000002号")
        chooser.accept()

    picker.clear_text()
    picker.setEditText("000002")  # several cases: a pick list
    QTimer.singleShot(0, choose)
    assert picker.case_no() == "川执立〔2023〕000002号"

    def cancel() -> None:
        chooser = qapp.activeModalWidget()
        assert isinstance(chooser, QInputDialog)
        chooser.reject()

    picker.setEditText("000002")
    QTimer.singleShot(0, cancel)
    assert picker.case_no() is None


@pytest.mark.parametrize(
    ("cap", "ordered"),
    [(199, 200), (200, 200), (201, 400), (600, 600), (601, 600)],  # pages of 200, 600 cases
)
def test_a_header_click_orders_up_to_the_cap(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch, cap: int, ordered: int
) -> None:
    monkeypatch.setattr(case_table_model, "MAX_SORTED", cap)
    model = case_table_model.CaseTableModel(demo_services.cases)
    model.fetchMore()
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == ordered
    assert not model.canFetchMore()
    filed = [model.case_at(i).filed_on for i in range(ordered)]
    assert filed == sorted(filed)
