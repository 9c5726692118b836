"""Ledger rows to domain records, checked by the same domain rules as the GUI and the CLI.

Every problem in a row is collected (not just the first) as a ``LedgerIssue`` naming the
sheet, the Excel row and the header; warnings (an overdue decision, a major-case flag that
disagrees with the classifier) are kept apart and never block the import. Cells are parsed
column by column first (``parsed_columns``); the rules then run row by row, in file order,
so that officers and numbers earlier in the file are known to the rows below them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_deadlines import publication_required_for
from chuansha_enforce.domain.cases.case_file import Certificate, Decision, ReviewRound
from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.corrections.correction_checks import check_officer
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import (
    GeneralCaseRecord,
    ImportedReview,
    OfficerRecord,
    PartyRecord,
    PaymentRecord,
    SimpleDecisionRecord,
)
from chuansha_enforce.domain.reports.personal_data import FREE_TEXT_LABELS, labels
from chuansha_enforce.domain.simple_procedure.simple_rules import check_simple_decision
from chuansha_enforce.domain.text_input import clean_already
from chuansha_enforce.ledger.discretion_rows import imported_discretion, imported_service
from chuansha_enforce.ledger.forced_rows import has_forced_cells, imported_forced
from chuansha_enforce.ledger.gate_rows import (
    RowFacts,
    history_gates,
    imported_gates,
    warn_history,
    without_gate_cells,
)
from chuansha_enforce.ledger.import_context import ImportContext, OfficerTeam
from chuansha_enforce.ledger.parsed_columns import ParsedSheet, SheetIssues
from chuansha_enforce.ledger.record_maker import maker
from chuansha_enforce.ledger.row_cells import (
    GENERAL_COLUMNS,
    GENERAL_HEADERS,
    OFFICER_COLUMNS,
    OFFICER_HEADERS,
    SIMPLE_COLUMNS,
    SIMPLE_HEADERS,
    GeneralCells,
    OfficerCells,
    OfficerRef,
    SimpleCells,
)
from chuansha_enforce.ledger.sheets import LedgerIssue, RawSheet

_make_case = maker(GeneralCaseRecord)  # (a row's record: the class's own, built faster)
_make_decision = maker(Decision)

# ---------------------------------------------------------------------------- sheets


def officers_of(
    sheet: RawSheet, ctx: ImportContext, errors: list[LedgerIssue], warnings: list[LedgerIssue]
) -> Iterator[OfficerRecord | None]:
    """Each row of an officers sheet: its record, or ``None`` with its errors in ``errors``.

    An officer accepted here is known to the rows below and to the case sheets."""
    issues = SheetIssues(sheet.name, OFFICER_HEADERS, errors, warnings)
    for row, values in ParsedSheet(sheet, OFFICER_COLUMNS, issues).rows():
        yield _officer(OfficerCells._make(values), row, ctx, issues)


def general_cases_of(
    sheet: RawSheet, ctx: ImportContext, errors: list[LedgerIssue], warnings: list[LedgerIssue]
) -> Iterator[GeneralCaseRecord | None]:
    """Each row of a general-case sheet: its record, or ``None`` with its errors in ``errors``."""
    issues = SheetIssues(sheet.name, GENERAL_HEADERS, errors, warnings)
    parsed = ParsedSheet(sheet, GENERAL_COLUMNS, issues)
    ctx.look_up_numbers(cases=parsed.texts("case_no"), decisions=parsed.texts("decision_no"))
    trusted = clean_already()  # the parsed text is clean (``parsed_columns._normaliser``)
    loud = parsed.loud_rows(tuple(FREE_TEXT_LABELS), ctx.free_text.could_find)
    for row, values in parsed.rows():
        with trusted:
            record = _general_case(GeneralCells._make(values), row, ctx, issues, row not in loud)
        yield record
    warn_history(ctx, issues)


def simple_decisions_of(
    sheet: RawSheet, ctx: ImportContext, errors: list[LedgerIssue], warnings: list[LedgerIssue]
) -> Iterator[SimpleDecisionRecord | None]:
    """Each row of a simple-decision sheet: its record, or ``None`` with its errors."""
    issues = SheetIssues(sheet.name, SIMPLE_HEADERS, errors, warnings)
    parsed = ParsedSheet(sheet, SIMPLE_COLUMNS, issues)
    ctx.look_up_numbers(simples=parsed.texts("decision_no"))
    for row, values in parsed.rows():
        yield _simple_decision(SimpleCells._make(values), row, ctx, issues)


# ---------------------------------------------------------------------------- rows


def _check(issues: SheetIssues, row: int, rule: Callable[..., object], *args: object) -> bool:
    """Run a domain rule; its ``DomainError`` becomes an issue at the rule's field."""
    try:
        rule(*args)
    except DomainError as error:
        issues.add(row, error, None)
        return False
    return True


