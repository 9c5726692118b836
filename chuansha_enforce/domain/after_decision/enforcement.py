"""After the decision (DOMAIN §14): instalments, the 催告 and the court's enforcement window.

- An approved postponement or instalment plan (APL 66②) gives the money still owed new due
  dates; each instalment paid late earns its own 加处罚款 by the one surcharge rule
  (``deadlines.surcharge_fen``), paused like the whole fine's (APL 73).
- Unpaid after a due date: a 催告书 (行政强制法 35, 54), due from the day after the first missed
  due date (``reminder_due``).
- ``court_application_from``: the later of 10 working days after the 催告 was served (行政强制法
  54) and the end of the periods for review and lawsuit: 60 days and 6 months after service;
  after a reconsideration decision 15 days for a lawsuit (行政诉讼法 45); after a lawsuit its
  judgment in force (the disputes register, ``domain.disputes``).
- ``court_application_by``: 3 months after the later of the end of those periods and the end of
  an approved plan (行政强制法 53; APL 72②).

Months are counted to the corresponding day of the month (the month's last day when it has
none; 民法典 202), and a period whose last day is a rest day ends on the next working day.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    Instalment,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.calendar.deadlines import DutyFacts, payment_due
from chuansha_enforce.domain.calendar.work_calendar import (
    CalendarResult,
    CalendarWarning,
    WorkCalendar,
)
from chuansha_enforce.domain.cases.case_deadlines import (
    Clock,
    ClockState,
    deadline_flag,
    duty_facts,
    effective_service,
    effective_service_date,
    instalment_states,
    paid_in_full_on,
    state_on,
)
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.disputes.disputes import (
    FINAL_WITHOUT_APPEAL,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
    appeal_until,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.money import format_fen, parse_yuan

if TYPE_CHECKING:  # annotations only: the case list's flags do not load the case file model
    from chuansha_enforce.domain.cases.case_file import CaseFile

REMINDER_WORKING_DAYS = 10  # 行政强制法 54: apply 10 days after the 催告 was served
RECONSIDERATION_DAYS = 60  # 行政复议法 20: apply for reconsideration within 60 days
LAWSUIT_MONTHS = 6  # 行政诉讼法 46: sue within 6 months
LAWSUIT_AFTER_RECONSIDERATION_DAYS = 15  # 行政诉讼法 45
COURT_APPLICATION_MONTHS = 3  # 行政强制法 53
RULING_TEXT_LIMIT = 200
ENDED_WITHOUT_DECISION = frozenset(
    {DisputeOutcome.WITHDRAWN, DisputeOutcome.TERMINATED, DisputeOutcome.MEDIATED,
     DisputeOutcome.SETTLED}
)  # fmt: skip
"""A reconsideration ended so leaves the party the lawsuit period counted from service."""
NOTHING_TO_ENFORCE = frozenset({DisputeOutcome.REVOKED, DisputeOutcome.CONFIRMED_VOID})
"""A decision revoked or void has nothing left for a court to enforce."""


def months_after(start: dt.date, months: int, calendar: WorkCalendar) -> CalendarResult:
    """The day ``months`` months after ``start`` (its last day when the month is shorter),
    moved to the next working day when it is a rest day."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, month_calendar.monthrange(year, month)[1])
    return calendar.add_calendar_days(dt.date(year, month, day), 0)


def _later(*results: CalendarResult) -> CalendarResult:
    """The latest of ``results``, carrying every warning raised on the way."""
    warnings = tuple(sorted({w for r in results for w in r.warnings}, key=lambda w: w.year))
    return CalendarResult(max(r.value for r in results), warnings)


# -- instalments ------------------------------------------------------------------------
def parse_plan(text: str) -> tuple[Instalment, ...]:
    """``2026-12-01:500,2027-01-01:500`` (commas or lines between instalments): each new due
    date and the amount in 元, as the CLI and the window take them."""
    parts = [p.strip() for p in text.replace("，", ",").replace("\n", ",").split(",")]
    items = []
    for number, part in enumerate((p for p in parts if p), start=1):
        day, colon, amount = part.replace("：", ":").partition(":")
        if not colon or not amount.strip():
            raise DomainError("enforcement.plan_item", "plan", {"n": str(number), "value": part})
        try:
            due = iso_day(day)
        except ValueError:
            raise DomainError("date.invalid", "plan", {"value": day.strip()}) from None
        items.append(Instalment(due, parse_yuan(amount.strip(), "plan")))
    return tuple(items)


