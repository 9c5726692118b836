"""Certificates named by number or by name, as every service that records officers needs them.

Identity is the registry's: a name is looked up in the officer registry (never compared as
text), ``name(certificate no)`` picks one certificate, and a name shared by two people is
refused as ambiguous (DOMAIN §12).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import sqlite_utils

from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import name_key
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository

_NAME_AND_NUMBER = re.compile(r"^(?P<name>[^()（）]+)[(（](?P<no>[^()（）]+)[)）]$")


def certificates_named(db: sqlite_utils.Database, numbers: Sequence[str]) -> list[Certificate]:
    """The certificates in the order given; an unknown number is refused by name."""
    wanted = [n.strip() for n in numbers if n.strip()]
    found = CaseFileRepository(db).certificates_by_number(wanted)
    for number in wanted:
        if number not in found:
            raise DomainError("officers.unknown", "officers", {"certificate_no": number})
    return [found[n] for n in wanted]


def officer_named(
    registry: Sequence[Certificate], text: str, on: dt.date | None, field: str = "officers"
) -> Certificate | None:
    """The registry's certificate for ``text`` (a certificate number, ``name(no)`` or a
    name), preferring one valid on ``on``; None when the registry has no such person."""
    text = text.strip()
    match = _NAME_AND_NUMBER.match(text)
    if match:
        number = match["no"].strip()
        for cert in registry:
            if cert.certificate_no == number and name_key(cert.officer_name) == name_key(
                match["name"]
            ):
                return cert
        raise DomainError("officers.unknown", field, {"certificate_no": number})
    for cert in registry:
        if cert.certificate_no == text:
            return cert
    key = name_key(text)  # a name as typed: spaces and invisible characters do not count
    named = [c for c in registry if name_key(c.officer_name) == key]
    if len({c.officer_id for c in named}) > 1:
        raise DomainError("officers.ambiguous", field, {"name": text})
    if not named:
        return None
    valid = [c for c in named if on is not None and c.valid_on(on)]
    return max(valid or named, key=lambda c: c.issued_on)


def officers_named(
    db: sqlite_utils.Database, texts: Sequence[str], on: dt.date | None
) -> list[Certificate]:
    """Each officer by number, ``name(no)`` or name; an unknown one is refused by name."""
    registry = CaseFileRepository(db).certificates()
    found: list[Certificate] = []
    for text in (t.strip() for t in texts if t.strip()):
        cert = officer_named(registry, text, on)
        if cert is None:
            raise DomainError("officers.unknown_name", "officers", {"name": text})
        found.append(cert)
    return found


def registry_id_of(db: sqlite_utils.Database, name: str | None, on: dt.date | None) -> int | None:
    """The registry's officer id for a name recorded on a case (a hearing's presiding
    officer), or None when the registry has no one person of that name: then only the name
    is there to compare."""
    if name is None or not name.strip():
        return None
    try:
        cert = officer_named(CaseFileRepository(db).certificates(), name, on, "presiding")
    except DomainError:  # two people of that name: no identity to rely on
        return None
    return None if cert is None else cert.officer_id
