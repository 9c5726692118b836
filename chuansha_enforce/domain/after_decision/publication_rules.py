"""The rules of the steps after the decision: publishing, withdrawing a publication
(APL 48), and closing a case with money unpaid (DOMAIN §14)."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.after_decision.publication import Publication, UnpaidCloseReason
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.text_input import clean_text

REASON_LIMIT = 200


def _reason_text(text: str | None, field: str) -> str | None:
    cleaned = clean_text(text or "") or None
    if cleaned is not None and len(cleaned) > REASON_LIMIT:
        raise DomainError("value.too_long", field, {"max": REASON_LIMIT})
    return cleaned


def check_publish(
    decided_on: dt.date | None,
    publishable: bool,
    publication: Publication,
    on: dt.date,
    today: dt.date,
) -> None:
    """``case publish``: a penalty decision that is published at all, once, on or after its
    date, not in the future."""
    if decided_on is None or not publishable:
        raise DomainError("publication.not_publishable", "published_on")
    if publication.published_on is not None:
        params = {"date": publication.published_on.isoformat()}
        raise DomainError("publication.already_published", "published_on", params)
    set_aside = publication.set_aside
    if set_aside is not None:
        params = {"date": set_aside.on.isoformat(), "by": set_aside.reason}
        raise DomainError("publication.set_aside", "published_on", params)
    not_future(on, today, "published_on")
    not_before(on, decided_on, "published_on", "决定日期")


def check_withdrawal(
    publication: Publication, on: dt.date, reason: str | None, today: dt.date
) -> str:
    """``case withdraw-publication``: a published decision, once, with a reason. Returns the
    cleaned reason."""
    text = _reason_text(reason, "withdrawal_reason")
    if text is None:
        raise DomainError("value.required", "withdrawal_reason")
    if publication.published_on is None:
        raise DomainError("publication.not_published", "withdrawn_on")
    if publication.withdrawn_on is not None:
        params = {"date": publication.withdrawn_on.isoformat()}
        raise DomainError("publication.already_withdrawn", "withdrawn_on", params)
    not_future(on, today, "withdrawn_on")
    not_before(on, publication.published_on, "withdrawn_on", "公示日期")
    return text


def check_unpaid_close(
    outstanding_fen: int,
    kind: UnpaidCloseReason | None,
    text: str | None,
    approved_by: str | None,
    approver_is_reviewer: bool,
) -> tuple[str | None, str | None]:
    """Closing with ``outstanding_fen`` unpaid needs a reason from the list; 其他 needs its text
    and a legal reviewer's approval. Returns the cleaned (text, approver)."""
    note = _reason_text(text, "close_reason")
    approver = clean_text(approved_by or "") or None
    if outstanding_fen <= 0:
        return note, approver
    amount = format_fen(outstanding_fen)
    if kind is None:
        choices = "、".join(r.label for r in UnpaidCloseReason)
        params = {"outstanding": amount, "choices": choices}
        raise DomainError("case.close_unpaid", "close_reason_kind", params)
    if kind is UnpaidCloseReason.OTHER:
        if note is None:
            raise DomainError("case.close_other_text", "close_reason", {"outstanding": amount})
        if approver is None:
            raise DomainError("case.close_other_approval", "close_approved_by")
        if not approver_is_reviewer:
            params = {"name": approver}
            raise DomainError("case.close_approver_not_reviewer", "close_approved_by", params)
    return note, approver
