"""Simple-procedure decisions: write one, read one back, record what follows, page the list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.identity import id_number_for_list
from chuansha_enforce.domain.calendar.deadlines import Pause
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.storage.cases.parties import insert_party
from chuansha_enforce.storage.simple_procedure.simple_versions import VERSION_OF


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
    surcharge_fen: int = 0
    receipt_no: str | None = None
    cash_to_agency_on: dt.date | None = None
    cash_to_bank_on: dt.date | None = None
    filed_with_agency_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class SimplePage:
    rows: tuple[SimpleListRow, ...]
    next_key: tuple[str, int] | None


@dataclass(frozen=True, slots=True)
class StoredSimple:
    """A recorded decision with its officers' names (the form prints both officers)."""

    id: int
    decision: SimpleDecisionRecord
    officer_names: tuple[str, ...]
    version: int = 0
    """Its edit version (``simple_versions``), read in the statement that reads it."""


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_AFTER_COLUMNS = "receipt_no, cash_to_agency_on, cash_to_bank_on, filed_with_agency_on"
_SURCHARGE = "(SELECT u.surcharge_fen FROM simple_surcharges u WHERE u.decision_id = s.id)"
"""The 加处罚款 paid with a decision's fine (a table of its own: migration 0017)."""


def _after_values(decision: SimpleDecisionRecord) -> list[object]:
    return [
        decision.receipt_no,
        _iso(decision.cash_to_agency_on),
        _iso(decision.cash_to_bank_on),
        _iso(decision.filed_with_agency_on),
    ]


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
            f" notes, created_at, updated_at, legal_basis, {_AFTER_COLUMNS})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                _iso(decision.paid_on),
                decision.notes,
                at,
                at,
                decision.legal_basis,
                *_after_values(decision),
            ],
        ).lastrowid
        assert decision_id is not None
        self._db.conn.executemany(
            "INSERT INTO simple_decision_officers (decision_id, certificate_id) VALUES (?, ?)",
            [(decision_id, o.id) for o in {o.id: o for o in officers}.values()],
        )
        self._write_surcharge(int(decision_id), decision.surcharge_fen)
        return int(decision_id)

    def _write_surcharge(self, decision_id: int, surcharge_fen: int) -> None:
        if surcharge_fen:
            self._db.execute(
                "INSERT INTO simple_surcharges (decision_id, surcharge_fen) VALUES (?, ?)"
                " ON CONFLICT (decision_id) DO UPDATE SET surcharge_fen = excluded.surcharge_fen",
                [decision_id, surcharge_fen],
            )
        else:
            self._db.execute("DELETE FROM simple_surcharges WHERE decision_id = ?", [decision_id])

    def open_duty_numbers(self, since: dt.date) -> list[str]:
        """Live decisions dated from ``since`` on not yet paid (when not collected on the
        spot), whose cash is not yet with the agency and the bank, or not yet filed."""
        rows = self._db.execute(
            "SELECT decision_no FROM simple_decisions WHERE deleted_at IS NULL"
            " AND decided_on >= ? AND ("
            " (paid_on IS NULL AND collected_on_spot = 0 AND fine_fen > 0)"
            " OR (collected_on_spot = 1"
            "     AND (cash_to_agency_on IS NULL OR cash_to_bank_on IS NULL))"
            " OR filed_with_agency_on IS NULL) ORDER BY id",
            [since.isoformat()],
        ).fetchall()
        return [str(r[0]) for r in rows]

    def find(self, decision_no: str) -> StoredSimple | None:
        """A live decision by its number, with its officers' certificates and names (in the
        order they were registered) and the party's address and representative."""
        row = self._db.execute(
            "SELECT s.id, s.decision_no, p.kind, p.name, p.id_number, s.cause, s.decided_on,"
            " s.penalty_kind, s.violation, s.location, s.fine_fen, s.collected_on_spot,"
            f" s.on_spot_reason, s.paid_on, s.notes, s.legal_basis, {_SURCHARGE},"
            " s.receipt_no, s.cash_to_agency_on, s.cash_to_bank_on, s.filed_with_agency_on,"
            f" p.address, p.legal_representative, {VERSION_OF}"
            " FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            " WHERE s.decision_no = ? AND s.deleted_at IS NULL",
            [decision_no],
        ).fetchone()
        if row is None:
            return None
        officers = self._db.execute(
            "SELECT t.certificate_no, o.name FROM simple_decision_officers g"
            " JOIN certificates t ON t.id = g.certificate_id"
            " JOIN officers o ON o.id = t.officer_id WHERE g.decision_id = ? ORDER BY t.id",
            [row[0]],
        ).fetchall()
        decision = SimpleDecisionRecord(
            decision_no=row[1],
            party=PartyRecord(PartyType(row[2]), row[3], row[4], row[21], row[22]),
            cause=row[5],
            officer_certificates=tuple(o[0] for o in officers),
            decided_on=dt.date.fromisoformat(row[6]),
            penalty_kind=PenaltyKind(row[7]),
            violation=row[8],
            location=row[9],
            fine_fen=int(row[10]),
            collected_on_spot=bool(row[11]),
            on_spot_reason=row[12],
            paid_on=_day(row[13]),
            notes=row[14],
            legal_basis=row[15],
            surcharge_fen=int(row[16] or 0),
            receipt_no=row[17],
            cash_to_agency_on=_day(row[18]),
            cash_to_bank_on=_day(row[19]),
            filed_with_agency_on=_day(row[20]),
        )
        names = tuple(o[1] for o in officers)
        return StoredSimple(int(row[0]), decision, names, int(row[23] or 0))

    def dispute_pauses(self, decision_nos: Sequence[str]) -> dict[str, tuple[Pause, ...]]:
        """The reconsiderations and lawsuits about each decision, as surcharge pauses from
        receipt to outcome (APL 73; a pending one runs on)."""
        found: dict[str, list[Pause]] = {}
        for start in range(0, len(decision_nos), 500):
            chunk = list(decision_nos[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            for number, received, until in self._db.execute(
                "SELECT case_no, received_on, coalesce(outcome_on, '9999-12-31') FROM disputes"
                f" WHERE case_no IN ({marks}) ORDER BY received_on",
                chunk,
            ):
                pause = Pause(dt.date.fromisoformat(received), dt.date.fromisoformat(until))
                found.setdefault(number, []).append(pause)
        return {number: tuple(pauses) for number, pauses in found.items()}

    def record_after(self, decision_id: int, decision: SimpleDecisionRecord, at: str) -> None:
        """Write the payment, receipt, cash hand-over and 备案 of a decision."""
        self._db.execute(
            "UPDATE simple_decisions SET paid_on = ?, receipt_no = ?, cash_to_agency_on = ?,"
            " cash_to_bank_on = ?, filed_with_agency_on = ?, updated_at = ? WHERE id = ?",
            [_iso(decision.paid_on), *_after_values(decision), at, decision_id],
        )
        self._write_surcharge(decision_id, decision.surcharge_fen)

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

    def search(self, text: str, limit: int) -> tuple[SimpleListRow, ...]:
        """Decisions whose number, party name, cause or location contains ``text``; newest
        first."""
        rows = self._db.execute(
            f"SELECT {_LIST_COLUMNS} FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            " WHERE s.deleted_at IS NULL AND (instr(s.decision_no, ?) > 0 OR instr(p.name, ?) > 0"
            " OR instr(s.cause, ?) > 0 OR instr(coalesce(s.location, ''), ?) > 0)"
            " ORDER BY s.decided_on DESC, s.id DESC LIMIT ?",
            [text, text, text, text, limit],
        ).fetchall()
        return tuple(_list_row(r) for r in rows)

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

    def page(
        self, *, after: tuple[str, int] | None, limit: int, year: int | None = None
    ) -> SimplePage:
        where = ["s.deleted_at IS NULL"]
        params: list[object] = []
        if year is not None:
            where.append("s.decided_on BETWEEN ? AND ?")
            params.extend([f"{year:04d}-01-01", f"{year:04d}-12-31"])
        if after is not None:
            where.append("(s.decided_on, s.id) < (?, ?)")
            params.extend(after)
        rows = self._db.execute(
            f"SELECT {_LIST_COLUMNS} FROM simple_decisions s JOIN parties p ON p.id = s.party_id"
            f" WHERE {' AND '.join(where)} ORDER BY s.decided_on DESC, s.id DESC LIMIT ?",
            [*params, limit + 1],
        ).fetchall()
        items = tuple(_list_row(r) for r in rows[:limit])
        next_key = (items[-1].decided_on.isoformat(), items[-1].id) if len(rows) > limit else None
        return SimplePage(items, next_key)


_LIST_COLUMNS = (
    "s.id, s.decision_no, s.decided_on, p.name, p.kind, p.id_number, s.cause, s.penalty_kind,"
    f" s.fine_fen, s.collected_on_spot, s.paid_on, {_SURCHARGE}, s.receipt_no,"
    " s.cash_to_agency_on, s.cash_to_bank_on, s.filed_with_agency_on"
)


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
        paid_on=_day(None if r[10] is None else str(r[10])),
        surcharge_fen=int(str(r[11] or 0)),
        receipt_no=None if r[12] is None else str(r[12]),
        cash_to_agency_on=_day(None if r[13] is None else str(r[13])),
        cash_to_bank_on=_day(None if r[14] is None else str(r[14])),
        filed_with_agency_on=_day(None if r[15] is None else str(r[15])),
    )
