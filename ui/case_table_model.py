"""The general-case list: a table model that pages through the service with keyset queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.demolition.forced_clocks import list_flag
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import CaseListRow, CasePage
from chuansha_enforce.services.case_service import CaseService

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

# A deadline's colour, in the list and in the case window alike.
FLAG_COLOURS = EnumMap(
    ClockState,
    {
        ClockState.DUE_SOON: QColor("#fff3b0"),
        ClockState.OVERDUE: QColor("#f8c4c4"),
        ClockState.MISSED: QColor("#f8c4c4"),
    },
)


class Searcher(Protocol):
    def __call__(
        self, query: str, *, after: tuple[str, int] | None, limit: int, year: int | None
    ) -> CasePage: ...


class ReadGuard(Protocol):
    """How the model makes its reads: the window's ``OperationRunner.read``, which gives
    None when the window's session ended (its server book was restored since the login)."""

    def __call__(self, read: Callable[[], T], *, quiet: bool = False) -> T | None: ...


def _unguarded(read: Callable[[], T], *, quiet: bool = False) -> T | None:
    return read()


CONTEXT = "CaseTableModel"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("CaseTableModel", "案件编号"),
    QT_TRANSLATE_NOOP("CaseTableModel", "立案日期"),
    QT_TRANSLATE_NOOP("CaseTableModel", "当事人"),
    QT_TRANSLATE_NOOP("CaseTableModel", "当事人类型"),
    QT_TRANSLATE_NOOP("CaseTableModel", "证件号码"),
    QT_TRANSLATE_NOOP("CaseTableModel", "案由"),
    QT_TRANSLATE_NOOP("CaseTableModel", "罚款金额（元）"),
    QT_TRANSLATE_NOOP("CaseTableModel", "决定日期"),
    QT_TRANSLATE_NOOP("CaseTableModel", "状态"),
)


def column_titles() -> list[str]:
    return [QCoreApplication.translate(CONTEXT, str(text)) for text in COLUMN_SOURCES]


MONEY_COLUMN = 6
MAX_SORTED = 20_000
"""Rows a header click loads and orders (the list's first this many in its own order)."""


def _sort_key(row: CaseListRow, column: int) -> tuple[object, ...]:
    if column == MONEY_COLUMN:
        return (row.fine_fen, row.id)
    if column == 4:  # shown masked: sort by what is shown
        return (row.id_number_masked or "", row.id)
    return (_cell(row, column), row.id)


def _cell(row: CaseListRow, column: int) -> str:
    match column:
        case 0:
            return row.case_no
        case 1:
            return row.filed_on.isoformat()
        case 2:
            return row.party_name
        case 3:
            return row.party_kind.label
        case 4:
            return row.id_number_masked or ""
        case 5:
            return row.cause
        case 6:
            return format_fen(row.fine_fen) if row.fine_fen else ""
        case 7:
            return row.decided_on.isoformat() if row.decided_on else ""
        case 8:
            return row.status.label
    return ""


def deadline_colour(
    row: CaseListRow, as_of: dt.date, calendar: WorkCalendar, due_soon_days: int
) -> QColor | None:
    """A row's background: its deadline flag (the case window's states, extensions, service
    and payment included; after a 催告 the court's window, ``case_flag``; a demolition order's
    clocks, ``forced_clocks``) in the case window's colours; None for a case with nothing due."""
    state = list_flag(row.duties, as_of, calendar, due_soon_days)
    return None if state is None else FLAG_COLOURS[state]


class CaseTableModel(QAbstractTableModel):
    """Rows arrive a page at a time as the view scrolls (``canFetchMore``/``fetchMore``)."""

    def __init__(
        self,
        cases: CaseService,
        *,
        page_size: int = 200,
        year: int | None = None,
        flag: Callable[[CaseListRow], QColor | None] | None = None,
        search: Searcher | None = None,
        guard: ReadGuard = _unguarded,
    ):
        super().__init__()
        self._guard = guard
        self._search = search
        self._query = ""
        self._flag = flag
        self._flags: dict[int, QColor | None] = {}
        self._cases = cases
        self._page_size = page_size
        self._year = year
        self._rows: list[CaseListRow] = []
        self._next_key: tuple[str, int] | None = None
        self._exhausted = False
        self._fetching = False
        self._titles = column_titles()
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # -- Qt model API -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(self._rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == MONEY_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return self._rows[index.row()].cause
        if role == Qt.ItemDataRole.BackgroundRole and self._flag is not None:
            row = self._rows[index.row()]
            if row.id not in self._flags:
                self._flags[row.id] = self._flag(row)
            return self._flags[row.id]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._titles):
            return self._titles[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True  # views may call back into fetchMore while rows are inserted
        try:
            page = self._guard(self._next_page)
            if page is None:  # the session ended (the book restored since): no more pages
                self._exhausted = True
                return
            if page.rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
                self._rows.extend(page.rows)
                self.endInsertRows()
            self._next_key = page.next_key
            self._exhausted = page.next_key is None
        finally:
            self._fetching = False

    def _next_page(self) -> CasePage:
        if self._query and self._search is not None:
            return self._search(
                self._query, after=self._next_key, limit=self._page_size, year=self._year
            )
        return self._cases.list_page(after=self._next_key, limit=self._page_size, year=self._year)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: the list (up to ``MAX_SORTED`` rows) ordered by ``column``; -1 is
        the list's own order (newest filed first), paged again."""
        if not 0 <= column < len(self._titles):
            if self._sorted is not None:
                self._sorted = None
                self.reload()
            return
        self._sorted = (column, order)
        while self.canFetchMore() and len(self._rows) < MAX_SORTED:
            self.fetchMore()
        self._exhausted = True  # the ordered rows are the list now
        self._order_rows()

    def _order_rows(self) -> None:
        if self._sorted is None:
            return
        column, order = self._sorted
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=lambda row: _sort_key(row, column),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()

    # -- our API --------------------------------------------------------------------
    def case_at(self, row: int) -> CaseListRow:
        return self._rows[row]

    def set_query(self, query: str) -> None:
        """Show the cases matching ``query`` (all when blank), first page again."""
        self._query = query.strip()
        self.set_year(self._year)

    def set_year(self, year: int | None) -> None:
        """Show one filing year (or all) and start again from the first page."""
        self.beginResetModel()
        self._year = year
        self._rows = []
        self._flags = {}
        self._next_key = None
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()
        if self._sorted is not None:
            self.sort(*self._sorted)

    def reload(self) -> None:
        self.set_year(self._year)

    def refresh_case(self, case_no: str) -> bool:
        """Re-read one shown case in place (``dataChanged`` for its row, no reset), keeping the
        scroll position and selection. False when it is not shown or no longer listed as it
        was (deleted, or its filing date moved it): then the caller reloads."""
        at = next((i for i, row in enumerate(self._rows) if row.case_no == case_no), None)
        if at is None:
            return False
        fresh = self._guard(lambda: self._cases.row(case_no))
        if fresh is None or fresh.filed_on != self._rows[at].filed_on:
            return False
        self._rows[at] = fresh
        self._flags.pop(fresh.id, None)
        self.dataChanged.emit(self.index(at, 0), self.index(at, self.columnCount() - 1))
        return True
