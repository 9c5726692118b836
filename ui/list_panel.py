"""What the short list tabs (待办, 违法建筑) share: a row of controls over a summary line and a
sortable table, loaded when first shown (or when on screen and asked), and printed as a PDF
in the order shown. A tab gives its model, filter widgets, column widths and what to load and
print."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.services.container import Services
from ui.runner import OperationRunner
from ui.short_list_model import ShortListModel

PdfWriter = Callable[[Services], Path]


class ListPanel(QWidget):
    printed = Signal(object)  # the path of the PDF written

    def __init__(
        self,
        runner: OperationRunner,
        model: ShortListModel,
        *,
        name: str,
        widths: tuple[int, ...],
        pdf_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Panel")
        self._runner = runner
        self._pdf_name = pdf_name
        self.model = model
        self.view = QTableView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setModel(model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(24)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(lambda: self.reload(force=True))
        self.print_button = QPushButton(self.tr("打印为 PDF…"), self)
        self.print_button.setObjectName(f"{name}Print")
        self.print_button.clicked.connect(self._print_dialog)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{name}Summary")
        self._stale = True  # loaded when first shown: every case step would reload it

    def lay_out(self, label: str, *filters: QWidget) -> None:
        """The controls row (``label``, the filters, refresh, print), the summary, the table."""
        row = QHBoxLayout()
        row.addWidget(QLabel(label, self))
        for widget in filters:
            row.addWidget(widget)
        row.addWidget(self.refresh_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

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
        self.load()

    def load(self) -> None:
        """Read the list through the runner and show it (the tab's own)."""
        raise NotImplementedError

    def sort_as_shown(self) -> None:
        """The rows in the order the header shows."""
        header = self.view.horizontalHeader()
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def pdf_writer(self, path: Path) -> PdfWriter | None:
        """What writes the list as shown to ``path`` (None: nothing loaded yet)."""
        raise NotImplementedError

    def _print_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("打印为 PDF"), self._pdf_name, "PDF (*.pdf)"
        )
        if name:
            self.print_to(Path(name))

    def print_to(self, path: Path) -> Path | None:
        """The list as shown (its filter and order) written to ``path`` as a PDF."""
        write = self.pdf_writer(path)
        if write is None:
            return None
        written = self._runner.run_op(write, parent=self)
        if written is not None:
            self.printed.emit(written)
        return written
