"""The forced-demolition clocks and their states (DOMAIN §13): one rule for the case window's
clocks, the case list's colours, ``case list --overdue`` and the due list.

Two kinds of clock. The party's periods — the order's deadline (``demolition_deadline``), the
review and lawsuit periods, the 催告's period and the 公告's — are yellow while they end within
the due-soon working days and met once they have run: nothing is late on the squad's side
then. The squad's next steps — the 催告 (``demolition_reminder_from``), the 强制拆除决定
(``forced_decision_from``) and the carrying out (``carry_out_from``) — are the first day each
may come: yellow while it is near (and on the day), overdue once it has passed with the step
unrecorded, met once it is recorded. A pending reconsideration or lawsuit holds every step
(pending, never overdue); an order set aside, a carrying out or the party's own removal ends
every clock (met).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from chuansha_enforce.domain.after_decision.enforcement import (
    NOTHING_TO_ENFORCE,
    case_flag,
    remedies_end,
)
from chuansha_enforce.domain.calendar.deadlines import DutyFacts
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import (
    DUE_SOON_DEFAULT,
    Clock,
    ClockState,
)
from chuansha_enforce.domain.demolition.order_facts import OrderFacts
from chuansha_enforce.domain.disputes.disputes import DisputeRecord

OWED = frozenset({"demolition_reminder_from", "forced_decision_from", "carry_out_from"})
"""The squad's own steps: overdue once their first day has passed unrecorded."""


def _dates(
    facts: OrderFacts, disputes: Sequence[DisputeRecord], calendar: WorkCalendar
) -> dict[str, tuple[dt.date, dt.date | None]]:
    """Each clock's due day and the day its step was recorded, in the sequence's order."""
    steps = facts.steps
    dates: dict[str, tuple[dt.date, dt.date | None]] = {
        "demolition_deadline": (facts.deadline, steps.removed_on)
    }
    end = remedies_end(facts.served_on, disputes, calendar)
    reminded = steps.reminder.served_on if steps.reminder else None
    if end is not None:
        dates["demolition_remedies_until"] = (end.value, None)
        start = max(end.value, facts.deadline) + dt.timedelta(days=1)
        dates["demolition_reminder_from"] = (start, reminded)
    if steps.reminder is not None:
        dates["demolition_reminder_until"] = (steps.reminder.until, None)
        after = steps.reminder.until + dt.timedelta(days=1)
        dates["forced_decision_from"] = (after, steps.decided_on)
    if steps.announcement is not None:
        dates["demolition_announcement_until"] = (steps.announcement.until, None)
        carried = steps.carried_out.on if steps.carried_out else None
        dates["carry_out_from"] = (steps.announcement.until + dt.timedelta(days=1), carried)
    return dates


def forced_state(
    name: str, dates: tuple[dt.date, dt.date | None], as_of: dt.date, calendar: WorkCalendar,
    due_soon_days: int, *, held: bool, ended: bool,
) -> ClockState:  # fmt: skip
    """One clock's state on ``as_of`` (the module's rule); ``dates``: due, and recorded on."""
    due, done_on = dates
    if ended or (done_on is not None and done_on <= as_of):
        return ClockState.MET
    if as_of > due:
        if name not in OWED:
            return ClockState.MET  # the party's period has run
        return ClockState.PENDING if held else ClockState.OVERDUE
    if held:
        return ClockState.PENDING
    if calendar.working_days_between(as_of, due) <= due_soon_days:
        return ClockState.DUE_SOON
    return ClockState.PENDING


def order_clocks(
    facts: OrderFacts, disputes: Sequence[DisputeRecord], as_of: dt.date,
    calendar: WorkCalendar, due_soon_days: int = DUE_SOON_DEFAULT,
) -> tuple[Clock, ...]:  # fmt: skip
    """Every clock of a served order on ``as_of``, in the sequence's order."""
    steps = facts.steps
    ended = (
        steps.ended
        or (steps.removed_on is not None and steps.removed_on <= as_of)
        or any(d.outcome in NOTHING_TO_ENFORCE for d in disputes)
    )
    held = any(d.pending for d in disputes)
    found = []
    for name, dates in _dates(facts, disputes, calendar).items():
        state = forced_state(name, dates, as_of, calendar, due_soon_days, held=held, ended=ended)
        found.append(Clock(name, dates[0], dates[1], state))
    return tuple(found)


def order_flag(
    facts: OrderFacts | None, disputes: Sequence[DisputeRecord], as_of: dt.date,
    calendar: WorkCalendar, due_soon_days: int = DUE_SOON_DEFAULT,
) -> ClockState | None:  # fmt: skip
    """OVERDUE when a clock of the order is, else DUE_SOON when one is; None otherwise."""
    if facts is None:
        return None
    states = {c.state for c in order_clocks(facts, disputes, as_of, calendar, due_soon_days)}
    for flag in (ClockState.OVERDUE, ClockState.DUE_SOON):
        if flag in states:
            return flag
    return None


def list_flag(
    facts: DutyFacts, as_of: dt.date, calendar: WorkCalendar, due_soon_days: int
) -> ClockState | None:
    """A case's flag in the list and in ``case list --overdue``: the decision's, service's
    and payment's duties (``case_flag``) and the order's clocks, the worse of the two."""
    if facts.closed:
        return None
    flags = {
        case_flag(facts, as_of, calendar, due_soon_days),
        order_flag(facts.order, facts.disputes, as_of, calendar, due_soon_days),
    }
    for flag in (ClockState.OVERDUE, ClockState.DUE_SOON):
        if flag in flags:
            return flag
    return None
