"""Who may put a backup in place of the database, and whom the restore is recorded under.

Backups are the administrator's (DOMAIN §9). Whose accounts decide:
- the current file's, when it has accounts;
- otherwise the backup's (checked on the verified staging copy), when it has accounts — so a
  missing, emptied, re-initialised, older or damaged current file is no way round the login;
- otherwise nobody's: both are single-user files.

The password is checked read-only: nothing is written to the file about to be replaced (it may
be damaged, and it is kept as it was). Failed attempts are therefore not counted here (the
only read-only login the program allows; ``uncounted_checks``); the lockout of an account
still holds, and whoever can reach the file could attack its password hashes offline anyway.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import log_in
from chuansha_enforce.services.credentials import PRODUCTION_COST, PasswordCost
from chuansha_enforce.services.session import SINGLE_USER, Login, Session
from chuansha_enforce.storage.connection import open_database, storage_errors
from chuansha_enforce.storage.errors import StorageError

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
        deciding = db_path
    elif _has_accounts(staging, clock, cost):
        deciding = staging
    elif login is not None:
        raise DomainError("auth.no_accounts", "user")
    else:
        return SINGLE_USER
    if login is None:
        raise DomainError("auth.login_required", "user")
    session = _session(deciding, login, clock, cost)  # a read error now is a refusal
    require(session.account, Permission.MANAGE_BACKUPS)
    return session.user


def authorizer(
    db_path: Path,
    login: Login | None,
    clock: Clock,
    cost: PasswordCost = PRODUCTION_COST,
) -> Authorize:
    return lambda staging: check_restore_right(db_path, staging, login, clock, cost)
