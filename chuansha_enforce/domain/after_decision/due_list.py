"""The clerk's due list: everything due within the next N working days, or overdue.

A case's due items come from its clocks (``case_deadlines.case_clocks``): every clock whose
name is a ``DueKind`` and whose state is overdue, or pending with its day inside the horizon.
Adding a kind is the extension point: a new clock (催告 ``reminder_due``, ``court_application_by``,
the cash hand-over, 备案 ...) computed in ``case_clocks`` and named here as a ``DueKind`` member
appears on the list, the window's due screen and ``case list --due`` without further code.
Items that are not clocks of a general case (a simple decision's hand-over or 备案) are
``DueItem`` values too; the due-list service merges every source and sorts them once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from chuansha_enforce.domain.calendar.work_calendar import (
    CalendarResult,
    CalendarWarning,
    WorkCalendar,
)
from chuansha_enforce.domain.cases.case_deadlines import Clock, ClockState
from chuansha_enforce.domain.enums import LabelledEnum

DUE_DAYS_DEFAULT = 5  # working days ahead the list looks by default
DUE_DAYS_MAX = 250


class DueKind(LabelledEnum):
    """What is due; the code is the name of the clock it comes from."""

    DECISION = "decision_due", "作出决定"
    SERVICE = "service_due", "送达决定书"
    PAYMENT = "payment_due", "缴纳罚没款"
    PUBLICATION = "disclosure_due", "公示决定"
    WITHDRAWAL = "publication_withdrawal_due", "撤回公示"
    REMINDER = "reminder_due", "催告"
    COURT = "court_application_by", "申请法院强制执行"
    CASH_TO_AGENCY = "cash_to_agency_due", "当场收缴罚款交回机关"
    CASH_TO_BANK = "cash_to_bank_due", "当场收缴罚款存入银行"
    FILING = "agency_filing_due", "简易程序决定备案"
    DEMOLITION_DEADLINE = "demolition_deadline", "拆除期限届满"
    DEMOLITION_REMINDER = "demolition_reminder_from", "催告拆除"
    FORCED_DECISION = "forced_decision_from", "作出强制拆除决定"
    CARRY_OUT = "carry_out_from", "实施强制拆除"


_OPEN = frozenset({ClockState.OVERDUE, ClockState.DUE_SOON, ClockState.PENDING})


@dataclass(frozen=True, slots=True)
class DueItem:
    """One thing due: what, for which case or decision, by when, and whether it is late."""

    reference: str  # the case number (or a simple decision's number)
    party: str
    kind: DueKind
    due: dt.date
    overdue: bool
    working_days_left: int  # working days from the as-of day to the due day; negative when late


@dataclass(frozen=True, slots=True)
class DueList:
    """Everything due by ``until`` (``days`` working days after ``as_of``) or overdue."""

    as_of: dt.date
    days: int
    until: dt.date
    items: tuple[DueItem, ...]
    warnings: tuple[CalendarWarning, ...] = ()  # years counted Mon–Fri (DOMAIN §2)


def horizon_end(as_of: dt.date, days: int, calendar: WorkCalendar) -> CalendarResult:
    """The last day the list looks at: ``days`` working days after ``as_of``."""
    return calendar.add_working_days(as_of, days)


def due_items(
    reference: str,
    party: str,
    clocks: Iterable[Clock],
    *,
    as_of: dt.date,
    until: dt.date,
    calendar: WorkCalendar,
) -> Iterator[DueItem]:
    """The items of one case: its listed clocks that are overdue, or open and due by ``until``."""
    kinds = {k.value: k for k in DueKind}
    for clock in clocks:
        kind = kinds.get(clock.name)
        if kind is None or clock.state not in _OPEN:
            continue
        overdue = clock.state is ClockState.OVERDUE
        if not overdue and clock.due > until:
            continue
        left = calendar.working_days_between(as_of, clock.due)
        yield DueItem(reference, party, kind, clock.due, overdue, left)


def due_item_json(item: DueItem) -> dict[str, object]:
    """One item as ``case list --due --json`` prints it."""
    return {
        "reference": item.reference,
        "party": item.party,
        "kind": item.kind.value,
        "kind_label": item.kind.label,
        "due": item.due.isoformat(),
        "overdue": item.overdue,
        "working_days_left": item.working_days_left,
    }


def sorted_items(items: Iterable[DueItem]) -> list[DueItem]:
    """By due day (the longest overdue first), then kind, then reference."""
    order = list(DueKind)
    return sorted(items, key=lambda i: (i.due, order.index(i.kind), i.reference))
