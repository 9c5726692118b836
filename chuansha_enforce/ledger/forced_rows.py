"""The forced-demolition columns of a general-case row checked and made into the steps after
the order (DOMAIN §13; headers in ``forced_cells``).

The order of the steps is the domain's (``forced_demolition.forced_refusal``), asked as the
window and the CLI ask it: the row's steps are recorded one by one, in the order the sequence
takes, on a case built from the row, and each is refused when the domain refuses it on the
steps recorded before it. A row decided on or after ``gates_from`` lacking a prerequisite is
refused naming the column and the column it lacks; an older row is history and imports with a
warning. A step's date is never before the order's service nor the dates of the recorded steps
the domain's table makes it need (``forced_prerequisites.FORCED_PREREQUISITES``, which
``forced_refusal`` reads too), its period ends after it begins, and a carrying out has its
time and at least two witnesses.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Final

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import CaseFile, Decision
from chuansha_enforce.domain.demolition.forced_demolition import (
    MIN_WITNESSES,
    area_of,
    forced_refusal,
)
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ForcedDemolition,
    ReminderStatement,
    ReminderStatementKind,
    StructureArea,
)
from chuansha_enforce.domain.demolition.forced_prerequisites import (
    FORCED_PREREQUISITES,
    LACKING_CODES,
)
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.ledger.forced_cells import FORCED_HEADERS
from chuansha_enforce.ledger.parsed_columns import SheetIssues
from chuansha_enforce.ledger.row_cells import GeneralCells

STEP_COLUMNS: Final = (
    ("authority", "authority_on"),
    ("remind", "reminder_on"),
    ("remind_statement", "reminder_statement_on"),
    ("enforce", "forced_decided_on"),
    ("announce", "announced_on"),
    ("carry_out", "carried_out_on"),
    ("removed", "removed_on"),
)
"""The domain's step names (``forced_refusal``) and the date column of each, in the order the
row's steps are recorded (the party's own removal last: it ends the sequence)."""

LACKING: Final = {
    "forced.not_served": "served_on",
    **{LACKING_CODES[step]: column for step, column in STEP_COLUMNS if step in LACKING_CODES},
}
"""The domain's refusal for a step not yet recorded → the column that records it."""

ENDED: Final = frozenset({"forced.removed", "forced.carried_out"})
"""The domain's refusals of a step after the sequence ended."""

PAIRS: Final = (
    ("authority_document", "authority_on"),
    ("reminder_on", "reminder_until"),
    ("reminder_statement", "reminder_statement_on"),
    ("announced_on", "announcement_until"),
    ("carried_out_on", "carried_out_at"),
    ("carried_out_on", "witnesses"),
)
"""Cells of one step that go together: one without the other is refused."""

PERIODS: Final = (("reminder_on", "reminder_until"), ("announced_on", "announcement_until"))

_NO_PARTY = PartyRecord(PartyType.NATURAL_PERSON, "")


_FIRST, _LAST = (
    GeneralCells._fields.index("authority_document"),
    GeneralCells._fields.index("removed_on"),
)
assert GeneralCells._fields[_FIRST : _LAST + 1] == tuple(FORCED_HEADERS)


def has_forced_cells(c: GeneralCells) -> bool:
    """Any of the row's forced-demolition cells given (else ``imported_forced`` is None)."""
    return c[_FIRST : _LAST + 1].count(None) != len(FORCED_HEADERS)


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
    if not has_forced_cells(c):
        return None
    before = issues.error_count
    first = next(f for f in FORCED_HEADERS if getattr(c, f) is not None)
    if decision is None or decision.demolition_deadline is None:
        issues.add(row, DomainError("ledger.forced_without_order"), first)
        return None
    for one, other in PAIRS:
        has_one, has_other = getattr(c, one) is not None, getattr(c, other) is not None
        if has_one != has_other:
            missing = other if has_one else one
            params = {"with": FORCED_HEADERS[one if has_one else other]}
            issues.add(row, DomainError("ledger.forced_pair", None, params), missing)
    gated = gates_from is not None and decision.decided_on >= gates_from
    _walk(c, row, issues, decision, gated=gated, gates_from=gates_from)
    days = {f: getattr(c, f) for f in FORCED_HEADERS}
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
    if issues.error_count > before:
        return None
    return _steps(c)


def _case(c: GeneralCells, decision: Decision) -> CaseFile:
    """The row as the domain's case with no step after the order yet (never closed: the steps
    came before any closing)."""
    return CaseFile(
        id=0,
        case_no=c.case_no or "",
        party=_NO_PARTY,
        cause=c.cause or "",
        filed_on=c.filed_on or decision.decided_on,
        officers=(),
        violation=c.violation,
        legal_basis=c.legal_basis,
        decision=decision,
        served_on=c.served_on,
        demolition_order=True,
    )


