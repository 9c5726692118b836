"""Identity numbers (DOMAIN §6): resident ID (GB 11643) and USCC (GB 32100)."""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Final, assert_never

from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError

ID_LENGTH: Final = 18

RESIDENT_WEIGHTS: Final = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
RESIDENT_CHECK_CHARS: Final = "10X98765432"
EARLIEST_BIRTH_DATE: Final = date(1800, 1, 1)
"""Birth dates before this are typos. Not 1900: GB 11643's own sample is born in 1880."""

USCC_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)

_ASCII_DIGITS: Final = frozenset("0123456789")


def normalise_id_text(text: str) -> str:
    """NFKC (full-width to half-width), drop all whitespace, upper-case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def _check_resident_body(first17: str, field: str | None) -> None:
    for position, char in enumerate(first17, start=1):
        if char not in _ASCII_DIGITS:
            raise DomainError("id.resident.format", field, {"position": position})


def resident_id_check_char(first17: str) -> str:
    """The check character for the first 17 digits of a resident ID."""
    if len(first17) != ID_LENGTH - 1:
        raise DomainError(
            "id.resident.length", None, {"length": len(first17), "expected": ID_LENGTH - 1}
        )
    _check_resident_body(first17, None)
    total = sum(int(char) * weight for char, weight in zip(first17, RESIDENT_WEIGHTS, strict=True))
    return RESIDENT_CHECK_CHARS[total % 11]


def _birth_date(id_text: str, field: str | None) -> date:
    raw = id_text[6:14]
    shown = f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    try:
        born = date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise DomainError("id.resident.birth_date", field, {"date": shown}) from None
    if born < EARLIEST_BIRTH_DATE:
        raise DomainError("id.resident.birth_date", field, {"date": shown})
    return born


def validate_resident_id(text: str, field: str = "id_number", *, today: date | None = None) -> str:
    """The normalised (upper-case) 18-character resident ID, or a DomainError.

    ``today``, when given, also rejects birth dates in the future (the core reads no clock).
    """
    id_text = normalise_id_text(text)
    if len(id_text) != ID_LENGTH:
        raise DomainError("id.resident.length", field, {"length": len(id_text), "expected": 18})
    _check_resident_body(id_text[:17], field)
    if id_text[17] not in _ASCII_DIGITS and id_text[17] != "X":
        raise DomainError("id.resident.format", field, {"position": ID_LENGTH})
    born = _birth_date(id_text, field)
    if today is not None and born > today:
        raise DomainError("id.resident.birth_date", field, {"date": born.isoformat()})
    expected = resident_id_check_char(id_text[:17])
    if id_text[17] != expected:
        raise DomainError(
            "id.resident.checksum", field, {"expected": expected, "actual": id_text[17]}
        )
    return id_text


def resident_id_birth_date(id18: str) -> date:
    """Birth date of a (validated on the way) resident ID."""
    return _birth_date(validate_resident_id(id18), "id_number")


def resident_id_is_male(id18: str) -> bool:
    """True when the 17th digit (sequence) is odd."""
    return int(validate_resident_id(id18)[16]) % 2 == 1


def _check_uscc_chars(text: str, field: str | None) -> None:
    for position, char in enumerate(text, start=1):
        if char not in USCC_ALPHABET:
            raise DomainError("id.uscc.format", field, {"position": position, "char": char})


def uscc_check_char(first17: str) -> str:
    """The check character for the first 17 characters of a unified social credit code."""
    if len(first17) != ID_LENGTH - 1:
        raise DomainError(
            "id.uscc.length", None, {"length": len(first17), "expected": ID_LENGTH - 1}
        )
    _check_uscc_chars(first17, None)
    total = sum(
        USCC_ALPHABET.index(char) * weight
        for char, weight in zip(first17, USCC_WEIGHTS, strict=True)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(text: str, field: str = "id_number") -> str:
    """The normalised 18-character USCC, or a DomainError."""
    code = normalise_id_text(text)
    if len(code) != ID_LENGTH:
        raise DomainError("id.uscc.length", field, {"length": len(code), "expected": 18})
    _check_uscc_chars(code, field)
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise DomainError("id.uscc.checksum", field, {"expected": expected, "actual": code[17]})
    return code


def validate_party_id(
    kind: PartyType, text: str, field: str = "id_number", *, today: date | None = None
) -> str:
    """Validate a party's ID by party type; a 个体工商户 may give a USCC or a resident ID."""
    if kind is PartyType.NATURAL_PERSON:
        return validate_resident_id(text, field, today=today)
    if kind is PartyType.LEGAL_PERSON or kind is PartyType.OTHER_ORGANISATION:
        return validate_uscc(text, field)
    if kind is PartyType.INDIVIDUAL_BUSINESS:
        try:
            return validate_uscc(text, field)
        except DomainError as uscc_error:
            try:
                return validate_resident_id(text, field, today=today)
            except DomainError as resident_error:
                raise DomainError(
                    "id.party.invalid",
                    field,
                    {
                        "kind": kind.value,
                        "uscc_error": uscc_error.code,
                        "resident_error": resident_error.code,
                    },
                ) from None
    assert_never(kind)


def mask_id_number(id_number: str) -> str:
    """Mask for display: keep the first 6 and last 4 (``310115********1238``).

    Up to 10 characters (where 6 + 4 would hide nothing) all but the last 2 are masked;
    up to 2 characters everything is.
    """
    text = normalise_id_text(id_number)
    if len(text) > 10:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) > 2:
        return "*" * (len(text) - 2) + text[-2:]
    return "*" * len(text)


def id_number_for_list(kind: PartyType, id_number: str | None) -> str | None:
    """What a list shows: a person's resident ID masked; an organisation's credit code whole.

    Credit codes are public registration data (they are published in 双公示); resident IDs
    are personal information, masked on screen by default (DOMAIN §8). An individual
    business registered under the owner's resident ID is masked too.
    """
    if not id_number:
        return None
    if kind is PartyType.NATURAL_PERSON:
        return mask_id_number(id_number)
    try:
        validate_uscc(id_number)
    except DomainError:
        return mask_id_number(id_number)
    return id_number
