"""A calendar date typed as text: ``YYYY-MM-DD`` and nothing else (DESIGN: dates ISO).

``datetime.date.fromisoformat`` also reads ISO 8601's basic and week forms (``20260203``,
``2026-W06-2``): a slip of the keyboard would be taken for some day and written down."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

_DAY: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_day(text: str) -> dt.date:
    """The day ``text`` (spaces around it aside) names as ``YYYY-MM-DD``; ``ValueError`` for
    any other form or a day that does not exist (as ``date.fromisoformat``)."""
    typed = text.strip()
    if _DAY.fullmatch(typed) is None:
        raise ValueError(f"not YYYY-MM-DD: {text!r}")
    return dt.date.fromisoformat(typed)
