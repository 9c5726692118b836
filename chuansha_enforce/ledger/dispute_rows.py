"""The ledger's 行政复议 and 行政诉讼 sheets (LEDGER_FORMAT.md): rows in, rows out.

Each row is checked by the register's own rule (``domain.disputes.check_dispute``); a case
number must name a general case, a decision or a simple decision in the file or the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from chuansha_enforce.domain.disputes.disputes import (
    OUTCOMES,
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
    check_dispute,
    outcome_from_label,
    outcome_label,
)
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.import_context import ImportContext
from chuansha_enforce.ledger.parsed_columns import ColumnSpec, ParsedSheet, SheetIssues
from chuansha_enforce.ledger.sheets import LedgerIssue, RawSheet, SheetKind
from chuansha_enforce.ledger.values import cell_text, parse_bool, parse_choice, parse_date

RECONSIDERATION_HEADERS = {
    "number": "复议案号",
    "applicant": "申请人",
    "act": "被申请行为",
    "case_no": "案件编号",
    "body": "复议机关",
    "received_on": "收到申请日期",
    "replied_on": "答复日期",
    "outcome": "结果",
    "outcome_on": "结果日期",
    "notes": "备注",
    # rule fields that have no column of their own in this sheet
    "dispute_no": "复议案号",
    "dispute_body": "复议机关",
}
LITIGATION_HEADERS = {
    "number": "诉讼案号",
    "applicant": "原告",
    "act": "被诉行为",
    "case_no": "案件编号",
    "body": "法院",
    "instance": "审级",
    "received_on": "收到起诉状日期",
    "replied_on": "答辩日期",
    "hearing_on": "开庭日期",
    "leader_appeared": "负责人出庭",
    "outcome": "结果",
    "outcome_on": "结果日期",
    "notes": "备注",
    "dispute_no": "诉讼案号",
    "dispute_body": "法院",
}


class DisputeCells(NamedTuple):
    number: str | None
    applicant: str | None
    act: DisputedAct | None
    case_no: str | None
    body: str | None
    instance: Instance | None
    received_on: dt.date | None
    replied_on: dt.date | None
    hearing_on: dt.date | None
    leader_appeared: bool | None
    outcome: DisputeOutcome | None
    outcome_on: dt.date | None
    notes: str | None


def _act(value: object) -> DisputedAct:
    return DisputedAct.from_label(parse_choice(value, [a.label for a in DisputedAct]))


def _instance(value: object) -> Instance:
    return Instance.from_label(parse_choice(value, [i.label for i in Instance]))


def _outcome(kind: DisputeKind) -> Callable[[object], DisputeOutcome]:
    labels = [outcome_label(kind, o) for o in OUTCOMES[kind]]

    def parse(value: object) -> DisputeOutcome:
        return outcome_from_label(kind, parse_choice(value, labels))

    return parse


_REQUIRED = frozenset({"number", "applicant", "act", "body", "received_on"})


def _columns(kind: DisputeKind) -> tuple[ColumnSpec, ...]:
    headers = RECONSIDERATION_HEADERS if kind is DisputeKind.RECONSIDERATION else LITIGATION_HEADERS
    parsers: dict[str, Callable[[object], object]] = {
        "act": _act,
        "instance": _instance,
        "received_on": parse_date,
        "replied_on": parse_date,
        "hearing_on": parse_date,
        "leader_appeared": parse_bool,
        "outcome": _outcome(kind),
        "outcome_on": parse_date,
    }
    return tuple(
        ColumnSpec(f, headers[f], parsers.get(f, cell_text), f in _REQUIRED)
        for f in DisputeCells._fields
        if f in headers
    )


_KINDS = EnumMap(
    SheetKind,
    {
        SheetKind.RECONSIDERATIONS: DisputeKind.RECONSIDERATION,
        SheetKind.LAWSUITS: DisputeKind.LITIGATION,
    },
)


def disputes_of(
    sheet: RawSheet, ctx: ImportContext, errors: list[LedgerIssue], warnings: list[LedgerIssue]
) -> Iterator[DisputeRecord | None]:
    """Each row of a dispute sheet: its record, or ``None`` with its errors in ``errors``."""
    kind = _KINDS[sheet.kind]
    specs = _columns(kind)
    headers = RECONSIDERATION_HEADERS if kind is DisputeKind.RECONSIDERATION else LITIGATION_HEADERS
    issues = SheetIssues(sheet.name, headers, errors, warnings)
    keys = [spec.key for spec in specs]
    seen: dict[tuple[str, Instance], int] = {}
    for row, values in ParsedSheet(sheet, specs, issues).rows():
        given = dict(zip(keys, values, strict=True))
        cells = DisputeCells(**{f: given.get(f) for f in DisputeCells._fields})  # type: ignore[arg-type]
        yield _dispute(kind, cells, row, ctx, issues, seen=seen)


def _dispute(
    kind: DisputeKind,
    c: DisputeCells,
    row: int,
    ctx: ImportContext,
    issues: SheetIssues,
    *,
    seen: dict[tuple[str, Instance], int],
) -> DisputeRecord | None:
    if not (c.number and c.applicant and c.act and c.body and c.received_on):
        return None  # the missing required cells are already reported
    instance = c.instance or Instance.FIRST
    leader = c.leader_appeared if c.hearing_on is not None else None
    if c.leader_appeared and c.hearing_on is None:
        issues.add(row, DomainError("dispute.leader_without_hearing", None), "leader_appeared")
        return None
    record = DisputeRecord(
        kind=kind,
        number=c.number,
        applicant=c.applicant,
        act=c.act,
        body=c.body,
        received_on=c.received_on,
        case_no=c.case_no,
        instance=instance,
        replied_on=c.replied_on,
        hearing_on=c.hearing_on,
        leader_appeared=leader,
        outcome=c.outcome,
        outcome_on=c.outcome_on,
        notes=c.notes,
    )
    try:
        record = check_dispute(record, ctx.today)
    except DomainError as error:
        issues.add(row, error, None)
        return None
    key = (record.number, instance)
    if key in seen:
        params = {"kind": kind.label, "number": record.number, "instance": instance.label}
        issues.add(row, DomainError("dispute.number_taken", None, params), "number")
        return None
    seen[key] = row
    if record.case_no is not None and not (
        ctx.where_case(record.case_no)
        or ctx.where_decision(record.case_no)
        or ctx.where_simple(record.case_no)
    ):
        params = {"case_no": record.case_no}
        issues.add(row, DomainError("dispute.case_unknown", None, params), "case_no")
        return None
    return record


def dispute_rows(kind: DisputeKind, records: Iterable[DisputeRecord]) -> Iterator[Sequence[object]]:
    """The sheet's rows in LEDGER_FORMAT order (the export)."""
    for r in records:
        if r.kind is not kind:
            continue
        outcome = outcome_label(kind, r.outcome) if r.outcome is not None else None
        if kind is DisputeKind.RECONSIDERATION:
            yield (r.number, r.applicant, r.act.label, r.case_no, r.body, r.received_on,
                   r.replied_on, outcome, r.outcome_on, r.notes)  # fmt: skip
        else:
            leader = None if r.leader_appeared is None else ("是" if r.leader_appeared else "否")
            yield (r.number, r.applicant, r.act.label, r.case_no, r.body, r.instance.label,
                   r.received_on, r.replied_on, r.hearing_on, leader, outcome, r.outcome_on,
                   r.notes)  # fmt: skip
