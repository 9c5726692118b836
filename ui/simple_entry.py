"""Fast keyboard entry of simple-procedure decisions (简易程序决定快速录入).

Clerks type a run of decisions from one patrol: Enter saves, Esc clears, and after a save the
form keeps the date, the officers and the party type and pre-fills the next decision number.
"""

from __future__ import annotations

import datetime as dt
import itertools

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.documents.numbering import next_decision_no
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import parse_yuan
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import is_late, receipt_missing
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.correction_form import simple_correction_form
from ui.error_dialogs import error_text
from ui.officer_picker import OfficerPicker
from ui.step_form import OneTabDateEdit, StepForm
from ui.text_caps import TextCaps

COMMON_CAUSES: tuple[str, ...] = (
    "占道设摊",
    "跨门营业",
    "乱张贴",
    "乱涂写、乱刻画",
    "个人混合投放生活垃圾",
    "单位混合投放生活垃圾",
    "宠物粪便未即时清除",
    "随意倾倒垃圾",
    "占道堆物",
    "沿街晾晒",
    "车辆带泥行驶",
    "未按规定设置户外招牌",
)
"""Completion suggestions for 案由; causes entered in this session are added to them."""

SIMPLE_KINDS: tuple[PenaltyKind, ...] = (PenaltyKind.FINE, PenaltyKind.WARNING)

_FIRST_DATE = QDate(2000, 1, 1)

