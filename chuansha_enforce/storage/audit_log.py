"""The append-only audit log: each record's hash chains to the previous one."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

import sqlite_utils

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


def canonical(entry: AuditEntry) -> str:
    """The exact text that is hashed: sorted keys, no spaces, UTF-8 characters kept."""
    return json.dumps(
        {
            "at": entry.at,
            "user": entry.user,
            "action": entry.action,
            "object_type": entry.object_type,
            "object_id": entry.object_id,
            "outcome": entry.outcome,
            "detail": dict(entry.detail),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def chain_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + canonical(entry)).encode("utf-8")).hexdigest()


class AuditLog:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def head(self) -> str:
        row = self._db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return str(row[0]) if row else GENESIS_HASH

    def append(self, entry: AuditEntry) -> str:
        """Add one record inside the caller's transaction; return the new chain head."""
        prev = self.head()
        digest = chain_hash(prev, entry)
        self._db.execute(
            "INSERT INTO audit_log (at, user, action, object_type, object_id, outcome, detail,"
            " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            ),
        )
        return digest

    def verify(self) -> int | None:
        """Return the id of the first record whose hash does not chain, or None if intact."""
        prev = GENESIS_HASH
        for row in self._db.execute(
            "SELECT id, at, user, action, object_type, object_id, outcome, detail, prev_hash, hash"
            " FROM audit_log ORDER BY id"
        ):
            entry = AuditEntry(row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]))
            if row[8] != prev or row[9] != chain_hash(prev, entry):
                return int(row[0])
            prev = row[9]
        return None
