"""The steps a clerk records on a general-procedure case, each as a form over a service call."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from chuansha_enforce.domain.after_decision.enforcement import parse_plan
from chuansha_enforce.domain.after_decision.enforcement_steps import InstalmentPlan, PaymentReminder
from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.cases.case_file import (
    STATEMENT_LABELS,
    AdvanceNotice,
    CaseFile,
    Decision,
    DecisionPause,
    Discussion,
    Education,
    EvidenceItem,
    Extension,
    Hearing,
    ServiceAttempt,
    ServiceProof,
    StatementKind,
    SurchargePause,
)
from chuansha_enforce.domain.cases.discretion import CIRCUMSTANCES, Deviation, DiscretionChoice
from chuansha_enforce.domain.cases.service_rules import ATTEMPT_METHODS
from chuansha_enforce.domain.enums import (
    AttemptResult,
    DecisionPauseKind,
    EvidenceKind,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PauseKind,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import fen_to_yuan_text
from chuansha_enforce.domain.records import PaymentRecord
from chuansha_enforce.services.case_file_service import StepResult
from chuansha_enforce.services.container import Services
from ui.benchmark_hint import with_benchmark_hint
from ui.case_step import Step
from ui.forced_demolition_steps import demolition_reminder_field, forced_steps
from ui.step_form import Field, FormValues, Kind

__all__ = ["Step", "steps"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseSteps", text)


def _labels(
    enum: type[HearingState]
    | type[Outcome]
    | type[NoPenaltyReason]
    | type[ReviewOpinion]
    | type[ServiceMethod]
    | type[PauseKind]
    | type[DecisionPauseKind],
) -> list[tuple[str, object]]:
    return [(member.label, member) for member in enum]


def _names(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", ",").split(",") if p.strip())


PROPOSABLE_KINDS = (
    PenaltyKind.WARNING,
    PenaltyKind.FINE,
    PenaltyKind.CONFISCATE_GAINS,
    PenaltyKind.CONFISCATE_PROPERTY,
    PenaltyKind.SUSPEND_LICENCE,
    PenaltyKind.DOWNGRADE_QUALIFICATION,
    PenaltyKind.REVOKE_LICENCE,
    PenaltyKind.SUSPEND_BUSINESS,
    PenaltyKind.ORDER_CLOSURE,
    PenaltyKind.RESTRICT_PRACTICE,
    PenaltyKind.OTHER,
)


def _kind_choices() -> list[tuple[str, object]]:
    return [(k.label, k) for k in PROPOSABLE_KINDS]


def _kinds(v: FormValues) -> frozenset[PenaltyKind]:
    return frozenset(k for k in v.choices("kinds") if isinstance(k, PenaltyKind))


def _notice(s: Services, no: str, v: FormValues) -> StepResult:
    notice = AdvanceNotice(
        v.date("notice_on"),
        v.flag("hearing"),
        v.optional_date("statement_on"),
        proposed_kinds=_kinds(v),
        proposed_fine_fen=v.fen("fine"),
        proposed_confiscation_fen=v.fen("confiscation"),
        facts=v.text("facts") or None,
        basis=v.text("legal_basis") or None,
        heavy_marked=v.flag("heavy"),
        proposed_demolition=v.flag("demolition"),
    )
    return s.case_files.record_notice(no, notice, _discretion(v))


def notice_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("notice_on", QCoreApplication.translate("CaseSteps", "告知日期"), Kind.DATE),
            Field(
                "kinds",
                QCoreApplication.translate("CaseSteps", "拟处罚种类"),
                Kind.MULTI_CHOICE,
                _kind_choices(),
            ),
            Field("fine", QCoreApplication.translate("CaseSteps", "拟罚款金额（元）"), Kind.MONEY),
            Field(
                "confiscation",
                QCoreApplication.translate("CaseSteps", "拟没收金额（元）"),
                Kind.MONEY,
            ),
            Field(
                "facts",
                QCoreApplication.translate("CaseSteps", "违法事实"),
                Kind.LONG_TEXT,
                default=c.violation or "",
            ),
            Field(
                "legal_basis",
                QCoreApplication.translate("CaseSteps", "处罚依据"),
                Kind.LONG_TEXT,
                default=c.legal_basis or "",
            ),
            Field(
                "demolition",
                QCoreApplication.translate("CaseSteps", "拟责令限期拆除"),
                Kind.BOOL,
                default=c.demolition_order,
            ),
            Field("hearing", QCoreApplication.translate("CaseSteps", "告知听证权利"), Kind.BOOL),
            Field(
                "heavy",
                QCoreApplication.translate("CaseSteps", "其他较重的行政处罚（有听证权）"),
                Kind.BOOL,
            ),
            Field(
                "statement_on",
                QCoreApplication.translate("CaseSteps", "陈述申辩日期"),
                Kind.OPTIONAL_DATE,
            ),
            *_discretion_fields(),  # the decision takes them over (DOMAIN §17)
        ]

    return Step("notice", QCoreApplication.translate("CaseSteps", "告知"), fields, _notice)


def _statement(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("statement_kind")
    assert isinstance(kind, StatementKind)
    return s.case_files.record_statement(no, kind, v.date("statement_on"))


def statement_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "statement_kind",
                QCoreApplication.translate("CaseSteps", "陈述申辩情况"),
                Kind.CHOICE,
                [(label, kind) for kind, label in STATEMENT_LABELS.items()],
            ),
            Field("statement_on", QCoreApplication.translate("CaseSteps", "日期"), Kind.DATE),
        ]

    return Step(
        "statement", QCoreApplication.translate("CaseSteps", "陈述申辩"), fields, _statement
    )


def _hearing(s: Services, no: str, v: FormValues) -> StepResult:
    state = v.choice("hearing")
    assert isinstance(state, HearingState)
    recorded = s.case_files.find(no).hearing  # a request recorded earlier stays on record
    requested = v.optional_date("requested_on") or (recorded.requested_on if recorded else None)
    return s.case_files.record_hearing(
        no,
        Hearing(
            state,
            requested,
            v.optional_date("notice_on"),
            v.optional_date("held_on"),
            v.text("presiding") or None,
            v.optional_date("waived_on"),
        ),
    )


def hearing_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "hearing",
                QCoreApplication.translate("CaseSteps", "听证情况"),
                Kind.CHOICE,
                [
                    (QCoreApplication.translate("CaseSteps", "申请听证"), HearingState.NONE),
                    (HearingState.HELD.label, HearingState.HELD),
                    (HearingState.WAIVED.label, HearingState.WAIVED),
                ],
            ),
            Field(
                "requested_on",
                QCoreApplication.translate("CaseSteps", "听证申请日期"),
                Kind.OPTIONAL_DATE,
            ),
            Field(
                "waived_on",
                QCoreApplication.translate("CaseSteps", "书面放弃听证日期"),
                Kind.OPTIONAL_DATE,
            ),
            Field(
                "notice_on",
                QCoreApplication.translate("CaseSteps", "听证通知日期"),
                Kind.OPTIONAL_DATE,
            ),
            Field(
                "held_on",
                QCoreApplication.translate("CaseSteps", "举行日期"),
                Kind.OPTIONAL_DATE,
            ),
            Field("presiding", QCoreApplication.translate("CaseSteps", "听证主持人")),
        ]

    return Step("hearing", QCoreApplication.translate("CaseSteps", "听证"), fields, _hearing)


def _review(s: Services, no: str, v: FormValues) -> StepResult:
    opinion = v.choice("opinion")
    assert isinstance(opinion, ReviewOpinion)
    return s.case_files.record_review(
        no,
        reviewer=v.text("reviewer"),
        reviewed_on=v.date("reviewed_on"),
        opinion=opinion,
        note=v.text("reason") or None,
    )


def review_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("reviewer", QCoreApplication.translate("CaseSteps", "法制审核人")),
            Field(
                "reviewed_on",
                QCoreApplication.translate("CaseSteps", "法制审核日期"),
                Kind.DATE,
            ),
            Field(
                "opinion",
                QCoreApplication.translate("CaseSteps", "法制审核结论"),
                Kind.CHOICE,
                _labels(ReviewOpinion),
            ),
            Field("reason", QCoreApplication.translate("CaseSteps", "意见和理由"), Kind.LONG_TEXT),
        ]

    return Step("review", QCoreApplication.translate("CaseSteps", "法制审核"), fields, _review)


def _discussion(s: Services, no: str, v: FormValues) -> StepResult:
    discussion = Discussion(v.date("held_on"), v.text("minutes"), _names(v.text("participants")))
    return s.case_files.record_discussion(no, discussion)


def discussion_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("held_on", QCoreApplication.translate("CaseSteps", "讨论日期"), Kind.DATE),
            Field(
                "participants",
                QCoreApplication.translate("CaseSteps", "参加人员（逗号分隔）"),
            ),
            Field("minutes", QCoreApplication.translate("CaseSteps", "讨论结论"), Kind.LONG_TEXT),
        ]

    title = QCoreApplication.translate("CaseSteps", "集体讨论")
    return Step("discussion", title, fields, _discussion)


def complex_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("complex_reason", QCoreApplication.translate("CaseSteps", "理由"), Kind.LONG_TEXT)
        ]

    return Step(
        "complex",
        QCoreApplication.translate("CaseSteps", "标记复杂案件"),
        fields,
        lambda s, no, v: s.case_files.mark_complex(no, v.text("complex_reason")),
    )


def _extension(s: Services, no: str, v: FormValues) -> StepResult:
    days = v.values.get("days")
    extension = Extension(
        v.text("approved_by"),
        v.date("approved_on"),
        int(days) if isinstance(days, int) else 0,
        v.text("reason"),
    )
    return s.case_files.extend_decision_deadline(no, extension)


def extension_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("approved_by", QCoreApplication.translate("CaseSteps", "批准人")),
            Field("approved_on", QCoreApplication.translate("CaseSteps", "批准日期"), Kind.DATE),
            Field(
                "days",
                QCoreApplication.translate("CaseSteps", "延长天数"),
                Kind.DAYS,
                default=30,
            ),
            Field("reason", QCoreApplication.translate("CaseSteps", "理由"), Kind.LONG_TEXT),
        ]

    title = QCoreApplication.translate("CaseSteps", "延长办案期限")
    return Step("extension", title, fields, _extension)


def _decision_pause(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("pause_kind")
    assert isinstance(kind, DecisionPauseKind)
    pause = DecisionPause(
        kind, v.date("pause_from"), v.date("pause_until"), v.text("pause_reason") or None
    )
    return s.case_files.record_decision_pause(no, pause)


def decision_pause_step() -> Step:
    """Time for a hearing, appraisal, public notice or a suspension (DOMAIN §12)."""

    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "pause_kind",
                QCoreApplication.translate("CaseSteps", "事由"),
                Kind.CHOICE,
                _labels(DecisionPauseKind),
            ),
            Field("pause_from", QCoreApplication.translate("CaseSteps", "起始日期"), Kind.DATE),
            Field("pause_until", QCoreApplication.translate("CaseSteps", "截止日期"), Kind.DATE),
            Field("pause_reason", QCoreApplication.translate("CaseSteps", "说明"), Kind.LONG_TEXT),
        ]

    title = QCoreApplication.translate("CaseSteps", "不计入办案期限的期间")
    return Step("decision_pause", title, fields, _decision_pause)


def officers_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("changed_on", QCoreApplication.translate("CaseSteps", "变更日期"), Kind.DATE),
            Field(
                "officers",
                QCoreApplication.translate("CaseSteps", "新的承办人（姓名或 姓名(执法证号)）"),
            ),
            Field("reason", QCoreApplication.translate("CaseSteps", "理由"), Kind.LONG_TEXT),
        ]

    return Step(
        "officers",
        QCoreApplication.translate("CaseSteps", "变更承办人"),
        fields,
        lambda s, no, v: s.case_files.change_officers(
            no, v.date("changed_on"), _names(v.text("officers")), v.text("reason")
        ),
    )


def _deadline(v: FormValues, outcome: Outcome) -> dt.date | None:
    """The order's deadline when the decision carries one (ticked, or an order alone)."""
    ordered = v.flag("demolition") or outcome is Outcome.ORDER_ONLY
    deadline = v.optional_date("demolition_deadline")
    if ordered and deadline is None:
        raise DomainError("decision.demolition_deadline_required", "demolition_deadline")
    return deadline if ordered else None


