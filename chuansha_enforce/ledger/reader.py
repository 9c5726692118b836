"""Reading a 台账 file (xlsx or csv) into raw sheets, with every structural problem as an issue.

Nothing here raises on bad input: a file that cannot be read yields exactly one file-level
issue, whatever its bytes. Values are not interpreted yet (see ``values``): a sheet keeps
its cells column by column as the file has them, and a string is trimmed and its full-width
digits and letters made ASCII by whoever reads it (``RawSheet.rows``; the import, once per
distinct value).
"""

from __future__ import annotations

import codecs
import csv
import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.ledger.limits import MAX_CSV_BYTES, MAX_SHEET_CELLS, megabytes
from chuansha_enforce.ledger.memory import release_freed_memory
from chuansha_enforce.ledger.sheets import (
    HEADERS,
    LedgerIssue,
    RawSheet,
    SheetKind,
    header_names,
    required_headers,
)
from chuansha_enforce.ledger.values import cell_text
from chuansha_enforce.ledger.xlsx_extent import Refused, SheetExtent, inspect_xlsx

XLSX_SUFFIX: Final = ".xlsx"
CSV_SUFFIX: Final = ".csv"

_ZIP_MAGIC: Final = b"PK\x03\x04"
_OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, or an encrypted workbook
_KIND_ORDER: Final = EnumMap(SheetKind, {kind: index for index, kind in enumerate(SheetKind)})
_ALLOWED_SHEETS: Final = "、".join(SheetKind)
# Control characters never occur in a text CSV; their presence means binary content.
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES_RE: Final = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Grid = Sequence[Sequence[object]]


def read_ledger(path: Path) -> tuple[list[RawSheet], list[LedgerIssue]]:
    """The sheets of the ledger at ``path`` and the problems found in its structure.

    An ``.xlsx`` holds up to one sheet per ``SheetKind``; a ``.csv`` is one sheet whose kind
    its header row tells. Sheets come back in ``SheetKind`` order (officers first).
    """
    suffix = path.suffix.lower()
    if suffix not in (XLSX_SUFFIX, CSV_SUFFIX):
        return [], [_file_issue("ledger.format", path)]
    try:
        with path.open("rb") as file:
            head = file.read(len(_OLE_MAGIC))
    except FileNotFoundError:
        return [], [_file_issue("ledger.not_found", path)]
    except OSError as error:
        return [], [_unread(error, path, "xlsx" if suffix == XLSX_SUFFIX else "CSV")]
    if not head:
        return [], [_file_issue("ledger.empty", path)]
    if suffix == XLSX_SUFFIX:
        sheets, issues = _read_xlsx(path, head)
    else:
        sheets, issues = _read_csv(path)
    sheets.sort(key=lambda sheet: _KIND_ORDER[sheet.kind])
    return sheets, issues


def _file_issue(code: str, path: Path, **params: object) -> LedgerIssue:
    return LedgerIssue(None, None, None, code, {"name": path.name, **params})


def _unread(error: OSError, path: Path, kind: str) -> LedgerIssue:
    """The file the system would not open: no permission, or a folder, said as such (not as
    damage)."""
    if isinstance(error, PermissionError):
        return _file_issue("ledger.no_permission", path)
    if isinstance(error, IsADirectoryError):
        return _file_issue("ledger.folder", path)
    return _file_issue("ledger.unreadable", path, format=kind, detail=str(error))


def _is_rust_panic(error: BaseException) -> bool:
    """pyo3 turns a panic in the Rust reader into ``PanicException``, a ``BaseException``."""
    return type(error).__name__ == "PanicException"


# ---------------------------------------------------------------------------- xlsx


