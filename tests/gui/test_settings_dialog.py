"""业务设置 in the window: changes saved through the core; a refused value changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QTableWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW, database_digest
from ui.main_window import MainWindow


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_settings_are_changed_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    with build_services(tmp_path / "s.db", FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        dialog = window.open_settings()
        spin = dialog.inputs["due_soon_working_days"]
        assert isinstance(spin, QSpinBox)
        assert spin.value() == 3
        spin.setValue(5)
        style = dialog.inputs["public_name_style"]
        assert isinstance(style, QComboBox)
        style.setCurrentText("张某某")
        full = dialog.inputs["public_business_full_name"]
        assert isinstance(full, QCheckBox)
        full.setChecked(True)
        assert set(dialog.changed()) == {
            "due_soon_working_days",
            "public_name_style",
            "public_business_full_name",
        }
        assert dialog.save()
        current = services.settings.current()
        assert current.due_soon_working_days == 5
        assert current.public_name_style == "张某某"
        assert current.public_business_full_name is True
        actions = services._db.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'settings.set'"
        ).fetchone()[0]
        assert actions == 3
        window.close()


@pytest.mark.parametrize(
    ("name", "typed", "refusal"),
    [
        # the core allows 0–60 days
        ("review_working_days", 400, "设置：“400”不是“法制审核期限（工作日）”的有效值"),
        (
            "hearing_organisation_fen",
            "五万",
            "设置：“五万”不是“听证：对单位较大数额罚款（元）”的有效值",
        ),
    ],
)
def test_a_refused_value_names_the_setting_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path, name: str, typed: object, refusal: str
) -> None:
    path = tmp_path / "s.db"
    with build_services(path, FixedClock(NOW)):
        pass
    before = database_digest(path)
    with build_services(path, FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        dialog = window.open_settings()
        ok = dialog.inputs["due_soon_working_days"]
        assert isinstance(ok, QSpinBox)
        ok.setValue(4)  # valid, but saved only together with the others
        refused = dialog.inputs[name]
        if isinstance(refused, QSpinBox):
            refused.setValue(int(str(typed)))
        else:
            assert isinstance(refused, QLineEdit)
            refused.setText(str(typed))
        assert not dialog.save()
        assert dialog.error_label.text() == refusal
        assert dialog.isVisible()
        dialog.close()
        window.close()
    assert database_digest(path) == before


def test_money_settings_are_shown_and_typed_in_yuan_with_their_units(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with build_services(tmp_path / "s.db", FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        dialog = window.open_settings()
        money = dialog.inputs["major_individual_fen"]
        assert isinstance(money, QLineEdit)
        assert money.text() == "5,000.00"  # 500,000 fen
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert {"重大案件：对个人罚款（元）", "元"} <= labels
        assert "重大案件：对个人罚款（分）" not in labels
        days = dialog.inputs["review_working_days"]
        assert isinstance(days, QSpinBox)
        assert days.suffix() == " 个工作日"
        minutes = dialog.inputs["idle_lock_minutes"]
        assert isinstance(minutes, QSpinBox)
        assert minutes.suffix() == " 分钟"

        money.setText("3000.5")
        assert dialog.changed() == {"major_individual_fen": 300_050}
        assert dialog.save()
        assert services.settings.current().major_individual_fen == 300_050
        window.close()


def test_the_holiday_table_is_edited_in_the_settings_and_the_calendar_follows(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "s.db"
    with build_services(path, FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        window.show()
        # 2026-11-27 + 90 days reaches 2027, which the built-in calendar does not know yet.
        assert window.calendar_label.text().startswith("2027年节假日安排未载入")
        dialog = window.open_settings()
        editor = dialog.holidays
        assert dialog.pages.tabText(dialog.pages.indexOf(editor)) == "节假日调休"
        assert services.calendar.work_calendar().is_working_day(dt.date(2027, 1, 2)) is False

        editor.day.setDate(QDate(2027, 1, 2))  # a Saturday worked in exchange
        editor.kind.setCurrentIndex(editor.kind.findText("上班"))
        editor.note.setText("元旦调休上班")
        assert editor.add()
        assert _table(editor.table) == [["2027-01-02", "上班", "元旦调休上班"]]
        assert editor.message.text() == "已保存 2027-01-02（上班）"
        assert services.calendar.work_calendar().is_working_day(dt.date(2027, 1, 2)) is True
        # The year counts as entered: the status bar's notice is gone at once.
        assert not window.calendar_label.isVisible()
        assert _audit(services) == [("calendar.set", "2027-01-02")]

        editor.day.setDate(QDate(2027, 1, 1))
        editor.kind.setCurrentIndex(editor.kind.findText("休息"))
        editor.note.setText("元" * 41)  # too long: refused, nothing written
        assert not editor.add()
        assert editor.message.text() == "调休说明：最多 40 个字"
        assert _audit(services) == [("calendar.set", "2027-01-02")]

        editor.table.selectRow(0)
        assert editor.remove_selected()
        assert _table(editor.table) == []
        assert services.calendar.work_calendar().is_working_day(dt.date(2027, 1, 2)) is False
        assert window.calendar_label.isVisible()
        assert _audit(services) == [
            ("calendar.set", "2027-01-02"),
            ("calendar.remove", "2027-01-02"),
        ]
        dialog.close()
        window.close()


def _table(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def _audit(services: Services) -> list[tuple[str, str]]:
    rows = services._db.execute(
        "SELECT action, object_id FROM audit_log WHERE action LIKE 'calendar.%' ORDER BY id"
    ).fetchall()
    return [tuple(row) for row in rows]


@pytest.mark.parametrize(
    ("name", "most", "label"),
    [
        ("organisation", 200, "处罚机关（文书署名）"),
        ("payment_method", 10_000, "罚款缴纳方式（决定书中的表述）"),
    ],
)
def test_a_too_long_setting_text_is_cut_one_past_and_said_at_once_by_its_label(
    qtbot: QtBot, tmp_path: Path, name: str, most: int, label: str
) -> None:
    path = tmp_path / "s.db"
    with build_services(path, FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        dialog = window.open_settings()
        line = dialog.inputs[name]
        assert isinstance(line, QLineEdit)
        assert line.maxLength() == most + 1
        line.setText("设" * (most + 500))  # a paste: cut one past the limit, never to it
        assert len(line.text()) == most + 1
        said = f"{label}：最多 {most} 个字"
        assert dialog.error_label.text() == said  # at once, before OK
        before = database_digest(path)
        assert not dialog.save()
        assert dialog.error_label.text() == said
        assert dialog.focusWidget() is line
        assert database_digest(path) == before
        line.setText("设" * most)
        assert dialog.error_label.text() == ""  # the message goes with the excess
        assert dialog.save()
        assert getattr(services.settings.current(), name) == "设" * most
        window.close()
