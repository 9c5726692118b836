"""An xlsx package checked and measured before calamine loads it.

calamine allocates a sheet's whole rectangle at once, and Rust aborts the process (no
exception) when that allocation fails: one value in XFD1048576 is 17 billion cells. It also
gives every cell its own copy of a shared string, and inflates whatever a part of the zip
holds. So before it runs, each part it reads is inflated here, a chunk at a time, and
refused when it is (or says it is) larger than its limit (``limits``); each sheet's extent
is taken from the cells themselves, never from the ``<dimension>`` element, which is only
what the writer claims (a file that says ``A1:Z2`` and holds XFD1048576 aborted the window);
and the shared text the sheet's cells would copy is added up.

The common file (every cell with its ``r="B7"`` reference) is measured with regular
expressions over the bytes; a sheet whose cells leave out their references (allowed, rare)
is walked with expat, as calamine would count it.
"""

from __future__ import annotations

import posixpath
import queue
import re
import struct
import threading
import zipfile
import zlib
from array import array
from collections import Counter
from collections.abc import Generator, Iterator
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO, Final, NamedTuple, TypeAlias
from xml.etree import ElementTree
from xml.parsers import expat

from chuansha_enforce.ledger.limits import (
    MAX_OTHER_PART_BYTES,
    MAX_SHARED_STRINGS_BYTES,
    MAX_SHARED_TEXT_BYTES,
    MAX_SHEET_CELLS,
    MAX_SHEET_PART_BYTES,
    megabytes,
)
from chuansha_enforce.ledger.sheets import LedgerIssue

_WORKBOOK_PART: Final = "xl/workbook.xml"
_WORKBOOK_RELS: Final = "xl/_rels/workbook.xml.rels"
_CHUNK_BYTES: Final = 1024 * 1024
_MAX_CARRY: Final = 4096
_MAX_ENTRIES: Final = 10_000
_LOCAL_HEADER: Final = struct.Struct("<4s22xHH")
_LOCAL_MAGIC: Final = b"PK\x03\x04"

# Every cell as Excel, WPS, LibreOffice and openpyxl write it is ``<c r="B7"`` and a few
# attributes spelt the same way; a cell that is not (no reference, another spelling, a
# namespace prefix, a second ``r``, which calamine would take) sends the sheet to expat.
# Possessive (``++``, ``*+``): each part ends where the next cannot begin, so giving back
# never finds a match the pattern would miss, and not keeping the places to go back to is a
# seventh off the test that looks at every cell of the sheet.
_ODD_CELL_RE: Final = re.compile(
    rb'<c(?! r="[A-Z]++[0-9]++"(?: (?:s|t|cm|vm|ph)="[^"<>]*+")*+/?>)[\s/>]'
)
_PREFIXED_CELL_RE: Final = re.compile(rb":c[\s/>]")
_CELL_AT: Final = b'<c r="'
_NEAR_SHARE: Final = 0.9
"""Rows below this share of the most a sheet of its width may have are not looked at one by
one: their cells are counted as reaching that row (a bound)."""
_CELL_REF_RE: Final = re.compile(rb'<c r="([A-Z]+)([0-9]+)"')
_SHARED_INDEX_RE: Final = re.compile(
    rb"\bt\s*=\s*[\"']s[\"'][^>]*>\s*<(?:[\w.-]+:)?v>\s*([0-9]{1,10})\s*<"
)
_SHARED_ITEM_RE: Final = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s/>]")
_REF_RE: Final = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


class Refused(Exception):
    """The package cannot be loaded safely: ``issue`` says why."""

    def __init__(self, issue: LedgerIssue) -> None:
        super().__init__(issue.code)
        self.issue = issue


class _Damaged(Exception):
    """The zip does not hold what its directory says (calamine would fail on it too)."""


class SheetExtent(NamedTuple):
    rows: int
    columns: int


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column_number(letters: str | bytes) -> int:
    number = 0
    for letter in (letters.decode() if isinstance(letters, bytes) else letters).upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


# ---------------------------------------------------------------------------- zip parts


