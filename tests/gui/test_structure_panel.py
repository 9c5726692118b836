"""The 违法建筑 tab (DOMAIN §13) at 1366x768, offscreen: one row per case with an order, its step
and next clock coloured by the one rule (``forced_clocks``), filtered by step, sorted, printed
(the PDF read back), opened by a double click and refreshed when a step is recorded. The case
list colours the same case by the same rule, and ``case list --overdue`` and the due list agree."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.demolition.structure_list import StructureState
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW
from tests.forced_walk import NO, book_with_order
from ui.case_detail import FLAG_COLOURS
from ui.main_window import MainWindow

D = dt.date
OTHER = "川执立〔2023〕8号"


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    path = book_with_order(tmp_path / "cases.db")
    assert main(["--db", str(path), "case", "file", "--filed", "2023-02-01", "--party", "李四",
                 "--party-type", "自然人", "--cause", "李四占道设摊案",
                 "--officers", "王建国,李明", "--no", OTHER]) == 0  # fmt: skip
    with build_services(path, FixedClock(NOW)) as services:
        yield services


@pytest.fixture
def window(qtbot: QtBot, svc: Services, tmp_path: Path) -> Iterator[MainWindow]:
    shown = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.structures.model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_tab_lists_each_structure_filters_prints_and_opens(
    qtbot: QtBot, window: MainWindow, svc: Services, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    panel = window.structures
    window.tabs.setCurrentWidget(panel)
    qtmodeltester.check(panel.model)
    # the order served 2023-02-10: the 催告 could come from 2023-08-11 and has not (2026-11-27)
    assert _rows(window) == [
        (NO, "张三", "", "2023-02-09", "2023-03-10", "待催告", "可催告拆除之日", "2023-08-11", "")
    ]
    red = panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert red == FLAG_COLOURS[ClockState.OVERDUE]
    assert panel.summary.text() == "截至 2026-11-27，共 1 处（全部 1 处），其中 1 处下一步骤已逾期"
    panel.choose_state(StructureState.CARRIED_OUT)
    assert _rows(window) == []
    panel.choose_state(None)
    written = panel.print_to(tmp_path / "违法建筑清单.pdf")
    assert written is not None
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert "违法建筑清单" in text
    assert NO in text
    assert "待催告" in text
    panel.view.doubleClicked.emit(panel.model.index(0, 3))
    assert window.detail is not None
    assert window.detail.case_no == NO
    window.detail.close()


def test_a_step_recorded_moves_the_row_and_the_colours_agree(
    window: MainWindow, svc: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the case list colours the order red by the same clock, the other case not at all
    rows = {
        window.case_model.case_at(r).case_no: window.case_model.index(r, 0).data(
            Qt.ItemDataRole.BackgroundRole
        )
        for r in range(window.case_model.rowCount())
    }
    assert rows[NO] == FLAG_COLOURS[ClockState.OVERDUE]
    # ... and so do ``case list --overdue`` and the due list
    assert main(["--db", str(svc.db_path), "case", "list", "--overdue", "--json"]) == 0
    overdue = json.loads(capsys.readouterr().out)
    assert NO in json.dumps(overdue, ensure_ascii=False)
    due = svc.publications.due_list(days=5)
    assert [
        (i.reference, i.kind.label, i.due, i.overdue) for i in due.items if i.reference == NO
    ] == [(NO, "催告拆除", D(2023, 8, 11), True)]
    window.tabs.setCurrentWidget(window.structures)
    reminder = PaymentReminder(D(2026, 11, 20), D(2026, 11, 30))
    result = svc.case_files.record_reminder(NO, reminder, True)
    window.on_changes(result.changed, (NO,))
    assert _rows(window)[0][5:8] == ("已催告", "催告期限", "2026-11-30")
    assert (
        window.structures.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
        == (FLAG_COLOURS[ClockState.DUE_SOON])
    )