Shape = tuple[StructureArea, bool, tuple[str, ...]]
"""What the domain's answers for a row depend on: where the structure stands, whether the
order was served, and which steps the row records (``forced_refusal`` looks at no date)."""

Answer = tuple[tuple[str, DomainError | None, tuple[str, ...]], ...]
"""For each step the row records: its date column, the domain's refusal (or None) and the
columns of the recorded steps it needs (its date is never before theirs)."""

_ANSWERS: dict[Shape, Answer] = {}


def _walk(
    c: GeneralCells,
    row: int,
    issues: SheetIssues,
    decision: Decision,
    *,
    gated: bool,
    gates_from: dt.date | None,
) -> None:
    """The row's steps recorded one by one on the domain's case, each asked of the domain
    first (a lacking step is named on each column that needs it); each date is checked
    against the dates of the steps the domain makes it need. The domain is asked once per
    shape of row (``Shape``): its answers depend on nothing else."""
    area = area_of(c.violation, c.cause or "", c.legal_basis)
    steps = tuple(step for step, column in STEP_COLUMNS if getattr(c, column) is not None)
    shape = (area, c.served_on is not None, steps)
    answer = _ANSWERS.get(shape)
    if answer is None:
        answer = _ANSWERS[shape] = _ask(c, decision, area, steps)
    for column, refusal, needs in answer:
        if refusal is not None:
            _refused(refusal, column, row, issues, gated=gated, gates_from=gates_from)
            continue
        for need in needs:
            label = issues.headers.get(need, need)
            try:
                case_rules.not_before(getattr(c, column), getattr(c, need), column, label)
            except DomainError as error:
                issues.add(row, error, column)


def _ask(
    c: GeneralCells, decision: Decision, area: StructureArea, steps: tuple[str, ...]
) -> Answer:
    """The domain's answers for the row's shape, the steps recorded on its case in turn."""
    case = _case(c, decision)
    prerequisites = FORCED_PREREQUISITES[area]
    answer = []
    for step, column in STEP_COLUMNS:
        if step not in steps:
            continue
        refusal = forced_refusal(case, step)
        needs = () if refusal is not None else _needs(prerequisites[step] or (), steps)
        answer.append((column, refusal, needs))
        case = replace(case, forced=_with_step(case.forced, c, step))
    return tuple(answer)


def _refused(
    refusal: DomainError,
    column: str,
    row: int,
    issues: SheetIssues,
    *,
    gated: bool,
    gates_from: dt.date | None,
) -> None:
    if refusal.code in ENDED:
        issues.add(row, DomainError("ledger.forced_both_ends"), column)
        return
    need = LACKING.get(refusal.code)
    if need is None:  # a step the domain refuses outright (a 责成 for a rural structure)
        issues.add(row, refusal, column, warning=not gated)
        return
    params = {"need": issues.headers.get(need, need), "gates_from": str(gates_from or "-")}
    code = "ledger.forced_prerequisite" if gated else "ledger.forced_prerequisite_history"
    issues.add(row, DomainError(code, None, params), column, warning=not gated)


def _needs(prerequisites: tuple[str, ...], steps: tuple[str, ...]) -> tuple[str, ...]:
    """The columns a step the domain accepts is never before: the order's service (every
    step needs it) and the recorded steps among its ``prerequisites``, in the row's order."""
    recorded = (column for step, column in STEP_COLUMNS if step in prerequisites and step in steps)
    return ("served_on", *recorded)


_FIELDS: Final = {"authority": "authority", "remind": "reminder",
                  "remind_statement": "statement", "enforce": "decided_on",
                  "announce": "announcement", "carry_out": "carried_out",
                  "removed": "removed_on"}  # fmt: skip
"""The domain's step names → the field of ``ForcedDemolition`` that records each."""


def _recorded(step: str, on: dt.date) -> object:
    """A step recorded on ``on``, as the domain's order sees it (which steps are there, not
    their details: the row's own cells are checked apart)."""
    if step == "authority":
        return DistrictAuthority("", on)
    if step == "remind":
        return PaymentReminder(on, on)
    if step == "remind_statement":
        return ReminderStatement(on, ReminderStatementKind.SILENT)
    if step == "announce":
        return DemolitionAnnouncement(on, on)
    if step == "carry_out":
        return CarryOut(on, dt.time(0, 0), ())
    return on  # the 强制拆除决定 and the party's removal are their dates


def _with_step(f: ForcedDemolition, c: GeneralCells, step: str) -> ForcedDemolition:
    """``f`` with the row's ``step`` recorded."""
    on = getattr(c, dict(STEP_COLUMNS)[step])
    changes: dict[str, Any] = {_FIELDS[step]: _recorded(step, on)}  # its field's type
    return replace(f, **changes)


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
