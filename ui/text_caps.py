"""Text inputs held, in the window, to the length their field takes (``domain.text_limits``),
as the service holds them: a line takes one character more than its field (a longer paste is
cut there, yet still refused naming the field, never shortened unseen into the record), and
the first text too long is said at once, while typing or on a paste; the message goes when
the text is shortened. A form asks ``too_long`` (or ``refuse``) before it sends anything."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.text_limits import entered_limit
from chuansha_enforce.services.errors import DomainError

TextInput = QLineEdit | QPlainTextEdit


class TooLong(NamedTuple):
    """A text longer than its field takes: the input, the refusal the service would give
    (``value.too_long`` naming the field) and the sentence the form shows."""

    widget: TextInput
    error: DomainError
    text: str


class _Held(NamedTuple):
    widget: TextInput
    field: str  # the field its length goes by (``entered_limit``)
    shown_as: str | None  # the name the form shows it under, when not the field's label
    most: int  # the longest text (each item's, with ``items``) the field takes
    items: Callable[[str], Sequence[str]] | None  # a line of items, each held to ``most``


class TextCaps(QObject):
    """The text inputs of one form, and ``label``, where a text too long is said."""

    def __init__(self, label: QLabel, lang: Lang = "zh", parent: QObject | None = None) -> None:
        super().__init__(parent or label)
        self._label = label
        self._lang: Lang = lang
        self._held: list[_Held] = []
        self._shown = False  # the label says a text is too long
        self._hide_again = False  # the label was hidden before it said so

    def hold(
        self,
        widget: TextInput,
        field: str,
        shown_as: str | None = None,
        *,
        items: Callable[[str], Sequence[str]] | None = None,
    ) -> None:
        """Hold ``widget`` to the length of ``field``; the message names it ``shown_as`` when
        given (the form's label), else as the catalogue names ``field``. A line of ``items``
        (what the service is sent, split as the form splits it) holds each item to that
        length, the line itself not cut: together the items may be longer than one."""
        held = _Held(widget, field, shown_as, entered_limit(field), items)
        self._cut(held)
        widget.textChanged.connect(self._say)
        self._held.append(held)

    def limit(self, widget: TextInput, most: int) -> None:
        """Hold ``widget`` (held already) to ``most`` characters from now on, as the field it
        is entered for takes (a correction's value: the field corrected); said at once."""
        for index, held in enumerate(self._held):
            if held.widget is widget:
                self._held[index] = held._replace(most=most)
                self._cut(self._held[index])
        self._say()

    @staticmethod
    def _cut(held: _Held) -> None:
        if isinstance(held.widget, QLineEdit) and held.items is None:
            held.widget.setMaxLength(held.most + 1)

    def too_long(self) -> TooLong | None:
        """The first input holding more than its field takes."""
        for held in self._held:
            widget = held.widget
            text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            parts = held.items(text) if held.items is not None else (text,)
            if any(len(part) > held.most for part in parts):
                error = DomainError("value.too_long", held.field, {"max": held.most})
                return TooLong(widget, error, self._sentence(held, error))
        return None

    def refuse(self) -> bool:
        """Before sending: a text too long is said, its input takes the cursor, and True."""
        found = self.too_long()
        if found is None:
            return False
        self._show(found.text)
        found.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _sentence(self, held: _Held, error: DomainError) -> str:
        if held.shown_as is None:
            return render(error.code, error.params, self._lang, error.field)
        separator = "：" if self._lang == "zh" else ": "
        return f"{held.shown_as}{separator}{render(error.code, error.params, self._lang)}"

    def _say(self) -> None:
        found = self.too_long()
        if found is not None:
            self._show(found.text)
        elif self._shown:
            self._label.clear()
            self._label.setHidden(self._hide_again)
            self._shown = False

    def _show(self, text: str) -> None:
        if not self._shown:
            self._hide_again = self._label.isHidden()
        self._label.setText(text)
        self._label.show()
        self._shown = True
