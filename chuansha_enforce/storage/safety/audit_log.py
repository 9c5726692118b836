"""The append-only audit log: each record's hash chains to the previous one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.storage.safety import chain_key, seals
from chuansha_enforce.storage.server.serialise import take_turn

GENESIS_HASH = "0" * 64


@dataclass(frozen=True, slots=True)
class AuditEntry:
    at: str
    user: str
    action: str
    object_type: str
    object_id: str | None
    outcome: str
    detail: Mapping[str, object]
    seals: str | None = None
    """The seal sum after this record's write (``storage/safety/seals.py``); None on records
    written before seals existed, which hash as they always did."""


def canonical(entry: AuditEntry) -> str:
    """The exact text that is hashed: sorted keys, no spaces, UTF-8 characters kept."""
    fields: dict[str, object] = {
        "at": entry.at,
        "user": entry.user,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "outcome": entry.outcome,
        "detail": dict(entry.detail),
    }
    if entry.seals is not None:
        fields["seals"] = entry.seals
    return json.dumps(
        fields,
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def chain_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode("utf-8")).hexdigest()


def record_select(db: sqlite_utils.Database) -> str:
    """Every record in order: id, the entry's fields, prev_hash, hash, seals, mac."""
    columns = {str(r[1]) for r in db.execute("PRAGMA table_info(audit_log)")}
    extra = "seals, mac" if "seals" in columns else "NULL, NULL"
    return (
        "SELECT id, at, user, action, object_type, object_id, outcome, detail, prev_hash, hash,"
        f" {extra} FROM audit_log ORDER BY id"
    )


class AuditLog:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def head(self) -> str:
        row = self._db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return str(row[0]) if row else GENESIS_HASH

    def _sealed(self) -> bool:
        columns = {str(r[1]) for r in self._db.execute("PRAGMA table_info(audit_log)")}
        return "seals" in columns

    def append(self, entry: AuditEntry, *, recount: bool = False) -> str:
        """Add one record inside the caller's transaction; return the new chain head.

        The rows written since the last record are sealed first and the record carries the
        new seal sum (``recount``: summed again from every seal, not from the last record's
        sum, after seals were rewritten wholesale); with a chain key on this connection the
        record is also MACed."""
        if not self._sealed():
            return self._insert(entry, "")
        # On a server the seal sum, like the chain's head, is read and written in turn.
        take_turn(self._db, "audit_log")
        row = self._db.execute("SELECT seals FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        last = None if row is None or recount else row[0]
        total = seals.seal_pending(self._db.conn, last)
        sealed = AuditEntry(
            entry.at,
            entry.user,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.outcome,
            entry.detail,
            total,
        )
        key = chain_key.key_for(self._db.conn)
        return self._insert(sealed, ", seals, mac", key)

    def _insert(self, entry: AuditEntry, extra: str, key: bytes | None = None) -> str:
        take_turn(self._db, "audit_log")  # one appender at a time on a server: no fork
        prev = self.head()
        digest = chain_hash(prev, entry)
        values: tuple[object, ...] = ()
        if extra:
            mac = None if key is None else chain_key.record_mac(key, digest)
            values = (entry.seals, mac)
        marks = ", ?" * len(values)
        self._db.execute(
            "INSERT INTO audit_log (at, user, action, object_type, object_id, outcome, detail,"
            f" prev_hash, hash{extra}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?{marks})",
            (
                entry.at,
                entry.user,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.outcome,
                json.dumps(dict(entry.detail), ensure_ascii=False, sort_keys=True),
                prev,
                digest,
                *values,
            ),
        )
        return digest

    def verify(self) -> int | None:
        """Return the id of the first record whose hash does not chain, or None if intact."""
        prev = GENESIS_HASH
        for row in self._db.execute(record_select(self._db)):
            entry = AuditEntry(
                row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]), row[10]
            )
            if row[8] != prev or row[9] != chain_hash(prev, entry):
                return int(row[0])
            prev = row[9]
        return None
