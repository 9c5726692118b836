"""Typing a case number in a dialog (issue 21 §2, §3): cases are offered as you type (number,
short number such as 2026-2, party or pinyin initials, as the search box finds them), and a
short form matching several cases offers them as a pick list."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QWidget

from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError

OFFERED = 20


class CasePicker(QComboBox):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(260)
        line = self.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("案件编号，可只写末尾，如 2026-7；或当事人"))
        line.textEdited.connect(self._offer)
        self.chooser: QInputDialog | None = None

    def _offer(self, typed: str) -> None:
        try:
            rows = self._services.search.search(typed, limit=OFFERED).rows if typed.strip() else ()
        except DomainError:
            rows = ()
        self.blockSignals(True)
        try:
            self.clear()
            for row in rows:
                self.addItem(f"{row.case_no}　{row.party_name}", row.case_no)
            self.setCurrentIndex(-1)
            self.setEditText(typed)
        finally:
            self.blockSignals(False)

    def case_no(self) -> str | None:
        """The case meant: the one picked from the list, the full or short number typed (a
        short form matching several asks which, as a pick list); None when that is
        cancelled. Text matching nothing comes back as typed (the service says why)."""
        typed = self.currentText().strip()
        index = self.findText(typed)
        if index >= 0:
            return str(self.itemData(index))
        found, _more = self._services.search.candidates(typed)
        if len(found) <= 1:
            return found[0] if found else typed
        self.chooser = QInputDialog(self)
        self.chooser.setObjectName("caseChoice")
        self.chooser.setWindowTitle(self.tr("选择案件"))
        self.chooser.setLabelText(self.tr("“%1”对应多件案件，请选择：").replace("%1", typed))
        self.chooser.setComboBoxItems(found)
        self.chooser.setComboBoxEditable(False)
        if self.chooser.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = self.chooser.textValue()
        self.setEditText(chosen)
        return chosen

    def clear_text(self) -> None:
        self.clear()
        self.setEditText("")
