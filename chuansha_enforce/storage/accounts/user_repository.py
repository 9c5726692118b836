"""Accounts: who may log in, their password hash, lockout state and signing key."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Account, LoginState, Role


@dataclass(frozen=True, slots=True)
class StoredUser:
    account: Account
    password_hash: str
    login: LoginState
    key_algorithm: str
    public_key: bytes
    private_key_enc: bytes
    key_kdf: str
    disabled: bool


@dataclass(frozen=True, slots=True)
class NewUserRow:
    name: str
    display_name: str
    role: Role
    qualification_no: str | None
    password_hash: str
    key_algorithm: str
    public_key: bytes
    private_key_enc: bytes
    key_kdf: str


@dataclass(frozen=True, slots=True)
class NewKeys:
    """What a password reset writes: the new password's hash and a new key pair."""

    password_hash: str
    algorithm: str
    public_key: bytes
    private_key_enc: bytes
    kdf: str


_COLUMNS = (
    "id, name, display_name, role, qualification_no, password_hash, failed_logins,"
    " locked_until, key_algorithm, public_key, private_key_enc, key_kdf, disabled_at"
)
_OFFICER = "(SELECT officer_id FROM account_officers a WHERE a.user_id = users.id)"
"""The registry officer linked to the account (migration 0015 on; NULL before it)."""


@dataclass(frozen=True, slots=True)
class RetiredKey:
    """A public key an account held before a password reset gave it a new pair."""

    user_id: int
    algorithm: str
    public_key: bytes
    retired_at: str


def _blob(value: object) -> bytes:
    if not isinstance(value, bytes):
        raise TypeError(f"expected a BLOB, got {type(value).__name__}")
    return value


def _user(row: Sequence[object]) -> StoredUser:
    locked = row[7]
    return StoredUser(
        account=Account(
            id=int(str(row[0])),
            name=str(row[1]),
            display_name=str(row[2]),
            role=Role(str(row[3])),
            qualification_no=None if row[4] is None else str(row[4]),
            officer_id=None if row[13] is None else int(str(row[13])),
        ),
        password_hash=str(row[5]),
        login=LoginState(
            int(str(row[6])), None if locked is None else dt.datetime.fromisoformat(str(locked))
        ),
        key_algorithm=str(row[8]),
        public_key=_blob(row[9]),
        private_key_enc=_blob(row[10]),
        key_kdf=str(row[11]),
        disabled=row[12] is not None,
    )


class UserRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def table_exists(self) -> bool:
        return self._has_table("users")

    def count(self) -> int:
        if not self.table_exists():
            return 0
        return int(self._db.execute("SELECT count(*) FROM users").fetchone()[0])

    def _linked(self) -> bool:
        return self._has_table("account_officers")

    def _select(self, where: str) -> str:
        officer = _OFFICER if self._linked() else "NULL"
        return f"SELECT {_COLUMNS}, {officer} FROM users {where}"

    def by_name(self, name: str) -> StoredUser | None:
        row = self._db.execute(self._select("WHERE name = ?"), [name]).fetchone()
        return None if row is None else _user(row)

    def by_id(self, user_id: int) -> StoredUser | None:
        row = self._db.execute(self._select("WHERE id = ?"), [user_id]).fetchone()
        return None if row is None else _user(row)

    def all(self) -> list[StoredUser]:
        rows = self._db.execute(self._select("ORDER BY name")).fetchall()
        return [_user(r) for r in rows]

    def add(self, new: NewUserRow, at: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO users (name, display_name, role, qualification_no, password_hash,"
            " key_algorithm, public_key, private_key_enc, key_kdf, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                new.name,
                new.display_name,
                new.role.value,
                new.qualification_no,
                new.password_hash,
                new.key_algorithm,
                new.public_key,
                new.private_key_enc,
                new.key_kdf,
                at,
                at,
            ],
        )
        return int(cursor.lastrowid or 0)

    def change_password(
        self, user_id: int, *, password_hash: str, private_key_enc: bytes, key_kdf: str, at: str
    ) -> None:
        """A new password hash and the same private key sealed under the new password."""
        self._db.execute(
            "UPDATE users SET password_hash = ?, private_key_enc = ?, key_kdf = ?,"
            " failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?",
            [password_hash, private_key_enc, key_kdf, at, user_id],
        )

    def replace_keys(self, user: StoredUser, new: NewKeys, at: str) -> None:
        """A password reset: the old public key kept as retired (for good), then a new
        password, a new key pair, no failures, no lock and no chain key wrapped for the
        old password (the caller wraps it for the new one)."""
        self._db.execute(
            "INSERT INTO user_retired_keys (user_id, algorithm, public_key, retired_at)"
            " VALUES (?, ?, ?, ?)",
            [user.account.id, user.key_algorithm, user.public_key, at],
        )
        chain = (
            ", chain_key_enc = NULL, chain_key_kdf = NULL" if self.has_chain_keys_column() else ""
        )
        self._db.execute(
            "UPDATE users SET password_hash = ?, key_algorithm = ?, public_key = ?,"
            " private_key_enc = ?, key_kdf = ?, failed_logins = 0, locked_until = NULL,"
            f" updated_at = ?{chain} WHERE id = ?",
            [
                new.password_hash,
                new.algorithm,
                new.public_key,
                new.private_key_enc,
                new.kdf,
                at,
                user.account.id,
            ],
        )

    def retired_keys(self, user_id: int | None = None) -> list[RetiredKey]:
        """Public keys accounts held before a reset (of one account, or of all)."""
        if not self._has_table("user_retired_keys"):
            return []
        where, params = ("WHERE user_id = ?", [user_id]) if user_id is not None else ("", [])
        rows = self._db.execute(
            "SELECT user_id, algorithm, public_key, retired_at FROM user_retired_keys"
            f" {where} ORDER BY id",
            params,
        ).fetchall()
        return [RetiredKey(int(r[0]), str(r[1]), _blob(r[2]), str(r[3])) for r in rows]

    def mark_reset(self, user_id: int, at: str, by: str) -> None:
        """The password was set by an administrator (``by``): no signing until its owner
        changes it."""
        self.clear_reset(user_id)
        self._db.execute(
            "INSERT INTO user_password_resets (user_id, reset_at, reset_by) VALUES (?, ?, ?)",
            [user_id, at, by],
        )

    def clear_reset(self, user_id: int) -> None:
        self._db.execute("DELETE FROM user_password_resets WHERE user_id = ?", [user_id])

    def reset_pending(self, user_id: int) -> bool:
        """Whether the account still has the password an administrator set."""
        if not self._has_table("user_password_resets"):
            return False
        query = "SELECT 1 FROM user_password_resets WHERE user_id = ?"
        return self._db.execute(query, [user_id]).fetchone() is not None

    def link_officer(self, user_id: int, officer_id: int | None, at: str) -> None:
        """Link the account to the registry's officer (None removes the link)."""
        self._db.execute("DELETE FROM account_officers WHERE user_id = ?", [user_id])
        if officer_id is not None:
            self._db.execute(
                "INSERT INTO account_officers (user_id, officer_id, linked_at) VALUES (?, ?, ?)",
                [user_id, officer_id, at],
            )

    def _has_table(self, name: str) -> bool:
        query = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        return self._db.execute(query, [name]).fetchone() is not None

    def chain_key(self, user_id: int) -> tuple[bytes, str] | None:
        """The audit chain's key wrapped for this account (and how), if it has one."""
        if not self.has_chain_keys_column():
            return None
        row = self._db.execute(
            "SELECT chain_key_enc, chain_key_kdf FROM users WHERE id = ?", [user_id]
        ).fetchone()
        if row is None or row[0] is None or row[1] is None:
            return None
        return _blob(row[0]), str(row[1])

    def has_chain_keys_column(self) -> bool:
        return "chain_key_enc" in {str(r[1]) for r in self._db.execute("PRAGMA table_info(users)")}

    def any_chain_key(self) -> bool:
        """Whether the chain is keyed: some account holds the wrapped key."""
        if not self.table_exists() or not self.has_chain_keys_column():
            return False
        row = self._db.execute("SELECT 1 FROM users WHERE chain_key_enc IS NOT NULL").fetchone()
        return row is not None

    def set_chain_key(self, user_id: int, wrapped: bytes, kdf: str) -> None:
        self._db.execute(
            "UPDATE users SET chain_key_enc = ?, chain_key_kdf = ? WHERE id = ?",
            [wrapped, kdf, user_id],
        )

    def disable(self, user_id: int, at: str) -> None:
        self._db.execute(
            "UPDATE users SET disabled_at = ?, updated_at = ? WHERE id = ?", [at, at, user_id]
        )

    def save_login_state(self, user_id: int, state: LoginState, at: str) -> None:
        until = None if state.locked_until is None else state.locked_until.isoformat()
        self._db.execute(
            "UPDATE users SET failed_logins = ?, locked_until = ?, updated_at = ? WHERE id = ?",
            [state.failed, until, at, user_id],
        )
