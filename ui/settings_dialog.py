"""业务设置: every setting with its label, unit and current value (money in 元); the changed ones
are saved together through the core, which checks each value first; a refusal names the
setting, writes nothing and keeps the form as typed. A second page keeps the 调休 table."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.settings import (
    CHOICES,
    LABELS,
    YUAN_LABELS,
    Settings,
    setting_from_yuan,
)
from chuansha_enforce.services.changes import NOTHING, Changes
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import error_text
from ui.holiday_editor import HolidayEditor
from ui.runner import OperationRunner
from ui.screen_fit import fit_to_screen
from ui.text_caps import TextCaps

MAX_SPIN = 2_000_000_000
UNITS = (("_working_days", " 个工作日"), ("_minutes", " 分钟"), ("_failures", " 次"))
"""The unit shown after a number, by the setting name's ending."""


class SettingsDialog(QDialog):
    def __init__(
        self,
        services: Services,
        lang: Lang = "zh",
        parent: QWidget | None = None,
        *,
        runner: OperationRunner | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("业务设置"))
        self._services = services
        self._lang = lang
        self._current = services.settings.current()
        self.result_value: Changes = NOTHING  # what saving changed
        self.inputs: dict[str, QWidget] = {}
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsError")
        self.error_label.setStyleSheet("color: #a61b1b;")
        self.error_label.setWordWrap(True)
        self._caps = TextCaps(self.error_label, lang, self)  # each text named by its label
        body = QWidget(self)
        form = QFormLayout(body)
        for spec in dataclasses.fields(Settings):
            widget = self._input(spec.name, getattr(self._current, spec.name))
            widget.setObjectName(f"setting_{spec.name}")
            self.inputs[spec.name] = widget
            label = YUAN_LABELS.get(spec.name) or LABELS.get(spec.name, spec.name)
            form.addRow(label, self._with_unit(spec.name, widget))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.holidays = HolidayEditor(runner or OperationRunner(services, lang, self), self)
        self.pages = QTabWidget(self)
        self.pages.addTab(scroll, self.tr("业务参数"))
        self.pages.addTab(self.holidays, self.tr("节假日调休"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 680, 640)

    def _with_unit(self, name: str, widget: QWidget) -> QWidget:
        """A money input with 元 after it; the others as they are."""
        if name not in YUAN_LABELS:
            return widget
        holder = QWidget(self)
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget, 1)
        row.addWidget(QLabel(self.tr("元"), holder))
        return holder

    def _input(self, name: str, value: object) -> QWidget:
        if name in YUAN_LABELS and isinstance(value, int):
            return QLineEdit(format_fen(value), self)
        if isinstance(value, bool):
            box = QCheckBox(self)
            box.setChecked(value)
            return box
        if isinstance(value, int):
            spin = QSpinBox(self)
            spin.setRange(0, MAX_SPIN)  # the core checks each setting's own range
            spin.setValue(value)
            spin.setSuffix(next((unit for end, unit in UNITS if name.endswith(end)), ""))
            return spin
        if name in CHOICES:
            combo = QComboBox(self)
            combo.addItems(list(CHOICES[name]))
            combo.setCurrentText(str(value))
            return combo
        line = QLineEdit(self)
        self._caps.hold(line, name, LABELS.get(name, name))
        line.setText(str(value))
        return line

    def values(self) -> dict[str, object]:
        """The form's values; money typed in 元 is given in 分 (refused when it is no amount)."""
        typed: dict[str, object] = {}
        for name, widget in self.inputs.items():
            if name in YUAN_LABELS and isinstance(widget, QLineEdit):
                typed[name] = setting_from_yuan(name, widget.text())
            elif isinstance(widget, QCheckBox):
                typed[name] = widget.isChecked()
            elif isinstance(widget, QSpinBox):
                typed[name] = widget.value()
            elif isinstance(widget, QComboBox):
                typed[name] = widget.currentText()
            elif isinstance(widget, QLineEdit):
                typed[name] = widget.text()
        return typed

    def changed(self) -> dict[str, object]:
        return {
            name: value
            for name, value in self.values().items()
            if value != getattr(self._current, name)
        }

    def save(self) -> bool:
        """Save the changed settings together: all of them, or none when one is refused."""
        if self._caps.refuse():
            return False
        try:
            self.result_value = self._services.settings.set_many(self.changed())
        except (DomainError, StorageError) as exc:
            self.error_label.setText(error_text(exc, self._lang))
            return False
        self.accept()
        return True
