"""Simple-procedure decisions (简易程序, APL 51–53, 68–71): limits and on-the-spot collection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.cases.case_rules import (
    check_officers,
    check_party,
    not_before,
    not_future,
)
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import check_after_decision

ON_THE_SPOT_LIMIT_FEN = 10_000  # APL 68: at most 100 元, unless hard to collect later


@dataclass(frozen=True, slots=True)
class SimpleLimits:
    """APL 51 ceilings in fen; whether a 个体工商户 counts as a citizen is a setting."""

    citizen_fen: int = 20_000  # 200 元
    organisation_fen: int = 300_000  # 3,000 元
    individual_business_as_citizen: bool = True

    def limit_for(self, kind: PartyType) -> int:
        if kind is PartyType.NATURAL_PERSON:
            return self.citizen_fen
        if kind is PartyType.INDIVIDUAL_BUSINESS and self.individual_business_as_citizen:
            return self.citizen_fen
        return self.organisation_fen


def check_simple_decision(
    decision: SimpleDecisionRecord,
    *,
    number_holder: str | None,
    officers: list[Certificate],
    limits: SimpleLimits,
    today: dt.date,
) -> SimpleDecisionRecord:
    """Check a simple decision and return it cleaned (trimmed text, normalised ID)."""
    number = decision.decision_no.strip()
    if not number:
        raise DomainError("value.required", "decision_no")
    if number_holder is not None:
        params = {"decision_no": number, "holder": number_holder}
        raise DomainError("decision.number_taken", "decision_no", params)
    party = check_party(decision.party, today)
    cause = decision.cause.strip()
    if not cause:
        raise DomainError("value.required", "cause")
    not_future(decision.decided_on, today, "decided_on")
    check_officers(officers, decision.decided_on)
    if decision.penalty_kind not in (PenaltyKind.WARNING, PenaltyKind.FINE):
        raise DomainError("simple.kind", "kinds")
    if decision.penalty_kind is PenaltyKind.WARNING and decision.fine_fen:
        raise DomainError("decision.fine_without_kind", "fine")
    if decision.penalty_kind is PenaltyKind.FINE:
        if decision.fine_fen <= 0:
            raise DomainError("decision.fine_required", "fine")
        limit = limits.limit_for(party.kind)
        if decision.fine_fen > limit:
            params = {"limit": format_fen(limit), "party_kind": party.kind.label}
            raise DomainError("simple.fine_over_limit", "fine", params)
    reason = (decision.on_spot_reason or "").strip() or None
    paid_on = decision.paid_on
    if decision.collected_on_spot:
        if decision.penalty_kind is not PenaltyKind.FINE:
            raise DomainError("simple.on_spot_without_fine", "collected_on_spot")
        if decision.fine_fen > ON_THE_SPOT_LIMIT_FEN and reason is None:
            raise DomainError("simple.on_spot_not_allowed", "collected_on_spot")
        paid_on = paid_on or decision.decided_on
        if paid_on != decision.decided_on:
            raise DomainError("simple.on_spot_date", "paid_on")
    if paid_on is not None:
        if decision.penalty_kind is not PenaltyKind.FINE:
            raise DomainError("payment.nothing_due", "paid_on", {"case_no": number})
        not_before(paid_on, decision.decided_on, "paid_on", "决定日期")
        not_future(paid_on, today, "paid_on")
    clean = SimpleDecisionRecord(
        decision_no=number,
        party=party,
        cause=cause,
        officer_certificates=tuple(o.certificate_no for o in officers),
        decided_on=decision.decided_on,
        penalty_kind=decision.penalty_kind,
        violation=(decision.violation or "").strip() or None,
        location=(decision.location or "").strip() or None,
        fine_fen=decision.fine_fen,
        collected_on_spot=decision.collected_on_spot,
        on_spot_reason=reason,
        paid_on=paid_on,
        notes=(decision.notes or "").strip() or None,
        legal_basis=(decision.legal_basis or "").strip() or None,
        surcharge_fen=decision.surcharge_fen,
        receipt_no=(decision.receipt_no or "").strip() or None,
        cash_to_agency_on=decision.cash_to_agency_on,
        cash_to_bank_on=decision.cash_to_bank_on,
        filed_with_agency_on=decision.filed_with_agency_on,
    )
    check_after_decision(clean, today)
    return clean
