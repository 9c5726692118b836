"""The 执法文书 made for each case (kind, 文号, when) and the simple decisions they print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.clock import CHINA_TZ
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord


@dataclass(frozen=True, slots=True)
class MadeDocument:
    kind: str
    document_no: str | None
    first_made_at: str
    last_made_at: str
    times_made: int

    @property
    def first_made_on(self) -> dt.date:
        """The day it was first made, in Shanghai."""
        return dt.datetime.fromisoformat(self.first_made_at).astimezone(CHINA_TZ).date()


@dataclass(frozen=True, slots=True)
class SimpleDecisionRow:
    """A recorded simple decision with its officers' names (the form prints both officers)."""

    decision: SimpleDecisionRecord
    officer_names: tuple[str, ...]


class DocumentRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def made(self, case_no: str) -> dict[str, MadeDocument]:
        rows = self._db.execute(
            "SELECT kind, document_no, first_made_at, last_made_at, times_made"
            " FROM case_documents WHERE case_no = ?",
            [case_no],
        ).fetchall()
        return {r[0]: MadeDocument(r[0], r[1], r[2], r[3], int(r[4])) for r in rows}

    def record_made(self, case_no: str, kind: str, document_no: str | None, at: str) -> None:
        self._db.execute(
            "INSERT INTO case_documents (case_no, kind, document_no, first_made_at, last_made_at)"
            " VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (case_no, kind) DO UPDATE"
            " SET last_made_at = ?4, times_made = times_made + 1",
            [case_no, kind, document_no, at],
        )

    def simple_decision(self, decision_no: str) -> SimpleDecisionRow | None:
        row = self._db.execute(
            "SELECT s.id, s.decision_no, p.kind, p.name, p.id_number, p.address,"
            " p.legal_representative, s.cause, s.violation, s.location, s.decided_on,"
            " s.penalty_kind, s.fine_fen, s.collected_on_spot, s.on_spot_reason, s.paid_on,"
            " s.notes, s.legal_basis FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            " WHERE s.decision_no = ? AND s.deleted_at IS NULL",
            [decision_no],
        ).fetchone()
        if row is None:
            return None
        officers = self._db.execute(
            "SELECT o.name, c.certificate_no FROM simple_decision_officers d"
            " JOIN certificates c ON c.id = d.certificate_id"
            " JOIN officers o ON o.id = c.officer_id WHERE d.decision_id = ? ORDER BY c.id",
            [row[0]],
        ).fetchall()
        party = PartyRecord(PartyType(row[2]), row[3], row[4], row[5], row[6])
        decision = SimpleDecisionRecord(
            decision_no=row[1],
            party=party,
            cause=row[7],
            officer_certificates=tuple(str(o[1]) for o in officers),
            decided_on=dt.date.fromisoformat(row[10]),
            penalty_kind=PenaltyKind(row[11]),
            violation=row[8],
            location=row[9],
            fine_fen=int(row[12]),
            collected_on_spot=bool(row[13]),
            on_spot_reason=row[14],
            paid_on=dt.date.fromisoformat(row[15]) if row[15] else None,
            notes=row[16],
            legal_basis=row[17],
        )
        return SimpleDecisionRow(decision, tuple(str(o[0]) for o in officers))