def check_plan(
    case: CaseFile, plan: InstalmentPlan, today: dt.date, calendar: WorkCalendar
) -> None:
    """An approved plan: after service and before the payment period ends, new due dates in
    order after the approval, amounts that add up to the money still owed."""
    served = _owing(case, "approved_on")
    if case.instalment_plan is not None:
        params = {"date": case.instalment_plan.approved_on.isoformat()}
        raise DomainError("enforcement.plan_exists", "approved_on", params)
    not_future(plan.approved_on, today, "approved_on")
    not_before(plan.approved_on, served, "approved_on", "送达日期")
    due = payment_due(served, calendar).value
    if plan.approved_on > due:
        raise DomainError("enforcement.plan_after_due", "approved_on", {"due": due.isoformat()})
    if not plan.instalments:
        raise DomainError("value.required", "plan")
    previous = plan.approved_on
    for number, item in enumerate(plan.instalments, start=1):
        if item.amount_fen <= 0:
            raise DomainError("enforcement.plan_amount", "plan", {"n": number})
        if item.due_on <= previous:
            params = {
                "n": str(number),
                "date": item.due_on.isoformat(),
                "after": previous.isoformat(),
            }
            raise DomainError("enforcement.plan_order", "plan", params)
        previous = item.due_on
    owed = case.money_decided_fen - case.paid_fen
    if plan.total_fen != owed:
        params = {"total": format_fen(plan.total_fen), "owed": format_fen(owed)}
        raise DomainError("enforcement.plan_total", "plan", params)


def _owing(case: CaseFile, field: str) -> dt.date:
    """The service date of a case whose decided money is owed (refused otherwise)."""
    if case.decision is None or case.money_decided_fen <= 0:
        raise DomainError("payment.nothing_due", field, {"case_no": case.case_no})
    if case.closed_on is not None:
        raise DomainError("case.already_closed", field, {"date": case.closed_on.isoformat()})
    served = effective_service_date(case)
    if served is None:
        raise DomainError("payment.before_service", field)
    return served


# -- missed due dates and the 催告 ----------------------------------------------------------
def due_dates(
    case: CaseFile, calendar: WorkCalendar, as_of: dt.date
) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """(due date, paid in full on) for the decision's payment, or each instalment of an
    approved plan (which replaces it)."""
    served = effective_service_date(case)
    if served is None or case.money_decided_fen <= 0:
        return ()
    payments = [(p.paid_on, p.amount_fen) for p in case.payments if p.paid_on <= as_of]
    plan = case.instalment_plan
    if plan is None:
        due = payment_due(served, calendar).value
        return ((due, paid_in_full_on(case.money_decided_fen, payments)),)
    states = instalment_states(plan, case.money_decided_fen, payments, (), as_of)
    return tuple((s.due_on, s.paid_on) for s in states)


def first_missed_due(case: CaseFile, calendar: WorkCalendar, as_of: dt.date) -> dt.date | None:
    """The first due date passed by ``as_of`` without its money paid in full by then."""
    for due, paid_on in due_dates(case, calendar, as_of):
        if due < as_of and (paid_on is None or paid_on > due):
            return due
    return None


def reminder_due(case: CaseFile, calendar: WorkCalendar, as_of: dt.date) -> dt.date | None:
    """The day a 催告 becomes due: the day after the first missed due date."""
    missed = first_missed_due(case, calendar, as_of)
    return None if missed is None else missed + dt.timedelta(days=1)


def check_reminder(
    case: CaseFile, reminder: PaymentReminder, today: dt.date, calendar: WorkCalendar
) -> None:
    _owing(case, "served_on")
    if case.reminder is not None:
        params = {"date": case.reminder.served_on.isoformat()}
        raise DomainError("enforcement.reminder_exists", "served_on", params)
    not_future(reminder.served_on, today, "served_on")
    due = reminder_due(case, calendar, reminder.served_on)
    if due is None or case.money_decided_fen - case.paid_fen <= 0:
        raise DomainError("enforcement.reminder_not_due", "served_on")
    not_before(reminder.served_on, due, "served_on", "缴款期限届满次日")
    if reminder.until <= reminder.served_on:
        params = {"date": reminder.until.isoformat(), "served": reminder.served_on.isoformat()}
        raise DomainError("enforcement.reminder_until", "until", params)