def _check_date(
    issues: SheetIssues,
    row: int,
    key: str,
    day: dt.date,
    *,
    earlier: dt.date | None,
    what: str,
    today: dt.date,
) -> None:
    if day <= today and (earlier is None or day >= earlier):
        return  # (in order: the usual row)
    try:
        if earlier is not None:
            case_rules.not_before(day, earlier, key, what)
        case_rules.not_future(day, today, key)
    except DomainError as error:
        issues.add(row, error, key)


def _officers(
    refs: tuple[OfficerRef, ...] | None,
    on: dt.date | None,
    ctx: ImportContext,
    issues: SheetIssues,
    row: int,
    *,
    key: str = "officers",
) -> list[Certificate] | None:
    found = _found_officers(refs, on, ctx)
    if isinstance(found, DomainError):
        issues.add(row, found, key)
        return None
    return found


def _found_officers(
    refs: tuple[OfficerRef, ...] | None, on: dt.date | None, ctx: ImportContext
) -> list[Certificate] | DomainError | None:
    """The certificates ``refs`` name (on ``on``), or why one of them is not known."""
    if refs is None:
        return None
    found: list[Certificate] = []
    for text, name, number in refs:
        if number is not None:
            cert = ctx.certificates.get(number)
            if cert is None or cert.officer_name != name:
                return DomainError("ledger.officer_unknown", None, {"officer": text})
            found.append(cert)
            continue
        candidates = ctx.by_name(name)
        if on is not None and len(candidates) > 1:
            candidates = [c for c in candidates if c.valid_on(on)] or candidates
        if not candidates:
            return DomainError("ledger.officer_unknown", None, {"officer": name})
        if len(candidates) > 1:
            return DomainError("ledger.officer_ambiguous", None, {"officer": name})
        found.append(candidates[0])
    return found


def _case_officers(
    refs: tuple[OfficerRef, ...] | None, filed: dt.date | None, ctx: ImportContext
) -> tuple[list[Certificate] | None, DomainError | None, DomainError | None]:
    """A case row's officers, the error finding them and the error of
    ``case_rules.check_officers`` on the filing date. The references are resolved once while
    no certificate is added (``ImportContext.officer_teams``), and the rule is asked only
    when the certificates are not all surely valid on the date."""
    team = ctx.officer_teams.get(refs)
    if team is None:
        team = ctx.officer_teams[refs] = _team(refs, ctx)
    if team.dated:
        found = _found_officers(refs, filed, ctx)
        if isinstance(found, DomainError):
            return None, found, None
    elif team.unknown is not None:
        return None, team.unknown, None
    else:
        found = team.found
        if filed is not None and team.valid_on(filed):
            return found, None, None
    if filed is None or found is None:
        return found, None, None
    try:
        case_rules.check_officers(found, filed)
    except DomainError as error:
        return found, None, error.with_traceback(None)
    return found, None, None