def _entry_count(file: BinaryIO) -> int | None:
    """The entry count of the end-of-central-directory record, read before ``zipfile`` makes
    an object of every entry (``None``: no record found, zipfile will say what is wrong)."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - 65_557))
    tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    return int(count)


def _inflate(file: BinaryIO, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part ``info``, inflated a chunk at a time; never more than it says it holds, and
    checked to end where it says it does, with its checksum."""
    if info.flag_bits & 0x1:
        raise _Damaged("encrypted")
    file.seek(info.header_offset)
    header = file.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise _Damaged("truncated")
    magic, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    if magic != _LOCAL_MAGIC:
        raise _Damaged("bad local header")
    file.seek(info.header_offset + _LOCAL_HEADER.size + name_length + extra_length)
    if info.compress_type == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    elif info.compress_type != zipfile.ZIP_STORED:
        raise _Damaged(f"compression method {info.compress_type}")
    else:
        inflater = None
    left = info.compress_size
    produced = 0
    crc = 0
    pending = b""
    while True:
        if not pending:
            if left <= 0:
                break
            pending = file.read(min(_CHUNK_BYTES, left))
            if not pending:
                raise _Damaged("truncated")
            left -= len(pending)
        if inflater is None:
            out, pending = pending, b""
        else:
            out = inflater.decompress(pending, _CHUNK_BYTES)
            pending = inflater.unconsumed_tail
        produced += len(out)
        if produced > info.file_size:
            raise _Damaged("larger than its directory says")
        crc = zlib.crc32(out, crc)
        if out:
            yield out
        if inflater is not None and inflater.eof:
            break
    if inflater is not None:
        if not inflater.eof:
            raise _Damaged("truncated")
        out = inflater.flush()
        produced += len(out)
        if out:
            crc = zlib.crc32(out, crc)
            yield out
    if produced != info.file_size or crc != info.CRC:
        raise _Damaged("checksum")


_Ahead: TypeAlias = "queue.Queue[bytes | BaseException | None]"
_AHEAD_CHUNKS: Final = 4