def _read_xlsx(path: Path, head: bytes) -> tuple[list[RawSheet], list[LedgerIssue]]:
    if head.startswith(_OLE_MAGIC):
        return [], [_file_issue("ledger.format", path)]
    if not head.startswith(_ZIP_MAGIC):
        return [], [_file_issue("ledger.unreadable", path, format="xlsx", detail="not a zip")]
    sheets: list[RawSheet] = []
    issues: list[LedgerIssue] = []
    try:
        # Measured first: calamine would abort the process on a sheet too large to allocate.
        extents = inspect_xlsx(path)
        _load_workbook(path, extents, sheets, issues)
    except Refused as refused:
        return [], [refused.issue]
    except Exception as error:
        return [], [_file_issue("ledger.unreadable", path, format="xlsx", detail=str(error))]
    except BaseException as error:
        if not _is_rust_panic(error):
            raise
        return [], [_file_issue("ledger.unreadable", path, format="xlsx", detail=str(error))]
    if not sheets and not issues:
        issues.append(_file_issue("ledger.empty", path))
    return sheets, issues


def _load_workbook(
    path: Path,
    extents: Mapping[str, SheetExtent],
    sheets: list[RawSheet],
    issues: list[LedgerIssue],
) -> None:
    """Each sheet loaded, checked and let go in turn (one grid in memory at a time)."""
    taken: set[SheetKind] = set()
    with CalamineWorkbook.from_path(path) as workbook:
        metadata = workbook.sheets_metadata
    for meta in metadata:
        name = meta.name
        if name not in extents:  # its part is missing: calamine could not read it
            raise ValueError(f"sheet {name!r} has no part")
        trimmed = name.strip()
        kind = next((k for k in SheetKind if k.value == trimmed), None)
        if kind is not None and kind in taken:
            params = {"name": name}
            issues.append(LedgerIssue(trimmed, None, None, "ledger.sheet_duplicate", params))
            continue
        grid = _grid(path, name)
        if kind is None:
            # An empty leftover sheet ("Sheet1", a chart) can lose no data; one with
            # content can.
            if _first_filled_row(grid) is not None:
                hidden = meta.visible != SheetVisibleEnum.Visible
                code = "ledger.sheet_unknown_hidden" if hidden else "ledger.sheet_unknown"
                params = {"name": name, "allowed": _ALLOWED_SHEETS}
                issues.append(LedgerIssue(trimmed, None, None, code, params))
            continue
        taken.add(kind)
        sheet = _build_sheet(kind, trimmed, grid, issues)
        del grid
        release_freed_memory()
        if sheet is not None:
            sheets.append(sheet)


def _grid(path: Path, name: str) -> Grid:
    """The cells of the sheet ``name`` as rows of Python values.

    calamine keeps the workbook's shared strings as long as the workbook is open and the
    sheet's own copy of every cell as long as the sheet lives: the workbook is closed (and
    its memory given back) before the cells become Python values, and the sheet right after,
    so that at most one copy of the cells stands beside the Python one (a workbook of 2.7
    million shared-string cells peaked 80 MB higher with the workbook kept open).
    """
    with CalamineWorkbook.from_path(path) as workbook:
        sheet = workbook.get_sheet_by_name(name)
    release_freed_memory()
    grid = sheet.to_python(skip_empty_area=False)
    del sheet
    release_freed_memory()
    return grid


