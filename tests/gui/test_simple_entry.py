"""The simple-decision fast entry screen, driven from the keyboard offscreen.

``qtbot.keyClicks`` with Chinese text aborts the test process on some machines: ASCII is typed
with key clicks, Chinese arrives as an input-method commit (as from a real IME) or ``setText``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from chuansha_enforce.services.simple_decision_service import SimpleResult
from tests.conftest import database_digest
from tests.ledger_files import CASE, ledger, with_
from ui.qt_setup import install_translators
from ui.simple_entry import SimpleEntryWidget, next_decision_no

W = TypeVar("W", bound=QWidget)
D = dt.date
TODAY = D(2026, 11, 27)  # the conftest clock: 2026-11-27 02:00 UTC is 10:00 in Shanghai
TAB_ORDER = [
    "decisionNo",
    "decidedOn",
    "partyKind",
    "partyName",
    "idNumber",
    "cause",
    "location",
    "officer1",
    "officer2",
    "penaltyKind",
    "fine",
    "legalBasis",  # after the fine: a patrol's usual decision needs no more keys
    "onSpot",
    "notes",  # the reason field is disabled until 当场收缴 is ticked
]


@pytest.fixture
def officers(services: Services) -> Services:
    services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
    services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
    # issued this year: not yet an officer on a date before 2026-06-01
    services.officers.register(OfficerRecord("陈静", "31150003", D(2026, 6, 1)))
    # expired last year: an officer only on earlier dates
    services.officers.register(OfficerRecord("赵敏", "31150004", D(2015, 1, 5), D(2025, 12, 31)))
    return services


@pytest.fixture
def entry(qtbot: QtBot, officers: Services) -> Iterator[SimpleEntryWidget]:
    widget = SimpleEntryWidget(officers)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: focused() == "decisionNo")
    yield widget
    widget.close()


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def tab(qtbot: QtBot) -> str:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return focused()


def key(qtbot: QtBot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)


def ime_commit(widget: QWidget, text: str) -> None:
    """What a Chinese input method sends when the clerk picks the characters."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def find(entry: SimpleEntryWidget, kind: type[W], name: str) -> W:
    widget = entry.findChild(kind, name)
    assert widget is not None, name
    return widget


def officer_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def fill_valid(entry: SimpleEntryWidget, number: str = "CJ2026-0001", fine: str = "50") -> None:
    find(entry, QLineEdit, "decisionNo").setText(number)
    find(entry, QLineEdit, "partyName").setText("李四")
    find(entry, QLineEdit, "cause").setText("占道设摊")
    find(entry, QComboBox, "officer1").setCurrentIndex(0)
    find(entry, QComboBox, "officer2").setCurrentIndex(1)
    find(entry, QLineEdit, "fine").setText(fine)


def test_next_decision_number_keeps_the_zero_padding() -> None:
    assert next_decision_no("沪浦川执简〔2024〕000001号") == "沪浦川执简〔2024〕000002号"
    assert next_decision_no("CJ2026-0099") == "CJ2026-0100"
    assert next_decision_no("A-999") == "A-1000"
    assert next_decision_no("  7 ") == "8"
    assert next_decision_no("沪浦川执简号") is None


