"""Who may put a backup in place of the database, and whom the restore is recorded under.

Backups are the administrator's (DOMAIN §9). Whose accounts decide:
- the current file's, when it has accounts;
- otherwise the backup's (checked on the verified staging copy), when it has accounts — so a
  missing, emptied, re-initialised, older or damaged current file is no way round the login;
- otherwise nobody's: both are single-user files.

The restore's own audit record is MACed with the restored chain's key. When the current file's
accounts decided and the backup is of another case book (its chain carries MACs the login's key
does not open), the same name and password are tried on the backup's accounts too, read-only
and uncounted: when they open an account there, its key is unwrapped for the record; when not,
the record goes without a MAC rather than with another book's (``integrity.needs_other_key``).

The password is checked read-only: nothing is written to the file about to be replaced (it may
be damaged, and it is kept as it was). Failed attempts are therefore not counted here (the
only read-only login the program allows; ``uncounted_checks``); the lockout of an account
still holds, and whoever can reach the file could attack its password hashes offline anyway.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import log_in
from chuansha_enforce.services.credentials import PRODUCTION_COST, PasswordCost
from chuansha_enforce.services.session import SINGLE_USER, Login, Session
from chuansha_enforce.storage.connection import open_database, storage_errors
from chuansha_enforce.storage.errors import StorageError
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.integrity import needs_other_key

_T = TypeVar("_T")
Authorize = Callable[[Path], str]
"""Called by ``BackupService.restore`` with the verified staging copy; returns the name the
restore is recorded under, or raises (then nothing is changed)."""


def _session(path: Path, login: Login | None, clock: Clock, cost: PasswordCost) -> Session:
    with storage_errors(path):
        db = open_database(path, read_only=True)
        try:
            return log_in(db, clock, login=login, cost=cost, read_only=True, uncounted_checks=True)
        finally:
            db.close()


def _has_accounts(path: Path, clock: Clock, cost: PasswordCost) -> bool:
    """False also when the file is missing or cannot be read (its accounts cannot decide)."""
    if not path.is_file():
        return False
    try:
        return _session(path, None, clock, cost).login_required
    except StorageError:
        return False


def check_restore_right(
    db_path: Path,
    staging: Path,
    login: Login | None,
    clock: Clock,
    cost: PasswordCost = PRODUCTION_COST,
) -> str:
    """The name to record the restore under; refuses anyone but an administrator."""
    if _has_accounts(db_path, clock, cost):
        deciding: Path | None = db_path
    elif _has_accounts(staging, clock, cost):
        deciding = staging
    else:
        deciding = None
    name = _decided(deciding, login, lambda path: _session(path, login, clock, cost))
    if deciding == db_path and login is not None:
        with storage_errors(staging):
            copy = open_database(staging, read_only=True)
            try:
                _unwrap_other_key(copy, chain_key.key_for_file(db_path), login, clock, cost)
            finally:
                copy.close()
    return name


def _unwrap_other_key(
    copy: sqlite_utils.Database, key: bytes | None, login: Login, clock: Clock, cost: PasswordCost
) -> None:
    """The backup's own chain key, when ``key`` does not open its chain: the login tried on
    its accounts (read-only, uncounted; a refusal there refuses nothing, the key stays
    unknown). The login remembers what it unwrapped (``chain_key``), as any login does."""
    if needs_other_key(copy, key):
        with contextlib.suppress(DomainError):
            log_in(copy, clock, login=login, cost=cost, read_only=True, uncounted_checks=True)


def _decided(deciding: _T | None, login: Login | None, session: Callable[[_T], Session]) -> str:
    """An administrator's name on the deciding copy's accounts (none: single-user)."""
    if deciding is None:
        if login is not None:
            raise DomainError("auth.no_accounts", "user")
        return SINGLE_USER
    if login is None:
        raise DomainError("auth.login_required", "user")
    account = session(deciding)  # a read error now is a refusal
    require(account.account, Permission.MANAGE_BACKUPS)
    return account.user


def check_server_restore_right(
    target: sqlite_utils.Database | None,
    dump: sqlite_utils.Database,
    login: Login | None,
    clock: Clock,
    cost: PasswordCost = PRODUCTION_COST,
) -> str:
    """The same rule for a server case book: the target's accounts (``None``: it holds no
    case book), else those of the verified scratch copy of the dump, else single-user."""

    def login_on(db: sqlite_utils.Database, who: Login | None) -> Session:
        return log_in(db, clock, login=who, cost=cost, read_only=True, uncounted_checks=True)

    deciding = next(
        (db for db in (target, dump) if db is not None and login_on(db, None).login_required),
        None,
    )
    name = _decided(deciding, login, lambda db: login_on(db, login))
    if deciding is target and target is not None and login is not None:
        _unwrap_other_key(dump, chain_key.key_for(target.conn), login, clock, cost)
    return name


def server_authorizer(
    login: Login | None, clock: Clock, cost: PasswordCost = PRODUCTION_COST
) -> Callable[[sqlite_utils.Database | None, sqlite_utils.Database], str]:
    return lambda target, dump: check_server_restore_right(target, dump, login, clock, cost)


def authorizer(
    db_path: Path,
    login: Login | None,
    clock: Clock,
    cost: PasswordCost = PRODUCTION_COST,
) -> Authorize:
    return lambda staging: check_restore_right(db_path, staging, login, clock, cost)
