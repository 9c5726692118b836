"""The ledger's 裁量基准 sheet (LEDGER_FORMAT.md; DOMAIN §17): the discretion benchmark an
administrator imports, all or nothing like the rest of the ledger. Each row is checked by the
domain's own rule (``domain.discretion.check_benchmark``); a row repeated in the file (same
violation, circumstance and effective date) is an error of the later row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from chuansha_enforce.domain.cases.discretion import Benchmark, check_benchmark
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.parsed_columns import ColumnSpec, ParsedSheet, SheetIssues
from chuansha_enforce.ledger.sheets import LedgerIssue, RawSheet
from chuansha_enforce.ledger.values import parse_date, parse_money

BENCHMARK_HEADERS = {
    "violation": "违法行为",
    "basis": "法律依据",
    "circumstance": "情节",
    "statutory_min_fen": "法定下限",
    "statutory_max_fen": "法定上限",
    "min_fen": "罚款下限",
    "max_fen": "罚款上限",
    "source": "依据文件",
    "effective_on": "生效日期",
    # rule fields named after the column they concern
    "statutory_max": "法定上限",
    "benchmark_max": "罚款上限",
}
_MONEY = ("statutory_min_fen", "statutory_max_fen", "min_fen", "max_fen")
SPECS = (
    ColumnSpec("violation", "违法行为", required=True),
    ColumnSpec("basis", "法律依据", required=True),
    ColumnSpec("circumstance", "情节", required=True),
    *(ColumnSpec(key, BENCHMARK_HEADERS[key], parse_money, required=True) for key in _MONEY),
    ColumnSpec("source", "依据文件"),
    ColumnSpec("effective_on", "生效日期", parse_date, required=True),
)


def benchmarks_of(
    sheet: RawSheet, errors: list[LedgerIssue], warnings: list[LedgerIssue]
) -> Iterator[Benchmark | None]:
    """Each row: its benchmark, or ``None`` with its errors in ``errors``."""
    issues = SheetIssues(sheet.name, BENCHMARK_HEADERS, errors, warnings)
    keys = [spec.key for spec in SPECS]
    seen: dict[tuple[str, str, dt.date], int] = {}
    for row, values in ParsedSheet(sheet, SPECS, issues).rows():
        v = dict(zip(keys, values, strict=True))
        if any(v[spec.key] is None for spec in SPECS if spec.required):
            yield None  # the missing or unreadable cells are already reported
            continue
        effective = v["effective_on"]
        assert isinstance(effective, dt.date)
        low, high, band_low, band_high = (int(str(v[key])) for key in _MONEY)
        row_benchmark = Benchmark(
            str(v["violation"]),
            str(v["basis"]),
            str(v["circumstance"]),
            low,
            high,
            band_low,
            band_high,
            str(v["source"] or ""),
            effective,
        )
        try:
            check_benchmark(row_benchmark)
        except DomainError as error:
            issues.add(row, error, None)
            yield None
            continue
        key = (row_benchmark.violation, row_benchmark.circumstance, effective)
        if key in seen:
            repeated = DomainError("discretion.duplicate_row", "circumstance", {"row": seen[key]})
            issues.add(row, repeated, None)
            yield None
            continue
        seen[key] = row
        yield row_benchmark
