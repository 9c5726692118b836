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
from tests.ledger.handmade_xlsx import inline, row, sheet_data, write_xlsx
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


def _finished(qtbot: QtBot, svc: Services, path: Path) -> ImportDialog:
    """The dialog once an import of ``path`` has ended."""
    dialog = ImportDialog(OperationRunner(svc))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(path))
    dialog.start(dry_run=False)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.wait_finished()
    return dialog


def test_a_file_wrong_in_thousands_of_cells_lists_200_and_says_how_many(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    bad = tmp_path / "dates.csv"
    rows = "".join(f"张{n},3115{n:04d},不是日期\n" for n in range(1_000))
    bad.write_text("姓名,执法证号,发证日期\n" + rows, encoding="utf-8")
    before = database_digest(svc.db_path)
    dialog = _finished(qtbot, svc, bad)
    assert dialog.summary.text() == "发现 1000 处错误，未写入任何数据（只列出了前 200 处）"
    assert len(dialog.issue_rows()) == 200
    assert dialog.issue_rows()[-1][:4] == ["错误", "dates.csv", "201", "发证日期"]
    assert database_digest(svc.db_path) == before


def test_a_sheet_that_would_not_fit_in_memory_is_named_in_the_summary_table(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    bad = write_xlsx(
        tmp_path / "lying.xlsx",
        "执法人员",
        sheet_data([row(1, [inline("A1", "姓名")]), row(400, [inline("XFD400", "x")])], "A1:B2"),
    )
    dialog = _finished(qtbot, svc, bad)
    assert dialog.summary.text() == "发现 1 处错误，未写入任何数据"
    assert dialog.issue_rows() == [
        [
            "错误",
            "执法人员",
            "",
            "",
            "工作表“执法人员”的数据区域过大（400行×16384列，最多5830000个单元格）。"
            "请删除末尾多余的行和列，或把台账分成几个文件后再导入",
        ]
    ]


def test_cancel_while_writing_leaves_the_database_as_it_was(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    """Cancel pressed at once: the read ends before its first check (every 500 rows), so the
    stop comes between the written chunks, inside the transaction, which writes nothing."""
    dialog = ImportDialog(OperationRunner(svc))
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(ledger(tmp_path / "ok.xlsx")))
    before = database_digest(svc.db_path)
    steps: list[tuple[int, int]] = []
    dialog.start(dry_run=False)
    assert dialog.cancel_button.isEnabled()
    assert dialog._progress is not None
    dialog._progress.progressed.connect(lambda done, total: steps.append((done, total)))
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    dialog.wait_finished()
    assert dialog.report is not None
    assert dialog.report.cancelled
    assert not dialog.report.written
    assert dialog.summary.text() == "已取消，未写入任何数据"
    assert database_digest(svc.db_path) == before
    assert steps
    assert steps[-1][0] < steps[-1][1]  # stopped with the bar short of its end
