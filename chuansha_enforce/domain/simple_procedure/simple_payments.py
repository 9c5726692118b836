"""After a simple-procedure decision (DOMAIN §1, §14): payment, cash hand-over and 备案.

- A fine not collected on the spot is due 15 days after the decision (the party receives it on
  the spot, APL 67) and earns the general procedure's 加处罚款 when paid late (APL 72).
- Cash collected on the spot reaches the agency within 2 working days and the bank within 2
  more, counted from the day the agency received it (APL 71); the receipt (票据号) is recorded.
- The decision is filed with the agency (备案, APL 52③) within a set number of working days
  (setting ``simple_filing_working_days``; no statutory figure).

Every clock is a ``case_deadlines.Clock`` judged by the case window's one rule (met, missed,
overdue, due soon), so the simple views flag lateness as the case list does.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from chuansha_enforce.domain.calendar.deadlines import (
    Pause,
    cash_to_agency_due,
    cash_to_bank_due,
    late_days,
    payment_due,
    surcharge_fen,
)
from chuansha_enforce.domain.calendar.work_calendar import (
    CalendarResult,
    CalendarWarning,
    WorkCalendar,
)
from chuansha_enforce.domain.cases.case_deadlines import (
    DUE_SOON_DEFAULT,
    CaseClocks,
    Clock,
    ClockState,
    state_on,
)
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.enums import PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import SimpleDecisionRecord

SIMPLE_FILING_DEFAULT = 3  # Settings.simple_filing_working_days: local practice


@dataclass(frozen=True, slots=True)
class SimpleClockRules:
    filing_working_days: int = SIMPLE_FILING_DEFAULT
    due_soon_working_days: int = DUE_SOON_DEFAULT


class SimpleMoney(Protocol):
    """What the clocks read of a simple decision (a record, or a row of the list)."""

    @property
    def decision_no(self) -> str: ...
    @property
    def decided_on(self) -> dt.date: ...
    @property
    def penalty_kind(self) -> PenaltyKind: ...
    @property
    def fine_fen(self) -> int: ...
    @property
    def collected_on_spot(self) -> bool: ...
    @property
    def paid_on(self) -> dt.date | None: ...
    @property
    def surcharge_fen(self) -> int: ...
    @property
    def receipt_no(self) -> str | None: ...
    @property
    def cash_to_agency_on(self) -> dt.date | None: ...
    @property
    def cash_to_bank_on(self) -> dt.date | None: ...
    @property
    def filed_with_agency_on(self) -> dt.date | None: ...


def owes_later(decision: SimpleMoney) -> bool:
    """A fine the party pays after the day (not collected on the spot)."""
    return (
        decision.penalty_kind is PenaltyKind.FINE
        and decision.fine_fen > 0
        and not decision.collected_on_spot
    )


def simple_payment_due(decided_on: dt.date, calendar: WorkCalendar) -> CalendarResult:
    """15 days after the decision, which the party received on the spot (APL 67)."""
    return payment_due(decided_on, calendar)


def simple_filing_due(
    decided_on: dt.date, calendar: WorkCalendar, working_days: int = SIMPLE_FILING_DEFAULT
) -> CalendarResult:
    return calendar.add_working_days(decided_on, working_days)


def surcharge_on(
    fine_fen: int, due: dt.date, day: dt.date, pauses: tuple[Pause, ...] = ()
) -> tuple[int, int]:
    """(late days, 加处罚款) of a fine due on ``due`` and unpaid up to ``day``: the general
    procedure's rule (``deadlines.late_days`` and ``deadlines.surcharge_fen``), paused while
    a reconsideration or lawsuit about the decision runs (APL 73)."""
    days = late_days(due, day, pauses)
    return days, surcharge_fen(fine_fen, days)


def simple_clocks(
    decision: SimpleMoney,
    as_of: dt.date,
    calendar: WorkCalendar,
    rules: SimpleClockRules | None = None,
    pauses: tuple[Pause, ...] = (),
) -> CaseClocks:
    """The clocks of a simple decision on ``as_of``; surcharge and amount due as of then
    (``pauses``: the reconsiderations and lawsuits about it, APL 73)."""
    rules = rules or SimpleClockRules()
    clocks: list[Clock] = []
    warnings: list[CalendarWarning] = []

    def add(name: str, result: CalendarResult, done_on: dt.date | None) -> dt.date:
        warnings.extend(result.warnings)
        state = state_on(result.value, done_on, as_of, calendar, rules.due_soon_working_days)
        clocks.append(Clock(name, result.value, done_on, state))
        return result.value

    surcharge = days = 0
    due_now = 0
    if owes_later(decision):
        due = add("payment_due", simple_payment_due(decision.decided_on, calendar),
                  decision.paid_on)  # fmt: skip
        paid = decision.paid_on
        until = min(as_of, paid) if paid else as_of
        days, surcharge = surcharge_on(decision.fine_fen, due, until, pauses)
        paid_by_then = paid is not None and paid <= as_of
        principal = 0 if paid_by_then else decision.fine_fen
        surcharge_paid = decision.surcharge_fen if paid_by_then else 0
        due_now = principal + max(surcharge - surcharge_paid, 0)
    if decision.collected_on_spot:
        agency = add("cash_to_agency_due", cash_to_agency_due(decision.decided_on, calendar),
                     decision.cash_to_agency_on)  # fmt: skip
        received = decision.cash_to_agency_on or agency
        add("cash_to_bank_due", cash_to_bank_due(received, calendar), decision.cash_to_bank_on)
    add("agency_filing_due",
        simple_filing_due(decision.decided_on, calendar, rules.filing_working_days),
        decision.filed_with_agency_on)  # fmt: skip
    unique = tuple(sorted(set(warnings), key=lambda w: w.year))
    return CaseClocks(tuple(clocks), unique, surcharge, due_now, days)


def late_flags(clocks: CaseClocks) -> dict[str, str]:
    """Each clock's state by name (``met``, ``missed``, ``overdue``, ``due_soon``, ``pending``)."""
    return {c.name: c.state.value for c in clocks.clocks}


