"""How much of a ledger file is read at most (README, 导入台账的限制).

A real ledger of a township squad is a few thousand rows; the limits leave room for a
hundred thousand and keep a hostile or broken file from taking the program down: every
file beyond them is refused, before it is loaded, with a message naming the sheet (or the
part of the file), and the memory an import needs stays well under 500 MB.
"""

from __future__ import annotations

from typing import Final

from chuansha_enforce.domain import text_limits

MiB: Final = 1024 * 1024

MAX_SHEET_CELLS: Final = 5_830_000
"""Rows x columns of a sheet, counted from A1 to the last cell holding a value (about
100,500 rows of the 58 columns of 一般程序案件 an export writes:
``tests/ledger/test_ledger_limits.py`` keeps it so as columns are added), and of all the
sheets of a workbook together."""

MAX_SHEET_PART_BYTES: Final = 256 * MiB
"""A worksheet of an xlsx once decompressed. The export (openpyxl) writes every Chinese
character as an 8-byte character reference: a 100,000-row 一般程序案件 of the 41 columns is
162 MB, about 155,000 rows fit (the cell limit binds first; calamine reads the part as a
stream, so its size costs time, not memory)."""

MAX_SHARED_STRINGS_BYTES: Final = 64 * MiB
"""The shared-string table of an xlsx once decompressed (Excel keeps each distinct text once)."""

MAX_SHARED_TEXT_BYTES: Final = 96 * MiB
"""The text of a sheet's cells that refer to shared strings, once every cell has its own copy
(calamine's and then Python's: 2.6 million cells of 23 bytes each are checked in 440 MB, of
36 bytes in 510 MB; a 100,000-row ledger saved by Excel has about 48 MB of it)."""

MAX_OTHER_PART_BYTES: Final = 16 * MiB
"""Any other part of an xlsx (workbook, styles, theme, pictures) once decompressed."""

MAX_CSV_BYTES: Final = 64 * MiB
"""A CSV file (about 150,000 rows of 一般程序案件; its cells are limited as a sheet's are)."""

MAX_SHORT_CHARS: Final = text_limits.MAX_SHORT_CHARS
"""A name, number, date, amount or choice in one cell (as wherever it is entered)."""

MAX_TEXT_CHARS: Final = text_limits.MAX_TEXT_CHARS
"""The free text of one cell: the facts (违法行为), the legal basis, the place, the notes."""

MAX_ISSUES_SHOWN: Final = 200
"""The errors (and, apart, the warnings) listed for one import; the total is always given."""


def megabytes(size: int) -> int:
    """``size`` in whole MB, rounded up (a message never says 0 MB of a file over a limit)."""
    return -(-size // MiB)
