"""One case: its timeline, its clocks (flagged yellow and red), its money, and its next steps."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts import Permission
from chuansha_enforce.domain.available_steps import available_steps
from chuansha_enforce.domain.case_deadlines import ClockState
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.identity import id_number_for_list
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.services.case_file_service import CaseView
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.case_steps import Step, steps
from ui.dispute_table import dispute_table, fill_dispute_table, reply_flags
from ui.document_menu import DocumentMenu
from ui.error_dialogs import show_error
from ui.runner import OperationRunner
from ui.screen_fit import fit_to_screen
from ui.step_form import StepForm

CONTEXT = "CaseDetail"
CLOCK_NAMES = {
    "filing_due": QT_TRANSLATE_NOOP("CaseDetail", "立案期限"),
    "decision_due": QT_TRANSLATE_NOOP("CaseDetail", "作出决定期限"),
    "statement_due": QT_TRANSLATE_NOOP("CaseDetail", "陈述申辩期限"),
    "hearing_request_due": QT_TRANSLATE_NOOP("CaseDetail", "申请听证期限"),
    "service_due": QT_TRANSLATE_NOOP("CaseDetail", "送达期限"),
    "disclosure_due": QT_TRANSLATE_NOOP("CaseDetail", "公示期限"),
    "payment_due": QT_TRANSLATE_NOOP("CaseDetail", "缴款期限"),
}
STATE_NAMES = EnumMap(
    ClockState,
    {
        ClockState.PENDING: QT_TRANSLATE_NOOP("CaseDetail", "未到期"),
        ClockState.DUE_SOON: QT_TRANSLATE_NOOP("CaseDetail", "即将到期"),
        ClockState.OVERDUE: QT_TRANSLATE_NOOP("CaseDetail", "已逾期"),
        ClockState.MET: QT_TRANSLATE_NOOP("CaseDetail", "按期完成"),
        ClockState.MISSED: QT_TRANSLATE_NOOP("CaseDetail", "逾期完成"),
    },
)
FLAG_COLOURS = EnumMap(
    ClockState,
    {
        ClockState.DUE_SOON: QColor("#fff3b0"),
        ClockState.OVERDUE: QColor("#f8c4c4"),
        ClockState.MISSED: QColor("#f8c4c4"),
    },
)


def flag_colour(state: ClockState | None) -> QColor | None:
    return None if state is None else FLAG_COLOURS.get(state)


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def timeline(view: CaseView) -> list[tuple[str, str, str]]:
    """(date, step, detail) rows in date order."""
    case = view.case
    rows: list[tuple[str, str, str]] = []
    if case.clue_on:
        rows.append(
            (case.clue_on.isoformat(), QCoreApplication.translate("CaseDetail", "发现线索"), "")
        )
    officers = "、".join(f"{o.officer_name}（{o.certificate_no}）" for o in case.officers)
    rows.append(
        (case.filed_on.isoformat(), QCoreApplication.translate("CaseDetail", "立案"), officers)
    )
    if case.notice:
        rows.append(
            (
                case.notice.served_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "告知"),
                "",
            )
        )
        if case.notice.statement_on:
            rows.append(
                (
                    case.notice.statement_on.isoformat(),
                    QCoreApplication.translate("CaseDetail", "陈述申辩"),
                    "",
                )
            )
    if case.hearing and case.hearing.held_on:
        rows.append(
            (
                case.hearing.held_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "听证"),
                case.hearing.presiding or "",
            )
        )
    for review in case.reviews:
        rows.append(
            (
                review.reviewed_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "法制审核"),
                f"{review.reviewer}：{review.opinion.label}",
            )
        )
    for discussion in case.discussions:
        rows.append(
            (
                discussion.held_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "集体讨论"),
                discussion.minutes,
            )
        )
    for extension in case.extensions:
        rows.append(
            (
                extension.approved_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "延长办案期限"),
                f"{extension.days}天，{extension.approved_by}",
            )
        )
    if case.decision:
        d = case.decision
        detail = d.outcome.label
        if d.kinds:
            detail += "：" + "、".join(k.label for k in sorted(d.kinds, key=lambda k: k.severity))
        if d.fine_fen:
            detail += f"，罚款 {format_fen(d.fine_fen)} 元"
        if d.no_penalty_reason:
            detail += f"：{d.no_penalty_reason.label}"
        if d.demolition_deadline:  # an order, never a penalty kind (DOMAIN §13)
            order = QCoreApplication.translate("CaseDetail", "责令限期拆除，期限至")
            detail += f"；{order} {d.demolition_deadline.isoformat()}"
        rows.append(
            (d.decided_on.isoformat(), QCoreApplication.translate("CaseDetail", "作出决定"), detail)
        )
    if case.education:
        rows.append(
            (
                case.education.given_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "教育"),
                case.education.how,
            )
        )
    if case.served_on:
        method = case.service_method.label if case.service_method else ""
        rows.append(
            (case.served_on.isoformat(), QCoreApplication.translate("CaseDetail", "送达"), method)
        )
    for payment in case.payments:
        rows.append(
            (
                payment.paid_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "缴款"),
                f"{format_fen(payment.amount_fen + payment.surcharge_fen)} 元",
            )
        )
    if case.closed_on:
        rows.append(
            (
                case.closed_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "结案"),
                case.close_reason or "",
            )
        )
    return sorted(rows, key=lambda r: r[0])


class CaseDetailDialog(QDialog):
    changed = Signal(object)  # what a step or the deletion returned (its ``Changes``)

    def __init__(
        self, services: Services, case_no: str, lang: Lang = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self._services = services
        self._case_no = case_no
        self._lang = lang
        self.header = QLabel(self)
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        self.id_label = QLabel(self)
        self.id_label.setObjectName("idNumber")
        self.reveal_button = QPushButton(
            QCoreApplication.translate("CaseDetail", "显示完整号码"), self
        )
        self.reveal_button.setObjectName("revealId")
        self.reveal_button.setToolTip(
            QCoreApplication.translate("CaseDetail", "查看完整证件号码会记入审计日志")
        )
        self.reveal_button.clicked.connect(self.reveal_id_number)
        self.major_label = QLabel(self)
        self.major_label.setObjectName("majorLabel")
        self.major_label.setWordWrap(True)
        self.money_label = QLabel(self)
        self.money_label.setObjectName("moneyLabel")
        self.timeline_table = QTableWidget(0, 3, self)
        self.timeline_table.setObjectName("timeline")
        self.timeline_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("CaseDetail", "日期"),
                QCoreApplication.translate("CaseDetail", "步骤"),
                QCoreApplication.translate("CaseDetail", "内容"),
            ]
        )
        self.timeline_table.horizontalHeader().setStretchLastSection(True)
        self.clock_table = QTableWidget(0, 3, self)
        self.clock_table.setObjectName("clocks")
        self.clock_table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("CaseDetail", "期限"),
                QCoreApplication.translate("CaseDetail", "到期日"),
                QCoreApplication.translate("CaseDetail", "状态"),
            ]
        )
        self.clock_table.horizontalHeader().setStretchLastSection(True)
        self.step_buttons: dict[str, QPushButton] = {}
        buttons = QGridLayout()
        for index, step in enumerate(steps()):
            button = QPushButton(step.title, self)
            button.setObjectName(f"step_{step.key}")
            button.clicked.connect(lambda _=False, s=step: self.open_step(s))
            self.step_buttons[step.key] = button
            buttons.addWidget(button, index // 5, index % 5)
        self.delete_button = QPushButton(
            QCoreApplication.translate("CaseDetail", "删除案件…"), self
        )
        self.delete_button.setObjectName("deleteCase")
        self.delete_button.setToolTip(
            QCoreApplication.translate("CaseDetail", "移入回收站（写明理由，可恢复）")
        )
        self.delete_button.clicked.connect(self.ask_delete)
        self.documents_button = QPushButton(QCoreApplication.translate("CaseDetail", "文书…"), self)
        self.documents_button.setObjectName("documents")
        self.documents_menu = DocumentMenu(
            OperationRunner(services, lang, self), case_no, parent=self
        )
        self.documents_button.setMenu(self.documents_menu)
        self.reason_dialog: QInputDialog | None = None
        tables = QHBoxLayout()
        tables.addWidget(self.timeline_table, 3)
        tables.addWidget(self.clock_table, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        id_row = QHBoxLayout()
        id_row.addWidget(self.id_label)
        id_row.addWidget(self.reveal_button)
        id_row.addStretch(1)
        layout.addLayout(id_row)
        layout.addWidget(self.major_label)
        layout.addLayout(tables, 1)
        self.disputes = dispute_table(self)  # read-only: the 复议诉讼 tab records them
        self.disputes.setObjectName("caseDisputes")
        self.disputes.setMaximumHeight(110)
        layout.addWidget(self.disputes)
        layout.addWidget(self.money_label)
        layout.addLayout(buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.documents_button)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        fit_to_screen(self, 980, 620)
        self.open_form: StepForm | None = None
        self.reload()

    @property
    def case_no(self) -> str:
        return self._case_no

    def reload(self) -> None:
        view = self._services.case_files.view(self._case_no)
        self.view = view
        case = view.case
        self.setWindowTitle(f"{case.case_no} · {case.party.name}")
        self.header.setText(
            f"<b>{case.case_no}</b>　{case.status.label}　{case.party.kind.label}："
            f"{case.party.name}<br>{case.cause}"
        )
        shown = id_number_for_list(case.party.kind, case.party.id_number)
        self.id_label.setText(
            QCoreApplication.translate("CaseDetail", "证件号码：%1").replace("%1", shown or "—")
        )
        # Only a masked number has more to show (an organisation's credit code is public).
        self.reveal_button.setVisible(shown is not None and shown != case.party.id_number)
        if view.major.major:
            self.major_label.setText(
                QCoreApplication.translate("CaseDetail", "重大案件：")
                + "；".join(view.major.labels)
            )
            self.major_label.setStyleSheet("color: #8a4b00;")
        else:
            self.major_label.setText("")
        self.money_label.setText(
            QCoreApplication.translate(
                "CaseDetail", "应缴 %1 元（罚没款 %2 元，已缴 %3 元，加处罚款 %4 元），截至 %5"
            )
            .replace("%1", format_fen(view.clocks.amount_due_fen))
            .replace("%2", format_fen(case.money_decided_fen))
            .replace("%3", format_fen(case.paid_fen))
            .replace("%4", format_fen(view.clocks.surcharge_fen))
            .replace("%5", view.as_of.isoformat())
        )
        rows = timeline(view)
        self.timeline_table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.timeline_table.setItem(r, c, QTableWidgetItem(value))
        self.timeline_table.resizeColumnsToContents()
        clocks = view.clocks.clocks
        self.clock_table.setRowCount(len(clocks))
        for r, clock in enumerate(clocks):
            items = [
                QTableWidgetItem(_tr(CLOCK_NAMES.get(clock.name, clock.name))),
                QTableWidgetItem(clock.due.isoformat()),
                QTableWidgetItem(_tr(STATE_NAMES[clock.state])),
            ]
            colour = FLAG_COLOURS.get(clock.state)
            for c, item in enumerate(items):
                if colour is not None:
                    item.setBackground(colour)
                self.clock_table.setItem(r, c, item)
        self.clock_table.resizeColumnsToContents()
        disputes = self._services.disputes.listing(case_no=self._case_no)
        flags = reply_flags(self._services)
        fill_dispute_table(self.disputes, disputes, lambda v: flag_colour(flags(v)))
        self.disputes.setVisible(bool(disputes))
        records = self._services.may(Permission.RECORD_CASES)
        for key, why_not in available_steps(case).items():
            button = self.step_buttons[key]
            button.setEnabled(records and why_not is None)
            button.setToolTip(
                "" if why_not is None else render(why_not.code, why_not.params, self._lang)
            )
        self.delete_button.setEnabled(records)

    def reveal_id_number(self) -> bool:
        """Show the full number; the core logs the viewing first (DOMAIN §8)."""
        try:
            full = self._services.case_files.reveal_id_number(self._case_no)
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return False
        self.id_label.setText(
            QCoreApplication.translate("CaseDetail", "证件号码：%1").replace("%1", full or "—")
        )
        self.reveal_button.setVisible(False)
        return True

    def ask_delete(self) -> QInputDialog:
        """Ask for the reason (non-blocking); a reason given deletes the case."""
        dialog = QInputDialog(self)
        dialog.setObjectName("deleteReason")
        dialog.setWindowTitle(QCoreApplication.translate("CaseDetail", "删除案件"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "CaseDetail", "将案件 %1 移入回收站。删除理由（必填）："
            ).replace("%1", self._case_no)
        )
        dialog.textValueSelected.connect(self.delete_case)
        self.reason_dialog = dialog
        dialog.open()
        return dialog

    def delete_case(self, reason: str) -> bool:
        """Move the case to the trash; the window closes and the list refreshes."""
        try:
            changes = self._services.trash.delete(self._case_no, reason)
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return False
        self.close()  # before the list refreshes: a deleted case has no window to reload
        self.changed.emit(changes)
        return True

    def open_step(self, step: Step) -> StepForm:
        """Open the step's form (non-blocking); a success reloads and signals the change."""
        form = StepForm(
            step.title,
            step.fields(self.view.case),
            lambda values: step.apply(self._services, self._case_no, values),
            today=today_in_china(self._services.clock),
            lang=self._lang,
            parent=self,
        )
        form.accepted.connect(self._step_done)
        self.open_form = form
        form.open()
        return form

    def _step_done(self) -> None:
        self.reload()
        if self.open_form is not None:
            self.changed.emit(self.open_form.result_value)
