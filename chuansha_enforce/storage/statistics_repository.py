"""The SQL behind the annual figures; every yearly count reads an indexed year column."""

from __future__ import annotations

import datetime as dt

import sqlite_utils

from chuansha_enforce.domain.enums import PenaltyKind
from chuansha_enforce.domain.statistics import (
    GeneralFigures,
    KindFigures,
    OfficerFigures,
    PaymentFigures,
    SimpleFigures,
)
from chuansha_enforce.domain.statistics_breakdown import MonthFigures

LIVE = "deleted_at IS NULL"


class StatisticsRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def _one(self, sql: str, params: list[object]) -> tuple[int, ...]:
        row = self._db.execute(sql, params).fetchone()
        return tuple(int(value or 0) for value in row)

    def general(self, year: int, overdue_open: int) -> GeneralFigures:
        start = f"{year}-01-01"
        (filed,) = self._one(
            f"SELECT count(*) FROM general_cases WHERE {LIVE} AND filed_year = ?", [year]
        )
        (closed,) = self._one(
            f"SELECT count(*) FROM general_cases WHERE {LIVE} AND closed_year = ?", [year]
        )
        decided, fines, confiscated, no_penalty = self._one(
            "SELECT sum(outcome = 'penalty' OR outcome = 'no_penalty'),"
            " sum(CASE WHEN outcome = 'penalty' THEN fine_fen END),"
            " sum(CASE WHEN outcome = 'penalty' THEN confiscation_fen END),"
            " sum(outcome = 'no_penalty')"
            f" FROM general_cases WHERE {LIVE} AND decided_year = ?",
            [year],
        )
        open_sql = (
            f"SELECT count(*) FROM general_cases WHERE {LIVE} AND filed_on < ?"
            " AND (closed_on IS NULL OR closed_on >= ?)"
        )
        (open_at_start,) = self._one(open_sql, [start, start])
        next_start = f"{year + 1}-01-01"
        (open_at_end,) = self._one(open_sql, [next_start, next_start])
        return GeneralFigures(
            filed=filed,
            closed=closed,
            decided=decided,
            fines_decided_fen=fines,
            confiscated_decided_fen=confiscated,
            no_penalty=no_penalty,
            overdue_open=overdue_open,
            open_at_start=open_at_start,
            open_at_end=open_at_end,
        )

    def undecided_filing_dates(self, filed_before: dt.date, undecided_on: dt.date) -> list[dt.date]:
        """Filing dates of cases filed before ``filed_before``, undecided on ``undecided_on``."""
        rows = self._db.execute(
            f"SELECT filed_on FROM general_cases WHERE {LIVE} AND filed_on < ?"
            " AND (decided_on IS NULL OR decided_on > ?)",
            [filed_before.isoformat(), undecided_on.isoformat()],
        ).fetchall()
        return [dt.date.fromisoformat(r[0]) for r in rows]

    def simple(self, year: int) -> SimpleFigures:
        decided, fines, warnings = self._one(
            "SELECT count(*), sum(fine_fen), sum(penalty_kind = 'warning')"
            f" FROM simple_decisions WHERE {LIVE} AND decided_year = ?",
            [year],
        )
        return SimpleFigures(decided=decided, fines_decided_fen=fines, warnings=warnings)

    def payments(self, year: int) -> PaymentFigures:
        start, end = f"{year}-01-01", f"{year}-12-31"
        (general_collected,) = self._one(
            "SELECT sum(p.amount_fen + p.surcharge_fen) FROM payments p"
            " JOIN general_cases c ON c.id = p.case_id AND c.deleted_at IS NULL"
            " WHERE p.paid_year = ?",
            [year],
        )
        (simple_collected,) = self._one(
            f"SELECT sum(fine_fen) FROM simple_decisions WHERE {LIVE} AND paid_on BETWEEN ? AND ?",
            [start, end],
        )
        (general_outstanding,) = self._one(
            "SELECT sum(max(c.fine_fen + c.confiscation_fen - coalesce(paid.principal, 0), 0))"
            " FROM general_cases c LEFT JOIN ("
            "   SELECT case_id, sum(amount_fen) AS principal FROM payments"
            "   WHERE paid_on <= ? GROUP BY case_id"
            " ) AS paid ON paid.case_id = c.id"
            " WHERE c.deleted_at IS NULL AND c.outcome = 'penalty' AND c.decided_on <= ?"
            " AND c.fine_fen + c.confiscation_fen > 0",
            [end, end],
        )
        (simple_outstanding,) = self._one(
            f"SELECT sum(fine_fen) FROM simple_decisions WHERE {LIVE} AND decided_on <= ?"
            " AND (paid_on IS NULL OR paid_on > ?) AND collected_on_spot = 0",
            [end, end],
        )
        return PaymentFigures(
            collected_fen=general_collected + simple_collected,
            outstanding_fen=general_outstanding + simple_outstanding,
        )

    def officers(self, year: int) -> OfficerFigures:
        end = f"{year}-12-31"
        (valid,) = self._one(
            "SELECT count(*) FROM certificates WHERE issued_on <= ?"
            " AND (expires_on IS NULL OR expires_on > ?)"
            " AND (cancelled_on IS NULL OR cancelled_on > ?) AND status != 'suspended'",
            [end, end, end],
        )
        (issued,) = self._one("SELECT count(*) FROM certificates WHERE issued_year = ?", [year])
        (cancelled,) = self._one(
            "SELECT count(*) FROM certificates WHERE cancelled_year = ?", [year]
        )
        return OfficerFigures(valid_at_year_end=valid, issued_in_year=issued,
                              cancelled_in_year=cancelled)  # fmt: skip

    def legal_reviews(self, year: int) -> tuple[int, int]:
        """Distinct cases with a review round dated in the year, and the rounds."""
        cases, rounds = self._one(
            "SELECT count(DISTINCT r.case_id), count(*) FROM legal_review_rounds r"
            " JOIN general_cases c ON c.id = r.case_id AND c.deleted_at IS NULL"
            " WHERE r.reviewed_year = ?",
            [year],
        )
        return cases, rounds

    def by_kind(self, year: int) -> dict[PenaltyKind, KindFigures]:
        rows = self._db.execute(
            "SELECT heaviest_kind, count(*), sum(fine_fen + confiscation_fen)"
            f" FROM general_cases WHERE {LIVE} AND decided_year = ? AND outcome = 'penalty'"
            " AND heaviest_kind IS NOT NULL GROUP BY heaviest_kind",
            [year],
        ).fetchall()
        found = {PenaltyKind(kind): KindFigures(int(n), int(money or 0)) for kind, n, money in rows}
        return {kind: found[kind] for kind in PenaltyKind if kind in found}

    # -- the annual report's breakdowns ---------------------------------------------------
    def _by_month(self, sql: str, year: int) -> dict[int, int]:
        return {int(m): int(n) for m, n in self._db.execute(sql, [year]).fetchall()}

    def months(self, year: int) -> tuple[MonthFigures, ...]:
        """Filed, closed and decided general cases and simple decisions, month by month."""
        month = "CAST(substr({0}, 6, 2) AS INTEGER)"
        filed = self._by_month(
            f"SELECT {month.format('filed_on')}, count(*) FROM general_cases"
            f" WHERE {LIVE} AND filed_year = ? GROUP BY 1",
            year,
        )
        closed = self._by_month(
            f"SELECT {month.format('closed_on')}, count(*) FROM general_cases"
            f" WHERE {LIVE} AND closed_year = ? GROUP BY 1",
            year,
        )
        decided = self._by_month(
            f"SELECT {month.format('decided_on')}, count(*) FROM general_cases"
            f" WHERE {LIVE} AND decided_year = ?"
            " AND (outcome = 'penalty' OR outcome = 'no_penalty') GROUP BY 1",
            year,
        )
        simple = self._by_month(
            f"SELECT {month.format('decided_on')}, count(*) FROM simple_decisions"
            f" WHERE {LIVE} AND decided_year = ? GROUP BY 1",
            year,
        )
        return tuple(
            MonthFigures(m, filed.get(m, 0), closed.get(m, 0), decided.get(m, 0), simple.get(m, 0))
            for m in range(1, 13)
        )

    def violations(self, year: int) -> tuple[dict[str | None, int], dict[str | None, int]]:
        """Cases filed in the year by violation category; money decided in it by category."""
        filed: dict[str | None, int] = {}
        for v, n in self._db.execute(
            f"SELECT violation, count(*) FROM general_cases WHERE {LIVE} AND filed_year = ?"
            " GROUP BY violation",
            [year],
        ).fetchall():
            filed[v or None] = filed.get(v or None, 0) + int(n)
        money: dict[str | None, int] = {}
        for v, fen in self._db.execute(
            "SELECT violation, sum(fine_fen + confiscation_fen) FROM general_cases"
            f" WHERE {LIVE} AND decided_year = ? AND outcome = 'penalty' GROUP BY violation",
            [year],
        ).fetchall():
            money[v or None] = money.get(v or None, 0) + int(fen or 0)
        return filed, money

    def reduced_penalties(self, year: int) -> int:
        (count,) = self._one(
            f"SELECT count(*) FROM general_cases WHERE {LIVE} AND decided_year = ?"
            " AND outcome = 'penalty' AND reduced_penalty = 1",
            [year],
        )
        return count
