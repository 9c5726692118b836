"""A decision's publication, its withdrawal and what set the decision aside; the closing
reason of a case closed with money unpaid; the cases the due list looks at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import sqlite_utils

from chuansha_enforce.domain.after_decision.publication import Publication, SetAside, SetAsideSource
from chuansha_enforce.domain.disputes.disputes import (
    AGAINST_THE_ACT,
    DisputeKind,
    DisputeOutcome,
    outcome_label,
)
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.withdrawal_disclosure import WithdrawalSource


def _d(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


_AGAINST = tuple(sorted(o.value for o in AGAINST_THE_ACT))
_AGAINST_SQL = ", ".join("?" for _ in _AGAINST)
_SET_ASIDE_SQL = (
    "(EXISTS (SELECT 1 FROM decision_set_asides s WHERE s.case_id = c.id)"
    f" OR EXISTS (SELECT 1 FROM disputes d WHERE d.outcome IN ({_AGAINST_SQL})"
    " AND d.case_no IN (c.case_no, coalesce(c.decision_no, c.case_no))))"
)
WITHDRAWN_SQL = f"(c.publication_withdrawn_on IS NOT NULL OR {_SET_ASIDE_SQL})"
"""A general case ``c`` whose publication is withdrawn or due to be (bind ``WITHDRAWN_PARAMS``)."""
WITHDRAWN_PARAMS = _AGAINST


class PublicationRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def publication(self, case_id: int, case_no: str, decision_no: str | None) -> Publication:
        row = self._db.execute(
            "SELECT published_on, publication_unrecorded, publication_withdrawn_on,"
            " publication_withdrawal_reason FROM general_cases WHERE id = ?",
            [case_id],
        ).fetchone()
        set_asides = [
            SetAside(dt.date.fromisoformat(r[0]), SetAsideSource(r[1]), r[2], r[3])
            for r in self._db.execute(
                "SELECT set_aside_on, source, reference, reason FROM decision_set_asides"
                " WHERE case_id = ? ORDER BY set_aside_on, id",
                [case_id],
            )
        ]
        for number, kind, outcome, outcome_on in self._db.execute(
            "SELECT number, kind, outcome, outcome_on FROM disputes"
            f" WHERE case_no IN (?, ?) AND outcome IN ({_AGAINST_SQL}) ORDER BY outcome_on, id",
            [case_no, decision_no or case_no, *_AGAINST],
        ):
            label = outcome_label(DisputeKind(kind), DisputeOutcome(outcome))
            set_asides.append(
                SetAside(dt.date.fromisoformat(outcome_on), SetAsideSource.DISPUTE, number, label)
            )
        if row is None:
            return Publication(set_asides=tuple(set_asides))
        return Publication(
            published_on=_d(row[0]),
            unrecorded=bool(row[1]),
            withdrawn_on=_d(row[2]),
            withdrawal_reason=row[3],
            set_asides=tuple(sorted(set_asides, key=lambda s: s.on)),
        )

    def closing(self, case_id: int) -> tuple[str | None, str | None]:
        row = self._db.execute(
            "SELECT close_reason_kind, close_approved_by FROM general_cases WHERE id = ?",
            [case_id],
        ).fetchone()
        return (None, None) if row is None else (row[0], row[1])

    # -- writes (inside the caller's transaction) -------------------------------------
    def save_published(self, case_id: int, on: dt.date, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET published_on = ?, publication_unrecorded = NULL,"
            " updated_at = ? WHERE id = ?",
            [on.isoformat(), at, case_id],
        )

    def save_withdrawal(self, case_id: int, on: dt.date, reason: str, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET publication_withdrawn_on = ?,"
            " publication_withdrawal_reason = ?, updated_at = ? WHERE id = ?",
            [on.isoformat(), reason, at, case_id],
        )

    def add_set_aside(self, case_id: int, set_aside: SetAside, at: str) -> None:
        self._db.execute(
            "INSERT INTO decision_set_asides (case_id, set_aside_on, source, reference, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, set_aside.on.isoformat(), set_aside.source.value, set_aside.reference,
             set_aside.reason, at],
        )  # fmt: skip
        self._db.execute("UPDATE general_cases SET updated_at = ? WHERE id = ?", [at, case_id])

    def save_closing_kind(self, case_id: int, kind: str | None, approved_by: str | None) -> None:
        self._db.execute(
            "UPDATE general_cases SET close_reason_kind = ?, close_approved_by = ? WHERE id = ?",
            [kind, approved_by, case_id],
        )

    def withdraw_set_aside(self, last_day: dt.date, at: str) -> int:
        """The demo's withdrawals: each published decision a dispute set aside is withdrawn the
        day after the outcome (or on its publication day, if later), up to ``last_day``."""
        cursor = self._db.execute(
            "UPDATE general_cases AS c SET publication_withdrawal_reason = w.reason,"
            " publication_withdrawn_on = w.day, updated_at = ?"
            " FROM (SELECT id, max(published_on, date(outcome_on, '+1 day')) AS day,"
            "        '复议诉讼结果：' || number AS reason"
            # each case's first outcome against it (a window: the server has no bare columns)
            "       FROM (SELECT g.id, g.published_on, d.outcome_on, d.number, row_number()"
            "              OVER (PARTITION BY g.id ORDER BY d.outcome_on, d.id) AS nth"
            "             FROM general_cases g JOIN disputes d"
            "              ON d.case_no IN (g.case_no, coalesce(g.decision_no, g.case_no))"
            f"            WHERE d.outcome IN ({_AGAINST_SQL}) AND g.published_on IS NOT NULL"
            "              AND g.publication_withdrawn_on IS NULL) AS o"
            "      WHERE nth = 1) AS w"
            " WHERE c.id = w.id AND w.day <= ?",
            [at, *_AGAINST, last_day.isoformat()],
        )
        return int(cursor.rowcount)

    def due_candidates(self) -> list[int]:
        """Cases that may have something due: open ones, penalty decisions not yet published
        (unrecorded history left out), and published ones set aside and not yet withdrawn."""
        rows = self._db.execute(
            "SELECT c.id FROM general_cases c WHERE c.deleted_at IS NULL AND ("
            " c.closed_on IS NULL"
            " OR (c.outcome = 'penalty' AND c.published_on IS NULL"
            "     AND c.publication_unrecorded IS NULL)"
            " OR (c.published_on IS NOT NULL AND c.publication_withdrawn_on IS NULL"
            f"    AND {_SET_ASIDE_SQL}))"
            " ORDER BY c.id",
            list(_AGAINST),
        )
        return [int(r[0]) for r in rows]

    def withdrawals(self, year: int) -> Iterator[WithdrawalSource]:
        """Publications withdrawn in ``year``, by withdrawal date."""
        rows = self._db.execute(
            "SELECT c.decision_no, p.kind, p.name, p.id_number, p.address, c.decided_on,"
            " c.published_on, c.publication_withdrawn_on, c.publication_withdrawal_reason"
            " FROM general_cases c JOIN parties p ON p.id = c.party_id"
            " WHERE c.deleted_at IS NULL AND c.publication_withdrawn_on BETWEEN ? AND ?"
            " ORDER BY c.publication_withdrawn_on, c.id",
            [f"{year:04d}-01-01", f"{year:04d}-12-31"],
        )
        for r in rows:
            yield WithdrawalSource(
                r[0],
                PartyRecord(PartyType(r[1]), r[2], r[3], r[4]),
                dt.date.fromisoformat(r[5]),
                dt.date.fromisoformat(r[6]),
                dt.date.fromisoformat(r[7]),
                r[8] or "",
            )
