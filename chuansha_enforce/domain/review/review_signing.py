"""The canonical text a reviewer signs: every decision-relevant field of one review round.

The same fields are read back from the database by ``verify`` and must give the same bytes,
so the format is fixed: JSON with sorted keys, no spaces, UTF-8 characters kept, version 1.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from chuansha_enforce.domain.review.review_checklist import Finding

PAYLOAD_VERSION = 1
ED25519 = "Ed25519"


@dataclass(frozen=True, slots=True)
class SigningPayload:
    case_id: int
    case_no: str
    round_id: int
    round_no: int
    previous_round_id: int | None
    reviewer_user: str
    reviewer_name: str
    qualification_no: str | None
    reviewed_on: str
    opinion: str
    reasons: str | None
    findings: tuple[Finding, ...]
    signed_at: str
    chain_head: str
    algorithm: str

    def canonical(self) -> bytes:
        body = {
            "v": PAYLOAD_VERSION,
            "case": {"id": self.case_id, "no": self.case_no},
            "round": {
                "id": self.round_id,
                "no": self.round_no,
                "previous": self.previous_round_id,
            },
            "reviewer": {
                "user": self.reviewer_user,
                "name": self.reviewer_name,
                "qualification": self.qualification_no,
            },
            "reviewed_on": self.reviewed_on,
            "opinion": self.opinion,
            "reasons": self.reasons,
            "findings": [
                {"item": f.item, "ok": f.ok, "note": f.note}
                for f in sorted(self.findings, key=lambda f: f.item)
            ],
            "signed_at": self.signed_at,
            "chain_head": self.chain_head,
            "algorithm": self.algorithm,
        }
        return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
            "utf-8"
        )

    def digest(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()
