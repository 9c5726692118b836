"""The view-models of the 执法文书: one per document kind, built by ``DocumentService``.

Every field is text ready to print (dates as ``2024年1月5日``, amounts with 大写); the .docx
templates use exactly these names, and the renderer never queries anything.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentHead:
    """What every document carries: who issues it, its 文号, the party and the date."""

    organisation: str
    title: str
    document_no: str
    case_no: str
    cause: str
    party_name: str
    party_kind: str
    party_id_number: str
    party_address: str
    legal_representative: str
    date: str


@dataclass(frozen=True, slots=True)
class FilingApprovalView:
    head: DocumentHead
    clue_on: str
    filed_on: str
    location: str
    facts: str
    legal_basis: str
    officers: str


@dataclass(frozen=True, slots=True)
class AdvanceNoticeView:
    head: DocumentHead
    facts: str
    provision_violated: str
    penalty_provision: str
    proposed_penalty: str
    statement_days: str
    hearing_right: bool
    hearing_text: str


@dataclass(frozen=True, slots=True)
class HearingNoticeView:
    head: DocumentHead
    hearing_date: str
    presiding: str
    requested_on: str


@dataclass(frozen=True, slots=True)
class DecisionView:
    """行政处罚决定书 (APL 59) and 当场行政处罚决定书 (APL 52)."""

    head: DocumentHead
    facts: str
    evidence: str
    provision_violated: str
    penalty_provision: str
    penalty: str
    payment: str
    correction: str
    remedy: str
    officers: str


@dataclass(frozen=True, slots=True)
class NoPenaltyDecisionView:
    head: DocumentHead
    facts: str
    evidence: str
    legal_basis: str
    reason: str
    remedy: str


@dataclass(frozen=True, slots=True)
class OrderView:
    """责令改正通知书 and 责令限期拆除通知书."""

    head: DocumentHead
    facts: str
    provision_violated: str
    order: str
    remedy: str


@dataclass(frozen=True, slots=True)
class ServedDocument:
    title: str
    document_no: str
    served_on: str
    method: str
    place: str
    note: str = ""
    """Earlier attempts and what proves the service (a witness, a record, a consent)."""


@dataclass(frozen=True, slots=True)
class ServiceReceiptView:
    """送达回证: one page per document served."""

    head: DocumentHead
    receipts: tuple[ServedDocument, ...]


@dataclass(frozen=True, slots=True)
class PaymentReminderView:
    head: DocumentHead
    decision_no: str
    decided_on: str
    served_on: str
    fine: str
    outstanding: str
    due_on: str
    surcharge: str


@dataclass(frozen=True, slots=True)
class InstalmentLine:
    """One new due date of a 延期（分期）缴纳决定书: ``第1期``, the date, the amount."""

    label: str
    due_on: str
    amount: str


@dataclass(frozen=True, slots=True)
class DeferralDecisionView:
    """延期（分期）缴纳决定书 (APL 66②): the decision, what is owed, the approved new dates."""

    head: DocumentHead
    decision_no: str
    decided_on: str
    served_on: str
    fine: str
    owed: str
    manner: str  # 延期 (one new date) or 分期
    instalments: tuple[InstalmentLine, ...]


@dataclass(frozen=True, slots=True)
class ClosingApprovalView:
    head: DocumentHead
    decision_no: str
    decided_on: str
    outcome: str
    performance: str
    closed_on: str
    close_reason: str


@dataclass(frozen=True, slots=True)
class DemolitionReminderView:
    """拆除催告书 (行政强制法 35): the order, the deadline to remove, the right to state."""

    head: DocumentHead
    facts: str
    order_no: str
    decided_on: str
    served_on: str
    deadline: str
    until: str


@dataclass(frozen=True, slots=True)
class ForcedDecisionView:
    """强制拆除决定书 (行政强制法 37): party, facts, basis, method and time, remedies, agency."""

    head: DocumentHead
    facts: str
    provision_violated: str
    order_no: str
    deadline: str
    reminder: str
    statement: str
    authority: str
    basis: str
    method: str
    remedy: str


@dataclass(frozen=True, slots=True)
class ForcedAnnouncementView:
    """强制拆除公告 (行政强制法 44): the decision, the structure, the last period."""

    head: DocumentHead
    facts: str
    location: str
    decision_no: str
    decided_on: str
    until: str


DocumentView = (
    FilingApprovalView
    | AdvanceNoticeView
    | HearingNoticeView
    | DecisionView
    | NoPenaltyDecisionView
    | OrderView
    | ServiceReceiptView
    | PaymentReminderView
    | DeferralDecisionView
    | ClosingApprovalView
    | DemolitionReminderView
    | ForcedDecisionView
    | ForcedAnnouncementView
)


_HEAD = frozenset({"head.organisation", "head.title", "head.party_name"})
_LETTER = _HEAD | {"head.document_no", "head.date"}
_DECISION = _LETTER | {
    "head.party_address",
    "head.legal_representative",
    "facts",
    "evidence",
    "provision_violated",
    "penalty_provision",
    "penalty",
    "payment",
    "remedy",
}

REQUIRED_FIELDS: dict[str, frozenset[str]] = {
    "filing_approval": _HEAD | {"head.case_no", "facts", "legal_basis", "officers", "filed_on"},
    "advance_notice": _LETTER
    | {"facts", "provision_violated", "penalty_provision", "proposed_penalty", "hearing_text"},
    "hearing_notice": _LETTER | {"hearing_date", "presiding"},
    # APL 59: party and address, facts and evidence, both provisions, the penalty, how and by
    # when to pay, the remedy, the agency and the date.
    "penalty_decision": _DECISION,
    # APL 52: the same on the spot, with the officers.
    "simple_decision": _DECISION | {"officers"},
    "no_penalty_decision": _LETTER | {"facts", "evidence", "legal_basis", "reason", "remedy"},
    "correction_order": _LETTER | {"facts", "provision_violated", "order", "remedy"},
    "demolition_order": _LETTER | {"facts", "provision_violated", "order", "remedy"},
    "service_receipt": frozenset(
        {"head.party_name", "r.title", "r.served_on", "r.method", "r.note"}
    ),
    "payment_reminder": _LETTER | {"decision_no", "fine", "outstanding", "due_on", "surcharge"},
    "deferral_decision": _LETTER | {"decision_no", "owed", "manner", "i.due_on", "i.amount"},
    "closing_approval": _HEAD | {"head.case_no", "outcome", "performance", "closed_on"},
    # 行政强制法 35: the deadline, the method, the right to state and defend.
    "demolition_reminder": _LETTER | {"facts", "order_no", "deadline", "until"},
    # 37: party, facts, basis, method and time, remedies, the agency and the date.
    "forced_decision": _LETTER
    | {"head.party_address", "facts", "order_no", "basis", "method", "remedy"},
    # 44: the decision announced and the last period to remove it.
    "forced_announcement": _LETTER | {"facts", "location", "decision_no", "until"},
}
"""What a squad's own template may not leave out (the statute's items): a template without
one of them is refused, never used to print an incomplete document."""