def _decide(s: Services, no: str, v: FormValues) -> StepResult:
    outcome = v.choice("outcome")
    assert isinstance(outcome, Outcome)
    reason = v.choice("no_penalty_reason")
    decision = Decision(
        decision_no=v.text("decision_no") or None,
        decided_on=v.date("decided_on"),
        outcome=outcome,
        kinds=_kinds(v) if outcome is Outcome.PENALTY else frozenset(),
        no_penalty_reason=reason
        if isinstance(reason, NoPenaltyReason) and outcome is Outcome.NO_PENALTY
        else None,
        fine_fen=v.fen("fine"),
        confiscation_fen=v.fen("confiscation"),
        reduced_penalty=v.flag("reduced_penalty"),
        demolition_deadline=_deadline(v, outcome),
    )
    return s.case_files.decide(no, decision, _discretion(v))


def _discretion(v: FormValues) -> DiscretionChoice:
    """情节 and any deviation (DOMAIN §17), as the notice and the decision forms take them."""
    deviation = v.choice("deviation")
    return DiscretionChoice(
        v.text("circumstance") or None,
        deviation if isinstance(deviation, Deviation) else None,
        v.text("deviation_reason") or None,
    )


def _discretion_fields() -> list[Field]:
    return [
        Field(
            "circumstance",
            QCoreApplication.translate("CaseSteps", "情节（裁量基准）"),
            Kind.CHOICE,
            [("", None), *((c, c) for c in CIRCUMSTANCES)],
        ),
        Field(
            "deviation",
            QCoreApplication.translate("CaseSteps", "裁量偏离"),
            Kind.CHOICE,
            [("", None), *((d.label, d) for d in Deviation)],
        ),
        Field("deviation_reason", QCoreApplication.translate("CaseSteps", "偏离理由")),
    ]


