"""The discretion benchmark table as the window shows and edits it (DOMAIN §17): the range a
form suggests for a violation and circumstance, and the administrator's table read from the
editor's cells and checked all at once (a row's problem names the row and the field)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.cases.discretion import (
    Benchmark,
    benchmark_in_force,
    check_benchmark,
    statutory_range,
)
from chuansha_enforce.domain.cases.violation_catalogue import catalogue_name
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen, parse_yuan

CELL_FIELDS = ("violation", "basis", "circumstance", "statutory_min", "statutory_max",
               "benchmark_min", "benchmark_max", "source", "effective_on")  # fmt: skip
"""The editor's columns, by the field code its messages name."""


@dataclass(frozen=True, slots=True)
class BenchmarkHint:
    """What a form suggests: the benchmark's range for the circumstance (None without one or
    without a row) and the statutory range of the violation (None when it has no row)."""

    violation: str
    circumstance: str | None
    band: Benchmark | None
    statutory: Benchmark | None


def benchmark_hint(
    rows: Sequence[Benchmark], violation: str | None, circumstance: str | None, on: dt.date
) -> BenchmarkHint | None:
    """The suggestion for a case's violation (its catalogue name) on ``on``; None when the
    case names no violation."""
    name = catalogue_name(violation) or (violation or "").strip()
    if not name:
        return None
    band = benchmark_in_force(rows, name, circumstance, on) if circumstance else None
    return BenchmarkHint(name, circumstance, band, statutory_range(rows, name, on))


def hint_text(hint: BenchmarkHint | None, lang: Lang = "zh") -> str:
    """The line the notice and decision forms show under the fields."""
    if hint is None:
        return ""
    if hint.statutory is None:
        return render("benchmark.hint_none", {"violation": hint.violation}, lang)
    s = hint.statutory
    text = render("benchmark.hint_statutory", {"violation": hint.violation,
                  "low": format_fen(s.statutory_min_fen), "high": format_fen(s.statutory_max_fen),
                  "basis": s.basis}, lang)  # fmt: skip
    band = hint.band
    if band is None:
        return text
    params = {"circumstance": band.circumstance, "low": format_fen(band.min_fen),
              "high": format_fen(band.max_fen), "source": band.source or "—",
              "from": band.effective_on.isoformat()}  # fmt: skip
    return render("benchmark.hint_band", params, lang) + ("；" if lang == "zh" else "; ") + text


def _row_error(error: DomainError, row: int) -> DomainError:
    return DomainError(error.code, error.field, {**error.params, "row": row})


def benchmark_from_cells(cells: Sequence[str], row: int) -> Benchmark:
    """One row of the editor (元 and ISO dates as typed); a problem names ``row``."""
    text = dict(zip(CELL_FIELDS, (c.strip() for c in cells), strict=True))
    try:
        low, high, band_low, band_high = (parse_yuan(text[f], f) for f in CELL_FIELDS[3:7])
        try:
            effective = dt.date.fromisoformat(text["effective_on"])
        except ValueError:
            raise DomainError("date.invalid", "effective_on",
                              {"value": text["effective_on"]}) from None  # fmt: skip
        found = Benchmark(text["violation"], text["basis"], text["circumstance"], low, high,
                          band_low, band_high, text["source"], effective)  # fmt: skip
        check_benchmark(found)
    except DomainError as error:
        raise _row_error(error, row) from None
    return found


def check_table(rows: Sequence[Benchmark]) -> None:
    """Every row valid and no two with the same violation, circumstance and effective date
    (rows numbered from 1, as the editor shows them)."""
    seen: dict[tuple[str, str, dt.date], int] = {}
    for number, row in enumerate(rows, start=1):
        try:
            check_benchmark(row)
        except DomainError as error:
            raise _row_error(error, number) from None
        key = (row.violation, row.circumstance, row.effective_on)
        if key in seen:
            raise DomainError("discretion.duplicate_row", "effective_on",
                              {"row": seen[key], "this_row": number})  # fmt: skip
        seen[key] = number


def row_error_text(error: DomainError, lang: Lang = "zh") -> str:
    """``第3行 罚款上限：…`` — the message with the row and the field it names."""
    row = error.params.get("this_row", error.params.get("row"))
    message = render(error.code, error.params, lang, error.field)
    if row is None:
        return message
    return render("benchmark.at_row", {"row": row, "message": message}, lang)
