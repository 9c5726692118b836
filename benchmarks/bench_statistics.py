"""Annual totals, the annual PDF and case PDFs on the million-case demo, beside plain SQL.

The database is ``figures.database()`` (``BENCH_DB``, else ``BENCH_DIR/demo-{BENCH_CASES}.db``,
default /tmp/bench/demo-1000000.db, made with ``demo --cases`` when missing), migrated first
with ``chuansha-enforce --db ... init`` when it is older (that writes a backup beside the usual
ones). ``BENCH_YEAR`` picks the year (default the latest year with filings). Everything is
measured in-process, best and median of ``BENCH_RUNS`` (default 3):

- the floor (issue 24): the three core aggregates of the annual paragraph for the year, plain
  SQL on the indexed year columns: filed by filing year; decided with the sum of fines by
  decision year; closed by closing year (``CORE``);
- the plain SQL: ``SELECT decided_year, count(*) ... GROUP BY decided_year`` over the live
  cases (the GROUP BY on the indexed year column), and the same with the money decided,
  ``sum(fine_fen)``, which no index covers;
- the hand-written SQL of every figure ``stats --year Y`` prints (``hand_written_sql.py``: one
  plain aggregate query per figure family, no index hints), on a raw sqlite3 connection;
  checked once against ``statistics.annual(Y)`` (prints OK or MISMATCH);
- ``statistics.annual(Y)`` (every figure ``stats --json`` prints), measured right after the
  floor in each of ``BENCH_ROUNDS`` rounds (default 2), with its ratio to the floor (target
  ≤ 1.5×), to the plain SQL and to the hand-written SQL;
- ``statistics.breakdown(Y)`` (months, violation categories, 减轻处罚);
- ``reports.annual_pdf(Y)`` (both of the above plus rendering; target ≤ 1 s);
- ``reports.case_pdf(NO)`` for ``BENCH_CASE_PDFS`` (default 5) penalty cases decided in the
  year that have payments (no target of its own; printed beside the annual PDF's 2 s).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import subprocess
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from figures import BIN, database, record
from hand_written_sql import annual_by_hand, differences

from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.migrations import pending_names

CASE_PDFS = int(os.environ.get("BENCH_CASE_PDFS", "5"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
CORE = (
    "SELECT count(*) FROM general_cases WHERE deleted_at IS NULL AND filed_year = ?",
    "SELECT count(*), sum(fine_fen) FROM general_cases WHERE deleted_at IS NULL"
    " AND decided_year = ?",
    "SELECT count(*) FROM general_cases WHERE deleted_at IS NULL AND closed_year = ?",
)
PLAIN = (
    "SELECT decided_year, count(*) FROM general_cases WHERE deleted_at IS NULL"
    " GROUP BY decided_year"
)
PLAIN_MONEY = (
    "SELECT decided_year, count(*), sum(fine_fen) FROM general_cases WHERE deleted_at IS NULL"
    " GROUP BY decided_year"
)


def migrate_if_needed(path: Path) -> None:
    db = open_database(path, read_only=True)
    pending = pending_names(db)
    db.close()
    if pending:
        started = time.perf_counter()
        subprocess.run(
            [str(BIN / "chuansha-enforce"), "--db", str(path), "init"],
            check=True,
            capture_output=True,
        )
        print(f"init ({', '.join(pending)}): {time.perf_counter() - started:.1f} s")


def timed(action: Callable[[], object]) -> tuple[float, float]:
    took = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        took.append(time.perf_counter() - started)
    return min(took), statistics.median(took)


def line(label: str, took: tuple[float, float], extra: str = "") -> None:
    print(f"{label:<44} best {took[0]:6.3f} s  median {took[1]:6.3f} s{extra}")


def case_numbers(path: Path, year: int) -> list[str]:
    """``CASE_PDFS`` penalty cases decided in ``year`` with payments, spread over the ids."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    last = int(db.execute("SELECT max(id) FROM general_cases").fetchone()[0])
    rng = random.Random(year)
    found: list[str] = []
    for _ in range(CASE_PDFS * 50):
        row = db.execute(
            "SELECT case_no FROM general_cases c WHERE c.id >= ? AND c.deleted_at IS NULL"
            " AND c.outcome = 'penalty' AND c.decided_year = ?"
            " AND EXISTS (SELECT 1 FROM payments p WHERE p.case_id = c.id) LIMIT 1",
            [rng.randint(1, last), year],
        ).fetchone()
        if row and row[0] not in found:
            found.append(row[0])
        if len(found) == CASE_PDFS:
            break
    db.close()
    return found


