"""Reading what ``verify`` checks: SQLite's own integrity check and the whole audit chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.storage.audit_log import GENESIS_HASH, AuditEntry, chain_hash


@dataclass(frozen=True, slots=True)
class ChainBreak:
    id: int
    what: str


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: int
    user: str
    action: str
    object_id: str | None
    detail: dict[str, object]
    hash: str


def integrity_messages(db: sqlite_utils.Database) -> list[str]:
    """``PRAGMA integrity_check``: an empty list when the file is sound."""
    rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def chain_breaks(db: sqlite_utils.Database) -> tuple[list[ChainBreak], int, str]:
    """Every audit record that does not chain; also the record count and the head.

    A changed record fails its own hash; a deleted or inserted one breaks the link of the
    record after it. Deleting the newest records leaves a shorter, valid chain: compare the
    head with one kept elsewhere (``expected heads``) to find that.
    """
    breaks: list[ChainBreak] = []
    prev = GENESIS_HASH
    count = 0
    for row in db.execute(
        "SELECT id, at, user, action, object_type, object_id, outcome, detail, prev_hash, hash"
        " FROM audit_log ORDER BY id"
    ):
        count += 1
        record_id, stored_prev, stored_hash = int(row[0]), str(row[8]), str(row[9])
        try:
            detail = json.loads(row[7])
        except (TypeError, ValueError):
            detail = None
        if stored_prev != prev:
            breaks.append(ChainBreak(record_id, "previous hash does not match the record before"))
        if not isinstance(detail, dict):
            breaks.append(ChainBreak(record_id, "detail is not a JSON object"))
        else:
            entry = AuditEntry(row[1], row[2], row[3], row[4], row[5], row[6], detail)
            if chain_hash(stored_prev, entry) != stored_hash:
                breaks.append(ChainBreak(record_id, "content does not match its hash"))
        prev = stored_hash
    return breaks, count, prev


def audit_hashes(db: sqlite_utils.Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT hash FROM audit_log")}


def audit_records(db: sqlite_utils.Database, action: str) -> Iterator[AuditRecord]:
    """The successful records of one action (failed attempts are logged under it too)."""
    for row in db.execute(
        "SELECT id, user, action, object_id, detail, hash FROM audit_log"
        " WHERE action = ? AND outcome = 'ok' ORDER BY id",
        [action],
    ):
        try:
            detail = json.loads(row[4])
        except (TypeError, ValueError):
            detail = {}
        yield AuditRecord(
            int(row[0]),
            str(row[1]),
            str(row[2]),
            None if row[3] is None else str(row[3]),
            detail if isinstance(detail, dict) else {},
            str(row[5]),
        )
