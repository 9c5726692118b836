"""执法文书 (DOMAIN §16): the kinds, which case steps each needs, and the wording rules.

A document is made from the recorded case only: each kind names the steps that must exist
first (``missing_steps``), and the remedy wording depends on the procedure and the date
(``remedy_text``: on-the-spot decisions from 2024-01-01 need reconsideration first).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Final

from chuansha_enforce.domain.cases.case_file import CaseFile, Decision
from chuansha_enforce.domain.documents.numbering import NumberKind
from chuansha_enforce.domain.enums import EnumMap, LabelledEnum, Outcome, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import fen_to_chinese_upper, format_fen

RECONSIDERATION_FIRST_FROM: Final = dt.date(2024, 1, 1)
"""2023 行政复议法 (in force 2024-01-01) Art. 23: on-the-spot penalties, reconsideration first."""


class DocumentKind(LabelledEnum):
    FILING_APPROVAL = "filing_approval", "立案审批表"
    ADVANCE_NOTICE = "advance_notice", "行政处罚事先告知书"
    HEARING_NOTICE = "hearing_notice", "听证通知书"
    PENALTY_DECISION = "penalty_decision", "行政处罚决定书"
    NO_PENALTY_DECISION = "no_penalty_decision", "不予行政处罚决定书"
    SIMPLE_DECISION = "simple_decision", "当场行政处罚决定书"
    CORRECTION_ORDER = "correction_order", "责令改正通知书"
    DEMOLITION_ORDER = "demolition_order", "责令限期拆除通知书"
    SERVICE_RECEIPT = "service_receipt", "送达回证"
    PAYMENT_REMINDER = "payment_reminder", "催告书"
    DEFERRAL_DECISION = "deferral_decision", "延期（分期）缴纳决定书"
    CLOSING_APPROVAL = "closing_approval", "结案审批表"
    DEMOLITION_REMINDER = "demolition_reminder", "拆除催告书"
    FORCED_DECISION = "forced_decision", "强制拆除决定书"
    FORCED_ANNOUNCEMENT = "forced_announcement", "强制拆除公告"


GENERAL_KINDS: Final = tuple(k for k in DocumentKind if k is not DocumentKind.SIMPLE_DECISION)
"""The kinds a general-procedure case offers (the simple procedure has its one decision)."""

NUMBER_KINDS: Final = EnumMap(
    DocumentKind,
    {
        DocumentKind.FILING_APPROVAL: None,  # carries the case number
        DocumentKind.ADVANCE_NOTICE: NumberKind.ADVANCE_NOTICE,
        DocumentKind.HEARING_NOTICE: NumberKind.HEARING_NOTICE,
        DocumentKind.PENALTY_DECISION: None,  # the case's 决定书文号
        DocumentKind.NO_PENALTY_DECISION: None,  # the case's 决定书文号
        DocumentKind.SIMPLE_DECISION: None,  # the pre-printed form's number
        DocumentKind.CORRECTION_ORDER: NumberKind.CORRECTION_ORDER,
        DocumentKind.DEMOLITION_ORDER: NumberKind.DEMOLITION_ORDER,
        DocumentKind.SERVICE_RECEIPT: None,
        DocumentKind.PAYMENT_REMINDER: NumberKind.PAYMENT_REMINDER,
        DocumentKind.DEFERRAL_DECISION: NumberKind.DEFERRAL_DECISION,
        DocumentKind.CLOSING_APPROVAL: None,
        DocumentKind.DEMOLITION_REMINDER: NumberKind.DEMOLITION_REMINDER,
        DocumentKind.FORCED_DECISION: NumberKind.FORCED_DECISION,
        DocumentKind.FORCED_ANNOUNCEMENT: NumberKind.FORCED_ANNOUNCEMENT,
    },
)
"""Which kinds get a 文号 of their own when first made (issued once, never reused)."""

# The steps a document can wait for, as the user reads them.
STEP_FACTS: Final = "违法事实和法律依据"
STEP_NOTICE: Final = "告知"
STEP_PROPOSAL: Final = "拟处罚内容"
STEP_HEARING: Final = "听证（通知日期和听证日期）"
STEP_PENALTY: Final = "处罚决定"
STEP_NO_PENALTY: Final = "不予处罚决定"
STEP_DECISION_NO: Final = "决定书文号"
STEP_DEMOLITION: Final = "责令限期拆除决定类型"
STEP_NOT_DEMOLITION: Final = "非拆违案件"
STEP_SERVICE: Final = "送达"
STEP_FINE: Final = "罚款"
STEP_OVERDUE: Final = "缴款期限届满仍未缴清"
STEP_DEFERRAL: Final = "延期（分期）缴纳批准"
STEP_CLOSING: Final = "结案"
STEP_EVIDENCE: Final = "证据（登记证据）"
STEP_ORDER: Final = "责令限期拆除决定（含拆除期限）"
STEP_DEMOLITION_REMINDER: Final = "拆除催告（case remind）"
STEP_FORCED_DECISION: Final = "强制拆除决定（case enforce）"
STEP_ANNOUNCEMENT: Final = "强制拆除公告（case announce）"


def is_demolition(case: CaseFile) -> bool:
    """The case orders a structure removed (DOMAIN §13): marked so when filed, or its decision
    carries a 责令限期拆除 order."""
    return case.demolition_order or bool(case.decision and case.decision.demolition)


def proposal(case: CaseFile) -> Decision | None:
    """The penalty the 告知 proposed (DOMAIN §12: the notice records it); a notice carried over
    from a ledger without one falls back on the decision (never heavier than the proposal)."""
    notice = case.notice
    if notice is not None and notice.proposal is not None:
        p = notice.proposal
        return Decision(None, notice.served_on, Outcome.PENALTY, p.kinds,
                        fine_fen=p.fine_fen, confiscation_fen=p.confiscation_fen)  # fmt: skip
    return case.decision


def outstanding_fen(case: CaseFile) -> int:
    return max(case.money_decided_fen - case.paid_fen, 0)


def missing_steps(
    kind: DocumentKind, case: CaseFile, today: dt.date, payment_due: dt.date | None = None
) -> tuple[str, ...]:
    """The recorded steps ``kind`` still waits for; empty when it can be made.

    ``payment_due`` is the last day to pay as the case's clocks count it (APL 67)."""
    decision = case.decision
    has_facts = bool(case.violation and case.legal_basis)
    missing: list[str] = []

    def need(ok: bool, step: str) -> None:
        if not ok:
            missing.append(step)

    if kind is DocumentKind.ADVANCE_NOTICE:
        need(has_facts, STEP_FACTS)
        need(case.notice is not None, STEP_NOTICE)
        need(proposal(case) is not None, STEP_PROPOSAL)
    elif kind is DocumentKind.HEARING_NOTICE:
        hearing = case.hearing
        need(
            hearing is not None and hearing.notice_on is not None and hearing.held_on is not None,
            STEP_HEARING,
        )
    elif kind is DocumentKind.PENALTY_DECISION:
        need(has_facts, STEP_FACTS)
        need(bool(case.evidence), STEP_EVIDENCE)  # APL 59: the facts and the evidence
        need(decision is not None and decision.outcome is Outcome.PENALTY, STEP_PENALTY)
        need(decision is not None and bool(decision.decision_no), STEP_DECISION_NO)
    elif kind is DocumentKind.NO_PENALTY_DECISION:
        need(bool(case.evidence), STEP_EVIDENCE)
        need(decision is not None and decision.outcome is Outcome.NO_PENALTY, STEP_NO_PENALTY)
        need(decision is not None and bool(decision.decision_no), STEP_DECISION_NO)
    elif kind is DocumentKind.CORRECTION_ORDER:
        need(has_facts, STEP_FACTS)
        need(not is_demolition(case), STEP_NOT_DEMOLITION)
    elif kind is DocumentKind.DEMOLITION_ORDER:
        need(has_facts, STEP_FACTS)
        need(is_demolition(case), STEP_DEMOLITION)
    elif kind is DocumentKind.SERVICE_RECEIPT:
        need(case.notice is not None or case.served_on is not None, STEP_SERVICE)
    elif kind is DocumentKind.PAYMENT_REMINDER:
        need(case.money_decided_fen > 0, STEP_FINE)
        need(case.served_on is not None, STEP_SERVICE)
        need(
            payment_due is not None and payment_due < today and outstanding_fen(case) > 0,
            STEP_OVERDUE,
        )
    elif kind is DocumentKind.DEFERRAL_DECISION:
        need(case.money_decided_fen > 0, STEP_FINE)
        need(case.instalment_plan is not None, STEP_DEFERRAL)
    elif kind is DocumentKind.CLOSING_APPROVAL:
        need(case.closed_on is not None, STEP_CLOSING)
    elif kind in FORCED_KINDS:
        _forced_missing(kind, case, need)
    elif kind is DocumentKind.SIMPLE_DECISION:
        missing.append(STEP_PENALTY)  # made from a simple decision, never from a case
    return tuple(missing)


