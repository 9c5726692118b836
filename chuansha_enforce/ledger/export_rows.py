"""Records to ledger rows, in the header order of LEDGER_FORMAT (what ``export ledger`` writes)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from chuansha_enforce.domain.calendar.deadlines import DECISION_CALENDAR_DAYS
from chuansha_enforce.domain.cases.case_file import StatementKind
from chuansha_enforce.domain.enums import (
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.records import ExportCase, ExportSimple, OfficerRecord
from chuansha_enforce.ledger.discretion_cells import discretion_row_cells, service_cell
from chuansha_enforce.ledger.forced_cells import forced_row_cells


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _yuan(fen: int) -> Decimal | None:
    return (Decimal(fen) / 100).quantize(Decimal("0.01")) if fen else None


def _officers(pairs: Iterable[tuple[str, str]]) -> str:
    # Always with the certificate number, so two officers of one name stay apart.
    return "、".join(f"{name}({number})" for name, number in pairs)


def officer_rows(officers: Iterable[OfficerRecord]) -> Iterator[Sequence[object]]:
    for o in officers:
        yield [o.name, o.certificate_no, o.issued_on, o.expires_on, o.status.label, o.cancelled_on]


def _kinds(case: ExportCase) -> str | None:
    if case.outcome is None:
        return None
    if case.outcome != Outcome.PENALTY.value:
        return Outcome(case.outcome).label
    ordered = sorted((PenaltyKind(k) for k in case.kinds), key=lambda k: k.severity)
    return "、".join(k.label for k in ordered)


def _gate_cells(c: ExportCase) -> list[object]:
    """违法行为发生日期 to 延长期限至 (DOMAIN §12). 延长期限至 is the deadline the approved
    extensions and the paused days give: imported back, it gives the same decision clock."""
    proposed = sorted((PenaltyKind(k) for k in c.proposed_kinds), key=lambda k: k.severity)
    filed = _date(c.filed_on)
    extended = (
        filed + dt.timedelta(days=DECISION_CALENDAR_DAYS + c.extended_days)
        if filed is not None and c.extended_days > 0
        else None
    )
    return [
        _date(c.violation_on),
        _date(c.clue_on),
        _date(c.notice_on),
        "、".join(k.label for k in proposed) or None,
        _yuan(c.proposed_fine_fen),
        StatementKind(c.statement).label if c.statement else None,
        _date(c.hearing_on),
        c.presiding,
        _date(c.discussed_on),
        extended,
    ]


def general_case_rows(cases: Iterable[ExportCase]) -> Iterator[Sequence[object]]:
    for c in cases:
        hearing = HearingState(c.hearing)
        yield [
            c.case_no,
            c.decision_no,
            c.cause,
            c.violation,
            c.legal_basis,
            PartyType(c.party_kind).label,
            c.party_name,
            c.id_number,
            c.location,
            _officers(c.officers),
            _date(c.filed_on),
            hearing.label if hearing is not HearingState.NONE else None,
            None,  # 重大案件: left empty so the importing program classifies the case itself
            c.reviewer,
            _date(c.reviewed_on),
            ReviewOpinion(c.opinion).label if c.opinion else None,
            _date(c.decided_on),
            _kinds(c),
            NoPenaltyReason(c.no_penalty_reason).label if c.no_penalty_reason else None,
            _yuan(c.fine_fen),
            _yuan(c.confiscation_fen),
            _date(c.served_on),
            _date(c.paid_on),
            _yuan(c.paid_fen),
            _date(c.closed_on),
            *_gate_cells(c),
            *discretion_row_cells(c.circumstance, c.deviation, c.deviation_reason),
            c.party_address,
            c.legal_representative,
            service_cell(c.service_method),
            _date(c.published_on),
            "是" if c.demolition_deadline else None,
            _date(c.demolition_deadline),
            *forced_row_cells(c.forced),
            c.notes,
        ]


def simple_decision_rows(decisions: Iterable[ExportSimple]) -> Iterator[Sequence[object]]:
    for d in decisions:
        yield [
            d.decision_no,
            PartyType(d.party_kind).label,
            d.party_name,
            d.id_number,
            d.cause,
            d.violation,
            d.location,
            _officers(d.officers),
            _date(d.decided_on),
            PenaltyKind(d.penalty_kind).label,
            _yuan(d.fine_fen),
            d.legal_basis,
            "是" if d.collected_on_spot else None,
            _date(d.paid_on),
            _yuan(d.surcharge_fen) if d.surcharge_fen else None,
            d.receipt_no,
            _date(d.cash_to_agency_on),
            _date(d.cash_to_bank_on),
            _date(d.filed_with_agency_on),
            d.notes,
        ]
