"""The 违法建筑 tab: every case with a 责令限期拆除 order and where its structure stands — its
place, the order's date and deadline, the forced-demolition step reached (or 自行拆除 / 已强制
拆除), the next clock with its due day and a pending dispute's hold (DOMAIN §13). Filtered by
state, sorted by any column, coloured by the next clock (``forced_clocks``), printed as a PDF
in the order shown; a double click opens the case."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from chuansha_enforce.domain.demolition.structure_list import StructureState
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.presenters.structure_list import StructureViewRow, view_rows
from chuansha_enforce.services.structure_list_service import StructureList
from ui.case_table_model import FLAG_COLOURS
from ui.list_panel import ListPanel, PdfWriter
from ui.runner import OperationRunner
from ui.short_list_model import Index, ShortListModel

CONTEXT = "StructurePanel"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("StructurePanel", "案件编号"),
    QT_TRANSLATE_NOOP("StructurePanel", "当事人"),
    QT_TRANSLATE_NOOP("StructurePanel", "地点"),
    QT_TRANSLATE_NOOP("StructurePanel", "决定日期"),
    QT_TRANSLATE_NOOP("StructurePanel", "拆除期限"),
    QT_TRANSLATE_NOOP("StructurePanel", "当前步骤"),
    QT_TRANSLATE_NOOP("StructurePanel", "下一期限"),
    QT_TRANSLATE_NOOP("StructurePanel", "到期日"),
    QT_TRANSLATE_NOOP("StructurePanel", "复议诉讼"),
)


class StructureListModel(ShortListModel):
    """The rows shown (a township's orders: loaded whole, sorted in the model)."""

    def __init__(self) -> None:
        super().__init__(CONTEXT, COLUMN_SOURCES)
        self.items: list[StructureViewRow] = []

    def set_rows(self, rows: list[StructureViewRow]) -> None:
        self.beginResetModel()
        self.items = rows
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return None if item.flag is None else FLAG_COLOURS[item.flag]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return item.cells[2]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return item.cells[index.column()] if 0 <= index.column() < len(item.cells) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_SOURCES):
            return
        self.layoutAboutToBeChanged.emit()
        self.items.sort(
            key=lambda i: i.sort_key(column), reverse=order is Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


class StructurePanel(ListPanel):
    open_case_requested = Signal(str)
    model: StructureListModel

    def __init__(
        self, runner: OperationRunner, lang: Lang = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(
            runner,
            StructureListModel(),
            name="structure",
            widths=(170, 90, 180, 86, 86, 150, 150, 86),
            pdf_name="违法建筑清单.pdf",
            parent=parent,
        )
        self._lang = lang
        self.listing: StructureList | None = None
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.doubleClicked.connect(self._open)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("structureState")
        self.state_filter.addItem(self.tr("全部"), None)
        for state in StructureState:
            self.state_filter.addItem(state.label, state)
        self.state_filter.currentIndexChanged.connect(lambda _i: self._show())
        self.lay_out(self.tr("当前步骤："), self.state_filter)

    def load(self) -> None:
        listing = self._runner.run_op(lambda s: s.structures.listing(), parent=self)
        if listing is None:
            return
        self.listing = listing
        self._show()

    def choose_state(self, state: StructureState | None) -> None:
        self.state_filter.setCurrentIndex(max(self.state_filter.findData(state), 0))

    def _show(self) -> None:
        if self.listing is None:
            return
        state = self.state_filter.currentData()
        rows = view_rows(self.listing, self._lang, state)
        self.model.set_rows(rows)
        self.sort_as_shown()
        late = sum(1 for r in rows if r.flag is not None and r.flag.value == "overdue")
        self.summary.setText(
            self.tr("截至 %1，共 %2 处（全部 %3 处），其中 %4 处下一步骤已逾期")
            .replace("%1", self.listing.as_of.isoformat())
            .replace("%2", str(len(rows)))
            .replace("%3", str(len(self.listing.rows)))
            .replace("%4", str(late))
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case_requested.emit(self.model.items[index.row()].row.case_no)

    def pdf_writer(self, path: Path) -> PdfWriter | None:
        if self.listing is None:
            return None
        as_of = self.listing.as_of
        cells = [r.cells for r in self.model.items]
        return lambda s: s.reports.save(path, s.reports.structure_list_pdf(as_of, cells), ".pdf")