def decide_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        proposal = c.notice.proposal if c.notice is not None else None
        return [
            Field(
                "outcome",
                QCoreApplication.translate("CaseSteps", "决定结果"),
                Kind.CHOICE,
                _labels(Outcome),
            ),
            Field(
                "decision_no",
                QCoreApplication.translate("CaseSteps", "决定书文号"),
                placeholder=QCoreApplication.translate("CaseSteps", "留空则自动编号"),
            ),
            Field("decided_on", QCoreApplication.translate("CaseSteps", "决定日期"), Kind.DATE),
            Field(
                "kinds",
                QCoreApplication.translate("CaseSteps", "处罚种类"),
                Kind.MULTI_CHOICE,
                _kind_choices(),
                # what the notice proposed is offered (issue 21 §2b)
                default=sorted(proposal.kinds) if proposal else None,
            ),
            Field(
                "fine",
                QCoreApplication.translate("CaseSteps", "罚款金额（元）"),
                Kind.MONEY,
                default=fen_to_yuan_text(proposal.fine_fen)
                if proposal and proposal.fine_fen
                else None,
            ),
            Field(
                "confiscation",
                QCoreApplication.translate("CaseSteps", "没收金额（元）"),
                Kind.MONEY,
            ),
            Field(
                "reduced_penalty",
                QCoreApplication.translate("CaseSteps", "减轻处罚"),
                Kind.BOOL,
            ),
            Field(
                "no_penalty_reason",
                QCoreApplication.translate("CaseSteps", "不予处罚理由"),
                Kind.CHOICE,
                [("", None), *_labels(NoPenaltyReason)],
            ),
            Field(
                "demolition",
                QCoreApplication.translate("CaseSteps", "并处责令限期拆除"),
                Kind.BOOL,
                default=bool(c.notice and c.notice.proposed_demolition),
            ),
            Field(
                "demolition_deadline",
                QCoreApplication.translate("CaseSteps", "拆除期限"),
                Kind.OPTIONAL_DATE,
            ),
            *_discretion_fields(),
        ]

    return Step("decide", QCoreApplication.translate("CaseSteps", "作出决定"), fields, _decide)


