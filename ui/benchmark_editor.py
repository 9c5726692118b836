"""The administrator's discretion benchmark editor (DOMAIN §17): every row of the table
(violation → circumstance → fine range, statutory range, source document, effective date) to
view, edit, add and remove, saved whole or not at all — a problem names the row and the
field — and the 裁量基准 sheet of a workbook read into it (saved only with 保存). Anyone may
read the table; only an administrator (``MANAGE_SETTINGS``) edits it, the others see it
read-only, as in 业务设置."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.cases.benchmark_table import benchmark_from_cells, row_error_text
from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.money import fen_to_yuan_text
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.error_dialogs import error_text
from ui.runner import OperationRunner
from ui.screen_fit import fit_to_screen

CONTEXT = "BenchmarkEditor"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("BenchmarkEditor", "违法行为"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "法律依据"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "情节"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "法定下限（元）"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "法定上限（元）"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "罚款下限（元）"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "罚款上限（元）"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "依据文件"),
    QT_TRANSLATE_NOOP("BenchmarkEditor", "生效日期"),
)


def cells_of(row: Benchmark) -> list[str]:
    money = (row.statutory_min_fen, row.statutory_max_fen, row.min_fen, row.max_fen)
    return [row.violation, row.basis, row.circumstance,
            *(fen_to_yuan_text(fen) for fen in money), row.source,
            row.effective_on.isoformat()]  # fmt: skip


class BenchmarkEditor(QDialog):
    saved = Signal(object)  # the Changes of a save

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("benchmarkEditor")
        self.setWindowTitle(self.tr("裁量基准"))
        self._runner = runner
        self._lang = runner.lang
        self.editable = runner.services.may(Permission.MANAGE_SETTINGS)
        self.table = QTableWidget(0, len(COLUMN_SOURCES), self)
        self.table.setObjectName("benchmarkTable")
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate(CONTEXT, str(t)) for t in COLUMN_SOURCES]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for column, width in enumerate((150, 230, 60, 90, 90, 90, 90, 150, 90)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        if not self.editable:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setText(
            self.tr("表中没有的违法行为和情节，按程序内置默认值（法定幅度四档划分）提示。")
            if self.editable
            else self.tr("只有管理员可以修改裁量基准，当前为只读。")
        )
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self.add_button = QPushButton(self.tr("添加行"), self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("删除所选行"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(self.tr("从 Excel 导入…"), self)
        self.import_button.clicked.connect(self._import_dialog)
        self.save_button = QPushButton(self.tr("保存"), self)
        self.save_button.setObjectName("benchmarkSave")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        for button in (self.add_button, self.remove_button, self.import_button, self.save_button):
            button.setEnabled(self.editable)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        fit_to_screen(self, 1200, 600)
        self.load()

    def load(self) -> None:
        rows = self._runner.run_op(lambda s: s.discretion.table(), parent=self)
        if rows is not None:
            self.set_rows([cells_of(r) for r in rows])

    def set_rows(self, rows: list[list[str]]) -> None:
        self.table.setRowCount(0)
        for cells in rows:
            self.add_row(cells)

    def add_row(self, cells: list[str] | None = None) -> int:
        at = self.table.rowCount()
        self.table.insertRow(at)
        for column, text in enumerate(cells or [""] * len(COLUMN_SOURCES)):
            self.table.setItem(at, column, QTableWidgetItem(text))
        return at

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def cells(self) -> list[list[str]]:
        return [
            [
                item.text() if (item := self.table.item(r, c)) is not None else ""
                for c in range(self.table.columnCount())
            ]
            for r in range(self.table.rowCount())
        ]

    def _show_error(self, text: str, row: int | None = None, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        if row is not None:
            column = _FIELD_COLUMNS.get(field or "", 0)
            self.table.setCurrentCell(row - 1, column)

    def _failed(self, _text: str, exc: DomainError | StorageError) -> None:
        if isinstance(exc, DomainError):
            row = exc.params.get("this_row", exc.params.get("row"))
            self._show_error(row_error_text(exc, self._lang),
                             row if isinstance(row, int) else None, exc.field)  # fmt: skip
        else:
            self._show_error(error_text(exc, self._lang))

    def save(self) -> bool:
        """Every row checked, then the whole table written (nothing when a row is wrong)."""
        try:
            rows = [benchmark_from_cells(c, n) for n, c in enumerate(self.cells(), start=1)]
        except DomainError as exc:
            self._failed("", exc)
            return False
        changes = self._runner.run_op(
            lambda s: s.discretion.save_table(rows), on_failed=self._failed, parent=self
        )
        if changes is None:
            return False
        self.error_label.hide()
        self.saved.emit(changes)
        return True

    def _import_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入裁量基准"), "", "Excel (*.xlsx);;CSV (*.csv)"
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """The 裁量基准 sheet read into the table: its rows replace the shown rows with the
        same violation, circumstance and effective date, the others are added. Nothing is
        written until 保存."""
        read = self._runner.run_op(
            lambda s: s.discretion.read_sheet(path), on_failed=self._failed, parent=self
        )
        if read is None:
            return False
        if read.issues:
            first = read.issues[0].text(self._lang)
            text = self.tr("裁量基准有 %1 处问题，未载入：%2")
            self._show_error(text.replace("%1", str(read.total_issues)).replace("%2", first))
            return False
        shown = self.cells()
        keys = {(c[0].strip(), c[2].strip(), c[8].strip()): n for n, c in enumerate(shown)}
        for row in read.rows:
            cells = cells_of(row)
            at = keys.get((cells[0], cells[2], cells[8]))
            if at is None:
                shown.append(cells)
            else:
                shown[at] = cells
        self.set_rows(shown)
        self.error_label.hide()
        return True


_FIELD_COLUMNS = {
    "violation": 0, "basis": 1, "circumstance": 2, "statutory_min": 3, "statutory_max": 4,
    "benchmark_min": 5, "benchmark_max": 6, "source": 7, "effective_on": 8,
}  # fmt: skip
