"""Crash safety at volume: 1,000 SIGKILLs of a writing process (``BENCH_KILLS`` changes it).

Prints the kills, the acknowledged writes and imports, the imports cut short, any losses
(there must be none) and the wall time. ``BENCH_DIR`` keeps the files.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from figures import record  # noqa: E402

from tests.safety.kill_harness import run_kills  # noqa: E402

KILLS = int(os.environ.get("BENCH_KILLS", "1000"))


def main() -> None:
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="chuansha-kill-"))
    started = time.perf_counter()
    report = run_kills(folder / "kills", rounds=KILLS, seed=int(os.environ.get("BENCH_SEED", "1")))
    seconds = time.perf_counter() - started
    print(
        f"kills {report.killed}/{KILLS}, acknowledged writes {report.acknowledged} "
        f"(imports {report.imports_acknowledged}), imports cut by a kill {report.imports_cut}, "
        f"losses {len(report.problems)}, wall {seconds:.1f} s"
    )
    record(
        f"SIGKILLs of a writer ({KILLS:,})",
        f"{len(report.problems)} losses, {report.killed} kills",
        "0 losses",
    )
    for problem in report.problems:
        print("  LOSS:", problem)
    if report.problems or report.killed != KILLS:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
