"""Who is acting: single-user mode, a logged-in account, or nobody (then nothing is written)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Account
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.account_service import AccountService
from chuansha_enforce.storage.safety.write_guard import refuse_writes

SINGLE_USER = "单用户"
"""The name records carry while a database has no accounts."""


@dataclass(frozen=True, slots=True)
class Login:
    """Credentials given at start (``--user`` and its password, or the login dialog)."""

    name: str
    password: str


@dataclass(frozen=True, slots=True)
class Session:
    account: Account | None
    user: str  # the name written into the audit log and the records
    login_required: bool  # accounts exist and nobody logged in: the connection only reads
    generation: str | None = None
    """The server book's restore generation when this session logged in (read before the
    login); its operations are refused once the book has another. None on a file."""


def open_session(
    db: sqlite_utils.Database,
    accounts: AccountService,
    *,
    login: Login | None,
    default_user: str,
) -> Session:
    """Who acts on ``db``. ``accounts`` is the composition root's, acting as nobody yet."""
    if not accounts.has_accounts():
        if login is not None:
            raise DomainError("auth.no_accounts", "user")
        return Session(None, default_user, login_required=False)
    if login is None:
        refuse_writes(db)
        return Session(None, default_user, login_required=True)
    account = accounts.login(login.name, login.password)
    return Session(account, account.name, login_required=False)
