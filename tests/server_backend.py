"""The two backends for the tests: a fresh SQLite file, or a fresh database on the PostgreSQL
test cluster (``CHUANSHA_TEST_PG``, set by ``make test``, which starts the cluster).

``backend`` is the parametrised fixture: a test that takes it runs once per backend; the
PostgreSQL run is skipped only when ``CHUANSHA_TEST_PG`` is unset.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

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


@contextlib.contextmanager
def fresh_server_database(template: str | None = None) -> Iterator[str]:
    """A new database on the test cluster (empty, or a copy of the database ``template``),
    dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    try:
        yield SERVER.rpartition("/")[0] + "/" + name
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def server_db() -> Iterator[str]:
    """A fresh, empty database on the test cluster, dropped afterwards."""
    if not SERVER:
        pytest.skip("CHUANSHA_TEST_PG is not set (make test starts a cluster and sets it)")
    with fresh_server_database() as url:
        yield url


@pytest.fixture
def other_server_db() -> Iterator[str]:
    """A second fresh database, for a test that compares two server books."""
    if not SERVER:
        pytest.skip("CHUANSHA_TEST_PG is not set (make test starts a cluster and sets it)")
    with fresh_server_database() as url:
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