def main() -> None:
    path = database()
    migrate_if_needed(path)
    with build_services(path, read_only=True, check_integrity=False) as services:
        db = services._db  # the connection the services read through
        year = int(
            os.environ.get("BENCH_YEAR")
            or db.execute(
                "SELECT max(filed_year) FROM general_cases WHERE deleted_at IS NULL"
            ).fetchone()[0]
        )
        print(f"{path} ({path.stat().st_size / 2**20:.0f} MiB), year {year}, best of {RUNS}")
        plain = timed(lambda: db.execute(PLAIN).fetchall())
        line("plain SQL: GROUP BY decided_year, count", plain)
        plain_money = timed(lambda: db.execute(PLAIN_MONEY).fetchall())
        line("plain SQL: GROUP BY decided_year, count+money", plain_money)
        raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        calendar = services.calendar.work_calendar()
        by_hand = timed(lambda: annual_by_hand(raw, year, calendar))
        line(f"hand-written SQL of every figure, {year}", by_hand)
        figures = services.statistics.annual(year).to_json()
        wrong = differences(annual_by_hand(raw, year, calendar), figures)
        raw.close()
        verdict = "OK" if not wrong else "MISMATCH " + "; ".join(wrong)
        print(f"  hand-written SQL against statistics.annual({year}): {verdict}")
        for number in range(1, ROUNDS + 1):
            core = timed(lambda: [db.execute(sql, [year]).fetchall() for sql in CORE])
            line(f"round {number}: floor, filed+decided/fines+closed {year}", core)
            annual = timed(lambda: services.statistics.annual(year))
            ratios = (
                f"{annual[0] / core[0]:.2f}× the floor (target ≤ 1.5×);"
                f" {annual[0] / plain_money[0]:.2f}× one GROUP BY,"
                f" {annual[0] / by_hand[0]:.2f}× hand-written"
            )
            line(f"round {number}: statistics.annual({year})", annual, f"  = {ratios}")
            record(
                f"stats --year {year}: statistics.annual, round {number} (best)",
                f"{annual[0] * 1000:.0f} ms = {annual[0] / core[0]:.2f}×",
                f"≤ 1.5× the floor: the 3 core aggregates {core[0] * 1000:.0f} ms"
                f" (hand-written SQL of every figure {by_hand[0] * 1000:.0f} ms,"
                f" {verdict.split()[0]})",
            )
        line(f"statistics.breakdown({year})", timed(lambda: services.statistics.breakdown(year)))
        pdf = timed(lambda: services.reports.annual_pdf(year))
        line(f"annual PDF {year}", pdf, "  (target ≤ 1 s)")
        record(f"annual PDF {year} (best)", f"{pdf[0]:.2f} s", "≤ 1 s")
        numbers = case_numbers(path, year)
        took = []
        for case_no in numbers:
            best, median = timed(partial(services.reports.case_pdf, case_no))
            took.append(best)
            line(f"case PDF {case_no}", (best, median))
        if took:
            line(
                f"case PDF, {len(took)} cases",
                (min(took), statistics.median(took)),
                f"  (best/median of the cases' bests; no target, annual PDF {pdf[0]:.2f} s)",
            )
            record(
                f"case PDF, {len(took)} decided cases with payments",
                f"{min(took) * 1000:.0f}/{statistics.median(took) * 1000:.0f} ms best/median",
                f"no target given; annual PDF {pdf[0]:.2f} s, ≤ 1 s",
            )


if __name__ == "__main__":
    main()
