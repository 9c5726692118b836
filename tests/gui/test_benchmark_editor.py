"""The administrator's discretion benchmark editor (DOMAIN §17), offscreen at 1366x768: the
table viewed, edited, added to and removed from, saved all or nothing with the row and field
named, a real xlsx's 裁量基准 sheet read into it (saved only with 保存), each save audited; a
clerk sees it read-only and the service refuses the clerk's save."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.errors import DomainError
from tests.conftest import NOW, database_digest
from tests.ledger.test_benchmark_sheet import ROW, workbook
from tests.review_setup import make_accounts, open_as
from ui.benchmark_editor import BenchmarkEditor
from ui.runner import OperationRunner

D = dt.date
BASIS = "《上海市市容环境卫生管理条例》第二十五条第二项"
FIRST = Benchmark("占道设摊", BASIS, "较重", 5_000, 50_000, 20_000, 30_000, "沪城管规〔2024〕2号",
                  D(2024, 6, 1))  # fmt: skip
FIRST_CELLS = ["占道设摊", BASIS, "较重", "50.00", "500.00", "200.00", "300.00",
               "沪城管规〔2024〕2号", "2024-06-01"]  # fmt: skip


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.discretion.save_table([FIRST])
        yield services


def _editor(qtbot: QtBot, svc: Services) -> BenchmarkEditor:
    runner = OperationRunner(svc)
    editor = BenchmarkEditor(runner)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _set(editor: BenchmarkEditor, row: int, column: int, text: str) -> None:
    editor.table.setItem(row, column, QTableWidgetItem(text))


def _audited(svc: Services) -> list[str]:
    with sqlite3.connect(svc.db_path) as db:
        rows = db.execute("SELECT action, detail FROM audit_log ORDER BY id").fetchall()
    return [f"{action} {detail}" for action, detail in rows if action == "benchmarks.save"]


def test_edit_add_remove_and_save_all_at_once(qtbot: QtBot, svc: Services) -> None:
    editor = _editor(qtbot, svc)
    assert QRect(0, 0, 1366, 768).contains(editor.frameGeometry())
    assert editor.editable
    assert editor.cells() == [FIRST_CELLS]
    row = editor.add_row()
    for column, text in enumerate(["占道设摊", BASIS, "严重", "50", "500", "370", "500",
                                   "沪城管规〔2024〕2号", "2024-06-01"]):  # fmt: skip
        _set(editor, row, column, text)
    _set(editor, 0, 6, "320")
    assert editor.save()
    table = svc.discretion.table()
    assert [(r.circumstance, r.min_fen, r.max_fen) for r in table] == [
        ("较重", 20_000, 32_000),
        ("严重", 37_000, 50_000),
    ]
    editor.table.selectRow(0)
    editor.remove_selected()
    assert editor.save()
    assert [r.circumstance for r in svc.discretion.table()] == ["严重"]


@pytest.mark.parametrize(
    ("row", "column", "text", "message", "focus"),
    [
        (1, 6, "600", "第2行 罚款上限：罚款下限、上限须在法定幅度之内，且下限不高于上限", (1, 6)),
        (0, 3, "五十", "第1行 法定下限：“五十”不是有效的金额", (0, 3)),
        (1, 8, "2024/13/01", "第2行 生效日期：“2024/13/01”不是有效的日期", (1, 8)),
        (1, 2, "较重", "第2行 生效日期：与第1行的违法行为、情节和生效日期相同", (1, 8)),
        (1, 0, " ", "第2行 违法行为：必须填写", (1, 0)),
    ],
)
def test_a_wrong_row_saves_nothing_and_says_where(
    qtbot: QtBot, svc: Services, *, row: int, column: int, text: str, message: str,
    focus: tuple[int, int],
) -> None:  # fmt: skip
    editor = _editor(qtbot, svc)
    added = editor.add_row(["占道设摊", BASIS, "严重", "50", "500", "370", "500", "", "2024-06-01"])
    assert added == 1
    _set(editor, row, column, text)
    before = database_digest(svc.db_path)
    assert not editor.save()
    assert editor.error_label.text() == message
    assert (editor.table.currentRow(), editor.table.currentColumn()) == focus
    assert database_digest(svc.db_path) == before


def test_a_workbook_is_read_into_the_table_and_saved_only_with_save(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    editor = _editor(qtbot, svc)
    same = {**ROW, "情节": "较重", "生效日期": "2024-06-01", "罚款下限": 250, "罚款上限": 350}
    path = workbook(tmp_path / "裁量基准.xlsx", ROW, same)
    before = database_digest(svc.db_path)
    assert editor.import_file(path)
    assert database_digest(svc.db_path) == before  # read, not written
    assert editor.cells() == [
        ["占道设摊", BASIS, "较重", "50.00", "500.00", "250.00", "350.00", "沪城管规〔2025〕2号",
         "2024-06-01"],  # the row with the same key replaced
        ["占道设摊", BASIS, "一般", "50.00", "500.00", "100.00", "300.00", "沪城管规〔2025〕2号",
         "2023-10-01"],
    ]  # fmt: skip
    assert editor.save()
    assert len(svc.discretion.table()) == 2
    assert _audited(svc) == [  # the fixture's save and this one
        'benchmarks.save {"rows": 1, "rows_before": 0}',
        'benchmarks.save {"rows": 2, "rows_before": 1}',
    ]
    bad = workbook(tmp_path / "坏.xlsx", {**ROW, "罚款上限": 600})
    assert not editor.import_file(bad)
    assert editor.error_label.text() == (
        "裁量基准有 1 处问题，未载入：裁量基准 第2行 罚款上限："
        "罚款下限、上限须在法定幅度之内，且下限不高于上限"
    )
    assert len(editor.cells()) == 2


def test_a_clerk_sees_it_read_only(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    with build_services(path, FixedClock(NOW)) as first:
        first.discretion.save_table([FIRST])
    make_accounts(path, FixedClock(NOW))
    with open_as(path, FixedClock(NOW), "clerk") as clerk:
        editor = _editor(qtbot, clerk)
        assert not editor.editable
        assert not editor.save_button.isEnabled()
        assert not editor.add_button.isEnabled()
        assert not editor.import_button.isEnabled()
        assert editor.cells() == [FIRST_CELLS]
        with pytest.raises(DomainError):
            clerk.discretion.save_table([FIRST])
        editor.close()
    with open_as(path, FixedClock(NOW), "admin") as admin:
        editor = _editor(qtbot, admin)
        assert editor.editable
        editor.close()
