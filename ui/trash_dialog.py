"""案件 → 回收站…: the deleted general cases, newest deletion first, and taking one back."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.cases.case_trash import TrashedCase
from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.error_dialogs import show_error

Index = QModelIndex | QPersistentModelIndex


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("TrashDialog", "案件编号"),
        QCoreApplication.translate("TrashDialog", "当事人"),
        QCoreApplication.translate("TrashDialog", "案由"),
        QCoreApplication.translate("TrashDialog", "删除时间"),
        QCoreApplication.translate("TrashDialog", "删除人"),
        QCoreApplication.translate("TrashDialog", "理由"),
    ]


class TrashModel(QAbstractTableModel):
    """The trash holds few cases (deletions are rare): loaded whole, read again on change."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[TrashedCase] = []
        self._headers = _headers()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._services.trash.listing()
        self.endResetModel()

    def case_at(self, row: int) -> TrashedCase:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> str | None:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # long reasons
        if not index.isValid() or role not in shown:
            return None
        t = self._rows[index.row()]
        values = (
            t.case_no,
            t.party_name,
            t.cause,
            china_time(t.deleted_at),
            t.deleted_by,
            t.reason,
        )
        return values[index.column()]


class TrashDialog(QDialog):
    changed = Signal(object)  # the Changes of a case taken back

    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle(QCoreApplication.translate("TrashDialog", "回收站"))
        self._services = services
        self._lang = lang
        self.model = TrashModel(services, self)
        self.view = QTableView(self)
        self.view.setObjectName("trashView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        note = QLabel(
            QCoreApplication.translate(
                "TrashDialog",
                "删除的案件不计入列表、查询和统计；恢复后原样回到案件列表。案件编号不会重新使用。",
            ),
            self,
        )
        note.setWordWrap(True)
        self.restore_button = QPushButton(
            QCoreApplication.translate("TrashDialog", "恢复所选案件"), self
        )
        self.restore_button.setObjectName("untrashCase")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_button.setEnabled(services.may(Permission.RECORD_CASES))
        close = QPushButton(QCoreApplication.translate("TrashDialog", "关闭"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(1040, 420)

    def restore_selected(self) -> bool:
        """Take the selected case back; the list and totals refresh through ``changed``."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return False
        case_no = self.model.case_at(rows[0].row()).case_no
        try:
            changes = self._services.trash.undelete(case_no)
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return False
        self.model.reload()
        self.view.resizeColumnsToContents()
        self.changed.emit(changes)
        return True
