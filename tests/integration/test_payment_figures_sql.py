"""``stats --json`` money figures of a generated year against hand-written SQL over the same rows.

Both procedures: collected (fines, confiscations and 加处罚款 paid in the year), the surcharge part,
what was decided and unpaid at the year's end, and the simple-procedure part of that apart.
On both backends: in a file, and on a server database, where the hand-written SQL is said by
the dialect layer.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.simple_procedure.simple_payments import (
    simple_payment_due,
    surcharge_on,
)
from tests.backend_book import by_hand, filled_book
from tests.cli_clock import main
from tests.conftest import NOW

PLAN = DemoPlan(seed=19, first_year=2023, last_year=2024, general_cases=400, simple_per_year=500)
YEARS = (2023, 2024)

COLLECTED = """
SELECT (SELECT coalesce(sum(p.amount_fen + p.surcharge_fen), 0)
          FROM payments p JOIN general_cases c ON c.id = p.case_id
         WHERE c.deleted_at IS NULL AND substr(p.paid_on, 1, 4) = :year)
     + (SELECT coalesce(sum(s.fine_fen + coalesce(u.surcharge_fen, 0)), 0)
          FROM simple_decisions s LEFT JOIN simple_surcharges u ON u.decision_id = s.id
         WHERE s.deleted_at IS NULL AND substr(s.paid_on, 1, 4) = :year)
"""
SURCHARGE = """
SELECT (SELECT coalesce(sum(p.surcharge_fen), 0)
          FROM payments p JOIN general_cases c ON c.id = p.case_id
         WHERE c.deleted_at IS NULL AND substr(p.paid_on, 1, 4) = :year)
     + (SELECT coalesce(sum(u.surcharge_fen), 0)
          FROM simple_decisions s JOIN simple_surcharges u ON u.decision_id = s.id
         WHERE s.deleted_at IS NULL AND substr(s.paid_on, 1, 4) = :year)
"""
SIMPLE_SURCHARGE = """
SELECT coalesce(sum(u.surcharge_fen), 0)
  FROM simple_decisions s JOIN simple_surcharges u ON u.decision_id = s.id
 WHERE s.deleted_at IS NULL AND substr(s.paid_on, 1, 4) = :year
"""
GENERAL_OUTSTANDING = """
SELECT coalesce(sum(max(c.fine_fen + c.confiscation_fen
                        - (SELECT coalesce(sum(p.amount_fen), 0) FROM payments p
                            WHERE p.case_id = c.id AND p.paid_on <= :end), 0)), 0)
  FROM general_cases c
 WHERE c.deleted_at IS NULL AND c.outcome = 'penalty' AND c.decided_on <= :end
"""
SIMPLE_OUTSTANDING = """
SELECT coalesce(sum(fine_fen), 0) FROM simple_decisions
 WHERE deleted_at IS NULL AND penalty_kind = 'fine' AND collected_on_spot = 0
   AND decided_on <= :end AND (paid_on IS NULL OR paid_on > :end)
"""
LATE_SIMPLE = """
SELECT s.decided_on, s.fine_fen, s.paid_on, coalesce(u.surcharge_fen, 0)
  FROM simple_decisions s LEFT JOIN simple_surcharges u ON u.decision_id = s.id
 WHERE s.deleted_at IS NULL AND s.paid_on IS NOT NULL AND s.collected_on_spot = 0
"""


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def generated(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path | str]:
    folder = tmp_path_factory.mktemp("payments")
    with filled_book(request.param, folder, PLAN, FixedClock(NOW)) as book:
        yield book


def one(db: Any, sql: str, **params: object) -> int:
    return int(db.execute(sql, params).fetchone()[0])


@pytest.mark.parametrize("year", YEARS)
def test_money_figures_equal_hand_written_sql(generated: Path | str, year: int) -> None:
    out = io.StringIO()
    assert main(["--db", str(generated), "stats", "--year", str(year), "--json"], out) == 0
    figures = json.loads(out.getvalue())
    end = f"{year}-12-31"
    with by_hand(generated) as db:
        collected = one(db, COLLECTED, year=str(year))
        surcharge = one(db, SURCHARGE, year=str(year))
        simple_surcharge = one(db, SIMPLE_SURCHARGE, year=str(year))
        simple_outstanding = one(db, SIMPLE_OUTSTANDING, end=end)
        outstanding = one(db, GENERAL_OUTSTANDING, end=end) + simple_outstanding
    assert figures["payments"] == {
        "collected_fen": collected,
        "outstanding_fen": outstanding,
        "surcharge_fen": surcharge,
    }
    assert figures["simple"]["outstanding_fen"] == simple_outstanding
    # the year is not trivial: late payers in both procedures, money still owed on simple fines
    assert simple_surcharge > 0
    assert surcharge > simple_surcharge
    assert simple_outstanding > 0


def test_generated_simple_surcharges_follow_the_rule(generated: Path | str) -> None:
    """Each late simple payment carries the surcharge the domain's rule gives it."""
    calendar = WorkCalendar()
    with by_hand(generated) as db:
        rows = db.execute(LATE_SIMPLE).fetchall()
    late = 0
    for decided_on, fine, paid_on, recorded in rows:
        due = simple_payment_due(dt.date.fromisoformat(decided_on), calendar).value
        days, expected = surcharge_on(fine, due, dt.date.fromisoformat(paid_on))
        assert recorded == expected, (decided_on, paid_on)
        late += days > 0
    assert 0 < late < len(rows) // 5  # a few, not most
