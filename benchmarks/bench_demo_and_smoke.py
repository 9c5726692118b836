"""The million-case demo, the GUI's start on it beside a bare Qt window, and peak memory.

- The database: ``figures.database()`` (``BENCH_DB``, else ``BENCH_DIR/demo-{BENCH_CASES}.db``,
  default /tmp/bench/demo-1000000.db); it is made with ``demo --cases`` and timed when missing.
  ``BENCH_REBUILD=1`` deletes it and makes it again (to time the demo; about 80 s).
- GUI start: ``chuansha-enforce-gui --db DB --smoke`` and ``bare_window.py DB`` (a bare Qt
  window on a lazy sqlite3 model of the same list), alternately, ``BENCH_GUI_RUNS`` times each
  (default 3): process start to exit, and the painted window's ms after the script started
  (and the CPU ms the process had used by then, which a busy machine disturbs less).
  Both run from compiled bytecode, as an installed program does (pip compiles what it
  installs, a PyInstaller bundle holds .pyc): ``PYTHONDONTWRITEBYTECODE`` is dropped for them
  and their .pyc go to ``BENCH_PYCACHE`` (default /tmp/bench-pycache), written by one
  untimed warm-up run of each. ``BENCH_COMPILED=0`` keeps the environment as it is (with
  ``PYTHONDONTWRITEBYTECODE=1`` each start then compiles the program's ~150 modules anew).
- Peak memory (the child's own peak RSS from ``os.wait4``) of those runs, and of
  ``--smoke --smoke-scroll N``, which pages the list to ``BENCH_SCROLL_ROWS`` rows (default
  5,000) before exiting (target < 400 MB).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path

from figures import BIN, build, database, record, run_measured

HERE = Path(__file__).resolve().parent
RUNS = int(os.environ.get("BENCH_GUI_RUNS", "3"))
SCROLL_ROWS = int(os.environ.get("BENCH_SCROLL_ROWS", "5000"))
MB = 1_000_000 / 2**20  # MiB in a (decimal) MB, for the "400 MB" of the target


def prepared() -> Path:
    path = database()
    if os.environ.get("BENCH_REBUILD") == "1" and path.exists():
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
    if not path.exists():
        build(path)
    else:
        print(
            f"database {path}: {path.stat().st_size / 2**20:.0f} MiB"
            " (kept; BENCH_REBUILD=1 makes it anew)"
        )
    return path


def gui_environment() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if os.environ.get("BENCH_COMPILED", "1") != "0":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = os.environ.get("BENCH_PYCACHE") or "/tmp/bench-pycache"
    return env


def main() -> None:
    db = prepared()
    env = gui_environment()
    smoke_argv = [str(BIN / "chuansha-enforce-gui"), "--db", str(db), "--smoke"]
    bare_argv = [sys.executable, str(HERE / "bare_window.py"), str(db)]
    smoke: list[tuple[float, float, float]] = []
    bare: list[tuple[float, float, float]] = []
    cpu: dict[str, list[float]] = {"--smoke": [], "bare": []}
    total = 0
    if "PYTHONPYCACHEPREFIX" in env:  # the warm-up writes the .pyc the timed runs read
        for argv in (smoke_argv, bare_argv):
            run_measured(argv, env)
    for run in range(1, RUNS + 1):
        for label, argv, into in (("--smoke", smoke_argv, smoke), ("bare", bare_argv, bare)):
            seconds, out, peak = run_measured(argv, env)
            report = json.loads(out.strip().splitlines()[-1])
            total = report.get("cases_total", total)
            into.append((seconds, report["window_painted_ms"], peak))
            cpu[label].append(report["window_painted_cpu_ms"])
            print(
                f"run {run} {label:8s} {seconds:5.2f} s process start to exit,"
                f" painted at {report['window_painted_ms']:6.0f} ms"
                f" (CPU {report['window_painted_cpu_ms']:4.0f} ms),"
                f" {report['rows_loaded']} rows, peak RSS {peak:5.0f} MiB"
            )
    wall, painted = (statistics.median(r[0] for r in smoke), statistics.median(r[1] for r in smoke))
    bare_wall, bare_painted = (
        statistics.median(r[0] for r in bare),
        statistics.median(r[1] for r in bare),
    )
    how = "from compiled bytecode" if "PYTHONPYCACHEPREFIX" in env else "bytecode as it was"
    print(
        f"GUI start (median of {RUNS}, {total:,} cases): {wall:.2f} s process start to exit,"
        f" painted at {painted:.0f} ms (target ≤ 500 ms);"
        f" bare Qt window {bare_wall:.2f} s, painted at {bare_painted:.0f} ms"
        f" → {wall / bare_wall:.1f}× / {painted / bare_painted:.1f}× the bare window"
        f" ({how})"
    )
    cpu_smoke, cpu_bare = (statistics.median(cpu["--smoke"]), statistics.median(cpu["bare"]))
    print(
        f"CPU until the paint (median): --smoke {cpu_smoke:.0f} ms, bare Qt window"
        f" {cpu_bare:.0f} ms → {cpu_smoke / cpu_bare:.1f}×"
    )
    record(
        "GUI --smoke start to exit (median)",
        f"{wall:.2f} s",
        f"< 1.5 s; bare Qt window {bare_wall:.2f} s",
    )
    record(
        "GUI --smoke window painted (median)",
        f"{painted:.0f} ms = {painted / bare_painted:.1f}× the bare window",
        f"≤ 500 ms; bare Qt window {bare_painted:.0f} ms",
    )
    peak = max(r[2] for r in smoke)
    bare_peak = max(r[2] for r in bare)
    seconds, out, scrolled_peak = run_measured(
        [*smoke_argv, "--smoke-scroll", str(SCROLL_ROWS)], env
    )
    report = json.loads(out.strip().splitlines()[-1])
    print(
        f"peak RSS: --smoke {peak:.0f} MiB ({peak / MB:.0f} MB);"
        f" --smoke-scroll {SCROLL_ROWS:,} → {report['rows_loaded']:,} rows in"
        f" {report.get('scroll_ms', 0):.0f} ms,"
        f" {scrolled_peak:.0f} MiB ({scrolled_peak / MB:.0f} MB),"
        f" {seconds:.2f} s wall; bare Qt window {bare_peak:.0f} MiB (target < 400 MB)"
    )
    record(
        "peak RSS, list open (--smoke)",
        f"{peak / MB:.0f} MB",
        f"< 400 MB; bare Qt window {bare_peak / MB:.0f} MB",
    )
    record(
        f"peak RSS, list scrolled to {report['rows_loaded']:,} rows",
        f"{scrolled_peak / MB:.0f} MB",
        "< 400 MB",
    )


if __name__ == "__main__":
    main()
