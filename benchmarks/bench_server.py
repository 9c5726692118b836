"""Server mode (PostgreSQL) beside SQLite: ``migrate-to`` of a demo book, then the same reads on
both backends.

The server: ``CHUANSHA_TEST_PG`` when set (databases are made in it and dropped after), else a
throwaway cluster started with ``tools/pg_cluster.sh start`` and stopped at the end.
The book: ``BENCH_DIR/demo-{BENCH_SERVER_CASES}.db`` (default 100,000 cases), made with
``demo --cases`` when missing; ``migrate-to`` runs on a scratch copy (it logs the move in the
file it copies). Then, in-process, best of ``BENCH_RUNS`` (default 3), each figure on the file
and on the server:

- ``migrate-to`` (the installed command, wall time) beside its floor, the copy alone: the
  schema and every table's ``COPY`` in one transaction, committed, into another fresh database
  (``pg_copy.copy_file_into``; no checks on either side, no log, no ``VACUUM``);
- ``statistics.annual(Y)`` for the latest filing year beside its floor, the three core
  aggregates as plain SQL on the same backend (filed; decided with the fines; closed);
- search p95/p50 over ``BENCH_QUERIES`` queries of each kind of ``bench_search`` (default 20);
- the case list: the first page of 200, and a deep page of 200 (after ``BENCH_DEEP`` rows,
  default 80% of the cases, reached with the list's own keyset).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import bench_search
import psycopg
from bench_statistics import CORE
from figures import BIN, record, run_measured

from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.storage.migrations import MIGRATION_TABLE
from chuansha_enforce.storage.server.pg_copy import copy_file_into

HERE = Path(__file__).resolve().parent
CLUSTER = HERE.parent / "tools" / "pg_cluster.sh"
CASES = int(os.environ.get("BENCH_SERVER_CASES", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
QUERIES = int(os.environ.get("BENCH_QUERIES", "20"))
PAGE = 200


def book() -> Path:
    folder = Path(os.environ.get("BENCH_DIR") or "/tmp/bench")
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


@contextmanager
def cluster() -> Iterator[str]:
    """``CHUANSHA_TEST_PG``, or a throwaway cluster of our own (stopped at the end)."""
    given = os.environ.get("CHUANSHA_TEST_PG")
    if given:
        yield given
        return
    started = subprocess.run(
        [str(CLUSTER), "start"], check=True, capture_output=True, text=True
    ).stdout
    values = dict(
        line.removeprefix("export ").split("=", 1)
        for line in started.splitlines()
        if line.startswith("export ")
    )
    try:
        yield values["CHUANSHA_TEST_PG"]
    finally:
        subprocess.run([str(CLUSTER), "stop", values["PG_CLUSTER_DIR"]], check=False)


@contextmanager
def database(admin_url: str) -> Iterator[str]:
    """A fresh database on the cluster, dropped afterwards."""
    name = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield admin_url.rpartition("/")[0] + "/" + name
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def copy_alone(path: Path, url: str) -> float:
    """The floor of ``migrate-to``: the schema and the rows' COPY in one transaction, committed,
    with no checks on either side, no log and no VACUUM (``pg_copy.copy_file_into``)."""
    lite = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    started = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("BEGIN")
        copy_file_into(lite, conn, tuple(MIGRATION_TABLE), lambda _t, _d, _n: None)
        conn.execute("COMMIT")
    lite.close()
    return time.perf_counter() - started


def best(action: Callable[[], object], runs: int = RUNS) -> float:
    took = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        took.append(time.perf_counter() - started)
    return min(took)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def deep_key(services: Services, rows: int) -> tuple[str, int] | None:
    """The list's own key after ``rows`` rows (pages of 1,000)."""
    key, seen = None, 0
    while seen < rows:
        page = services.cases.list_page(after=key, limit=min(1000, rows - seen))
        seen += len(page.rows)
        key = page.next_key
        if key is None:
            break
    return key


