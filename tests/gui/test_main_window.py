"""The main window offscreen, and the --smoke start-up check as CI and packages run it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_lists_cases_and_filters_by_year(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_services, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.case_model.rowCount() > 0
    # The fixture clock says 2026-11-27: deadlines within 90 days reach uncovered 2027.
    assert window.calendar_label.isVisible()
    assert window.calendar_label.text().startswith("2027年节假日安排未载入")
    assert "国务院公布2027年安排后" in window.calendar_label.toolTip()
    assert window.count_label.text() == f"一般程序案件 {demo_services.cases.count():,} 件"
    years = [window.year_filter.itemData(i) for i in range(window.year_filter.count())]
    assert years[0] is None
    assert years[1:] == demo_services.cases.filing_years()
    window.year_filter.setCurrentIndex(years.index(2023))
    assert window.case_model.rowCount() == demo_services.cases.count(year=2023)
    assert window.count_label.text().startswith("一般程序案件")
    window.close()
    assert settings.value("main_window/geometry") is not None


def test_smoke_run_writes_a_screenshot(demo_db: Path, tmp_path: Path) -> None:
    shot = tmp_path / "smoke.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # A machine with no CJK font: the bundled one must carry the Chinese text.
        "FONTCONFIG_FILE": str(tmp_path / "empty-fonts.conf"),
        "HOME": str(tmp_path),
    }
    (tmp_path / "empty-fonts.conf").write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        f"<dir>{tmp_path}</dir><cachedir>{tmp_path}/fc-cache</cachedir></fontconfig>",
        encoding="utf-8",
    )
    gui = Path(sys.executable).with_name("chuansha-enforce-gui")
    result = subprocess.run(
        [str(gui), "--db", str(demo_db), "--smoke", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["rows_loaded"] > 0
    assert report["font"] == "WenQuanYi Micro Hei"
    assert report["qt_buttons"] == ["确定", "取消"]  # Qt's own translator is loaded
    image = QImage(str(shot))
    assert not image.isNull()
    assert image.width() >= 600
    # Chinese glyphs were drawn: the screenshot has many dark (text) pixels.
    dark = sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 90
    )
    assert dark > 500


def test_smoke_stores_no_settings(tmp_path: Path) -> None:
    """``make run`` without a display runs --smoke first: the window size it had there must
    not become the size of the user's first real window (it opened at 748×613)."""
    config = tmp_path / "config"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(config),
    }
    gui = Path(sys.executable).with_name("chuansha-enforce-gui")
    result = subprocess.run(
        [str(gui), "--db", str(tmp_path / "cases.db"), "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["rows_loaded"] == 0
    assert sorted(p.relative_to(config).as_posix() for p in config.rglob("*")) == []


def test_a_platform_plugin_that_cannot_load_is_explained_on_stderr(tmp_path: Path) -> None:
    """A display, but Qt's xcb plugin cannot load (here a broken plugin file; on the clerk's
    PC missing xcb libraries): the terminal says why and which packages to install, instead
    of Qt aborting with the reason only in the log (``make: *** Error 250``)."""
    plugins = tmp_path / "platforms"
    plugins.mkdir()
    (plugins / "libqxcb.so").write_bytes(b"not a shared library")
    env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
    env |= {
        "QT_QPA_PLATFORM": "xcb",
        "QT_QPA_PLATFORM_PLUGIN_PATH": str(plugins),
        "DISPLAY": ":99",  # no X server there either
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
    }
    gui = Path(sys.executable).with_name("chuansha-enforce-gui")
    result = subprocess.run(
        [str(gui), "--db", str(tmp_path / "cases.db")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1  # a plain failure, not Qt's abort (-6, make's Error 250)
    err = result.stderr
    assert err.startswith("图形界面无法启动：Qt 的显示插件无法载入或无法连接显示器。\n")
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 " in err
    assert 'Could not load the Qt platform plugin "xcb"' in err  # Qt's own reason
    assert "no Qt platform plugin could be initialized" in err
    log = tmp_path / "state" / "chuansha-enforce" / "log"
    assert f"日志 / log: {log / 'chuansha-enforce.log'}" in err


def test_smoke_on_a_newer_database_exits_1_with_the_message(tmp_path: Path) -> None:
    db = tmp_path / "newer.db"
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE _sqlite_migrations (id INTEGER PRIMARY KEY, migration_set TEXT,"
        " name TEXT, applied_at TEXT)"
    )
    conn.execute("INSERT INTO _sqlite_migrations VALUES (1, 'chuansha_enforce', '0999_x', '')")
    conn.commit()
    conn.close()
    gui = Path(sys.executable).with_name("chuansha-enforce-gui")
    result = subprocess.run(
        [str(gui), "--db", str(db), "--smoke"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "更新版本" in result.stderr


def test_search_as_you_type_filters_the_list(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_services, settings)
    qtbot.addWidget(window)
    window.show()
    name = window.case_model.case_at(0).party_name
    surname = name[0]
    window.search_box.setText(surname)  # Chinese is set directly (keyClicks aborts on it)
    qtbot.waitUntil(lambda: window.count_label.text().startswith("找到"), timeout=3000)
    model = window.case_model
    assert model.rowCount() > 0
    assert all(surname in model.case_at(r).party_name for r in range(model.rowCount()))
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.count_label.text().startswith("一般程序案件"), timeout=3000)
    assert model.rowCount() == min(200, demo_services.cases.count())
