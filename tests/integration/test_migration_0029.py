"""Migration 0029_annual_sums on a file written before it: the eight sums of 0026 become the
(year, figure, value) rows of every annual figure, filled from the cases already there, and
from then on the view and its triggers keep them; ``verify`` names a view or trigger that is
not the one the program wrote."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, migrate
from chuansha_enforce.storage.reports import year_summary

AT = "2026-11-27T02:00:00Z"
NAME = "0029_annual_sums"
HERE = [name for name, _sql in MIGRATION_TABLE].index(NAME)
BEFORE = MIGRATION_TABLE[:HERE]
# id, filed, decided, outcome, heaviest kind, 不予处罚 reason, fine, confiscation, closed, trashed
CASES = (
    (1, "2023-03-01", "2023-05-10", "penalty", "fine", None, 200_000, 0, "2023-08-01", None),
    (2, "2023-04-01", "2024-01-15", "penalty", "confiscate_gains", None, 50_000, 30_000, None,
     None),
    (3, "2023-06-01", "2023-07-01", "no_penalty", None, "first_violation", 0, 0, "2023-07-20",
     None),
    (4, "2024-02-01", "2024-03-01", "penalty", "fine", None, 90_000, 0, None, AT),
    (5, "2024-02-02", None, None, None, None, 0, 0, None, None),
)  # fmt: skip


def _insert_cases(db: sqlite_utils.Database) -> None:
    db.execute("INSERT INTO parties (id, kind, name) VALUES (1, 'natural_person', '张三')")
    for cid, filed, decided, outcome, kind, reason, fine, conf, closed, trashed in CASES:
        db.execute(
            "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, decided_on,"
            " outcome, heaviest_kind, no_penalty_reason, fine_fen, confiscation_fen, closed_on,"
            " deleted_at, created_at, updated_at) VALUES (?, ?, 1, '擅自搭建案', ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?)",
            [cid, f"川执立〔2023〕{cid}号", filed, decided, outcome, kind, reason, fine, conf,
             closed, trashed, AT, AT],
        )  # fmt: skip
    db.execute(
        "INSERT INTO payments (case_id, paid_on, amount_fen, surcharge_fen, channel, created_at)"
        " VALUES (1, '2023-06-01', 150000, 0, 'bank', ?), (2, '2024-02-01', 80000, 2400,"
        " 'bank', ?)",
        [AT, AT],
    )
    db.execute(
        "INSERT INTO demolition_orders (case_id, decided_on, deadline, created_at)"
        " VALUES (1, '2023-05-10', '2023-06-10', ?), (4, '2024-03-01', '2024-04-01', ?)",
        [AT, AT],
    )
    db.execute(
        "INSERT INTO forced_demolition_steps (case_id, step, on_date, created_at)"
        " VALUES (1, 'removed', '2023-06-20', ?)",
        [AT],
    )


@contextlib.contextmanager
def before_0029(path: Path) -> Iterator[sqlite_utils.Database]:
    """A file of the migrations before 0029 holding the cases above (0026's triggers kept
    its eight sums while they went in)."""
    db = open_database(path)
    try:
        assert migrate(db, path, table=BEFORE)[-1] == MIGRATION_TABLE[HERE - 1][0]
        with write_transaction(db):
            _insert_cases(db)
        yield db
    finally:
        db.close()


def test_the_sums_of_the_cases_already_there(tmp_path: Path) -> None:
    with before_0029(tmp_path / "old.db") as db:
        assert db.execute("SELECT filed FROM year_summary WHERE year = 2023").fetchone() == (3,)
        assert migrate(db, tmp_path / "old.db")[0] == NAME
        assert year_summary.problems(db.conn) == []
        assert year_summary.stored(db.conn) == {
            2023: {
                "filed": 3,
                "closed": 2,
                "kind:fine": 1,
                "fines:fine": 200_000,
                "no_penalty:first_violation": 1,
                "collected_fen": 150_000,
                "credited_fen": 150_000,
                "demolition_orders": 1,
                "demolitions_voluntary": 1,
            },
            2024: {
                "filed": 1,  # case 4 is in the trash
                "kind:confiscate_gains": 1,
                "fines:confiscate_gains": 50_000,
                "confiscated:confiscate_gains": 30_000,
                "collected_fen": 82_400,
                "surcharge_fen": 2_400,
                "credited_fen": 80_000,
            },
        }
        with write_transaction(db):  # the triggers keep them: case 4 restored
            db.execute("UPDATE general_cases SET deleted_at = NULL WHERE id = 4")
        sums = year_summary.stored(db.conn)
        assert year_summary.problems(db.conn) == []
    assert (sums[2024]["filed"], sums[2024]["kind:fine"], sums[2024]["demolition_orders"]) == (
        2,
        1,
        1,
    )


def test_verify_names_a_view_or_trigger_not_as_written(tmp_path: Path) -> None:
    with before_0029(tmp_path / "old.db") as db:
        migrate(db, tmp_path / "old.db")
        with write_transaction(db):
            db.execute(f"DROP VIEW {year_summary.VIEW}")
            # the same parts without the demolitions: the sums would stop counting them
            parts = year_summary.part_selects()[:-3]
            db.execute(f"CREATE VIEW {year_summary.VIEW} AS\n " + "\n UNION ALL ".join(parts))
        found = year_summary.problems(db.conn)
    told = "1 of the upkeep view and triggers altered (the sums may not follow the cases)"
    assert found == [("-", f"{told}: {year_summary.VIEW}")]
