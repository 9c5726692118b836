"""The SQL behind the annual figures; every yearly count reads an indexed year column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.enums import EnumMap, NoPenaltyReason, PenaltyKind
from chuansha_enforce.domain.reports.statistics import (
    GeneralFigures,
    KindFigures,
    OfficerFigures,
    PaymentFigures,
    SimpleFigures,
)
from chuansha_enforce.domain.reports.statistics_breakdown import MonthFigures
from chuansha_enforce.storage.reports import year_summary

LIVE = "deleted_at IS NULL"
KindMap = dict[PenaltyKind, KindFigures]
DecisionGroups = list[tuple[str | None, str | None, int, int, int, int]]
"""Decisions of a year by outcome, heaviest kind and 减轻: (outcome, kind, reduced, count,
fines, confiscation)."""


@dataclass(frozen=True, slots=True)
class Decisions:
    """The general-procedure decisions dated in one year: penalties and 不予处罚, the money of
    the penalties, 减轻处罚, the 统计表 columns (heaviest kind) and 不予处罚 by reason."""

    penalties: int
    no_penalty: int
    fines_fen: int
    confiscated_fen: int
    mitigated: int
    by_kind: KindMap
    by_reason: EnumMap[NoPenaltyReason, int]


@dataclass(frozen=True, slots=True)
class DecisionBreakdown:
    """Decisions of one year: counted by month, penalty money by violation, 减轻处罚."""

    by_month: dict[int, int]
    money_by_violation: dict[str | None, int]
    reduced_penalty: int


class StatisticsRepository:
    """``summed``: take what ``year_summary`` holds (when the file has it) instead of reading
    every case; False gives the straightforward queries (what the tests compare it with)."""

    def __init__(self, db: sqlite_utils.Database, *, summed: bool = True) -> None:
        self._db = db
        self._summed = summed

    def _summary(self, year: int) -> year_summary.YearSums | None:
        if not self._summed or not year_summary.has_summary(self._db.conn):
            return None
        return year_summary.summed_to(self._db.conn, year)

    def _one(self, sql: str, params: list[object]) -> tuple[int, ...]:
        row = self._db.execute(sql, params).fetchone()
        return tuple(int(value or 0) for value in row)

    def decision_groups(self, year: int) -> DecisionGroups:
        """Decisions dated in the year by outcome, heaviest kind and 减轻: count, fines,
        confiscation.

        One range read of ``general_cases_decided_figures``, grouped in its order (no sort).
        """
        rows = self._db.execute(
            "SELECT outcome, heaviest_kind, reduced_penalty, count(*), sum(fine_fen),"
            " sum(confiscation_fen) FROM general_cases INDEXED BY general_cases_decided_figures"
            f" WHERE {LIVE} AND decided_year = ? GROUP BY outcome, heaviest_kind, reduced_penalty",
            [year],
        ).fetchall()
        return [(o, k, int(r), int(n), int(f or 0), int(c or 0)) for o, k, r, n, f, c in rows]

    def decisions(self, year: int) -> Decisions:
        """The decisions dated in the year: from ``year_summary``, else from the cases."""
        summary = self._summary(year)
        if summary is None:
            return self._decisions_of_cases(year)
        counted, fines = summary.keyed("kind"), summary.keyed("fines")
        confiscated = summary.keyed("confiscated")
        reasons = summary.keyed("no_penalty")
        kinds = {
            PenaltyKind(code): KindFigures(n, fines.get(code, 0) + confiscated.get(code, 0))
            for code, n in counted.items()
            if code != year_summary.NO_KIND
        }
        named = {NoPenaltyReason(code): n for code, n in reasons.items() if code}
        return Decisions(
            penalties=sum(counted.values()),
            no_penalty=sum(reasons.values()),
            fines_fen=sum(fines.values()),
            confiscated_fen=sum(confiscated.values()),
            mitigated=summary.of_year("mitigated"),
            by_kind={k: kinds[k] for k in PenaltyKind if k in kinds},
            by_reason=EnumMap(NoPenaltyReason, {r: named[r] for r in NoPenaltyReason
                                                if r in named}),
        )  # fmt: skip

    def _decisions_of_cases(self, year: int) -> Decisions:
        groups = self.decision_groups(year)
        penalty = [g for g in groups if g[0] == "penalty"]
        kinds: dict[PenaltyKind, tuple[int, int]] = {}
        for _, kind, _reduced, n, fines, confiscated in penalty:
            if kind is not None:
                had = kinds.get(PenaltyKind(kind), (0, 0))
                kinds[PenaltyKind(kind)] = (had[0] + n, had[1] + fines + confiscated)
        return Decisions(
            penalties=sum(g[3] for g in penalty),
            no_penalty=sum(g[3] for g in groups if g[0] == "no_penalty"),
            fines_fen=sum(g[4] for g in penalty),
            confiscated_fen=sum(g[5] for g in penalty),
            mitigated=sum(g[3] for g in penalty if g[2] == 1),
            by_kind={k: KindFigures(*kinds[k]) for k in PenaltyKind if k in kinds},
            by_reason=self._no_penalty_reasons(year),
        )

    def _filed_closed_open(self, year: int) -> tuple[int, int, int]:
        """Filed and closed in the year, and open on its first day."""
        summary = self._summary(year)
        if summary is not None:
            filed, closed = summary.of_year("filed"), summary.of_year("closed")
            before = (summary.total("filed") - filed) - (summary.total("closed") - closed)
            return filed, closed, before
        (filed,) = self._one(
            "SELECT count(*) FROM general_cases INDEXED BY general_cases_filed_violation"
            f" WHERE {LIVE} AND filed_year = ?",
            [year],
        )
        (closed,) = self._one(
            "SELECT count(*) FROM general_cases INDEXED BY general_cases_closed_on"
            f" WHERE {LIVE} AND closed_year = ?",
            [year],
        )
        return filed, closed, self.open_at(dt.date(year, 1, 1))

    def _demolitions(self, year: int) -> tuple[int, int, int]:
        """Demolition orders dated in the year, and demolitions done in it: voluntary
        (自行拆除) and forced (强制拆除)."""
        summary = self._summary(year)
        if summary is not None:
            return (summary.of_year("demolition_orders"),
                    summary.of_year("demolitions_voluntary"),
                    summary.of_year("demolitions_forced"))  # fmt: skip
        (orders,) = self._one(
            "SELECT count(*) FROM demolition_orders d INDEXED BY demolition_orders_decided_year"
            f" JOIN general_cases c ON c.id = d.case_id WHERE c.{LIVE} AND d.decided_year = ?",
            [year],
        )
        removed = dict.fromkeys(("removed", "carried_out"), 0)
        for step, count in self._db.execute(
            "SELECT f.step, count(*) FROM forced_demolition_steps f"
            " JOIN general_cases c ON c.id = f.case_id"
            f" WHERE c.{LIVE} AND f.step IN ('removed', 'carried_out')"
            " AND f.on_date BETWEEN ? AND ? GROUP BY f.step",
            [f"{year:04d}-01-01", f"{year:04d}-12-31"],
        ):
            removed[step] = int(count)
        return orders, removed["removed"], removed["carried_out"]

    def general(self, year: int, overdue_open: int, decided: Decisions) -> GeneralFigures:
        """The general-procedure figures of the year (``decided``: its decisions)."""
        filed, closed, open_at_start = self._filed_closed_open(year)
        orders, voluntary, forced = self._demolitions(year)
        return GeneralFigures(
            filed=filed,
            closed=closed,
            decided=decided.penalties + decided.no_penalty,
            fines_decided_fen=decided.fines_fen,
            confiscated_decided_fen=decided.confiscated_fen,
            no_penalty=decided.no_penalty,
            overdue_open=overdue_open,
            open_at_start=open_at_start,
            # Every closing is dated on or after its filing (CHECKs of 0001), so the cases
            # open on 1 January next year are those open now, plus filed, less closed.
            open_at_end=open_at_start + filed - closed,
            demolition_orders=orders,
            demolitions_voluntary=voluntary,
            demolitions_forced=forced,
            no_penalty_by_reason=decided.by_reason,
        )

    def _no_penalty_reasons(self, year: int) -> EnumMap[NoPenaltyReason, int]:
        """不予处罚 decisions dated in the year by reason (a reason not recorded is left out)."""
        rows = self._db.execute(
            "SELECT no_penalty_reason, count(*) FROM general_cases"
            " INDEXED BY general_cases_decided_figures"
            f" WHERE {LIVE} AND decided_year = ? AND outcome = 'no_penalty'"
            " GROUP BY no_penalty_reason",
            [year],
        ).fetchall()
        found = {NoPenaltyReason(r): int(n) for r, n in rows if r}
        return EnumMap(NoPenaltyReason, {r: found[r] for r in NoPenaltyReason if r in found})

    def open_at(self, day: dt.date) -> int:
        """Live cases filed before ``day`` and not closed before it.

        A case closed before ``day`` was filed before it too (closed_on >= decided_on >=
        filed_on are CHECKs), so this is filed-before less closed-before: two index range
        counts instead of a scan of every case filed earlier.
        """
        (filed_before,) = self._one(
            "SELECT count(*) FROM general_cases INDEXED BY general_cases_filed_year"
            f" WHERE {LIVE} AND filed_year <= ? AND filed_on < ?",
            [day.year, day.isoformat()],
        )
        (closed_before,) = self._one(
            "SELECT count(*) FROM general_cases INDEXED BY general_cases_closed_on"
            f" WHERE {LIVE} AND closed_year <= ? AND closed_on < ?",
            [day.year, day.isoformat()],
        )
        return filed_before - closed_before

    def undecided_filings(
        self, filed_before: dt.date, undecided_on: dt.date
    ) -> list[tuple[dt.date, int]]:
        """(Filing date, days of extensions approved and of pauses begun by ``undecided_on``)
        of the cases filed before ``filed_before`` and undecided on ``undecided_on``.

        Undecided: no decision (decided_year IS NULL) or one dated later, both ranges of the
        decisions index; ``undecided_on`` is a year's last day in the annual figures, so a
        later decision is one of a later year, a range that is empty for the current year
        (years with a date before their end keep the date test); the few such cases'
        extensions are summed through ``decision_extensions_case``.
        """
        index = "general_cases INDEXED BY general_cases_decided_figures"
        extended = (
            "(SELECT coalesce(sum(e.days), 0) FROM decision_extensions e"
            " WHERE e.case_id = u.id AND e.approved_on <= ?)"
            " + (SELECT coalesce(sum(CAST(julianday(p.end_on) - julianday(p.start_on)"
            " AS INTEGER) + 1), 0) FROM decision_pauses p"
            " WHERE p.case_id = u.id AND p.start_on <= ?)"
        )
        rows = self._db.execute(
            f"SELECT u.filed_on, {extended} FROM ("
            f"SELECT id, filed_on FROM {index} WHERE {LIVE} AND decided_year IS NULL"
            " AND filed_on < ?"
            f" UNION ALL SELECT id, filed_on FROM {index} WHERE {LIVE} AND decided_year >= ?"
            " AND decided_on > ? AND filed_on < ?) AS u",
            [
                undecided_on.isoformat(),
                undecided_on.isoformat(),
                filed_before.isoformat(),
                # on 31 December only a later year's decision is later
                undecided_on.year + (undecided_on == dt.date(undecided_on.year, 12, 31)),
                undecided_on.isoformat(),
                filed_before.isoformat(),
            ],
        ).fetchall()
        return [(dt.date.fromisoformat(r[0]), int(r[1])) for r in rows]

    def simple(self, year: int) -> SimpleFigures:
        decided, fines, warnings = self._one(
            "SELECT count(*), sum(fine_fen), sum(penalty_kind = 'warning')"
            f" FROM simple_decisions WHERE {LIVE} AND decided_year = ?",
            [year],
        )
        return SimpleFigures(decided=decided, fines_decided_fen=fines, warnings=warnings)

    def payments(self, year: int) -> PaymentFigures:
        """Money paid in the year (fines, confiscations and 加处罚款 of both procedures), the
        surcharge part of it, and what was decided and unpaid at the year's end."""
        start, end = f"{year}-01-01", f"{year}-12-31"
        simple_collected, simple_surcharge = self._one(
            "SELECT sum(s.fine_fen), sum(u.surcharge_fen)"
            " FROM simple_decisions s INDEXED BY simple_decisions_paid"
            " LEFT JOIN simple_surcharges u ON u.decision_id = s.id"
            " WHERE s.deleted_at IS NULL AND s.paid_on BETWEEN ? AND ?",
            [start, end],
        )
        simple_outstanding = self.simple_outstanding(end)
        summary = self._summary(year)
        if summary is not None:
            return PaymentFigures(
                collected_fen=summary.of_year("collected_fen") + simple_collected
                + simple_surcharge,
                outstanding_fen=summary.keyed_total("fines")
                + summary.keyed_total("confiscated") - summary.total("credited_fen")
                + simple_outstanding,
                surcharge_fen=summary.of_year("surcharge_fen") + simple_surcharge,
                simple_outstanding_fen=simple_outstanding,
            )  # fmt: skip
        (paid_in_year, paid_on_deleted, surcharge_in_year, surcharge_on_deleted) = self._one(
            "SELECT (SELECT sum(amount_fen + surcharge_fen) FROM payments"
            "  INDEXED BY payments_paid_year_amounts WHERE paid_year = ?),"
            " (SELECT sum(p.amount_fen + p.surcharge_fen)"
            "  FROM general_cases c INDEXED BY general_cases_deleted"
            "  CROSS JOIN payments p INDEXED BY payments_case_paid ON p.case_id = c.id"
            "  WHERE c.deleted_at IS NOT NULL AND p.paid_year = ?),"
            " (SELECT sum(surcharge_fen) FROM payments"
            "  INDEXED BY payments_paid_year_amounts WHERE paid_year = ?),"
            " (SELECT sum(p.surcharge_fen)"
            "  FROM general_cases c INDEXED BY general_cases_deleted"
            "  CROSS JOIN payments p INDEXED BY payments_case_paid ON p.case_id = c.id"
            "  WHERE c.deleted_at IS NOT NULL AND p.paid_year = ?)",
            [year, year, year, year],
        )
        return PaymentFigures(
            collected_fen=paid_in_year - paid_on_deleted + simple_collected + simple_surcharge,
            outstanding_fen=self._general_outstanding(end) + simple_outstanding,
            surcharge_fen=surcharge_in_year - surcharge_on_deleted + simple_surcharge,
            simple_outstanding_fen=simple_outstanding,
        )

    def simple_outstanding(self, end: str) -> int:
        """Simple-procedure fines decided up to ``end`` and not paid by then."""
        (outstanding,) = self._one(
            f"SELECT sum(fine_fen) FROM simple_decisions WHERE {LIVE} AND decided_on <= ?"
            " AND (paid_on IS NULL OR paid_on > ?) AND collected_on_spot = 0",
            [end, end],
        )
        return outstanding

    def _general_outstanding(self, end: str) -> int:
        """Money decided up to ``end`` and not paid by then, case by case (never below 0).

        Σ decided − Σ per case min(principal paid by ``end``, decided): the first sum is a
        range read of the decisions index, the second walks the payments in case order and
        looks each case up in an id-ordered index, so no table row is read.
        """
        owed = (
            f"{LIVE} AND outcome = 'penalty' AND decided_on <= ?"
            " AND fine_fen + confiscation_fen > 0"
        )
        (decided,) = self._one(
            "SELECT sum(fine_fen + confiscation_fen)"
            " FROM general_cases INDEXED BY general_cases_decided_figures"
            f" WHERE decided_year <= ? AND {owed}",
            [int(end[:4]), end],
        )
        (paid,) = self._one(
            "SELECT sum(min(paid, due)) FROM ("
            "  SELECT sum(p.amount_fen) AS paid, c.fine_fen + c.confiscation_fen AS due"
            "  FROM payments p INDEXED BY payments_case_paid"
            "  CROSS JOIN general_cases c INDEXED BY general_cases_money_by_id ON c.id = p.case_id"
            f"  WHERE p.paid_on <= ? AND {owed.replace('deleted_at', 'c.deleted_at')}"
            "  GROUP BY p.case_id)",
            [end, end],
        )
        return decided - paid

    def officers(self, year: int) -> OfficerFigures:
        end = f"{year}-12-31"
        (valid,) = self._one(
            "SELECT count(*) FROM certificates WHERE issued_on <= ?"
            " AND (expires_on IS NULL OR expires_on >= ?)"  # valid through its expiry date
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
        summary = self._summary(year)
        if summary is not None:
            return summary.of_year("review_cases"), summary.of_year("review_rounds")
        cases, rounds = self._one(
            "SELECT count(DISTINCT r.case_id), count(*) FROM legal_review_rounds r"
            " JOIN general_cases c ON c.id = r.case_id AND c.deleted_at IS NULL"
            " WHERE r.reviewed_year = ?",
            [year],
        )
        return cases, rounds

    # -- the annual report's breakdowns ---------------------------------------------------
    def _by_month(self, sql: str, year: int) -> dict[int, int]:
        months: dict[int, int] = {}
        for m, n in self._db.execute(sql, [year]).fetchall():
            months[int(m)] = months.get(int(m), 0) + int(n)
        return months

    def decisions_breakdown(self, year: int) -> DecisionBreakdown:
        """Decisions in the year month by month, penalty money by violation, and 减轻处罚.

        One range read of ``general_cases_decided_figures`` grouped in index order (down to
        the day, so no sort); the small result is summed here.
        """
        month = "CAST(substr(decided_on, 6, 2) AS INTEGER)"
        rows = self._db.execute(
            f"SELECT outcome, reduced_penalty, violation, {month}, count(*),"
            " sum(fine_fen + confiscation_fen)"
            " FROM general_cases INDEXED BY general_cases_decided_figures"
            f" WHERE {LIVE} AND decided_year = ?"
            " GROUP BY outcome, heaviest_kind, reduced_penalty, violation, decided_on",
            [year],
        ).fetchall()
        months: dict[int, int] = {}
        money: dict[str | None, int] = {}
        reduced = 0
        for outcome, reduced_penalty, violation, m, n, fen in rows:
            if outcome in {"penalty", "no_penalty"}:
                months[int(m)] = months.get(int(m), 0) + int(n)
            if outcome == "penalty":
                money[violation or None] = money.get(violation or None, 0) + int(fen or 0)
                reduced += int(n) if reduced_penalty == 1 else 0
        return DecisionBreakdown(months, money, reduced)

    def months(self, year: int, decided: dict[int, int]) -> tuple[MonthFigures, ...]:
        """Filed, closed and decided general cases and simple decisions, month by month.

        Filings and closings are grouped by their date in the order of their year index (no
        sort), then summed by month here.
        """
        filed = self._by_month(
            "SELECT CAST(substr(filed_on, 6, 2) AS INTEGER), count(*)"
            " FROM general_cases INDEXED BY general_cases_filed_year"
            f" WHERE {LIVE} AND filed_year = ? GROUP BY filed_on",
            year,
        )
        closed = self._by_month(
            "SELECT CAST(substr(closed_on, 6, 2) AS INTEGER), count(*)"
            " FROM general_cases INDEXED BY general_cases_closed_on"
            f" WHERE {LIVE} AND closed_year = ? GROUP BY closed_on",
            year,
        )
        simple = self._by_month(
            "SELECT CAST(substr(decided_on, 6, 2) AS INTEGER), count(*) FROM simple_decisions"
            f" WHERE {LIVE} AND decided_year = ? GROUP BY 1",
            year,
        )
        return tuple(
            MonthFigures(m, filed.get(m, 0), closed.get(m, 0), decided.get(m, 0), simple.get(m, 0))
            for m in range(1, 13)
        )

    def filed_by_violation(self, year: int) -> dict[str | None, int]:
        """Cases filed in the year by violation category (None: not recorded)."""
        filed: dict[str | None, int] = {}
        for v, n in self._db.execute(
            "SELECT violation, count(*) FROM general_cases INDEXED BY general_cases_filed_violation"
            f" WHERE {LIVE} AND filed_year = ? GROUP BY violation",
            [year],
        ).fetchall():
            filed[v or None] = filed.get(v or None, 0) + int(n)
        return filed

    def deviations(self, year: int, mitigated: int) -> dict[str, int]:
        """Penalty decisions dated in the year outside the discretion benchmark, by deviation
        code (DOMAIN §17): 从轻 and 从重 as recorded, 减轻 as every reduced penalty
        (``mitigated``, of ``decisions``).

        The recorded deviations are few: they are read first and their cases found by key
        (not every decision of the year looked up in them)."""
        found = {
            str(code): int(n)
            for code, n in self._db.execute(
                "SELECT d.deviation, count(*) FROM decision_discretion d"
                " CROSS JOIN general_cases c ON c.id = d.case_id"
                " WHERE d.deviation IN ('lighter', 'heavier') AND c.deleted_at IS NULL"
                " AND c.outcome = 'penalty' AND c.decided_year = ? GROUP BY d.deviation",
                [year],
            )
        }
        return {**found, "mitigated": mitigated}