def reads(
    services: Services, year: int, queries: list[str], deep: tuple[str, int] | None
) -> dict[str, float]:
    db = services._db  # the connection the services read through (file or server)
    services.search.search("王", limit=PAGE)  # the dictionaries read once, as in bench_search
    times = []
    for text in queries:
        started = time.perf_counter()
        services.search.search(text, limit=PAGE)
        times.append(time.perf_counter() - started)
    return {
        "floor": best(lambda: [db.execute(sql, [year]).fetchall() for sql in CORE]),
        "annual": best(lambda: services.statistics.annual(year)),
        "search_p95": statistics.quantiles(times, n=20, method="inclusive")[18],
        "search_p50": statistics.median(times),
        "first_page": best(lambda: services.cases.list_page(limit=PAGE)),
        "deep_page": best(lambda: services.cases.list_page(after=deep, limit=PAGE)),
    }


def main() -> None:
    source = book()
    bench_search.QUERIES = QUERIES  # of each kind: fewer than bench_search's 60 by default
    queries = [q for texts in bench_search.draw(source).values() for q in texts]
    with (
        tempfile.TemporaryDirectory(prefix="chuansha-bench-server-") as scratch,
        cluster() as admin_url,
        database(admin_url) as url,
    ):
        copy = Path(scratch) / "cases.db"
        shutil.copyfile(source, copy)
        with database(admin_url) as floor_url:
            floor = copy_alone(copy, floor_url)
        env = {**os.environ, "XDG_DATA_HOME": str(Path(scratch) / "data")}
        seconds, said, peak = run_measured(
            [str(BIN / "chuansha-enforce"), "--db", str(copy), "migrate-to", url], env=env
        )
        rows = int(said.split("个表共 ")[1].split(" 行")[0].replace(",", ""))
        print(
            f"the copy alone (schema + COPY + commit, no checks): {floor:.1f} s\n"
            f"migrate-to, {CASES:,}-case demo book: {seconds:.1f} s wall = {seconds / floor:.2f}×"
            f" the copy alone; {rows:,} rows ({rows / seconds:,.0f} rows/s),"
            f" peak {peak:.0f} MiB\n  {said.strip()}"
        )
        record(
            f"migrate-to of a {CASES:,}-case demo book",
            f"{seconds:.1f} s = {seconds / floor:.2f}×",
            f"no target given; the copy alone (no checks, no log) {floor:.1f} s; {rows:,} rows",
        )
        figures = {}
        for side, db in (("SQLite", str(copy)), ("server", url)):
            with build_services(db, read_only=True, check_integrity=False) as services:
                years = services.cases.filing_years()
                year = years[0]
                deep = deep_key(services, int(services.cases.count() * 0.8))
                figures[side] = reads(services, year, queries, deep)
        lite, pg = figures["SQLite"], figures["server"]
        for side, got in figures.items():
            print(
                f"{side:>6}: statistics.annual({year}) {ms(got['annual'])} ="
                f" {got['annual'] / got['floor']:.2f}× its floor {ms(got['floor'])};"
                f" search p95 {ms(got['search_p95'])} p50 {ms(got['search_p50'])};"
                f" list first page {ms(got['first_page'])}, deep page {ms(got['deep_page'])}"
            )
        record(
            f"server: statistics.annual({year}), {CASES:,} cases",
            f"{ms(pg['annual'])} = {pg['annual'] / pg['floor']:.2f}×",
            f"its floor on the server {ms(pg['floor'])}; SQLite {ms(lite['annual'])} ="
            f" {lite['annual'] / lite['floor']:.2f}× its floor {ms(lite['floor'])}",
        )
        record(
            f"server: search p95/p50, {len(queries)} queries",
            f"{ms(pg['search_p95'])}/{ms(pg['search_p50'])}",
            f"p95 < 50 ms; SQLite {ms(lite['search_p95'])}/{ms(lite['search_p50'])}",
        )
        for key, label in (("first_page", "first page"), ("deep_page", "deep page (80%)")):
            record(
                f"server: case list {label} of {PAGE}",
                ms(pg[key]),
                f"SQLite {ms(lite[key])} (= {pg[key] / lite[key]:.1f}× on the server)",
            )


if __name__ == "__main__":
    main()
