"""Edge cases of the annual figures that the index-shaped queries must count as the rules say.

The counting queries read covering indexes and split some figures into sums (open at a date =
filed before it − closed before it; outstanding = decided − paid, capped per case; collected =
paid in the year − paid on deleted cases). These cases are written straight into a migrated
case book (a file and a server database), with the expected figures worked out by hand
beside them, so a faster query that counts a deleted case, a payment after the year end or
an over-payment differently fails here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.reports.statistics import AnnualFigures
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.storage.connection import write_transaction
from tests.conftest import NOW

AT = "2025-01-10T00:00:00+00:00"


class Cases:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db
        self._next = 0
        db.execute("INSERT INTO parties (id, kind, name) VALUES (1, 'legal_person', '某公司')")

    def add(
        self,
        filed: str,
        *,
        decided: str | None = None,
        outcome: str | None = None,
        money: tuple[int, int] = (0, 0),
        closed: str | None = None,
        deleted: bool = False,
        kind: str | None = None,
    ) -> int:
        self._next += 1
        fine, confiscation = money
        self._db.execute(
            "INSERT INTO general_cases (id, case_no, party_id, cause, violation, filed_on,"
            " decision_no, decided_on, outcome, heaviest_kind, fine_fen, confiscation_fen,"
            " closed_on, created_at, updated_at, deleted_at)"
            " VALUES (?, ?, 1, '占道设摊', '占道设摊', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                self._next,
                f"川城管立〔{filed[:4]}〕{self._next}号",
                filed,
                f"决定{self._next}" if decided else None,
                decided,
                outcome,
                kind,
                fine,
                confiscation,
                closed,
                AT,
                AT,
                AT if deleted else None,
            ],
        )
        return self._next

    def pay(self, case_id: int, paid_on: str, amount: int, surcharge: int = 0) -> None:
        self._db.execute(
            "INSERT INTO payments (case_id, paid_on, amount_fen, surcharge_fen, channel,"
            " created_at) VALUES (?, ?, ?, ?, '银行', ?)",
            [case_id, paid_on, amount, surcharge, AT],
        )


@pytest.fixture
def edge_services(backend: Path | str) -> Iterator[Services]:
    """On both backends: a file and a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as built, write_transaction(built._db) as db:
        cases = Cases(db)
        # Open on 1 January 2024: filed in 2023, closed in 2024.
        a = cases.add(
            "2023-03-01",
            decided="2023-05-01",
            outcome="penalty",
            money=(100_00, 0),
            closed="2024-02-01",
            kind="fine",
        )
        cases.pay(a, "2023-06-01", 60_00)  # paid before 2024: counts against 2023's money
        cases.pay(a, "2024-01-15", 40_00, 5_00)  # collected in 2024 (principal + surcharge)
        # Open on both dates: filed 2023, never closed, decided 2024, paid partly in 2025.
        b = cases.add(
            "2023-12-31",
            decided="2024-12-31",
            outcome="penalty",
            money=(200_00, 50_00),
            kind="confiscate_gains",
        )
        cases.pay(b, "2024-12-31", 100_00)
        cases.pay(b, "2025-01-01", 150_00)  # after the year end: neither collected nor paid
        # Filed and closed on the same 1 January: never open at either date.
        cases.add("2024-01-01", decided="2024-01-01", outcome="no_penalty", closed="2024-01-01")
        # Closed on 31 December 2023: not open on 1 January 2024.
        cases.add(
            "2023-01-01",
            decided="2023-06-01",
            outcome="penalty",
            money=(10_00, 0),
            closed="2023-12-31",
            kind="fine",
        )
        # Filed in 2024, decided and closed in 2025: open at the end of 2024.
        c = cases.add(
            "2024-06-01",
            decided="2025-02-01",
            outcome="penalty",
            money=(300_00, 0),
            closed="2025-03-01",
            kind="fine",
        )
        cases.pay(c, "2025-02-10", 300_00)
        # Over-paid (only possible by editing the file): the excess never reduces others' debt.
        d = cases.add(
            "2024-02-01", decided="2024-03-01", outcome="penalty", money=(50_00, 0), kind="fine"
        )
        cases.pay(d, "2024-03-10", 80_00)
        # Deleted: counted nowhere, its payments not collected, its money not outstanding.
        e = cases.add(
            "2023-02-01",
            decided="2024-02-01",
            outcome="penalty",
            money=(1000_00, 0),
            kind="fine",
            deleted=True,
        )
        cases.pay(e, "2024-03-01", 400_00, 10_00)
        cases.add("2024-05-01", deleted=True)
        # Decided with nothing to pay (warning) and a withdrawn case: no money owed.
        cases.add("2024-04-01", decided="2024-04-20", outcome="penalty", kind="warning")
        cases.add("2024-04-02", decided="2024-04-21", outcome="withdrawn", closed="2024-04-22")
    with build_services(backend, read_only=True, check_integrity=False) as built:
        yield built


