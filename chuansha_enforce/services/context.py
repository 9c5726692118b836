"""The one context every service works in, built once in ``services/container.py``."""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Account
from chuansha_enforce.domain.clock import Clock


@dataclass(frozen=True, slots=True)
class ServiceContext:
    db: sqlite_utils.Database
    clock: Clock
    user: str
    """The name written into the audit log and the records."""
    acting: Account | None
    """The logged-in account, whose role every write checks (DOMAIN §9); None in single-user
    mode and before a login."""


class ContextService:
    """A service's context, unpacked once: its connection, clock, user name and account."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._db = ctx.db
        self._clock = ctx.clock
        self._user = ctx.user
        self._acting = ctx.acting
