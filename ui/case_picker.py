"""Typing a case number in a dialog (issue 21 §2, §3): cases are offered as you type (number,
short number such as 2026-2, party or pinyin initials, as the search box finds them), and a
short form matching several cases offers them as a pick list.

A case picked from the offered rows comes with the version read with its row
(``shown_version``), so an edit made from it is refused when the case changed since it was
offered; a number typed or chosen from the pick list (which shows numbers only) has none."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QWidget

from chuansha_enforce.domain.records import CaseListRow
from chuansha_enforce.services.container import Services
from ui.runner import session_read

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
        self._versions: dict[str, int] = {}

    def _offer(self, typed: str) -> None:
        def offered() -> tuple[CaseListRow, ...]:
            return tuple(self._services.search.search(typed, limit=OFFERED).rows)

        rows = (session_read(offered, quiet=True) or ()) if typed.strip() else ()
        self.blockSignals(True)
        try:
            self.clear()
            self._versions = {row.case_no: row.version for row in rows}
            for row in rows:
                self.addItem(f"{row.case_no}　{row.party_name}", row.case_no)
            self.setCurrentIndex(-1)
            self.setEditText(typed)
        finally:
            self.blockSignals(False)

    def case_no(self) -> str | None:
        """The case meant: the one picked from the list, the full or short number typed (a
        short form matching several asks which, as a pick list); None when that is
        cancelled, or when the session ended (its server book restored since). Text matching
        nothing comes back as typed (the service says why)."""
        typed = self.currentText().strip()
        index = self.findText(typed)
        if index >= 0:
            return str(self.itemData(index))
        candidates = session_read(lambda: self._services.search.candidates(typed))
        if candidates is None:  # the session ended (its server book was restored since)
            return None
        found, _more = candidates
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

    def shown_version(self) -> int | None:
        """The version of the case picked from the offered rows, as read with its row (None:
        a number typed or chosen from the pick list: nothing of the case was shown)."""
        index = self.findText(self.currentText().strip())
        return None if index < 0 else self._versions.get(str(self.itemData(index)))

    def offer_again(self, case_no: str) -> None:
        """Offer ``case_no`` again as it now stands (after a refusal), picked: its row and its
        version read afresh, so the next try is made from what the picker shows then."""
        self._offer(case_no)
        index = self.findData(case_no)
        if index >= 0:
            self.setCurrentIndex(index)

    def clear_text(self) -> None:
        self.clear()
        self._versions = {}
        self.setEditText("")
