"""The statutory clocks of a penalty case (DOMAIN §1–§2), as pure functions.

Periods of 2, 3, 5 and 7 days are working days (APL 85); 15- and 90-day periods are
calendar days whose last day moves off a rest day. Every result carries the calendar's
warnings, so a date computed with the Mon–Fri fallback is always marked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from chuansha_enforce.domain.after_decision.enforcement_steps import InstalmentPlan
from chuansha_enforce.domain.calendar.work_calendar import CalendarResult, WorkCalendar
from chuansha_enforce.domain.money import ROUNDING

if TYPE_CHECKING:  # the disputes' rules read the case clocks, which read these facts
    from chuansha_enforce.domain.demolition.order_facts import OrderFacts
    from chuansha_enforce.domain.disputes.disputes import DisputeRecord

DECISION_CALENDAR_DAYS = 90  # APL 60: decide within 90 days of filing
SERVICE_WORKING_DAYS = 7  # APL 61: serve within 7 working days of the decision
PAYMENT_CALENDAR_DAYS = 15  # APL 67: pay within 15 days of receiving the decision
DISCLOSURE_WORKING_DAYS = 7  # 三项制度: publish within 7 working days
PRESERVATION_WORKING_DAYS = 7  # APL 56: decide on preserved evidence within 7 working days
HEARING_REQUEST_WORKING_DAYS = 5  # APL 64: ask for a hearing within 5 working days
HEARING_NOTICE_WORKING_DAYS = 7  # APL 64: notice at least 7 working days before
CASH_HANDOVER_WORKING_DAYS = 2  # APL 71: officer → agency, and agency → bank, 2 working days each
SURCHARGE_RATE = Decimal("0.03")  # APL 72: 3 % of the fine per day, never above the fine


@dataclass(frozen=True, slots=True)
class Pause:
    """A period (both ends inclusive) during which the surcharge does not run (APL 73)."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class DutyFacts:
    """The recorded facts the squad's own deadlines run from: deciding (after approved
    extensions), serving the decision, and the party paying the decided money in full.

    The case window reads them from the whole file (``case_deadlines.duty_facts``), the case
    list from its row, extensions and payments: both decide a case's state the same way.
    """

    filed_on: dt.date
    extension_days: int = 0
    """Approved extensions plus the paused days (DOMAIN §12): both push the deadline."""
    decided_on: dt.date | None = None
    served_on: dt.date | None = None
    public_notice: bool = False
    money_decided_fen: int = 0
    paid_in_full_on: dt.date | None = None
    closed: bool = False
    plan: InstalmentPlan | None = None  # approved instalments replace the payment's due date
    payments: tuple[tuple[dt.date, int], ...] = ()  # (paid on, principal), with a plan
    reminder_on: dt.date | None = None  # 催告书 served (DOMAIN §14)
    applied_on: dt.date | None = None  # 申请法院强制执行
    disputes: tuple[DisputeRecord, ...] = ()  # about the case: the review and lawsuit periods
    order: OrderFacts | None = None  # a served 责令限期拆除 order (``forced_clocks``)


def decision_due(
    filed_on: dt.date, calendar: WorkCalendar, extension_days: int = 0
) -> CalendarResult:
    """Last day for the decision: 90 calendar days after filing, plus approved extensions."""
    return calendar.add_calendar_days(filed_on, DECISION_CALENDAR_DAYS + extension_days)


def service_due(decided_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    return calendar.add_working_days(decided_on, SERVICE_WORKING_DAYS)


def disclosure_due(decided_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    return calendar.add_working_days(decided_on, DISCLOSURE_WORKING_DAYS)


def payment_due(served_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    """Last day to pay: 15 days after the party received the decision."""
    return calendar.add_calendar_days(served_on, PAYMENT_CALENDAR_DAYS)


def cash_to_agency_due(collected_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    return calendar.add_working_days(collected_on, CASH_HANDOVER_WORKING_DAYS)


def cash_to_bank_due(received_by_agency_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    return calendar.add_working_days(received_by_agency_on, CASH_HANDOVER_WORKING_DAYS)


def late_days(due: dt.date, as_of: dt.date, pauses: tuple[Pause, ...] = ()) -> int:
    """Days after ``due`` up to and including ``as_of`` that are not in a pause."""
    if as_of <= due:
        return 0
    days = (as_of - due).days
    counted_until = due  # overlapping pauses (a dispute and a manual pause) count once
    for pause in sorted(pauses, key=lambda p: p.start):
        first = max(pause.start, counted_until + dt.timedelta(days=1))
        last = min(pause.end, as_of)
        if last >= first:
            days -= (last - first).days + 1
            counted_until = last
    return max(days, 0)


def surcharge_fen(fine_fen: int, days_late: int) -> int:
    """加处罚款: 3 % of the fine per late day, capped at the fine (reached on day 34)."""
    if fine_fen <= 0 or days_late <= 0:
        return 0
    raw = (Decimal(fine_fen) * SURCHARGE_RATE * days_late).quantize(Decimal(1), ROUNDING)
    return min(int(raw), fine_fen)
