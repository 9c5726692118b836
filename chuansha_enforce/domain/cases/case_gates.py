"""The gates before a decision (DOMAIN §12): what the program refuses, not just dates.

Each check raises ``DomainError`` naming its article; the service calls them at the moment
of the step, whichever door (window, CLI) the step came through.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Certificate,
    Decision,
    Discussion,
    Extension,
    Hearing,
    StatementKind,
)
from chuansha_enforce.domain.cases.major_case import INDIVIDUAL_KINDS, MajorAssessment
from chuansha_enforce.domain.enums import (
    CONFISCATION_KINDS,
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.text_input import name_key

# APL 63 (2)-(4): the kinds that carry a hearing right of themselves (not the major-case set).
HEARING_KINDS = frozenset(
    {
        PenaltyKind.DOWNGRADE_QUALIFICATION,
        PenaltyKind.REVOKE_LICENCE,
        PenaltyKind.SUSPEND_BUSINESS,
        PenaltyKind.ORDER_CLOSURE,
        PenaltyKind.RESTRICT_PRACTICE,
    }
)


@dataclass(frozen=True, slots=True)
class GateRules:
    """The settings the gates read (defaults: DOMAIN §1, §12)."""

    statement_working_days: int = 3
    hearing_individual_fen: int = 500_000
    hearing_organisation_fen: int = 5_000_000
    hearing_confiscation_fen: int = 5_000_000
    hearing_request_working_days: int = 5
    hearing_notice_working_days: int = 7
    discussion_for_major: bool = True
    discussion_min_participants: int = 3
    extension_first_max_days: int = 30


def hearing_right(
    party_kind: PartyType,
    kinds: frozenset[PenaltyKind],
    *,
    fine_fen: int,
    confiscation_fen: int,
    heavy_marked: bool,
    rules: GateRules,
) -> tuple[str, ...]:
    """Why the proposed penalty carries a hearing right (APL 63), in words; empty if none."""
    individual = party_kind in INDIVIDUAL_KINDS
    limit = rules.hearing_individual_fen if individual else rules.hearing_organisation_fen
    reasons: list[str] = []
    if PenaltyKind.FINE in kinds and fine_fen >= limit:
        reasons.append(f"罚款{format_fen(fine_fen)}元（{format_fen(limit)}元以上）")
    if kinds & CONFISCATION_KINDS and confiscation_fen >= rules.hearing_confiscation_fen:
        reasons.append(f"没收{format_fen(confiscation_fen)}元")
    reasons.extend(k.label for k in sorted(kinds & HEARING_KINDS, key=lambda k: k.severity))
    if heavy_marked:
        reasons.append("其他较重的行政处罚")
    return tuple(reasons)


def notice_hearing_right(
    case: CaseFile, notice: AdvanceNotice, rules: GateRules
) -> tuple[str, ...]:
    return hearing_right(
        case.party.kind,
        notice.proposed_kinds,
        fine_fen=notice.proposed_fine_fen,
        confiscation_fen=notice.proposed_confiscation_fen,
        heavy_marked=notice.heavy_marked,
        rules=rules,
    )


def _required(text: str | None, field: str) -> None:
    if not (text or "").strip():
        raise DomainError("value.required", field)


def check_notice_content(case: CaseFile, notice: AdvanceNotice, rules: GateRules) -> None:
    """The 告知 states the proposed penalty (kinds, amounts), the facts and the basis, and
    the hearing right where APL 63 gives one (APL 44, 63)."""
    if not notice.proposed_kinds:
        raise DomainError("notice.kinds_required", "kinds")
    if notice.proposed_fine_fen < 0 or notice.proposed_confiscation_fen < 0:
        raise DomainError("money.negative", "amount")
    if (PenaltyKind.FINE in notice.proposed_kinds) != (notice.proposed_fine_fen > 0):
        raise DomainError("notice.fine_amount", "amount")
    _required(notice.facts, "facts")
    _required(notice.basis, "legal_basis")
    reasons = notice_hearing_right(case, notice, rules)
    if reasons and not notice.hearing_offered:
        raise DomainError(
            "notice.hearing_right_required", "hearing", {"reasons": "；".join(reasons)}
        )


def statement_until(notice: AdvanceNotice, calendar: WorkCalendar, rules: GateRules) -> dt.date:
    """The last day of the statement period (working days after the notice was served)."""
    return calendar.add_working_days(notice.served_on, rules.statement_working_days).value


def hearing_request_until(
    notice: AdvanceNotice, calendar: WorkCalendar, rules: GateRules
) -> dt.date:
    """The last day the party may ask for a hearing (APL 64 (1))."""
    return calendar.add_working_days(notice.served_on, rules.hearing_request_working_days).value


def check_statement(case: CaseFile, kind: StatementKind, on: dt.date, today: dt.date) -> None:
    if case.decision is not None:
        raise DomainError("case.already_decided", "statement_on", {"case_no": case.case_no})
    if case.notice is None:
        raise DomainError("statement.no_notice", "statement_on")
    if on > today:
        raise DomainError("date.future", "statement_on", {"date": on.isoformat()})
    if on < case.notice.served_on:
        params = {"date": on.isoformat(), "earliest": case.notice.served_on.isoformat(),
                  "what": "告知日期"}  # fmt: skip
        raise DomainError("date.too_early", "statement_on", params)


def check_hearing_gates(
    case: CaseFile,
    hearing: Hearing,
    presiding: Certificate | None,
    calendar: WorkCalendar,
    rules: GateRules,
) -> None:
    """APL 64: the request within its period, notice ≥ 7 working days before the hearing,
    the presiding officer not an investigator (compared by registry identity)."""
    notice = case.notice
    assert notice is not None  # check_hearing refused a hearing without a notice first
    if hearing.requested_on is not None:
        until = hearing_request_until(notice, calendar, rules)
        if hearing.requested_on > until:
            raise DomainError("hearing.request_late", "requested_on",
                              {"date": hearing.requested_on.isoformat(),
                               "until": until.isoformat()})  # fmt: skip
    if hearing.state is HearingState.WAIVED and hearing.waived_on is None:
        raise DomainError("value.required", "waived_on")
    if hearing.state is not HearingState.HELD:
        return
    if hearing.notice_on is None:
        raise DomainError("value.required", "hearing_notice_on")
    assert hearing.held_on is not None  # check_hearing requires it
    earliest = calendar.add_working_days(hearing.notice_on, rules.hearing_notice_working_days)
    if hearing.held_on < earliest.value:
        raise DomainError("hearing.notice_too_short", "hearing_notice_on",
                          {"days": rules.hearing_notice_working_days,
                           "earliest": earliest.value.isoformat()})  # fmt: skip
    if presiding is not None and presiding.officer_id in {
        o.officer_id for o in case.officers if o.officer_id
    }:
        raise DomainError("hearing.presiding_is_investigator", "presiding",
                          {"name": presiding.officer_name})  # fmt: skip
    investigators = {name_key(o.officer_name) for o in case.officers}
    if presiding is None and hearing.presiding and name_key(hearing.presiding) in investigators:
        # not in the registry: only names to compare, as typed without spaces or invisibles
        raise DomainError("hearing.presiding_is_investigator", "presiding",
                          {"name": hearing.presiding})  # fmt: skip


def _heavier(decision: Decision, notice: AdvanceNotice) -> bool:
    """Heavier than the notice proposed (APL 45②): a heavier kind, or more money."""
    proposed = notice.proposed_kinds
    ceiling = max((k.severity for k in proposed if k is not PenaltyKind.OTHER), default=-1)
    return (
        any(
            k not in proposed and (k is PenaltyKind.OTHER or k.severity > ceiling)
            for k in decision.kinds
        )
        or decision.fine_fen > notice.proposed_fine_fen
        or decision.confiscation_fen > notice.proposed_confiscation_fen
    )


def check_decision_gates(
    case: CaseFile,
    decision: Decision,
    *,
    major: MajorAssessment,
    calendar: WorkCalendar,
    rules: GateRules,
) -> None:
    """Every right of DOMAIN §12 that must have run before this decision."""
    if decision.outcome is Outcome.PENALTY:
        _check_notice_rights(case, decision, calendar, rules)
    latest = case.latest_review()  # review binds the proposal it reviewed (DOMAIN §12)
    reviewed = latest.proposal if latest is not None else None
    if major.major and reviewed is not None and reviewed != decision.proposal:
        assert latest is not None
        raise DomainError("decision.review_differs", "decided_on", {"round": latest.round_no})
    needs_discussion = (major.major and rules.discussion_for_major) or bool(case.complex_reason)
    if needs_discussion and not any(d.held_on <= decision.decided_on for d in case.discussions):
        why = "；".join(major.labels) if major.major else f"复杂案件：{case.complex_reason}"
        raise DomainError("decision.discussion_required", "decided_on", {"reasons": why})


def _check_notice_rights(
    case: CaseFile, decision: Decision, calendar: WorkCalendar, rules: GateRules
) -> None:
    notice = case.notice
    if notice is None or notice.served_on > decision.decided_on:
        raise DomainError("decision.without_notice", "decided_on")
    if not notice.proposed_kinds:
        raise DomainError("decision.notice_incomplete", "decided_on")
    recorded = notice.statement_kind is not None or notice.statement_on is not None
    stated = recorded and (
        notice.statement_on is None or notice.statement_on <= decision.decided_on
    )
    until = statement_until(notice, calendar, rules)
    if not stated and decision.decided_on <= until:
        raise DomainError("decision.statement_period", "decided_on", {"until": until.isoformat()})
    if _heavier(decision, notice):
        raise DomainError("decision.heavier_than_notice", "kinds")
    if not notice_hearing_right(case, notice, rules):
        return
    hearing = case.hearing
    if hearing is not None and hearing.state is HearingState.WAIVED:
        return
    if hearing is not None and hearing.state is HearingState.HELD:
        return  # check_decision refuses a decision dated before the hearing
    if hearing is not None and hearing.requested:
        raise DomainError("decision.hearing_pending", "decided_on")
    request_until = hearing_request_until(notice, calendar, rules)
    if decision.decided_on <= request_until:
        raise DomainError("decision.hearing_request_period", "decided_on",
                          {"until": request_until.isoformat()})  # fmt: skip


def check_discussion_gates(discussion: Discussion, rules: GateRules) -> None:
    people = {p.strip() for p in discussion.participants if p.strip()}
    if len(people) < rules.discussion_min_participants:
        raise DomainError("discussion.too_few", "participants",
                          {"min": rules.discussion_min_participants})  # fmt: skip


def check_extension_gates(case: CaseFile, extension: Extension, rules: GateRules) -> None:
    """The first extension within its limit; a further one only after a collective
    discussion held since the last extension (DOMAIN §12)."""
    if not case.extensions:
        if extension.days > rules.extension_first_max_days:
            raise DomainError("extension.first_too_long", "days",
                              {"max": rules.extension_first_max_days})  # fmt: skip
        return
    last = max(e.approved_on for e in case.extensions)
    if not any(last <= d.held_on <= extension.approved_on for d in case.discussions):
        raise DomainError("extension.needs_discussion", "approved_on", {"since": last.isoformat()})


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_limitation(
    violation_on: dt.date | None,
    continuing: bool,
    discovered_on: dt.date,
    five_year_reason: str | None,
) -> None:
    """APL 36: not penalised when undiscovered for 2 years (5 with life, health or financial
    safety and harm), counted from the end of the act; a continuing act has not ended."""
    if violation_on is None or continuing:
        return
    if violation_on > discovered_on:
        raise DomainError("filing.violation_after_discovery", "violation_on")
    if discovered_on <= _years_after(violation_on, 2):
        return
    if not (five_year_reason or "").strip():
        raise DomainError("filing.time_barred", "violation_on",
                          {"date": violation_on.isoformat(), "years": 2})  # fmt: skip
    if discovered_on > _years_after(violation_on, 5):
        raise DomainError("filing.time_barred", "violation_on",
                          {"date": violation_on.isoformat(), "years": 5})  # fmt: skip


def review_superseded(case: CaseFile) -> DomainError | None:
    """Why no step goes on: a correction changed what the latest signed review approved,
    and no new round followed yet (DOMAIN §12: corrections are new rounds)."""
    if not case.needs_new_review:
        return None
    labels = [c.label for c in case.corrections if c.superseded_round == case.superseded_round]
    params = {"case_no": case.case_no, "round": case.superseded_round,
              "label": "、".join(dict.fromkeys(labels))}  # fmt: skip
    return DomainError("review.superseded", "opinion", params)


def check_review_current(case: CaseFile) -> None:
    """Refuse a step while a superseded review waits for its new round."""
    error = review_superseded(case)
    if error is not None:
        raise error
