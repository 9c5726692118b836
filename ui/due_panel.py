"""The 待办 tab: everything due in the next N working days, or overdue — decisions, service,
payments, publications and their withdrawals (``domain.due_list``) — for the clerk's
morning. Sortable by any column; printed as a PDF in the order shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.after_decision.due_list import (
    DUE_DAYS_DEFAULT,
    DUE_DAYS_MAX,
    DueItem,
    DueList,
)
from chuansha_enforce.services.container import Services
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


class DuePanel(QWidget):
    printed = Signal(object)  # the path of the PDF written

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duePanel")
        self._runner = runner
        self.model = DueListModel()
        self.view = QTableView(self)
        self.view.setObjectName("dueView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate((100, 150, 110, 200)):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.days = QSpinBox(self)
        self.days.setObjectName("dueDays")
        self.days.setRange(0, DUE_DAYS_MAX)
        self.days.setValue(DUE_DAYS_DEFAULT)
        self.days.valueChanged.connect(lambda _days: self.reload())
        refresh = QPushButton(self.tr("刷新"), self)
        refresh.clicked.connect(lambda: self.reload(force=True))
        self.print_button = QPushButton(self.tr("打印为 PDF…"), self)
        self.print_button.setObjectName("duePrint")
        self.print_button.clicked.connect(self._print_dialog)
        self.summary = QLabel(self)
        self.summary.setObjectName("dueSummary")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("今后工作日数："), self))
        row.addWidget(self.days)
        row.addWidget(refresh)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self._stale = True  # loaded when first shown: every case step would reload it

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload(force=True)

    def reload(self, *, force: bool = False) -> None:
        """Load the list again now when it is on screen (or ``force``), else when next shown."""
        if not (force or self.isVisible()):
            self._stale = True
            return
        self._stale = False
        days = self.days.value()
        listing = self._runner.run_op(lambda s: s.publications.due_list(days=days), parent=self)
        if listing is None:
            return
        self.model.set_listing(listing)
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
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

    def _print_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("打印为 PDF"), "待办事项清单.pdf", "PDF (*.pdf)"
        )
        if name:
            self.print_to(Path(name))

    def print_to(self, path: Path) -> Path | None:
        """The list as shown (its order too) written to ``path`` as a PDF."""
        listing = self.model.listing
        if listing is None:
            return None
        items = tuple(self.model.items)

        def write(s: Services) -> Path:
            return s.reports.save(path, s.reports.due_list_pdf(listing, items), ".pdf")

        written = self._runner.run_op(write, parent=self)
        if written is not None:
            self.printed.emit(written)
        return written
