"""The stock of pre-numbered simple-procedure forms (issued to an officer, used, voided)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils


@dataclass(frozen=True, slots=True)
class SimpleForm:
    form_no: str
    issued_to: str | None  # officer name (certificate number)
    issued_on: dt.date | None
    used_by: str | None  # decision number
    voided_on: dt.date | None
    void_reason: str | None

    @property
    def state(self) -> str:
        if self.voided_on is not None:
            return "voided"
        return "used" if self.used_by else "in_stock"


class SimpleFormRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def existing(self, numbers: list[str]) -> set[str]:
        marks = ", ".join("?" for _ in numbers)
        rows = self._db.execute(
            f"SELECT form_no FROM simple_forms WHERE form_no IN ({marks})", numbers
        ).fetchall()
        return {r[0] for r in rows}

    def add(self, numbers: list[str], certificate_id: int, issued_on: dt.date, at: str) -> None:
        self._db.conn.executemany(
            "INSERT INTO simple_forms (form_no, issued_to, issued_on, created_at)"
            " VALUES (?, ?, ?, ?)",
            [(n, certificate_id, issued_on.isoformat(), at) for n in numbers],
        )

    def get(self, form_no: str) -> SimpleForm | None:
        row = self._db.execute(
            "SELECT f.form_no, o.name || '（' || c.certificate_no || '）', f.issued_on,"
            " s.decision_no, f.voided_on, f.void_reason FROM simple_forms f"
            " LEFT JOIN certificates c ON c.id = f.issued_to"
            " LEFT JOIN officers o ON o.id = c.officer_id"
            " LEFT JOIN simple_decisions s ON s.id = f.used_by_decision WHERE f.form_no = ?",
            [form_no],
        ).fetchone()
        if row is None:
            return None
        return SimpleForm(
            row[0],
            row[1],
            dt.date.fromisoformat(row[2]) if row[2] else None,
            row[3],
            dt.date.fromisoformat(row[4]) if row[4] else None,
            row[5],
        )

    def mark_used(self, form_no: str, decision_id: int) -> None:
        self._db.execute(
            "UPDATE simple_forms SET used_by_decision = ? WHERE form_no = ?", [decision_id, form_no]
        )

    def void(self, form_no: str, voided_on: dt.date, reason: str) -> None:
        self._db.execute(
            "UPDATE simple_forms SET voided_on = ?, void_reason = ? WHERE form_no = ?",
            [voided_on.isoformat(), reason, form_no],
        )

    def counts(self) -> dict[str, int]:
        row = self._db.execute(
            "SELECT count(*), sum(used_by_decision IS NOT NULL), sum(voided_on IS NOT NULL)"
            " FROM simple_forms"
        ).fetchone()
        total, used, voided = (int(v or 0) for v in row)
        return {"in_stock": total - used - voided, "used": used, "voided": voided}