def educate_step() -> Step:
    """The education given with an APL 33 不予处罚 decision (APL 33③)."""

    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("educated_on", QCoreApplication.translate("CaseSteps", "教育日期"), Kind.DATE),
            Field(
                "education",
                QCoreApplication.translate("CaseSteps", "教育方式和内容"),
                Kind.LONG_TEXT,
            ),
        ]

    return Step(
        "educate",
        QCoreApplication.translate("CaseSteps", "教育"),
        fields,
        lambda s, no, v: s.case_files.record_education(
            no, Education(v.date("educated_on"), v.text("education"))
        ),
    )


def _serve(s: Services, no: str, v: FormValues) -> StepResult:
    method = v.choice("service_method")
    assert isinstance(method, ServiceMethod)
    proof = ServiceProof(
        v.text("service_witness") or None, v.flag("service_recorded"), v.optional_date("consent_on")
    )
    return s.case_files.serve(no, v.date("served_on"), method, proof)


def serve_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("served_on", QCoreApplication.translate("CaseSteps", "送达日期"), Kind.DATE),
            Field(
                "service_method",
                QCoreApplication.translate("CaseSteps", "送达方式"),
                Kind.CHOICE,
                _labels(ServiceMethod),
            ),
            Field(
                "service_witness",
                QCoreApplication.translate("CaseSteps", "见证人（留置送达）"),
                placeholder=QCoreApplication.translate("CaseSteps", "基层组织或所在单位的见证人"),
            ),
            Field(
                "service_recorded",
                QCoreApplication.translate("CaseSteps", "已拍照录像记录（留置送达）"),
                Kind.BOOL,
            ),
            Field(
                "consent_on",
                QCoreApplication.translate("CaseSteps", "同意电子送达日期"),
                Kind.OPTIONAL_DATE,
            ),
        ]

    return Step("serve", QCoreApplication.translate("CaseSteps", "送达"), fields, _serve)