def _team(refs: tuple[OfficerRef, ...] | None, ctx: ImportContext) -> OfficerTeam:
    """``refs`` resolved without a date when no name in them has several certificates, with
    the days on which all their certificates are valid."""
    if refs is not None and any(n is None and len(ctx.by_name(name)) > 1 for _, name, n in refs):
        return OfficerTeam(None, None, dated=True)
    found = _found_officers(refs, None, ctx)
    if isinstance(found, DomainError):
        return OfficerTeam(None, found, dated=False)
    if not found:
        return OfficerTeam(found, None, dated=False)
    return OfficerTeam(found, None, dated=False, days=case_rules.officers_valid_days(found))


def _officer(
    c: OfficerCells, row: int, ctx: ImportContext, issues: SheetIssues
) -> OfficerRecord | None:
    before = issues.error_count
    name, number, issued, expires = c.officer_name, c.certificate_no, c.issued_on, c.expires_on
    status = CertificateStatus.VALID if c.status is None else c.status
    cancelled = c.cancelled_on
    if number is not None and number in ctx.certificates:
        error = DomainError("officer.certificate_taken", None, {"certificate_no": number})
        issues.add(row, error, "certificate_no")
    if status is CertificateStatus.CANCELLED and cancelled is None:
        issues.add(row, DomainError("officer.cancellation_date"), "cancelled_on")
    if issued is not None and expires is not None and expires < issued:
        issues.add(row, DomainError("officer.expires_before_issue"), "expires_on")
    if issues.error_count > before or name is None or number is None or issued is None:
        return None
    try:  # the registry's rules, as ``officer correct`` holds a certificate to them
        officer = check_officer(
            OfficerRecord(name, number, issued, expires, status, cancelled), ctx.today
        )
    except DomainError as error:
        issues.add(row, error, error.field)
        return None
    ctx.add_officer(officer)
    return officer


def _decision(
    c: GeneralCells, decided: dt.date | None, ctx: ImportContext, issues: SheetIssues, row: int
) -> Decision | None:
    words = c.kinds
    fine = c.fine or 0
    confiscation = c.confiscation or 0
    if decided is None:
        if words or fine or confiscation or c.demolition or c.demolition_deadline:
            issues.add(row, DomainError("ledger.decision_without_date"), "decided_on")
        return None
    ordered = bool(c.demolition)
    if c.demolition_deadline is not None and not ordered:
        issues.add(row, DomainError("ledger.deadline_without_order"), "demolition_deadline")
        return None
    if ordered and c.demolition_deadline is None:
        issues.add(row, DomainError("ledger.required"), "demolition_deadline")
        return None
    if words is None and not ordered:
        issues.add(row, DomainError("ledger.required"), "kinds")
        return None
    if words is not None and words.problem is not None:
        issues.add(row, words.problem, "kinds")
        return None
    decision = _make_decision(
        decision_no=c.decision_no,
        decided_on=decided,
        outcome=Outcome.ORDER_ONLY if words is None else words.outcome,  # an order alone
        kinds=frozenset() if words is None else words.kinds,
        no_penalty_reason=c.no_penalty_reason,
        fine_fen=fine,
        confiscation_fen=confiscation,
        reduced_penalty=False,
        demolition_deadline=c.demolition_deadline if ordered else None,
    )
    error = ctx.decision_content(decision)
    if error is not None:
        issues.add(row, error, None)
        return None
    return decision


