"""A fingerprint of the ledger import: every error and warning (sheet, row, header, code,
params, in order) and a canonical dump of every table of the database an import writes, for
the 100k-row ledger of ``bench_ledger_import`` and for exports of a 5,000-case demo with
about 3 % of their cells corrupted at random (fixed seeds).

A change meant to make the import faster must leave every line the same::

    cd benchmarks && FP_DIR=/tmp/x ../.venv/bin/python ledger_fingerprint.py > before.txt
    # change the code
    cd benchmarks && FP_DIR=/tmp/x ../.venv/bin/python ledger_fingerprint.py > after.txt
    diff before.txt after.txt

``FP_BIG`` names the 100k ledger (default ``$BENCH_DIR/ledger-100000.xlsx``; skipped when
missing). The mutated ledgers are made once in ``FP_DIR`` and kept.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import sqlite3
from pathlib import Path

import openpyxl

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.ledger.sheets import IssueList
from chuansha_enforce.services.container import build_services

CLOCK = FixedClock(dt.datetime(2025, 6, 30, 2, 0, tzinfo=dt.UTC))
FOLDER = Path(os.environ.get("FP_DIR", "/tmp/ledger-fingerprint"))
BIG = Path(os.environ.get("FP_BIG", os.environ.get("BENCH_DIR", "/tmp") + "/ledger-100000.xlsx"))
SEEDS = (1, 2, 3, 4, 5, 6)
RATE = 0.03

IssueList.__init__.__defaults__ = (10**9,)  # every issue kept, not the first few hundred

_PERSONAL = (
    "联系电话13812345678",
    "身份证号110101199003074514",
    "当事人住址上海市浦东新区川沙路1号",
    "手机 139-1234-5678 王小明",
    "银行卡6222021234567890123",
)


def _remove(path: Path) -> None:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()


def _sources() -> list[Path]:
    ledgers = [FOLDER / "ledger-2023.xlsx", FOLDER / "ledger-2024.xlsx"]
    if all(p.exists() for p in ledgers):
        return ledgers
    FOLDER.mkdir(parents=True, exist_ok=True)
    source = FOLDER / "source.db"
    _remove(source)
    plan = DemoPlan(seed=7, first_year=2023, last_year=2024, general_cases=5000,
                    simple_per_year=400)  # fmt: skip
    with build_services(source, CLOCK) as services:
        services.demo.fill(plan)
        for year, path in zip((2023, 2024), ledgers, strict=True):
            services.ledger.export_ledger(path, year)
    return ledgers


def _corrupt(value: object, pool: list[object], other: list[object], rng: random.Random) -> object:
    """A wrong value for a cell: empty, another row's, another column's, or broken by type."""
    pick = rng.random()
    if pick < 0.15:
        return None
    if pick < 0.35 and pool:
        return rng.choice(pool)  # swapped or duplicated
    if pick < 0.45 and other:
        return rng.choice(other)  # a value of another column
    if isinstance(value, dt.datetime):
        return rng.choice([
            value + dt.timedelta(days=rng.randint(-400, 400)),
            dt.datetime(2027, 1, 1), dt.datetime(2000, 1, 1), "2024-13-45", "昨天",
            value + dt.timedelta(days=rng.randint(-5, 5)),
        ])  # fmt: skip
    if isinstance(value, int | float):
        return rng.choice([-value, 0, value * 1000, "abc", 12.345, value + 1, 10**12, -1])
    if isinstance(value, str):
        return rng.choice([
            value + rng.choice(_PERSONAL), value[:-1], value + "X", "张三(99999999)", "是",
            "否", "罚款、警告", "没收违法所得", "110101199003071234", value[::-1], " ",
            rng.choice(_PERSONAL),
        ])  # fmt: skip
    return rng.choice([rng.choice(_PERSONAL), "2024-02-30", 100, "是", "未知", "罚款", "张三"])


def _mutate(source: Path, target: Path, seed: int, rate: float) -> None:
    rng = random.Random(seed)
    book = openpyxl.load_workbook(source)
    for sheet in book.worksheets:
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        columns = list(zip(*rows[1:], strict=True)) if len(rows) > 1 else []
        pools = [[v for v in col if v is not None] for col in columns]
        for r, row in enumerate(rows[1:], start=2):
            for c, value in enumerate(row):
                if rng.random() < rate:
                    other = pools[rng.randrange(len(pools))]
                    sheet.cell(r, c + 1).value = _corrupt(value, pools[c], other, rng)
    book.save(target)


def _without(source: Path, target: Path, dropped: set[tuple[str, int]]) -> None:
    book = openpyxl.load_workbook(source)
    out = openpyxl.Workbook()
    out.remove(out.active)
    for sheet in book.worksheets:
        copy = out.create_sheet(sheet.title)
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if (sheet.title, number) not in dropped:
                copy.append(row)
    out.save(target)


def _digest(lines: list[str]) -> str:
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:20]


def _issues(report: object) -> list[str]:
    out = [f"E {i.sheet}|{i.row}|{i.header}|{i.code}|{sorted(i.params.items())}"
           for i in report.errors]  # type: ignore[attr-defined]  # fmt: skip
    out += [f"W {i.sheet}|{i.row}|{i.header}|{i.code}|{sorted(i.params.items())}"
            for i in report.warnings]  # type: ignore[attr-defined]  # fmt: skip
    return out


def _tables(path: Path) -> str:
    con = sqlite3.connect(path)
    names = [n for (n,) in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]  # fmt: skip
    lines = []
    for name in names:
        if name == "_sqlite_migrations":  # applied at the wall clock: no import content
            continue
        rows = sorted(repr(r) for r in con.execute(f'SELECT * FROM "{name}"'))
        lines.append(f"{name} {len(rows)} {_digest(rows)}")
    con.close()
    return _digest(lines) + f" ({len(names)} tables)"


def _import(label: str, ledger: Path, *, base: Path | None = None) -> list[tuple[str, int]]:
    """Dry run and real import into a fresh database (or one holding ``base``): the line."""
    target = FOLDER / "target.db"
    _remove(target)
    with build_services(target, CLOCK) as services:
        if base is not None:
            services.ledger.import_file(base)
        dry = services.ledger.import_file(ledger, dry_run=True)
        real = services.ledger.import_file(ledger)
    issues = _issues(dry)
    counts = (dry.officers, dry.general_cases, dry.simple_decisions, dry.disputes)
    real_issues = _digest(_issues(real))
    print(f"{label}: dry {counts} {len(dry.errors)}E {len(dry.warnings)}W {_digest(issues)};"
          f" real written={real.written} {real_issues}; db {_tables(target)}")  # fmt: skip
    _remove(target)
    return [(i.sheet, i.row) for i in dry.errors if i.row is not None]


def main() -> None:
    ledgers = _sources()
    for ledger in ledgers:
        _import(ledger.name, ledger)
    _import("2024 onto 2023", ledgers[1], base=ledgers[0])
    for seed in SEEDS:
        source = ledgers[seed % 2]
        mutated = FOLDER / f"mutated-{seed}.xlsx"
        if not mutated.exists():
            _mutate(source, mutated, seed, RATE)
        bad = _import(f"mutated {seed}", mutated)
        # the rows that passed, imported for real: the records the mutations left valid
        kept = FOLDER / f"kept-{seed}.xlsx"
        for round_ in range(3):
            _without(mutated if round_ == 0 else kept, kept, set(bad))
            bad = _import(f"mutated {seed} kept {round_}", kept)
            if not bad:
                break
    if BIG.exists():
        _import(BIG.name, BIG)


if __name__ == "__main__":
    main()