# ---------------------------------------------------------------------------- csv


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""
    candidates: tuple[str, ...]
    if data.startswith(codecs.BOM_UTF8):
        candidates = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ("utf-16",)
    else:
        candidates = ("utf-8", "gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


_LINE_RE: Final = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` with their ends, as ``StringIO(text, newline="")`` gives them,
    without the copy of four bytes a character that ``StringIO`` makes of a large file."""
    for match in _LINE_RE.finditer(text):
        yield match[0]


def _read_csv(path: Path) -> tuple[list[RawSheet], list[LedgerIssue]]:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES:
            most = megabytes(MAX_CSV_BYTES)
            return [], [_file_issue("ledger.file_too_large", path, size=megabytes(size), max=most)]
        data = path.read_bytes()
    except OSError as error:
        return [], [_unread(error, path, "CSV")]
    data = data.rstrip(b"\x1a")  # the old DOS end-of-file mark
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    # Control bytes occur in neither UTF-8 nor GB18030 text: this is a binary file.
    if not utf16 and _CONTROL_BYTES_RE.search(data):
        return [], [_file_issue("ledger.unreadable", path, format="CSV", detail="binary")]
    text = _decode(data)
    del data
    if text is None:
        return [], [_file_issue("ledger.encoding", path)]
    if utf16 and _CONTROL_RE.search(text):
        return [], [_file_issue("ledger.unreadable", path, format="CSV", detail="binary")]
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    # A cell is as long as the file allows here; one too long for its column is reported at
    # its row and header (csv's own limit of 131,072 would only say the file is damaged).
    csv.field_size_limit(max(MAX_CSV_BYTES, csv.field_size_limit()))
    grid: list[list[str]] = []
    cells = 0
    try:
        for row in csv.reader(_lines(text), delimiter=delimiter):
            cells += len(row) or 1  # an empty line is a row too
            if cells > MAX_SHEET_CELLS:
                return [], [_file_issue("ledger.cells_too_many", path, max=MAX_SHEET_CELLS)]
            grid.append(row)
    except csv.Error as error:
        return [], [_file_issue("ledger.unreadable", path, format="CSV", detail=str(error))]
    del text
    width = max((len(row) for row in grid), default=0)
    if width * len(grid) > MAX_SHEET_CELLS:  # short rows are filled up to the longest one
        return [], [_file_issue("ledger.cells_too_many", path, max=MAX_SHEET_CELLS)]
    for row in grid:
        row.extend([""] * (width - len(row)))

    name = path.name
    first = _first_filled_row(grid)
    if first is None:
        return [], [_file_issue("ledger.empty", path)]
    if first != 0:
        return [], [_header_row_issue(name, grid, tuple(SheetKind))]
    kind = _csv_kind({cell_text(cell) for cell in grid[0]} - {""})
    if kind is None:
        if _header_row_below(grid, tuple(SheetKind)) is not None:
            return [], [_header_row_issue(name, grid, tuple(SheetKind))]
        params = {"name": name, "kinds": _ALLOWED_SHEETS}
        return [], [LedgerIssue(name, 1, None, "ledger.csv_kind", params)]
    issues: list[LedgerIssue] = []
    sheet = _build_sheet(kind, name, grid, issues)
    return ([] if sheet is None else [sheet]), issues


def _csv_kind(headers: set[str]) -> SheetKind | None:
    """The one kind whose required headers are all there; failing that, the one kind that
    knows every header (then the missing ones are reported). ``None`` when it is unclear."""
    complete = [k for k in SheetKind if headers >= set(required_headers(k))]
    if len(complete) == 1:
        return complete[0]
    known = [k for k in SheetKind if headers <= set(header_names(k))]
    if len(known) == 1:
        return known[0]
    return None


# ---------------------------------------------------------------------------- one sheet


def _is_blank_cell(value: object) -> bool:
    return value == "" or value is None or (isinstance(value, str) and not value.strip())


def _is_blank_row(values: Sequence[object]) -> bool:
    """Every cell empty or spaces only; a row with data usually says so in its first cell."""
    for value in values:
        if isinstance(value, str):
            if value.strip():
                return False
        elif value is not None:
            return False
    return True


def _first_filled_row(grid: Grid) -> int | None:
    for index, row in enumerate(grid):
        if not all(_is_blank_cell(value) for value in row):
            return index
    return None


_HEADER_SEARCH_ROWS: Final = 10
_SHOWN_HEADER: Final = 50  # an unknown header is quoted up to this many characters


def _header_row_below(grid: Grid, kinds: Sequence[SheetKind]) -> int | None:
    """The row number (as Excel shows it) of a header row below row 1, if there is one."""
    for offset in range(1, min(len(grid), _HEADER_SEARCH_ROWS)):
        texts = {cell_text(cell) for cell in grid[offset]}
        if any(texts >= set(required_headers(kind)) for kind in kinds):
            return offset + 1
    return None


def _header_row_issue(name: str, grid: Grid, kinds: Sequence[SheetKind]) -> LedgerIssue:
    """Row 1 holds no headers: say where they are when they are further down."""
    below = _header_row_below(grid, kinds)
    if below is None:
        return LedgerIssue(name, 1, None, "ledger.header_row")
    return LedgerIssue(name, 1, None, "ledger.header_row_moved", {"row": below})


def column_letter(index: int) -> str:
    """``0`` -> ``A``, ``26`` -> ``AA``: the column as Excel names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _build_sheet(
    kind: SheetKind, name: str, grid: Grid, issues: list[LedgerIssue]
) -> RawSheet | None:
    """Headers checked against ``kind``, rows collected; ``None`` for a sheet with no content."""
    first = _first_filled_row(grid)
    if first is None:
        return None
    if first != 0:
        issues.append(_header_row_issue(name, grid, (kind,)))
        return None
    specs = HEADERS[kind]
    allowed = {spec.name for spec in specs}
    columns: dict[str, int] = {}
    blank_columns: list[int] = []
    header_issues: list[LedgerIssue] = []
    for index, cell in enumerate(grid[0]):
        header = cell_text(cell)
        if not header:
            blank_columns.append(index)
        elif header not in allowed:
            shown = header if len(header) <= _SHOWN_HEADER else header[:_SHOWN_HEADER] + "…"
            params = {"header": shown, "allowed": "、".join(header_names(kind))}
            header_issues.append(LedgerIssue(name, 1, shown, "ledger.header_unknown", params))
        elif header in columns:
            where = f"{column_letter(columns[header])}、{column_letter(index)}"
            params = {"header": header, "columns": where}
            header_issues.append(LedgerIssue(name, 1, header, "ledger.header_duplicate", params))
        else:
            columns[header] = index
    if not columns and _header_row_below(grid, (kind,)) is not None:
        # a title row above the headers: one issue says so, not one per header
        issues.append(_header_row_issue(name, grid, (kind,)))
        return None
    issues.extend(header_issues)
    for spec in specs:
        if spec.required and spec.name not in columns:
            params = {"header": spec.name}
            issues.append(LedgerIssue(name, 1, spec.name, "ledger.header_missing", params))

    keys = tuple(columns)
    width = len(keys)
    pick = _picker(tuple(columns.values()))
    kept: list[Sequence[object]] = []
    row_numbers: list[int] = []
    stray: dict[int, int] = {}  # blank-header column -> first row with data in it
    for offset in range(1, len(grid)):
        raw = grid[offset]
        for index in blank_columns:
            if index not in stray and not _is_blank_cell(raw[index]):
                stray[index] = offset + 1
        values = pick(raw)
        if values.count("") == width or _is_blank_row(values):
            continue
        kept.append(values)
        row_numbers.append(offset + 1)
    for index, row_number in sorted(stray.items()):
        params = {"column": column_letter(index)}
        issues.append(LedgerIssue(name, row_number, None, "ledger.header_blank", params))
    # Column by column (a transposition done in C); strings are cleaned by whoever reads them.
    cells = zip(*kept, strict=True) if kept else (() for _ in keys)
    return RawSheet(kind, name, keys, tuple(row_numbers), dict(zip(keys, cells, strict=True)))


def _picker(indexes: tuple[int, ...]) -> Callable[[Sequence[object]], Sequence[object]]:
    """The cells at ``indexes`` of a row, as a tuple (``itemgetter`` does it in C)."""
    if not indexes:
        return lambda raw: ()
    if len(indexes) == 1:
        only = indexes[0]
        return lambda raw: (raw[only],)
    getter = operator.itemgetter(*indexes)
    return getter
