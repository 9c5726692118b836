"""Run every benchmark in this folder (``make bench``); each prints its figures (no pass/fail).

Every ``bench_*.py`` runs in its own process, ``bench_demo_and_smoke.py`` first: it makes the
million-case database when it is missing (``figures.database()``: ``BENCH_DB``, else
``BENCH_DIR/demo-{BENCH_CASES}.db``, default /tmp/bench/demo-1000000.db; about 80 s), and the
others then measure that same file. At the end a table lists every figure beside its limit.

Environment:
- ``BENCH_SKIP=kill,ledger_read``: skip the named benchmarks (the file name without
  ``bench_`` and ``.py``); ``kill`` alone takes about 5 minutes (1,000 SIGKILLs).
- ``BENCH_DB``, ``BENCH_DIR``, ``BENCH_CASES``, ``BENCH_REBUILD=1`` (make the database anew),
  and each script's own knobs (``BENCH_RUNS``, ``BENCH_QUERIES``, ``BENCH_GUI_RUNS``, ...;
  see the top of each script).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIRST = "demo_and_smoke"


def _name(script: Path) -> str:
    return script.stem.removeprefix("bench_")


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def summary(lines: list[dict[str, str]], failed: list[str], skipped: list[str]) -> None:
    print("\n== summary: every figure beside its limit (measured in this run)")
    if lines:
        wide = max(_width(line["figure"]) for line in lines)
        value = max(_width(line["value"]) for line in lines)
        for line in lines:
            print(f"{_pad(line['figure'], wide)}  {_pad(line['value'], value)}  {line['limit']}")
    if skipped:
        print("skipped (BENCH_SKIP):", ", ".join(skipped))
    if failed:
        print("FAILED:", ", ".join(failed))


def main() -> int:
    skip = {name.strip() for name in os.environ.get("BENCH_SKIP", "").split(",") if name.strip()}
    scripts = sorted(HERE.glob("bench_*.py"), key=lambda s: (_name(s) != FIRST, s.name))
    failed: list[str] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="chuansha-bench-") as scratch:
        table = Path(scratch) / "summary.jsonl"
        env = {
            **os.environ,
            "BENCH_SUMMARY": str(table),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        for script in scripts:
            if _name(script) in skip or script.stem in skip:
                skipped.append(_name(script))
                continue
            print(f"== {script.name}", flush=True)
            started = time.perf_counter()
            done = subprocess.run([sys.executable, str(script)], env=env, check=False)
            print(f"   ({time.perf_counter() - started:.0f} s)", flush=True)
            if done.returncode != 0:
                failed.append(f"{script.name} (exit {done.returncode})")
        lines = (
            [json.loads(line) for line in table.read_text(encoding="utf-8").splitlines()]
            if table.exists()
            else []
        )
    summary(lines, failed, skipped)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
