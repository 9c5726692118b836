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

    def last_recorded(self) -> tuple[str, tuple[str, ...]] | None:
        """The number and officers' certificate numbers of the decision entered last."""
        row = self._db.execute(
            "SELECT id, decision_no FROM simple_decisions WHERE deleted_at IS NULL"
            " ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        officers = self._db.execute(
            "SELECT c.certificate_no FROM simple_decision_officers o"
            " JOIN certificates c ON c.id = o.certificate_id WHERE o.decision_id = ?"
            " ORDER BY c.certificate_no",
            [row[0]],
        ).fetchall()
        return str(row[1]), tuple(str(r[0]) for r in officers)

    def find(self, text: str, limit: int) -> tuple[SimpleListRow, ...]:
        """Decisions whose number, party name, cause or location contains ``text``, or whose
        number's sequence ends with it; newest first."""
        return self._rows(
            "(instr(s.decision_no, ?) > 0 OR instr(p.name, ?) > 0 OR instr(s.cause, ?) > 0"
            " OR instr(coalesce(s.location, ''), ?) > 0)",
            [text, text, text, text],
            limit,
        )

    def detail(self, decision_id: int) -> tuple[str | None, str | None, tuple[str, ...]]:
        """(location, notes, officers as 姓名（证号）) of one decision."""
        row = self._db.execute(
            "SELECT location, notes FROM simple_decisions WHERE id = ?", [decision_id]
        ).fetchone()
        officers = self._db.execute(
            "SELECT f.name, c.certificate_no FROM simple_decision_officers o"
            " JOIN certificates c ON c.id = o.certificate_id"
            " JOIN officers f ON f.id = c.officer_id WHERE o.decision_id = ?"
            " ORDER BY c.certificate_no",
            [decision_id],
        ).fetchall()
        names = tuple(f"{name}（{number}）" for name, number in officers)
        return (row[0], row[1], names) if row else (None, None, names)

    def _rows(self, where: str, params: list[object], limit: int) -> tuple[SimpleListRow, ...]:
        rows = self._db.execute(
            "SELECT s.id, s.decision_no, s.decided_on, p.name, p.kind, p.id_number, s.cause,"
            " s.penalty_kind, s.fine_fen, s.collected_on_spot, s.paid_on"
            " FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            f" WHERE s.deleted_at IS NULL AND {where}"
            " ORDER BY s.decided_on DESC, s.id DESC LIMIT ?",
            [*params, limit],
        ).fetchall()
        return tuple(_list_row(r) for r in rows)

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
        items = tuple(_list_row(r) for r in rows[:limit])
        next_key = (items[-1].decided_on.isoformat(), items[-1].id) if len(rows) > limit else None
        return SimplePage(items, next_key)


def _list_row(r: Sequence[object]) -> SimpleListRow:
    kind = PartyType(str(r[4]))
    return SimpleListRow(
        id=int(str(r[0])),
        decision_no=str(r[1]),
        decided_on=dt.date.fromisoformat(str(r[2])),
        party_name=str(r[3]),
        party_kind=kind,
        id_number_masked=id_number_for_list(kind, None if r[5] is None else str(r[5])),
        cause=str(r[6]),
        penalty_kind=PenaltyKind(str(r[7])),
        fine_fen=int(str(r[8])),
        collected_on_spot=bool(r[9]),
        paid_on=dt.date.fromisoformat(str(r[10])) if r[10] else None,
    )
