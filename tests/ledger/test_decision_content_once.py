"""``ImportContext.decision_content``: ``case_rules.check_decision_content`` asked once per
combination of the facts it reads, with the rule's own answer for every decision."""

from __future__ import annotations

import datetime as dt
import itertools

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.enums import NoPenaltyReason, Outcome, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.import_context import ImportContext

D = dt.date
Answer = tuple[str, str | None, dict[str, object]] | None


def _rule(decision: Decision) -> Answer:
    try:
        case_rules.check_decision_content(decision)
    except DomainError as error:
        return error.code, error.field, dict(error.params)
    return None


def _memo(ctx: ImportContext, decision: Decision) -> Answer:
    error = ctx.decision_content(decision)
    return None if error is None else (error.code, error.field, dict(error.params))


def test_every_combination_answers_as_the_rule_twice() -> None:
    ctx = ImportContext(today=D(2025, 6, 30), calendar=WorkCalendar())
    kinds = [frozenset(), frozenset({PenaltyKind.FINE}), frozenset({PenaltyKind.WARNING})]
    reasons = [None, next(iter(NoPenaltyReason))]
    days = [D(2024, 4, 10), D(2024, 4, 11)]
    deadlines = [None, D(2024, 4, 10), D(2024, 4, 11), D(2024, 5, 1)]
    answers = set()
    for _ in range(2):  # the second time from the memo
        for outcome, kind, reason, fine, number, day, deadline in itertools.product(
            list(Outcome), kinds, reasons, [0, 100, -1], [None, "", "沪浦川执罚〔2024〕1号"],
            days, deadlines,
        ):  # fmt: skip
            decision = Decision(number, day, outcome, kind, reason, fine, 0, False, deadline)
            assert _memo(ctx, decision) == _rule(decision)
            answers.add(None if (a := _rule(decision)) is None else a[0])
    assert None in answers
    assert {"decision.demolition_deadline_too_early", "decision.fine_required"} <= answers