def test_keyboard_entry_end_to_end(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services
) -> None:
    assert find(entry, QDateEdit, "decidedOn").date() == QDate(2026, 11, 27)

    qtbot.keyClicks(find(entry, QLineEdit, "decisionNo"), "CJ2026-000041")
    assert tab(qtbot) == "decidedOn"  # one Tab leaves the date, whatever section is current
    assert tab(qtbot) == "partyKind"
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Up)  # back to 自然人
    assert find(entry, QComboBox, "partyKind").currentText() == "自然人"
    assert tab(qtbot) == "partyName"
    ime_commit(find(entry, QLineEdit, "partyName"), "张三")
    assert find(entry, QLineEdit, "partyName").text() == "张三"
    assert tab(qtbot) == "idNumber"
    qtbot.keyClicks(find(entry, QLineEdit, "idNumber"), "11010519491231002x")
    assert tab(qtbot) == "cause"
    find(entry, QLineEdit, "cause").setText("占道设摊")
    assert tab(qtbot) == "location"
    find(entry, QLineEdit, "location").setText("川沙路5558号门前")
    assert tab(qtbot) == "officer1"
    key(qtbot, Qt.Key.Key_Down)
    assert tab(qtbot) == "officer2"
    key(qtbot, Qt.Key.Key_Down, times=2)
    first, second = find(entry, QComboBox, "officer1"), find(entry, QComboBox, "officer2")
    chosen = (first.currentData(), second.currentData())
    assert None not in chosen
    assert chosen[0] != chosen[1]
    assert tab(qtbot) == "penaltyKind"
    assert find(entry, QComboBox, "penaltyKind").currentText() == "罚款"
    assert tab(qtbot) == "fine"
    qtbot.keyClicks(find(entry, QLineEdit, "fine"), "50")
    assert tab(qtbot) == "legalBasis"
    find(entry, QLineEdit, "legalBasis").setText("《上海市市容环境卫生管理条例》第二十二条")
    assert tab(qtbot) == "onSpot"
    key(qtbot, Qt.Key.Key_Space)
    assert find(entry, QCheckBox, "onSpot").isChecked()
    assert tab(qtbot) == "onSpotReason"
    assert tab(qtbot) == "notes"
    qtbot.keyClicks(find(entry, QLineEdit, "notes"), "ok")

    with qtbot.waitSignal(entry.saved, timeout=2000) as signal:
        key(qtbot, Qt.Key.Key_Return)

    result = signal.args[0]
    assert isinstance(result, SimpleResult)
    rows = services.simple.list_page().rows
    assert [r.decision_no for r in rows] == ["CJ2026-000041"]
    row = rows[0]
    assert row.party_name == "张三"
    assert row.party_kind is PartyType.NATURAL_PERSON
    assert row.cause == "占道设摊"
    assert row.penalty_kind is PenaltyKind.FINE
    assert row.fine_fen == 5_000
    assert row.collected_on_spot
    assert row.paid_on == TODAY
    assert result.decision.party.id_number == "11010519491231002X"
    assert result.decision.officer_certificates == chosen
    assert result.decision.location == "川沙路5558号门前"
    assert result.decision.legal_basis == "《上海市市容环境卫生管理条例》第二十二条"
    with sqlite3.connect(services.db_path) as conn:
        stored = conn.execute("SELECT legal_basis FROM simple_decisions").fetchall()
    assert stored == [("《上海市市容环境卫生管理条例》第二十二条",)]
    assert result.decision.notes == "ok"

    assert find(entry, QLabel, "statusLabel").text() == "已保存 CJ2026-000041"
    assert find(entry, QLabel, "errorLabel").text() == ""
    assert find(entry, QLineEdit, "decisionNo").text() == "CJ2026-000042"
    qtbot.waitUntil(lambda: focused() == "decisionNo")
    # the patrol's date, officers and party type stay; the decision's own fields are cleared
    assert entry.decision_date() == TODAY
    assert (first.currentData(), second.currentData()) == chosen
    assert find(entry, QComboBox, "partyKind").currentText() == "自然人"
    for name in ("partyName", "idNumber", "cause", "location", "legalBasis", "fine",
                 "onSpotReason", "notes"):  # fmt: skip
        assert find(entry, QLineEdit, name).text() == "", name
    assert not find(entry, QCheckBox, "onSpot").isChecked()
    # names and causes typed this session are offered again
    for name, word in (("partyName", "张三"), ("cause", "占道设摊")):
        completer = find(entry, QLineEdit, name).completer()
        assert completer is not None
        model = completer.model()
        assert isinstance(model, QStringListModel)
        assert word in model.stringList()

    # the next decision of the run: Enter from the number field itself
    find(entry, QLineEdit, "partyName").setText("王五")
    find(entry, QLineEdit, "cause").setText("乱张贴")
    find(entry, QComboBox, "penaltyKind").setCurrentIndex(1)  # 警告
    with qtbot.waitSignal(entry.saved, timeout=2000):
        key(qtbot, Qt.Key.Key_Enter)
    numbers = sorted(r.decision_no for r in services.simple.list_page().rows)
    assert numbers == ["CJ2026-000041", "CJ2026-000042"]
    assert find(entry, QLineEdit, "decisionNo").text() == "CJ2026-000043"


def test_tab_order(qtbot: QtBot, entry: SimpleEntryWidget) -> None:
    assert [tab(qtbot) for _ in TAB_ORDER[1:]] == TAB_ORDER[1:]
    assert tab(qtbot) == "decisionNo"  # and round again