FORCED_KINDS: Final = (
    DocumentKind.DEMOLITION_REMINDER,
    DocumentKind.FORCED_DECISION,
    DocumentKind.FORCED_ANNOUNCEMENT,
)
"""The documents of forced demolition (DOMAIN §13; 行政强制法 35, 37, 44): each made from its
recorded step, never before it."""


def _forced_missing(kind: DocumentKind, case: CaseFile, need: Callable[[bool, str], None]) -> None:
    decision = case.decision
    need(bool(case.violation and case.legal_basis), STEP_FACTS)
    need(decision is not None and decision.demolition_deadline is not None, STEP_ORDER)
    forced = case.forced
    if kind is DocumentKind.DEMOLITION_REMINDER:
        need(forced.reminder is not None, STEP_DEMOLITION_REMINDER)
    elif kind is DocumentKind.FORCED_DECISION:
        need(forced.decided_on is not None, STEP_FORCED_DECISION)
    else:
        need(forced.decided_on is not None, STEP_FORCED_DECISION)
        need(forced.announcement is not None, STEP_ANNOUNCEMENT)


def reconsideration_first(procedure_simple: bool, decided_on: dt.date) -> bool:
    """On-the-spot decisions from 2024-01-01: reconsideration before any lawsuit (复议法 23)."""
    return procedure_simple and decided_on >= RECONSIDERATION_FIRST_FROM


