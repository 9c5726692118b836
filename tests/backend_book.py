"""Helpers for tests that run on both backends (tests/server_backend.py): where a Services'
case book is, a second or copied case book, a filled town, and a connection for SQL written by
hand that goes around the services."""

from __future__ import annotations

import contextlib
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlite_utils

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.database_location import server_local_path
from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.server.pg_database import open_server
from tests.server_backend import is_server, server_database


def book(svc: Services) -> Path | str:
    """The case book a test's ``database_digest`` must hash: the server database, or the file
    (on a server ``db_path`` is only this PC's folder for templates and exports)."""
    return svc.server_url or svc.db_path


def refused_by_the_database(db: Path | str, sql: str, match: str) -> None:
    """``sql`` run around the program is refused by the database's own guard (a trigger or a
    check), raised as an integrity error (SQLite's or PostgreSQL's) with a message matching
    ``match``."""
    with (
        by_hand(db) as conn,
        pytest.raises((sqlite3.IntegrityError, psycopg.IntegrityError)) as caught,
    ):
        conn.execute(sql)
    assert re.search(match, str(caught.value)), caught.value


@contextlib.contextmanager
def another_book(backend: Path | str, tmp_path: Path, name: str) -> Iterator[Path | str]:
    """A second, empty case book on the same backend as ``backend``: the file ``name`` beside
    it, or another fresh server database."""
    if not is_server(backend):
        yield tmp_path / name
        return
    with server_database() as url:
        yield url


@contextlib.contextmanager
def copy_of_book(source: Path | str, tmp_path: Path, name: str) -> Iterator[Path | str]:
    """A private copy of a case book nobody has open: the file copied to ``name``, or a server
    database made from it (``CREATE DATABASE … TEMPLATE``)."""
    if not is_server(source):
        shutil.copy(source, tmp_path / name)
        yield tmp_path / name
        return
    with server_database(template=str(source).rpartition("/")[2]) as url:
        yield url


def open_book(db: Path | str) -> sqlite_utils.Database:
    """The storage layer's own connection to a case book (not migrated): ``open_database`` on a
    file, ``open_server`` on a server database."""
    if is_server(db):
        return open_server(str(db))
    return open_database(Path(db))


def local_path(db: Path | str) -> Path:
    """The path ``migrate`` is given: the file, or this PC's folder for a server database."""
    return server_local_path(str(db)) if is_server(db) else Path(db)


@contextlib.contextmanager
def filled_book(
    backend: str, folder: Path, plan: DemoPlan, clock: FixedClock
) -> Iterator[Path | str]:
    """A case book filled with ``plan`` by the demo's bulk path, on the backend named
    ``"sqlite"`` (a file in ``folder``) or ``"postgresql"`` (a server database, dropped
    afterwards): for module-scoped fixtures parametrised over both backends."""
    if backend == "sqlite":
        with build_services(folder / "town.db", clock) as built:
            built.demo.fill(plan)
        yield folder / "town.db"
        return
    with server_database() as url:  # skipped only when CHUANSHA_TEST_PG is unset
        with build_services(url, clock) as built:
            built.demo.fill(plan)
        yield url


@contextlib.contextmanager
def by_hand(db: Path | str) -> Iterator[Any]:
    """A connection outside the services, in autocommit, for SQL written by hand (SQLite SQL):
    sqlite3 on a file; on a server the dialect layer's connection, which says it there."""
    if not is_server(db):
        with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as conn:
            yield conn
        return
    with contextlib.closing(open_server(str(db))) as server:
        yield server