# -- the court's window -------------------------------------------------------------------
def _in_force(record: DisputeRecord, calendar: WorkCalendar) -> CalendarResult:
    """The day a concluded dispute stops the party going further: a reconsideration decision
    leaves 15 days to sue; a first-instance judgment or ruling its appeal period."""
    assert record.outcome_on is not None
    if record.kind is DisputeKind.RECONSIDERATION:
        return calendar.add_calendar_days(record.outcome_on, LAWSUIT_AFTER_RECONSIDERATION_DAYS)
    if record.instance is Instance.FIRST and record.outcome not in FINAL_WITHOUT_APPEAL:
        until = appeal_until(record, calendar)
        if until is not None:
            return until
    return CalendarResult(record.outcome_on)


def remedies_end(
    served: dt.date, disputes: Sequence[DisputeRecord], calendar: WorkCalendar
) -> CalendarResult | None:
    """The end of the periods for review and lawsuit; None while a dispute is pending."""
    if any(d.pending for d in disputes):
        return None
    base = _later(
        calendar.add_calendar_days(served, RECONSIDERATION_DAYS),
        months_after(served, LAWSUIT_MONTHS, calendar),
    )
    lawsuits = [d for d in disputes if d.kind is DisputeKind.LITIGATION]
    if lawsuits:
        return _later(*(_in_force(d, calendar) for d in lawsuits))
    ends = [_in_force(d, calendar) for d in disputes]
    if any(d.outcome in ENDED_WITHOUT_DECISION for d in disputes):
        ends.append(base)  # no decision to sue against: the lawsuit period from service
    return _later(*ends) if ends else base


@dataclass(frozen=True, slots=True)
class CourtWindow:
    """When the squad may and must apply to the court (None while a dispute is pending;
    ``opens`` also until a 催告 is served)."""

    opens: CalendarResult | None
    closes: CalendarResult | None


def court_window(facts: DutyFacts, calendar: WorkCalendar) -> CourtWindow | None:
    """The window of a case whose decided money was served on the party (None otherwise).
    The case window reads its facts from the whole file and the disputes register, the case
    list from its page's rows: both through here."""
    served = effective_service(facts.served_on, facts.public_notice)
    if served is None or facts.money_decided_fen <= 0:
        return None
    if any(d.outcome in NOTHING_TO_ENFORCE for d in facts.disputes):
        return None
    end = remedies_end(served, facts.disputes, calendar)
    if end is None:
        return CourtWindow(None, None)
    opens = None
    if facts.reminder_on is not None:
        after = calendar.add_working_days(facts.reminder_on, REMINDER_WORKING_DAYS)
        opens = _later(after, end)
    start = end
    if facts.plan is not None:
        start = _later(end, CalendarResult(facts.plan.ends_on))
    closes = months_after(start.value, COURT_APPLICATION_MONTHS, calendar)
    return CourtWindow(opens, _later(closes, CalendarResult(closes.value, start.warnings)))


def court_flag(
    facts: DutyFacts, as_of: dt.date, calendar: WorkCalendar, due_soon_days: int
) -> ClockState | None:
    """The case list's colour for the court's window of an open case: OVERDUE once it closed
    with money owed and no application, DUE_SOON while it is closing; None otherwise."""
    owed = facts.paid_in_full_on is None or facts.paid_in_full_on > as_of
    if facts.closed or not owed or facts.applied_on is not None:
        return None
    window = court_window(facts, calendar)
    if window is None or window.closes is None:
        return None
    state = state_on(window.closes.value, None, as_of, calendar, due_soon_days)
    return state if state in (ClockState.OVERDUE, ClockState.DUE_SOON) else None


