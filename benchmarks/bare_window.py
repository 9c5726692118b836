"""The limit for the GUI's start: a bare Qt window with a lazy model on the same database.

``python benchmarks/bare_window.py DB`` starts a QApplication, shows a QMainWindow holding a
QTableView on a minimal QAbstractTableModel that reads the case list 200 rows at a time with
plain sqlite3 (keyset on filed_on DESC, id DESC, as the program's list), paints, prints
``{"window_painted_ms": ..., "window_painted_cpu_ms": ..., "rows_loaded": ...}`` (ms since
this script started; the process's CPU ms until then, interpreter start included) and exits.
No translations, no bundled font, no services: what any Qt program pays to show such a list.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402
import sqlite3  # noqa: E402
import sys  # noqa: E402

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
COLUMNS = ("案件编号", "立案日期", "当事人", "案由", "罚款（分）", "决定日期")
FIRST = (
    "SELECT c.filed_on, c.id, c.case_no, c.filed_on, p.name, c.cause, c.fine_fen, c.decided_on"
    " FROM general_cases c JOIN parties p ON p.id = c.party_id WHERE c.deleted_at IS NULL"
)
ORDER = " ORDER BY c.filed_on DESC, c.id DESC LIMIT ?"


class LazyCases(QAbstractTableModel):
    def __init__(self, db: sqlite3.Connection) -> None:
        super().__init__()
        self._db = db
        self._rows: list[tuple[object, ...]] = []
        self._key: tuple[str, int] | None = None
        self._done = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        return "" if value is None else str(value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._done

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._done:
            return
        if self._key is None:
            rows = self._db.execute(FIRST + ORDER, [PAGE]).fetchall()
        else:
            rows = self._db.execute(
                FIRST + " AND (c.filed_on, c.id) < (?, ?)" + ORDER, [*self._key, PAGE]
            ).fetchall()
        self._done = len(rows) < PAGE
        if rows:
            self._key = (rows[-1][0], rows[-1][1])
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(tuple(row[2:]) for row in rows)
            self.endInsertRows()


def main() -> int:
    app = QApplication(sys.argv[:1])
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    model = LazyCases(db)
    window = QMainWindow()
    view = QTableView(window)
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 760)  # the main window's first-start size
    window.show()
    model.fetchMore()
    view.selectRow(0)
    app.processEvents()
    painted = round((time.perf_counter() - STARTED) * 1000, 1)
    cpu = round(time.process_time() * 1000, 1)
    report = {"window_painted_ms": painted, "window_painted_cpu_ms": cpu}
    print(json.dumps({**report, "rows_loaded": model.rowCount()}))
    window.close()
    db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
