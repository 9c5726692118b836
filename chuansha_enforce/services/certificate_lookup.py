"""Certificates named by number, as every service that records officers needs them."""

from __future__ import annotations

from collections.abc import Sequence

import sqlite_utils

from chuansha_enforce.domain.case_file import Certificate
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.case_file_repository import CaseFileRepository


def certificates_named(db: sqlite_utils.Database, numbers: Sequence[str]) -> list[Certificate]:
    """The certificates in the order given; an unknown number is refused by name."""
    wanted = [n.strip() for n in numbers if n.strip()]
    found = CaseFileRepository(db).certificates_by_number(wanted)
    for number in wanted:
        if number not in found:
            raise DomainError("officers.unknown", "officers", {"certificate_no": number})
    return [found[n] for n in wanted]
