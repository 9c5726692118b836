"""How long a text value may be, wherever it is entered: as long as a ledger's column holds
it (``ledger.limits`` takes its numbers from here), so what is entered exports and imports
back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from enum import Enum
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


def length_limit(field: str) -> int:
    """The longest text field ``field`` holds: free text ``MAX_TEXT_CHARS``, any other
    ``MAX_SHORT_CHARS``."""
    return MAX_TEXT_CHARS if field in LONG_TEXT_FIELDS else MAX_SHORT_CHARS


def check_length(field: str, text: str | None) -> None:
    """Refuse ``text`` longer than field ``field`` holds, naming the field."""
    most = length_limit(field)
    if text is not None and len(text) > most:
        raise DomainError("value.too_long", field, {"max": most})


SHORT_TEXT_FIELDS: Final = frozenset(
    {
        "case_no", "decision_no", "party_name", "id_number", "party_address", "address",
        "legal_representative", "officer_name", "certificate_no", "reviewer", "statement",
        "presiding", "circumstance", "authority_document", "receipt_no", "kinds", "number",
        "approved_by", "close_approved_by", "service_witness", "display", "name",
        "qualification", "applicant", "dispute_no", "dispute_body", "officers",
        "participants", "witnesses", "channel", "organisation", "squad",
        "reconsideration_body", "court",
    }
)  # fmt: skip
"""The names and numbers entered in the window (a ledger's short columns among them); any
other text entered is free text (``MAX_TEXT_CHARS``)."""

FIELD_KEYS: Final = {
    "PartyRecord.name": "party_name",
    "PartyRecord.address": "party_address",
    "OfficerRecord.name": "officer_name",
    "AdvanceNotice.basis": "legal_basis",
    "DisputeRecord.number": "dispute_no",
    "DisputeRecord.body": "dispute_body",
}
"""A part of a record entered in a field named otherwise (``Record.part``: the field key the
window's form shows a refusal at)."""


def field_key(record: type, part: str) -> str:
    """The field a part of a record is entered in (``FIELD_KEYS``; most share its name)."""
    return FIELD_KEYS.get(f"{record.__name__}.{part}", part)


def entered_limit(field: str) -> int:
    """The longest text field ``field`` takes when entered: a name or number
    ``MAX_SHORT_CHARS``, free text ``MAX_TEXT_CHARS``."""
    if field in SHORT_TEXT_FIELDS and field not in LONG_TEXT_FIELDS:
        return MAX_SHORT_CHARS
    return MAX_TEXT_CHARS


def check_entered(named: Iterable[tuple[str, object]]) -> None:
    """Refuse any text in ``named`` (name and value of each input, a value may be a record of
    texts, a list or a mapping of them) longer than its field takes, naming the field;
    passwords and choices are left alone."""
    for name, value in named:
        _check_entered(name, value)


def _check_entered(field: str, value: object) -> None:
    if isinstance(value, Enum) or "password" in field:
        return
    if isinstance(value, str):
        most = entered_limit(field)
        if len(value) > most:
            raise DomainError("value.too_long", field, {"max": most})
    elif is_dataclass(value) and not isinstance(value, type):
        for part in fields(value):
            _check_entered(field_key(type(value), part.name), getattr(value, part.name))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            _check_entered(str(key), item)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _check_entered(field, item)
