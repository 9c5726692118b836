"""Search p95 of the same demo book on a file and on a server, interleaved (server/file).

Both books made by the same ``demo --cases N --seed S``; the queries are ``bench_search``'s
draw (``BENCH_QUERIES`` a kind), each searched on both (first page of 200 rows, the pages
checked equal). Run from the repository; not part of ``make bench`` (docs/SERVER.md):

    BENCH_QUERIES=40 .venv/bin/python benchmarks/search_ratio_server.py FILE.db postgresql://…
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from bench_search import LIMIT, draw

from chuansha_enforce.services.case_search_service import CaseSearchService
from chuansha_enforce.services.case_service import CaseService
from chuansha_enforce.storage.cases.case_repository import CaseRepository
from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository
from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.server.pg_database import open_server

SIDES = ("file", "server")


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18]


def _line(label: str, times: dict[str, list[float]]) -> str:
    file, server = _p95(times["file"]), _p95(times["server"])
    return (
        f"{label:22s} file p95 {file:6.1f} ms  server p95 {server:6.1f} ms"
        f"  ratio {server / file:.1f}"
    )


def main() -> None:
    path, url = Path(sys.argv[1]), sys.argv[2]
    queries = draw(path)
    dbs = {"file": open_database(path, read_only=True), "server": open_server(url)}
    search = {
        side: CaseSearchService(CaseService(CaseRepository(db)), CaseSearchRepository(db))
        for side, db in dbs.items()
    }
    for side in SIDES:
        started = time.perf_counter()
        search[side].search("王", limit=LIMIT)
        print(f"{side}: first search {1000 * (time.perf_counter() - started):.0f} ms")
    every: dict[str, list[float]] = {side: [] for side in SIDES}
    for kind, texts in queries.items():
        times: dict[str, list[float]] = {side: [] for side in SIDES}
        for text in texts:
            pages = {}
            for side in SIDES:
                started = time.perf_counter()
                page = search[side].search(text, limit=LIMIT)
                times[side].append(1000 * (time.perf_counter() - started))
                pages[side] = [row.id for row in page.rows]
            assert pages["file"] == pages["server"], (kind, text)
        for side in SIDES:
            every[side] += times[side]
        print(_line(kind, times))
    print(_line("all kinds", every))
    for db in dbs.values():
        db.close()


if __name__ == "__main__":
    main()
