"""The 待办 tab: everything due in the next N working days, or overdue — decisions, service,
payments, publications and their withdrawals (``domain.due_list``) — for the clerk's
morning. Sortable by any column; printed as a PDF in the order shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QWidget

from chuansha_enforce.domain.after_decision.due_list import (
    DUE_DAYS_DEFAULT,
    DUE_DAYS_MAX,
    DueItem,
    DueList,
)
from ui.list_panel import ListPanel, PdfWriter
from ui.runner import OperationRunner
from ui.short_list_model import Index, ShortListModel

CONTEXT = "DuePanel"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("DuePanel", "到期日"),
    QT_TRANSLATE_NOOP("DuePanel", "状态"),
    QT_TRANSLATE_NOOP("DuePanel", "事项"),
    QT_TRANSLATE_NOOP("DuePanel", "案件编号"),
    QT_TRANSLATE_NOOP("DuePanel", "当事人"),
)
OVERDUE_COLOUR = QColor("#f8c4c4")
SOON_COLOUR = QColor("#fff3b0")


def _t(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def state_text(item: DueItem) -> str:
    if item.overdue:
        text = QCoreApplication.translate("DuePanel", "已逾期 %1 个工作日")
        return text.replace("%1", str(-item.working_days_left))
    if item.working_days_left == 0:
        return QCoreApplication.translate("DuePanel", "今日到期")
    text = QCoreApplication.translate("DuePanel", "剩 %1 个工作日")
    return text.replace("%1", str(item.working_days_left))


def _sort_key(item: DueItem, column: int) -> tuple[object, ...]:
    keys: tuple[object, ...] = (
        item.due,
        item.working_days_left,
        item.kind.label,
        item.reference,
        item.party,
    )
    return (keys[column], item.due, item.reference)


class DueListModel(ShortListModel):
    """The due items (a list for one morning is short: loaded whole, sorted in the model)."""

    def __init__(self) -> None:
        super().__init__(CONTEXT, COLUMN_SOURCES)
        self.listing: DueList | None = None
        self.items: list[DueItem] = []

    def set_listing(self, listing: DueList) -> None:
        self.beginResetModel()
        self.listing = listing
        self.items = list(listing.items)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_COLOUR if item.overdue else SOON_COLOUR
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (item.due.isoformat(), state_text(item), item.kind.label, item.reference,
                  item.party)  # fmt: skip
        return values[index.column()] if 0 <= index.column() < len(values) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMN_SOURCES):
            return
        self.layoutAboutToBeChanged.emit()
        self.items.sort(
            key=lambda i: _sort_key(i, column),
            reverse=order is Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()


class DuePanel(ListPanel):
    model: DueListModel

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner,
            DueListModel(),
            name="due",
            widths=(100, 150, 110, 200),
            pdf_name="待办事项清单.pdf",
            parent=parent,
        )
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(False)
        self.days = QSpinBox(self)
        self.days.setObjectName("dueDays")
        self.days.setRange(0, DUE_DAYS_MAX)
        self.days.setValue(DUE_DAYS_DEFAULT)
        self.days.valueChanged.connect(lambda _days: self.reload())
        self.lay_out(self.tr("今后工作日数："), self.days)

    def load(self) -> None:
        days = self.days.value()
        listing = self._runner.run_op(lambda s: s.publications.due_list(days=days), parent=self)
        if listing is None:
            return
        self.model.set_listing(listing)
        self.sort_as_shown()
        late = sum(1 for i in listing.items if i.overdue)
        fallback = "".join(
            self.tr("（%1年按周一至周五推算，请核对调休）").replace("%1", str(w.year))
            for w in listing.warnings
        )
        self.summary.setText(
            self.tr("截至 %1，至 %2 到期及已逾期：%3 项，其中已逾期 %4 项")
            .replace("%1", listing.as_of.isoformat())
            .replace("%2", listing.until.isoformat())
            .replace("%3", str(len(listing.items)))
            .replace("%4", str(late))
            + fallback
        )

    def pdf_writer(self, path: Path) -> PdfWriter | None:
        listing = self.model.listing
        if listing is None:
            return None
        items = tuple(self.model.items)
        return lambda s: s.reports.save(path, s.reports.due_list_pdf(listing, items), ".pdf")
