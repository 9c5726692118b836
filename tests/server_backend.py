"""The two backends for the tests: a fresh SQLite file, or a fresh database on the PostgreSQL
test cluster (``CHUANSHA_TEST_PG``, set by ``make test``, which starts the cluster).

``backend`` is the parametrised fixture: a test that takes it runs once per backend; the
PostgreSQL run is skipped only when ``CHUANSHA_TEST_PG`` is unset.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest

from chuansha_enforce.storage.connection import open_database
from chuansha_enforce.storage.server.pg_database import open_server

SERVER = os.environ.get("CHUANSHA_TEST_PG", "")


def is_server(db: object) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


def server_digest(url: str) -> str:
    """A hash of every row of every table: equal digests mean nothing was written."""
    digest = hashlib.sha256()
    with psycopg.connect(url) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                " current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
            )
        ]
        for table in tables:
            rows = "string_agg(CAST(t AS TEXT), chr(10) ORDER BY CAST(t AS TEXT))"
            row = conn.execute(f'SELECT {rows} FROM "{table}" t').fetchone()
            digest.update(f"{table}\n{row[0] if row else ''}\n".encode())
    return digest.hexdigest()


@pytest.fixture
def server_db() -> Iterator[str]:
    """A fresh, empty database on the test cluster, dropped afterwards."""
    with server_database() as url:
        yield url


@pytest.fixture
def other_server_db() -> Iterator[str]:
    """A second fresh database, for a test that compares two server books."""
    with server_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where the case book is: a file, or a server database (the same test on both)."""
    if request.param == "sqlite":
        return tmp_path / "cases.db"
    url: str = request.getfixturevalue("server_db")
    return url


@dataclass(frozen=True)
class Squad:
    """README's server recipe: a database owned by a role that may create roles (not a
    superuser), and the name of a clerk's login role (made by the test, in the app role)."""

    owner_url: str
    clerk: str
    clerk_url: str


@pytest.fixture
def squad() -> Iterator[Squad]:
    """The owner's database and a clerk's name on the test cluster; all dropped afterwards."""
    if not SERVER:
        pytest.skip("CHUANSHA_TEST_PG is not set (make test starts a cluster and sets it)")
    tag = uuid.uuid4().hex[:8]
    owner, clerk, name = f"owner_{tag}", f"clerk_{tag}", f"squad_{tag}"
    base = SERVER.rpartition("/")[0]
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {owner} LOGIN CREATEROLE CREATEDB")
        admin.execute(f"CREATE DATABASE {name} OWNER {owner}")
    as_owner = base.replace("://postgres@", f"://{owner}@") + "/" + name
    as_clerk = base.replace("://postgres@", f"://{clerk}@") + "/" + name
    try:
        yield Squad(as_owner, clerk, as_clerk)
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            for role in (clerk, owner):  # the app role is the cluster's, shared
                admin.execute(f"DROP ROLE IF EXISTS {role}")


def create_server_database(template: str | None = None) -> str:
    """A new database on the test cluster (a copy of ``template``'s database when given,
    which nobody may have open); the caller drops it (``drop_server_database``)."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    # FILE_COPY: a fifth of the default WAL_LOG's time for a small book (0.14 s against 0.72)
    copy = f" TEMPLATE {template.rpartition('/')[2]} STRATEGY FILE_COPY" if template else ""
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}{copy}")
    return SERVER.rpartition("/")[0] + "/" + name


def drop_server_database(url: str) -> None:
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {url.rpartition('/')[2]} WITH (FORCE)")


@contextlib.contextmanager
def server_database(template: str | None = None) -> Iterator[str]:
    """A new database on the test cluster (a copy of ``template``'s database when given),
    dropped afterwards; the test is skipped when no cluster is named."""
    if not SERVER:
        pytest.skip("CHUANSHA_TEST_PG is not set (make test starts a cluster and sets it)")
    url = create_server_database(template)
    try:
        yield url
    finally:
        drop_server_database(url)


@pytest.fixture(scope="module")
def server_demo(request: pytest.FixtureRequest) -> Iterator[str]:
    """A module's server database for tests that only copy it: the module fills it once
    (``fill(url)``, a module-level function of the test module) and tests take copies.
    A module whose ``FILL_THE_DEMO`` is true fills a copy of the session's small demo."""
    demo = getattr(request.module, "FILL_THE_DEMO", False)
    with server_database(request.getfixturevalue("server_demo_db") if demo else None) as url:
        request.module.fill(url)
        yield url


@pytest.fixture(scope="module")
def file_demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A module's book in a file, filled once by the module's ``fill(path)`` (a copy of the
    session's small demo first when the module's ``FILL_THE_DEMO`` is true)."""
    path = tmp_path_factory.mktemp("module-book") / "cases.db"
    if getattr(request.module, "FILL_THE_DEMO", False):
        shutil.copy(request.getfixturevalue("demo_db"), path)
    request.module.fill(path)
    return path


@pytest.fixture
def backend_copy(
    request: pytest.FixtureRequest, backend: Path | str, tmp_path: Path
) -> Iterator[Path | str]:
    """A private copy, on ``backend``, of the module's filled book (the module's
    ``file_demo`` fixture for a file, ``server_demo`` for a server)."""
    if not is_server(backend):
        source: Path = request.getfixturevalue("file_demo")
        copy = tmp_path / "cases.db"
        shutil.copy(source, copy)
        yield copy
        return
    with server_database(request.getfixturevalue("server_demo")) as url:
        yield url


@pytest.fixture
def other_backend(backend: Path | str, tmp_path: Path) -> Iterator[Path | str]:
    """A second fresh case book on the same backend as ``backend`` (a round trip's target)."""
    if not is_server(backend):
        yield tmp_path / "other.db"
        return
    with server_database() as url:
        yield url


def query(db: Path | str, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
    """Rows of one statement (SQLite's text, said on a server as the product says it)."""
    if is_server(db):
        server = open_book(db)
        try:
            return [tuple(row) for row in server.execute(sql, list(params)).fetchall()]
        finally:
            server.close()
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return [tuple(row) for row in conn.execute(sql, list(params)).fetchall()]


def connect(db: Path | str) -> Any:
    """A plain connection to the book (``sqlite3`` or ``psycopg``), for a test's own SQL
    that both say alike (no parameters); the caller closes it."""
    if is_server(db):
        return psycopg.connect(str(db))
    return sqlite3.connect(db)


@pytest.fixture(name="db_path")
def db_path_on_both_backends(backend: Path | str) -> Path | str:
    """``db_path`` (and so ``services``) on a file and on a server database: a module
    imports this fixture to run its tests on both backends."""
    return backend


def open_book(db: Path | str) -> Any:
    """The product's own connection to the book (``open_database`` or ``open_server``), for a
    test that writes past the services; the caller closes it."""
    if is_server(db):
        return open_server(str(db))
    return open_database(Path(db))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def module_backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path | str]:
    """A fresh book for a module's template (copied per example with ``book_copy``), on a file
    and on a server database."""
    if request.param == "sqlite":
        yield tmp_path_factory.mktemp("template") / "template.db"
        return
    with server_database() as url:
        yield url


@contextlib.contextmanager
def book_copy(
    template: Path | str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path | str]:
    """A private copy of ``template`` on its backend (for one Hypothesis example), gone after."""
    if not is_server(template):
        path = tmp_path_factory.mktemp("copy") / "cases.db"
        shutil.copyfile(template, path)
        yield path
        return
    with server_database(str(template)) as url:
        yield url
