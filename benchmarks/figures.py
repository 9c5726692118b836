"""What the benchmarks share: the database they all measure, the summary, and measured runs.

- ``database()``: ``BENCH_DB`` when set; else ``BENCH_DIR/demo-{BENCH_CASES}.db`` (default
  /tmp/bench/demo-1000000.db), made with ``demo --cases`` when missing (timed and printed).
- ``record(figure, value, limit)``: one line of the final table of ``run_all.py`` (appended to
  the file ``BENCH_SUMMARY`` names; nothing when run alone).
- ``run_measured(argv)``: wall seconds, stdout and the peak resident memory of a child.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIN = Path(sys.executable).parent
CASES = int(os.environ.get("BENCH_CASES", "1000000"))


def database() -> Path:
    named = os.environ.get("BENCH_DB")
    if named:
        return Path(named)
    folder = Path(os.environ.get("BENCH_DIR") or "/tmp/bench")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-{CASES}.db"
    if not path.exists():
        build(path)
    return path


def build(path: Path) -> float:
    """``demo --cases`` into a new file at ``path``; prints and records the wall time."""
    started = time.perf_counter()
    done = subprocess.run(
        [str(BIN / "chuansha-enforce"), "--db", str(path), "demo", "--cases", str(CASES)],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    print(f"demo --cases {CASES:,}: {seconds:.1f} s wall (target ≤ 90 s)  [{done.stdout.strip()}]")
    print(f"database {path}: {path.stat().st_size / 2**20:.0f} MiB")
    record(f"demo --cases {CASES:,}", f"{seconds:.1f} s", "≤ 90 s")
    return seconds


def record(figure: str, value: str, limit: str) -> None:
    summary = os.environ.get("BENCH_SUMMARY")
    if summary:
        line = {"figure": figure, "value": value, "limit": limit}
        with open(summary, "a", encoding="utf-8") as out:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")


def run_measured(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, str, float]:
    """Run ``argv`` to its end: wall seconds, its stdout, its own peak RSS in MiB.

    ``os.wait4`` reaps this one child with its resource usage, so the peak is the child's own
    (not the largest of every child this process has waited for, as RUSAGE_CHILDREN would be).
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=errors, env=env)
        assert child.stdout is not None
        out = child.stdout.read().decode()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stdout.close()
        if child.returncode != 0:
            errors.seek(0)
            raise subprocess.CalledProcessError(
                child.returncode, argv, out, errors.read().decode(errors="replace")
            )
    return seconds, out, usage.ru_maxrss / 1024  # KiB on Linux
