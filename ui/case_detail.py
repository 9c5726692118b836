"""One case: its timeline, its clocks (flagged yellow and red), its money, and its next steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.accounts.identity import id_number_for_list
from chuansha_enforce.domain.cases.available_steps import available_steps
from chuansha_enforce.domain.cases.case_deadlines import ClockState, case_instalments
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.clock import china_time, today_in_china
from chuansha_enforce.domain.corrections.corrections import CASE_FIELDS, CorrectionEntry
from chuansha_enforce.domain.demolition.forced_demolition import has_order
from chuansha_enforce.domain.enums import EnumMap, PenaltyKind
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.presenters.step_notes import repeat_notes, warning_notes
from chuansha_enforce.services.case_file_service import CaseView, StepResult
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.case_steps import Step, steps
from ui.case_table_model import FLAG_COLOURS
from ui.correction_form import correction_form
from ui.dispute_table import dispute_table, fill_dispute_table, reply_flags
from ui.document_menu import DocumentMenu
from ui.error_dialogs import show_error
from ui.forced_demolition_steps import FORCED_KEYS, forced_rows
from ui.runner import OperationRunner, raise_failure
from ui.screen_fit import fit_to_screen
from ui.step_form import Field, FormValues, StepForm

CONTEXT = "CaseDetail"
CLOCK_NAMES = {
    "filing_due": QT_TRANSLATE_NOOP("CaseDetail", "立案期限"),
    "decision_due": QT_TRANSLATE_NOOP("CaseDetail", "作出决定期限"),
    "statement_due": QT_TRANSLATE_NOOP("CaseDetail", "陈述申辩期限"),
    "hearing_request_due": QT_TRANSLATE_NOOP("CaseDetail", "申请听证期限"),
    "service_due": QT_TRANSLATE_NOOP("CaseDetail", "送达期限"),
    "disclosure_due": QT_TRANSLATE_NOOP("CaseDetail", "公示期限"),
    "payment_due": QT_TRANSLATE_NOOP("CaseDetail", "缴款期限"),
    "reminder_due": QT_TRANSLATE_NOOP("CaseDetail", "催告"),
    "court_application_from": QT_TRANSLATE_NOOP("CaseDetail", "可申请法院强制执行之日"),
    "court_application_by": QT_TRANSLATE_NOOP("CaseDetail", "申请法院强制执行期限"),
    "publication_withdrawal_due": QT_TRANSLATE_NOOP("CaseDetail", "撤回公示期限"),
    "demolition_deadline": QT_TRANSLATE_NOOP("CaseDetail", "拆除期限"),
    "demolition_remedies_until": QT_TRANSLATE_NOOP("CaseDetail", "复议、诉讼期限届满"),
    "demolition_reminder_from": QT_TRANSLATE_NOOP("CaseDetail", "可催告拆除之日"),
    "demolition_reminder_until": QT_TRANSLATE_NOOP("CaseDetail", "催告期限"),
    "forced_decision_from": QT_TRANSLATE_NOOP("CaseDetail", "可作出强制拆除决定之日"),
    "demolition_announcement_until": QT_TRANSLATE_NOOP("CaseDetail", "公告期限"),
    "carry_out_from": QT_TRANSLATE_NOOP("CaseDetail", "可实施强制拆除之日"),
}
STATE_NAMES = EnumMap(
    ClockState,
    {
        ClockState.PENDING: QT_TRANSLATE_NOOP("CaseDetail", "未到期"),
        ClockState.DUE_SOON: QT_TRANSLATE_NOOP("CaseDetail", "即将到期"),
        ClockState.OVERDUE: QT_TRANSLATE_NOOP("CaseDetail", "已逾期"),
        ClockState.MET: QT_TRANSLATE_NOOP("CaseDetail", "按期完成"),
        ClockState.MISSED: QT_TRANSLATE_NOOP("CaseDetail", "逾期完成"),
        ClockState.UNRECORDED: QT_TRANSLATE_NOOP("CaseDetail", "未记录（启用前）"),
    },
)


def flag_colour(state: ClockState | None) -> QColor | None:
    return None if state is None else FLAG_COLOURS.get(state)


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def service_rows(case: CaseFile) -> list[tuple[str, str, str]]:
    """Each failed attempt, then the service with what proves it (DOMAIN §14)."""
    rows = [
        (
            a.attempted_on.isoformat(),
            QCoreApplication.translate("CaseDetail", "送达未成功"),
            "，".join(p for p in (a.method.label, a.result.label, a.note or "") if p),
        )
        for a in case.service_attempts
    ]
    if case.served_on:
        parts = [case.service_method.label if case.service_method else ""]
        proof = case.service_proof
        if proof and proof.witness:
            parts.append(
                QCoreApplication.translate("CaseDetail", "见证人 %1").replace("%1", proof.witness)
            )
        if proof and proof.recorded:
            parts.append(QCoreApplication.translate("CaseDetail", "拍照录像记录"))
        if proof and proof.consent_on:
            consent = QCoreApplication.translate("CaseDetail", "同意电子送达 %1")
            parts.append(consent.replace("%1", proof.consent_on.isoformat()))
        rows.append(
            (
                case.served_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "送达"),
                "，".join(p for p in parts if p),
            )
        )
    return rows


def _kinds_text(kinds: frozenset[PenaltyKind], fine_fen: int, confiscation_fen: int) -> str:
    text = "、".join(k.label for k in sorted(kinds, key=lambda k: k.severity))
    if fine_fen:
        text += QCoreApplication.translate("CaseDetail", "，罚款 %1 元").replace(
            "%1", format_fen(fine_fen)
        )
    if confiscation_fen:
        text += QCoreApplication.translate("CaseDetail", "，没收 %1 元").replace(
            "%1", format_fen(confiscation_fen)
        )
    return text


def _notice_rows(case: CaseFile) -> list[tuple[str, str, str]]:
    notice = case.notice
    if notice is None:
        return []
    detail = QCoreApplication.translate("CaseDetail", "拟：%1").replace(
        "%1",
        _kinds_text(notice.proposed_kinds, notice.proposed_fine_fen,
                    notice.proposed_confiscation_fen) or "—",
    )  # fmt: skip
    if notice.hearing_offered:
        detail += QCoreApplication.translate("CaseDetail", "；已告知听证权利")
    rows = [
        (notice.served_on.isoformat(), QCoreApplication.translate("CaseDetail", "告知"), detail)
    ]
    if notice.statement_kind is not None or notice.statement_on is not None:
        kind = notice.statement_kind.label if notice.statement_kind else ""
        day = notice.statement_on or notice.served_on
        rows.append((day.isoformat(), QCoreApplication.translate("CaseDetail", "陈述申辩"), kind))
    return rows


def _hearing_rows(case: CaseFile) -> list[tuple[str, str, str]]:
    hearing = case.hearing
    if hearing is None:
        return []
    rows = []
    if hearing.requested_on:
        rows.append(
            (
                hearing.requested_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "申请听证"),
                "",
            )
        )
    if hearing.waived_on:
        rows.append(
            (
                hearing.waived_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "书面放弃听证"),
                "",
            )
        )
    if hearing.held_on:
        detail = QCoreApplication.translate("CaseDetail", "主持人：%1").replace(
            "%1", hearing.presiding or "—"
        )
        if hearing.notice_on:
            detail += QCoreApplication.translate("CaseDetail", "；通知送达 %1").replace(
                "%1", hearing.notice_on.isoformat()
            )
        rows.append(
            (hearing.held_on.isoformat(), QCoreApplication.translate("CaseDetail", "听证"), detail)
        )
    return rows


def _gate_rows(case: CaseFile) -> list[tuple[str, str, str]]:
    """The steps before the decision with what was recorded of them (DOMAIN §12)."""
    rows = _notice_rows(case) + _hearing_rows(case)
    for review in case.reviews:
        detail = f"{review.reviewer}：{review.opinion.label}"
        if review.proposal is not None:
            p = review.proposal
            detail += QCoreApplication.translate("CaseDetail", "（审核的拟处理意见：%1）").replace(
                "%1", _kinds_text(p.kinds, p.fine_fen, p.confiscation_fen)
            )
        superseded = case.superseded_round
        if superseded is not None and review.round_no <= superseded:
            detail += QCoreApplication.translate("CaseDetail", "（已因更正失效）")
        rows.append(
            (
                review.reviewed_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "法制审核"),
                detail,
            )
        )
    for discussion in case.discussions:
        detail = (
            QCoreApplication.translate("CaseDetail", "参加：%1；结论：%2")
            .replace("%1", "、".join(discussion.participants) or "—")
            .replace("%2", discussion.minutes)
        )
        rows.append(
            (
                discussion.held_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "集体讨论"),
                detail,
            )
        )
    for extension in case.extensions:
        detail = QCoreApplication.translate("CaseDetail", "%1天，批准人：%2，理由：%3").replace(
            "%1", str(extension.days)
        )
        detail = detail.replace("%2", extension.approved_by).replace("%3", extension.reason)
        rows.append(
            (
                extension.approved_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "延长办案期限"),
                detail,
            )
        )
    for pause in case.decision_pauses:
        detail = QCoreApplication.translate(
            "CaseDetail", "%1：%2至%3，共%4天不计入办案期限"
        ).replace("%1", pause.kind.label)
        detail = detail.replace("%2", pause.start.isoformat()).replace("%3", pause.end.isoformat())
        detail = detail.replace("%4", str(pause.days))
        if pause.reason:
            detail += f"（{pause.reason}）"
        rows.append(
            (
                pause.start.isoformat(),
                QCoreApplication.translate("CaseDetail", "不计入办案期限的期间"),
                detail,
            )
        )
    for change in case.officer_changes:
        detail = "、".join(change.before) + " → " + "、".join(change.after) + f"（{change.reason}）"
        rows.append(
            (
                change.changed_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "变更承办人"),
                detail,
            )
        )
    return rows


def case_facts(case: CaseFile) -> str:
    """The facts entered at filing, as the case window shows them (违法行为, 法律依据, place,
    address); a line only for what was entered."""
    lines = []
    for label, value in (
        (QCoreApplication.translate("CaseDetail", "违法行为"), case.violation),
        (QCoreApplication.translate("CaseDetail", "法律依据"), case.legal_basis),
        (QCoreApplication.translate("CaseDetail", "违法地点"), case.location),
        (QCoreApplication.translate("CaseDetail", "当事人地址"), case.party.address),
    ):
        if value:
            lines.append(f"{label}：{value}")
    return "\n".join(lines)


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
    rows.extend(_gate_rows(case))
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
    rows += service_rows(case)
    rows += [
        (
            e.obtained_on.isoformat(),
            QCoreApplication.translate("CaseDetail", "证据"),
            f"{e.kind.label}：{e.description}",
        )
        for e in case.evidence
    ]
    for payment in case.payments:
        rows.append(
            (
                payment.paid_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "缴款"),
                f"{format_fen(payment.amount_fen + payment.surcharge_fen)} 元",
            )
        )
    rows.extend(enforcement_rows(view))
    rows.extend(forced_rows(view.case))
    if case.closed_on:
        rows.append(
            (
                case.closed_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "结案"),
                case.close_reason or "",
            )
        )
    rows.extend(correction_rows(case.corrections))
    publication = case.publication
    if publication.published_on:
        rows.append(
            (
                publication.published_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "公示"),
                "",
            )
        )
    for set_aside in publication.set_asides:
        rows.append(
            (
                set_aside.on.isoformat(),
                QCoreApplication.translate("CaseDetail", "决定被撤销、变更或确认违法"),
                f"{set_aside.reference} {set_aside.reason}",
            )
        )
    if publication.withdrawn_on:
        rows.append(
            (
                publication.withdrawn_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "撤回公示"),
                publication.withdrawal_reason or "",
            )
        )
    return sorted(rows, key=lambda r: r[0])


def enforcement_rows(view: CaseView) -> list[tuple[str, str, str]]:
    """The steps after the decision (DOMAIN §14): the approved plan and each instalment (due,
    paid, surcharge as of the view's date), the 催告, the application and the ruling."""
    case = view.case
    rows: list[tuple[str, str, str]] = []
    plan = case.instalment_plan
    if plan is not None:
        approved = QCoreApplication.translate("CaseDetail", "批准延期（分期）缴纳")
        rows.append((plan.approved_on.isoformat(), approved, f"{len(plan.instalments)}期"))
    for number, item in enumerate(case_instalments(case, view.as_of), start=1):
        paid = (
            QCoreApplication.translate("CaseDetail", "%1缴清").replace(
                "%1", item.paid_on.isoformat()
            )
            if item.paid_on
            else QCoreApplication.translate("CaseDetail", "未缴清")
        )
        detail = (
            QCoreApplication.translate("CaseDetail", "%1 元，%2，加处罚款 %3 元")
            .replace("%1", format_fen(item.amount_fen))
            .replace("%2", paid)
            .replace("%3", format_fen(item.surcharge_fen))
        )
        title = QCoreApplication.translate("CaseDetail", "第%1期缴款期限").replace(
            "%1", str(number)
        )
        rows.append((item.due_on.isoformat(), title, detail))
    if case.reminder is not None:
        until = QCoreApplication.translate("CaseDetail", "履行期限 %1").replace(
            "%1", case.reminder.until.isoformat()
        )
        rows.append(
            (
                case.reminder.served_on.isoformat(),
                QCoreApplication.translate("CaseDetail", "催告"),
                until,
            )
        )
    if case.court is not None:
        applied = QCoreApplication.translate("CaseDetail", "申请法院强制执行")
        rows.append((case.court.applied_on.isoformat(), applied, ""))
        if case.court.ruling_on is not None:
            ruled = QCoreApplication.translate("CaseDetail", "法院裁定")
            rows.append((case.court.ruling_on.isoformat(), ruled, case.court.ruling or ""))
    return rows


def correction_rows(entries: Sequence[CorrectionEntry]) -> list[tuple[str, str, str]]:
    """Each correction as a timeline row: when (Beijing time), what, before → after, why."""
    rows = []
    for entry in entries:
        empty = QCoreApplication.translate("CaseDetail", "（空）")
        detail = (
            QCoreApplication.translate("CaseDetail", "%1：%2 → %3（理由：%4；%5）")
            .replace("%1", entry.label)
            .replace("%2", entry.before or empty)
            .replace("%3", entry.after or empty)
            .replace("%4", entry.reason)
            .replace("%5", entry.user)
        )
        if entry.superseded_round is not None:
            detail += QCoreApplication.translate(
                "CaseDetail", "；第%1轮法制审核失效，须重新审核"
            ).replace("%1", str(entry.superseded_round))
        if entry.affects_publication:
            detail += QCoreApplication.translate("CaseDetail", "；须撤回并重新公示")
        rows.append(
            (china_time(entry.at), QCoreApplication.translate("CaseDetail", "更正"), detail)
        )
    return rows


P = ParamSpec("P")
T = TypeVar("T")


STEP_KEYS = {
    "evidence": "E",
    "notice": "G",
    "statement": "C",
    "hearing": "T",
    "review": "R",
    "discussion": "L",
    "complex": "X",
    "extension": "Y",
    "decision_pause": "Q",
    "officers": "B",
    "decide": "D",
    "serve_attempt": "W",
    "serve": "S",
    "pay": "P",
    "instalments": "I",
    "remind": "M",
    "court_apply": "A",
    "court_ruling": "U",
    "pause": "Z",
    "close": "J",
    "publish": "F",
    "withdraw_publication": "H",
}
"""Alt+letter opens a step (a shortcut, the same on every platform)."""
SIDE_STEPS = frozenset({"evidence", "serve_attempt", "decision_pause"})
"""Steps recorded when they happen, beside the procedure: never where the focus starts."""


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
        self.facts_label = QLabel(self)
        self.facts_label.setObjectName("caseFacts")
        self.facts_label.setWordWrap(True)
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
        # Viewing the full number is logged: never the focus nor the default (issue 21 §2b).
        self.reveal_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.reveal_button.setAutoDefault(False)
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
        self.timeline_table.setTabKeyNavigation(False)  # Tab goes on to the step buttons
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
        self.clock_table.setTabKeyNavigation(False)
        self.step_buttons: dict[str, QPushButton] = {}
        buttons = QGridLayout()
        for index, step in enumerate(steps()):
            button = QPushButton(step.title, self)
            letter = STEP_KEYS.get(step.key)
            if letter:  # a shortcut, not a mnemonic: the same on every platform, at once
                shortcut = QShortcut(QKeySequence(f"Alt+{letter}"), self)
                shortcut.activated.connect(
                    lambda b=button: b.click() if b.isEnabled() and b.isVisible() else None
                )
                button.setProperty("shortcutText", f"Alt+{letter}")
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
        self.correct_button = QPushButton(QCoreApplication.translate("CaseDetail", "更正…"), self)
        self.correct_button.setObjectName("correctCase")
        self.correct_button.setToolTip(
            QCoreApplication.translate("CaseDetail", "更正已登记的内容（写明理由，记入审计日志）")
        )
        self.correct_button.clicked.connect(self.open_correction)
        self.correct_button.setAutoDefault(False)
        self.delete_button.setAutoDefault(False)
        self.documents_button = QPushButton(QCoreApplication.translate("CaseDetail", "文书…"), self)
        self.documents_button.setObjectName("documents")
        self._runner = OperationRunner(services, lang, self)
        self.documents_menu = DocumentMenu(
            self._runner,
            case_no,
            parent=self,
            as_read=self.as_read,
            on_made=self.reload,
        )
        self.documents_button.setMenu(self.documents_menu)
        self.reason_dialog: QInputDialog | None = None
        tables = QHBoxLayout()
        tables.addWidget(self.timeline_table, 3)
        tables.addWidget(self.clock_table, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.facts_label)
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
        self.disputes.setTabKeyNavigation(False)
        layout.addWidget(self.disputes)
        layout.addWidget(self.money_label)
        layout.addLayout(buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.documents_button)
        bottom.addWidget(self.correct_button)
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        fit_to_screen(self, 980, 620)
        self.open_form: StepForm | None = None
        self.step_note: QMessageBox | None = None  # a recorded step's warnings, if any
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
        self.facts_label.setText(case_facts(case))
        self.facts_label.setVisible(bool(self.facts_label.text()))
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
        signed_reviews = self._services.accounts.has_accounts()
        for key, why_not in available_steps(case).items():
            button = self.step_buttons[key]
            reason = None if why_not is None else render(why_not.code, why_not.params, self._lang)
            if key == "review" and signed_reviews:
                # With accounts a review is the reviewer's signed round (法制审核 tab): say so
                # now rather than refuse after the form is filled (issue 21 §3).
                reason = render("review.signature_required", {}, self._lang)
            button.setEnabled(records and reason is None)
            if key in FORCED_KEYS:  # only where there is an order to enforce (DOMAIN §13)
                button.setVisible(has_order(case))
            button.setToolTip(reason or str(button.property("shortcutText") or ""))
            button.setAccessibleDescription(reason or "")
        self.delete_button.setEnabled(records)
        self.correct_button.setEnabled(self._services.may(Permission.CORRECT_RECORDS))
        self._focus_next_step()

    def _focus_next_step(self) -> None:
        """Focus on the first step of the procedure that may be taken now (never on 删除案件 or
        the full ID number, nor on a step recorded only when it happens: evidence, a failed
        service, a pause): Enter opens it, Tab moves along the steps."""
        for key, button in self.step_buttons.items():
            if button.isEnabled() and key not in SIDE_STEPS:
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self.documents_button.setFocus(Qt.FocusReason.OtherFocusReason)

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
            changes = self.as_read(self._services.trash.delete)(self._case_no, reason)
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return False
        self.close()  # before the list refreshes: a deleted case has no window to reload
        self.changed.emit(changes)
        return True

    def as_read(self, edit: Callable[P, T]) -> Callable[P, T]:
        """``edit`` made from the case as this window shows it now (its version): refused
        with "已被他人修改，请刷新后再试" when someone changed the case since; the window then
        reloads, and a next try is made from what it shows then (issue 23)."""
        shown = [self.view.case.version]

        def stale() -> None:
            self.reload()
            shown[0] = self.view.case.version

        def run(*args: P.args, **kwargs: P.kwargs) -> T:
            def op(_services: Services) -> T:
                with edited_as_read(self._case_no, shown[0]):
                    return edit(*args, **kwargs)

            done = self._runner.run_op(op, on_failed=raise_failure, on_stale=stale)
            return cast(T, done)  # a refusal was raised, not returned as None

        return run

    def open_step(self, step: Step) -> StepForm:
        """Open the step's form (non-blocking); a success reloads and signals the change."""
        form = StepForm(
            step.title,
            step.fields(self.view.case),
            self.as_read(lambda values: step.apply(self._services, self._case_no, values)),
            today=today_in_china(self._services.clock),
            lang=self._lang,
            parent=self,
        )
        hint = step.hint
        if hint is not None:
            services, case_no, lang = self._services, self._case_no, self._lang
            form.warn_while_typing(
                step.hint_keys, lambda values: hint(services, case_no, values, lang)
            )
        return self._show_form(form)

    def open_correction(self) -> StepForm:
        """更正… (non-blocking): pick the field, the new value, the reason."""
        services, case_no = self._services, self._case_no
        payment = Field(
            "payment",
            QCoreApplication.translate("CaseDetail", "第几笔缴款"),
            placeholder=QCoreApplication.translate("CaseDetail", "只用于缴款项目；默认最后一笔"),
        )

        def which(values: FormValues) -> int | None:
            text = values.text("payment")
            if not text:
                return None
            if not text.isdigit():
                count = len(self.view.case.payments)
                raise DomainError("correction.no_payment", "payment", {"n": text, "count": count})
            return int(text)

        form = correction_form(
            services,
            QCoreApplication.translate("CaseDetail", "更正 %1").replace("%1", case_no),
            CASE_FIELDS,
            self.as_read(
                lambda v, spec: services.corrections.correct_case(
                    case_no, spec.key, v.text("value"), v.text("reason"), payment=which(v)
                )
            ),
            current=lambda spec: services.corrections.case_value(case_no, spec),
            extra=(payment,),
            lang=self._lang,
            parent=self,
        )
        return self._show_form(form)

    def _show_form(self, form: StepForm) -> StepForm:
        """Open a step's or a correction's form; its success reloads and signals the change."""
        form.accepted.connect(self._step_done)
        self.open_form = form
        form.open()
        return form

    def _step_done(self) -> None:
        self.activateWindow()  # back from the form: the keys go on here
        self.reload()
        if self.open_form is not None:
            result = self.open_form.result_value
            self.changed.emit(result)
            if isinstance(result, StepResult):
                self._show_notes(
                    [*warning_notes(result, self._lang), *repeat_notes(result, self._lang)]
                )

    def _show_notes(self, notes: list[str]) -> None:
        """A recorded step's warnings and repeat notes (DOMAIN §17), shown until dismissed."""
        if not notes:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("CaseDetail", "注意"),
            "\n\n".join(notes),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.step_note = box
        box.open()
