"""节假日调休 in 业务设置: the squad's own working and rest days (a year published after the
program was built). Each row added or removed is saved at once, audited, and the work calendar
with every deadline follows; the status bar's notice asks for exactly this."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.calendar.holiday_overrides import HolidayOverride, day_label
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.text_input import clean_line
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.runner import OperationRunner
from ui.step_form import from_qdate, to_qdate


class HolidayEditor(QWidget):
    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("holidayEditor")
        self._runner = runner
        services = runner.services
        self.overrides: list[HolidayOverride] = []
        intro = QLabel(
            QCoreApplication.translate(
                "HolidayEditor",
                "内置日历之外的法定节假日（休息）和调休上班日。每一行保存即生效，"
                "所有按工作日计算的期限随之更新。",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("holidayTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("HolidayEditor", "日期"),
                QCoreApplication.translate("HolidayEditor", "上班/休息"),
                QCoreApplication.translate("HolidayEditor", "说明"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.day = QDateEdit(to_qdate(today_in_china(services.clock)), self)
        self.day.setObjectName("holidayDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox(self)
        self.kind.setObjectName("holidayKind")
        self.kind.addItem(day_label(False), False)
        self.kind.addItem(day_label(True), True)
        self.note = QLineEdit(self)
        self.note.setObjectName("holidayNote")
        self.note.setPlaceholderText(
            QCoreApplication.translate("HolidayEditor", "说明，如：元旦、春节调休上班")
        )
        self.add_button = QPushButton(QCoreApplication.translate("HolidayEditor", "添加"), self)
        self.add_button.setObjectName("addHoliday")
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(
            QCoreApplication.translate("HolidayEditor", "删除所选"), self
        )
        self.remove_button.setObjectName("removeHoliday")
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setObjectName("holidayMessage")
        self.message.setWordWrap(True)
        entry = QHBoxLayout()
        entry.addWidget(self.day)
        entry.addWidget(self.kind)
        entry.addWidget(self.note, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(entry)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.remove_button)
        layout.addLayout(bottom)
        allowed = services.may(Permission.MANAGE_SETTINGS)
        for widget in (self.add_button, self.remove_button):
            widget.setEnabled(allowed)
        self.reload()

    def reload(self) -> None:
        self.overrides = self._runner.services.holidays.overrides()
        self.table.setRowCount(len(self.overrides))
        for row, override in enumerate(self.overrides):
            cells = (override.day.isoformat(), day_label(override.working), override.note or "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def add(self) -> bool:
        """Save the entered day (replacing what the table had for it)."""
        override = HolidayOverride(
            from_qdate(self.day.date()), bool(self.kind.currentData()), clean_line(self.note.text())
        )
        done = self._runner.run_op(lambda s: s.holidays.set(override), on_failed=self._refused)
        if done is None:
            return False
        self.note.clear()
        self._saved(QCoreApplication.translate("HolidayEditor", "已保存 %1（%2）"), override)
        return True

    def remove_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText(
                QCoreApplication.translate("HolidayEditor", "请先在表中选择要删除的一行")
            )
            return False
        override = self.overrides[rows[0].row()]
        done = self._runner.run_op(
            lambda s: s.holidays.remove(override.day), on_failed=self._refused
        )
        if done is None:
            return False
        self._saved(
            QCoreApplication.translate("HolidayEditor", "已删除 %1（%2），该日按内置日历计算"),
            override,
        )
        return True

    def _saved(self, template: str, override: HolidayOverride) -> None:
        self.reload()
        text = template.replace("%1", override.day.isoformat())
        self.message.setStyleSheet("")
        self.message.setText(text.replace("%2", day_label(override.working)))

    def _refused(self, text: str, _exc: DomainError | StorageError) -> None:
        self.message.setStyleSheet("color: #a61b1b;")
        self.message.setText(text)
