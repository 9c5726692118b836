"""Shared fixtures. Qt runs offscreen; warnings (Python and Qt) fail the tests."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.office_screen import offscreen_platform
from tests.server_backend import (  # noqa: F401
    backend,
    backend_copy,
    file_demo,
    is_server,
    module_backend,
    other_backend,
    other_server_db,
    server_db,
    server_demo,
    server_digest,
    squad,
)

os.environ["QT_QPA_PLATFORM"] = offscreen_platform(Path("/tmp/chuansha-enforce-tests"))
# Keep QSettings and platform folders out of the real user profile.
os.environ.setdefault("XDG_CONFIG_HOME", "/tmp/chuansha-enforce-tests/config")
os.environ.setdefault("XDG_DATA_HOME", "/tmp/chuansha-enforce-tests/data")
os.environ.setdefault("XDG_STATE_HOME", "/tmp/chuansha-enforce-tests/state")

import pytest
from hypothesis import settings

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import copy_of_book, filled_book

settings.register_profile("ci", max_examples=200, deadline=None)
settings.load_profile("ci")

NOW = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)
SMALL_PLAN = DemoPlan(seed=7, first_year=2023, last_year=2025, general_cases=600,
                      simple_per_year=40)  # fmt: skip


def database_digest(path: Path | str) -> str:
    """A hash of the database file and its WAL: equal digests mean nothing was written
    (of a server database: of all its rows)."""
    if is_server(path):
        return server_digest(str(path))
    path = Path(path)
    digest = hashlib.sha256()
    for part in (path, path.with_name(path.name + "-wal")):
        if part.exists():
            digest.update(part.read_bytes())
    return digest.hexdigest()


def damage_database(path: Path, table: str = "file_review_sheets") -> None:
    """Overwrite the first page of ``table``'s b-tree: damage the quick check always sees,
    wherever the file's layout puts that page (a fixed offset may land on a free page once a
    migration changes the layout). The default table is not read when a window opens."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()
    with path.open("r+b") as file:
        file.seek(page_size * (root[0] - 1))
        file.write(b"\xff" * 200)


@pytest.fixture(autouse=True)
def _no_dialog_answer_outlives_its_test() -> Iterator[None]:
    """A dialog answer a test left waiting (``tests/gui/dialog_answers.py``) would answer, or
    cancel, a later test's dialog: each is stopped when its test ends."""
    yield
    answers = sys.modules.get("tests.gui.dialog_answers")
    if answers is not None:  # (only GUI tests load it: the others need no Qt)
        answers.stop_waiting()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cases.db"


@pytest.fixture
def services(db_path: Path, clock: FixedClock) -> Iterator[Services]:
    with build_services(db_path, clock) as built:
        yield built


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small demo database, written once per session; tests copy it before writing.

    Every write is in the audit chain, so an unchanged chain head at the end of the session
    shows that no test wrote to the shared file (which would make others depend on order).
    """
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with build_services(path, FixedClock(NOW)) as built:
        built.demo.fill(SMALL_PLAN)
        head = built.audit_head()
    yield path
    with build_services(path, FixedClock(NOW), read_only=True) as built:
        assert built.audit_head() == head, "a test wrote to the shared demo database"


@pytest.fixture
def demo_services(demo_db: Path) -> Iterator[Services]:
    """Services on the shared demo database: for tests that only read."""
    with build_services(demo_db, FixedClock(NOW)) as built:
        yield built


@pytest.fixture
def demo_copy_services(demo_db: Path, tmp_path: Path) -> Iterator[Services]:
    """Services on a private copy of the demo database: for tests that write."""
    path = tmp_path / "demo-copy.db"
    shutil.copy(demo_db, path)
    with build_services(path, FixedClock(NOW)) as built:
        yield built


@pytest.fixture(scope="session")
def server_demo_db() -> Iterator[str]:
    """The small demo on a server database, written once per session; tests read it or copy
    it (``CREATE DATABASE … TEMPLATE``) before writing. Its chain head is checked as
    ``demo_db``'s is."""
    with filled_book("postgresql", Path(), SMALL_PLAN, FixedClock(NOW)) as url:
        with build_services(url, FixedClock(NOW), read_only=True) as built:
            head = built.audit_head()
        yield url
        with build_services(url, FixedClock(NOW), read_only=True) as built:
            assert built.audit_head() == head, "a test wrote to the shared server demo database"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def demo_book(request: pytest.FixtureRequest) -> Path | str:
    """The shared demo case book on both backends (a file, a server database): only read."""
    name = "demo_db" if request.param == "sqlite" else "server_demo_db"
    book: Path | str = request.getfixturevalue(name)
    return book


@pytest.fixture
def demo_book_services(demo_book: Path | str) -> Iterator[Services]:
    """Services on the shared demo case book of each backend: for tests that only read."""
    with build_services(demo_book, FixedClock(NOW)) as built:
        yield built


@pytest.fixture
def demo_book_copy(demo_book: Path | str, tmp_path: Path) -> Iterator[Path | str]:
    """A private copy of the demo case book on each backend: for tests that write."""
    with copy_of_book(demo_book, tmp_path, "demo-copy.db") as copy:
        yield copy


@pytest.fixture
def demo_book_copy_services(demo_book_copy: Path | str) -> Iterator[Services]:
    """Services on a private copy of the demo case book of each backend."""
    with build_services(demo_book_copy, FixedClock(NOW)) as built:
        yield built
