"""A sheet measured in one pass: exact where it must be, else a bound that is never short."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuansha_enforce.ledger.limits import MAX_SHEET_CELLS
from chuansha_enforce.ledger.reader import column_letter
from chuansha_enforce.ledger.xlsx_extent import Refused, SheetExtent, inspect_xlsx
from tests.ledger.handmade_xlsx import inline, row, sheet_data, write_xlsx


def _sheet(tmp_path: Path, width: int, cells: list[tuple[str, int]]) -> Path:
    header = row(1, (inline(f"{column_letter(i)}1", f"h{i}") for i in range(width)))
    rows = [row(number, [inline(f"{letters}{number}", "x")]) for letters, number in cells]
    return write_xlsx(tmp_path / "sheet.xlsx", "一般程序案件", sheet_data([header, *rows]))


@pytest.mark.parametrize(
    ("width", "cells", "extent"),
    [
        # the 100,000-row ledger an export writes (58 columns)
        (58, [("A", 500), ("BF", 100_001)], SheetExtent(100_001, 58)),
        (30, [("AD", 180_000), ("B", 190_000)], SheetExtent(190_000, 30)),
    ],
)
def test_a_sheet_is_measured_exactly(
    tmp_path: Path, width: int, cells: list[tuple[str, int]], extent: SheetExtent
) -> None:
    assert inspect_xlsx(_sheet(tmp_path, width, cells)) == {"一般程序案件": extent}


@pytest.mark.parametrize(
    ("width", "cells", "columns", "rows"),
    [
        (41, [("AO", 5_000)], 41, 5_000),
        (6, [("F", 54)], 26, 54),  # narrow: up to Z
        (10, [("AZ", 50_000)], 52, 50_000),  # wider below the header
        (26, [("Z", 90_000)], 26, 90_000),
    ],
)
def test_a_bound_is_never_short_of_the_cells(
    tmp_path: Path, width: int, cells: list[tuple[str, int]], columns: int, rows: int
) -> None:
    (extent,) = inspect_xlsx(_sheet(tmp_path, width, cells)).values()
    assert extent.columns == columns
    assert rows <= extent.rows
    assert extent.rows * extent.columns <= MAX_SHEET_CELLS


def test_one_cell_past_the_limit_is_refused(tmp_path: Path) -> None:
    last = MAX_SHEET_CELLS // 41 + 1
    with pytest.raises(Refused) as refused:
        inspect_xlsx(_sheet(tmp_path, 41, [("AO", last)]))
    assert refused.value.issue.code == "ledger.sheet_too_large"
    assert refused.value.issue.params["rows"] == last
    assert inspect_xlsx(_sheet(tmp_path, 41, [("AO", last - 1)])) == {
        "一般程序案件": SheetExtent(last - 1, 41)
    }
