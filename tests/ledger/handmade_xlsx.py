"""Hostile xlsx files written by hand with zipfile: parts streamed, so that a part of
hundreds of MB costs the test neither the time nor the memory of building it whole."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
)
ROOT_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET_HEAD = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'


def workbook(sheet: str, *more: str) -> str:
    """The first sheet is rId1 (worksheets/sheet1.xml); more sheets are rId3, rId4…"""
    listed = f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/>' + "".join(
        f'<sheet name="{name}" sheetId="{n + 2}" r:id="rId{n + 3}"/>' for n, name in enumerate(more)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE}">'
        f"<sheets>{listed}</sheets></workbook>"
    )


def _relations(more: int) -> str:
    extra = "".join(
        f'<Relationship Id="rId{n + 3}" Type="{_OFFICE}/worksheet" '
        f'Target="worksheets/sheet{n + 2}.xml"/>'
        for n in range(more)
    )
    return WORKBOOK_RELS.replace("</Relationships>", extra + "</Relationships>")


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number: int, cells: Iterable[str]) -> str:
    return f'<row r="{number}">{"".join(cells)}</row>'


def write_xlsx(
    path: Path,
    sheet: str,
    sheet_xml: Iterable[str | bytes],
    shared: Iterable[str | bytes] | None = None,
    more: Sequence[tuple[str, Iterable[str | bytes]]] = (),
) -> Path:
    """One sheet named ``sheet`` whose part is the pieces of ``sheet_xml`` (from the
    ``<worksheet>`` element on; the XML declaration is added), and a shared-string part of
    the pieces of ``shared`` when given."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook(sheet, *(name for name, _ in more)))
        archive.writestr("xl/_rels/workbook.xml.rels", _relations(len(more)))
        _stream(archive, "xl/worksheets/sheet1.xml", chain([SHEET_HEAD], sheet_xml))
        for n, (_, xml) in enumerate(more):
            _stream(archive, f"xl/worksheets/sheet{n + 2}.xml", chain([SHEET_HEAD], xml))
        if shared is not None:
            _stream(archive, "xl/sharedStrings.xml", shared)
    return path


def _stream(archive: zipfile.ZipFile, name: str, pieces: Iterable[str | bytes]) -> None:
    with archive.open(name, "w", force_zip64=True) as part:
        for piece in pieces:
            part.write(piece.encode() if isinstance(piece, str) else piece)


def sheet_data(rows: Iterable[str], dimension: str | None = None) -> list[str | bytes]:
    head = f'<dimension ref="{dimension}"/>' if dimension else ""
    return [head, "<sheetData>", *rows, "</sheetData></worksheet>"]


def shared_strings(*texts: str | Iterable[bytes]) -> list[str | bytes]:
    """The ``<sst>`` part; a text given as an iterable of bytes is streamed as it is."""
    pieces: list[str | bytes] = [f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">']
    for text in texts:
        pieces.append("<si><t>")
        if isinstance(text, str):
            pieces.append(text)
        else:
            pieces.extend(text)
        pieces.append("</t></si>")
    pieces.append("</sst>")
    return pieces


def shared(ref: str, index: int) -> str:
    return f'<c r="{ref}" t="s"><v>{index}</v></c>'
