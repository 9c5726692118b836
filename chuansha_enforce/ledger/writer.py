"""Writing a 台账 file: xlsx (openpyxl write-only) or csv, always whole or not at all.

The file is written beside its destination under a temporary name, flushed to disk and then
renamed into place, so a crash or a full disk never leaves a half-written ledger behind.

Cell values: ``str`` is always text (an 18-digit ID or ``=1+1`` stays text, never a number or a
formula); ``date`` is a date cell shown ``yyyy-mm-dd``; ``Decimal`` (money in yuan) a number
shown ``0.00``; ``int`` a number; ``bool`` a TRUE/FALSE cell; ``None`` an empty cell.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped, unused-ignore]
from openpyxl.cell.cell import (  # type: ignore[import-untyped, unused-ignore]
    ILLEGAL_CHARACTERS_RE,
)

from chuansha_enforce.output_files import write_atomically

DATE_FORMAT: Final = "yyyy-mm-dd"
MONEY_FORMAT: Final = "0.00"
_FORMULA_OR_ERROR: Final = ("=", "#")

SheetData = tuple[str, Sequence[str], Iterable[Sequence[object]]]


def write_xlsx(path: Path, sheets: Sequence[SheetData]) -> None:
    """One worksheet per ``(name, headers, rows)``, the header row first."""
    write_atomically(path, functools.partial(save_xlsx, sheets=sheets))


def save_xlsx(file: IO[bytes], sheets: Sequence[SheetData]) -> None:
    """``write_xlsx`` into an open file (``output_files.write_atomically`` gives it one)."""
    workbook: Any = Workbook(write_only=True)
    try:
        for name, headers, rows in sheets:
            worksheet = workbook.create_sheet(title=name)
            worksheet.append([_text_cell(worksheet, str(header)) for header in headers])
            for row in rows:
                worksheet.append([_xlsx_value(worksheet, value) for value in row])
    except BaseException:
        _discard(workbook)
        raise
    workbook.save(file)


def _discard(workbook: Any) -> None:
    """Close the half-written worksheets and remove openpyxl's own temporary files."""
    for worksheet in workbook.worksheets:
        with contextlib.suppress(Exception):
            worksheet.close()
        writer = getattr(worksheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.cleanup()


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    encoding: str = "utf-8-sig",
) -> None:
    """A CSV (comma, quoted as Excel does) whose first row is ``headers``.

    The default ``utf-8-sig`` carries a BOM so that Excel opens the Chinese text correctly;
    pass ``gb18030`` for tools that only read GBK.
    """

    def save(file: IO[bytes]) -> None:
        with _text_view(file, encoding) as text:
            writer = csv.writer(text)
            writer.writerow(headers)
            writer.writerows([_csv_value(value) for value in row] for row in rows)

    write_atomically(path, save)


@contextlib.contextmanager
def _text_view(file: IO[bytes], encoding: str) -> Iterator[IO[str]]:
    """A text view of ``file`` that is flushed but leaves ``file`` open."""
    wrapper = io.TextIOWrapper(file, encoding=encoding, newline="")
    try:
        yield wrapper
        wrapper.flush()
    finally:
        wrapper.detach()


def _clean_text(text: str) -> str:
    """Control characters cannot be stored in a worksheet; they are dropped."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)  # type: ignore[no-any-return]


def _text_cell(worksheet: Any, text: str) -> Any:
    text = _clean_text(text)
    if text.startswith(_FORMULA_OR_ERROR):
        # openpyxl would store "=…" as a formula and "#N/A" as an error value.
        cell = WriteOnlyCell(worksheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def _xlsx_value(worksheet: Any, value: object) -> Any:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return _text_cell(worksheet, value)
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(worksheet, value=value)
        cell.number_format = MONEY_FORMAT
        return cell
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            raise TypeError(f"a ledger date-time has no time zone: {value!r}")
        return value  # openpyxl formats it yyyy-mm-dd h:mm:ss
    if isinstance(value, dt.date):
        return value  # openpyxl formats it yyyy-mm-dd (DATE_FORMAT)
    if isinstance(value, float):
        return value
    raise TypeError(f"cannot write {type(value).__name__} to a ledger cell: {value!r}")


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} to a ledger cell: {value!r}")