def _evidence(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("evidence_kind")
    assert isinstance(kind, EvidenceKind)
    item = EvidenceItem(kind, v.text("evidence_description"), v.date("obtained_on"))
    return s.case_files.record_evidence(no, item)


def evidence_step() -> Step:
    """登记证据: one piece of evidence, listed in the 决定书 (APL 46, 59)."""

    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "evidence_kind",
                QCoreApplication.translate("CaseSteps", "证据种类"),
                Kind.CHOICE,
                [(k.label, k) for k in EvidenceKind],
            ),
            Field(
                "evidence_description",
                QCoreApplication.translate("CaseSteps", "证据内容"),
                placeholder=QCoreApplication.translate("CaseSteps", "如 现场检查笔录、现场照片6张"),
            ),
            Field("obtained_on", QCoreApplication.translate("CaseSteps", "取证日期"), Kind.DATE),
        ]

    title = QCoreApplication.translate("CaseSteps", "登记证据")
    return Step("evidence", title, fields, _evidence)


def _serve_attempt(s: Services, no: str, v: FormValues) -> StepResult:
    method = v.choice("service_method")
    result = v.choice("attempt_result")
    assert isinstance(method, ServiceMethod)
    assert isinstance(result, AttemptResult)
    attempt = ServiceAttempt(v.date("attempted_on"), method, result, v.text("note") or None)
    return s.case_files.record_service_attempt(no, attempt)


