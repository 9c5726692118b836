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
import sqlite3

_KEYS: dict[int, tuple[sqlite3.Connection, bytes]] = {}


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