def test_open_cases_at_the_year_boundaries(edge_services: Services) -> None:
    g = edge_services.statistics.annual(2024).general
    # 1 Jan 2024: a and b (the case closed on 31 Dec 2023 is not; e is deleted).
    assert g.open_at_start == 2
    # filed in 2024 (live): same-day case, c, d, warning, withdrawn.
    assert g.filed == 5
    # closed in 2024: a, same-day case, withdrawn.
    assert g.closed == 3
    # 1 Jan 2025: b (never closed), c (closed 2025), d, warning (never closed).
    assert g.open_at_end == 4
    assert g.open_at_start + g.filed - g.closed == g.open_at_end
    g23 = edge_services.statistics.annual(2023).general
    assert (g23.open_at_start, g23.filed, g23.closed, g23.open_at_end) == (0, 3, 1, 2)


def test_money_collected_and_outstanding_at_the_year_end(edge_services: Services) -> None:
    figures: AnnualFigures = edge_services.statistics.annual(2024)
    # Collected in 2024, live cases only: a 40+5, b 100, d 80 (e is deleted).
    assert figures.payments.collected_fen == (40_00 + 5_00) + 100_00 + 80_00
    # Owed at 31 Dec 2024: a 0, b 250−100, the 2023 case's 10 (never paid), d over-paid
    # counts 0 (not −30); c not yet decided; the deleted e and the warning owe nothing.
    assert figures.payments.outstanding_fen == 150_00 + 10_00
    assert figures.general.fines_decided_fen == 200_00 + 50_00
    assert figures.general.confiscated_decided_fen == 50_00
    assert figures.general.decided == 4  # b, same-day no-penalty, d, warning
    assert figures.general.no_penalty == 1
    assert {k.value: (v.cases, v.money_fen) for k, v in figures.by_kind.items()} == {
        "warning": (1, 0),
        "fine": (1, 50_00),
        "confiscate_gains": (1, 250_00),
    }
    # Owed at 31 Dec 2023: a 100−60, the closed case 10 (never paid).
    assert edge_services.statistics.annual(2023).payments.outstanding_fen == 40_00 + 10_00
    # 2025: b's 150 paid on 1 January clears it; c decided and paid in full; 10 still owed.
    after = edge_services.statistics.annual(2025).payments
    assert (after.outstanding_fen, after.collected_fen) == (10_00, 150_00 + 300_00)


def test_breakdown_months_violations_and_overdue(edge_services: Services) -> None:
    breakdown = edge_services.statistics.breakdown(2024)
    decided = {m.month: m.decided for m in breakdown.months if m.decided}
    assert decided == {1: 1, 3: 1, 4: 1, 12: 1}  # the withdrawal is not a decision
    filed = {m.month: m.filed for m in breakdown.months if m.filed}
    assert filed == {1: 1, 2: 1, 4: 2, 6: 1}
    closed = {m.month: m.closed for m in breakdown.months if m.closed}
    assert closed == {1: 1, 2: 1, 4: 1}
    (row,) = breakdown.top_violations
    assert (row.violation, row.filed, row.money_decided_fen) == ("占道设摊", 5, 300_00)
    # Undecided at 31 Dec 2024 and filed 90+ days before: c (filed 1 June, decided 2025).
    assert edge_services.statistics.annual(2024).general.overdue_open == 1