def case_flag(
    facts: DutyFacts, as_of: dt.date, calendar: WorkCalendar, due_soon_days: int
) -> ClockState | None:
    """A case's flag in the list (``deadline_flag``), the court's window taking over from the
    missed payment once the 催告 is served: yellow while the window is closing, red once it
    closed without an application."""
    if facts.reminder_on is None or facts.reminder_on > as_of:
        return deadline_flag(facts, as_of, calendar, due_soon_days)
    others = deadline_flag(replace(facts, money_decided_fen=0), as_of, calendar, due_soon_days)
    court = court_flag(facts, as_of, calendar, due_soon_days)
    for flag in (ClockState.OVERDUE, ClockState.DUE_SOON):
        if flag in (others, court):
            return flag
    return None


def check_court_application(
    case: CaseFile,
    application: CourtApplication,
    today: dt.date,
    window: CourtWindow | None,
) -> None:
    _owing(case, "applied_on")
    if case.court is not None:
        params = {"date": case.court.applied_on.isoformat()}
        raise DomainError("enforcement.applied_already", "applied_on", params)
    if case.reminder is None:
        raise DomainError("enforcement.no_reminder", "applied_on")
    if case.money_decided_fen - case.paid_fen <= 0:
        raise DomainError("enforcement.paid_in_full", "applied_on")
    not_future(application.applied_on, today, "applied_on")
    if window is None or window.opens is None:
        raise DomainError("enforcement.dispute_pending", "applied_on")
    opens = window.opens.value
    if application.applied_on < opens:
        params = {"date": application.applied_on.isoformat(), "opens": opens.isoformat()}
        raise DomainError("enforcement.apply_too_early", "applied_on", params)


def check_court_ruling(case: CaseFile, ruling_on: dt.date, ruling: str, today: dt.date) -> str:
    """The ruling's text as stored (trimmed, required, at most 200 characters)."""
    if case.court is None:
        raise DomainError("enforcement.not_applied", "ruling_on")
    if case.court.ruling_on is not None:
        params = {"date": case.court.ruling_on.isoformat()}
        raise DomainError("enforcement.ruled_already", "ruling_on", params)
    not_future(ruling_on, today, "ruling_on")
    not_before(ruling_on, case.court.applied_on, "ruling_on", "申请日期")
    text = ruling.strip()
    if not text:
        raise DomainError("value.required", "ruling")
    if len(text) > RULING_TEXT_LIMIT:
        raise DomainError("value.too_long", "ruling", {"max": RULING_TEXT_LIMIT})
    return text


# -- the clocks ---------------------------------------------------------------------------
def enforcement_clocks(
    case: CaseFile,
    disputes: Sequence[DisputeRecord],
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int,
) -> tuple[tuple[Clock, ...], tuple[CalendarWarning, ...]]:
    """``reminder_due``, ``court_application_from`` and ``court_application_by`` where they
    apply: once a due date was missed with money still owed on ``as_of``, or a 催告 or an
    application is recorded. A step recorded after ``as_of`` is not done yet on it."""
    facts = duty_facts(case)
    owed = facts.paid_in_full_on is None or facts.paid_in_full_on > as_of

    def done(day: dt.date | None) -> dt.date | None:
        return day if day is not None and day <= as_of else None

    reminded = done(case.reminder.served_on if case.reminder else None)
    applied = done(case.court.applied_on if case.court else None)
    due = reminder_due(case, calendar, as_of)
    if (due is None or not owed) and reminded is None:
        return (), ()
    clocks: list[Clock] = []
    warnings: list[CalendarWarning] = []
    if due is not None:
        state = ClockState.MET if reminded else state_on(due, None, as_of, calendar, due_soon_days)
        clocks.append(Clock("reminder_due", due, reminded, state))
    window = court_window(replace(facts, disputes=tuple(disputes)), calendar)
    window = window or CourtWindow(None, None)
    if window.opens is not None:
        warnings.extend(window.opens.warnings)
        clocks.append(Clock("court_application_from", window.opens.value, applied,
                            ClockState.MET if applied else ClockState.PENDING))  # fmt: skip
    if window.closes is not None and (owed or applied):
        warnings.extend(window.closes.warnings)
        by = window.closes.value
        clocks.append(Clock("court_application_by", by, applied,
                            state_on(by, applied, as_of, calendar, due_soon_days)))  # fmt: skip
    return tuple(clocks), tuple(warnings)
