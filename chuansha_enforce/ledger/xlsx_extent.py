"""How far each worksheet of an xlsx reaches, found before calamine loads it.

calamine allocates a sheet's whole rectangle at once, and Rust aborts the process (no exception)
when that allocation fails: one stray value in XFD1048576 is 17 billion cells. So the reader
asks here first and refuses a sheet whose rectangle is too large. The ``<dimension>`` element
that Excel, WPS, LibreOffice and openpyxl write near the top of each sheet part gives it cheaply;
a sheet part without one (openpyxl's write-only mode writes none) is scanned.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

_WORKBOOK_PART: Final = "xl/workbook.xml"
_WORKBOOK_RELS: Final = "xl/_rels/workbook.xml.rels"
_HEAD_BYTES: Final = 64 * 1024
_CHUNK_BYTES: Final = 1024 * 1024
_DIMENSION_RE: Final = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([^\"]*)\"")
# Both begin with a literal, which the regex engine searches for at C speed.
_WIDE_CELL_RE: Final = re.compile(rb"r=\"([A-Z]{2,3})[0-9]")
_ROW_RE: Final = re.compile(rb"<row r=\"([0-9]{1,7})\"")
_MAX_ROWS: Final = 1_048_576
_REF_RE: Final = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]{1,7})")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_number(letters: str | bytes) -> int:
    number = 0
    for letter in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _from_dimension(ref: str) -> tuple[int, int] | None:
    """``A1:Z300`` -> ``(300, 26)``: the bottom-right corner counted from A1."""
    match = _REF_RE.fullmatch(ref.rsplit(":", maxsplit=1)[-1].strip().upper())
    if match is None:
        return None
    return int(match[2]), _column_number(match[1])


def _chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part in overlapping chunks, so that no reference is cut in two."""
    tail = b""
    with archive.open(part) as stream:
        while chunk := stream.read(_CHUNK_BYTES):
            yield tail + chunk
            tail = chunk[-32:]


def _scan(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    """Columns from the cell references with two or three letters (else at most 26, A..Z);
    rows, needed only then, from the ``<row r="…">`` numbers or the count of rows.

    Up to 26 columns even a full-height sheet is small enough, so the usual ledger costs one
    pass of a literal-prefixed regex (fast) over the part.
    """
    columns = 26
    for text in _chunks(archive, part):
        for letters in _WIDE_CELL_RE.findall(text):
            columns = max(columns, _column_number(letters))
    if columns == 26:
        return _MAX_ROWS, columns
    last_row = row_count = 0
    for text in _chunks(archive, part):
        row_count += text.count(b"<row")
        for row in _ROW_RE.findall(text):
            last_row = max(last_row, int(row))
    return max(last_row, row_count), columns


def _extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int]:
    with archive.open(part) as stream:
        head = stream.read(_HEAD_BYTES)
    match = _DIMENSION_RE.search(head)
    if match is not None:
        extent = _from_dimension(match[1].decode("ascii", "replace"))
        if extent is not None:
            return extent
    return _scan(archive, part)


def sheet_extents(path: Path) -> dict[str, tuple[int, int]]:
    """Sheet name -> (rows, columns) from A1 to the last cell, or an upper bound of them;
    ``{}`` when the package cannot be understood (calamine then reports what is wrong)."""
    try:
        with zipfile.ZipFile(path) as archive:
            workbook = ElementTree.fromstring(archive.read(_WORKBOOK_PART))
            relations = ElementTree.fromstring(archive.read(_WORKBOOK_RELS))
            targets = {
                rel.get("Id"): rel.get("Target", "")
                for rel in relations
                if _local(rel.tag) == "Relationship"
            }
            parts = set(archive.namelist())
            extents: dict[str, tuple[int, int]] = {}
            for element in workbook.iter():
                if _local(element.tag) != "sheet":
                    continue
                name = element.get("name")
                relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                target = targets.get(relation, "")
                if name is None or not target:
                    continue
                part = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                if part in parts:
                    extents[name] = _extent(archive, part)
            return extents
    except Exception:  # a damaged package: calamine says what is wrong with it
        return {}