@pytest.mark.parametrize("name", [*TAB_ORDER, "onSpotReason"])
def test_enter_saves_from_every_field(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services, name: str
) -> None:
    fill_valid(entry)
    find(entry, QCheckBox, "onSpot").setChecked(True)  # so that the reason field takes focus
    target = find(entry, QWidget, name)
    target.setFocus()
    qtbot.waitUntil(lambda: focused() == name)
    with qtbot.waitSignal(entry.saved, timeout=2000):
        qtbot.keyClick(target, Qt.Key.Key_Return)
    assert [r.decision_no for r in services.simple.list_page().rows] == ["CJ2026-0001"]


def test_refused_entry_keeps_the_input_and_points_at_the_field(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services
) -> None:
    fill_valid(entry, number="沪浦川执简〔2026〕000007号", fine="")
    find(entry, QLineEdit, "fine").setFocus()
    qtbot.keyClicks(find(entry, QLineEdit, "fine"), "300")
    before = database_digest(services.db_path)

    with qtbot.assertNotEmitted(entry.saved):
        key(qtbot, Qt.Key.Key_Return)

    error = find(entry, QLabel, "errorLabel")
    expected = render(
        "simple.fine_over_limit", {"limit": "200.00", "party_kind": "自然人"}, "zh", "fine"
    )
    assert error.text() == expected
    assert error.text().startswith("罚款金额：")
    assert "200.00元" in error.text()
    assert error.isVisible()
    qtbot.waitUntil(lambda: focused() == "fine")
    assert services.simple.list_page().rows == ()
    assert database_digest(services.db_path) == before
    assert find(entry, QLineEdit, "decisionNo").text() == "沪浦川执简〔2026〕000007号"
    assert find(entry, QLineEdit, "partyName").text() == "李四"
    assert find(entry, QLineEdit, "cause").text() == "占道设摊"
    assert find(entry, QLineEdit, "fine").text() == "300"
    assert find(entry, QComboBox, "officer2").currentIndex() == 1
    assert find(entry, QLabel, "statusLabel").text() == ""

    # the clerk corrects the amount and saves: the message goes away
    find(entry, QLineEdit, "fine").setText("200")
    key(qtbot, Qt.Key.Key_Return)
    assert error.text() == ""
    assert [r.fine_fen for r in services.simple.list_page().rows] == [20_000]
    assert find(entry, QLineEdit, "decisionNo").text() == "沪浦川执简〔2026〕000008号"


@pytest.mark.parametrize(
    "case",
    [
        ("no_number", "decisionNo", "决定书文号："),
        ("no_party", "partyName", "当事人："),
        ("bad_id", "idNumber", "证件号码："),
        ("no_cause", "cause", "案由："),
        ("one_officer", "officer2", "承办人："),
        ("no_officer", "officer1", "承办人："),
        ("bad_fine", "fine", "罚款金额："),
        ("on_spot_over_100", "onSpotReason", "当场收缴："),
    ],
    ids=lambda case: case[0],
)
def test_each_refusal_moves_focus_to_its_field(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services, case: tuple[str, str, str]
) -> None:
    change, field, label = case
    fill_valid(entry)
    match change:
        case "no_number":
            find(entry, QLineEdit, "decisionNo").clear()
        case "no_party":
            find(entry, QLineEdit, "partyName").setText("  ")
        case "bad_id":
            find(entry, QLineEdit, "idNumber").setText("310115199002290018")
        case "no_cause":
            find(entry, QLineEdit, "cause").clear()
        case "one_officer":
            find(entry, QComboBox, "officer2").setCurrentIndex(-1)
        case "no_officer":
            find(entry, QComboBox, "officer1").setCurrentIndex(-1)
            find(entry, QComboBox, "officer2").setCurrentIndex(-1)
        case "bad_fine":
            find(entry, QLineEdit, "fine").setText("5o")
        case "on_spot_over_100":
            find(entry, QLineEdit, "fine").setText("150")
            find(entry, QCheckBox, "onSpot").setChecked(True)
    find(entry, QLineEdit, "notes").setFocus()
    key(qtbot, Qt.Key.Key_Return)
    assert find(entry, QLabel, "errorLabel").text().startswith(label)
    qtbot.waitUntil(lambda: focused() == field)
    assert services.simple.list_page().rows == ()


