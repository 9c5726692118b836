"""The 双公示 list as CSV: UTF-8 with a byte-order mark (Excel opens it as Chinese text)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from chuansha_enforce.domain.reports.disclosure import FIELDS, DisclosureEntry, field_text

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def render_disclosure_csv(entries: Iterable[DisclosureEntry]) -> bytes:
    return render_rows_csv(
        [label for _name, label in FIELDS],
        ([field_text(entry, name) for name, _label in FIELDS] for entry in entries),
    )


def render_rows_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Any public list (the withdrawals) in the same CSV form as the 双公示 list."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(text) for text in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
