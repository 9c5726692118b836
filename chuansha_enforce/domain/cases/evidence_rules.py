"""Evidence as data (APL 40, 46, 59): each piece is recorded before the decision it supports,
and the decisions list what the file holds (行政处罚决定书: 违法事实和证据)."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.cases.case_file import CaseFile, EvidenceItem
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.errors import DomainError

MAX_DESCRIPTION = 200


def check_evidence(case: CaseFile, item: EvidenceItem, today: dt.date) -> None:
    """Gathered before the decision (facts are established first, APL 40), not in the future,
    not before the act it proves or the clue that led to it; described in words."""
    if case.decision is not None:
        raise DomainError("evidence.after_decision", "obtained_on", {"case_no": case.case_no})
    description = item.description.strip()
    if not description:
        raise DomainError("value.required", "evidence_description")
    if len(description) > MAX_DESCRIPTION:
        raise DomainError("evidence.too_long", "evidence_description", {"max": MAX_DESCRIPTION})
    not_future(item.obtained_on, today, "obtained_on")
    earliest = case.violation_on or case.clue_on
    if earliest is not None:
        not_before(item.obtained_on, earliest, "obtained_on", "违法行为或发现线索日期")


def evidence_text(case: CaseFile) -> str:
    """The 决定书's list of evidence: one item after another, in the order obtained."""
    items = sorted(case.evidence, key=lambda e: e.obtained_on)
    return "；".join(f"{n}. {e.text}" for n, e in enumerate(items, start=1))