def _general_case(
    c: GeneralCells, row: int, ctx: ImportContext, issues: SheetIssues, quiet: bool = False
) -> GeneralCaseRecord | None:
    """The row's record (``None``: it has errors). ``quiet``: the row's free texts hold no
    personal data but perhaps a natural person's name (``ParsedSheet.loud_rows``)."""
    before = issues.error_count
    today = ctx.today
    case_no, filed, decided = c.case_no, c.filed_on, c.decided_on
    served, paid_on, paid, closed = c.served_on, c.paid_on, c.amount, c.closed_on
    reviewer, reviewed, opinion = c.reviewer, c.reviewed_on, c.opinion
    hearing = HearingState.NONE if c.hearing is None else c.hearing
    officers, unknown, invalid = _case_officers(c.officers, filed, ctx)
    if unknown is not None:
        issues.add(row, unknown, "officers")
    decision = _decision(c, decided, ctx, issues, row)
    party: PartyRecord | None = None
    if c.party_kind is not None and c.party_name:
        checked = ctx.checked_party(
            c.party_kind, c.party_name, c.id_number, c.party_address, c.legal_representative
        )
        if isinstance(checked, DomainError):
            issues.add(row, checked, "id_number")
            party = PartyRecord(c.party_kind, c.party_name, c.id_number, c.party_address,
                                c.legal_representative)  # fmt: skip
        else:
            party = checked
    if case_no:
        where = ctx.where_case(case_no)
        if where is not None:
            params = {"case_no": case_no, "where": where}
            issues.add(row, DomainError("ledger.case_exists", None, params), "case_no")
    if decision is not None and decision.decision_no:
        where = ctx.where_decision(decision.decision_no)
        if where is not None:
            params = {"decision_no": decision.decision_no, "where": where}
            issues.add(row, DomainError("ledger.decision_exists", None, params), "decision_no")
    if filed is not None:
        if filed > today:
            _check(issues, row, case_rules.not_future, filed, today, "filed_on")
        if invalid is not None:
            issues.add(row, invalid, None)  # (``case_rules.check_officers``)
    # Dates in order: filing ≤ decision ≤ service ≤ payment; closing after the decision.
    # (each checked only when out of order: ``_check_date`` returns at once for the usual row)
    if decided is not None and (decided > today or (filed is not None and decided < filed)):
        _check_date(issues, row, "decided_on", decided, earlier=filed, what="立案日期", today=today)
    if served is not None and (served > today or (decided is not None and served < decided)):
        _check_date(issues, row, "served_on", served, earlier=decided, what="决定日期", today=today)
    if paid_on is not None and (paid_on > today or (served is not None and paid_on < served)):
        _check_date(issues, row, "paid_on", paid_on, earlier=served, what="送达日期", today=today)
    if closed is not None and (closed > today or (decided is not None and closed < decided)):
        _check_date(issues, row, "closed_on", closed, earlier=decided, what="决定日期", today=today)
    published, unrecorded = _publication(c, decision, party, row, issues, today=today)
    if reviewed is not None:
        _check_date(
            issues, row, "reviewed_on", reviewed, earlier=filed, what="立案日期", today=today
        )
    if served is not None and decided is None:
        error = DomainError("case.not_decided", None, {"case_no": case_no or ""})
        issues.add(row, error, "served_on")
    if closed is not None and decided is None:
        error = DomainError("case.close_undecided", None, {"case_no": case_no or ""})
        issues.add(row, error, "closed_on")
    if (paid or paid_on) and not (paid and paid_on):
        key = "amount" if paid_on else "paid_on"
        issues.add(row, DomainError("ledger.payment_incomplete"), key)
    review = None
    if reviewed is not None or reviewer or opinion is not None:
        if not reviewer:
            issues.add(row, DomainError("ledger.required"), "reviewer")
        if reviewed is None:
            issues.add(row, DomainError("ledger.required"), "reviewed_on")
        if opinion is None:
            issues.add(row, DomainError("ledger.required"), "opinion")
        if reviewer and officers:
            _check(issues, row, case_rules.check_reviewer, reviewer, officers)
        if reviewer and reviewed and opinion is not None:
            review = ImportedReview(reviewer, reviewed, opinion)
    payments: tuple[PaymentRecord, ...] = ()
    major = None
    if decision is not None and paid and paid_on:
        due = decision.fine_fen + decision.confiscation_fen
        if decision.outcome is not Outcome.PENALTY or due == 0:
            error = DomainError("payment.nothing_due", None, {"case_no": case_no or ""})
            issues.add(row, error, "amount")
        elif paid > due + decision.fine_fen:
            limit = format_fen(due + decision.fine_fen)
            issues.add(row, DomainError("ledger.paid_too_much", None, {"max": limit}), "amount")
        else:
            principal = min(paid, due)
            payments = (PaymentRecord(paid_on, principal, paid - principal, "台账导入"),)
    if party is not None and decision is not None:
        transfer = decision.outcome is Outcome.TRANSFER_JUDICIAL
        basics = (party.kind, decision.fine_fen, decision.confiscation_fen, decision.kinds)
        reduced = c.deviation is Deviation.MITIGATED  # 减轻: major, as at the decision (§3)
        major = ctx.major((*basics, hearing, transfer, decision.demolition, reduced))
        if major.major:  # (the review gate asks nothing of a case that is not major)
            latest = (
                None
                if review is None
                else ReviewRound(
                    1, review.reviewer, review.reviewed_on, review.opinion, imported=True
                )
            )
            gate = case_rules.check_review_gate
            _check(issues, row, gate, major, latest, decision.decided_on, "opinion")
        if c.major is not None and c.major != major.major:
            params = {"computed": "是" if major.major else "否"}
            error = DomainError("ledger.major_mismatch", None, params)
            issues.add(row, error, "major", warning=True)
    if filed is not None:
        deadline = ctx.decision_due(filed, c.extended_to)
        if (decided or today) > deadline:
            params = {"due": deadline.isoformat()}
            error = DomainError("ledger.decision_late", None, params)
            issues.add(row, error, "decided_on", warning=True)
    cause = c.cause
    gates = None
    if without_gate_cells(c):
        whole = bool(case_no and cause and party and filed and officers)
        history_gates(c, row, ctx, issues, decision=decision, hearing=hearing, major=major,
                      errors_before=before, whole=whole)  # fmt: skip
    else:
        facts = RowFacts(case_no, cause, party, filed, officers, decision, hearing, major, before)

        def resolve(refs: tuple[OfficerRef, ...], on: dt.date | None) -> list[Certificate] | None:
            return _officers(refs, on, ctx, issues, row, key="presiding")

        gates = imported_gates(c, row, ctx, issues, facts=facts, resolve=resolve)
    forced = None
    if has_forced_cells(c):
        forced = imported_forced(c, row, issues, decision=decision, gates_from=ctx.gates_from,
                                 today=today)  # fmt: skip
    discretion = imported_discretion(c, row, ctx, issues, decision=decision)
    service_method = imported_service(c, row, ctx, issues, decision=decision)
    if not quiet or (party is not None and party.kind is PartyType.NATURAL_PERSON):
        texts = (("cause", cause), ("violation", c.violation), ("legal_basis", c.legal_basis),
                 ("location", c.location), ("notes", c.notes))  # fmt: skip
        _warn_personal_data(ctx, issues, row, party, texts)
    if issues.error_count > before or not (case_no and cause and party and filed and officers):
        return None
    here = f"{issues.sheet} 第{row}行"
    ctx.case_numbers[case_no] = here
    if decision is not None and decision.decision_no:
        ctx.decision_numbers[decision.decision_no] = here
    return _make_case(
        case_no=case_no,
        party=party,
        cause=cause,
        officer_certificates=tuple([o.certificate_no for o in officers]),
        filed_on=filed,
        violation=c.violation,
        legal_basis=c.legal_basis,
        location=c.location,
        hearing=hearing,
        decision_no=decision.decision_no if decision else None,
        decided_on=decided if decision else None,
        outcome=decision.outcome if decision else None,
        penalty_kinds=decision.kinds if decision else frozenset(),
        no_penalty_reason=decision.no_penalty_reason if decision else None,
        fine_fen=decision.fine_fen if decision else 0,
        confiscation_fen=decision.confiscation_fen if decision else 0,
        served_on=served,
        closed_on=closed,
        payments=payments,
        notes=c.notes,
        review=review,
        major_flag_reason=None,
        published_on=published,
        publication_unrecorded=unrecorded,
        gates=gates,
        violation_on=c.violation_on,
        clue_on=c.clue_on,
        demolition_deadline=decision.demolition_deadline if decision else None,
        notice_on=None,
        discussed_on=None,
        forced=forced,
        discretion=discretion,
        service_method=service_method,
        reduced_penalty=discretion is not None and discretion.deviation is Deviation.MITIGATED,
    )


