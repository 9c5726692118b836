"""业务设置: every setting with its label and current value; the changed ones are saved together
through the core, which checks each value first; a refusal names the setting, writes nothing
and keeps the form as typed."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.settings import CHOICES, LABELS, Settings
from chuansha_enforce.services.changes import NOTHING, Changes
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import error_text

MAX_SPIN = 2_000_000_000


class SettingsDialog(QDialog):
    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("业务设置"))
        self._services = services
        self._lang = lang
        self._current = services.settings.current()
        self.result_value: Changes = NOTHING  # what saving changed
        self.inputs: dict[str, QWidget] = {}
        body = QWidget(self)
        form = QFormLayout(body)
        for spec in dataclasses.fields(Settings):
            widget = self._input(spec.name, getattr(self._current, spec.name))
            widget.setObjectName(f"setting_{spec.name}")
            self.inputs[spec.name] = widget
            form.addRow(LABELS.get(spec.name, spec.name), widget)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("settingsError")
        self.error_label.setStyleSheet("color: #a61b1b;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(620, 640)

    def _input(self, name: str, value: object) -> QWidget:
        if isinstance(value, bool):
            box = QCheckBox(self)
            box.setChecked(value)
            return box
        if isinstance(value, int):
            spin = QSpinBox(self)
            spin.setRange(0, MAX_SPIN)  # the core checks each setting's own range
            spin.setValue(value)
            return spin
        if name in CHOICES:
            combo = QComboBox(self)
            combo.addItems(list(CHOICES[name]))
            combo.setCurrentText(str(value))
            return combo
        line = QLineEdit(str(value), self)
        return line

    def values(self) -> dict[str, object]:
        typed: dict[str, object] = {}
        for name, widget in self.inputs.items():
            if isinstance(widget, QCheckBox):
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
        try:
            self.result_value = self._services.settings.set_many(self.changed())
        except (DomainError, StorageError) as exc:
            self.error_label.setText(error_text(exc, self._lang))
            return False
        self.accept()
        return True