PANEL_MIN_WIDTH = 640
PANEL_MAX_WIDTH = 860
ERROR_STYLE = "color: #b00020;"
STATUS_STYLE = "color: #1b5e20;"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class SimpleEntryWidget(QWidget):
    """The entry form; ``saved`` carries the ``SimpleResult`` of each decision written."""

    saved = Signal(object)

    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self._services = services
        self._lang: Lang = lang
        self.setObjectName("SimpleEntryWidget")
        self.setWindowTitle(self.tr("简易程序决定快速录入"))

        self.decision_no = self._line_edit("decisionNo", self.tr("如 沪浦川执简〔2024〕000001号"))
        self.decided_on = OneTabDateEdit(self)
        self.decided_on.setObjectName("decidedOn")
        self.decided_on.setCalendarPopup(True)
        self.decided_on.setDisplayFormat("yyyy-MM-dd")
        self.decided_on.setMinimumDate(_FIRST_DATE)
        today = _qdate(today_in_china(services.clock))
        self.decided_on.setMaximumDate(today)
        self.decided_on.setDate(today)

        self.party_kind = QComboBox(self)
        self.party_kind.setObjectName("partyKind")
        for kind in PartyType:
            self.party_kind.addItem(kind.label, kind.value)
        self.party_name = self._line_edit("partyName", self.tr("姓名或单位名称"))
        self._party_names = QStringListModel(self)
        self.party_name.setCompleter(self._completer(self._party_names))
        self.id_number = self._line_edit("idNumber", self.tr("身份证号或统一社会信用代码，可不填"))
        self.cause = self._line_edit("cause", self.tr("输入关键字可选择常见案由"))
        self._causes = QStringListModel(list(COMMON_CAUSES), self)
        self.cause.setCompleter(self._completer(self._causes))
        self.location = self._line_edit("location")
        self.legal_basis = self._line_edit(
            "legalBasis", self.tr("违反和处罚的依据（如 条例第二十二条）")
        )

        self.officer1 = self._officer_combo("officer1")
        self.officer2 = self._officer_combo("officer2")

        self.penalty_kind = QComboBox(self)
        self.penalty_kind.setObjectName("penaltyKind")
        for penalty in SIMPLE_KINDS:
            self.penalty_kind.addItem(penalty.label, penalty.value)
        self.fine = self._line_edit("fine", self.tr("如 50 或 200.00"))
        self.fine.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fine.setMaximumWidth(180)
        self.on_spot = QCheckBox(self.tr("是（100元以下，或事后难以执行）"), self)
        self.on_spot.setObjectName("onSpot")
        self.on_spot_reason = self._line_edit("onSpotReason", self.tr("罚款超过100元时必须填写"))
        self.notes = self._line_edit("notes")

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._caps = TextCaps(self.error_label, lang, self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setStyleSheet(STATUS_STYLE)
        self.deadline_label = QLabel(self)
        self.deadline_label.setObjectName("deadlineLabel")
        self.deadline_label.setWordWrap(True)

        self.save_button = QPushButton(self.tr("保存（Enter）"), self)
        self.save_button.setObjectName("saveButton")
        self.clear_button = QPushButton(self.tr("清空（Esc）"), self)
        self.clear_button.setObjectName("clearButton")
        for button in (self.save_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep Tab among the fields
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(services.may(Permission.RECORD_CASES))
        self.clear_button.clicked.connect(self.clear)
        self.correct_button = QPushButton(self.tr("更正…"), self)
        self.correct_button.setObjectName("correctSimple")
        self.correct_button.setToolTip(self.tr("更正已保存的简易程序决定（写明理由）"))
        self.correct_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.correct_button.setAutoDefault(False)
        self.correct_button.clicked.connect(self.open_correction)
        self.correct_button.setEnabled(services.may(Permission.CORRECT_RECORDS))
        self.last_saved = ""
        self.correction: StepForm | None = None

        self._field_widgets: dict[str, QWidget] = {
            "decision_no": self.decision_no,
            "decided_on": self.decided_on,
            "party_kind": self.party_kind,
            "party_name": self.party_name,
            "id_number": self.id_number,
            "cause": self.cause,
            "violation": self.cause,
            "location": self.location,
            "legal_basis": self.legal_basis,
            "officers": self.officer1,
            "kinds": self.penalty_kind,
            "fine": self.fine,
            "amount": self.fine,
            "collected_on_spot": self.on_spot,
            "on_spot_reason": self.on_spot_reason,
            "paid_on": self.on_spot,
            "notes": self.notes,
        }
        self._build_layout()
        self._set_tab_order()

        self.decided_on.dateChanged.connect(self._date_changed)
        self.penalty_kind.currentIndexChanged.connect(self._penalty_kind_changed)
        self.on_spot.toggled.connect(self._on_spot_toggled)
        self.refresh_officers()
        self._resume()
        self._penalty_kind_changed()
        self._on_spot_toggled(False)
        self.decision_no.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- construction ------------------------------------------------------------------
    def _line_edit(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(False)
        return edit

    def _completer(self, model: QStringListModel) -> QCompleter:
        completer = QCompleter(model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return completer

    def _officer_combo(self, name: str) -> OfficerPicker:
        combo = OfficerPicker(self)
        combo.setObjectName(name)
        combo.setMinimumWidth(200)
        return combo

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setObjectName("entryForm")
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)

        officers = QHBoxLayout()
        officers.setSpacing(12)
        officers.addWidget(self.officer1)
        officers.addWidget(self.officer2)
        officers.addStretch(1)
        date_row = QHBoxLayout()
        date_row.addWidget(self.decided_on)
        date_row.addStretch(1)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.party_kind)
        kind_row.addStretch(1)
        penalty_row = QHBoxLayout()
        penalty_row.addWidget(self.penalty_kind)
        penalty_row.addStretch(1)
        fine_row = QHBoxLayout()
        fine_row.addWidget(self.fine)
        fine_row.addStretch(1)

        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget]] = [
            (self.tr("决定书编号"), self.decision_no, self.decision_no),
            (self.tr("决定日期"), date_row, self.decided_on),
            (self.tr("当事人类型"), kind_row, self.party_kind),
            (self.tr("当事人"), self.party_name, self.party_name),
            (self.tr("证件号码"), self.id_number, self.id_number),
            (self.tr("案由"), self.cause, self.cause),
            (self.tr("违法地点"), self.location, self.location),
            (self.tr("执法人员"), officers, self.officer1),
            (self.tr("处罚种类"), penalty_row, self.penalty_kind),
            (self.tr("罚款金额（元）"), fine_row, self.fine),
            # after the fine: the keys of a patrol's usual decision stay as few as before
            (self.tr("法律依据"), self.legal_basis, self.legal_basis),
            (self.tr("当场收缴"), self.on_spot, self.on_spot),
            (self.tr("当场收缴理由"), self.on_spot_reason, self.on_spot_reason),
            (self.tr("备注"), self.notes, self.notes),
        ]
        texts: dict[QWidget, str] = {
            self.decision_no: "decision_no",
            self.party_name: "party_name",
            self.id_number: "id_number",
            self.cause: "cause",
            self.location: "location",
            self.legal_basis: "legal_basis",
            self.on_spot_reason: "on_spot_reason",
            self.notes: "notes",
        }
        for text, field, buddy in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            form.addRow(label, field)
            if isinstance(buddy, QLineEdit) and buddy in texts:
                self._caps.hold(buddy, texts[buddy], text)  # named as the form names it

        title = QLabel(self.tr("简易程序决定快速录入"), self)
        title.setObjectName("titleLabel")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        hint = QLabel(self.tr("Tab 下一项　Enter 保存　Esc 清空"), self)
        hint.setObjectName("hintLabel")
        hint.setStyleSheet("color: #666666;")

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        self.error_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.correct_button)

        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(hint)

        panel = QWidget(self)
        panel.setObjectName("entryPanel")
        panel.setMinimumWidth(PANEL_MIN_WIDTH)
        panel.setMaximumWidth(PANEL_MAX_WIDTH)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(header)
        column.addLayout(form)
        column.addWidget(line)
        column.addWidget(self.error_label)
        column.addLayout(buttons)
        column.addWidget(self.deadline_label)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.addWidget(panel, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        outer.addStretch(1)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.decision_no,
            self.decided_on,
            self.party_kind,
            self.party_name,
            self.id_number,
            self.cause,
            self.location,
            self.officer1,
            self.officer2,
            self.penalty_kind,
            self.fine,
            self.legal_basis,
            self.on_spot,
            self.on_spot_reason,
            self.notes,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- reactions ----------------------------------------------------------------------
    def refresh_officers(self) -> None:
        """Offer the officers whose certificates are valid on the chosen date."""
        day = self.decision_date()
        valid = [
            (c.officer_name, c.certificate_no)
            for c in self._services.officers.certificates()
            if c.valid_on(day)
        ]
        for combo in (self.officer1, self.officer2):
            combo.set_officers(valid)

    def _resume(self) -> None:
        """After a restart: the number after the decision entered last, and its officers."""
        recent = self._services.simple.recent_entry()
        self.decision_no.setText(recent.next_number or "")
        for combo, certificate_no in zip(
            (self.officer1, self.officer2), (*recent.officers, None, None), strict=False
        ):
            combo.choose(certificate_no)

    def _date_changed(self, _date: QDate) -> None:
        self.refresh_officers()

    def _penalty_kind_changed(self, _index: int = 0) -> None:
        is_fine = self.penalty_kind.currentData() == PenaltyKind.FINE.value
        if not is_fine:
            self.fine.clear()
            self.on_spot.setChecked(False)
        self.fine.setEnabled(is_fine)
        self.on_spot.setEnabled(is_fine)

    def _on_spot_toggled(self, checked: bool) -> None:
        self.on_spot_reason.setEnabled(checked)

    # -- keyboard -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter and Esc that no field (nor an open popup) used: save or clear."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            self.save()
            return
        if key == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.clear()
            return
        super().keyPressEvent(event)

    # -- our API ------------------------------------------------------------------------
    def decision_date(self) -> dt.date:
        return _pydate(self.decided_on.date())

    def save(self) -> bool:
        """Record the decision on the form; on a refusal show why and keep the input."""
        self.status_label.clear()
        if self._caps.refuse():
            return False
        try:
            result = self._services.simple.record(self._record())
        except DomainError as exc:
            self._show_error(exc)
            return False
        except StorageError as exc:  # e.g. the file is locked: say so, keep the input
            self.error_label.setText(error_text(exc, self._lang))
            return False
        self.error_label.clear()
        number = result.decision.decision_no
        self._remember(self._party_names, result.decision.party.name)
        self._remember(self._causes, result.decision.cause)
        self._clear_decision(next_decision_no(number) or "")
        self.status_label.setText(self.tr("已保存 %1").replace("%1", number))
        self.last_saved = number
        self.show_deadlines(result.decision)
        self.saved.emit(result)
        return True

    def show_deadlines(self, decision: SimpleDecisionRecord) -> None:
        """The clocks the saved decision starts (payment, cash hand-over, 备案), late ones red."""
        clocks = self._services.simple.clocks(decision)
        parts = []
        for clock in clocks.clocks:
            text = f"{render(f'clock.{clock.name}', lang=self._lang)} {clock.due.isoformat()}"
            if clock.state in (ClockState.OVERDUE, ClockState.MISSED):
                text += render(f"clock_state.{clock.state.value}", lang=self._lang)
            parts.append(text)
        if receipt_missing(decision):
            parts.append(render("simple.receipt_missing", lang=self._lang))
        self.deadline_label.setText(f"{decision.decision_no}：" + "；".join(parts))
        self.deadline_label.setStyleSheet(ERROR_STYLE if is_late(clocks) else "")

    def open_correction(self) -> StepForm:
        """更正… of a saved decision (the last one saved here is filled in)."""
        form = simple_correction_form(
            self._services, self.last_saved, lang=self._lang, parent=self, reload=self.reload_saved
        )
        form.accepted.connect(self._corrected)
        self.correction = form
        form.open()
        return form

    def _corrected(self) -> None:
        if self.correction is not None and self.correction.result_value is not None:
            self.status_label.setText(self.tr("已更正"))
            self.reload_saved()

    def reload_saved(self) -> None:
        """Show the last saved decision's clocks as it is stored now (after a correction, or
        after someone else's edit refused the form's)."""
        try:
            decision = self._services.simple.view(self.last_saved).decision
        except DomainError:  # renumbered or gone: nothing of it to show
            self.deadline_label.clear()
            return
        self.show_deadlines(decision)

    def clear(self) -> None:
        """Clear the decision being typed; the patrol's date, officers and party type stay."""
        self.error_label.clear()
        self.status_label.clear()
        self._clear_decision("")

    # -- helpers ------------------------------------------------------------------------
    def _record(self) -> SimpleDecisionRecord:
        # Qt keeps item data as plain text: the enums travel by their codes
        kind = PenaltyKind(self.penalty_kind.currentData())
        fine_fen = parse_yuan(self.fine.text(), "fine") if kind is PenaltyKind.FINE else 0
        party_kind = PartyType(self.party_kind.currentData())
        officers = tuple(
            number
            for number in (self.officer1.certificate(), self.officer2.certificate())
            if number is not None
        )
        on_spot = self.on_spot.isEnabled() and self.on_spot.isChecked()
        return SimpleDecisionRecord(
            decision_no=self.decision_no.text(),
            party=PartyRecord(party_kind, self.party_name.text(), self.id_number.text() or None),
            cause=self.cause.text(),
            officer_certificates=officers,
            decided_on=self.decision_date(),
            penalty_kind=kind,
            location=self.location.text() or None,
            legal_basis=self.legal_basis.text() or None,
            fine_fen=fine_fen,
            collected_on_spot=on_spot,
            on_spot_reason=self.on_spot_reason.text() if on_spot else None,
            notes=self.notes.text() or None,
        )

    def _show_error(self, exc: DomainError) -> None:
        self.error_label.setText(error_text(exc, self._lang))
        target = self._field_widgets.get(exc.field or "", self.decision_no)
        if target is self.officer1 and self.officer1.certificate() is not None:
            target = self.officer2  # the first is chosen: the second is what is missing
        if target is self.on_spot and self.on_spot_reason.isEnabled():
            target = self.on_spot_reason  # e.g. over 100 元 on the spot: the reason is missing
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def _clear_decision(self, next_number: str) -> None:
        self.decision_no.setText(next_number)
        for edit in (
            self.party_name,
            self.id_number,
            self.cause,
            self.location,
            self.legal_basis,
            self.fine,
            self.on_spot_reason,
            self.notes,
        ):
            edit.clear()
        self.penalty_kind.setCurrentIndex(0)
        self.on_spot.setChecked(False)
        # a form left open over midnight: today is the new latest date
        self.decided_on.setMaximumDate(_qdate(today_in_china(self._services.clock)))
        self.decision_no.setFocus(Qt.FocusReason.OtherFocusReason)
        self.decision_no.end(False)

    @staticmethod
    def _remember(model: QStringListModel, text: str) -> None:
        words = model.stringList()
        if text and text not in words:
            model.setStringList([text, *words])
