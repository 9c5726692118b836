"""Every clock of a case as of a date: due dates, met or missed, surcharge and amount due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from chuansha_enforce.domain.case_file import CaseFile
from chuansha_enforce.domain.deadlines import (
    DutyFacts,
    Pause,
    decision_due,
    disclosure_due,
    late_days,
    payment_due,
    service_due,
    surcharge_fen,
)
from chuansha_enforce.domain.enums import Outcome, ServiceMethod
from chuansha_enforce.domain.work_calendar import CalendarResult, CalendarWarning, WorkCalendar

HEARING_REQUEST_WORKING_DAYS = 5  # APL 64
PUBLIC_NOTICE_DAYS = 60  # Shanghai: public-notice service takes effect after 60 days


DUE_SOON_DEFAULT = 3


@dataclass(frozen=True, slots=True)
class ClockRules:
    """The settings the clocks read (defaults are local practice, see Settings)."""

    filing_working_days: int = 7
    statement_working_days: int = 3
    due_soon_working_days: int = DUE_SOON_DEFAULT


class ClockState(StrEnum):
    PENDING = "pending"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Clock:
    name: str
    due: dt.date
    done_on: dt.date | None
    state: ClockState


@dataclass(frozen=True, slots=True)
class CaseClocks:
    clocks: tuple[Clock, ...]
    warnings: tuple[CalendarWarning, ...]
    surcharge_fen: int
    amount_due_fen: int
    days_late: int

    def due_dates(self) -> dict[str, str]:
        return {c.name: c.due.isoformat() for c in self.clocks}

    @property
    def overdue(self) -> bool:
        return any(c.state is ClockState.OVERDUE for c in self.clocks)


def _state(
    due: dt.date,
    done_on: dt.date | None,
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int = DUE_SOON_DEFAULT,
) -> ClockState:
    if done_on is not None and done_on <= as_of:
        return ClockState.MET if done_on <= due else ClockState.MISSED
    if as_of > due:
        return ClockState.OVERDUE
    if calendar.working_days_between(as_of, due) <= due_soon_days:
        return ClockState.DUE_SOON
    return ClockState.PENDING


def effective_service_date(case: CaseFile) -> dt.date | None:
    return _effective_service(case.served_on, case.service_method is ServiceMethod.PUBLIC_NOTICE)


def _effective_service(served_on: dt.date | None, public_notice: bool) -> dt.date | None:
    if served_on is None or not public_notice:
        return served_on
    return served_on + dt.timedelta(days=PUBLIC_NOTICE_DAYS)


@dataclass(frozen=True, slots=True)
class Duty:
    name: str
    due: CalendarResult
    done_on: dt.date | None


def duty_facts(case: CaseFile) -> DutyFacts:
    return DutyFacts(
        filed_on=case.filed_on,
        extension_days=case.extension_days + case.paused_days,
        decided_on=case.decision.decided_on if case.decision else None,
        served_on=case.served_on,
        public_notice=case.service_method is ServiceMethod.PUBLIC_NOTICE,
        money_decided_fen=case.money_decided_fen,
        paid_in_full_on=_paid_in_full_on(case),
        closed=case.closed_on is not None,
    )


def duties(facts: DutyFacts, calendar: WorkCalendar) -> tuple[Duty, ...]:
    """The decision, service and payment deadlines that apply, in that order."""
    found = [
        Duty(
            "decision_due",
            decision_due(facts.filed_on, calendar, facts.extension_days),
            facts.decided_on,
        )
    ]
    if facts.decided_on is not None:
        found.append(Duty("service_due", service_due(facts.decided_on, calendar), facts.served_on))
        served = _effective_service(facts.served_on, facts.public_notice)
        if served is not None and facts.money_decided_fen > 0:
            found.append(Duty("payment_due", payment_due(served, calendar), facts.paid_in_full_on))
    return tuple(found)


def deadline_flag(
    facts: DutyFacts,
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int = DUE_SOON_DEFAULT,
) -> ClockState | None:
    """The flag of an open case on ``as_of``: OVERDUE when a duty's deadline has passed
    undone, else DUE_SOON when one is near; None otherwise and for a closed case.

    The case list's colours, ``case list --overdue`` and the case window's clocks
    (``case_clocks``) all evaluate ``duties`` with ``_state``.
    """
    if facts.closed:
        return None
    states = {
        _state(d.due.value, d.done_on, as_of, calendar, due_soon_days)
        for d in duties(facts, calendar)
    }
    for flag in (ClockState.OVERDUE, ClockState.DUE_SOON):
        if flag in states:
            return flag
    return None


def case_clocks(
    case: CaseFile, as_of: dt.date, calendar: WorkCalendar, rules: ClockRules | None = None
) -> CaseClocks:
    """The clocks that apply to the case's recorded steps, evaluated on ``as_of``."""
    rules = rules or ClockRules()
    clocks: list[Clock] = []
    warnings: list[CalendarWarning] = []

    def add(
        name: str, result: CalendarResult, done_on: dt.date | None, *, tracked: bool = True
    ) -> dt.date:
        """Record a clock. An untracked one is never overdue: either no act is recorded
        for it yet (disclosure), or it is the party's window, not the squad's duty."""
        warnings.extend(result.warnings)
        state = (
            _state(result.value, done_on, as_of, calendar, rules.due_soon_working_days)
            if tracked
            else ClockState.PENDING
        )
        clocks.append(Clock(name, result.value, done_on, state))
        return result.value

    decision = case.decision
    duty = {d.name: d for d in duties(duty_facts(case), calendar)}
    if case.clue_on is not None:
        add("filing_due", calendar.add_working_days(case.clue_on, rules.filing_working_days),
            case.filed_on)  # fmt: skip
    add("decision_due", duty["decision_due"].due, duty["decision_due"].done_on)
    if case.notice is not None and decision is None:
        add("statement_due",
            calendar.add_working_days(case.notice.served_on, rules.statement_working_days),
            case.notice.statement_on, tracked=False)  # fmt: skip
        if case.notice.hearing_offered:
            requested = case.hearing.requested_on if case.hearing else None
            add("hearing_request_due",
                calendar.add_working_days(case.notice.served_on, HEARING_REQUEST_WORKING_DAYS),
                requested, tracked=False)  # fmt: skip
    surcharge = 0
    days = 0
    if decision is not None:
        add("service_due", duty["service_due"].due, duty["service_due"].done_on)
        if decision.outcome is Outcome.PENALTY:
            add("disclosure_due", disclosure_due(decision.decided_on, calendar), None,
                tracked=False)  # fmt: skip
        payment = duty.get("payment_due")
        if payment is not None:
            paid_in_full_on = payment.done_on
            due = add("payment_due", payment.due, paid_in_full_on)
            until = min(as_of, paid_in_full_on) if paid_in_full_on else as_of
            pauses = tuple(Pause(p.start, p.end) for p in case.pauses)
            days = late_days(due, until, pauses)
            surcharge = surcharge_fen(decision.fine_fen, days)
    principal_left = max(case.money_decided_fen - case.paid_fen, 0)
    surcharge_left = max(surcharge - case.surcharge_paid_fen, 0)
    unique = tuple(sorted(set(warnings), key=lambda w: w.year))
    return CaseClocks(tuple(clocks), unique, surcharge, principal_left + surcharge_left, days)


def _paid_in_full_on(case: CaseFile) -> dt.date | None:
    return paid_in_full_on(
        case.money_decided_fen, ((p.paid_on, p.amount_fen) for p in case.payments)
    )


def paid_in_full_on(
    money_decided_fen: int, payments: Iterable[tuple[dt.date, int]]
) -> dt.date | None:
    """The date the decided money was fully paid (principal), if it was."""
    running = 0
    for paid_on, amount_fen in sorted(payments, key=lambda p: p[0]):
        running += amount_fen
        if running >= money_decided_fen:
            return paid_on
    return None
