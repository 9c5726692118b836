"""The decisions of a year as the 双公示 list needs them (one query, read by year index)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.disclosure import DisclosureSource
from chuansha_enforce.storage.after_decision.publication_repository import (
    WITHDRAWN_PARAMS,
    WITHDRAWN_SQL,
)


class DisclosureRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def penalty_decisions(self, year: int) -> Iterator[DisclosureSource]:
        """Penalty decisions dated in ``year``, by decision date then decision number."""
        rows = self._db.execute(
            "SELECT c.case_no, p.kind, p.name, p.id_number, p.address, c.decision_no,"
            " c.decided_on, c.outcome, c.fine_fen, c.confiscation_fen, c.violation,"
            " c.legal_basis, c.location,"
            " (SELECT group_concat(k.kind) FROM general_case_penalties k"
            "  WHERE k.case_id = c.id),"
            f" {WITHDRAWN_SQL}"
            " FROM general_cases c JOIN parties p ON p.id = c.party_id"
            " WHERE c.deleted_at IS NULL AND c.decided_year = ? AND c.outcome = 'penalty'"
            " ORDER BY c.decided_on, c.decision_no, c.id",
            [*WITHDRAWN_PARAMS, year],
        )
        for row in rows:
            yield DisclosureSource(
                case_no=row[0],
                party=PartyRecord(PartyType(row[1]), row[2], row[3], row[4]),
                decision_no=row[5],
                decided_on=dt.date.fromisoformat(row[6]),
                outcome=Outcome(row[7]),
                kinds=frozenset(PenaltyKind(k) for k in (row[13] or "").split(",") if k),
                fine_fen=int(row[8]),
                confiscation_fen=int(row[9]),
                violation=row[10],
                legal_basis=row[11],
                location=row[12],
                withdrawn=bool(row[14]),
            )