def _publication(
    c: GeneralCells,
    decision: Decision | None,
    party: PartyRecord | None,
    row: int,
    issues: SheetIssues,
    *,
    today: dt.date,
) -> tuple[dt.date | None, bool]:
    """公示日期: on or after the decision of a penalty. A published penalty decision imported
    without one is history from before the program (``domain.publication``): marked
    unrecorded, listed as a warning, never late and never on the due list."""
    published = c.published_on
    penalty = decision is not None and decision.outcome is Outcome.PENALTY
    if published is not None:
        if not penalty:
            issues.add(row, DomainError("publication.not_publishable"), "published_on")
            return None, False
        assert decision is not None
        earlier = decision.decided_on
        _check_date(issues, row, "published_on", published, earlier=earlier, what="决定日期",
                    today=today)  # fmt: skip
        return published, False
    if not penalty or decision is None or party is None:
        return None, False
    if publication_required_for(decision, party):
        issues.add(row, DomainError("publication.unrecorded"), "published_on", warning=True)
    return None, True


def _simple_decision(
    c: SimpleCells, row: int, ctx: ImportContext, issues: SheetIssues
) -> SimpleDecisionRecord | None:
    before = issues.error_count
    number, kind, name, cause = c.decision_no, c.party_kind, c.party_name, c.cause
    decided = c.decided_on
    officers = _officers(c.officers, decided, ctx, issues, row)
    on_spot, notes = c.collected_on_spot, c.notes
    where = ctx.where_simple(number) if number else None
    if where is not None:
        params = {"decision_no": number, "where": where}
        issues.add(row, DomainError("ledger.decision_exists", None, params), "decision_no")
    party = PartyRecord(kind, name) if kind is not None and name else None
    texts = (("cause", cause), ("violation", c.violation), ("location", c.location),
             ("notes", notes))  # fmt: skip
    _warn_personal_data(ctx, issues, row, party, texts)
    if issues.error_count > before or not (
        number and kind is not None and name and cause and decided and officers and c.kinds
    ):
        return None
    draft = SimpleDecisionRecord(
        decision_no=number,
        party=PartyRecord(kind, name, c.id_number),
        cause=cause,
        officer_certificates=tuple(o.certificate_no for o in officers),
        decided_on=decided,
        penalty_kind=PenaltyKind.from_label(c.kinds),
        violation=c.violation,
        location=c.location,
        fine_fen=c.fine or 0,
        legal_basis=c.legal_basis,
        collected_on_spot=bool(on_spot),
        on_spot_reason=notes if on_spot else None,
        paid_on=c.paid_on,
        notes=notes,
        surcharge_fen=c.surcharge or 0,
        receipt_no=c.receipt_no,
        cash_to_agency_on=c.cash_to_agency_on,
        cash_to_bank_on=c.cash_to_bank_on,
        filed_with_agency_on=c.filed_with_agency_on,
    )
    try:
        record = check_simple_decision(
            draft, number_holder=None, officers=officers, limits=ctx.limits, today=ctx.today
        )
    except DomainError as error:
        issues.add(row, error, None)
        return None
    ctx.simple_numbers[number] = f"{issues.sheet} 第{row}行"
    return record


def _warn_personal_data(
    ctx: ImportContext,
    issues: SheetIssues,
    row: int,
    party: PartyRecord | None,
    texts: tuple[tuple[str, str | None], ...],
) -> None:
    """A warning for each free-text cell holding personal data (the record keeps it as typed;
    the public outputs are built without it)."""
    name, kind = (party.name, party.kind) if party is not None else (None, None)
    for field, found in ctx.free_text.findings_in(texts, name, kind).items():
        params = {"field": FREE_TEXT_LABELS[field], "what": labels(found)}
        issues.add(row, DomainError("ledger.personal_data", None, params), field, warning=True)
