"""The steps a clerk records on a general-procedure case, each as a form over a service call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from chuansha_enforce.domain.case_file import (
    AdvanceNotice,
    CaseFile,
    Decision,
    Discussion,
    Extension,
    Hearing,
    SurchargePause,
)
from chuansha_enforce.domain.enums import (
    HearingState,
    NoPenaltyReason,
    Outcome,
    PauseKind,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.records import PaymentRecord
from chuansha_enforce.services.case_file_service import StepResult
from chuansha_enforce.services.container import Services
from ui.step_form import Field, FormValues, Kind


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseSteps", text)


def _labels(
    enum: type[HearingState]
    | type[Outcome]
    | type[NoPenaltyReason]
    | type[ReviewOpinion]
    | type[ServiceMethod]
    | type[PauseKind],
) -> list[tuple[str, object]]:
    return [(member.label, member) for member in enum]


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    fields: Callable[[CaseFile], list[Field]]
    apply: Callable[[Services, str, FormValues], StepResult]
    available: Callable[[CaseFile], bool]


def _notice(s: Services, no: str, v: FormValues) -> StepResult:
    notice = AdvanceNotice(v.date("notice_on"), v.flag("hearing"), v.optional_date("statement_on"))
    return s.case_files.record_notice(no, notice)


def _hearing(s: Services, no: str, v: FormValues) -> StepResult:
    state = v.choice("hearing")
    assert isinstance(state, HearingState)
    return s.case_files.record_hearing(
        no,
        Hearing(
            state,
            v.optional_date("requested_on"),
            v.optional_date("notice_on"),
            v.optional_date("held_on"),
            v.text("presiding") or None,
        ),
    )


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


def _discussion(s: Services, no: str, v: FormValues) -> StepResult:
    return s.case_files.record_discussion(no, Discussion(v.date("held_on"), v.text("minutes")))


def _extension(s: Services, no: str, v: FormValues) -> StepResult:
    days = v.values.get("days")
    extension = Extension(
        v.text("approved_by"),
        v.date("approved_on"),
        int(days) if isinstance(days, int) else 0,
        v.text("reason"),
    )
    return s.case_files.extend_decision_deadline(no, extension)


def _decide(s: Services, no: str, v: FormValues) -> StepResult:
    outcome = v.choice("outcome")
    assert isinstance(outcome, Outcome)
    reason = v.choice("no_penalty_reason")
    kinds = frozenset(k for k in v.choices("kinds") if isinstance(k, PenaltyKind))
    decision = Decision(
        decision_no=v.text("decision_no") or None,
        decided_on=v.date("decided_on"),
        outcome=outcome,
        kinds=kinds if outcome is Outcome.PENALTY else frozenset(),
        no_penalty_reason=reason
        if isinstance(reason, NoPenaltyReason) and outcome is Outcome.NO_PENALTY
        else None,
        fine_fen=v.fen("fine"),
        confiscation_fen=v.fen("confiscation"),
        reduced_penalty=v.flag("reduced_penalty"),
    )
    return s.case_files.decide(no, decision)


def _serve(s: Services, no: str, v: FormValues) -> StepResult:
    method = v.choice("service_method")
    assert isinstance(method, ServiceMethod)
    return s.case_files.serve(no, v.date("served_on"), method)


def _pay(s: Services, no: str, v: FormValues) -> StepResult:
    payment = PaymentRecord(
        v.date("paid_on"),
        v.fen("amount"),
        v.fen("surcharge"),
        v.text("channel"),
        v.text("receipt_no") or None,
    )
    return s.case_files.record_payment(no, payment)


def _pause(s: Services, no: str, v: FormValues) -> StepResult:
    kind = v.choice("pause_kind")
    assert isinstance(kind, PauseKind)
    return s.case_files.record_pause(
        no, SurchargePause(kind, v.date("pause_start"), v.date("pause_end"))
    )


def _close(s: Services, no: str, v: FormValues) -> StepResult:
    return s.case_files.close(no, v.date("closed_on"), v.text("close_reason") or None)


def _undecided(case: CaseFile) -> bool:
    return case.decision is None


def steps() -> list[Step]:
    """The steps in the order of the procedure (DOMAIN §1)."""
    return [
        Step(
            "notice",
            QCoreApplication.translate("CaseSteps", "告知"),
            lambda c: [
                Field("notice_on", QCoreApplication.translate("CaseSteps", "告知日期"), Kind.DATE),
                Field(
                    "hearing", QCoreApplication.translate("CaseSteps", "告知听证权利"), Kind.BOOL
                ),
                Field(
                    "statement_on",
                    QCoreApplication.translate("CaseSteps", "陈述申辩日期"),
                    Kind.OPTIONAL_DATE,
                ),
            ],
            _notice,
            _undecided,
        ),
        Step(
            "hearing",
            QCoreApplication.translate("CaseSteps", "听证"),
            lambda c: [
                Field(
                    "hearing",
                    QCoreApplication.translate("CaseSteps", "听证情况"),
                    Kind.CHOICE,
                    [
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
            ],
            _hearing,
            lambda c: _undecided(c) and c.notice is not None and c.notice.hearing_offered,
        ),
        Step(
            "review",
            QCoreApplication.translate("CaseSteps", "法制审核"),
            lambda c: [
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
                Field(
                    "reason", QCoreApplication.translate("CaseSteps", "意见和理由"), Kind.LONG_TEXT
                ),
            ],
            _review,
            _undecided,
        ),
        Step(
            "discussion",
            QCoreApplication.translate("CaseSteps", "集体讨论"),
            lambda c: [
                Field("held_on", QCoreApplication.translate("CaseSteps", "讨论日期"), Kind.DATE),
                Field(
                    "minutes", QCoreApplication.translate("CaseSteps", "讨论记录"), Kind.LONG_TEXT
                ),
            ],
            _discussion,
            _undecided,
        ),
        Step(
            "extension",
            QCoreApplication.translate("CaseSteps", "延长办案期限"),
            lambda c: [
                Field("approved_by", QCoreApplication.translate("CaseSteps", "批准人")),
                Field(
                    "approved_on", QCoreApplication.translate("CaseSteps", "批准日期"), Kind.DATE
                ),
                Field(
                    "days",
                    QCoreApplication.translate("CaseSteps", "延长天数"),
                    Kind.DAYS,
                    default=30,
                ),
                Field("reason", QCoreApplication.translate("CaseSteps", "理由"), Kind.LONG_TEXT),
            ],
            _extension,
            _undecided,
        ),
        Step(
            "decide",
            QCoreApplication.translate("CaseSteps", "作出决定"),
            lambda c: [
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
                    [
                        (k.label, k)
                        for k in (
                            PenaltyKind.WARNING,
                            PenaltyKind.FINE,
                            PenaltyKind.CONFISCATE_GAINS,
                            PenaltyKind.OTHER,
                        )
                    ],
                ),
                Field(
                    "fine", QCoreApplication.translate("CaseSteps", "罚款金额（元）"), Kind.MONEY
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
            ],
            _decide,
            _undecided,
        ),
        Step(
            "serve",
            QCoreApplication.translate("CaseSteps", "送达"),
            lambda c: [
                Field("served_on", QCoreApplication.translate("CaseSteps", "送达日期"), Kind.DATE),
                Field(
                    "service_method",
                    QCoreApplication.translate("CaseSteps", "送达方式"),
                    Kind.CHOICE,
                    _labels(ServiceMethod),
                ),
            ],
            _serve,
            lambda c: c.decision is not None and c.served_on is None,
        ),
        Step(
            "pay",
            QCoreApplication.translate("CaseSteps", "缴款"),
            lambda c: [
                Field("paid_on", QCoreApplication.translate("CaseSteps", "缴款日期"), Kind.DATE),
                Field(
                    "amount", QCoreApplication.translate("CaseSteps", "罚没款（元）"), Kind.MONEY
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
            ],
            _pay,
            lambda c: c.money_decided_fen > 0 and c.served_on is not None and c.closed_on is None,
        ),
        Step(
            "pause",
            QCoreApplication.translate("CaseSteps", "复议或诉讼期间"),
            lambda c: [
                Field(
                    "pause_kind",
                    QCoreApplication.translate("CaseSteps", "类型"),
                    Kind.CHOICE,
                    _labels(PauseKind),
                ),
                Field(
                    "pause_start", QCoreApplication.translate("CaseSteps", "开始日期"), Kind.DATE
                ),
                Field("pause_end", QCoreApplication.translate("CaseSteps", "结束日期"), Kind.DATE),
            ],
            _pause,
            lambda c: c.decision is not None and c.closed_on is None,
        ),
        Step(
            "close",
            QCoreApplication.translate("CaseSteps", "结案"),
            lambda c: [
                Field("closed_on", QCoreApplication.translate("CaseSteps", "结案日期"), Kind.DATE),
                Field(
                    "close_reason",
                    QCoreApplication.translate("CaseSteps", "结案说明"),
                    Kind.LONG_TEXT,
                ),
            ],
            _close,
            lambda c: c.decision is not None and c.closed_on is None,
        ),
    ]
