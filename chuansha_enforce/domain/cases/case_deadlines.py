"""Every clock of a case as of a date: due dates, met or missed, surcharge and amount due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from chuansha_enforce.domain.after_decision.enforcement_steps import InstalmentPlan
from chuansha_enforce.domain.after_decision.publication import withdrawal_due
from chuansha_enforce.domain.calendar.deadlines import (
    DutyFacts,
    Pause,
    decision_due,
    disclosure_due,
    late_days,
    payment_due,
    service_due,
    surcharge_fen,
)
from chuansha_enforce.domain.calendar.work_calendar import (
    CalendarResult,
    CalendarWarning,
    WorkCalendar,
)
from chuansha_enforce.domain.demolition.order_facts import order_facts
from chuansha_enforce.domain.enums import Outcome, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.disclosure import is_minor

if TYPE_CHECKING:  # annotations only: the case list's flags do not load the case file model
    from chuansha_enforce.domain.cases.case_file import CaseFile, Decision

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
    UNRECORDED = "unrecorded"  # history imported without the act's date: never late


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


def state_on(
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
    return effective_service(case.served_on, case.service_method is ServiceMethod.PUBLIC_NOTICE)


def effective_service(served_on: dt.date | None, public_notice: bool) -> dt.date | None:
    if served_on is None or not public_notice:
        return served_on
    return served_on + dt.timedelta(days=PUBLIC_NOTICE_DAYS)


@dataclass(frozen=True, slots=True)
class Duty:
    name: str
    due: CalendarResult
    done_on: dt.date | None


def duty_facts(case: CaseFile) -> DutyFacts:
    plan = case.instalment_plan
    return DutyFacts(
        plan=plan,
        payments=() if plan is None else tuple((p.paid_on, p.amount_fen) for p in case.payments),
        reminder_on=case.reminder.served_on if case.reminder else None,
        applied_on=case.court.applied_on if case.court else None,
        filed_on=case.filed_on,
        extension_days=case.extension_days + case.paused_days,
        decided_on=case.decision.decided_on if case.decision else None,
        served_on=case.served_on,
        public_notice=case.service_method is ServiceMethod.PUBLIC_NOTICE,
        money_decided_fen=case.money_decided_fen,
        paid_in_full_on=_paid_in_full_on(case),
        closed=case.closed_on is not None,
        order=order_facts(
            case.decision.demolition_deadline if case.decision else None,
            effective_service_date(case),
            case.forced,
        ),
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
        served = effective_service(facts.served_on, facts.public_notice)
        if served is not None and facts.money_decided_fen > 0 and facts.plan is not None:
            states = instalment_states(facts.plan, facts.money_decided_fen, facts.payments, ())
            current = plan_payment_due(states)
            found.append(Duty("payment_due", CalendarResult(current.due_on), current.paid_on))
        elif served is not None and facts.money_decided_fen > 0:
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
        state_on(d.due.value, d.done_on, as_of, calendar, due_soon_days)
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
        name: str,
        result: CalendarResult,
        done_on: dt.date | None,
        *,
        tracked: bool = True,
        unrecorded: bool = False,
    ) -> dt.date:
        """Record a clock. An untracked one is never overdue: it is the party's window, not
        the squad's duty; an unrecorded one is history imported without the act's date."""
        warnings.extend(result.warnings)
        state = (
            ClockState.UNRECORDED
            if unrecorded
            else state_on(result.value, done_on, as_of, calendar, rules.due_soon_working_days)
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
        publication_clocks(case, add, calendar)
        payment = duty.get("payment_due")
        if payment is not None:
            paid_in_full_on = payment.done_on
            due = add("payment_due", payment.due, paid_in_full_on)
            until = min(as_of, paid_in_full_on) if paid_in_full_on else as_of
            pauses = tuple(Pause(p.start, p.end) for p in case.pauses)
            if case.instalment_plan is None:
                days = late_days(due, until, pauses)
                surcharge = surcharge_fen(decision.fine_fen, days)
            else:  # each instalment earns its own surcharge, never above the fine in all
                states = case_instalments(case, as_of)
                days = max(s.days_late for s in states)
                surcharge = min(sum(s.surcharge_fen for s in states), decision.fine_fen)
    principal_left = max(case.money_decided_fen - case.paid_fen, 0)
    surcharge_left = max(surcharge - case.surcharge_paid_fen, 0)
    unique = tuple(sorted(set(warnings), key=lambda w: w.year))
    return CaseClocks(tuple(clocks), unique, surcharge, principal_left + surcharge_left, days)


@dataclass(frozen=True, slots=True)
class InstalmentState:
    """One instalment as of a date: paid in full on ``paid_on`` (None while owed), its late
    days and its 加处罚款 (the one surcharge rule, ``deadlines.surcharge_fen``)."""

    due_on: dt.date
    amount_fen: int
    paid_on: dt.date | None
    days_late: int
    surcharge_fen: int


def instalment_states(
    plan: InstalmentPlan,
    money_decided_fen: int,
    payments: Iterable[tuple[dt.date, int]],
    pauses: tuple[Pause, ...],
    as_of: dt.date | None = None,
) -> tuple[InstalmentState, ...]:
    """Each instalment of ``plan`` (APL 66②) in due order. Payments settle the money owed
    before the plan first (what the plan does not cover), then the instalments in turn."""
    paid = [(day, fen) for day, fen in payments if as_of is None or day <= as_of]
    running = money_decided_fen - plan.total_fen
    states = []
    for item in sorted(plan.instalments, key=lambda i: i.due_on):
        running += item.amount_fen
        paid_on = paid_in_full_on(running, paid)
        until = paid_on or as_of or item.due_on
        days = late_days(item.due_on, until, pauses)
        states.append(
            InstalmentState(item.due_on, item.amount_fen, paid_on, days,
                            surcharge_fen(item.amount_fen, days))
        )  # fmt: skip
    return tuple(states)


def case_instalments(case: CaseFile, as_of: dt.date) -> tuple[InstalmentState, ...]:
    """The instalments of the case's approved plan as of ``as_of`` (none without a plan);
    the surcharge pauses (APL 73) count for each."""
    plan = case.instalment_plan
    if plan is None:
        return ()
    pauses = tuple(Pause(p.start, p.end) for p in case.pauses)
    paid = ((p.paid_on, p.amount_fen) for p in case.payments)
    return instalment_states(plan, case.money_decided_fen, paid, pauses, as_of)


def plan_payment_due(states: tuple[InstalmentState, ...]) -> InstalmentState:
    """The instalment the party owes next (the last one once all are paid)."""
    return next((s for s in states if s.paid_on is None), states[-1])


class AddClock(Protocol):
    def __call__(
        self,
        name: str,
        result: CalendarResult,
        done_on: dt.date | None,
        *,
        tracked: bool = True,
        unrecorded: bool = False,
    ) -> dt.date: ...


def publication_required(case: CaseFile) -> bool:
    """A penalty decision that is published (not a warning alone, not a minor's: §8)."""
    return case.decision is not None and publication_required_for(case.decision, case.party)


def publication_required_for(decision: Decision, party: PartyRecord) -> bool:
    """The same for a decision and its party (the ledger import asks before any case exists)."""
    if decision.outcome is not Outcome.PENALTY or not decision.kinds:
        return False
    warning_only = decision.kinds <= {PenaltyKind.WARNING}
    return not (warning_only or is_minor(party, decision.decided_on))


def publication_clocks(case: CaseFile, add: AddClock, calendar: WorkCalendar) -> None:
    """公示 within 7 working days of the decision (late when missed, unless the decision is
    unrecorded history, ``domain.publication``); once a published decision is revoked, changed
    or declared unlawful, its withdrawal within 3 working days (APL 48②). A decision set
    aside before it was published is not published at all."""
    if case.decision is None or not publication_required(case):
        return
    publication = case.publication
    set_aside = publication.set_aside
    if publication.published_on is None and set_aside is not None:
        return
    add("disclosure_due", disclosure_due(case.decision.decided_on, calendar),
        publication.published_on, unrecorded=not publication.tracked)  # fmt: skip
    if set_aside is not None:
        add("publication_withdrawal_due", withdrawal_due(set_aside.on, calendar),
            publication.withdrawn_on)  # fmt: skip


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