def _inflated_ahead(chunks: Iterator[bytes]) -> Generator[bytes, None, None]:
    """The chunks of ``chunks`` (an ``_inflate``), inflated by a helper thread a few chunks
    ahead of the reader: zlib and the checksum let go of the interpreter while they work, so
    the inflating of a large sheet runs beside the patterns that look at it (about a third of
    the measure of a 100,000-row ledger). The thread is stopped and waited for when the
    reader stops, early or not; an error of the part is raised to the reader."""
    ahead: _Ahead = queue.Queue(maxsize=_AHEAD_CHUNKS)
    stop = threading.Event()

    def hand_over(item: bytes | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                ahead.put(item, timeout=0.05)
            except queue.Full:
                continue
            return True
        return False

    def inflate() -> None:
        try:
            for chunk in chunks:
                if not hand_over(chunk):
                    return
        except BaseException as error:  # handed to the reader, who raises it
            hand_over(error)
        else:
            hand_over(None)

    worker = threading.Thread(target=inflate, name="xlsx-inflate", daemon=True)
    worker.start()
    try:
        while (item := ahead.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        worker.join()


def _pieces(chunks: Iterator[bytes]) -> Iterator[tuple[int, bytes]]:
    """``(offset, bytes)`` pieces of a part that each end just after a ``>``, so that no tag
    is cut in two (a long text without any tag is let through in pieces)."""
    carry = b""
    offset = 0
    for chunk in chunks:
        data = carry + chunk
        cut = data.rfind(b">") + 1
        if cut == 0 and len(data) > _MAX_CARRY:
            cut = len(data) - _MAX_CARRY
        if cut:
            yield offset, data[:cut]
            offset += cut
        carry = data[cut:]
    if carry:
        yield offset, carry


# ---------------------------------------------------------------------------- one sheet


class _Scan(NamedTuple):
    rows: int
    columns: int
    shared_cells: int  # at least the cells that refer to a shared string
    exact: bool  # else a bound: rows below a threshold, or columns A to Z
    fallback: bool  # cells without their own reference: count them as calamine would


def _after(text: str, lowest: str, highest: str, leading: str) -> list[str]:
    """Patterns for the strings over the characters ``lowest``-``highest`` that come after
    ``text`` as numbers written in them do: longer ones (their first character from
    ``leading`` up), or as long and greater at some place."""
    width = len(text)
    options = [f"[{leading}-{highest}][{lowest}-{highest}]{{{width},}}"]
    for at, char in enumerate(text):
        if char != highest:
            rest = width - at - 1
            tail = f"[{lowest}-{highest}]{{{rest}}}" if rest else ""
            options.append(f"{text[:at]}[{chr(ord(char) + 1)}-{highest}]{tail}")
    return options


def _column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _right_of(columns: int) -> str:
    return "|".join(_after(_column_letters(columns), "A", "Z", "A"))


def _from_row(row: int) -> str:
    return "|".join([str(row), *_after(str(row), "0", "9", "1")])  # (no leading zero)


def _cells_right_of(columns: int) -> re.Pattern[bytes]:
    """Cells (``<c r="…``) in a column right of column number ``columns``; group 1 its letters."""
    return re.compile(_CELL_AT + b"(" + _right_of(columns).encode() + b")[0-9]")


def _cells_from_row(row: int) -> re.Pattern[bytes]:
    """Cells in row ``row`` or below it; group 1 the row number."""
    return re.compile(_CELL_AT + b"[A-Z]+0*(" + _from_row(row).encode() + b')"')


def _cells_beyond(columns: int, row: int) -> re.Pattern[bytes]:
    """Cells right of column number ``columns`` (groups 1 and 2: letters, digits) or in row
    ``row`` or below it (group 3: the row number): both looked for in one pass."""
    right, below = _right_of(columns).encode(), _from_row(row).encode()
    return re.compile(_CELL_AT + b"(?:(" + right + b")([0-9]+)|[A-Z]+0*(" + below + b')")')


def _last_row(piece: bytes) -> int:
    """The row of the piece's last cell with its reference (0: none)."""
    at = piece.rfind(_CELL_AT)
    found = _CELL_REF_RE.match(piece, at) if at >= 0 else None
    return 0 if found is None else int(found[2])


def _scan(pieces: Iterator[tuple[int, bytes]], count_shared: bool) -> _Scan:
    """The extent of a sheet whose cells all begin ``<c r="LETTERS…``, in one pass that looks
    only at the few cells beyond what is known: right of the widest column found so far (from
    Z on), and below a threshold row taken from the width of the first rows (the usual ledger
    has a few dozen of them). The columns are exact when some lie beyond Z; the rows are
    exact when some lie below the threshold, else the threshold is their bound.

    Below the threshold only rows past the most found so far are looked for, and a piece's
    last cell (rows usually come in order) is taken as found before the piece is looked at:
    the usual piece then has no cell the pattern finds."""
    columns = 26
    threshold = rows = shared = 0
    fallback = False
    for _, piece in pieces:
        if _ODD_CELL_RE.search(piece) is not None or _PREFIXED_CELL_RE.search(piece) is not None:
            fallback = True
        if not threshold:  # the first piece holds the header row: the sheet's usual width
            found = _cells_right_of(columns).findall(piece)
            if found:
                columns = max(_column_number(letters) for letters in set(found))
            threshold = max(1, int(MAX_SHEET_CELLS * _NEAR_SHARE) // columns)
        last = _last_row(piece)
        if last >= threshold:
            rows = max(rows, last)
        for letters, digits, far in _cells_beyond(columns, max(threshold, rows + 1)).findall(piece):
            if letters:
                columns = max(columns, _column_number(letters))
                digits_row = int(digits)
                if digits_row >= threshold:
                    rows = max(rows, digits_row)
            else:
                rows = max(rows, int(far))
        if count_shared:
            shared += piece.count(b'"s"') + piece.count(b"'s'")
    exact_rows = rows > 0
    if not exact_rows:
        rows = max(threshold - 1, 1)
    return _Scan(rows, columns, shared, exact_rows and columns > 26, fallback)


def _exact(pieces: Iterator[tuple[int, bytes]]) -> tuple[int, int]:
    """Rows and columns from every cell's reference."""
    rows = columns = 0
    for _, piece in pieces:
        found = _CELL_REF_RE.findall(piece)
        if found:
            letters, digits = zip(*found, strict=True)
            columns = max(columns, *(_column_number(text) for text in set(letters)))
            rows = max(rows, *(int(text) for text in set(digits)))
    return rows, columns


class _TooLarge(Exception):
    pass


def _walk(pieces: Iterator[tuple[int, bytes]]) -> tuple[int, int]:
    """Rows and columns as calamine places cells without a reference: a row follows the one
    before, a cell the one to its left; stops as soon as the area is over the limit."""
    parser = expat.ParserCreate()
    state = {"row": 0, "column": 0, "cell_row": 0, "cell_column": 0, "rows": 0, "columns": 0}
    in_cell = [False, False]  # inside a cell, the cell has a value

    def start(name: str, attributes: dict[str, str]) -> None:
        local = name.rsplit(":", 1)[-1]
        if local == "row":
            number = attributes.get("r", "")
            state["row"] = int(number) if number.isdigit() else state["row"] + 1
            state["column"] = 0
        elif local == "c":
            match = _REF_RE.fullmatch(attributes.get("r", ""))
            if match is not None:
                state["cell_row"] = int(match[2])
                state["column"] = _column_number(match[1])
            else:
                state["cell_row"] = max(state["row"], 1)
                state["column"] += 1
            state["cell_column"] = state["column"]
            in_cell[0], in_cell[1] = True, False
        elif in_cell[0] and local in ("v", "is", "t"):
            in_cell[1] = True

    def end(name: str) -> None:
        if name.rsplit(":", 1)[-1] == "c":
            if in_cell[1]:
                state["rows"] = max(state["rows"], state["cell_row"])
                state["columns"] = max(state["columns"], state["cell_column"])
                if state["rows"] * state["columns"] > MAX_SHEET_CELLS:
                    raise _TooLarge
            in_cell[0] = False

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        for _, piece in pieces:
            parser.Parse(piece, False)
        parser.Parse(b"", True)
    except _TooLarge:
        pass
    except expat.ExpatError as error:  # calamine may read what expat refuses: not loaded
        raise _Damaged(f"XML: {error}") from None
    return state["rows"], state["columns"]


# ---------------------------------------------------------------------------- the package


class _Parts(NamedTuple):
    sheets: dict[str, str]  # part -> sheet name
    shared: str | None


def _parts(archive: zipfile.ZipFile, names: set[str]) -> _Parts:
    workbook = ElementTree.fromstring(archive.read(_WORKBOOK_PART))
    relations = ElementTree.fromstring(archive.read(_WORKBOOK_RELS))
    targets: dict[str | None, str] = {}
    shared = None
    for rel in relations:
        if _local(rel.tag) != "Relationship":
            continue
        target = rel.get("Target", "")
        part = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join("xl", target))
        )
        targets[rel.get("Id")] = part
        if rel.get("Type", "").endswith("/sharedStrings"):
            shared = part
    sheets: dict[str, str] = {}
    for element in workbook.iter():
        if _local(element.tag) != "sheet":
            continue
        name = element.get("name")
        relation = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
        part = targets.get(relation, "")
        if name is not None and part in names:
            sheets[part] = name
    if shared is None or shared not in names:
        shared = next((n for n in names if n.lower().endswith("sharedstrings.xml")), None)
    return _Parts(sheets, shared)


def _refuse(path: Path, code: str, where: str | None = None, **params: object) -> Refused:
    """The refusal ``code`` at the sheet ``where``; ``name`` is the file unless given."""
    return Refused(LedgerIssue(where, None, None, code, {"name": path.name, **params}))


def _limit(part: str, parts: _Parts) -> int:
    if part in parts.sheets:
        return MAX_SHEET_PART_BYTES
    if part == parts.shared:
        return MAX_SHARED_STRINGS_BYTES
    return MAX_OTHER_PART_BYTES


def _read_by_calamine(part: str, parts: _Parts) -> bool:
    return part in parts.sheets or part == parts.shared or part.lower().endswith((".xml", ".rels"))


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo], parts: _Parts) -> None:
    """Every part calamine may read, refused by the size it declares before it is inflated."""
    for info in infos:
        if not _read_by_calamine(info.filename, parts):
            continue  # pictures, printer settings
        limit = _limit(info.filename, parts)
        if info.file_size > limit:
            sheet = parts.sheets.get(info.filename)
            code = "ledger.sheet_part_too_large" if sheet else "ledger.part_too_large"
            size, most = megabytes(info.file_size), megabytes(limit)
            raise _refuse(path, code, sheet, sheet=sheet, part=info.filename, size=size, max=most)


