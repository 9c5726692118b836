"""Legal review: submissions, signed rounds with their findings, and signatures."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.cases.case_file import ReviewRound
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.review.review_checklist import Finding


@dataclass(frozen=True, slots=True)
class SubmissionRow:
    id: int
    case_id: int
    case_no: str
    party_name: str
    submitted_on: dt.date
    submitted_by: str
    materials: tuple[str, ...]
    due_on: dt.date
    extended: bool
    note: str | None


@dataclass(frozen=True, slots=True)
class RoundRow:
    id: int
    case_id: int
    case_no: str
    round: ReviewRound
    previous_round_id: int | None
    submission_id: int | None
    reviewer_user_id: int | None
    reviewer_user: str | None
    qualification_no: str | None


@dataclass(frozen=True, slots=True)
class SignatureRow:
    id: int
    round_id: int
    user_id: int
    algorithm: str
    public_key: bytes
    signed_at: str
    chain_head: str
    payload_hash: str
    signature: bytes


@dataclass(frozen=True, slots=True)
class NewRound:
    case_id: int
    round: ReviewRound
    previous_round_id: int | None
    submission_id: int
    reviewer_user_id: int
    qualification_no: str


_SUBMISSION = (
    "s.id, s.case_id, c.case_no, p.name, s.submitted_on, s.submitted_by, s.materials, s.due_on,"
    " s.extended, s.note FROM review_submissions s JOIN general_cases c ON c.id = s.case_id"
    " JOIN parties p ON p.id = c.party_id"
)
_OPEN = "NOT EXISTS (SELECT 1 FROM legal_review_rounds r WHERE r.submission_id = s.id)"
_ROUND = (
    "r.id, r.case_id, c.case_no, r.round_no, r.reviewer, r.reviewed_on, r.opinion, r.imported,"
    " r.note, r.previous_round_id, r.submission_id, r.reviewer_user_id, u.name,"
    " r.reviewer_qualification FROM legal_review_rounds r"
    " JOIN general_cases c ON c.id = r.case_id LEFT JOIN users u ON u.id = r.reviewer_user_id"
)
_SIGNATURE = (
    "id, round_id, user_id, algorithm, public_key, signed_at, chain_head, payload_hash, signature"
    " FROM review_signatures"
)


def _blob(value: object) -> bytes:
    if not isinstance(value, bytes):
        raise TypeError(f"expected a BLOB, got {type(value).__name__}")
    return value


def _date(text: object) -> dt.date:
    return dt.date.fromisoformat(str(text))


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _submission(row: Sequence[object]) -> SubmissionRow:
    return SubmissionRow(
        id=int(str(row[0])),
        case_id=int(str(row[1])),
        case_no=str(row[2]),
        party_name=str(row[3]),
        submitted_on=_date(row[4]),
        submitted_by=str(row[5]),
        materials=tuple(json.loads(str(row[6]))),
        due_on=_date(row[7]),
        extended=bool(row[8]),
        note=_opt_str(row[9]),
    )


def _round(row: Sequence[object]) -> RoundRow:
    return RoundRow(
        id=int(str(row[0])),
        case_id=int(str(row[1])),
        case_no=str(row[2]),
        round=ReviewRound(
            round_no=int(str(row[3])),
            reviewer=str(row[4]),
            reviewed_on=_date(row[5]),
            opinion=ReviewOpinion(str(row[6])),
            imported=bool(row[7]),
            note=_opt_str(row[8]),
        ),
        previous_round_id=_opt_int(row[9]),
        submission_id=_opt_int(row[10]),
        reviewer_user_id=_opt_int(row[11]),
        reviewer_user=_opt_str(row[12]),
        qualification_no=_opt_str(row[13]),
    )


def _signature(row: Sequence[object]) -> SignatureRow:
    return SignatureRow(
        id=int(str(row[0])),
        round_id=int(str(row[1])),
        user_id=int(str(row[2])),
        algorithm=str(row[3]),
        public_key=_blob(row[4]),
        signed_at=str(row[5]),
        chain_head=str(row[6]),
        payload_hash=str(row[7]),
        signature=_blob(row[8]),
    )


class ReviewRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- submissions ----------------------------------------------------------------------
    def open_submission(self, case_id: int) -> SubmissionRow | None:
        row = self._db.execute(
            f"SELECT {_SUBMISSION} WHERE s.case_id = ? AND {_OPEN} ORDER BY s.id DESC LIMIT 1",
            [case_id],
        ).fetchone()
        return None if row is None else _submission(row)

    def submissions(self, case_id: int) -> list[SubmissionRow]:
        rows = self._db.execute(
            f"SELECT {_SUBMISSION} WHERE s.case_id = ? ORDER BY s.id", [case_id]
        ).fetchall()
        return [_submission(r) for r in rows]

    def queue(self) -> list[SubmissionRow]:
        """Open submissions of cases not yet decided, the most urgent first."""
        rows = self._db.execute(
            f"SELECT {_SUBMISSION} WHERE {_OPEN} AND c.decided_on IS NULL"
            " AND c.deleted_at IS NULL ORDER BY s.due_on, s.id"
        ).fetchall()
        return [_submission(r) for r in rows]

    def add_submission(
        self,
        case_id: int,
        submitted_on: dt.date,
        materials: Sequence[str],
        due_on: dt.date,
        *,
        submitted_by: str,
        note: str | None,
        at: str,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO review_submissions (case_id, submitted_on, submitted_by, materials,"
            " due_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                case_id,
                submitted_on.isoformat(),
                submitted_by,
                json.dumps(list(materials), ensure_ascii=False),
                due_on.isoformat(),
                note,
                at,
            ],
        )
        return int(cursor.lastrowid or 0)

    def extend_submission(
        self, submission_id: int, due_on: dt.date, approved_by: str, reason: str
    ) -> None:
        self._db.execute(
            "UPDATE review_submissions SET due_on = ?, extended = 1, extension_approved_by = ?,"
            " extension_reason = ? WHERE id = ?",
            [due_on.isoformat(), approved_by, reason, submission_id],
        )

    # -- rounds ---------------------------------------------------------------------------
    def last_round_id(self, case_id: int) -> int | None:
        row = self._db.execute(
            "SELECT id FROM legal_review_rounds WHERE case_id = ? ORDER BY round_no DESC LIMIT 1",
            [case_id],
        ).fetchone()
        return None if row is None else int(row[0])

    def add_round(self, new: NewRound, at: str) -> int:
        r = new.round
        cursor = self._db.execute(
            "INSERT INTO legal_review_rounds (case_id, round_no, reviewer, reviewed_on, opinion,"
            " imported, note, created_at, previous_round_id, submission_id, reviewer_user_id,"
            " reviewer_qualification, proposal) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
            [
                new.case_id,
                r.round_no,
                r.reviewer,
                r.reviewed_on.isoformat(),
                r.opinion.value,
                r.note,
                at,
                new.previous_round_id,
                new.submission_id,
                new.reviewer_user_id,
                new.qualification_no,
                r.proposal.text() if r.proposal else None,
            ],
        )
        return int(cursor.lastrowid or 0)

    def add_findings(self, round_id: int, findings: Sequence[Finding]) -> None:
        self._db.conn.executemany(
            "INSERT INTO review_findings (round_id, item, ok, note) VALUES (?, ?, ?, ?)",
            [(round_id, f.item, int(f.ok), f.note) for f in findings],
        )

    def rounds(self, case_id: int) -> list[RoundRow]:
        rows = self._db.execute(
            f"SELECT {_ROUND} WHERE r.case_id = ? ORDER BY r.round_no", [case_id]
        ).fetchall()
        return [_round(r) for r in rows]

    def round(self, round_id: int) -> RoundRow | None:
        row = self._db.execute(f"SELECT {_ROUND} WHERE r.id = ?", [round_id]).fetchone()
        return None if row is None else _round(row)

    def findings(self, round_id: int) -> tuple[Finding, ...]:
        rows = self._db.execute(
            "SELECT item, ok, note FROM review_findings WHERE round_id = ? ORDER BY id",
            [round_id],
        ).fetchall()
        return tuple(Finding(str(r[0]), bool(r[1]), _opt_str(r[2])) for r in rows)

    def rounds_by_program_reviewers(self) -> list[int]:
        """Rounds made in the program by an account: each must carry a signature."""
        rows = self._db.execute(
            "SELECT id FROM legal_review_rounds WHERE reviewer_user_id IS NOT NULL ORDER BY id"
        ).fetchall()
        return [int(r[0]) for r in rows]

    # -- signatures -----------------------------------------------------------------------
    def add_signature(self, sig: SignatureRow) -> int:
        cursor = self._db.execute(
            "INSERT INTO review_signatures (round_id, user_id, algorithm, public_key, signed_at,"
            " chain_head, payload_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                sig.round_id,
                sig.user_id,
                sig.algorithm,
                sig.public_key,
                sig.signed_at,
                sig.chain_head,
                sig.payload_hash,
                sig.signature,
            ],
        )
        return int(cursor.lastrowid or 0)

    def signature_for(self, round_id: int) -> SignatureRow | None:
        row = self._db.execute(f"SELECT {_SIGNATURE} WHERE round_id = ?", [round_id]).fetchone()
        return None if row is None else _signature(row)

    def signatures(self) -> list[SignatureRow]:
        return [_signature(r) for r in self._db.execute(f"SELECT {_SIGNATURE} ORDER BY id")]
