"""Service by the book (DOMAIN §1, §14): courts annul decisions never validly served.

- 公告送达 only after a direct, left-at-residence, postal or entrusted service was tried and
  recorded, or once the party is recorded as not to be found;
- 留置送达 (民事诉讼法第八十九条, applied through APL 61) needs a witness from the party's
  grassroots organisation or employer, or a photo or video record of leaving it;
- 电子送达 only with the party's written consent (送达地址确认书, APL 61②), given on or before the
  day of service.

Each check raises ``DomainError`` naming its article; the services call them before writing.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from chuansha_enforce.domain.cases.case_file import CaseFile, ServiceAttempt, ServiceProof
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.enums import EnumMap, ServiceMethod
from chuansha_enforce.domain.errors import DomainError

ATTEMPT_METHODS = (
    ServiceMethod.DIRECT,
    ServiceMethod.LEFT_AT_RESIDENCE,
    ServiceMethod.MAIL,
    ServiceMethod.ENTRUSTED,
)
"""The methods whose failure is recorded before a 公告送达 (not 当场, 电子 or 公告 itself)."""

PROOF_NEEDED: Final = EnumMap(
    ServiceMethod,
    {
        ServiceMethod.PUBLIC_NOTICE: (
            "此前送达未成功的记录",
            "行政处罚法第六十一条，民事诉讼法第九十五条",
        ),
        ServiceMethod.LEFT_AT_RESIDENCE: ("见证人或拍照录像记录", "民事诉讼法第八十九条"),
        ServiceMethod.ELECTRONIC: ("当事人书面同意电子送达的日期", "行政处罚法第六十一条第二款"),
    },
)
"""What ``check_proof`` needs on record beside the date, per method, and the articles: (what,
articles). A ledger row carries none of it (only 送达日期 and 送达方式)."""


def check_attempt(case: CaseFile, attempt: ServiceAttempt, today: dt.date) -> None:
    """A failed service attempt: after the decision, before the service, not in the future."""
    if case.decision is None:
        raise DomainError("case.not_decided", "attempted_on", {"case_no": case.case_no})
    if case.served_on is not None:
        raise DomainError(
            "case.already_served", "attempted_on", {"date": case.served_on.isoformat()}
        )
    if attempt.method not in ATTEMPT_METHODS:
        labels = "、".join(m.label for m in ATTEMPT_METHODS)
        raise DomainError("service.attempt_method", "service_method", {"methods": labels})
    not_future(attempt.attempted_on, today, "attempted_on")
    not_before(attempt.attempted_on, case.decision.decided_on, "attempted_on", "决定日期")


def attempts_before(case: CaseFile, served_on: dt.date) -> tuple[ServiceAttempt, ...]:
    """The recorded attempts on or before ``served_on``."""
    return tuple(a for a in case.service_attempts if a.attempted_on <= served_on)


def check_proof(
    case: CaseFile, served_on: dt.date, method: ServiceMethod, proof: ServiceProof
) -> None:
    """What the method needs recorded beside the date; nothing the method does not use."""
    if method is ServiceMethod.PUBLIC_NOTICE and not attempts_before(case, served_on):
        raise DomainError("service.notice_without_attempts", "service_method")
    if method is ServiceMethod.LEFT_AT_RESIDENCE and not (proof.witness or proof.recorded):
        raise DomainError("service.left_without_witness", "service_witness")
    if method is not ServiceMethod.LEFT_AT_RESIDENCE and (proof.witness or proof.recorded):
        raise DomainError("service.witness_not_used", "service_witness")
    if method is ServiceMethod.ELECTRONIC:
        if proof.consent_on is None:
            raise DomainError("service.electronic_without_consent", "consent_on")
        if proof.consent_on > served_on:
            params = {"date": proof.consent_on.isoformat(), "served": served_on.isoformat()}
            raise DomainError("service.consent_after_service", "consent_on", params)
    elif proof.consent_on is not None:
        raise DomainError("service.consent_not_used", "consent_on")


def service_note(case: CaseFile) -> str:
    """What the 送达回证 notes about the service: each earlier attempt, then the witness, the
    photo/video record or the consent that makes it valid (empty when there is nothing)."""
    parts = [
        f"{a.attempted_on.isoformat()}{a.method.label}{a.result.label}"
        + (f"（{a.note}）" if a.note else "")
        for a in case.service_attempts
    ]
    proof = case.service_proof
    if proof is not None:
        if proof.witness:
            parts.append(f"见证人：{proof.witness}")
        if proof.recorded:
            parts.append("已拍照录像记录送达过程")
        if proof.consent_on is not None:
            parts.append(f"当事人于{proof.consent_on.isoformat()}书面同意电子送达")
    return "；".join(parts)
