"""The corrections log and the writes a correction makes (inside the caller's transaction)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.corrections.corrections import Correction, CorrectionEntry, RecordKind
from chuansha_enforce.domain.enums import CertificateStatus
from chuansha_enforce.domain.records import OfficerRecord, SimpleDecisionRecord
from chuansha_enforce.storage.documents.document_repository import DocumentRepository

if TYPE_CHECKING:
    from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository

_CASE_COLUMNS = {
    "cause": "cause",
    "violation": "violation",
    "legal_basis": "legal_basis",
    "location": "location",
    "filed_on": "filed_on",
    "served_on": "served_on",
    "closed_on": "closed_on",
}
_ENTRY = (
    "SELECT at, user, record_kind, field, label, before_value, after_value, reason,"
    " (SELECT round_no FROM legal_review_rounds r WHERE r.id = c.superseded_round_id),"
    " affects_publication FROM corrections c"
)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _d(text: object) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(str(text))


def _entry(row: tuple[object, ...]) -> CorrectionEntry:
    return CorrectionEntry(
        at=str(row[0]),
        user=str(row[1]),
        record_kind=RecordKind(str(row[2])),
        field=str(row[3]),
        label=str(row[4]),
        before=None if row[5] is None else str(row[5]),
        after=None if row[6] is None else str(row[6]),
        reason=str(row[7]),
        superseded_round=None if row[8] is None else int(str(row[8])),
        affects_publication=bool(row[9]),
    )


@dataclass(frozen=True, slots=True)
class StoredSimple:
    id: int
    party_id: int
    record: SimpleDecisionRecord


@dataclass(frozen=True, slots=True)
class StoredOfficer:
    certificate_id: int
    officer_id: int
    record: OfficerRecord


class CorrectionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- the log ------------------------------------------------------------------------
    def record(self, correction: Correction, at: str, user: str) -> int:
        c = correction
        row_id = self._db.execute(
            "INSERT INTO corrections (at, user, record_kind, record_key, case_id, field, label,"
            " before_value, after_value, reason, superseded_round_id, affects_publication)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [at, user, c.record_kind.value, c.record_key, c.case_id, c.field, c.label, c.before,
             c.after, c.reason, c.superseded_round_id, int(c.affects_publication)],
        ).lastrowid  # fmt: skip
        assert row_id is not None
        return int(row_id)

    def for_case(self, case_id: int) -> tuple[CorrectionEntry, ...]:
        rows = self._db.execute(f"{_ENTRY} WHERE case_id = ? ORDER BY id", [case_id]).fetchall()
        return tuple(_entry(r) for r in rows)

    def for_record(self, kind: RecordKind, key: str) -> tuple[CorrectionEntry, ...]:
        rows = self._db.execute(
            f"{_ENTRY} WHERE record_kind = ? AND record_key = ? ORDER BY id", [kind.value, key]
        ).fetchall()
        return tuple(_entry(r) for r in rows)

    def superseded_round(self, case_id: int) -> int | None:
        """The highest review round a correction of this case superseded."""
        row = self._db.execute(
            "SELECT max(r.round_no) FROM corrections c"
            " JOIN legal_review_rounds r ON r.id = c.superseded_round_id WHERE c.case_id = ?",
            [case_id],
        ).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    # -- general cases ------------------------------------------------------------------
    def write_case(
        self, cases: CaseFileRepository, field: str, case: CaseFile, payment: int, at: str
    ) -> None:
        """Store ``field`` of the corrected ``case`` (``payment``: index into its payments)."""
        db = self._db
        if field in _CASE_COLUMNS:
            value = getattr(case, field)
            stored = value.isoformat() if isinstance(value, dt.date) else value
            db.execute(
                f"UPDATE general_cases SET [{_CASE_COLUMNS[field]}] = ?, updated_at = ?"
                " WHERE id = ?",
                [stored, at, case.id],
            )
        elif field in ("party_name", "party_kind", "id_number", "address"):
            p = case.party
            db.execute(
                "UPDATE parties SET kind = ?, name = ?, id_number = ?, address = ?"
                " WHERE id = (SELECT party_id FROM general_cases WHERE id = ?)",
                [p.kind.value, p.name, p.id_number, p.address, case.id],
            )
            db.execute("UPDATE general_cases SET updated_at = ? WHERE id = ?", [at, case.id])
        elif field in ("notice_on", "facts"):
            assert case.notice is not None
            cases.save_notice(case.id, case.notice, at)
        elif field in ("paid_on", "amount", "receipt_no"):
            ids = [
                int(r[0])
                for r in db.execute(
                    "SELECT id FROM payments WHERE case_id = ? ORDER BY paid_on, id", [case.id]
                )
            ]
            paid = case.payments[payment]
            db.execute(
                "UPDATE payments SET paid_on = ?, amount_fen = ?, receipt_no = ? WHERE id = ?",
                [paid.paid_on.isoformat(), paid.amount_fen, paid.receipt_no, ids[payment]],
            )
        else:
            assert case.decision is not None
            db.execute("DELETE FROM general_case_penalties WHERE case_id = ?", [case.id])
            cases.save_decision(case.id, case.decision, at)

    # -- simple decisions ---------------------------------------------------------------
    def simple(self, decision_no: str) -> StoredSimple | None:
        """The simple decision as recorded (read as the documents read it), with its keys."""
        row = self._db.execute(
            "SELECT id, party_id FROM simple_decisions"
            " WHERE decision_no = ? AND deleted_at IS NULL",
            [decision_no],
        ).fetchone()
        found = DocumentRepository(self._db).simple_decision(decision_no)
        if row is None or found is None:
            return None
        return StoredSimple(int(row[0]), int(row[1]), found.decision)

    def write_simple(self, stored: StoredSimple, record: SimpleDecisionRecord, at: str) -> None:
        p = record.party
        self._db.execute(
            "UPDATE parties SET kind = ?, name = ?, id_number = ?, address = ? WHERE id = ?",
            [p.kind.value, p.name, p.id_number, p.address, stored.party_id],
        )
        self._db.execute(
            "UPDATE simple_decisions SET decision_no = ?, cause = ?, violation = ?, location = ?,"
            " decided_on = ?, penalty_kind = ?, fine_fen = ?, collected_on_spot = ?,"
            " on_spot_reason = ?, paid_on = ?, notes = ?, legal_basis = ?, updated_at = ?"
            " WHERE id = ?",
            [record.decision_no, record.cause, record.violation, record.location,
             record.decided_on.isoformat(), record.penalty_kind.value, record.fine_fen,
             int(record.collected_on_spot), record.on_spot_reason, _iso(record.paid_on),
             record.notes, record.legal_basis, at, stored.id],
        )  # fmt: skip

    # -- officers -----------------------------------------------------------------------
    def officer(self, certificate_no: str) -> StoredOfficer | None:
        row = self._db.execute(
            "SELECT c.id, c.officer_id, o.name, c.certificate_no, c.issued_on, c.expires_on,"
            " c.status, c.cancelled_on FROM certificates c JOIN officers o ON o.id = c.officer_id"
            " WHERE c.certificate_no = ?",
            [certificate_no],
        ).fetchone()
        if row is None:
            return None
        record = OfficerRecord(
            row[2],
            row[3],
            dt.date.fromisoformat(row[4]),
            _d(row[5]),
            CertificateStatus(row[6]),
            _d(row[7]),
        )
        return StoredOfficer(int(row[0]), int(row[1]), record)

    def write_officer(self, stored: StoredOfficer, record: OfficerRecord) -> None:
        self._db.execute(
            "UPDATE officers SET name = ? WHERE id = ?", [record.name, stored.officer_id]
        )
        self._db.execute(
            "UPDATE certificates SET certificate_no = ?, issued_on = ?, expires_on = ?,"
            " status = ?, cancelled_on = ? WHERE id = ?",
            [record.certificate_no, record.issued_on.isoformat(), _iso(record.expires_on),
             record.status.value, _iso(record.cancelled_on), stored.certificate_id],
        )  # fmt: skip