def remedy_text(*, simple: bool, decided_on: dt.date, body: str, court: str) -> str:
    """The remedy paragraph (APL 59 ⑤) for the procedure and the date."""
    if reconsideration_first(simple, decided_on):
        return (
            f"如不服本决定，应当自收到本决定书之日起六十日内向{body}申请行政复议；"
            f"对行政复议决定不服的，可以依法向{court}提起行政诉讼。"
            "行政复议期间本决定不停止执行，法律另有规定的除外。"
        )
    return (
        f"如不服本决定，可以自收到本决定书之日起六十日内向{body}申请行政复议，"
        f"或者在六个月内依法向{court}提起行政诉讼。"
        "行政复议或者行政诉讼期间本决定不停止执行，法律另有规定的除外。"
    )


def amount_text(fen: int) -> str:
    """``人民币1,005.30元（大写：壹仟零伍元叁角整）``: figures and 大写 together."""
    return f"人民币{format_fen(fen)}元（大写：{fen_to_chinese_upper(fen, zheng_after_jiao=True)}）"


def penalty_text(decision: Decision) -> str:
    """The penalty's kinds and amounts in one sentence, lightest kind first."""
    parts: list[str] = []
    for kind in sorted(decision.kinds, key=lambda k: k.severity):
        if kind is PenaltyKind.FINE:
            parts.append(f"罚款{amount_text(decision.fine_fen)}")
        elif kind is PenaltyKind.CONFISCATE_GAINS and decision.confiscation_fen:
            parts.append(f"没收违法所得{amount_text(decision.confiscation_fen)}")
        else:
            parts.append(kind.label)
    return "；".join(parts)


def chinese_date(day: dt.date) -> str:
    """``2024年1月5日``, as documents print dates."""
    return f"{day.year}年{day.month}月{day.day}日"


def payment_text(how: str) -> str:
    """How and by when to pay, with the 加处罚款 warning (APL 67, 72)."""
    return (
        f"当事人应当自收到本决定书之日起十五日内，{how}缴纳罚款。"
        "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，"
        "加处罚款的数额不超过罚款的数额。"
    )


def split_basis(legal_basis: str) -> tuple[str, str]:
    """The provision violated and the penalty provision (APL 59 ③).

    The case keeps one 法律依据 text; written as ``违反的条款；处罚的条款`` it splits in two,
    otherwise (one article naming both, as 《上海市市容环境卫生管理条例》 does) it serves as both.
    """
    for separator in ("；", ";"):
        if separator in legal_basis:
            violated, _, penalty = legal_basis.partition(separator)
            if violated.strip() and penalty.strip():
                return violated.strip(), penalty.strip()
    text = legal_basis.strip()
    return text, text


def document_kind(text: str) -> DocumentKind:
    """A kind from its code (``penalty_decision``) or its title (``行政处罚决定书``)."""
    value = text.strip()
    for kind in DocumentKind:
        if value in (kind.value, kind.label):
            return kind
    choices = "、".join(f"{k.value}（{k.label}）" for k in DocumentKind)
    raise DomainError("document.unknown_kind", "document_kind", {"value": text, "choices": choices})
