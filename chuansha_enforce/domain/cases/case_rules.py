"""The rules each recorded step of a general-procedure case must obey (DOMAIN §1).

Every check raises ``DomainError`` with a catalogue code and the field it concerns; the
services call these before writing anything, so a refused step changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from chuansha_enforce.domain.accounts.identity import validate_party_id
from chuansha_enforce.domain.cases.major_case import MajorAssessment
from chuansha_enforce.domain.demolition.order_rules import carries_order, check_order_content
from chuansha_enforce.domain.enums import (
    CONFISCATION_KINDS,
    CertificateStatus,
    HearingState,
    Outcome,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.domain.text_input import name_key

if TYPE_CHECKING:  # annotations only: the case list's flags do not load the case file model
    from chuansha_enforce.domain.cases.case_file import (
        AdvanceNotice,
        CaseFile,
        Certificate,
        Decision,
        Discussion,
        Extension,
        Hearing,
        ReviewRound,
        SurchargePause,
    )

MIN_OFFICERS = 2  # APL 42


def not_future(day: dt.date, today: dt.date, field: str) -> None:
    if day > today:
        raise DomainError("date.future", field, {"date": day.isoformat()})


def not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    if day < earliest:
        params = {"date": day.isoformat(), "earliest": earliest.isoformat(), "what": what}
        raise DomainError("date.too_early", field, params)


def _required(text: str | None, field: str) -> str:
    value = (text or "").strip()
    if not value:
        raise DomainError("value.required", field)
    return value


def check_officers(officers: Sequence[Certificate], day: dt.date, field: str = "officers") -> None:
    """At least two distinct officers, each with a certificate valid on ``day``."""
    distinct = {o.id: o for o in officers}
    if len(distinct) < MIN_OFFICERS:
        raise DomainError("officers.too_few", field, {"min": MIN_OFFICERS})
    for officer in distinct.values():
        if not officer.valid_on(day):
            raise DomainError(
                "officers.invalid_on",
                field,
                {"name": officer.officer_name, "certificate_no": officer.certificate_no,
                 "date": day.isoformat()},
            )  # fmt: skip


def officers_valid_days(officers: Sequence[Certificate]) -> tuple[dt.date, dt.date | None] | None:
    """The first and last day (``None``: no last) of the span in which ``check_officers``
    passes for ``officers``: every certificate issued, none expired, cancelled or suspended
    (``Certificate.valid_on``). ``None`` when it passes on no day for a reason no date
    changes: too few distinct officers, or one suspended. A first day after the last means
    no such day."""
    distinct = list({o.id: o for o in officers}.values())
    if len(distinct) < MIN_OFFICERS or any(
        o.status is CertificateStatus.SUSPENDED for o in distinct
    ):
        return None
    ends = [o.expires_on for o in distinct if o.expires_on is not None]
    ends += [o.cancelled_on - dt.timedelta(days=1) for o in distinct if o.cancelled_on is not None]
    return max(o.issued_on for o in distinct), min(ends, default=None)


def check_party(party: PartyRecord, today: dt.date) -> PartyRecord:
    """The party's name is required; an ID number, when given, must be valid for its kind."""
    name = _required(party.name, "party_name")
    id_number = None
    if party.id_number and party.id_number.strip():
        id_number = validate_party_id(party.kind, party.id_number, "id_number", today=today)
    return PartyRecord(
        party.kind,
        name,
        id_number,
        (party.address or "").strip() or None,
        (party.legal_representative or "").strip() or None,
    )


def check_filing(
    *,
    case_no: str,
    case_no_taken: bool,
    cause: str,
    filed_on: dt.date,
    clue_on: dt.date | None,
    officers: Sequence[Certificate],
    today: dt.date,
) -> None:
    number = _required(case_no, "case_no")
    if case_no_taken:
        raise DomainError("case.case_no_taken", "case_no", {"case_no": number})
    _required(cause, "cause")
    not_future(filed_on, today, "filed_on")
    if clue_on is not None:
        not_future(clue_on, today, "clue_on")
        if clue_on > filed_on:
            raise DomainError("case.clue_after_filing", "clue_on", {"date": clue_on.isoformat()})
    check_officers(officers, filed_on)


def _undecided(case: CaseFile) -> None:
    if case.decision is not None:
        raise DomainError("case.already_decided", "decided_on", {"case_no": case.case_no})


def check_notice(case: CaseFile, notice: AdvanceNotice, today: dt.date) -> None:
    _undecided(case)
    not_future(notice.served_on, today, "notice_on")
    not_before(notice.served_on, case.filed_on, "notice_on", "立案日期")
    if notice.statement_on is not None:
        not_before(notice.statement_on, notice.served_on, "statement_on", "告知日期")
        not_future(notice.statement_on, today, "statement_on")


