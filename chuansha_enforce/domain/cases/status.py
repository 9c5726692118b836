"""A case's status is derived from its recorded steps, never stored."""

from __future__ import annotations

from chuansha_enforce.domain.enums import CaseStatus


def derive_case_status(*, decided: bool, served: bool, closed: bool, deleted: bool) -> CaseStatus:
    if deleted:
        return CaseStatus.DELETED
    if closed:
        return CaseStatus.CLOSED
    if served:
        return CaseStatus.SERVED
    if decided:
        return CaseStatus.DECIDED
    return CaseStatus.FILED