def is_late(clocks: CaseClocks) -> bool:
    """Whether a duty was done late or is overdue (the list's red flag)."""
    return any(c.state in (ClockState.MISSED, ClockState.OVERDUE) for c in clocks.clocks)


def receipt_missing(decision: SimpleMoney) -> bool:
    """Cash taken on the spot without a recorded receipt (APL 70: a receipt must be given)."""
    return decision.collected_on_spot and not decision.receipt_no


# -- checks ---------------------------------------------------------------------------------
def check_after_decision(decision: SimpleDecisionRecord, today: dt.date) -> None:
    """The recorded payment, cash hand-over and 备案 fit the decision (and are not future)."""
    decided = decision.decided_on
    if decision.surcharge_fen:
        if decision.paid_on is None or not owes_later(decision):
            raise DomainError("simple.surcharge_without_late_payment", "surcharge")
        if decision.surcharge_fen > decision.fine_fen:
            params = {"max": format_fen(decision.fine_fen)}
            raise DomainError("payment.surcharge_too_high", "surcharge", params)
    if decision.receipt_no and decision.paid_on is None:
        raise DomainError("simple.receipt_without_payment", "receipt_no")
    agency, bank = decision.cash_to_agency_on, decision.cash_to_bank_on
    if (agency is not None or bank is not None) and not decision.collected_on_spot:
        raise DomainError("simple.cash_not_on_spot", "cash_to_agency_on")
    if bank is not None and agency is None:
        raise DomainError("simple.bank_before_agency", "cash_to_bank_on")
    if agency is not None:
        not_before(agency, decided, "cash_to_agency_on", "决定日期")
        not_future(agency, today, "cash_to_agency_on")
    if bank is not None and agency is not None:
        not_before(bank, agency, "cash_to_bank_on", "交回机关日期")
        not_future(bank, today, "cash_to_bank_on")
    filed = decision.filed_with_agency_on
    if filed is not None:
        not_before(filed, decided, "filed_with_agency_on", "决定日期")
        not_future(filed, today, "filed_with_agency_on")


def with_payment(
    decision: SimpleDecisionRecord,
    paid_on: dt.date,
    receipt_no: str | None,
    calendar: WorkCalendar,
    today: dt.date,
    *,
    pauses: tuple[Pause, ...] = (),
) -> SimpleDecisionRecord:
    """The decision paid in full on ``paid_on``, with the 加处罚款 the delay earned."""
    if decision.penalty_kind is not PenaltyKind.FINE or decision.fine_fen <= 0:
        raise DomainError("payment.nothing_due", "paid_on", {"case_no": decision.decision_no})
    if decision.collected_on_spot:
        raise DomainError("simple.paid_on_spot", "paid_on", {"decision_no": decision.decision_no})
    if decision.paid_on is not None:
        params = {"decision_no": decision.decision_no, "paid_on": decision.paid_on.isoformat()}
        raise DomainError("simple.already_paid", "paid_on", params)
    not_before(paid_on, decision.decided_on, "paid_on", "决定日期")
    not_future(paid_on, today, "paid_on")
    due = simple_payment_due(decision.decided_on, calendar).value
    _days, surcharge = surcharge_on(decision.fine_fen, due, paid_on, pauses)
    paid = dataclasses.replace(
        decision,
        paid_on=paid_on,
        surcharge_fen=surcharge,
        receipt_no=receipt_no or decision.receipt_no,
    )
    check_after_decision(paid, today)
    return paid


@dataclass(frozen=True, slots=True)
class Handover:
    """What ``simple handover`` records; None keeps what is recorded."""

    receipt_no: str | None = None
    cash_to_agency_on: dt.date | None = None
    cash_to_bank_on: dt.date | None = None
    filed_with_agency_on: dt.date | None = None

    @property
    def empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "") for f in dataclasses.fields(self))


def with_handover(
    decision: SimpleDecisionRecord, handover: Handover, today: dt.date
) -> SimpleDecisionRecord:
    """The decision with the receipt, cash hand-over and 备案 dates recorded."""
    if handover.empty:
        raise DomainError("simple.handover_empty")
    receipt = (handover.receipt_no or "").strip() or None
    changed = dataclasses.replace(
        decision,
        receipt_no=receipt or decision.receipt_no,
        cash_to_agency_on=handover.cash_to_agency_on or decision.cash_to_agency_on,
        cash_to_bank_on=handover.cash_to_bank_on or decision.cash_to_bank_on,
        filed_with_agency_on=handover.filed_with_agency_on or decision.filed_with_agency_on,
    )
    check_after_decision(changed, today)
    return changed