def check_hearing(case: CaseFile, hearing: Hearing, today: dt.date) -> None:
    _undecided(case)
    if case.notice is None or not case.notice.hearing_offered:
        raise DomainError("hearing.not_offered", "hearing")
    for field, day in (("requested_on", hearing.requested_on), ("notice_on", hearing.notice_on),
                       ("held_on", hearing.held_on)):  # fmt: skip
        if day is not None:
            not_future(day, today, field)
            not_before(day, case.notice.served_on, field, "告知日期")
    if hearing.state is HearingState.HELD:
        if hearing.held_on is None:
            raise DomainError("value.required", "held_on")
        _required(hearing.presiding, "presiding")  # identity: case_gates.check_hearing_gates
        if hearing.notice_on is not None and hearing.notice_on > hearing.held_on:
            raise DomainError("hearing.notice_after_hearing", "notice_on")


def check_reviewer(
    reviewer: str, officers: Sequence[Certificate], presiding: str | None = None
) -> None:
    """The reviewer is never a handling officer of the case nor its hearing's presiding officer
    (names compared by :func:`name_key`: a zero-width space or a full-width letter is no
    other person)."""
    key = name_key(reviewer)
    if key in {name_key(o.officer_name) for o in officers}:
        raise DomainError("review.reviewer_is_officer", "reviewer", {"name": reviewer})
    if presiding is not None and name_key(presiding) == key:
        raise DomainError("review.reviewer_presided", "reviewer", {"name": reviewer})


def check_review_gate(
    major: MajorAssessment,
    latest: ReviewRound | None,
    decided_on: dt.date,
    field: str = "decided_on",
) -> None:
    """APL 58: a major case is decided only after the latest review round agreed."""
    if not major.major:
        return
    agreed = (
        latest is not None
        and latest.opinion is ReviewOpinion.AGREE
        and latest.reviewed_on <= decided_on
    )
    if not agreed:
        raise DomainError("decision.review_required", field, {"reasons": "；".join(major.labels)})


def check_review(case: CaseFile, review: ReviewRound, today: dt.date) -> None:
    reviewer = _required(review.reviewer, "reviewer")
    check_reviewer(reviewer, case.officers, case.hearing.presiding if case.hearing else None)
    not_future(review.reviewed_on, today, "reviewed_on")
    not_before(review.reviewed_on, case.filed_on, "reviewed_on", "立案日期")
    reopened = case.needs_new_review or case.awaiting_forced_decision
    if case.decision is not None and not review.imported and not reopened:
        raise DomainError("case.already_decided", "reviewed_on", {"case_no": case.case_no})


def check_discussion(case: CaseFile, discussion: Discussion, today: dt.date) -> None:
    if not case.awaiting_forced_decision:  # a 强制拆除决定 is discussed after the 催告
        _undecided(case)
    _required(discussion.minutes, "minutes")
    not_future(discussion.held_on, today, "held_on")
    not_before(discussion.held_on, case.filed_on, "held_on", "立案日期")


def check_extension(case: CaseFile, extension: Extension, today: dt.date) -> None:
    _undecided(case)
    _required(extension.approved_by, "approved_by")
    _required(extension.reason, "reason")
    if not 1 <= extension.days <= 365:
        raise DomainError("extension.days", "days", {"max": 365})
    not_future(extension.approved_on, today, "approved_on")
    not_before(extension.approved_on, case.filed_on, "approved_on", "立案日期")


def check_decision_content(decision: Decision) -> None:
    """What the decision itself must say, whatever the case's history."""
    kinds = decision.kinds
    if decision.fine_fen < 0 or decision.confiscation_fen < 0:
        raise DomainError("money.negative", "fine")
    check_order_content(decision)
    if decision.outcome is Outcome.PENALTY:
        if not kinds:
            raise DomainError("decision.kinds_required", "kinds")
        if decision.no_penalty_reason is not None:
            raise DomainError("decision.reason_with_penalty", "no_penalty_reason")
        if PenaltyKind.FINE in kinds and decision.fine_fen <= 0:
            raise DomainError("decision.fine_required", "fine")
        if PenaltyKind.FINE not in kinds and decision.fine_fen > 0:
            raise DomainError("decision.fine_without_kind", "fine")
        if decision.confiscation_fen > 0 and not kinds & CONFISCATION_KINDS:
            raise DomainError("decision.confiscation_without_kind", "confiscation")
        _required(decision.decision_no, "decision_no")
        return
    if kinds or decision.fine_fen or decision.confiscation_fen or decision.reduced_penalty:
        raise DomainError("decision.outcome_has_penalty", "kinds",
                          {"outcome": decision.outcome.label})  # fmt: skip
    if decision.outcome is Outcome.NO_PENALTY:
        if decision.no_penalty_reason is None:
            raise DomainError("decision.no_penalty_reason_required", "no_penalty_reason")
        _required(decision.decision_no, "decision_no")
    elif decision.outcome is Outcome.ORDER_ONLY:
        if decision.no_penalty_reason is not None:
            raise DomainError("decision.reason_with_penalty", "no_penalty_reason")
        _required(decision.decision_no, "decision_no")
    elif decision.no_penalty_reason is not None:
        raise DomainError("decision.reason_with_penalty", "no_penalty_reason")


