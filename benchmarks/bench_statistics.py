"""Annual totals and the annual PDF on the million-case demo, beside the plain SQL they need.

``BENCH_DB`` names a database (migrated first with ``chuansha-enforce --db ... init`` when it
is older; that writes a backup beside the usual ones); without it a fresh ``demo --cases
1000000`` (``BENCH_CASES``) is made in ``BENCH_DIR`` (default a temporary folder).
``BENCH_YEAR`` picks the year (default the latest year with filings). Everything is measured
in-process on one read-only connection, best and median of ``BENCH_RUNS`` (default 3):

- the plain SQL: ``SELECT decided_year, count(*) ... GROUP BY decided_year`` over the live
  cases (the GROUP BY on the indexed year column), and the same with the money decided,
  ``sum(fine_fen)``, which no index covers;
- ``statistics.annual(Y)`` (what ``stats --year Y`` prints), with its ratio to the plain SQL
  (target ≤ 1.5×);
- ``statistics.breakdown(Y)`` (months, violation categories, 减轻处罚);
- ``reports.annual_pdf(Y)`` (both of the above plus rendering; target under 2 s).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.migrations import pending_names

BIN = Path(sys.executable).parent
CASES = int(os.environ.get("BENCH_CASES", "1000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
PLAIN = (
    "SELECT decided_year, count(*) FROM general_cases WHERE deleted_at IS NULL"
    " GROUP BY decided_year"
)
PLAIN_MONEY = (
    "SELECT decided_year, count(*), sum(fine_fen) FROM general_cases WHERE deleted_at IS NULL"
    " GROUP BY decided_year"
)


def database() -> Path:
    named = os.environ.get("BENCH_DB")
    if named:
        return Path(named)
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="chuansha-stats-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{CASES}.db"
    if not path.exists():
        started = time.perf_counter()
        subprocess.run(
            [str(BIN / "chuansha-enforce"), "--db", str(path), "demo", "--cases", str(CASES)],
            check=True,
            capture_output=True,
        )
        print(f"demo --cases {CASES:,}: {time.perf_counter() - started:.1f} s")
    return path


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
        annual = timed(lambda: services.statistics.annual(year))
        ratios = f"{annual[0] / plain[0]:.2f}× count, {annual[0] / plain_money[0]:.2f}× money"
        line(f"statistics.annual({year})", annual, f"  = {ratios} (target ≤ 1.5×)")
        line(f"statistics.breakdown({year})", timed(lambda: services.statistics.breakdown(year)))
        pdf = timed(lambda: services.reports.annual_pdf(year))
        line(f"annual PDF {year}", pdf, "  (target < 2 s)")


if __name__ == "__main__":
    main()
