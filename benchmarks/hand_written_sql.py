"""The baseline for ``stats --year``: the straightforward SQL of every figure it prints.

One plain aggregate query per figure family, written as anyone would write it (no index
hints, no rewriting into index ranges), run on a raw sqlite3 connection; the only Python is
the overdue rule (the decision deadline, after approved extensions, from the work calendar),
which no SQL can express, and the disputes' rates, which the domain's functions compute from the
few dispute records of the year (read by the program's repository).
``differences`` compares the result with ``statistics.annual(Y).to_json()`` so the baseline
is known to compute the same numbers.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping

import sqlite_utils

from chuansha_enforce.domain.calendar.deadlines import decision_due
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.disputes.disputes import litigation_figures, reconsideration_figures
from chuansha_enforce.domain.enums import NoPenaltyReason
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository

LIVE = "deleted_at IS NULL"
NO_PENALTY_LABELS = {reason.value: reason.label for reason in NoPenaltyReason}


def _one(db: sqlite3.Connection, sql: str, params: Mapping[str, object]) -> list[int]:
    return [int(value or 0) for value in db.execute(sql, params).fetchone()]


def annual_by_hand(db: sqlite3.Connection, year: int, calendar: WorkCalendar) -> dict[str, object]:
    """Every figure of ``stats --year`` in the shape of its ``--json`` object."""
    start, end = f"{year}-01-01", f"{year}-12-31"
    p = {"y": year, "start": start, "end": end, "next": f"{year + 1}-01-01"}
    filed, closed = _one(
        db,
        f"SELECT (SELECT count(*) FROM general_cases WHERE {LIVE} AND filed_year = :y),"
        f" (SELECT count(*) FROM general_cases WHERE {LIVE} AND closed_year = :y)",
        p,
    )
    kinds: dict[str, dict[str, int]] = {}
    decided = fines = confiscated = no_penalty = 0
    for outcome, kind, n, fine, confiscation in db.execute(
        "SELECT outcome, heaviest_kind, count(*), sum(fine_fen), sum(confiscation_fen)"
        f" FROM general_cases WHERE {LIVE} AND decided_year = :y"
        " AND outcome IN ('penalty', 'no_penalty') GROUP BY outcome, heaviest_kind",
        p,
    ):
        decided += n
        if outcome == "no_penalty":
            no_penalty += n
            continue
        fines, confiscated = fines + fine, confiscated + confiscation
        if kind is not None:
            kinds[kind] = {"cases": n, "money_fen": fine + confiscation}
    removed, carried_out = _one(
        db,
        "SELECT count(*) FILTER (WHERE f.step = 'removed'),"
        " count(*) FILTER (WHERE f.step = 'carried_out')"
        " FROM forced_demolition_steps f JOIN general_cases c ON c.id = f.case_id"
        f" WHERE c.{LIVE} AND f.on_date BETWEEN :start AND :end",
        p,
    )
    (orders,) = _one(
        db,
        "SELECT count(*) FROM demolition_orders d JOIN general_cases c ON c.id = d.case_id"
        " WHERE c.deleted_at IS NULL AND substr(d.decided_on, 1, 4) = CAST(:y AS TEXT)",
        p,
    )
    reasons = dict.fromkeys(NO_PENALTY_LABELS.values(), 0)
    for code, n in db.execute(
        "SELECT no_penalty_reason, count(*) FROM general_cases"
        f" WHERE {LIVE} AND decided_year = :y AND outcome = 'no_penalty'"
        " AND no_penalty_reason IS NOT NULL GROUP BY no_penalty_reason",
        p,
    ):
        reasons[NO_PENALTY_LABELS[code]] = n
    open_at_start, open_at_end = _one(
        db,
        f"SELECT sum(filed_on < :start AND (closed_on IS NULL OR closed_on >= :start)),"
        f" sum(filed_on < :next AND (closed_on IS NULL OR closed_on >= :next))"
        f" FROM general_cases WHERE {LIVE} AND filed_on < :next",
        p,
    )
    year_end = dt.date(year, 12, 31)
    overdue_open = sum(
        1
        for (filed_on, extension_days) in db.execute(
            "SELECT filed_on, (SELECT coalesce(sum(days), 0) FROM decision_extensions e"
            "  WHERE e.case_id = c.id AND e.approved_on <= :end)"
            f" FROM general_cases c WHERE {LIVE} AND filed_on <= :end"
            " AND (decided_on IS NULL OR decided_on > :end)",
            p,
        )
        if decision_due(dt.date.fromisoformat(filed_on), calendar, extension_days).value < year_end
    )
    simple_decided, simple_fines, warnings = _one(
        db,
        "SELECT count(*), sum(fine_fen), sum(penalty_kind = 'warning')"
        f" FROM simple_decisions WHERE {LIVE} AND decided_year = :y",
        p,
    )
    (simple_surcharge,) = _one(
        db,
        "SELECT coalesce(sum(u.surcharge_fen), 0) FROM simple_decisions s"
        f" JOIN simple_surcharges u ON u.decision_id = s.id WHERE s.{LIVE}"
        " AND s.paid_on BETWEEN :start AND :end",
        p,
    )
    (collected,) = _one(
        db,
        "SELECT (SELECT coalesce(sum(p.amount_fen + p.surcharge_fen), 0) FROM payments p"
        f"  JOIN general_cases c ON c.id = p.case_id WHERE c.{LIVE} AND p.paid_year = :y)"
        f" + (SELECT coalesce(sum(fine_fen), 0) FROM simple_decisions"
        f"  WHERE {LIVE} AND paid_on BETWEEN :start AND :end)",
        p,
    )
    collected += simple_surcharge
    (surcharge,) = _one(
        db,
        "SELECT coalesce(sum(p.surcharge_fen), 0) FROM payments p"
        f" JOIN general_cases c ON c.id = p.case_id WHERE c.{LIVE} AND p.paid_year = :y",
        p,
    )
    surcharge += simple_surcharge
    (simple_outstanding,) = _one(
        db,
        f"SELECT coalesce(sum(fine_fen), 0) FROM simple_decisions WHERE {LIVE}"
        " AND decided_on <= :end AND (paid_on IS NULL OR paid_on > :end)"
        " AND collected_on_spot = 0",
        p,
    )
    deviations = dict.fromkeys((d.label for d in Deviation), 0)
    for code, n in db.execute(
        "SELECT d.deviation, count(*) FROM decision_discretion d"
        f" JOIN general_cases c ON c.id = d.case_id WHERE c.{LIVE} AND c.outcome = 'penalty'"
        " AND c.decided_year = :y AND d.deviation IN ('lighter', 'heavier') GROUP BY 1",
        p,
    ):
        deviations[Deviation(code).label] = n
    (deviations[Deviation.MITIGATED.label],) = _one(
        db,
        f"SELECT count(*) FROM general_cases WHERE {LIVE} AND decided_year = :y"
        " AND outcome = 'penalty' AND reduced_penalty = 1",
        p,
    )
    disputes = DisputeRepository(sqlite_utils.Database(db)).for_year(year)
    (outstanding,) = _one(
        db,
        "SELECT (SELECT coalesce(sum(max(due - coalesce(paid, 0), 0)), 0) FROM ("
        "  SELECT c.fine_fen + c.confiscation_fen AS due, (SELECT sum(p.amount_fen)"
        "   FROM payments p WHERE p.case_id = c.id AND p.paid_on <= :end) AS paid"
        f"  FROM general_cases c WHERE c.{LIVE} AND c.outcome = 'penalty'"
        "  AND c.decided_on <= :end))"
        " + (SELECT coalesce(sum(fine_fen), 0) FROM simple_decisions"
        f"  WHERE {LIVE} AND decided_on <= :end AND (paid_on IS NULL OR paid_on > :end)"
        "  AND collected_on_spot = 0)",
        p,
    )
    valid, issued, cancelled = _one(
        db,
        "SELECT sum(issued_on <= :end AND (expires_on IS NULL OR expires_on > :end)"
        "  AND (cancelled_on IS NULL OR cancelled_on > :end) AND status != 'suspended'),"
        " sum(issued_year = :y), sum(cancelled_year = :y) FROM certificates",
        p,
    )
    review_cases, review_rounds = _one(
        db,
        "SELECT count(DISTINCT r.case_id), count(*) FROM legal_review_rounds r"
        f" JOIN general_cases c ON c.id = r.case_id AND c.{LIVE} WHERE r.reviewed_year = :y",
        p,
    )
    (sampled,) = _one(
        db,
        "SELECT count(DISTINCT f.file_no) FROM file_review_files f"
        " JOIN file_review_samples s ON s.id = f.sample_id WHERE s.year = :y",
        p,
    )
    grades = dict.fromkeys(("excellent", "good", "pass", "fail"), 0)
    for grade, n in db.execute(
        # The latest grade of each file sampled in the year (SQLite's bare column of max()).
        "SELECT grade, count(*) FROM (SELECT f.file_no, f.grade, max(f.scored_at)"
        "  FROM file_review_files f JOIN file_review_samples s ON s.id = f.sample_id"
        "  WHERE s.year = :y AND f.grade IS NOT NULL GROUP BY f.file_no) GROUP BY grade",
        p,
    ):
        grades[grade] = n
    return {
        "year": year,
        "general": {
            "filed": filed,
            "closed": closed,
            "decided": decided,
            "fines_decided_fen": fines,
            "confiscated_decided_fen": confiscated,
            "no_penalty": no_penalty,
            "overdue_open": overdue_open,
            "open_at_start": open_at_start,
            "open_at_end": open_at_end,
            "penalty_decided": decided - no_penalty,
            "demolition_orders": orders,
            "demolitions_voluntary": removed,
            "demolitions_forced": carried_out,
            "no_penalty_by_reason": reasons,
            "deviations": deviations,
        },
        "simple": {
            "decided": simple_decided,
            "fines_decided_fen": simple_fines,
            "warnings": warnings,
            "outstanding_fen": simple_outstanding,
        },
        "payments": {
            "collected_fen": collected,
            "outstanding_fen": outstanding,
            "surcharge_fen": surcharge,
        },
        "legal_reviews": {"cases": review_cases, "rounds": review_rounds},
        "file_reviews": {"sampled": sampled, "graded": sum(grades.values()), "grades": grades},
        "officers": {
            "valid_at_year_end": valid,
            "issued_in_year": issued,
            "cancelled_in_year": cancelled,
        },
        "reconsideration": reconsideration_figures(disputes, year).to_json(),
        "litigation": litigation_figures(disputes, year).to_json(),
        "by_kind": kinds,
    }


def _flat(figures: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in figures.items():
        if isinstance(value, Mapping):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


def differences(by_hand: Mapping[str, object], annual: Mapping[str, object]) -> list[str]:
    """``key: hand-written != annual`` for every figure that differs (empty: the same)."""
    mine, theirs = _flat(by_hand), _flat(annual)
    return [
        f"{key}: {mine.get(key)} != {theirs.get(key)}"
        for key in sorted(mine.keys() | theirs.keys())
        if mine.get(key) != theirs.get(key)
    ]
