"""The 双公示 list as CSV: UTF-8 with a byte-order mark (Excel opens it as Chinese text)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from chuansha_enforce.domain.disclosure import FIELDS, DisclosureEntry, field_text

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_disclosure_csv(entries: Iterable[DisclosureEntry]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([label for _name, label in FIELDS])
    for entry in entries:
        writer.writerow([_cell(field_text(entry, name)) for name, _label in FIELDS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
