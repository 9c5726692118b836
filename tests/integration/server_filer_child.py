"""A clerk's PC in the server concurrency test: files cases on one server case book.

Run as ``python tests/integration/server_filer_child.py URL COUNT TAG``: files COUNT cases
through the CLI's own ``main`` (the tests' fixed clock), printing ``ACK case_no`` after each
acknowledged filing.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.cli_clock import main  # noqa: E402


def run(url: str, count: int, tag: str) -> int:
    for i in range(count):
        out = io.StringIO()
        code = main(["--db", url, "case", "file", "--filed", "2026-03-02", "--party",
                     f"当事人{tag}{i}", "--party-type", "自然人", "--cause",
                     f"擅自搭建案{tag}{i}", "--officers", "李四,王五"], out)  # fmt: skip
        if code != 0:
            return code
        print("ACK", out.getvalue().strip(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