def check_decision(
    case: CaseFile,
    decision: Decision,
    *,
    decision_no_holder: str | None,
    major: MajorAssessment,
    today: dt.date,
) -> None:
    _undecided(case)
    check_decision_content(decision)
    if decision_no_holder is not None:
        params = {"decision_no": decision.decision_no, "holder": decision_no_holder}
        raise DomainError("decision.number_taken", "decision_no", params)
    not_future(decision.decided_on, today, "decided_on")
    not_before(decision.decided_on, case.filed_on, "decided_on", "立案日期")
    if carries_order(decision):
        # APL 62: no penalty (nor demolition order, DOMAIN §13) without the advance notice.
        if case.notice is None or case.notice.served_on > decision.decided_on:
            raise DomainError("decision.without_notice", "decided_on")
        if case.hearing_state is HearingState.HELD:
            held = case.hearing.held_on if case.hearing else None
            if held is not None and held > decision.decided_on:
                raise DomainError("decision.before_hearing", "decided_on")
        check_officers(case.officers, decision.decided_on)
    check_review_gate(major, case.latest_review(), decision.decided_on)


def check_service(case: CaseFile, served_on: dt.date, today: dt.date) -> None:
    if case.decision is None:
        raise DomainError("case.not_decided", "served_on", {"case_no": case.case_no})
    if case.served_on is not None:
        raise DomainError("case.already_served", "served_on", {"date": case.served_on.isoformat()})
    not_future(served_on, today, "served_on")
    not_before(served_on, case.decision.decided_on, "served_on", "决定日期")


def check_payment(case: CaseFile, payment: PaymentRecord, today: dt.date) -> None:
    due = case.money_decided_fen
    if due <= 0 or case.decision is None:
        raise DomainError("payment.nothing_due", "amount", {"case_no": case.case_no})
    if case.served_on is None:
        raise DomainError("payment.before_service", "paid_on")
    not_future(payment.paid_on, today, "paid_on")
    not_before(payment.paid_on, case.served_on, "paid_on", "送达日期")
    if payment.amount_fen <= 0 and payment.surcharge_fen <= 0:
        raise DomainError("payment.amount_required", "amount")
    if payment.amount_fen < 0 or payment.surcharge_fen < 0:
        raise DomainError("money.negative", "amount")
    if case.paid_fen + payment.amount_fen > due:
        raise DomainError("payment.over_paid", "amount", {"left": format_fen(due - case.paid_fen)})
    if case.surcharge_paid_fen + payment.surcharge_fen > case.decision.fine_fen:
        left = case.decision.fine_fen - case.surcharge_paid_fen
        raise DomainError("payment.surcharge_too_high", "surcharge", {"max": format_fen(left)})
    _required(payment.channel, "channel")


def check_pause(case: CaseFile, pause: SurchargePause, today: dt.date) -> None:
    if case.decision is None:
        raise DomainError("case.not_decided", "pause_start", {"case_no": case.case_no})
    not_before(pause.start, case.decision.decided_on, "pause_start", "决定日期")
    not_before(pause.end, pause.start, "pause_end", "开始日期")
    not_future(pause.start, today, "pause_start")


def check_closing(
    case: CaseFile, closed_on: dt.date, reason: str | None, outstanding_fen: int, today: dt.date
) -> None:
    if case.closed_on is not None:
        raise DomainError("case.already_closed", "closed_on", {"date": case.closed_on.isoformat()})
    if case.decision is None:
        raise DomainError("case.close_undecided", "closed_on", {"case_no": case.case_no})
    not_future(closed_on, today, "closed_on")
    not_before(closed_on, case.decision.decided_on, "closed_on", "决定日期")
    if case.decision.outcome in (Outcome.PENALTY, Outcome.NO_PENALTY, Outcome.ORDER_ONLY):
        if case.served_on is None:
            raise DomainError("case.close_unserved", "closed_on")
        not_before(closed_on, case.served_on, "closed_on", "送达日期")
