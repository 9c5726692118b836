"""A fingerprint of ledger imports, to show a speed change writes the same database.

Imports into fresh files (fixed clock): a 3,000-case ledger exported from a demo, the same
again (refused: already registered, nothing written), a small file with errors (and its dry
run), a stop while writing, the 3,000 cases into a file holding a 15,000-case demo (indexes
kept), and the 100,000-row ledger of ``bench_ledger_import`` (``BENCH_DIR``). Prints each
file's hash of every table (rows sorted; the migrations' wall-clock time left out) and of the
import's report, and writes them to the file named by the first argument; compare two runs
with ``diff``. Run from the repository: ``.venv/bin/python benchmarks/import_fingerprint.py
/tmp/fp-before.txt``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, ".")
from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.ledger_files import CASE, SIMPLE, ledger, with_

CLOCK = FixedClock(dt.datetime(2025, 6, 30, 2, 0, tzinfo=dt.UTC))
W = Path(os.environ.get("FP_DIR", "/tmp/import-fingerprint"))
W.mkdir(parents=True, exist_ok=True)
BIG = Path(os.environ.get("BENCH_DIR", "/tmp/bench")) / "ledger-100000.xlsx"


def rm(p: Path) -> None:
    for f in p.parent.glob(p.name + "*"):
        f.unlink()


def dump(path: Path) -> str:
    h = hashlib.sha256()
    c = sqlite3.connect(path)
    schema = c.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()
    h.update(repr(schema).encode())
    per = []
    for (name,) in c.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
    ).fetchall():
        cols = (
            "id, migration_set, name" if name == "_sqlite_migrations" else "*"
        )  # applied_at: wall clock
        rows = c.execute(f'SELECT {cols} FROM "{name}"').fetchall()
        reps = sorted(repr(r) for r in rows)
        t = hashlib.sha256("\n".join(reps).encode()).hexdigest()[:12]
        per.append(f"{name}:{len(rows)}:{t}")
        h.update(f"{name}{t}".encode())
    c.close()
    return h.hexdigest()[:16] + "\n  " + " ".join(per)


def issues(r) -> str:
    return repr(
        (
            r.officers,
            r.general_cases,
            r.simple_decisions,
            r.written,
            r.cancelled,
            r.error_count,
            r.warning_count,
            r.errors,
            r.warnings,
            r.disputes,
            r.benchmarks,
        )
    )


def h(s: str) -> str:
    return hashlib.sha256(s.encode()).hexdigest()[:16]


out = []
small = W / "small.xlsx"
src = W / "small-src.db"
if not small.exists():
    rm(src)
    with build_services(src, CLOCK) as s:
        s.demo.fill(
            DemoPlan(
                seed=5, first_year=2024, last_year=2024, general_cases=3000, simple_per_year=200
            )
        )
        s.ledger.export_ledger(small, 2024)
out.append("demo-src " + dump(src))
bad = W / "bad.xlsx"
ledger(
    bad,
    cases=[
        CASE,
        with_(CASE, 案件编号="川执立〔2024〕000002号", 立案日期="garbage"),
        with_(CASE, 决定书文号="沪浦川执罚〔2024〕000009号", 罚款金额="-5"),
    ],
    simple=[SIMPLE],
)
# 1 small valid into fresh
db = W / "a.db"
rm(db)
with build_services(db, CLOCK) as s:
    r = s.ledger.import_file(small)
out.append("small-fresh " + h(issues(r)) + " " + dump(db))
# 2 the same again -> errors, unchanged
with build_services(db, CLOCK) as s:
    r = s.ledger.import_file(small)
out.append("small-again " + h(issues(r)) + f" errs={r.error_count} " + dump(db))
# 3 bad ledger into fresh
db = W / "b.db"
rm(db)
with build_services(db, CLOCK) as s:
    s.cases.count()
    r = s.ledger.import_file(bad)
    r2 = s.ledger.import_file(bad, dry_run=True)
out.append("bad " + h(issues(r)) + h(issues(r2)) + f" errs={r.error_count} " + dump(db))
# 4 cancel midway on small
db = W / "c.db"
rm(db)
with build_services(db, CLOCK) as s:
    s.cases.count()
    n = [0]

    def stop(done, total):
        n[0] += 1
        return done < total - 1000

    r = s.ledger.import_file(small, progress=stop)
out.append("cancel " + h(issues(r)) + f" asked={n[0]} " + dump(db))
# 5 small into a database with a bigger 2023 demo (row-by-row index path)
db = W / "d.db"
rm(db)
with build_services(db, CLOCK) as s:
    s.demo.fill(
        DemoPlan(seed=9, first_year=2023, last_year=2023, general_cases=15000, simple_per_year=100)
    )
    r = s.ledger.import_file(small)
out.append("small-into-big " + h(issues(r)) + " " + dump(db))
if BIG.exists():
    db = W / "big.db"
    rm(db)
    with build_services(db, CLOCK) as s:
        r = s.ledger.import_file(BIG)
        r2 = s.ledger.import_file(BIG, dry_run=True)
    out.append("big " + h(issues(r)) + h(issues(r2)) + " " + dump(db))
    rm(db)
text = "\n".join(out)
print(text)
Path(sys.argv[1] if len(sys.argv) > 1 else W / "last.txt").write_text(text + "\n")