def test_warning_disables_the_fine_and_on_spot_enables_its_reason(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services
) -> None:
    fine = find(entry, QLineEdit, "fine")
    on_spot = find(entry, QCheckBox, "onSpot")
    reason = find(entry, QLineEdit, "onSpotReason")
    kind = find(entry, QComboBox, "penaltyKind")
    assert kind.currentText() == "罚款"
    assert fine.isEnabled()
    assert not reason.isEnabled()

    on_spot.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert on_spot.isChecked()
    assert reason.isEnabled()
    key(qtbot, Qt.Key.Key_Space)
    assert not reason.isEnabled()

    fine.setText("20")
    kind.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert kind.currentText() == "警告"
    assert not fine.isEnabled()
    assert fine.text() == ""
    assert not on_spot.isEnabled()  # only a fine is collected on the spot
    key(qtbot, Qt.Key.Key_Up)
    assert kind.currentText() == "罚款"
    assert fine.isEnabled()
    assert on_spot.isEnabled()

    # a warning is saved with no fine at all
    fill_valid(entry, fine="")
    kind.setCurrentIndex(1)
    key(qtbot, Qt.Key.Key_Return)
    rows = services.simple.list_page().rows
    assert [(r.penalty_kind, r.fine_fen) for r in rows] == [(PenaltyKind.WARNING, 0)]


def test_english_messages(qtbot: QtBot, officers: Services) -> None:
    widget = SimpleEntryWidget(officers, "en")
    qtbot.addWidget(widget)
    fill_valid(widget, fine="300")
    assert not widget.save()
    assert widget.error_label.text().startswith("fine: a simple fine on a 自然人 is at most 200.00")