def serve_attempt_step() -> Step:
    """送达未成功: the record a 公告送达 needs first (DOMAIN §14)."""

    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("attempted_on", QCoreApplication.translate("CaseSteps", "尝试日期"), Kind.DATE),
            Field(
                "service_method",
                QCoreApplication.translate("CaseSteps", "送达方式"),
                Kind.CHOICE,
                [(m.label, m) for m in ATTEMPT_METHODS],
            ),
            Field(
                "attempt_result",
                QCoreApplication.translate("CaseSteps", "结果"),
                Kind.CHOICE,
                [(r.label, r) for r in AttemptResult],
            ),
            Field(
                "note",
                QCoreApplication.translate("CaseSteps", "经过"),
                placeholder=QCoreApplication.translate("CaseSteps", "如 无人应门、查无此人"),
            ),
        ]

    title = QCoreApplication.translate("CaseSteps", "送达未成功")
    return Step("serve_attempt", title, fields, _serve_attempt)


def _pay(s: Services, no: str, v: FormValues) -> StepResult:
    payment = PaymentRecord(
        v.date("paid_on"),
        v.fen("amount"),
        v.fen("surcharge"),
        v.text("channel"),
        v.text("receipt_no") or None,
    )
    return s.case_files.record_payment(no, payment)


def pay_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("paid_on", QCoreApplication.translate("CaseSteps", "缴款日期"), Kind.DATE),
            Field(
                "amount",
                QCoreApplication.translate("CaseSteps", "罚没款（元）"),
                Kind.MONEY,
                # the amount still due is offered (issue 21 §2b)
                default=fen_to_yuan_text(due)
                if (due := c.money_decided_fen - c.paid_fen) > 0
                else None,
            ),
            Field(
                "surcharge",
                QCoreApplication.translate("CaseSteps", "加处罚款（元）"),
                Kind.MONEY,
            ),
            Field(
                "channel",
                QCoreApplication.translate("CaseSteps", "缴款方式"),
                default="银行缴款",
            ),
            Field("receipt_no", QCoreApplication.translate("CaseSteps", "票据号")),
        ]

    return Step("pay", QCoreApplication.translate("CaseSteps", "缴款"), fields, _pay)


def _pause(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("pause_kind")
    assert isinstance(kind, PauseKind)
    return s.case_files.record_pause(
        no, SurchargePause(kind, v.date("pause_start"), v.date("pause_end"))
    )


def pause_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "pause_kind",
                QCoreApplication.translate("CaseSteps", "类型"),
                Kind.CHOICE,
                _labels(PauseKind),
            ),
            Field("pause_start", QCoreApplication.translate("CaseSteps", "开始日期"), Kind.DATE),
            Field("pause_end", QCoreApplication.translate("CaseSteps", "结束日期"), Kind.DATE),
        ]

    title = QCoreApplication.translate("CaseSteps", "复议或诉讼期间")
    return Step("pause", title, fields, _pause)


def instalments_step() -> Step:
    """延期（分期）缴纳 (APL 66②): the approval date and each new due date with its amount."""

    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("approved_on", QCoreApplication.translate("CaseSteps", "批准日期"), Kind.DATE),
            Field(
                "plan",
                QCoreApplication.translate("CaseSteps", "各期缴款期限:金额（元），每行一期"),
                Kind.LONG_TEXT,
                placeholder="2026-12-31:500",
            ),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        plan = InstalmentPlan(v.date("approved_on"), parse_plan(v.text("plan")))
        return s.case_files.approve_instalments(no, plan)

    title = QCoreApplication.translate("CaseSteps", "延期（分期）缴纳")
    return Step("instalments", title, fields, apply)


def remind_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "served_on", QCoreApplication.translate("CaseSteps", "催告书送达日期"), Kind.DATE
            ),
            Field("until", QCoreApplication.translate("CaseSteps", "催告履行期限"), Kind.DATE),
            *demolition_reminder_field(c),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        reminder = PaymentReminder(v.date("served_on"), v.date("until"))
        return s.case_files.record_reminder(no, reminder, v.flag("demolition"))

    return Step("remind", QCoreApplication.translate("CaseSteps", "催告"), fields, apply)


