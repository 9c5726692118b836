"""Deleting a general case: it goes to a trash it can be taken back from (DESIGN: deletes are
soft), never out of the file, and never when it carries records that must not change.

- A reason is required (1 to 200 characters): it is kept with the case and in the audit log.
- A case with a signed legal-review round is not deleted: signed records are never deleted or
  edited, and the round belongs to its case.
- A case drawn into a case-file review sample is not deleted: the sample must keep every file it
  was drawn with.
- A case with a decision or a payment is not deleted: it is an act of the squad, in the totals,
  the ledger and the published list; a wrong entry there is corrected, not deleted.

A deleted case keeps its number (numbers are never reused); it leaves every list, search,
total, queue and export until it is taken back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.errors import DomainError

MAX_REASON = 200


@dataclass(frozen=True, slots=True)
class TrashedCase:
    case_no: str
    party_name: str
    cause: str
    filed_on: dt.date
    deleted_at: str  # ISO-8601 UTC
    deleted_by: str
    reason: str


@dataclass(frozen=True, slots=True)
class TrashFacts:
    """What decides whether a case may go to the trash (read in the same transaction)."""

    signed_rounds: int
    samples: int
    decided: bool
    payments: int


def checked_reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise DomainError("trash.reason_required", "reason")
    if len(text) > MAX_REASON:
        raise DomainError("trash.reason_too_long", "reason", {"max": MAX_REASON})
    return text


def check_trashable(case_no: str, facts: TrashFacts) -> None:
    if facts.signed_rounds:
        raise DomainError("trash.signed", "case_no", {"case_no": case_no})
    if facts.samples:
        raise DomainError("trash.sampled", "case_no", {"case_no": case_no})
    if facts.decided or facts.payments:
        raise DomainError("trash.decided", "case_no", {"case_no": case_no})
