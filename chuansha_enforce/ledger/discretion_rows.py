"""The discretion and service columns of a general-case row checked (headers and parsers in
``discretion_cells``).

情节 and 裁量调整 go with a decided fine and are checked against the discretion benchmark by
the decision step's own rule (``discretion.check_fine``); 裁量理由 goes with 裁量调整. A row
decided on or after ``gates_from`` with a fine needs its 情节 when the setting
``discretion_required`` asks for it, as ``case decide`` does.

送达方式 goes with 送达日期 (empty: 直接). 公告, 留置 and 电子 are lawful only with what
``service_rules.check_proof`` finds on record (earlier attempts, a witness or a photo/video
record, the party's consent), which a ledger row cannot carry: a row decided on or after
``gates_from`` with one of them is refused naming 送达方式 (such a service is recorded in the
program, ``case serve-attempt`` / ``case serve``); an older row is history and imports with a
warning.
"""

from __future__ import annotations

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.cases.discretion import DiscretionChoice, check_fine
from chuansha_enforce.domain.cases.service_rules import PROOF_NEEDED
from chuansha_enforce.domain.enums import Outcome, ServiceMethod
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.discretion_cells import DISCRETION_HEADERS
from chuansha_enforce.ledger.import_context import ImportContext
from chuansha_enforce.ledger.parsed_columns import SheetIssues
from chuansha_enforce.ledger.row_cells import GeneralCells


def _gated(ctx: ImportContext, decision: Decision) -> bool:
    return ctx.gates_from is not None and decision.decided_on >= ctx.gates_from


def imported_discretion(
    c: GeneralCells, row: int, ctx: ImportContext, issues: SheetIssues, *, decision: Decision | None
) -> DiscretionChoice | None:
    """The row's circumstance and deviation, checked; None when it has none (or errors)."""
    fined = (  # the decision when it imposes a fine (what ``check_fine`` is about)
        decision
        if decision is not None and decision.outcome is Outcome.PENALTY and decision.fine_fen > 0
        else None
    )
    if c.circumstance is None and c.deviation is None and c.deviation_reason is None:
        # Nothing chosen (most rows): ``check_fine`` of an empty choice can only ask for the
        # circumstance, and only when the setting requires it of this row.
        if ctx.discretion_required and fined is not None and _gated(ctx, fined):
            _check_fine(c, row, ctx, issues, decision=fined, choice=DiscretionChoice(),
                        required=True)  # fmt: skip
        return None
    given = [f for f in DISCRETION_HEADERS if getattr(c, f) is not None]
    before = issues.error_count
    if c.deviation_reason is not None and c.deviation is None:
        issues.add(row, DomainError("ledger.reason_without_deviation"), "deviation_reason")
    if decision is None:
        issues.add(row, DomainError("ledger.discretion_undecided"), given[0])
        return None
    if fined is None:
        if c.circumstance is not None or c.deviation is not None:
            key = "circumstance" if c.circumstance is not None else "deviation"
            issues.add(row, DomainError("discretion.fine_only"), key)
        return None
    choice = DiscretionChoice(c.circumstance, c.deviation, c.deviation_reason)
    required = ctx.discretion_required and _gated(ctx, fined)
    _check_fine(c, row, ctx, issues, decision=fined, choice=choice, required=required)
    return None if issues.error_count > before else choice


def _check_fine(
    c: GeneralCells,
    row: int,
    ctx: ImportContext,
    issues: SheetIssues,
    *,
    decision: Decision,
    choice: DiscretionChoice,
    required: bool,
) -> None:
    try:
        check_fine(ctx.benchmarks, c.violation, decision.fine_fen, choice, decision.decided_on,
                   required=required)  # fmt: skip
    except DomainError as error:
        issues.add(row, error, None)


def imported_service(
    c: GeneralCells, row: int, ctx: ImportContext, issues: SheetIssues, *, decision: Decision | None
) -> ServiceMethod | None:
    """How the decision was served: 直接 when 送达方式 is empty; None when not served."""
    if c.served_on is None:
        if c.service_method is not None:
            error = DomainError("ledger.service_method_without_date")
            issues.add(row, error, "service_method")
        return None
    method = c.service_method or ServiceMethod.DIRECT
    needs = None if method is ServiceMethod.DIRECT else PROOF_NEEDED.get(method)
    if needs is not None and decision is not None:
        gated = _gated(ctx, decision)
        params = {"method": method.label, "needs": needs[0], "articles": needs[1],
                  "gates_from": str(ctx.gates_from or "-")}  # fmt: skip
        code = "ledger.service_unproved" if gated else "ledger.service_unproved_history"
        issues.add(row, DomainError(code, None, params), "service_method", warning=not gated)
    return method
