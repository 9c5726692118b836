"""What SQLite alone needs to store finished cases: the floor under ``demo`` and ``import``.

The demo and the ledger import turn Python records into rows (``BulkWriter``) inside one
transaction, with the tables' secondary indexes dropped and built again afterwards, then fold
the new rows into the search dictionaries. This benchmark does the same storage work with no
Python per row: it copies the first N general cases of the benchmark database (with their
parties, officers, penalties, payments and review rounds) into a new, migrated file by
``INSERT … SELECT`` from the attached source, on the product's own connection
(``open_database``: WAL, ``synchronous=FULL``, foreign keys on) with the product's own index
rebuild (``BulkWriter.indexes_rebuilt_after``), search refresh and per-year sums (the
``year_summary`` triggers dropped while the rows go in, the new cases folded in by one
statement, as ``BulkWriter.add_general_cases`` does), then commits.

The time is what any writer of these rows pays on this machine, however fast its Python: the
demo's and the import's own times can only come down towards it. ``BENCH_FLOOR_CASES``
(default ``100000,1000000``) lists the sizes; the source is ``figures.database()``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from figures import database, record

from chuansha_enforce.storage import bulk_writer
from chuansha_enforce.storage.bulk_writer import BULK_TABLES, BulkWriter
from chuansha_enforce.storage.cases.case_search_index import refresh_case_search
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import migrate
from chuansha_enforce.storage.reports import year_summary

SIZES = [int(n) for n in os.environ.get("BENCH_FLOOR_CASES", "100000,1000000").split(",")]
AT = dt.datetime(2025, 6, 30, 2, 0, tzinfo=dt.UTC).isoformat()
PARENTS = ("officers", "certificates")
"""Copied whole first: a few dozen rows the case tables refer to."""
SELECTIONS = {
    "parties": "id IN (SELECT party_id FROM src.general_cases WHERE id <= :n)",
    "general_cases": "id <= :n",
    "general_case_officers": "case_id <= :n",
    "general_case_penalties": "case_id <= :n",
    "payments": "case_id <= :n",
    "legal_review_rounds": "case_id <= :n",
}


def _columns(conn: object, table: str) -> str:
    """Stored (not generated) columns the two files share: an older source file may lack
    columns later migrations added (they stay NULL or take their default)."""

    def stored(schema: str) -> list[str]:
        rows = conn.execute(f"PRAGMA {schema}.table_xinfo({table})").fetchall()  # type: ignore[attr-defined]
        return [r[1] for r in rows if r[6] == 0]

    there = set(stored("src"))
    return ", ".join(c for c in stored("main") if c in there)


def floor(source: Path, cases: int, folder: Path) -> dict[str, float]:
    target = folder / f"floor-{cases}.db"
    db = open_database(target)
    migrate(db, target)
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS src", (f"file:{source}?mode=ro",))
    phases: dict[str, float] = {}

    def timed_refresh(db: object) -> None:
        """The search refresh the writer runs at the end of the block, timed on its own."""
        begun = time.perf_counter()
        refresh_case_search(db)  # type: ignore[arg-type]
        phases["search refresh"] = time.perf_counter() - begun

    bulk_writer.refresh_case_search = timed_refresh  # type: ignore[assignment]
    started = time.perf_counter()
    with write_transaction(db):
        writer = BulkWriter(db, AT)  # the product's pragmas for a bulk load
        for table in PARENTS:
            columns = _columns(conn, table)
            conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table}")
        summed = year_summary.drop_triggers(conn)
        with writer.indexes_rebuilt_after(BULK_TABLES):
            for table, where in SELECTIONS.items():
                columns = _columns(conn, table)
                begun = time.perf_counter()
                conn.execute(
                    f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM src.{table}"
                    f" WHERE {where} ORDER BY {'id' if 'id' in columns.split(', ') else 'case_id'}",
                    {"n": cases},
                )
                phases[f"insert {table}"] = time.perf_counter() - begun
            begun = time.perf_counter()
            if summed:
                year_summary.fold_new_cases(conn, 1)
            phases["year sums"] = time.perf_counter() - begun
            rows_done = time.perf_counter()
        phases["index rebuild"] = time.perf_counter() - rows_done - phases["search refresh"]
        committing = time.perf_counter()
    phases["commit"] = time.perf_counter() - committing
    phases["total"] = time.perf_counter() - started
    written = conn.execute("SELECT count(*) FROM main.general_cases").fetchone()[0]
    conn.execute("DETACH DATABASE src")
    db.close()
    if written != cases:
        raise SystemExit(f"copied {written} cases, expected {cases} (is the source smaller?)")
    for leftover in folder.glob(target.name + "*"):
        leftover.unlink()
    return phases


def main() -> None:
    source = database()
    with tempfile.TemporaryDirectory(prefix="floor-", dir=source.parent) as tmp:
        for cases in SIZES:
            phases = floor(source, cases, Path(tmp))
            rows = sum(v for k, v in phases.items() if k.startswith("insert "))
            print(
                f"{cases:,} cases by INSERT … SELECT: {phases['total']:.2f} s"
                f" = rows {rows:.2f} + year sums {phases['year sums']:.2f}"
                f" + index rebuild {phases['index rebuild']:.2f}"
                f" + search refresh {phases['search refresh']:.2f}"
                f" + commit {phases['commit']:.2f}"
            )
            print(
                "  rows: "
                + ", ".join(
                    f"{k.removeprefix('insert ')} {v:.2f}"
                    for k, v in phases.items()
                    if k.startswith("insert ")
                )
            )
            record(
                f"storage floor, {cases:,} cases (no Python per row)",
                f"{phases['total']:.1f} s",
                "what SQLite alone needs here",
            )


if __name__ == "__main__":
    main()
