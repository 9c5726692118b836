"""The case list model, checked by Qt's own model tester and against the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.deadline_cases import (
    EXTENDED,
    EXTENDED_2025,
    LATE,
    LATE_2025,
    PAID,
    UNPAID,
    deadline_database,
)
from ui.case_table_model import CaseTableModel, column_titles
from ui.main_window import MainWindow


def test_qt_model_tester(qtmodeltester: ModelTester, demo_services: Services) -> None:
    model = CaseTableModel(demo_services.cases, page_size=50)
    model.fetchMore()
    qtmodeltester.check(model, force_py=True)


def test_pages_arrive_on_demand_until_exhausted(demo_services: Services) -> None:
    model = CaseTableModel(demo_services.cases, page_size=100)
    assert model.rowCount() == 0
    assert model.canFetchMore(QModelIndex())
    model.fetchMore()
    assert model.rowCount() == 100
    while model.canFetchMore(QModelIndex()):
        model.fetchMore()
    assert model.rowCount() == demo_services.cases.count()
    ids = [model.case_at(r).id for r in range(model.rowCount())]
    assert len(set(ids)) == len(ids)  # keyset paging neither repeats nor skips


def test_reentrant_fetch_is_ignored(demo_services: Services) -> None:
    model = CaseTableModel(demo_services.cases, page_size=10)
    calls: list[int] = []

    def reenter(*_: object) -> None:
        calls.append(model.rowCount())
        model.fetchMore()  # a view asking for more while rows are being inserted

    model.rowsAboutToBeInserted.connect(reenter)
    model.fetchMore()
    assert calls == [0]
    assert model.rowCount() == 10


def test_cells_are_formatted_for_people(demo_services: Services) -> None:
    model = CaseTableModel(demo_services.cases, page_size=200)
    model.fetchMore()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == column_titles()
    assert "案件编号" in titles
    money_column = titles.index("罚款金额（元）")
    id_column = titles.index("证件号码")
    fined = next(r for r in range(model.rowCount()) if model.case_at(r).fine_fen >= 100_000)
    text = model.data(model.index(fined, money_column))
    assert isinstance(text, str)
    assert "," in text
    assert text.endswith(f".{model.case_at(fined).fine_fen % 100:02d}")
    people = [r for r in range(model.rowCount()) if model.case_at(r).party_kind.label == "自然人"]
    masked = [model.data(model.index(r, id_column)) for r in people]
    assert masked
    assert all(isinstance(m, str) and "********" in m for m in masked if m)


def test_year_filter_resets_and_reloads(demo_services: Services, qtbot: QtBot) -> None:
    model = CaseTableModel(demo_services.cases, page_size=500)
    model.fetchMore()
    with qtbot.waitSignal(model.modelReset):
        model.set_year(2024)
    assert model.rowCount() == demo_services.cases.count(year=2024)
    assert {model.case_at(r).filed_on.year for r in range(model.rowCount())} == {2024}


def test_row_colours_follow_the_case_windows_deadlines(
    qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    """Red for an unpaid fine past its payment day; white for a decision whose deadline was
    extended past today (the list once showed these the other way round)."""
    path = deadline_database(tmp_path / "cases.db")
    with build_services(path, clock) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        model = window.case_model
        colours = {
            model.case_at(r).case_no: model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
            for r in range(model.rowCount())
        }
        window.close()
    red = QColor("#f8c4c4")
    assert colours == {
        EXTENDED: None,
        LATE: red,
        EXTENDED_2025: red,
        LATE_2025: red,
        UNPAID: red,
        PAID: None,
    }
