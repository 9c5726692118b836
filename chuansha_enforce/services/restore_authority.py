"""Who may put a backup in place of the database, and whom the restore is recorded under.

Backups are the administrator's (DOMAIN §9). The current file's accounts decide when it can be
read (a failed login there counts towards the lockout, as anywhere). When it is missing or too
damaged to read, the backup's own accounts decide (read-only: a copy cannot count failures), so
an unreadable file is never a way round the login. Without accounts on either side it is the
single user. Nothing here migrates or otherwise changes the current file.
"""

from __future__ import annotations

from pathlib import Path

from chuansha_enforce.domain.accounts import Permission, require
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.credentials import PRODUCTION_COST, PasswordCost
from chuansha_enforce.services.session import SINGLE_USER, Login, Session, open_session
from chuansha_enforce.storage.connection import open_database, storage_errors
from chuansha_enforce.storage.errors import (
    DatabaseCorruptError,
    DatabaseMissingError,
    NotADatabaseError,
)

UNREADABLE = (DatabaseCorruptError, DatabaseMissingError, NotADatabaseError)


def _session(
    path: Path, login: Login | None, clock: Clock, cost: PasswordCost, *, read_only: bool
) -> Session | None:
    """The session on ``path``, or None when the file cannot be read."""
    if not path.exists():
        return None
    try:
        with storage_errors(path):
            db = open_database(path, read_only=read_only)
            try:
                return open_session(
                    db,
                    clock,
                    login=login,
                    cost=cost,
                    default_user=SINGLE_USER,
                    read_only=read_only,
                )
            finally:
                db.close()
    except UNREADABLE:
        return None


def restoring_user(
    db_path: Path,
    backup: Path,
    login: Login | None,
    clock: Clock,
    cost: PasswordCost = PRODUCTION_COST,
) -> str:
    """The name to record the restore under; refuses anyone but an administrator."""
    session = _session(db_path, login, clock, cost, read_only=False)
    if session is None:
        session = _session(backup, login, clock, cost, read_only=True)
    if session is None:
        return SINGLE_USER  # the backup is unreadable too: the restore itself refuses it
    if session.login_required:
        raise DomainError("auth.login_required", "user")
    require(session.account, Permission.MANAGE_BACKUPS)
    return session.user
