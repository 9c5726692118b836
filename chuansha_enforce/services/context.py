"""The one context every service works in, built once in ``services/container.py``."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import Account
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.safety.restore_generation import check_generation
from chuansha_enforce.storage.connection import retried_call
from chuansha_enforce.storage.server.pg_database import PgDatabase
from chuansha_enforce.storage.server.pg_generation import book_generation


@dataclass(frozen=True, slots=True)
class ServiceContext:
    db: sqlite_utils.Database
    clock: Clock
    user: str
    """The name written into the audit log and the records."""
    acting: Account | None
    """The logged-in account, whose role every write checks (DOMAIN §9); None in single-user
    mode and before a login."""
    generation: str | None = None
    """The server book's restore generation the session logged in under, checked before
    each operation (``session.check_current``); None on a file."""


T = TypeVar("T")

_IN_OPERATION: ContextVar[bool] = ContextVar("in_operation", default=False)
"""Set while an operation runs on this thread: the operations it calls are checked with it."""


def run_again_after_deadlock(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` as one service operation on a server: refused before it starts when the
    book was restored since the session logged in (``check_current``), and, refused by a
    deadlock or a serialisation failure before any of its transactions committed, run again
    (``storage.connection.retried_call``; docs/SERVER.md "Concurrency")."""

    @functools.wraps(method)
    def operation(self: ContextService, *args: Any, **kwargs: Any) -> Any:
        return _checked_once(
            self._db,
            self._generation,
            lambda: retried_call(self._db, lambda: method(self, *args, **kwargs)),
        )

    operation.runs_again_after_deadlock = True  # type: ignore[attr-defined]
    return operation


def _checked_once(db: sqlite_utils.Database, generation: str | None, call: Callable[[], T]) -> T:
    """``call``, refused first when the server book ``db`` was restored since the session
    that remembers ``generation`` logged in; asked once per outermost call of a thread (the
    operations and reads it calls are not asked again); a file's session (None) asks nothing."""
    if generation is None or _IN_OPERATION.get():
        return call()
    outermost = _IN_OPERATION.set(True)
    try:
        check_current(db, generation)
        return call()
    finally:
        _IN_OPERATION.reset(outermost)


def check_current(db: sqlite_utils.Database, generation: str | None) -> None:
    """Refuse (``session.restored_since``) when the server book ``db`` was restored since the
    session that remembers ``generation`` logged in; a file's session (None) is not checked."""
    if generation is not None and isinstance(db, PgDatabase):
        check_generation(generation, book_generation(db))


class ContextService:
    """A service's context, unpacked once: its connection, clock, user name and account.

    Every public method of a service is one operation (the CLI's commands and the window's
    ``run_op`` call them): on a server each is refused when the book was restored since
    the session logged in (the outermost one asks the book once), and run again when the
    server broke a deadlock or a serialisation failure by refusing it before anything of it
    committed, so the squad's PCs writing at once see the refusal only when a write lost
    three times."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._db = ctx.db
        self._clock = ctx.clock
        self._user = ctx.user
        self._acting = ctx.acting
        self._generation = ctx.generation

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, run_again_after_deadlock(member))


@dataclass(frozen=True, slots=True)
class SessionBook:
    """The case book a read service reads and the restore generation its session logged in
    under (``ServiceContext.generation``); None (a file, or a book read with no session,
    such as ``migrate-to``'s figures) checks nothing."""

    db: sqlite_utils.Database | None = None
    generation: str | None = None


UNCHECKED = SessionBook()


class SessionReads:
    """The reads the window makes outside an operation (the case list and its search, the
    year figures, the work calendar): not ``ContextService``s (they act as nobody and write
    nothing), but on a server each public method is refused as an operation is when the book
    was restored since the session logged in (``session.restored_since``): the outermost
    read or operation of a thread asks the book once (one round trip per read, none per row;
    none on a file)."""

    def __init__(self, book: SessionBook = UNCHECKED) -> None:
        self._book = book

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for name, member in list(vars(cls).items()):
            if not name.startswith("_") and inspect.isfunction(member):
                setattr(cls, name, _checked_read(member))


def _checked_read(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def read(self: SessionReads, *args: Any, **kwargs: Any) -> Any:
        book = self._book
        if book.generation is None or book.db is None:  # a file: as fast as unchecked
            return method(self, *args, **kwargs)
        return _checked_once(book.db, book.generation, lambda: method(self, *args, **kwargs))

    return read
