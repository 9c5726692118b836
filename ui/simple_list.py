"""Saved simple-procedure decisions: a list with a search box; Enter or a double click opens
one (issue 21 §2)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError
from chuansha_enforce.services.simple_decision_service import SimpleDetail, SimpleListRow
from ui.error_dialogs import error_text

MAX_SHOWN = 500


class SimpleDecisionDialog(QDialog):
    """One saved decision, every field entered."""

    def __init__(self, detail: SimpleDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("simpleDecisionDialog")
        row = detail.row
        self.setWindowTitle(row.decision_no)
        form = QFormLayout()
        fine = format_fen(row.fine_fen) if row.fine_fen else ""
        on_spot = self.tr("是") if row.collected_on_spot else self.tr("否")
        for label, value in (
            (self.tr("决定书编号"), row.decision_no),
            (self.tr("决定日期"), row.decided_on.isoformat()),
            (self.tr("当事人"), f"{row.party_name}（{row.party_kind.label}）"),
            (self.tr("证件号码"), row.id_number_masked or ""),
            (self.tr("案由"), row.cause),
            (self.tr("违法地点"), detail.location or ""),
            (self.tr("执法人员"), "、".join(detail.officers)),
            (self.tr("处罚种类"), row.penalty_kind.label),
            (self.tr("罚款金额（元）"), fine),
            (self.tr("当场收缴"), on_spot),
            (self.tr("缴款日期"), row.paid_on.isoformat() if row.paid_on else ""),
            (self.tr("备注"), detail.notes or ""),
        ):
            shown = QLabel(value, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)


class SimpleListWidget(QWidget):
    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._lang: Lang = lang
        self._rows: tuple[SimpleListRow, ...] = ()
        self.setObjectName("simpleList")
        self.search = QLineEdit(self)
        self.search.setObjectName("simpleSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("搜索：决定书编号、当事人、案由、地点"))
        self.search.textChanged.connect(lambda _text: self.reload())
        self.search.returnPressed.connect(self._go_to_list)
        self.message = QLabel(self)
        self.message.setObjectName("simpleListMessage")
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("simpleTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("决定书编号"),
                self.tr("决定日期"),
                self.tr("当事人"),
                self.tr("案由"),
                self.tr("罚款金额（元）"),
                self.tr("处罚种类"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(3, 260)
        self.table.doubleClicked.connect(lambda index: self.open_decision(index.row()))
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.detail: SimpleDecisionDialog | None = None
        self.reload()

    def reload(self) -> None:
        try:
            self._rows = self._services.simple.find(self.search.text(), MAX_SHOWN)
        except DomainError as exc:
            self.message.setText(error_text(exc, self._lang))
            return
        self.message.setText(self.tr("共 %1 件").replace("%1", str(len(self._rows))))
        self.table.setRowCount(len(self._rows))
        for at, row in enumerate(self._rows):
            fine = format_fen(row.fine_fen) if row.fine_fen else ""
            cells = (
                row.decision_no,
                row.decided_on.isoformat(),
                row.party_name,
                row.cause,
                fine,
                row.penalty_kind.label,
            )
            for column, text in enumerate(cells):
                self.table.setItem(at, column, QTableWidgetItem(text))

    def _go_to_list(self) -> None:
        if self.table.rowCount():
            self.table.selectRow(0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_decision(self, row: int) -> SimpleDecisionDialog:
        self.detail = SimpleDecisionDialog(self._services.simple.detail(self._rows[row]), self)
        self.detail.show()
        return self.detail

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.table.currentRow() >= 0
        ):
            self.open_decision(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)
