"""Demolition orders beside penalties (DOMAIN §13) and the education an APL 33 不予处罚
decision carries: what such a decision and its education step must say."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from chuansha_enforce.domain.enums import APL33_REASONS, Outcome
from chuansha_enforce.domain.errors import DomainError

if TYPE_CHECKING:  # annotations only: the case list's flags do not load the case file model
    from chuansha_enforce.domain.cases.case_file import CaseFile, Decision, Education

ORDER_OUTCOMES = frozenset({Outcome.PENALTY, Outcome.ORDER_ONLY})
"""The outcomes a 责令限期拆除 order may go with: a penalty, or none (the order alone)."""


def carries_order(decision: Decision) -> bool:
    """A decision the §12 gates guard: a penalty, or a demolition order (never exempt)."""
    return decision.outcome is Outcome.PENALTY or decision.demolition


def check_order_content(decision: Decision) -> None:
    """An order goes with a penalty or alone, always with a deadline after the decision."""
    if decision.outcome is Outcome.ORDER_ONLY and decision.demolition_deadline is None:
        raise DomainError("decision.demolition_deadline_required", "demolition_deadline")
    deadline = decision.demolition_deadline
    if deadline is None:
        return
    if decision.outcome not in ORDER_OUTCOMES:
        raise DomainError("decision.demolition_with_outcome", "demolition_deadline",
                          {"outcome": decision.outcome.label})  # fmt: skip
    if deadline <= decision.decided_on:
        raise DomainError("decision.demolition_deadline_too_early", "demolition_deadline",
                          {"deadline": deadline.isoformat(),
                           "decided_on": decision.decided_on.isoformat()})  # fmt: skip


def education_refusal(case: CaseFile) -> DomainError | None:
    """Why no education can be recorded on ``case`` now (None: it can): only with a 不予处罚
    decision under APL 33, and once."""
    decision = case.decision
    what = None
    if decision is None:
        what = "尚未作出决定"
    elif decision.outcome is not Outcome.NO_PENALTY:
        what = decision.outcome.label
    elif (reason := decision.no_penalty_reason) not in APL33_REASONS:
        what = f"不予处罚（{reason.label if reason else '未写明理由'}）"
    if what is not None:
        return DomainError("education.not_apl33", "educated_on", {"what": what})
    if case.education is not None:
        return DomainError("education.recorded", "educated_on",
                           {"date": case.education.given_on.isoformat()})  # fmt: skip
    return None


def check_education(case: CaseFile, education: Education, today: dt.date) -> None:
    """APL 33③: the education given with a 不予处罚 decision under APL 33, once, on or after
    the decision and never in the future."""
    refusal = education_refusal(case)
    if refusal is not None:
        raise refusal
    decision = case.decision
    assert decision is not None  # education_refusal said so
    if not education.how.strip():
        raise DomainError("value.required", "education")
    if education.given_on > today:
        raise DomainError("date.future", "educated_on", {"date": education.given_on.isoformat()})
    if education.given_on < decision.decided_on:
        raise DomainError("education.before_decision", "educated_on",
                          {"date": education.given_on.isoformat(),
                           "decided_on": decision.decided_on.isoformat()})  # fmt: skip