def _item_lengths(file: BinaryIO, info: zipfile.ZipInfo) -> array[int]:
    """The length in bytes of each shared string item (its text is no longer)."""
    starts = array("q")
    for offset, piece in _pieces(_inflate(file, info)):
        starts.extend(offset + match.start() for match in _SHARED_ITEM_RE.finditer(piece))
    starts.append(info.file_size)
    return array("q", (b - a for a, b in pairwise(starts)))


def _shared_text(file: BinaryIO, info: zipfile.ZipInfo, lengths: array[int]) -> int:
    """The bytes of shared text that the cells of the sheet ``info`` refer to, each its own."""
    uses: Counter[int] = Counter()
    for _, piece in _pieces(_inflate(file, info)):
        uses.update(int(index) for index in _SHARED_INDEX_RE.findall(piece))
    count = len(lengths)
    return sum(lengths[index] * times for index, times in uses.items() if index < count)


def inspect_xlsx(path: Path) -> dict[str, SheetExtent]:
    """Sheet name -> rows and columns from A1 to the last cell with a value; ``{}`` when the
    package cannot be understood (calamine then reports what is wrong with it).

    Raises ``Refused`` for a package that would not load safely: a part over its limit
    (``limits``), a sheet over ``MAX_SHEET_CELLS``, more shared text than
    ``MAX_SHARED_TEXT_BYTES``, or a part that holds more than it says.
    """
    with path.open("rb") as file:
        entries = _entry_count(file)
        if entries is not None and entries > _MAX_ENTRIES:
            raise _refuse(path, "ledger.too_many_parts", count=entries, max=_MAX_ENTRIES)
        try:
            with zipfile.ZipFile(file) as archive:
                infos = archive.infolist()
                for name in (_WORKBOOK_PART, _WORKBOOK_RELS):  # read whole just below
                    size = archive.getinfo(name).file_size
                    if size > MAX_OTHER_PART_BYTES:
                        most = megabytes(MAX_OTHER_PART_BYTES)
                        code = "ledger.part_too_large"
                        raise _refuse(path, code, part=name, size=megabytes(size), max=most)
                parts = _parts(archive, {info.filename for info in infos})
        except Refused:
            raise
        except Exception:  # a damaged package: calamine says what is wrong with it
            return {}
        _check_sizes(path, infos, parts)
        by_name = {info.filename: info for info in infos}
        try:
            for info in infos:  # what the directory says of every part is true
                part = info.filename
                if (
                    _read_by_calamine(part, parts)
                    and part not in parts.sheets
                    and part != parts.shared
                ):
                    for _ in _inflate(file, info):
                        pass
            lengths = _item_lengths(file, by_name[parts.shared]) if parts.shared else array("q")
            longest = max(lengths, default=0)
            extents: dict[str, SheetExtent] = {}
            total = 0
            bounded: list[str] = []  # sheets measured by a bound (``_Scan.exact``)
            for part, name in parts.sheets.items():
                info = by_name[part]
                scan = _scan(_pieces(_inflated_ahead(_inflate(file, info))), longest > 0)
                rows, columns = scan.rows, scan.columns
                if scan.fallback:
                    rows, columns = _walk(_pieces(_inflate(file, info)))
                elif not scan.exact and rows * columns > MAX_SHEET_CELLS:
                    rows, columns = _exact(_pieces(_inflate(file, info)))
                if rows * columns > MAX_SHEET_CELLS:
                    raise _refuse(
                        path,
                        "ledger.sheet_too_large",
                        name.strip(),
                        name=name,
                        rows=rows,
                        columns=columns,
                        max=MAX_SHEET_CELLS,
                    )
                if scan.shared_cells * longest > MAX_SHARED_TEXT_BYTES:
                    text = _shared_text(file, info, lengths)
                    if text > MAX_SHARED_TEXT_BYTES:
                        size, most = megabytes(text), megabytes(MAX_SHARED_TEXT_BYTES)
                        raise _refuse(
                            path,
                            "ledger.shared_text_too_large",
                            name.strip(),
                            sheet=name,
                            size=size,
                            max=most,
                        )
                extents[name] = SheetExtent(rows, columns)
                if not (scan.fallback or scan.exact) and (rows, columns) == scan[:2]:
                    bounded.append(part)
                total += rows * columns
            # The sheets are checked one after the other: a bound only is made the real
            # extent, the smallest first, while the total is over.
            bounded.sort(key=lambda part: by_name[part].file_size)
            for part in bounded:
                if total <= MAX_SHEET_CELLS:
                    break
                name = parts.sheets[part]
                rows, columns = _exact(_pieces(_inflate(file, by_name[part])))
                total += rows * columns - extents[name].rows * extents[name].columns
                extents[name] = SheetExtent(rows, columns)
            if total > MAX_SHEET_CELLS:
                raise _refuse(path, "ledger.workbook_too_large", max=MAX_SHEET_CELLS)
        except _Damaged as error:
            raise _refuse(path, "ledger.unreadable", format="xlsx", detail=str(error)) from None
        return extents
