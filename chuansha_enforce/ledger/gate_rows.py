"""The gate columns of a general-case row (LEDGER_FORMAT: 告知日期 to 延长期限至, DOMAIN §12).

A row decided on or after the setting ``gates_from`` must carry the columns its gates need,
and then passes the same decision gates as a decision recorded in the window or the CLI;
a row lacking them is refused, naming each missing column. An older row is history: what
its paper file lacks is a warning, never a refusal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from chuansha_enforce.domain.calendar.deadlines import DECISION_CALENDAR_DAYS
from chuansha_enforce.domain.cases import case_gates, case_rules
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Certificate,
    Decision,
    Discussion,
    Hearing,
    StatementKind,
)
from chuansha_enforce.domain.cases.major_case import MajorAssessment
from chuansha_enforce.domain.enums import CONFISCATION_KINDS, HearingState, Outcome, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import ImportedGates, PartyRecord
from chuansha_enforce.domain.text_input import name_key
from chuansha_enforce.ledger.import_context import HistoryRows, ImportContext
from chuansha_enforce.ledger.parsed_columns import SheetIssues
from chuansha_enforce.ledger.row_cells import GeneralCells, OfficerRef
from chuansha_enforce.ledger.values import parse_officer_ref

IMPORTED = "台账导入"
"""Who approved, and the minutes of, a step the ledger gives only by its date."""

NOTICE_ARTICLES = "四十四条、第六十二"
HEARING_ARTICLES = "六十三条、第六十四"
DISCUSSION_ARTICLES = "五十七"

Resolve = Callable[[tuple[OfficerRef, ...], dt.date | None], list[Certificate] | None]
"""Officers of the registry or the file by their references (``row_mapping._officers``)."""


@dataclass(frozen=True, slots=True)
class RowFacts:
    """What the rest of the row already established."""

    case_no: str | None
    cause: str | None
    party: PartyRecord | None
    filed: dt.date | None
    officers: Sequence[Certificate] | None
    decision: Decision | None
    hearing: HearingState
    major: MajorAssessment | None
    errors_before: int
    """The sheet's error count when the row began: a row with errors is no history."""


def _proposed(c: GeneralCells, row: int, issues: SheetIssues) -> frozenset[PenaltyKind]:
    words = c.proposed_kinds
    proposed: frozenset[PenaltyKind] = frozenset()
    if words is not None:
        if words.problem is not None:
            issues.add(row, words.problem, "proposed_kinds")
        elif words.outcome is not Outcome.PENALTY:
            params = {"value": "、".join(words.words)}
            issues.add(row, DomainError("ledger.proposal_outcome", None, params), "proposed_kinds")
        else:
            proposed = words.kinds
    fine = c.proposed_fine or 0
    if (PenaltyKind.FINE in proposed) != (fine > 0) and (proposed or fine):
        issues.add(row, DomainError("ledger.proposed_fine"), "proposed_fine")
    return proposed


def _presiding(
    c: GeneralCells,
    row: int,
    ctx: ImportContext,
    issues: SheetIssues,
    *,
    facts: RowFacts,
    resolve: Resolve,
) -> str | None:
    """The presiding officer, never one of the investigators: by registry identity when the
    registry knows the name (as the window and the CLI compare), else by the name as typed."""
    if c.presiding is None:
        return None
    name, number = parse_officer_ref(c.presiding)
    investigators = facts.officers or ()
    if number is None and not ctx.by_name(name):
        if name_key(name) in {name_key(o.officer_name) for o in investigators}:
            params = {"name": name}
            error = DomainError("hearing.presiding_is_investigator", None, params)
            issues.add(row, error, "presiding")
            return None
        return c.presiding
    found = resolve(((c.presiding, name, number),), c.hearing_on)
    if not found:
        return None
    chair = found[0]
    if any(
        o.certificate_no == chair.certificate_no
        or (o.officer_id and o.officer_id == chair.officer_id)
        for o in investigators
    ):
        params = {"name": chair.officer_name}
        issues.add(row, DomainError("hearing.presiding_is_investigator", None, params), "presiding")
        return None
    return c.presiding


def _missing(
    c: GeneralCells,
    hearing: HearingState,
    major: MajorAssessment | None,
    proposed: frozenset[PenaltyKind],
    ctx: ImportContext,
) -> list[tuple[str, str]]:
    """(field, articles) of each gate column the row lacks."""
    missing: list[tuple[str, str]] = []
    if c.notice_on is None:
        missing.append(("notice_on", NOTICE_ARTICLES))
    if not proposed:
        missing.append(("proposed_kinds", NOTICE_ARTICLES))
    if hearing is HearingState.HELD:
        if c.hearing_on is None:
            missing.append(("hearing_on", HEARING_ARTICLES))
        if c.presiding is None:
            missing.append(("presiding", HEARING_ARTICLES))
    if (
        major is not None
        and major.major
        and ctx.gate_rules.discussion_for_major
        and c.discussed_on is None
    ):
        missing.append(("discussed_on", DISCUSSION_ARTICLES))
    return missing


