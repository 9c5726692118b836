"""The import dialog: background check and import, the issue table, copy and CSV."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.ledger_files import CASE, ledger, with_
from ui.import_dialog import ImportDialog
from ui.runner import OperationRunner

NOW = dt.datetime(2024, 12, 20, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        yield services


def test_check_then_import(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    dialog = ImportDialog(OperationRunner(svc))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(ledger(tmp_path / "ok.xlsx")))
    before = database_digest(svc.db_path)
    dialog.start(dry_run=True)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.wait_finished()
    assert "检查通过（未写入）" in dialog.summary.text()
    assert database_digest(svc.db_path) == before
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.start(dry_run=False)
    dialog.wait_finished()
    assert dialog.summary.text().startswith("已导入：执法人员 3 名，一般程序案件 1 件")
    assert svc.case_files.find(str(CASE["案件编号"])).status.label == "已结案"


def test_errors_are_listed_copied_and_saved(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    bad = ledger(tmp_path / "bad.xlsx", cases=[with_(CASE, 罚款金额="一百")])
    dialog = ImportDialog(OperationRunner(svc))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(bad))
    before = database_digest(svc.db_path)
    dialog.start(dry_run=False)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.wait_finished()
    assert dialog.summary.text().startswith("发现 ")
    assert database_digest(svc.db_path) == before
    rows = dialog.issue_rows()
    assert ["错误", "一般程序案件", "2", "罚款金额"] in [row[:4] for row in rows]
    dialog.copy_issues()
    assert "罚款金额" in QGuiApplication.clipboard().text()
    saved = tmp_path / "issues.csv"
    dialog.save_issues(saved)
    with saved.open(encoding="utf-8-sig", newline="") as handle:
        read = list(csv.reader(handle))
    assert read[0] == ["类别", "工作表", "行", "列", "说明"]
    assert read[1:] == rows
