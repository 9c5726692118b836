"""The 执法文书 made for each case (kind, 文号, when) and the simple decisions they print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.clock import CHINA_TZ
from chuansha_enforce.domain.records import SimpleDecisionRecord
from chuansha_enforce.storage.simple_procedure.simple_decision_repository import (
    SimpleDecisionRepository,
)


@dataclass(frozen=True, slots=True)
class MadeDocument:
    kind: str
    document_no: str | None
    first_made_at: str
    last_made_at: str
    times_made: int

    @property
    def first_made_on(self) -> dt.date:
        """The day it was first made, in Shanghai."""
        return dt.datetime.fromisoformat(self.first_made_at).astimezone(CHINA_TZ).date()


@dataclass(frozen=True, slots=True)
class SimpleDecisionRow:
    """A recorded simple decision with its officers' names (the form prints both officers)."""

    decision: SimpleDecisionRecord
    officer_names: tuple[str, ...]


class DocumentRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def made(self, case_no: str) -> dict[str, MadeDocument]:
        rows = self._db.execute(
            "SELECT kind, document_no, first_made_at, last_made_at, times_made"
            " FROM case_documents WHERE case_no = ?",
            [case_no],
        ).fetchall()
        return {r[0]: MadeDocument(r[0], r[1], r[2], r[3], int(r[4])) for r in rows}

    def record_made(self, case_no: str, kind: str, document_no: str | None, at: str) -> None:
        self._db.execute(
            "INSERT INTO case_documents (case_no, kind, document_no, first_made_at, last_made_at)"
            " VALUES (?1, ?2, ?3, ?4, ?4) ON CONFLICT (case_no, kind) DO UPDATE"
            " SET last_made_at = ?4, times_made = times_made + 1",
            [case_no, kind, document_no, at],
        )

    def simple_decision(self, decision_no: str) -> SimpleDecisionRow | None:
        stored = SimpleDecisionRepository(self._db).find(decision_no)
        if stored is None:
            return None
        return SimpleDecisionRow(stored.decision, stored.officer_names)
