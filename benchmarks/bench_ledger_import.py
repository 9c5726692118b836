"""A 100,000-case ledger: export it, import it into an empty database, and compare the import
with its floor: the raw read of the same file by the reader library plus the storage floor of
the same cases (``bench_write_floor.floor``: the rows copied by ``INSERT … SELECT`` from the
database the ledger was exported from, with the product's index rebuild, search refresh and
per-year sums). Target (issue 24): import ≤ 1.25× (raw read + write floor).

``BENCH_ROWS`` changes the size; ``BENCH_DIR`` keeps the files: a ledger already there is
read again instead of being exported anew (the export takes about a minute). Each round
times, in the same process and one after the other, calamine's bare read of every sheet, the
write floor, ``import --dry-run`` and the full import into a fresh database; ``BENCH_ROUNDS``
(default 2)
repeats the round, because the figures of a shared machine are noisy.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from bench_write_floor import floor
from figures import record
from python_calamine import CalamineWorkbook

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.ledger import reader
from chuansha_enforce.services import ledger_service
from chuansha_enforce.services.container import build_services

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
CLOCK = FixedClock(dt.datetime(2025, 6, 30, 2, 0, tzinfo=dt.UTC))


def _remove(path: Path) -> None:
    """The database file and its -wal/-shm companions."""
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()


def _export(folder: Path, ledger: Path, source: Path) -> None:
    _remove(source)
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


class _Timer:
    """Wall-clock and CPU seconds of this process (CPU time is steadier on a busy machine)."""

    def __init__(self) -> None:
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self._wall, time.process_time() - self._cpu


def _raw_read(ledger: Path) -> tuple[tuple[float, float], int]:
    timer = _Timer()
    with CalamineWorkbook.from_path(str(ledger)) as workbook:
        rows = sum(len(workbook.get_sheet_by_name(n).to_python()) for n in workbook.sheet_names)
    return timer.stop(), rows


def _figures(label: str, took: tuple[float, float], raw: tuple[float, float]) -> str:
    (wall, cpu), (raw_wall, raw_cpu) = took, raw
    return (
        f"{label} {wall:.2f} s = {wall / raw_wall:.2f}× the raw read"
        f" (CPU {cpu:.2f} s = {cpu / raw_cpu:.2f}×)"
    )


class _Phases:
    """CPU seconds of the import's phases, measured by wrapping the functions that run them
    (the sheet measure, the whole read, the write); the row checks are the rest."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            started = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                self.seconds[label] = self.seconds.get(label, 0.0) + spent

        setattr(owner, name, timed)

    def line(self, cpu: float) -> str:
        measure = self.seconds.get("measure", 0.0)
        read = self.seconds.get("read", 0.0) - measure
        write = self.seconds.get("write", 0.0)
        checks = cpu - measure - read - write
        return (
            f"  import CPU by phase: sheet measure {measure:.2f} s, calamine read and sheets"
            f" {read:.2f} s, row checks {checks:.2f} s, write {write:.2f} s"
        )


def _phases() -> _Phases:
    phases = _Phases()
    phases.wrap(reader, "inspect_xlsx", "measure")
    phases.wrap(ledger_service, "read_ledger", "read")
    phases.wrap(ledger_service.LedgerService, "_write", "write")
    return phases


def _round(folder: Path, ledger: Path, source: Path, number: int, phases: _Phases) -> None:
    target = folder / "target.db"
    _remove(target)
    raw, rows = _raw_read(ledger)
    write_floor = floor(source, ROWS, folder)["total"]
    with build_services(target, CLOCK) as services:
        ledgers = services.ledger  # built (its modules imported) on first use: not timed
        timer = _Timer()
        checked = ledgers.import_file(ledger, dry_run=True)
        dry = timer.stop()
        phases.seconds.clear()
        timer = _Timer()
        imported = ledgers.import_file(ledger)
        full = timer.stop()
    _remove(target)
    print(
        f"round {number}: raw calamine read of all sheets {raw[0]:.2f} s"
        f" (CPU {raw[1]:.2f} s, {rows:,} rows)"
    )
    print(
        "  " + _figures("import --dry-run", dry, raw),
        f"[{len(checked.errors)} errors, {len(checked.warnings)} warnings]",
    )
    print(
        "  " + _figures("import", full, raw),
        f"[{imported.general_cases:,} cases written]",
    )
    print(phases.line(full[1]))
    floor_sum = raw[0] + write_floor
    print(
        f"  floor: raw read {raw[0]:.2f} s + write floor {write_floor:.2f} s = {floor_sum:.2f} s;"
        f" import {full[0]:.2f} s = {full[0] / floor_sum:.2f}× the floor (target ≤ 1.25×)"
    )
    record(
        f"ledger import, {imported.general_cases:,} cases (round {number})",
        f"{full[0]:.2f} s = {full[0] / floor_sum:.2f}×",
        f"≤ 1.25× (raw read {raw[0]:.2f} s + write floor {write_floor:.2f} s)",
    )


def main() -> None:
    folder = Path(os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="chuansha-ledger-"))
    ledger = folder / f"ledger-{ROWS}.xlsx"
    source = folder / f"source-{ROWS}.db"  # the floor copies the same cases from here
    if ledger.exists() and source.exists():
        print(f"ledger: {ledger} (kept from an earlier run)")
    else:
        _export(folder, ledger, source)
    phases = _phases()
    for number in range(1, ROUNDS + 1):
        _round(folder, ledger, source, number, phases)


if __name__ == "__main__":
    main()
