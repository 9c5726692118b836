"""The audit chain's key: once accounts exist, every record is also MACed with it.

The key is random, made with the first account and stored only wrapped under each account's
password-derived key (``users.chain_key_enc``), as the signing keys are. A login unwraps it
and leaves it with the connection (``remember``); ``AuditLog.append`` then MACs each new
record's hash, and ``verify`` checks every MAC. Someone who rewrites a record and recomputes
every later hash with the public ``chain_hash`` cannot recompute the MACs without a password.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from pathlib import Path

_KEYS: dict[int, tuple[sqlite3.Connection, bytes]] = {}
_FILES: dict[str, bytes] = {}
"""The key a login in this process unwrapped, by database file: a restore, whose record is
written on a connection of its own to the restored copy, MACs it with the same key."""


def _file(path: Path) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def remember_file(path: Path, key: bytes) -> None:
    _FILES[_file(path)] = key


def key_for_file(path: Path) -> bytes | None:
    return _FILES.get(_file(path))


def remember(conn: sqlite3.Connection, key: bytes) -> None:
    _KEYS[id(conn)] = (conn, key)


def forget(conn: sqlite3.Connection) -> None:
    _KEYS.pop(id(conn), None)


def key_for(conn: sqlite3.Connection) -> bytes | None:
    found = _KEYS.get(id(conn))
    return found[1] if found is not None and found[0] is conn else None


def record_mac(key: bytes, record_hash: str) -> str:
    return hmac.new(
        key, f"chuansha-enforce/audit/{record_hash}".encode(), hashlib.sha256
    ).hexdigest()


def mac_matches(key: bytes, record_hash: str, mac: str) -> bool:
    return hmac.compare_digest(record_mac(key, record_hash), mac)
