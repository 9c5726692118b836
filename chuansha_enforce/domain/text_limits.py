"""How long a text value may be, wherever it is entered: as long as a ledger's column holds
it (``ledger.limits`` takes its numbers from here), so what is entered exports and imports
back."""

from __future__ import annotations

from typing import Final

from chuansha_enforce.domain.errors import DomainError

MAX_SHORT_CHARS: Final = 200
"""A name, number, date, amount or choice."""

MAX_TEXT_CHARS: Final = 10_000
"""Free text: the facts (违法行为), the legal basis, the place, the notes."""

LONG_TEXT_FIELDS: Final = frozenset(
    {"cause", "violation", "legal_basis", "location", "facts", "notes", "deviation_reason"}
)
"""The fields that hold free text (``MAX_TEXT_CHARS``); every other text is short."""


def check_length(field: str, text: str | None) -> None:
    """Refuse ``text`` longer than field ``field`` holds, naming the field."""
    most = MAX_TEXT_CHARS if field in LONG_TEXT_FIELDS else MAX_SHORT_CHARS
    if text is not None and len(text) > most:
        raise DomainError("value.too_long", field, {"max": most})
