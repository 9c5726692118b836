"""An officer picker that is ordered by pinyin and filters as you type (issue 21 §2).

Typing a name, its pinyin initials or spelling ("zs", "zhangsan") or a certificate number
narrows the list shown under the field; Enter or Tab takes the first officer left (or the
one chosen with the arrow keys). Blank text is "nobody".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from chuansha_enforce.domain.pinyin_initials import search_keys, spelled

Officer = tuple[str, str]
"""(name, certificate number)."""


def officer_label(name: str, certificate_no: str) -> str:
    """张三（31150001）; "Zhang San (31150001)" in English (the entry form's translation)."""
    text = QCoreApplication.translate("SimpleEntryWidget", "%1（%2）")
    return text.replace("%1", name).replace("%2", certificate_no)


def pinyin_order(officers: Sequence[Officer]) -> list[Officer]:
    """Officers by the pinyin spelling of their names, then certificate number."""
    return sorted(officers, key=lambda o: (spelled(o[0], person=True), o[0], o[1]))


def officer_matches(officer: Officer, typed: str) -> bool:
    """Whether ``typed`` finds ``officer``: part of the name or certificate number, or the
    start of a pinyin key (initials or spelling, ``domain.pinyin_initials.search_keys``)."""
    text = typed.strip()
    if not text:
        return True
    name, certificate_no = officer
    if text in name or text.upper() in certificate_no.upper() or text == officer_label(*officer):
        return True
    letters = text.lower()
    return letters.isascii() and any(key.startswith(letters) for key in search_keys(name).split())


class OfficerPicker(QComboBox):
    """``certificate()`` is the chosen officer's certificate number, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._officers: list[Officer] = []
        self._shown = QStringListModel(self)
        completer = QCompleter(self._shown, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._take)
        self.setCompleter(completer)
        completer.popup().installEventFilter(self)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("姓名、拼音首字母或证号"))
        line.textEdited.connect(self._filter)
        line.returnPressed.connect(self.settle)

    def set_officers(self, officers: Sequence[Officer]) -> None:
        """Offer ``officers`` (in pinyin order), keeping the one chosen when still offered."""
        chosen = self.certificate()
        self._officers = pinyin_order(officers)
        self.blockSignals(True)
        try:
            self.clear()
            for name, certificate_no in self._officers:
                self.addItem(officer_label(name, certificate_no), certificate_no)
            self.choose(chosen)
        finally:
            self.blockSignals(False)

    def certificate(self) -> str | None:
        index = self.currentIndex()
        if index < 0 or self.currentText() != self.itemText(index):
            return None
        return str(self.itemData(index))

    def choose(self, certificate_no: str | None) -> None:
        index = -1 if certificate_no is None else self.findData(certificate_no)
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")

    def matching(self, typed: str) -> list[str]:
        """The labels of the officers ``typed`` finds, in pinyin order."""
        return [officer_label(*o) for o in self._officers if officer_matches(o, typed)]

    def _filter(self, typed: str) -> None:
        self._shown.setStringList(self.matching(typed))
        completer = self.completer()
        if typed.strip() and self._shown.rowCount() and completer is not None:
            completer.complete()

    def _take(self, label: str) -> None:
        self.setCurrentIndex(self.findText(label))

    def settle(self) -> None:
        """The typed text becomes an officer: the exact one, else the first it finds; blank
        text (or text finding nobody) chooses nobody."""
        typed = self.currentText()
        index = self.findText(typed)
        if index < 0:
            found = self.matching(typed) if typed.strip() else []
            index = self.findText(found[0]) if found else -1
        self.setCurrentIndex(index)
        if index < 0:
            self.setEditText("")
        completer = self.completer()
        if completer is not None:
            completer.popup().hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab or Backtab while the list is open: take the highlighted officer (the first
        found when none is) before focus moves on."""
        completer = self.completer()
        if (
            completer is not None
            and watched is completer.popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            current = completer.popup().currentIndex()
            if current.isValid():
                self.setEditText(str(current.data()))
            self.settle()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        ):
            self.settle()
        return super().event(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.settle()
        super().focusOutEvent(event)