def _whole(facts: RowFacts) -> bool:
    """The row's required cells parsed (a cell's parse error comes before the row's count)."""
    return bool(facts.case_no and facts.cause and facts.party and facts.filed and facts.officers)


_GATE_FIRST, _GATE_LAST = (
    GeneralCells._fields.index("notice_on"),
    GeneralCells._fields.index("extended_to"),
)
_GATE_CELLS: Final = _GATE_LAST + 1 - _GATE_FIRST
assert GeneralCells._fields[_GATE_FIRST : _GATE_LAST + 1] == (
    "notice_on", "proposed_kinds", "proposed_fine", "statement", "hearing_on", "presiding",
    "discussed_on", "extended_to",
)  # fmt: skip


def without_gate_cells(c: GeneralCells) -> bool:
    """The row has none of 告知日期 … 延长期限至 and no limitation to check (most history rows):
    ``history_gates`` answers for it what ``imported_gates`` would."""
    return c[_GATE_FIRST : _GATE_LAST + 1].count(None) == _GATE_CELLS and (
        c.violation_on is None or c.clue_on is None
    )


def history_gates(
    c: GeneralCells,
    row: int,
    ctx: ImportContext,
    issues: SheetIssues,
    *,
    decision: Decision | None,
    hearing: HearingState,
    major: MajorAssessment | None,
    errors_before: int,
    whole: bool,
) -> None:
    """``imported_gates`` of a row ``without_gate_cells`` (whose answer is None): only the
    gate columns a penalty decided from ``gates_from`` needs are missing, or noted as history."""
    if decision is not None and decision.outcome is Outcome.PENALTY:
        missing = _missing(c, hearing, major, frozenset(), ctx)
        sound = whole and issues.error_count == errors_before
        _required_columns(missing, decision, ctx, issues, row, sound=sound)


def _required_columns(
    missing: Sequence[tuple[str, str]],
    decision: Decision,
    ctx: ImportContext,
    issues: SheetIssues,
    row: int,
    *,
    sound: bool,
) -> None:
    """A penalty decided from ``gates_from`` lacking gate columns is refused naming each;
    an older one is history (noted when the row is otherwise ``sound``)."""
    gated = ctx.gates_from is not None and decision.decided_on >= ctx.gates_from
    if gated and missing:
        for key, articles in missing:
            params = {"decided": decision.decided_on.isoformat(),
                      "gates_from": str(ctx.gates_from), "articles": articles}  # fmt: skip
            issues.add(row, DomainError("ledger.gate_columns_missing", None, params), key)
    elif missing and sound:
        ctx.history.note(row, [issues.headers[key] for key, _a in missing])


def imported_gates(
    c: GeneralCells,
    row: int,
    ctx: ImportContext,
    issues: SheetIssues,
    *,
    facts: RowFacts,
    resolve: Resolve,
) -> ImportedGates | None:
    """The row's gate steps, its gate columns checked; errors and warnings into ``issues``."""
    before = issues.error_count
    decision, filed = facts.decision, facts.filed
    proposed = _proposed(c, row, issues)
    if c.notice_on is None and (proposed or c.statement):
        issues.add(row, DomainError("ledger.notice_needs_date"), "notice_on")
    if (c.hearing_on or c.presiding) and facts.hearing is not HearingState.HELD:
        issues.add(row, DomainError("ledger.hearing_detail_without_hearing"), "hearing_on")
    presiding = _presiding(c, row, ctx, issues, facts=facts, resolve=resolve)
    for key, day in (("notice_on", c.notice_on), ("hearing_on", c.hearing_on),
                     ("discussed_on", c.discussed_on)):  # fmt: skip
        if day is None:
            continue
        try:
            if filed is not None:
                case_rules.not_before(day, filed, key, "立案日期")
            if decision is not None:
                case_rules.not_before(decision.decided_on, day, "decided_on", issues.headers[key])
        except DomainError as error:
            issues.add(row, error, key)
    if c.violation_on is not None and c.clue_on is not None:
        try:  # APL 36: the ledger cannot state the 5-year case, so a barred act is a warning
            case_gates.check_limitation(c.violation_on, False, c.clue_on, None)
        except DomainError as error:
            barred = error.code == "filing.time_barred"
            issues.add(row, error, "violation_on", warning=barred)
    extension_days = 0
    if c.extended_to is not None and filed is not None:
        due = filed + dt.timedelta(days=DECISION_CALENDAR_DAYS)
        extension_days = (c.extended_to - due).days
        if extension_days <= 0:
            params = {"date": c.extended_to.isoformat(), "due": due.isoformat()}
            issues.add(row, DomainError("ledger.extension_not_later", None, params), "extended_to")
    if decision is not None and decision.outcome is Outcome.PENALTY:
        missing = _missing(c, facts.hearing, facts.major, proposed, ctx)
        sound = issues.error_count == facts.errors_before and _whole(facts)
        _required_columns(missing, decision, ctx, issues, row, sound=sound)
    if issues.error_count > before:
        return None
    if not (c.notice_on or c.hearing_on or presiding or c.discussed_on or extension_days > 0):
        return None  # nothing before the decision on record (most history rows): no object
    confiscation = decision.confiscation_fen if decision and proposed & CONFISCATION_KINDS else 0
    gates = ImportedGates(
        notice_on=c.notice_on,
        proposed_kinds=proposed,
        proposed_fine_fen=c.proposed_fine or 0,
        proposed_confiscation_fen=confiscation,
        statement=c.statement,
        hearing_on=c.hearing_on if facts.hearing is HearingState.HELD else None,
        presiding=presiding,
        discussed_on=c.discussed_on,
        extension_days=max(extension_days, 0),
        extension_approved_on=(
            filed + dt.timedelta(days=DECISION_CALENDAR_DAYS)
            if extension_days > 0 and filed
            else None
        ),
    )
    gates = _with_hearing_offer(gates, facts, ctx)
    if (
        decision is not None
        and decision.outcome is Outcome.PENALTY
        and ctx.gates_from is not None
        and decision.decided_on >= ctx.gates_from
    ):
        _check_decision_gates(gates, facts, ctx, issues, row)
    return None if issues.error_count > before else gates


