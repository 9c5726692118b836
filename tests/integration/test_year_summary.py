"""The annual totals read from ``year_summary`` equal the straightforward queries over the cases.

A small generated file (written by the bulk path, which folds its cases in at the end) is
changed at random, row by row, as the program and a person with the file could: corrections
of decisions, fines, dates, outcomes, heaviest kinds, 不予处罚 reasons, 减轻 and payments,
trash and restore, payments, review rounds, demolition orders and forced-demolition steps
added, redated, moved and deleted, extensions approved, cases added and deleted. After every
change sequence the triggers have kept the summary: ``statistics.annual`` of every year equals
the same service on the straightforward queries, ``year_summary.problems`` finds nothing, and
``verify`` names a year whose stored sums were altered behind the program's back.

All but the query-plan test run on both backends (a file, and a server database whose
triggers are the plpgsql said from the SQLite ones); the raw changes go to the server through
the dialect layer (``PgDatabase``), as SQLite SQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import NoPenaltyReason, PenaltyKind
from chuansha_enforce.services.calendar_service import CalendarService
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.statistics_service import StatisticsService
from chuansha_enforce.storage.calendar.calendar_overrides import CalendarOverrideRepository
from chuansha_enforce.storage.disputes.dispute_repository import DisputeRepository
from chuansha_enforce.storage.file_review.file_review_repository import FileReviewRepository
from chuansha_enforce.storage.reports import year_summary
from chuansha_enforce.storage.reports.statistics_repository import StatisticsRepository
from tests.backend_book import by_hand, copy_of_book, filled_book, open_book
from tests.conftest import NOW

PLAN = DemoPlan(seed=7, first_year=2023, last_year=2025, general_cases=240, simple_per_year=20)
YEARS = range(2022, 2028)
CASES = 240
STAMP = "2026-01-05T08:00:00Z"
REFUSED = (sqlite3.IntegrityError, psycopg.IntegrityError)  # a change a CHECK refuses


@pytest.fixture(scope="module")
def file_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    with filled_book("sqlite", tmp_path_factory.mktemp("summary"), PLAN, FixedClock(NOW)) as path:
        yield Path(path)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def template(request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """The generated town on each backend: a file, or a server database (copied by TEMPLATE)."""
    if request.param == "sqlite":
        yield request.getfixturevalue("file_template")
        return
    with filled_book("postgresql", Path(), PLAN, FixedClock(NOW)) as url:
        yield url


@contextlib.contextmanager
def copy_of(template: Path | str) -> Iterator[Path | str]:
    with (
        tempfile.TemporaryDirectory(prefix="summary-") as folder,
        copy_of_book(template, Path(folder), "town.db") as path,
    ):
        yield path


def day(offset: int) -> str:
    return (dt.date(2022, 6, 1) + dt.timedelta(days=offset)).isoformat()


case_id = st.integers(1, CASES + 3)  # a few ids beyond the file: changes that find nothing
CHILD_ROWS = ("payments", "legal_review_rounds", "demolition_orders", "forced_demolition_steps")
change = st.one_of(
    st.tuples(st.just("trash"), case_id),
    st.tuples(st.just("restore"), case_id),
    st.tuples(st.just("fine"), case_id, st.integers(0, 500_000)),
    st.tuples(st.just("confiscation"), case_id, st.integers(0, 200_000)),
    st.tuples(st.just("decided_on"), case_id, st.integers(-400, 400)),
    st.tuples(st.just("undecide"), case_id),
    st.tuples(st.just("outcome"), case_id, st.sampled_from(["penalty", "no_penalty", "withdrawn"])),
    st.tuples(st.just("heaviest_kind"), case_id,
              st.sampled_from([None, *(k.value for k in PenaltyKind)])),
    st.tuples(st.just("no_penalty_reason"), case_id,
              st.sampled_from([None, "", *(r.value for r in NoPenaltyReason)])),
    st.tuples(st.just("reduced_penalty"), case_id, st.integers(0, 1)),
    st.tuples(st.just("demolition_order"), case_id, st.integers(0, 1400)),
    st.tuples(st.just("forced_step"), case_id,
              st.sampled_from(["removed", "carried_out", "reminder"]), st.integers(0, 1400)),
    st.tuples(st.just("row_date"), st.sampled_from(CHILD_ROWS[2:]), st.integers(0, 100),
              st.integers(0, 1400)),
    st.tuples(st.just("row_moved"), st.sampled_from(CHILD_ROWS), st.integers(0, 100), case_id),
    st.tuples(st.just("row_deleted"), st.sampled_from(CHILD_ROWS), st.integers(0, 100)),
    st.tuples(st.just("close"), case_id, st.integers(0, 500)),
    st.tuples(st.just("pay"), case_id, st.integers(0, 1400), st.integers(1, 600_000),
              st.integers(0, 5_000)),
    st.tuples(st.just("payment_amount"), st.integers(0, 400), st.integers(1, 600_000)),
    st.tuples(st.just("payment_date"), st.integers(0, 400), st.integers(0, 1400)),
    st.tuples(st.just("payment_moved"), st.integers(0, 400), case_id),
    st.tuples(st.just("payment_deleted"), st.integers(0, 400)),
    st.tuples(st.just("review"), case_id, st.integers(0, 1400)),
    st.tuples(st.just("review_deleted"), st.integers(0, 200)),
    st.tuples(st.just("extension"), case_id, st.integers(1, 60), st.integers(0, 1400)),
    st.tuples(st.just("new_case"), case_id, st.booleans()),
)  # fmt: skip


def nth(db: sqlite3.Connection, table: str, n: int) -> int | None:
    row = db.execute(f"SELECT id FROM {table} ORDER BY id LIMIT 1 OFFSET ?", [n]).fetchone()
    return None if row is None else int(row[0])


def nth_key(db: sqlite3.Connection, table: str, n: int) -> tuple[str, int] | None:
    """The key column and key of the ``n``-th row of a table of case rows."""
    key = "case_id" if table == "demolition_orders" else "id"
    row = db.execute(f"SELECT {key} FROM {table} ORDER BY 1 LIMIT 1 OFFSET ?", [n]).fetchone()
    return None if row is None else (key, int(row[0]))


def apply_to_row(db: sqlite3.Connection, step: tuple[object, ...]) -> None:
    """A change of the ``n``-th row of a table of case rows: redated, moved or deleted."""
    kind, table, n, *args = step
    found = nth_key(db, str(table), int(n))  # type: ignore[call-overload]
    if found is None:
        return
    key, value = found
    if kind == "row_date":
        column = "decided_on" if table == "demolition_orders" else "on_date"
        sql, params = f"UPDATE {table} SET {column} = ? WHERE {key} = ?", [day(int(args[0])), value]
    elif kind == "row_moved":
        sql = (
            f"UPDATE {table} SET case_id = ? WHERE {key} = ?"
            " AND EXISTS (SELECT 1 FROM general_cases WHERE id = ?)"
        )
        params = [args[0], value, args[0]]
    else:
        sql, params = f"DELETE FROM {table} WHERE {key} = ?", [value]
    with contextlib.suppress(*REFUSED):
        db.execute(sql, params)


def apply(db: sqlite3.Connection, step: tuple[object, ...]) -> None:
    """One change, as SQL on the file; a change a CHECK refuses is refused whole."""
    kind, *args = step
    sql: str
    params: list[object]
    if str(kind).startswith("row_"):
        apply_to_row(db, step)
        return
    if kind == "trash":
        sql, params = "UPDATE general_cases SET deleted_at = ? WHERE id = ?", [STAMP, args[0]]
    elif kind == "restore":
        sql, params = "UPDATE general_cases SET deleted_at = NULL WHERE id = ?", [args[0]]
    elif kind in {"fine", "confiscation"}:
        sql, params = f"UPDATE general_cases SET {kind}_fen = ? WHERE id = ?", [args[1], args[0]]
    elif kind == "decided_on":
        sql = (
            "UPDATE general_cases SET decided_on = date(coalesce(decided_on, filed_on), ?)"
            " WHERE id = ?"
        )
        params = [f"{args[1]:+d} days", args[0]]
    elif kind == "undecide":
        sql = (
            "UPDATE general_cases SET decided_on = NULL, outcome = NULL, served_on = NULL,"
            " closed_on = NULL WHERE id = ?"
        )
        params = [args[0]]
    elif kind in {"outcome", "heaviest_kind", "no_penalty_reason", "reduced_penalty"}:
        sql, params = f"UPDATE general_cases SET {kind} = ? WHERE id = ?", [args[1], args[0]]
    elif kind == "demolition_order":
        sql = (
            "INSERT INTO demolition_orders (case_id, decided_on, deadline, created_at)"
            " SELECT id, ?, date(?, '+30 days'), ? FROM general_cases WHERE id = ?"
        )
        params = [day(int(args[1])), day(int(args[1])), STAMP, args[0]]
    elif kind == "forced_step":
        sql = (
            "INSERT INTO forced_demolition_steps (case_id, step, on_date, created_at)"
            " SELECT id, ?, ?, ? FROM general_cases WHERE id = ?"
        )
        params = [args[1], day(int(args[2])), STAMP, args[0]]
    elif kind == "close":
        sql = "UPDATE general_cases SET closed_on = date(decided_on, ?) WHERE id = ?"
        params = [f"+{args[1]} days", args[0]]
    elif kind == "pay":
        sql = (
            "INSERT INTO payments (case_id, paid_on, amount_fen, surcharge_fen, channel,"
            " created_at) SELECT id, ?, ?, ?, 'bank', ? FROM general_cases WHERE id = ?"
        )
        params = [day(int(args[1])), args[2], args[3], STAMP, args[0]]
    elif kind in {"payment_amount", "payment_date", "payment_moved", "payment_deleted"}:
        pid = nth(db, "payments", int(args[0]))
        if pid is None:
            return
        sql, params = {
            "payment_amount": ("UPDATE payments SET amount_fen = ? WHERE id = ?", [args[-1], pid]),
            "payment_date": ("UPDATE payments SET paid_on = ? WHERE id = ?",
                             [day(int(args[-1])), pid]),
            "payment_moved": ("UPDATE payments SET case_id = ? WHERE id = ? AND EXISTS"
                              " (SELECT 1 FROM general_cases WHERE id = ?)",
                              [args[-1], pid, args[-1]]),
            "payment_deleted": ("DELETE FROM payments WHERE id = ?", [pid]),
        }[str(kind)]  # fmt: skip
    elif kind == "review":
        sql = (
            "INSERT INTO legal_review_rounds (case_id, round_no, reviewer, reviewed_on, opinion,"
            " created_at) SELECT id, (SELECT coalesce(max(round_no), 0) + 1"
            " FROM legal_review_rounds WHERE case_id = ?), '审核员', ?, 'agree', ?"
            " FROM general_cases WHERE id = ?"
        )
        params = [args[0], day(int(args[1])), STAMP, args[0]]
    elif kind == "review_deleted":
        rid = nth(db, "legal_review_rounds", int(args[0]))
        if rid is None:
            return
        sql, params = "DELETE FROM legal_review_rounds WHERE id = ?", [rid]
    elif kind == "extension":
        sql = (
            "INSERT INTO decision_extensions (case_id, approved_by, approved_on, days, reason,"
            " created_at) SELECT id, '负责人', ?, ?, '案情复杂', ? FROM general_cases WHERE id = ?"
        )
        params = [day(int(args[2])), args[1], STAMP, args[0]]
    else:  # a case added as a copy of another, and deleted again when asked
        added = db.execute(
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, decided_on, outcome,"
            " fine_fen, confiscation_fen, closed_on, created_at, updated_at)"
            " SELECT case_no || '-副本' || (SELECT max(id) + 1 FROM general_cases), party_id,"
            " cause, filed_on,"
            " decided_on, outcome, fine_fen, confiscation_fen, closed_on, created_at, updated_at"
            " FROM general_cases WHERE id = ?",
            [args[0]],
        ).lastrowid
        if args[1] and added:
            db.execute("DELETE FROM general_cases WHERE id = ?", [added])
        return
    with contextlib.suppress(*REFUSED):
        db.execute(sql, params)


def annual_both_ways(path: Path | str, year: int) -> tuple[dict[str, object], dict[str, object]]:
    db = open_book(path)
    try:
        calendar = CalendarService(CalendarOverrideRepository(db), FixedClock(NOW))
        fast, plain = (
            StatisticsService(
                StatisticsRepository(db, summed=summed),
                calendar,
                FileReviewRepository(db),
                DisputeRepository(db),
            )
            for summed in (True, False)
        )
        return fast.annual(year).to_json(), plain.annual(year).to_json()
    finally:
        db.close()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(change, min_size=1, max_size=25))
def test_summed_figures_equal_the_straightforward_ones(
    template: Path | str, steps: list[tuple[object, ...]]
) -> None:
    with copy_of(template) as path:
        with by_hand(path) as db:
            for step in steps:
                apply(db, step)
            assert year_summary.problems(db) == []
        for year in YEARS:
            fast, plain = annual_both_ways(path, year)
            assert fast == plain, year


def test_the_generated_years_are_not_trivial(template: Path | str) -> None:
    """The bulk load folded its cases in: money owed, paid late, reviewed, decided under
    several kinds and reasons, demolitions ordered and done, in several years."""
    with by_hand(template) as db:
        sums = year_summary.stored(db)
        assert year_summary.problems(db) == []
    assert {2023, 2024, 2025} <= set(sums)
    for year in (2023, 2024, 2025):
        row = sums[year]
        for name in ("filed", "review_rounds", "credited_fen", "surcharge_fen", "kind:fine",
                     "fines:fine", "no_penalty:first_violation", "demolition_orders",
                     "demolitions_voluntary"):  # fmt: skip
            assert row.get(name, 0) > 0, (year, name)
    every = [name for row in sums.values() for name in row]
    assert "demolitions_forced" in every
    assert {"kind:warning", "no_penalty:minor_corrected", "confiscated:confiscate_gains"} <= set(
        every
    )
    owed = sum(
        value if name.startswith(("fines:", "confiscated:")) else 0
        for row in sums.values()
        for name, value in row.items()
    ) - sum(r.get("credited_fen", 0) for r in sums.values())
    assert owed > 0  # money still unpaid at the end


def test_the_triggers_read_one_case_by_its_keys(file_template: Path) -> None:
    """What a trigger reads for one case: every part of the view found through the case's
    key (SQLite pushes ``case_id = ?`` into each part), no table read whole. SQLite's query
    plan: the file only."""
    with contextlib.closing(sqlite3.connect(file_template)) as db:
        plan = db.execute(
            f"EXPLAIN QUERY PLAN SELECT year, figure, sum(value) FROM {year_summary.VIEW}"
            " WHERE case_id = ? GROUP BY year, figure",
            [5],
        ).fetchall()
    details = [str(row[3]) for row in plan]
    scans = [d for d in details if d.startswith("SCAN") and "subquery" not in d]
    assert scans == [f"SCAN {year_summary.VIEW}"], details
    searched = {d.split()[1] for d in details if d.startswith("SEARCH")}
    assert searched == {"c", "p", "r", "d", "f"}, details


def test_verify_names_a_year_whose_sums_were_altered(template: Path | str) -> None:
    with copy_of(template) as path:
        with by_hand(path) as db:
            db.execute(
                "UPDATE year_summary SET value = value + 100"
                " WHERE year = 2024 AND figure = 'fines:fine'"
            )
            db.execute("DROP TRIGGER year_summary_payment_insert_after")
        with build_services(path, FixedClock(NOW)) as services:
            report = services.verify(check_backups=False)
    found = [(p.table, p.id, p.what) for p in report.problems if p.table == "year_summary"]
    assert len(found) == 2
    assert found[0][:2] == ("year_summary", "2024")
    assert "fines:fine" in found[0][2]
    assert found[1][:2] == ("year_summary", "-")
    assert "year_summary_payment_insert_after" in found[1][2]
