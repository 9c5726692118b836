"""The forced-demolition columns of a general-case row checked and made into the steps after
the order (DOMAIN §13; headers in ``forced_cells``).

Each step needs the one before it, as the window and the CLI require it: the 催告 the served
order, the statements the 催告, the 强制拆除决定 the 催告 (and for an urban structure the
district's 责成), the 公告 the decision, the carrying out the 公告; 自行拆除 and 强制拆除 end
the sequence, never both. A row decided on or after ``gates_from`` lacking a prerequisite is
refused naming the column; an older row is history and imports with a warning. A step's date
is never before its prerequisite's, its period ends after it begins, and a carrying out has its
time and at least two witnesses.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.demolition.forced_demolition import MIN_WITNESSES, area_of
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ForcedDemolition,
    ReminderStatement,
    StructureArea,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.forced_cells import FORCED_HEADERS
from chuansha_enforce.ledger.parsed_columns import SheetIssues
from chuansha_enforce.ledger.row_cells import GeneralCells

PAIRS: Final = (
    ("authority_document", "authority_on"),
    ("reminder_on", "reminder_until"),
    ("reminder_statement", "reminder_statement_on"),
    ("announced_on", "announcement_until"),
    ("carried_out_on", "carried_out_at"),
    ("carried_out_on", "witnesses"),
)
"""Columns that go together: one without the other is refused (a step needs both)."""

PREREQUISITES: Final = (
    ("reminder_on", "served_on"),
    ("reminder_statement_on", "reminder_on"),
    ("forced_decided_on", "reminder_on"),
    ("announced_on", "forced_decided_on"),
    ("carried_out_on", "announced_on"),
)
"""(step, the step it needs first) as dates of the row; the 责成 is added for urban rows."""

PERIODS: Final = (("reminder_on", "reminder_until"), ("announced_on", "announcement_until"))


def _present(c: GeneralCells) -> bool:
    return any(getattr(c, field) is not None for field in FORCED_HEADERS)


def imported_forced(
    c: GeneralCells,
    row: int,
    issues: SheetIssues,
    *,
    decision: Decision | None,
    gates_from: dt.date | None,
    today: dt.date,
) -> ForcedDemolition | None:
    """The row's steps after the order, checked; None when it has none (or has errors)."""
    if not _present(c):
        return None
    before = issues.error_count
    first = next(f for f in FORCED_HEADERS if getattr(c, f) is not None)
    if decision is None or decision.demolition_deadline is None:
        issues.add(row, DomainError("ledger.forced_without_order"), first)
        return None
    gated = gates_from is not None and decision.decided_on >= gates_from
    for one, other in PAIRS:
        has_one, has_other = getattr(c, one) is not None, getattr(c, other) is not None
        if has_one != has_other:
            missing = other if has_one else one
            params = {"with": FORCED_HEADERS[one if has_one else other]}
            issues.add(row, DomainError("ledger.forced_pair", None, params), missing)
    needs = list(PREREQUISITES)
    if area_of(c.violation, c.cause or "", c.legal_basis) is StructureArea.URBAN:
        needs.append(("forced_decided_on", "authority_on"))  # 城乡规划法 68
    days = {f: getattr(c, f) for f in (*FORCED_HEADERS, "served_on")}
    for step, need in needs:
        if days[step] is None:
            continue
        label = issues.headers.get(need, need)
        if days[need] is None:
            params = {"need": label, "gates_from": str(gates_from or "-")}
            code = "ledger.forced_prerequisite" if gated else "ledger.forced_prerequisite_history"
            issues.add(row, DomainError(code, None, params), step, warning=not gated)
            continue
        try:
            case_rules.not_before(days[step], days[need], step, label)
        except DomainError as error:
            issues.add(row, error, step)
    for start, end in PERIODS:
        if days[start] is not None and days[end] is not None and days[end] <= days[start]:
            params = {"start": FORCED_HEADERS[start]}
            issues.add(row, DomainError("ledger.forced_period", None, params), end)
    for field in FORCED_HEADERS:
        day = days.get(field)
        if isinstance(day, dt.date):
            try:
                case_rules.not_future(day, today, field)
            except DomainError as error:
                issues.add(row, error, field)
    if c.witnesses is not None and len(c.witnesses) < MIN_WITNESSES:
        few = DomainError("ledger.forced_witnesses", None, {"n": str(MIN_WITNESSES)})
        issues.add(row, few, "witnesses")
    if c.removed_on is not None and c.carried_out_on is not None:
        issues.add(row, DomainError("ledger.forced_both_ends"), "removed_on")
    if issues.error_count > before:
        return None
    return _steps(c)


def _steps(c: GeneralCells) -> ForcedDemolition:
    reminder = (
        PaymentReminder(c.reminder_on, c.reminder_until)
        if c.reminder_on is not None and c.reminder_until is not None
        else None
    )
    statement = (
        ReminderStatement(c.reminder_statement_on, c.reminder_statement)
        if c.reminder_statement is not None and c.reminder_statement_on is not None
        else None
    )
    authority = (
        DistrictAuthority(c.authority_document, c.authority_on)
        if c.authority_document is not None and c.authority_on is not None
        else None
    )
    announcement = (
        DemolitionAnnouncement(c.announced_on, c.announcement_until)
        if c.announced_on is not None and c.announcement_until is not None
        else None
    )
    carried = (
        CarryOut(c.carried_out_on, c.carried_out_at, c.witnesses)
        if c.carried_out_on is not None and c.carried_out_at is not None and c.witnesses
        else None
    )
    return ForcedDemolition(
        reminder=reminder,
        statement=statement,
        authority=authority,
        decided_on=c.forced_decided_on,
        announcement=announcement,
        carried_out=carried,
        removed_on=c.removed_on,
    )
