"""Reading what ``verify`` checks: SQLite's own integrity check and the whole audit chain."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import (
    GENESIS_HASH,
    AuditEntry,
    chain_hash,
    record_select,
)


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


@dataclass(frozen=True, slots=True)
class ChainState:
    breaks: list[ChainBreak]
    count: int
    head: str
    seals: str | None
    """The seal sum the newest record vouches for (None before seals existed)."""
    keyed: bool
    """Whether some record carries a MAC."""


def chain_breaks(db: sqlite_utils.Database) -> tuple[list[ChainBreak], int, str]:
    state = chain_state(db, None, None)
    return state.breaks, state.count, state.head


def chain_state(db: sqlite_utils.Database, key: bytes | None, keyed_from: int | None) -> ChainState:
    """Every audit record that does not chain; also the record count and the head.

    A changed record fails its own hash; a deleted or inserted one breaks the link of the
    record after it. Deleting the newest records leaves a shorter, valid chain: compare the
    head with one kept elsewhere (``expected heads``) to find that.
    """
    breaks: list[ChainBreak] = []
    prev = GENESIS_HASH
    count = 0
    sums: str | None = None
    keyed = False
    for row in db.execute(record_select(db)):
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
            entry = AuditEntry(row[1], row[2], row[3], row[4], row[5], row[6], detail, row[10])
            if chain_hash(stored_prev, entry) != stored_hash:
                breaks.append(ChainBreak(record_id, "content does not match its hash"))
        if sums is not None and row[10] is None:
            breaks.append(ChainBreak(record_id, "no seal sum after records that had one"))
        sums = row[10] if row[10] is not None else sums
        mac = row[11]
        keyed = keyed or mac is not None
        breaks += _mac_breaks(
            record_id,
            str(row[6]),
            record_hash=stored_hash,
            mac=mac,
            key=key,
            keyed_from=keyed_from,
        )
        prev = stored_hash
    return ChainState(breaks, count, prev, sums, keyed)


def _mac_breaks(
    record_id: int,
    outcome: str,
    *,
    record_hash: str,
    mac: object,
    key: bytes | None,
    keyed_from: int | None,
) -> list[ChainBreak]:
    """With the chain key: every record from the first account on carries a valid MAC (a
    failed login, written when nobody had the key, may carry none)."""
    if key is None or keyed_from is None or record_id < keyed_from:
        return []
    if mac is None:
        if outcome == "ok":
            return [ChainBreak(record_id, "no MAC of the chain key (record rewritten?)")]
        return []
    if not chain_key.mac_matches(key, record_hash, str(mac)):
        return [ChainBreak(record_id, "MAC of the chain key does not match (record rewritten)")]
    return []


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


def newest_mac(db: sqlite_utils.Database) -> tuple[str, str] | None:
    """The hash and MAC of the newest record that carries a MAC (None when none does: an
    unkeyed chain, or a book from before the keyed chain)."""
    if "mac" not in {str(r[1]) for r in db.execute("PRAGMA table_info(audit_log)")}:
        return None  # a book from before the keyed chain
    row = db.execute(
        "SELECT hash, mac FROM audit_log WHERE mac IS NOT NULL ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def key_opening(db: sqlite_utils.Database, candidates: list[bytes]) -> bytes | None:
    """The candidate that is ``db``'s chain key: the one its newest MAC was made with (None
    when no record carries a MAC, an unkeyed chain, or when none of them opens it)."""
    newest = newest_mac(db)
    if newest is None:
        return None
    return next((k for k in candidates if chain_key.mac_matches(k, *newest)), None)


def needs_other_key(db: sqlite_utils.Database, key: bytes | None) -> bool:
    """Whether ``db``'s chain carries MACs that ``key`` (a login's on another book) does not
    open: a backup of another case book, whose own key only its accounts unwrap."""
    return newest_mac(db) is not None and key_opening(db, [] if key is None else [key]) is None
