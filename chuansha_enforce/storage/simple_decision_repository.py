"""Simple-procedure decisions: write one, page through the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.case_file import Certificate
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.identity import id_number_for_list
from chuansha_enforce.domain.records import SimpleDecisionRecord
from chuansha_enforce.storage.parties import insert_party


@dataclass(frozen=True, slots=True)
class SimpleListRow:
    id: int
    decision_no: str
    decided_on: dt.date
    party_name: str
    party_kind: PartyType
    id_number_masked: str | None
    cause: str
    penalty_kind: PenaltyKind
    fine_fen: int
    collected_on_spot: bool
    paid_on: dt.date | None


@dataclass(frozen=True, slots=True)
class SimplePage:
    rows: tuple[SimpleListRow, ...]
    next_key: tuple[str, int] | None


class SimpleDecisionRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def number_exists(self, decision_no: str) -> bool:
        query = "SELECT 1 FROM simple_decisions WHERE decision_no = ?"
        return self._db.execute(query, [decision_no]).fetchone() is not None

    def insert(
        self, decision: SimpleDecisionRecord, officers: Sequence[Certificate], at: str
    ) -> int:
        party = decision.party
        party_id = insert_party(self._db, party)
        decision_id = self._db.execute(
            "INSERT INTO simple_decisions (decision_no, party_id, cause, violation, location,"
            " decided_on, penalty_kind, fine_fen, collected_on_spot, on_spot_reason, paid_on,"
            " notes, created_at, updated_at, legal_basis)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                decision.decision_no,
                party_id,
                decision.cause,
                decision.violation,
                decision.location,
                decision.decided_on.isoformat(),
                decision.penalty_kind.value,
                decision.fine_fen,
                int(decision.collected_on_spot),
                decision.on_spot_reason,
                None if decision.paid_on is None else decision.paid_on.isoformat(),
                decision.notes,
                at,
                at,
                decision.legal_basis,
            ],
        ).lastrowid
        assert decision_id is not None
        self._db.conn.executemany(
            "INSERT INTO simple_decision_officers (decision_id, certificate_id) VALUES (?, ?)",
            [(decision_id, o.id) for o in {o.id: o for o in officers}.values()],
        )
        return int(decision_id)

    def page(self, *, after: tuple[str, int] | None, limit: int) -> SimplePage:
        where = ["s.deleted_at IS NULL"]
        params: list[object] = []
        if after is not None:
            where.append("(s.decided_on, s.id) < (?, ?)")
            params.extend(after)
        rows = self._db.execute(
            "SELECT s.id, s.decision_no, s.decided_on, p.name, p.kind, p.id_number, s.cause,"
            " s.penalty_kind, s.fine_fen, s.collected_on_spot, s.paid_on"
            " FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            f" WHERE {' AND '.join(where)} ORDER BY s.decided_on DESC, s.id DESC LIMIT ?",
            [*params, limit + 1],
        ).fetchall()
        items = tuple(
            SimpleListRow(
                id=int(r[0]),
                decision_no=r[1],
                decided_on=dt.date.fromisoformat(r[2]),
                party_name=r[3],
                party_kind=PartyType(r[4]),
                id_number_masked=id_number_for_list(PartyType(r[4]), r[5]),
                cause=r[6],
                penalty_kind=PenaltyKind(r[7]),
                fine_fen=int(r[8]),
                collected_on_spot=bool(r[9]),
                paid_on=dt.date.fromisoformat(r[10]) if r[10] else None,
            )
            for r in rows[:limit]
        )
        next_key = (items[-1].decided_on.isoformat(), items[-1].id) if len(rows) > limit else None
        return SimplePage(items, next_key)
