"""The cell limit leaves room for what the program itself exports: 100,000 rows of its
widest sheet (README, 导入台账的限制). A ledger column added without weighing the limit fails
here, not in the benchmark's import of an exported demo (which it once did: 58 columns ×
100,001 rows against a limit made for 41)."""

from __future__ import annotations

from chuansha_enforce.ledger.limits import MAX_SHEET_CELLS
from chuansha_enforce.ledger.sheets import SheetKind, header_names


def test_the_widest_sheet_has_the_columns_the_limit_was_set_for() -> None:
    widths = {kind: len(header_names(kind)) for kind in SheetKind}
    assert max(widths.values()) == widths[SheetKind.GENERAL_CASES] == 58


def test_a_hundred_thousand_rows_of_the_widest_sheet_fit_and_no_more_than_a_few_hundred_more() -> (
    None
):
    assert MAX_SHEET_CELLS == 5_830_000
    rows_that_fit = MAX_SHEET_CELLS // 58 - 1  # the header row counts too
    assert rows_that_fit == 100_516
