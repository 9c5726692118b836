"""Issued document numbers and their templates."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.storage.server.serialise import take_turn


@dataclass(frozen=True, slots=True)
class IssuedNumber:
    kind: str
    year: int
    seq: int
    number: str
    state: str
    reference: str | None
    void_reason: str | None


class NumberingRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def template(self, kind: str) -> str | None:
        row = self._db.execute(
            "SELECT template FROM number_templates WHERE kind = ?", [kind]
        ).fetchone()
        return None if row is None else str(row[0])

    def set_template(self, kind: str, template: str, at: str) -> None:
        self._db.execute(
            "INSERT INTO number_templates (kind, template, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (kind) DO UPDATE SET template = excluded.template,"
            " updated_at = excluded.updated_at",
            [kind, template, at],
        )

    def take_turn(self, kind: str, year: int) -> None:
        """Inside the issuing transaction: wait for other issuers of this series (a server)."""
        take_turn(self._db, f"issued_numbers:{kind}:{year}")

    def last_seq(self, kind: str, year: int) -> int:
        row = self._db.execute(
            "SELECT max(seq) FROM issued_numbers WHERE kind = ? AND year = ?", [kind, year]
        ).fetchone()
        return int(row[0] or 0)

    def number_in_use(self, number: str) -> bool:
        """Issued before, or already on a case or a decision (e.g. typed in or imported)."""
        return (
            self._db.execute(
                "SELECT 1 FROM issued_numbers WHERE number = ?1"
                " UNION ALL SELECT 1 FROM general_cases WHERE case_no = ?1 OR decision_no = ?1"
                " UNION ALL SELECT 1 FROM simple_decisions WHERE decision_no = ?1 LIMIT 1",
                [number],
            ).fetchone()
            is not None
        )

    def record(
        self, *, kind: str, year: int, seq: int, number: str, reference: str | None, at: str
    ) -> None:
        self._db.execute(
            "INSERT INTO issued_numbers (kind, year, seq, number, state, reference, created_at)"
            " VALUES (?, ?, ?, ?, 'used', ?, ?)",
            [kind, year, seq, number, reference, at],
        )

    def void(self, number: str, reason: str) -> bool:
        cursor = self._db.execute(
            "UPDATE issued_numbers SET state = 'voided', void_reason = ? WHERE number = ?"
            " AND state = 'used'",
            [reason, number],
        )
        return cursor.rowcount == 1

    def issued(self, kind: str, year: int) -> list[IssuedNumber]:
        rows = self._db.execute(
            "SELECT kind, year, seq, number, state, reference, void_reason FROM issued_numbers"
            " WHERE kind = ? AND year = ? ORDER BY seq",
            [kind, year],
        ).fetchall()
        return [IssuedNumber(r[0], int(r[1]), int(r[2]), r[3], r[4], r[5], r[6]) for r in rows]
