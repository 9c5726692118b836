"""A million demo cases written in one transaction, then the GUI's --smoke start on them.

Prints each figure beside its target. ``BENCH_CASES`` changes the size (default 1,000,000);
``BENCH_DIR`` keeps the database somewhere other than a temporary folder.
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


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    return time.perf_counter() - started, done.stdout


def main() -> None:
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="chuansha-bench-"))
    db = folder / f"demo-{CASES}.db"
    for leftover in folder.glob(db.name + "*"):
        leftover.unlink()
    seconds, out = timed([str(BIN / "chuansha-enforce"), "--db", str(db), "demo",
                          "--cases", str(CASES)])  # fmt: skip
    print(f"demo --cases {CASES:,}: {seconds:.1f} s wall (target < 30 s)  [{out.strip()}]")
    print(f"database size: {db.stat().st_size / 2**20:.0f} MiB")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    gui = str(BIN / "chuansha-enforce-gui")
    for run in range(3):
        seconds, out = timed([gui, "--db", str(db), "--smoke"], env)
        report = json.loads(out.strip().splitlines()[-1])
        print(
            f"--smoke run {run + 1}: {seconds:.2f} s wall process start to exit (target < 1.5 s);"
            f" window painted at {report['window_painted_ms']:.0f} ms after start of ui.app,"
            f" {report['rows_loaded']} rows loaded of {report['cases_total']:,}"
        )


if __name__ == "__main__":
    main()