def court_apply_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [Field("applied_on", QCoreApplication.translate("CaseSteps", "申请日期"), Kind.DATE)]

    title = QCoreApplication.translate("CaseSteps", "申请法院强制执行")
    return Step(
        "court_apply",
        title,
        fields,
        lambda s, no, v: s.case_files.apply_to_court(no, v.date("applied_on")),
    )


def court_ruling_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("ruling_on", QCoreApplication.translate("CaseSteps", "裁定日期"), Kind.DATE),
            Field("ruling", QCoreApplication.translate("CaseSteps", "裁定结果")),
        ]

    title = QCoreApplication.translate("CaseSteps", "法院裁定")
    return Step(
        "court_ruling",
        title,
        fields,
        lambda s, no, v: s.case_files.record_court_ruling(
            no, v.date("ruling_on"), v.text("ruling")
        ),
    )


def _close(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("close_reason_kind")
    return s.case_files.close(
        no,
        v.date("closed_on"),
        v.text("close_reason") or None,
        reason_kind=kind if isinstance(kind, UnpaidCloseReason) else None,
        approved_by=v.text("close_approved_by") or None,
    )


def close_step() -> Step:
    """结案; with money unpaid only for a listed reason, 其他 with its text and a legal
    reviewer's approval (DOMAIN §14): the service refuses otherwise, naming the rule."""

    def fields(c: CaseFile) -> list[Field]:
        paid_up = (QCoreApplication.translate("CaseSteps", "（已缴清，无需理由）"), None)
        reasons: list[tuple[str, object]] = [paid_up, *((r.label, r) for r in UnpaidCloseReason)]
        return [
            Field("closed_on", QCoreApplication.translate("CaseSteps", "结案日期"), Kind.DATE),
            Field(
                "close_reason_kind",
                QCoreApplication.translate("CaseSteps", "未缴清结案理由"),
                Kind.CHOICE,
                reasons,
            ),
            Field(
                "close_reason",
                QCoreApplication.translate("CaseSteps", "结案说明（“其他”须写明理由）"),
                Kind.LONG_TEXT,
            ),
            Field(
                "close_approved_by",
                QCoreApplication.translate("CaseSteps", "批准人（“其他”时：法制审核员）"),
            ),
        ]

    return Step("close", QCoreApplication.translate("CaseSteps", "结案"), fields, _close)


def publish_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [Field("published_on", QCoreApplication.translate("CaseSteps", "公示日期"),
                      Kind.DATE)]  # fmt: skip

    return Step(
        "publish",
        QCoreApplication.translate("CaseSteps", "公示"),
        fields,
        lambda s, no, v: s.publications.publish(no, v.date("published_on")),
    )


def withdraw_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("withdrawn_on", QCoreApplication.translate("CaseSteps", "撤回日期"), Kind.DATE),
            Field(
                "withdrawal_reason",
                QCoreApplication.translate("CaseSteps", "撤回原因"),
                Kind.LONG_TEXT,
            ),
        ]

    return Step(
        "withdraw_publication",
        QCoreApplication.translate("CaseSteps", "撤回公示"),
        fields,
        lambda s, no, v: s.publications.withdraw(
            no, v.date("withdrawn_on"), v.text("withdrawal_reason")
        ),
    )


def steps() -> list[Step]:
    """The steps in the order of the procedure (DOMAIN §1); keys as ``available_steps``."""
    return [
        evidence_step(),
        with_benchmark_hint(notice_step(), "notice_on"),
        statement_step(),
        hearing_step(),
        review_step(),
        discussion_step(),
        complex_step(),
        extension_step(),
        decision_pause_step(),
        officers_step(),
        with_benchmark_hint(decide_step(), "decided_on"),
        educate_step(),
        serve_attempt_step(),
        serve_step(),
        pay_step(),
        pause_step(),
        instalments_step(),
        remind_step(),
        court_apply_step(),
        court_ruling_step(),
        *forced_steps(),
        close_step(),
        publish_step(),
        withdraw_step(),
    ]
