"""The imported discretion benchmark table, each decision's discretion, and the earlier fines
of a party for the same violation (一事不再罚)."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from chuansha_enforce.domain.cases.discretion import (
    Benchmark,
    Deviation,
    DiscretionChoice,
    EarlierFine,
)

DECISION_TABLE = "decision_discretion"
NOTICE_TABLE = "notice_discretion"  # 0027: the circumstance at the 告知 (DOMAIN §17)


class DiscretionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def benchmarks(self) -> tuple[Benchmark, ...]:
        return tuple(
            Benchmark(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or "", dt.date.fromisoformat(r[8])
            )
            for r in self._db.execute(
                "SELECT violation, basis, circumstance, statutory_min_fen, statutory_max_fen,"
                " min_fen, max_fen, source, effective_on FROM discretion_benchmarks"
                " ORDER BY violation, effective_on, id"
            )
        )

    def replace_benchmarks(self, rows: list[Benchmark], at: str) -> None:
        """A new table replaces the rows it repeats (violation, circumstance, date)."""
        for row in rows:
            self._db.execute(
                "DELETE FROM discretion_benchmarks WHERE violation = ? AND circumstance = ?"
                " AND effective_on = ?",
                [row.violation, row.circumstance, row.effective_on.isoformat()],
            )
            self._db.execute(
                "INSERT INTO discretion_benchmarks (violation, basis, circumstance,"
                " statutory_min_fen, statutory_max_fen, min_fen, max_fen, source, effective_on,"
                " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [row.violation, row.basis, row.circumstance, row.statutory_min_fen,
                 row.statutory_max_fen, row.min_fen, row.max_fen, row.source,
                 row.effective_on.isoformat(), at],
            )  # fmt: skip

    def save_choice(self, case_id: int, choice: DiscretionChoice, at: str) -> None:
        self._save(DECISION_TABLE, case_id, choice, at)

    def choice(self, case_id: int) -> DiscretionChoice | None:
        return self._choice(DECISION_TABLE, case_id)

    def save_notice_choice(self, case_id: int, choice: DiscretionChoice, at: str) -> None:
        """The circumstance (and any deviation) recorded at the 告知; a notice recorded again
        without one clears it."""
        self._db.execute(f"DELETE FROM {NOTICE_TABLE} WHERE case_id = ?", [case_id])
        self._save(NOTICE_TABLE, case_id, choice, at)

    def notice_choice(self, case_id: int) -> DiscretionChoice | None:
        return self._choice(NOTICE_TABLE, case_id)

    def _save(self, table: str, case_id: int, choice: DiscretionChoice, at: str) -> None:
        if choice.circumstance is None and choice.deviation is None:
            return
        deviation = choice.deviation.value if choice.deviation else None
        self._db.execute(
            f"INSERT INTO {table} (case_id, circumstance, deviation, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [case_id, choice.circumstance, deviation, choice.reason, at],
        )

    def _choice(self, table: str, case_id: int) -> DiscretionChoice | None:
        row = self._db.execute(
            f"SELECT circumstance, deviation, reason FROM {table} WHERE case_id = ?", [case_id]
        ).fetchone()
        if row is None:
            return None
        return DiscretionChoice(row[0], Deviation(row[1]) if row[1] else None, row[2])

    def earlier_fines(
        self, case_id: int, party_name: str, id_number: str | None
    ) -> list[EarlierFine]:
        """The party's other decided fines (not in the trash), with act date and place."""
        rows = self._db.execute(
            "SELECT c.case_no, c.violation, c.violation_on, c.location FROM general_cases c"
            " JOIN parties p ON p.id = c.party_id"
            " WHERE c.id != ? AND c.deleted_at IS NULL AND c.decided_on IS NOT NULL"
            " AND c.outcome = 'penalty' AND c.fine_fen > 0 AND p.name = ?"
            " AND coalesce(p.id_number, '') = coalesce(?, '')",
            [case_id, party_name, id_number],
        ).fetchall()
        return [
            EarlierFine(r[0], dt.date.fromisoformat(r[2]) if r[2] else None, r[3], r[1])
            for r in rows
        ]

    def deviations(self, year: int) -> dict[str, int]:
        """Decisions dated in the year by deviation code."""
        return {
            str(r[0]): int(r[1])
            for r in self._db.execute(
                "SELECT d.deviation, count(*) FROM decision_discretion d"
                " JOIN general_cases c ON c.id = d.case_id"
                " WHERE d.deviation IS NOT NULL AND c.deleted_at IS NULL"
                " AND c.decided_year = ? GROUP BY d.deviation",
                [year],
            )
        }
