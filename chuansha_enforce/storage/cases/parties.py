"""The one way a party row is written (a case's or a simple decision's)."""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.domain.records import PartyRecord


def insert_party(db: sqlite_utils.Database, party: PartyRecord) -> int:
    party_id = db.execute(
        "INSERT INTO parties (kind, name, id_number, address, legal_representative)"
        " VALUES (?, ?, ?, ?, ?)",
        [party.kind.value, party.name, party.id_number, party.address, party.legal_representative],
    ).lastrowid
    assert party_id is not None
    return int(party_id)