def warn_history(ctx: ImportContext, issues: SheetIssues) -> None:
    """One warning for the sheet's history rows: decided before ``gates_from``, imported
    although their paper files lack what the gates need (DOMAIN §12)."""
    history = ctx.history
    if not history.rows:
        return
    params = {"n": history.rows, "first": history.first, "gates_from": str(ctx.gates_from or "-"),
              "columns": "、".join(history.columns)}  # fmt: skip
    issues.add(history.first, DomainError("ledger.gate_columns_history", None, params), None,
               warning=True)  # fmt: skip
    ctx.history = HistoryRows()


def notice_of(gates: ImportedGates, facts_text: str | None, basis: str | None
              ) -> AdvanceNotice | None:  # fmt: skip
    """The 告知 an imported row records (None without a notice date)."""
    if gates.notice_on is None:
        return None
    return AdvanceNotice(
        served_on=gates.notice_on,
        hearing_offered=gates.hearing_offered,
        proposed_kinds=gates.proposed_kinds,
        proposed_fine_fen=gates.proposed_fine_fen,
        proposed_confiscation_fen=gates.proposed_confiscation_fen,
        facts=facts_text,
        basis=basis,
        statement_kind=StatementKind(gates.statement) if gates.statement else None,
    )


def _with_hearing_offer(gates: ImportedGates, facts: RowFacts, ctx: ImportContext
                        ) -> ImportedGates:  # fmt: skip
    """The notice stated the hearing right when APL 63 gives one or a hearing was had."""
    offered = facts.hearing is not HearingState.NONE
    if not offered and facts.party is not None and gates.proposed_kinds:
        offered = bool(
            case_gates.hearing_right(
                facts.party.kind,
                gates.proposed_kinds,
                fine_fen=gates.proposed_fine_fen,
                confiscation_fen=gates.proposed_confiscation_fen,
                heavy_marked=False,
                rules=ctx.gate_rules,
            )
        )
    if offered == gates.hearing_offered:
        return gates
    return replace(gates, hearing_offered=offered)


def _check_decision_gates(
    gates: ImportedGates, facts: RowFacts, ctx: ImportContext, issues: SheetIssues, row: int
) -> None:
    """The decision gates of DOMAIN §12 over the row's steps, as the window checks them."""
    decision, party, filed = facts.decision, facts.party, facts.filed
    if decision is None or party is None or filed is None or facts.major is None:
        return
    hearing = None
    if facts.hearing is HearingState.HELD:
        hearing = Hearing(HearingState.HELD, held_on=gates.hearing_on, presiding=gates.presiding)
    elif facts.hearing is HearingState.WAIVED:
        hearing = Hearing(HearingState.WAIVED)
    discussions = (
        (Discussion(gates.discussed_on, IMPORTED),) if gates.discussed_on is not None else ()
    )
    case = CaseFile(
        id=0,
        case_no=facts.case_no or "",
        party=party,
        cause=facts.cause or "",
        filed_on=filed,
        officers=tuple(facts.officers or ()),
        notice=notice_of(gates, "-", "-"),
        hearing=hearing,
        discussions=discussions,
    )
    try:
        case_gates.check_decision_gates(
            case, decision, major=facts.major, calendar=ctx.calendar, rules=ctx.gate_rules
        )
    except DomainError as error:
        issues.add(row, error, "decided_on")
