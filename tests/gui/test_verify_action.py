"""文件 → 校验数据…: the same check and the same lines as ``verify``, off the GUI thread."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from ui.main_window import MainWindow

# The guarding triggers an attacker drops; the per-year sums' upkeep stays, so the sums follow
# the rows changed (verify's recomputation of them is tested in test_year_summary.py).
GUARDS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT GLOB 'year_summary_*'"


def _run(qtbot: QtBot, window: MainWindow) -> tuple[bool, str]:
    with qtbot.waitSignal(window.verifying.done, timeout=60_000) as finished:
        window.verifying.action.trigger()
    ok, text = finished.args
    box = window.verifying.result_box
    assert box is not None
    assert box.text() == "\n".join(text.splitlines()[:12])  # the same lines verify prints
    box.close()
    return ok, text


def test_the_window_verifies_and_names_a_tampered_record(
    qtbot: QtBot, demo_copy_services: Services, tmp_path: Path
) -> None:
    svc = demo_copy_services
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    ok, text = _run(qtbot, window)
    assert ok
    assert text.startswith("全部通过：数据库完整")
    assert window.verifying.result_box is not None
    assert window.verifying.result_box.icon() == QMessageBox.Icon.Information
    conn = sqlite3.connect(svc.db_path)  # behind the program's back, as an attacker would
    for (name,) in conn.execute(GUARDS):
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("UPDATE audit_log SET user = '改过' WHERE id = 1")
    conn.commit()
    conn.close()
    ok, text = _run(qtbot, window)
    assert not ok
    assert "audit_log\t1\t" in text
    assert text.splitlines()[-1] == "发现 1 处问题"
    assert window.verifying.result_box is not None
    assert window.verifying.result_box.icon() == QMessageBox.Icon.Warning
    window.close()
