"""A small declarative form: fields in, a service call out, the core's message on refusal.

Each field's key is the field code the core uses in ``DomainError.field``, so a refused
step puts the cursor on the field the message names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import parse_yuan
from chuansha_enforce.domain.text_input import clean_line, clean_text
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.officer_picker import OfficerPicker
from ui.text_caps import TextCaps

ARROWS: dict[int, int] = {
    Qt.Key.Key_Right.value: 1,
    Qt.Key.Key_Down.value: 1,
    Qt.Key.Key_Left.value: -1,
    Qt.Key.Key_Up.value: -1,
}


class Kind(Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    OPTIONAL_DATE = "optional_date"
    MONEY = "money"
    BOOL = "bool"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    DAYS = "days"
    OFFICER = "officer"  # choices: (name, certificate number); the value: the number or None


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind = Kind.TEXT
    choices: Sequence[tuple[str, object]] = ()
    default: object = None
    placeholder: str = ""


@dataclass
class FormValues:
    values: dict[str, object] = field(default_factory=dict)

    def text(self, key: str) -> str:
        return str(self.values.get(key) or "")

    def date(self, key: str) -> dt.date:
        value = self.values[key]
        assert isinstance(value, dt.date)
        return value

    def optional_date(self, key: str) -> dt.date | None:
        value = self.values.get(key)
        return value if isinstance(value, dt.date) else None

    def fen(self, key: str) -> int:
        value = self.values.get(key, 0)
        return int(value) if isinstance(value, int) else 0

    def flag(self, key: str) -> bool:
        return bool(self.values.get(key))

    def choice(self, key: str) -> object:
        return self.values.get(key)

    def choices(self, key: str) -> list[object]:
        value = self.values.get(key)
        return list(value) if isinstance(value, list) else []


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class OneTabDateEdit(QDateEdit):
    """A date field that Tab leaves in one press (typing a full section moves to the next)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


class OptionalDate(QWidget):
    """A date that may be left out: a check box switches the date on."""

    def __init__(self, default: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(self)
        self.edit = OneTabDateEdit(self)
        self.edit.setDate(to_qdate(default))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setEnabled(False)
        self.enabled.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.enabled)

    def value(self) -> dt.date | None:
        return from_qdate(self.edit.date()) if self.enabled.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.enabled.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(to_qdate(day))


