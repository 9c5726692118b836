"""The patterns the one-pass sheet measure looks for: cells right of a column, below a row."""

from __future__ import annotations

import re

import pytest

from chuansha_enforce.ledger.xlsx_extent import _ODD_CELL_RE, _cells_from_row, _cells_right_of


@pytest.mark.parametrize(
    ("columns", "letters", "right"),
    [
        (26, "Z", False),
        (26, "AA", True),
        (26, "XFD", True),
        (41, "AO", False),
        (41, "AN", False),
        (41, "AP", True),
        (41, "BA", True),
        (41, "Z", False),
        (41, "AAA", True),
        (702, "ZZ", False),
        (702, "AAA", True),
        (703, "AAA", False),
        (703, "AAB", True),
        (1, "B", True),
        (1, "A", False),
    ],
)
def test_cells_right_of_a_column(columns: int, letters: str, right: bool) -> None:
    found = _cells_right_of(columns).findall(f'<c r="{letters}7" t="n"><v>1</v></c>'.encode())
    assert found == ([letters.encode()] if right else [])


@pytest.mark.parametrize(
    ("row", "reference", "below"),
    [
        (90_439, "A90438", False),
        (90_439, "A90439", True),
        (90_439, "AO90440", True),
        (90_439, "A90500", True),
        (90_439, "A91000", True),
        (90_439, "A99999", True),
        (90_439, "A100000", True),
        (90_439, "A1048576", True),
        (90_439, "A9999", False),
        (90_439, "A089999", False),
        (90_439, "A090439", True),
        (1, "A1", True),
        (100, "A99", False),
        (100, "A100", True),
        (158_461, "A158460", False),
        (158_461, "A158462", True),
        (158_461, "A200000", True),
    ],
)
def test_cells_from_a_row(row: int, reference: str, below: bool) -> None:
    found = _cells_from_row(row).findall(f'<c r="{reference}" t="n"><v>1</v></c>'.encode())
    assert [int(digits) for digits in found] == ([int(reference.lstrip("AO"))] if below else [])


@pytest.mark.parametrize(
    ("cell", "odd"),
    [
        (b'<c r="B7"><v>1</v></c>', False),
        (b'<c r="B7" s="3" t="s"><v>1</v></c>', False),
        (b'<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>', False),
        (b'<c r="B7" cm="1" vm="2" ph="1"/>', False),
        (b'<c r="B7"/>', False),
        (b'<col min="1" max="3"/><cols>', False),  # not a cell
        (b"<c><v>1</v></c>", True),  # no reference
        (b'<c s="3" r="B7"><v>1</v></c>', True),  # the reference not first
        (b'<c r="b7"><v>1</v></c>', True),  # lower case
        (b'<c r="B7" r="C8"><v>1</v></c>', True),  # a second reference
        (b'<c r="B7" x="1"><v>1</v></c>', True),  # an attribute calamine may read
        (b'<c r="B7" s="3" ><v>1</v></c>', True),  # a space before the end
        (b"<c r=\"B7\" s='3'><v>1</v></c>", True),  # other quotes
        (b'<c r="B7" s="3"t="s"><v>1</v></c>', True),  # no space between
        (b'<c r="B"><v>1</v></c>', True),  # no row
        (b'<c\tr="B7"><v>1</v></c>', True),
        (b'<c r="B7" s="a>b"><v>1</v></c>', True),
    ],
)
def test_cells_not_written_the_usual_way(cell: bytes, odd: bool) -> None:
    """Cells the regular expressions cannot measure send the sheet to expat (the pattern is
    possessive: it finds what the same pattern with backtracking finds)."""
    backtracking = re.compile(rb'<c(?! r="[A-Z]+[0-9]+"(?: (?:s|t|cm|vm|ph)="[^"<>]*")*/?>)[\s/>]')
    row = b'<row r="7">' + cell + b"</row>"
    assert (_ODD_CELL_RE.search(row) is not None) is odd
    assert (backtracking.search(row) is not None) is odd
