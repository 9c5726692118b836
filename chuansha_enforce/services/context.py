"""The one context every service works in, built once in ``services/container.py``."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Account
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.storage.connection import retried_call


@dataclass(frozen=True, slots=True)
class ServiceContext:
    db: sqlite_utils.Database
    clock: Clock
    user: str
    """The name written into the audit log and the records."""
    acting: Account | None
    """The logged-in account, whose role every write checks (DOMAIN §9); None in single-user
    mode and before a login."""


def run_again_after_deadlock(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` as one service operation on a server: refused by a deadlock or a
    serialisation failure before any of its transactions committed, it runs again
    (``storage.connection.retried_call``; docs/SERVER.md "Concurrency")."""

    @functools.wraps(method)
    def operation(self: ContextService, *args: Any, **kwargs: Any) -> Any:
        return retried_call(self._db, lambda: method(self, *args, **kwargs))

    operation.runs_again_after_deadlock = True  # type: ignore[attr-defined]
    return operation


class ContextService:
    """A service's context, unpacked once: its connection, clock, user name and account.

    Every public method of a service is one operation (the CLI's commands and the window's
    ``run_op`` call them): on a server each is run again when the server broke a deadlock
    or a serialisation failure by refusing it before anything of it committed, so the
    squad's PCs writing at once see the refusal only when a write lost three times."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._db = ctx.db
        self._clock = ctx.clock
        self._user = ctx.user
        self._acting = ctx.acting

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, run_again_after_deadlock(member))
