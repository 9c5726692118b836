"""A 100,000-case ledger: export it, import it into an empty database, and compare the import
with the raw read of the same file by the reader library (target: import ≤ 2× raw read).

``BENCH_ROWS`` changes the size; ``BENCH_DIR`` keeps the files.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from python_calamine import CalamineWorkbook

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
CLOCK = FixedClock(dt.datetime(2025, 6, 30, 2, 0, tzinfo=dt.UTC))


def main() -> None:
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="chuansha-ledger-"))
    source, target = folder / "source.db", folder / "target.db"
    ledger = folder / f"ledger-{ROWS}.xlsx"
    for path in (source, target, ledger):
        for leftover in folder.glob(path.name + "*"):
            leftover.unlink()
    plan = DemoPlan(
        seed=11, first_year=2024, last_year=2024, general_cases=ROWS, simple_per_year=300
    )
    with build_services(source, CLOCK) as services:
        services.demo.fill(plan)
        started = time.perf_counter()
        report = services.ledger.export_ledger(ledger, 2024)
        print(
            f"export ledger: {report.general_cases:,} cases in "
            f"{time.perf_counter() - started:.1f} s ({ledger.stat().st_size / 2**20:.1f} MiB)"
        )
    started = time.perf_counter()
    workbook = CalamineWorkbook.from_path(str(ledger))
    cells = sum(len(workbook.get_sheet_by_name(n).to_python()) for n in workbook.sheet_names)
    raw = time.perf_counter() - started
    print(f"raw calamine read of all sheets: {raw:.2f} s ({cells:,} rows)")
    with build_services(target, CLOCK) as services:
        started = time.perf_counter()
        checked = services.ledger.import_file(ledger, dry_run=True)
        dry = time.perf_counter() - started
        started = time.perf_counter()
        imported = services.ledger.import_file(ledger)
        full = time.perf_counter() - started
    print(
        f"import --dry-run: {dry:.2f} s ({len(checked.errors)} errors, "
        f"{len(checked.warnings)} warnings) = {dry / raw:.1f}× the raw read"
    )
    print(
        f"import: {full:.2f} s, {imported.general_cases:,} cases written = "
        f"{full / raw:.1f}× the raw read (target ≤ 2×)"
    )


if __name__ == "__main__":
    main()
