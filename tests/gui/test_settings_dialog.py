"""业务设置 in the window: changes saved through the core; a refused value changes nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW, database_digest
from ui.main_window import MainWindow


def test_settings_are_changed_in_the_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    with build_services(tmp_path / "s.db", FixedClock(NOW)) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
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


def test_a_refused_value_names_the_setting_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "s.db"
    with build_services(path, FixedClock(NOW)):
        pass
    before = database_digest(path)
    with build_services(path, FixedClock(NOW)) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        dialog = window.open_settings()
        ok = dialog.inputs["due_soon_working_days"]
        assert isinstance(ok, QSpinBox)
        ok.setValue(4)  # valid, but saved only together with the others
        spin = dialog.inputs["review_working_days"]
        assert isinstance(spin, QSpinBox)
        spin.setValue(400)  # the core allows 0–60 days
        assert not dialog.save()
        assert "法制审核期限（工作日）" in dialog.error_label.text()
        assert dialog.isVisible()
        dialog.close()
        window.close()
    assert database_digest(path) == before