class StepForm(QDialog):
    """One step's form. ``submit`` gets the parsed values and calls a service."""

    def __init__(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Callable[[FormValues], object],
        *,
        today: dt.date,
        lang: Lang = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("stepForm")
        self._fields = list(fields)
        self._submit = submit
        self._lang = lang
        self.result_value: object = None
        self.widgets: dict[str, QWidget] = {}
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        self._caps = TextCaps(self.error_label, lang, self)
        form = QFormLayout()
        for spec in self._fields:
            widget = self._make(spec, today)
            widget.setObjectName(spec.key)
            self.widgets[spec.key] = widget
            form.addRow(spec.label, widget)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a5a00;")
        self.warning_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.warning_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _make(self, spec: Field, today: dt.date) -> QWidget:
        default = spec.default
        if spec.kind is Kind.DATE:
            edit = OneTabDateEdit(self)
            edit.setDate(to_qdate(default if isinstance(default, dt.date) else today))
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        if spec.kind is Kind.OPTIONAL_DATE:
            optional = OptionalDate(today, self)
            optional.set_value(default if isinstance(default, dt.date) else None)
            return optional
        if spec.kind is Kind.BOOL:
            box = QCheckBox(self)
            box.setChecked(bool(default))
            return box
        if spec.kind is Kind.OFFICER:
            picker = OfficerPicker(self)
            picker.set_officers([(str(name), str(no)) for name, no in spec.choices])
            picker.choose(None if default is None else str(default))
            return picker
        if spec.kind is Kind.CHOICE:
            # Qt would turn enum members into plain strings: keep the data on our side.
            combo = QComboBox(self)
            for label, _data in spec.choices:
                combo.addItem(label)
            data = [d for _label, d in spec.choices]
            if default is not None and default in data:
                combo.setCurrentIndex(data.index(default))
            return combo
        if spec.kind is Kind.MULTI_CHOICE:
            # One Tab stop for the group (its first box); the arrow keys move between boxes,
            # Space ticks one (issue 21 §2b). The default: the data ticked at first.
            holder = QWidget(self)
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            ticked = list(default) if isinstance(default, list | tuple | frozenset | set) else []
            for index, (label, value) in enumerate(spec.choices):
                box = QCheckBox(label, holder)
                box.setChecked(value in ticked)
                if index:
                    box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                box.installEventFilter(self)
                row.addWidget(box)
            row.addStretch(1)
            first = holder.findChildren(QCheckBox)
            if first:
                holder.setFocusProxy(first[0])
            return holder
        if spec.kind is Kind.DAYS:
            spin = QSpinBox(self)
            spin.setRange(0, 365)
            spin.setValue(int(default) if isinstance(default, int) else 30)
            return spin
        if spec.kind is Kind.LONG_TEXT:
            text = QPlainTextEdit(self)
            if default is not None:
                text.setPlainText(str(default))  # e.g. the notice's facts: the case's violation
            text.setTabChangesFocus(True)
            text.setFixedHeight(72)
            self._caps.hold(text, spec.key, spec.label)
            return text
        line = QLineEdit(self)
        line.setPlaceholderText(spec.placeholder)
        self._caps.hold(line, spec.key, spec.label)  # named as the form names it (ui.text_caps)
        if default is not None:
            line.setText(str(default))
        return line

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys move between the boxes of a multiple choice."""
        if (
            isinstance(watched, QCheckBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ARROWS
        ):
            holder = watched.parentWidget()
            boxes = holder.findChildren(QCheckBox) if holder is not None else []
            if watched in boxes:
                step = ARROWS[event.key()]
                boxes[(boxes.index(watched) + step) % len(boxes)].setFocus(
                    Qt.FocusReason.TabFocusReason
                )
                return True
        return super().eventFilter(watched, event)

    def limit_text(self, key: str, most: int) -> None:
        """Hold field ``key``'s text to ``most`` characters from now on (``TextCaps.limit``)."""
        widget = self.widgets[key]
        assert isinstance(widget, QLineEdit | QPlainTextEdit)
        self._caps.limit(widget, most)

    def values(self) -> FormValues:
        """Read every field; a malformed amount or a text longer than its field takes
        raises the core's DomainError."""
        too_long = self._caps.too_long()
        if too_long is not None:
            raise too_long.error
        out = FormValues()
        for spec in self._fields:
            widget = self.widgets[spec.key]
            if isinstance(widget, QDateEdit):
                out.values[spec.key] = from_qdate(widget.date())
            elif isinstance(widget, OptionalDate):
                out.values[spec.key] = widget.value()
            elif isinstance(widget, QCheckBox):
                out.values[spec.key] = widget.isChecked()
            elif isinstance(widget, OfficerPicker):
                out.values[spec.key] = widget.certificate()
            elif isinstance(widget, QComboBox):
                index = widget.currentIndex()
                out.values[spec.key] = spec.choices[index][1] if index >= 0 else None
            elif isinstance(widget, QSpinBox):
                out.values[spec.key] = widget.value()
            elif isinstance(widget, QPlainTextEdit):
                out.values[spec.key] = clean_text(widget.toPlainText())  # (domain.text_input)
            elif isinstance(widget, QLineEdit):
                text = clean_line(widget.text())
                if spec.kind is Kind.MONEY:
                    out.values[spec.key] = parse_yuan(text, spec.key) if text else 0
                else:
                    out.values[spec.key] = text
            else:  # MULTI_CHOICE
                boxes = widget.findChildren(QCheckBox)
                out.values[spec.key] = [
                    data
                    for box, (_label, data) in zip(boxes, spec.choices, strict=True)
                    if box.isChecked()
                ]
        return out

    def warn_while_typing(self, keys: Sequence[str], warning: Callable[[FormValues], str]) -> None:
        """Show ``warning(values)`` (empty: nothing) whenever one of the ``keys`` fields changes;
        a warning never stops the form."""

        def update() -> None:
            try:
                text = warning(self.values())
            except DomainError:
                return  # an amount half typed: the warning waits for it
            self.warning_label.setText(text)
            self.warning_label.setVisible(bool(text))

        for key in keys:
            widget = self.widgets[key]
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(update)
            elif isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(update)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(update)
        update()

    def try_submit(self) -> bool:
        too_long = self._caps.too_long()
        if too_long is not None:  # said under the form's label, not the service's field
            self.show_error(too_long.text, too_long.error.field)
            return False
        try:
            self.result_value = self._submit(self.values())
        except DomainError as exc:
            self.show_error(render(exc.code, exc.params, self._lang, exc.field), exc.field)
            return False
        except StorageError as exc:
            self.show_error(render(exc.code, exc.params, self._lang), None)
            return False
        self.accept()
        return True

    def show_error(self, text: str, field_key: str | None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        widget = self.widgets.get(field_key or "")
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
