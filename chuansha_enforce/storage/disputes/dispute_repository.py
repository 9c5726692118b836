"""The register of reconsiderations and lawsuits: rows in, records out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
)

_COLUMNS = (
    "id, kind, number, instance, applicant, act, body, case_no, simple_procedure, received_on,"
    " replied_on, hearing_on, leader_appeared, outcome, outcome_on, notes"
)
_WITH_VERSION = (
    _COLUMNS + ", (SELECT COALESCE(v.version, 0) FROM general_cases g"
    " LEFT JOIN case_versions v ON v.case_id = g.id"
    " WHERE (g.case_no = disputes.case_no OR g.decision_no = disputes.case_no)"
    " AND g.deleted_at IS NULL ORDER BY g.id LIMIT 1)"
)
"""The columns and the version of the general case the dispute names, in one statement (what
a form shows is never newer than the version it carries)."""


@dataclass(frozen=True, slots=True)
class StoredDispute:
    id: int
    record: DisputeRecord
    case_version: int | None = None
    """The named general case's version as read with the dispute (None: no general case)."""


def _date(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text is not None else None


def _row(row: Sequence[Any]) -> StoredDispute:
    received = _date(row[9])
    assert received is not None  # NOT NULL in the schema
    return StoredDispute(
        id=int(row[0]),
        record=DisputeRecord(
            kind=DisputeKind(row[1]),
            number=str(row[2]),
            instance=Instance(row[3]),
            applicant=str(row[4]),
            act=DisputedAct(row[5]),
            body=str(row[6]),
            case_no=row[7],
            simple_procedure=bool(row[8]),
            received_on=received,
            replied_on=_date(row[10]),
            hearing_on=_date(row[11]),
            leader_appeared=None if row[12] is None else bool(row[12]),
            outcome=DisputeOutcome(row[13]) if row[13] is not None else None,
            outcome_on=_date(row[14]),
            notes=row[15],
        ),
        case_version=None if len(row) < 17 or row[16] is None else int(row[16]),
    )


def _values(record: DisputeRecord) -> list[object]:
    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day is not None else None

    return [
        record.kind.value,
        record.number,
        record.instance.value,
        record.applicant,
        record.act.value,
        record.body,
        record.case_no,
        int(record.simple_procedure),
        record.received_on.isoformat(),
        iso(record.replied_on),
        iso(record.hearing_on),
        None if record.leader_appeared is None else int(record.leader_appeared),
        record.outcome.value if record.outcome is not None else None,
        iso(record.outcome_on),
        record.notes,
    ]


def dispute_records(
    db: sqlite_utils.Database, join_where: str, params: Sequence[object], key: str
) -> list[tuple[int, DisputeRecord]]:
    """(``key``, record) of the disputes ``d`` that ``join_where`` selects, by received date."""
    columns = ", ".join(f"d.{c.strip()}" for c in _COLUMNS.split(","))
    rows = db.execute(
        f"SELECT {key}, {columns} FROM disputes d {join_where} ORDER BY d.received_on", params
    ).fetchall()
    return [(int(r[0]), _row(r[1:]).record) for r in rows]


class DisputeRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def find(self, kind: DisputeKind, number: str, instance: Instance) -> StoredDispute | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM disputes WHERE kind = ? AND number = ? AND instance = ?",
            [kind.value, number, instance.value],
        ).fetchone()
        return _row(row) if row else None

    def get(self, dispute_id: int) -> StoredDispute | None:
        row = self._db.execute(
            f"SELECT {_WITH_VERSION} FROM disputes WHERE id = ?", [dispute_id]
        ).fetchone()
        return _row(row) if row else None

    def listing(
        self, *, year: int | None = None, case_no: str | None = None, pending_only: bool = False
    ) -> list[StoredDispute]:
        """Newest received first; ``year`` keeps disputes received or concluded in that year."""
        where, params = [], []
        if year is not None:
            where.append("(substr(received_on, 1, 4) = ? OR substr(outcome_on, 1, 4) = ?)")
            params += [f"{year:04d}", f"{year:04d}"]
        if case_no is not None:
            where.append("case_no = ?")
            params.append(case_no)
        if pending_only:
            where.append("outcome IS NULL")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        rows = self._db.execute(
            f"SELECT {_WITH_VERSION} FROM disputes{clause} ORDER BY received_on DESC, id DESC",
            params,
        ).fetchall()
        return [_row(r) for r in rows]

    def for_year(self, year: int) -> list[DisputeRecord]:
        """Every dispute received, heard or concluded in ``year`` (what the rates count)."""
        text = f"{year:04d}"
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM disputes WHERE substr(received_on, 1, 4) = ?"
            " OR substr(outcome_on, 1, 4) = ? OR substr(hearing_on, 1, 4) = ?",
            [text, text, text],
        ).fetchall()
        return [_row(r).record for r in rows]

    def open_in(self, year: int) -> list[DisputeRecord]:
        """Disputes pending at some time in ``year`` (received by its end, not concluded
        before its start): what that year's ledger carries."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM disputes WHERE received_on <= ?"
            " AND (outcome_on IS NULL OR outcome_on >= ?) ORDER BY received_on, number, instance",
            [f"{year:04d}-12-31", f"{year:04d}-01-01"],
        ).fetchall()
        return [_row(r).record for r in rows]

    def insert(self, record: DisputeRecord, *, at: str, user: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO disputes (kind, number, instance, applicant, act, body, case_no,"
            " simple_procedure, received_on, replied_on, hearing_on, leader_appeared, outcome,"
            " outcome_on, notes, created_at, created_by, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*_values(record), at, user, at],
        )
        return int(cursor.lastrowid or 0)

    def update(self, dispute_id: int, record: DisputeRecord, *, at: str) -> None:
        self._db.execute(
            "UPDATE disputes SET kind = ?, number = ?, instance = ?, applicant = ?, act = ?,"
            " body = ?, case_no = ?, simple_procedure = ?, received_on = ?, replied_on = ?,"
            " hearing_on = ?, leader_appeared = ?, outcome = ?, outcome_on = ?, notes = ?,"
            " updated_at = ? WHERE id = ?",
            [*_values(record), at, dispute_id],
        )

    def for_case(self, case_no: str) -> list[DisputeRecord]:
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM disputes WHERE case_no = ? ORDER BY received_on",
            [case_no],
        ).fetchall()
        return [_row(r).record for r in rows]

    def decided_acts(self, year: int, limit: int = 40) -> list[tuple[str, bool]]:
        """Some penalty decisions of ``year`` (number, is simple) that a dispute may concern."""
        general = self._db.execute(
            "SELECT decision_no FROM general_cases WHERE decided_year = ?"
            " AND outcome = 'penalty' AND decision_no IS NOT NULL ORDER BY id LIMIT ?",
            [year, limit],
        ).fetchall()
        simple = self._db.execute(
            "SELECT decision_no FROM simple_decisions WHERE decided_on BETWEEN ? AND ?"
            " ORDER BY id LIMIT ?",
            [f"{year:04d}-01-01", f"{year:04d}-12-31", limit // 2],
        ).fetchall()
        return [(r[0], False) for r in general] + [(r[0], True) for r in simple]

    def general_case(self, number: str) -> tuple[int, str] | None:
        """The general case (id, case number) a dispute's act number names (its case number or
        its decision's number), for claiming the case's version; None for a simple decision."""
        row = self._db.execute(
            "SELECT id, case_no FROM general_cases WHERE (case_no = ? OR decision_no = ?)"
            " AND deleted_at IS NULL ORDER BY id LIMIT 1",
            [number.strip(), number.strip()],
        ).fetchone()
        return None if row is None else (int(row[0]), str(row[1]))

    def act_exists(self, case_no: str) -> tuple[bool, bool]:
        """(a general case or a simple decision has this number, it is a simple decision)."""
        general = self._db.execute(
            "SELECT 1 FROM general_cases WHERE (case_no = ? OR decision_no = ?)"
            " AND deleted_at IS NULL",
            [case_no, case_no],
        ).fetchone()
        simple = self._db.execute(
            "SELECT 1 FROM simple_decisions WHERE decision_no = ?", [case_no]
        ).fetchone()
        return (general is not None or simple is not None), simple is not None
