"""Case search on the million-case demo: first-page latency by kind of query.

The database is ``figures.database()`` (``BENCH_DB``, else ``BENCH_DIR/demo-{BENCH_CASES}.db``,
default /tmp/bench/demo-1000000.db, made with ``demo --cases`` when missing). A database made
before the search migration is migrated first with ``chuansha-enforce --db ... init``, and
that is timed too. Queries are drawn from the party names and ID numbers of random cases
(fixed seed), ``BENCH_QUERIES`` of each kind (default 60); each is searched once, for the
first page of 200 rows, after one search that loads the search dictionaries.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from figures import database, record

from chuansha_enforce.domain.pinyin_initials import initials, without_place
from chuansha_enforce.services.case_search_service import CaseSearchService
from chuansha_enforce.services.case_service import CaseService
from chuansha_enforce.storage.cases.case_repository import CaseRepository
from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository
from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.migrations import pending_names

BIN = Path(sys.executable).parent
QUERIES = int(os.environ.get("BENCH_QUERIES", "60"))
SEED = 20261127
LIMIT = 200


def migrate_if_needed(path: Path) -> None:
    db = open_database(path, read_only=True)
    pending = pending_names(db)
    db.close()
    if not pending:
        print(f"{path}: no pending migrations")
        return
    started = time.perf_counter()
    subprocess.run(
        [str(BIN / "chuansha-enforce"), "--db", str(path), "init"],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    print(f"init (backup, then {', '.join(pending)}): {seconds:.1f} s")


def _substring(rng: random.Random, text: str, length: int) -> str | None:
    chinese = [i for i in range(len(text) - length + 1) if text[i : i + length].isalpha()]
    if not chinese:
        return None
    start = rng.choice(chinese)
    return text[start : start + length]


def _initials(rng: random.Random, name: str, kind: str) -> str | None:
    letters = initials(without_place(name), person=kind == "natural_person")
    return letters[: rng.randint(2, 4)] if len(letters) >= 2 else None


def _id_suffix(rng: random.Random, id_number: str | None) -> str | None:
    return id_number[-rng.choice((4, 6)) :] if id_number else None


KINDS: dict[str, Callable[[random.Random, tuple[str, str, str | None, str]], str | None]] = {
    "1 Chinese character": lambda rng, r: _substring(rng, r[0], 1),
    "2 Chinese characters": lambda rng, r: _substring(rng, r[0], 2),
    "3 Chinese characters": lambda rng, r: _substring(rng, r[0], 3),
    "pinyin initials": lambda rng, r: _initials(rng, r[0], r[1]),
    "ID number ending": lambda rng, r: _id_suffix(rng, r[2]),
    "case sequence number": lambda rng, r: str(int(r[3][-7:-1])),
}


def draw(path: Path) -> dict[str, list[str]]:
    """``QUERIES`` queries of each kind from the parties of random cases."""
    db = open_database(path, read_only=True)
    last = int(db.execute("SELECT max(id) FROM general_cases").fetchone()[0])
    rng = random.Random(SEED)
    drawn: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, make in KINDS.items():
        while len(drawn[kind]) < QUERIES:
            row = db.execute(
                "SELECT p.name, p.kind, p.id_number, c.case_no FROM general_cases c"
                " JOIN parties p ON p.id = c.party_id WHERE c.id >= ? LIMIT 1",
                [rng.randint(1, last)],
            ).fetchone()
            query = make(rng, tuple(row)) if row else None
            if query:
                drawn[kind].append(query)
    db.close()
    return drawn


def main() -> None:
    db_path = database()
    migrate_if_needed(db_path)
    queries = draw(db_path)
    db = open_database(db_path, read_only=True)
    search = CaseSearchService(CaseService(CaseRepository(db)), CaseSearchRepository(db))
    cases = int(db.execute("SELECT count(*) FROM general_cases").fetchone()[0])
    print(f"{db_path}: {cases:,} general cases; first page of {LIMIT}, {QUERIES} queries a kind")
    started = time.perf_counter()
    search.search("王", limit=LIMIT)
    first = 1000 * (time.perf_counter() - started)
    print(f"first search (reads the search dictionaries): {first:.0f} ms")
    for kind, texts in queries.items():
        times, found = [], []
        for text in texts:
            started = time.perf_counter()
            page = search.search(text, limit=LIMIT)
            times.append(1000 * (time.perf_counter() - started))
            found.append(len(page.rows))
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20, method="inclusive")[18]
        print(
            f"{kind:22s} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   max {max(times):6.1f} ms"
            f"   (target p95 < 50 ms; median {statistics.median(found):.0f} rows;"
            f" e.g. {', '.join(texts[:4])})"
        )
        record(f"search p95/p50: {kind}", f"{p95:.1f}/{p50:.1f} ms", "p95 < 50 ms")
    db.close()


if __name__ == "__main__":
    main()
