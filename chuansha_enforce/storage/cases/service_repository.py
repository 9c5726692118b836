"""A decision's service by the book (failed attempts, the proof of the service) and the
evidence a case file holds."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from chuansha_enforce.domain.cases.case_file import EvidenceItem, ServiceAttempt, ServiceProof
from chuansha_enforce.domain.enums import AttemptResult, EvidenceKind, ServiceMethod


class ServiceRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def attempts(self, case_id: int) -> tuple[ServiceAttempt, ...]:
        return tuple(
            ServiceAttempt(
                dt.date.fromisoformat(r[0]), ServiceMethod(r[1]), AttemptResult(r[2]), r[3]
            )
            for r in self._db.execute(
                "SELECT attempted_on, method, result, note FROM service_attempts"
                " WHERE case_id = ? ORDER BY attempted_on, id",
                [case_id],
            )
        )

    def proof(self, case_id: int) -> ServiceProof | None:
        row = self._db.execute(
            "SELECT witness, recorded, consent_on FROM service_proofs WHERE case_id = ?",
            [case_id],
        ).fetchone()
        if row is None:
            return None
        consent = dt.date.fromisoformat(row[2]) if row[2] else None
        return ServiceProof(row[0], bool(row[1]), consent)

    def add_attempt(self, case_id: int, attempt: ServiceAttempt, at: str) -> None:
        self._db.execute(
            "INSERT INTO service_attempts (case_id, attempted_on, method, result, note,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, attempt.attempted_on.isoformat(), attempt.method.value,
             attempt.result.value, attempt.note, at],
        )  # fmt: skip

    def save_proof(self, case_id: int, proof: ServiceProof, at: str) -> None:
        """Stored only when there is something to prove (a witness, a record, a consent)."""
        if not (proof.witness or proof.recorded or proof.consent_on):
            return
        consent = proof.consent_on.isoformat() if proof.consent_on else None
        self._db.execute(
            "INSERT INTO service_proofs (case_id, witness, recorded, consent_on, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [case_id, proof.witness, int(proof.recorded), consent, at],
        )

    def evidence(self, case_id: int) -> tuple[EvidenceItem, ...]:
        return tuple(
            EvidenceItem(EvidenceKind(r[0]), r[1], dt.date.fromisoformat(r[2]))
            for r in self._db.execute(
                "SELECT kind, description, obtained_on FROM case_evidence"
                " WHERE case_id = ? ORDER BY obtained_on, id",
                [case_id],
            )
        )

    def add_evidence(self, case_id: int, item: EvidenceItem, at: str) -> None:
        self._db.execute(
            "INSERT INTO case_evidence (case_id, kind, description, obtained_on, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [case_id, item.kind.value, item.description, item.obtained_on.isoformat(), at],
        )