def test_english_interface(qtbot: QtBot, officers: Services, qapp: QApplication) -> None:
    translators = install_translators(qapp, "en")
    try:
        widget = SimpleEntryWidget(officers, "en")
        qtbot.addWidget(widget)
        labels = {label.text() for label in widget.findChildren(QLabel)}
        assert {"Decision no.", "Fine (yuan)", "Officers"} <= labels
        assert find(widget, QComboBox, "officer1").itemText(0).endswith(")")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_a_database_problem_is_shown_and_the_input_kept(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(_record: object) -> SimpleResult:
        raise StorageError(services.db_path, detail="database is locked")

    monkeypatch.setattr(services.simple, "record", locked)
    fill_valid(entry)
    with qtbot.assertNotEmitted(entry.saved):
        key(qtbot, Qt.Key.Key_Return)
    assert find(entry, QLabel, "errorLabel").text().startswith("数据库文件出错：database is locked")
    assert find(entry, QLineEdit, "decisionNo").text() == "CJ2026-0001"
    assert find(entry, QLineEdit, "partyName").text() == "李四"


def test_officers_offered_are_those_valid_on_the_date(
    qtbot: QtBot, entry: SimpleEntryWidget
) -> None:
    first, second = find(entry, QComboBox, "officer1"), find(entry, QComboBox, "officer2")
    today = {"王建国（31150001）", "李明（31150002）", "陈静（31150003）"}
    assert set(officer_texts(first)) == today
    assert set(officer_texts(second)) == today
    # in pinyin order (chen, li, wang), typed into to filter
    assert officer_texts(first) == ["陈静（31150003）", "李明（31150002）", "王建国（31150001）"]
    second.setCurrentIndex(second.findData("31150003"))  # 陈静

    date_edit = find(entry, QDateEdit, "decidedOn")
    assert date_edit.calendarPopup()
    date_edit.setDate(QDate(2026, 5, 20))  # before 陈静's certificate was issued
    assert entry.decision_date() == D(2026, 5, 20)
    assert set(officer_texts(first)) == {"王建国（31150001）", "李明（31150002）"}
    assert second.currentIndex() == -1  # 陈静 is no longer offered, so no longer chosen

    first.setCurrentIndex(first.findData("31150001"))
    date_edit.setDate(QDate(2025, 6, 1))  # 赵敏's certificate was still valid
    assert set(officer_texts(second)) == {
        "王建国（31150001）",
        "李明（31150002）",
        "赵敏（31150004）",
    }
    assert first.currentData() == "31150001"  # still valid: still chosen

    # the date cannot be later than today
    date_edit.setDate(QDate(2026, 12, 1))
    assert entry.decision_date() == TODAY


def test_escape_clears_the_decision_but_keeps_the_patrol(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services
) -> None:
    fill_valid(entry)
    find(entry, QComboBox, "partyKind").setCurrentIndex(1)
    find(entry, QLineEdit, "notes").setFocus()
    key(qtbot, Qt.Key.Key_Escape)
    assert find(entry, QLineEdit, "decisionNo").text() == ""
    assert find(entry, QLineEdit, "partyName").text() == ""
    assert find(entry, QLineEdit, "fine").text() == ""
    assert find(entry, QComboBox, "officer1").currentIndex() == 0
    assert find(entry, QComboBox, "partyKind").currentIndex() == 1
    qtbot.waitUntil(lambda: focused() == "decisionNo")
    assert services.simple.list_page().rows == ()


# Popups make the offscreen platform plugin say what it cannot do; a real desktop can.
@pytest.mark.qt_log_ignore(
    r"^This plugin does not support raise\(\)$",
    r"^This plugin does not support grabbing the keyboard$",
)
def test_enter_in_an_open_completer_popup_picks_the_completion(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services
) -> None:
    fill_valid(entry)
    cause = find(entry, QLineEdit, "cause")
    cause.clear()
    cause.setFocus()
    ime_commit(cause, "垃圾")  # matches inside 个人混合投放生活垃圾, 单位混合投放生活垃圾
    completer = cause.completer()
    assert completer is not None
    popup = completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    with qtbot.assertNotEmitted(entry.saved):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert cause.text() == "个人混合投放生活垃圾"
    assert not popup.isVisible()
    assert services.simple.list_page().rows == ()
    key(qtbot, Qt.Key.Key_Return)  # the popup is closed: now Enter saves
    assert [r.cause for r in services.simple.list_page().rows] == ["个人混合投放生活垃圾"]


def test_a_number_a_general_case_holds_is_refused(
    qtbot: QtBot, entry: SimpleEntryWidget, services: Services, tmp_path: Path
) -> None:
    """Decision numbers share one number space (issue 14, item 6)."""
    taken = "沪浦川执罚〔2024〕900001号"
    case = with_(CASE, 决定书文号=taken)
    assert services.ledger.import_file(ledger(tmp_path / "c.xlsx", [], [case], [])).written
    before = database_digest(services.db_path)
    fill_valid(entry, number=taken)
    find(entry, QLineEdit, "notes").setFocus()
    with qtbot.assertNotEmitted(entry.saved):
        key(qtbot, Qt.Key.Key_Return)
    assert find(entry, QLabel, "errorLabel").text() == (
        "决定书文号：决定书号沪浦川执罚〔2024〕900001号已被案件 川执立〔2024〕000001号使用"
        "（决定书文号与简易程序决定书编号共用一套编号）"
    )
    qtbot.waitUntil(lambda: focused() == "decisionNo")
    assert database_digest(services.db_path) == before


def test_a_saved_decision_shows_its_deadlines_and_flags(entry: SimpleEntryWidget) -> None:
    """Today is Friday 2026-11-27 (the tests' clock): cash to the agency by Tuesday, to the
    bank 2 working days later, 备案 in 3 working days; a decision entered late is flagged."""
    fill_valid(entry, "CJ2026-0101", "50")
    find(entry, QCheckBox, "onSpot").setChecked(True)
    assert entry.save()
    label = find(entry, QLabel, "deadlineLabel")
    assert label.text() == (
        "CJ2026-0101：交回机关期限 2026-12-01；存入银行期限 2026-12-03；备案期限 2026-12-02；"
        "未登记票据号"
    )
    assert label.styleSheet() == ""

    fill_valid(entry, "CJ2026-0102", "200")
    entry.decided_on.setDate(QDate(2026, 11, 2))  # a Monday: 备案 was due on Thursday 11-05
    find(entry, QComboBox, "officer1").setCurrentIndex(0)
    find(entry, QComboBox, "officer2").setCurrentIndex(1)
    assert entry.save()
    assert label.text() == "CJ2026-0102：缴款期限 2026-11-17已逾期；备案期限 2026-11-05已逾期"
    assert label.styleSheet() == "color: #b00020;"
