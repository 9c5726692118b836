"""Re-checking one review signature against what the database holds now."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.review.review_signing import SigningPayload
from chuansha_enforce.services.credentials import signature_valid
from chuansha_enforce.storage.accounts.user_repository import UserRepository
from chuansha_enforce.storage.review.review_repository import (
    ReviewRepository,
    RoundRow,
    SignatureRow,
)


@dataclass(frozen=True, slots=True)
class SignatureProblem:
    table: str
    id: str
    what: str


def payload_for(round_row: RoundRow, sig: SignatureRow, repo: ReviewRepository) -> SigningPayload:
    r = round_row.round
    return SigningPayload(
        case_id=round_row.case_id,
        case_no=round_row.case_no,
        round_id=round_row.id,
        round_no=r.round_no,
        previous_round_id=round_row.previous_round_id,
        reviewer_user=round_row.reviewer_user or "",
        reviewer_name=r.reviewer,
        qualification_no=round_row.qualification_no,
        reviewed_on=r.reviewed_on.isoformat(),
        opinion=r.opinion.value,
        reasons=r.note,
        findings=repo.findings(round_row.id),
        signed_at=sig.signed_at,
        chain_head=sig.chain_head,
        algorithm=sig.algorithm,
    )


def signature_problems(
    sig: SignatureRow, reviews: ReviewRepository, users: UserRepository
) -> list[SignatureProblem]:
    """Everything wrong with one signature; an empty list means it holds."""
    problems: list[SignatureProblem] = []
    round_row = reviews.round(sig.round_id)
    if round_row is None:
        return [SignatureProblem("review_signatures", str(sig.id), "signed round is missing")]
    payload = payload_for(round_row, sig, reviews)
    if payload.digest() != sig.payload_hash:
        problems.append(
            SignatureProblem(
                "legal_review_rounds",
                str(round_row.id),
                "signed content changed (round or its findings differ from what was signed)",
            )
        )
    elif not signature_valid(sig.algorithm, sig.public_key, sig.signature, payload.canonical()):
        problems.append(
            SignatureProblem("review_signatures", str(sig.id), "signature does not verify")
        )
    signer = users.by_id(sig.user_id)
    held = set() if signer is None else {signer.public_key}
    held |= {k.public_key for k in users.retired_keys(sig.user_id)}  # before a reset
    if sig.public_key not in held:
        problems.append(
            SignatureProblem("review_signatures", str(sig.id), "key is not the signer's key")
        )
    if round_row.reviewer_user_id != sig.user_id:
        problems.append(
            SignatureProblem("legal_review_rounds", str(round_row.id), "reviewer is not the signer")
        )
    return problems


def check_latest_signature(db: sqlite_utils.Database, case_id: int, case_no: str) -> None:
    """Refuse to rely on a latest round whose signature no longer holds (or went missing)."""
    reviews = ReviewRepository(db)
    round_id = reviews.last_round_id(case_id)
    if round_id is None:
        return
    row = reviews.round(round_id)
    sig = reviews.signature_for(round_id)
    if row is None or (sig is None and row.reviewer_user_id is None):
        return  # imported or recorded from paper in single-user mode
    if sig is None or signature_problems(sig, reviews, UserRepository(db)):
        params = {"case_no": case_no, "round": row.round.round_no}
        raise DomainError("review.signature_invalid", "opinion", params)
