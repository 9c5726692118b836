"""A corrected record, checked by the rules it met when first entered.

``corrected_case`` returns the case as it would stand with one field changed; the check
functions re-run the entry rules of the step that field belongs to (filing, party, notice,
decision, service, payment, closing) on the case without that step, and then the order of
the steps recorded after it, so a correction can never make a record the program would have
refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar, cast

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases import case_gates, case_rules
from chuansha_enforce.domain.cases.case_file import AdvanceNotice, CaseFile, Decision
from chuansha_enforce.domain.cases.case_gates import GateRules
from chuansha_enforce.domain.cases.major_case import MajorAssessment
from chuansha_enforce.domain.corrections.corrections import FieldSpec, Value
from chuansha_enforce.domain.enums import (
    CONFISCATION_KINDS,
    CertificateStatus,
    Outcome,
    PenaltyKind,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import OfficerRecord, SimpleDecisionRecord

T = TypeVar("T")


def _with(record: T, name: str, value: object) -> T:
    """``record`` with one field set (the value typed by the field's kind, ``parse_value``)."""
    changes: dict[str, Any] = {name: value}
    return dataclasses.replace(record, **changes)  # type: ignore[type-var]


DECISION_FIELDS = frozenset({"decision_no", "decided_on", "kinds", "fine", "confiscation"})
PARTY_FIELDS = frozenset({"party_name", "party_kind", "id_number", "address"})
NOTICE_FIELDS = frozenset({"notice_on", "facts"})


def case_value(case: CaseFile, spec: FieldSpec, payment: int) -> Value:
    """The field's current value (``payment``: index into ``case.payments``)."""
    key = spec.key
    if spec.payment:
        paid = case.payments[payment]
        return cast(Value, getattr(paid, {"amount": "amount_fen"}.get(key, key)))
    if key in PARTY_FIELDS:
        party = case.party
        return {"party_name": party.name, "party_kind": party.kind, "id_number": party.id_number,
                "address": party.address}[key]  # fmt: skip
    if key in NOTICE_FIELDS:
        notice = case.notice
        return None if notice is None else notice.served_on if key == "notice_on" else notice.facts
    if key in DECISION_FIELDS:
        d = case.decision
        if d is None:
            return None
        return {"decision_no": d.decision_no, "decided_on": d.decided_on, "kinds": d.kinds,
                "fine": d.fine_fen, "confiscation": d.confiscation_fen}[key]  # fmt: skip
    return cast(Value, getattr(case, key))


def _missing(case: CaseFile, spec: FieldSpec, payment: int) -> None:
    """A step that was never recorded is recorded as a step, not corrected."""
    absent = (
        (spec.key in NOTICE_FIELDS and case.notice is None)
        or (spec.key in DECISION_FIELDS and case.decision is None)
        or (spec.key == "served_on" and case.served_on is None)
        or (spec.key == "closed_on" and case.closed_on is None)
    )
    if absent:
        raise DomainError("correction.no_step", spec.key, {"label": spec.label})
    if spec.payment and not 0 <= payment < len(case.payments):
        count = len(case.payments)
        raise DomainError("correction.no_payment", "payment", {"n": payment + 1, "count": count})


def payment_index(case: CaseFile, spec: FieldSpec, payment: int | None) -> int:
    """Where in ``case.payments`` payment number ``payment`` is (counted from 1; ``None``
    the last); 0 for a field that is not a payment's. Number 0 is no payment (index -1,
    refused by ``corrected_case``), never taken for "not given"."""
    if not spec.payment:
        return 0
    return (len(case.payments) if payment is None else payment) - 1


def corrected_case(case: CaseFile, spec: FieldSpec, value: Value, payment: int) -> CaseFile:
    """The case with one field set to ``value`` (parsed by ``parse_value`` for ``spec``)."""
    _missing(case, spec, payment)
    key = spec.key
    if spec.payment:
        paid = case.payments[payment]
        what = {"amount": "amount_fen"}.get(key, key)
        changed = _with(paid, what, value)
        payments = list(case.payments)
        payments[payment] = changed
        return dataclasses.replace(case, payments=tuple(payments))
    if key in PARTY_FIELDS:
        names = {"party_name": "name", "party_kind": "kind"}
        return dataclasses.replace(case, party=_with(case.party, names.get(key, key), value))
    if key in NOTICE_FIELDS:
        assert case.notice is not None
        what = "served_on" if key == "notice_on" else "facts"
        return dataclasses.replace(case, notice=_with(case.notice, what, value))
    if key in DECISION_FIELDS:
        assert case.decision is not None
        what = {"fine": "fine_fen", "confiscation": "confiscation_fen"}.get(key, key)
        decision = _with(case.decision, what, value)
        if key == "kinds":  # a kind taken out takes its amount with it
            kinds = decision.kinds
            decision = dataclasses.replace(
                decision,
                fine_fen=decision.fine_fen if PenaltyKind.FINE in kinds else 0,
                confiscation_fen=decision.confiscation_fen if kinds & CONFISCATION_KINDS else 0,
            )
        return dataclasses.replace(case, decision=decision)
    return _with(case, key, value)


def _after(day: dt.date | None, earliest: dt.date, field: str, what: str) -> None:
    if day is not None:
        case_rules.not_before(day, earliest, field, what)


def check_case_correction(
    case: CaseFile,
    spec: FieldSpec,
    *,
    today: dt.date,
    decision_no_holder: str | None,
    major: MajorAssessment,
    calendar: WorkCalendar,
    rules: GateRules,
    payment: int = 0,
) -> CaseFile:
    """Check the corrected ``case`` by the entry rules of ``spec``'s step; returns it cleaned."""
    key = spec.key
    if key in ("cause", "violation", "legal_basis", "location"):
        return case
    if key == "filed_on":
        case_rules.check_filing(case_no=case.case_no, case_no_taken=False, cause=case.cause,
                                filed_on=case.filed_on, clue_on=case.clue_on,
                                officers=case.officers, today=today)  # fmt: skip
        discovered = case.clue_on or case.filed_on
        case_gates.check_limitation(
            case.violation_on, case.violation_continuing, discovered, case.five_year_reason
        )
        _after(
            case.notice.served_on if case.notice else None, case.filed_on, "notice_on", "立案日期"
        )
        decided = case.decision.decided_on if case.decision else None
        _after(decided, case.filed_on, "decided_on", "立案日期")
        return case
    if key in PARTY_FIELDS:
        return dataclasses.replace(case, party=case_rules.check_party(case.party, today))
    if key in NOTICE_FIELDS:
        notice = cast(AdvanceNotice, case.notice)
        case_rules.check_notice(dataclasses.replace(case, decision=None), notice, today)
        case_gates.check_notice_content(case, notice, rules)
        _after(case.decision.decided_on if case.decision else None, notice.served_on,
               "decided_on", "告知日期")  # fmt: skip
        return case
    if key in DECISION_FIELDS:
        _check_decision(case, today=today, holder=decision_no_holder, major=major,
                        calendar=calendar, rules=rules)  # fmt: skip
        return case
    if key == "served_on":
        served = cast(dt.date, case.served_on)
        unserved = dataclasses.replace(case, served_on=None)
        case_rules.check_service(unserved, served, today)
        for paid in case.payments:
            _after(paid.paid_on, served, "paid_on", "送达日期")
        _after(case.closed_on, served, "closed_on", "送达日期")
        return case
    if key == "closed_on":
        closed = cast(dt.date, case.closed_on)
        outstanding = max(case.money_decided_fen - case.paid_fen, 0)
        open_case = dataclasses.replace(case, closed_on=None)
        case_rules.check_closing(open_case, closed, case.close_reason, outstanding, today)
        return case
    others = case.payments[:payment] + case.payments[payment + 1 :]
    case_rules.check_payment(
        dataclasses.replace(case, payments=others), case.payments[payment], today
    )
    return case


def _check_decision(
    case: CaseFile,
    *,
    today: dt.date,
    holder: str | None,
    major: MajorAssessment,
    calendar: WorkCalendar,
    rules: GateRules,
) -> None:
    decision = cast(Decision, case.decision)
    undecided = dataclasses.replace(case, decision=None, served_on=None, payments=(),
                                    closed_on=None)  # fmt: skip
    case_rules.check_decision(undecided, decision, decision_no_holder=holder, major=major,
                              today=today)  # fmt: skip
    # The review binds what it approved: a changed decision supersedes it instead of being
    # refused (the case then needs a new round; ``case_gates.check_review_current``).
    case_gates.check_decision_gates(dataclasses.replace(undecided, reviews=()), decision,
                                    major=major, calendar=calendar, rules=rules)  # fmt: skip
    _after(case.served_on, decision.decided_on, "served_on", "决定日期")
    _after(case.closed_on, decision.decided_on, "closed_on", "决定日期")
    due = case.money_decided_fen
    if case.paid_fen > due:
        params = {"paid": format_fen(case.paid_fen), "due": format_fen(due)}
        raise DomainError("correction.paid_more", "amount", params)
    if decision.outcome is not Outcome.PENALTY and case.payments:
        raise DomainError("correction.paid_more", "amount", {"paid": format_fen(case.paid_fen),
                                                              "due": "0.00"})  # fmt: skip


# -- simple decisions and officers: whole records, checked as on entry -------------------
def simple_value(record: SimpleDecisionRecord, spec: FieldSpec) -> Value:
    party = record.party
    values: dict[str, Value] = {
        "decision_no": record.decision_no, "party_name": party.name, "party_kind": party.kind,
        "id_number": party.id_number, "address": party.address, "cause": record.cause,
        "violation": record.violation, "location": record.location,
        "legal_basis": record.legal_basis, "decided_on": record.decided_on,
        "kinds": record.penalty_kind, "fine": record.fine_fen, "paid_on": record.paid_on,
        "notes": record.notes,
    }  # fmt: skip
    return values[spec.key]


def corrected_simple(
    record: SimpleDecisionRecord, spec: FieldSpec, value: Value
) -> SimpleDecisionRecord:
    key = spec.key
    if key in PARTY_FIELDS:
        names = {"party_name": "name", "party_kind": "kind"}
        return dataclasses.replace(record, party=_with(record.party, names.get(key, key), value))
    what = {"kinds": "penalty_kind", "fine": "fine_fen"}.get(key, key)
    changed = _with(record, what, value)
    if key == "kinds" and value is PenaltyKind.WARNING:
        changed = dataclasses.replace(changed, fine_fen=0, paid_on=None, collected_on_spot=False)
    return changed


def officer_value(record: OfficerRecord, spec: FieldSpec) -> Value:
    what = {"officer_name": "name"}.get(spec.key, spec.key)
    return cast(Value, getattr(record, what))


def corrected_officer(record: OfficerRecord, spec: FieldSpec, value: Value) -> OfficerRecord:
    """The certificate with one field changed. 注销 is recorded by its date: a 注销日期 marks
    the certificate 注销, clearing it makes it 有效; 状态 sets 有效 or 暂扣."""
    if spec.key == "cancelled_on":
        status = CertificateStatus.CANCELLED if value is not None else CertificateStatus.VALID
        return dataclasses.replace(_with(record, "cancelled_on", value), status=status)
    if spec.key == "status":
        if value is CertificateStatus.CANCELLED:
            raise DomainError("correction.cancel_by_date", "status")
        return dataclasses.replace(_with(record, "status", value), cancelled_on=None)
    what = {"officer_name": "name"}.get(spec.key, spec.key)
    return _with(record, what, value)


def check_officer(officer: OfficerRecord, today: dt.date) -> OfficerRecord:
    """An officer's certificate as the registry accepts it (registering or correcting)."""
    name = officer.name.strip()
    number = officer.certificate_no.strip()
    if not name:
        raise DomainError("value.required", "officer_name")
    if not number:
        raise DomainError("value.required", "certificate_no")
    if officer.issued_on > today:
        raise DomainError("date.future", "issued_on", {"date": officer.issued_on.isoformat()})
    if officer.expires_on is not None and officer.expires_on < officer.issued_on:
        raise DomainError("officer.expires_before_issue", "expires_on")
    cancelled = officer.status is CertificateStatus.CANCELLED
    if cancelled != (officer.cancelled_on is not None):
        raise DomainError("officer.cancellation_date", "cancelled_on")
    if officer.cancelled_on is not None:
        if officer.cancelled_on < officer.issued_on:
            raise DomainError("officer.cancelled_before_issue", "cancelled_on")
        if officer.cancelled_on > today:
            params = {"date": officer.cancelled_on.isoformat()}
            raise DomainError("date.future", "cancelled_on", params)
    return OfficerRecord(
        name, number, officer.issued_on, officer.expires_on, officer.status, officer.cancelled_on
    )


def amounts_cleared(before: CaseFile, after: CaseFile) -> list[tuple[str, int, int]]:
    """The decision's amounts a change of kinds set to 0: (label, before, after) in fen."""
    old, new = before.decision, after.decision
    if old is None or new is None:
        return []
    pairs = (("罚款金额", old.fine_fen, new.fine_fen),
             ("没收金额", old.confiscation_fen, new.confiscation_fen))  # fmt: skip
    return [(label, a, b) for label, a, b in pairs if a != b]
