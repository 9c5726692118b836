"""The start-up quick check runs after the window is painted and offers the newest backup."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW
from ui.main_window import MainWindow
from ui.startup_check import StartupCheck


def _damage(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(4096 * 20)  # page 21 from its header: damage a half-empty page cannot hide
        file.write(b"\xff" * 200)


def test_a_sound_file_passes_quietly(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "sound.db"
    shutil.copy(demo_db, db)
    asked: list[str] = []
    with build_services(db, FixedClock(NOW), check_integrity=False) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        check = StartupCheck(window, services.backups, ask=lambda q: bool(asked.append(q)))
        with qtbot.waitSignal(check.finished, timeout=20_000) as blocker:
            pass
        assert blocker.args == [None]
        assert asked == []
        window.close()


def test_a_damaged_file_offers_the_newest_good_backup(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "damaged.db"
    shutil.copy(demo_db, db)
    with build_services(db, FixedClock(NOW)) as services:
        good = services.backups.backup()
    _damage(db)
    asked: list[str] = []
    with build_services(db, FixedClock(NOW), check_integrity=False) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        check = StartupCheck(window, services.backups, ask=lambda q: bool(asked.append(q)))
        with qtbot.waitSignal(check.finished, timeout=20_000) as blocker:
            pass
        failure = blocker.args[0]
        assert failure is not None
        assert failure.code == "storage.check_failed"
        assert failure.params["backup"] == str(good.path)
        assert len(asked) == 1
        assert str(good.path) in asked[0]
        assert "现在用这个备份恢复吗" in asked[0]
        window.close()
