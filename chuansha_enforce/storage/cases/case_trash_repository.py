"""The trash of general cases: moving a case in and out, and listing what is there."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from chuansha_enforce.domain.cases.case_trash import TrashedCase, TrashFacts


class CaseTrashRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def trashed_id(self, case_no: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM general_cases WHERE case_no = ? AND deleted_at IS NOT NULL", [case_no]
        ).fetchone()
        return None if row is None else int(row[0])

    def facts(self, case_id: int) -> TrashFacts:
        signed = self._db.execute(
            "SELECT count(*) FROM legal_review_rounds r JOIN review_signatures s"
            " ON s.round_id = r.id WHERE r.case_id = ?",
            [case_id],
        ).fetchone()[0]
        samples = self._db.execute(
            "SELECT count(*) FROM file_review_files WHERE case_id = ?", [case_id]
        ).fetchone()[0]
        decided, payments = self._db.execute(
            "SELECT c.decided_on IS NOT NULL,"
            " (SELECT count(*) FROM payments p WHERE p.case_id = c.id)"
            " FROM general_cases c WHERE c.id = ?",
            [case_id],
        ).fetchone()
        return TrashFacts(
            signed_rounds=int(signed),
            samples=int(samples),
            decided=bool(decided),
            payments=int(payments),
        )

    def move_in(self, case_id: int, *, at: str, user: str, reason: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET deleted_at = ?, deleted_by = ?, delete_reason = ?,"
            " updated_at = ? WHERE id = ? AND deleted_at IS NULL",
            [at, user, reason, at, case_id],
        )

    def move_out(self, case_id: int, *, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET deleted_at = NULL, deleted_by = NULL, delete_reason = NULL,"
            " updated_at = ? WHERE id = ? AND deleted_at IS NOT NULL",
            [at, case_id],
        )

    def listing(self) -> list[TrashedCase]:
        """Newest deletion first (the partial index on ``deleted_at`` holds only these)."""
        rows = self._db.execute(
            "SELECT c.case_no, p.name, c.cause, c.filed_on, c.deleted_at,"
            " coalesce(c.deleted_by, ''), coalesce(c.delete_reason, '')"
            " FROM general_cases c INDEXED BY general_cases_deleted"
            " JOIN parties p ON p.id = c.party_id"
            " WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC, c.id DESC"
        ).fetchall()
        return [
            TrashedCase(r[0], r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5], r[6])
            for r in rows
        ]
