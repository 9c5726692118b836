"""Opening the database: every pragma in one place, and write transactions that lock early."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal, TypeVar

import sqlite_utils

from chuansha_enforce.storage.errors import (
    DatabaseCorruptError,
    DatabaseLockedError,
    DatabaseMissingError,
    DatabaseNoPermissionError,
    DatabaseReadOnlyError,
    DiskFullError,
    ForeignDatabaseError,
    NotADatabaseError,
    ReadOnlyMediumError,
    ServerConflictAfterCommitError,
    ServerConflictError,
    StorageError,
)
from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.server.pg_database import PgDatabase, server_write

log = logging.getLogger(__name__)
T = TypeVar("T")

BUSY_TIMEOUT_MS = 5000
SQLITE_VERSION = sqlite3.sqlite_version
MIN_FREE_BYTES = 64 * 1024
"""Below this a disk counts as full: SQLite cannot even make the 32 KiB shared-memory index
that opening a WAL database needs (it fails with a bare "disk I/O error")."""

Medium = Literal["read_only", "full"]


def medium_problem(path: Path) -> Medium | None:
    """Whether the file system holding ``path`` is read-only or full, as the OS reports it."""
    folder = Path(path).parent
    try:
        if hasattr(os, "statvfs"):
            stats = os.statvfs(folder)
            if stats.f_flag & os.ST_RDONLY:
                return "read_only"
            free = stats.f_bavail * stats.f_frsize
        else:  # Windows: a read-only medium shows up as the error of the first write
            free = shutil.disk_usage(folder).free
    except OSError:
        return None
    return "full" if free < MIN_FREE_BYTES else None


def _wal_has_content(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


Refusal = Callable[[], StorageError]


class ReadOnlyConnection(sqlite3.Connection):
    """A connection opened read-only; ``refusal`` makes the error a write attempt raises.

    It says why (another copy of the program writes the file, a network share, a
    read-only file) before any write starts, instead of SQLite's bare "readonly".
    """

    refusal: Refusal | None = None


def _reader(path: Path, *, immutable: bool) -> ReadOnlyConnection:
    """A read-only connection, proved to be a database by a first read."""
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    reader = sqlite3.connect(
        f"{path.resolve().as_uri()}?{query}", uri=True, factory=ReadOnlyConnection
    )
    try:
        reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        reader.execute("PRAGMA foreign_keys = ON")
        reader.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        reader.close()
        raise
    return reader


def _open_reader(path: Path) -> ReadOnlyConnection:
    """Read-only, also where SQLite cannot make the WAL index (``-shm``) beside the file.

    On a read-only medium or a full disk nothing can change the file: it is read as it is
    (SQLite's ``immutable``), unless a WAL with content lies beside it. In a folder this account
    may not write, a missing ``-wal`` means no one has the file open for writing now: it is
    read as it is too.
    """
    wal = path.with_name(path.name + "-wal")
    if medium_problem(path) is not None and not _wal_has_content(path):
        return _reader(path, immutable=True)
    try:
        return _reader(path, immutable=False)
    except sqlite3.OperationalError as exc:
        cannot_make_index = exc.sqlite_errorname.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY"))
        if wal.exists() or not cannot_make_index:
            raise
        return _reader(path, immutable=True)


def open_database(
    path: Path, *, read_only: bool = False, refusal: Refusal | None = None
) -> sqlite_utils.Database:
    """Open (creating when writable) the database file with the project's pragmas.

    Writable connections use WAL with ``synchronous=FULL`` so a committed transaction
    survives a killed process or a power cut on a local disk.
    """
    path = Path(path)
    try:
        if read_only:
            if not path.exists():
                raise DatabaseMissingError(path)
            reader = _open_reader(path)
            reader.refusal = refusal or (lambda: DatabaseReadOnlyError(path))
            return sqlite_utils.Database(reader, execute_plugins=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path))
        try:
            if is_foreign(conn):  # before WAL mode is written into its header
                raise ForeignDatabaseError(path)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                log.warning("journal_mode is %s, not wal, for %s", mode, path)
            conn.execute("PRAGMA synchronous = FULL")
        except BaseException:
            conn.close()
            raise
    except sqlite3.Error as exc:
        raise storage_error_from(exc, path) from exc
    except OSError as exc:
        raise storage_error_from(exc, path) from exc
    return sqlite_utils.Database(conn, execute_plugins=False)


MIGRATIONS_TABLE = "_sqlite_migrations"
"""Where migrations are recorded (sqlite-utils' table, which other tools built on it share):
every case book has it from its first migration on."""
MIGRATION_SET = "chuansha_enforce"
"""This program's rows in that table (another tool's file may hold the table with its own)."""


def is_foreign(conn: sqlite3.Connection) -> bool:
    """Another program's SQLite file: it has tables of its own but no migration of this
    program (a new file, or one holding only an empty migrations table, is a book being
    made)."""
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not names - {MIGRATIONS_TABLE}:
        return False
    if MIGRATIONS_TABLE not in names:
        return True
    try:
        ours = conn.execute(
            f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE migration_set = ? LIMIT 1", (MIGRATION_SET,)
        ).fetchone()
    except sqlite3.OperationalError:  # a table of that name but another shape
        return True
    return ours is None


def is_foreign_file(path: Path) -> bool:
    """Whether the file ``path`` is another program's SQLite file (``is_foreign``), read
    without changing it; a file that cannot be read as SQLite (damaged, not a database) is
    not known to be another program's."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return is_foreign(conn)
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def database_path(db: sqlite_utils.Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else Path(":memory:")


def fold_wal(db: sqlite_utils.Database) -> None:
    """Copy the WAL into the file and empty it (before the file is moved on its own)."""
    with storage_errors(database_path(db)):
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@contextlib.contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Reads outside a transaction: a damaged file surfaces as a typed storage error."""
    try:
        yield
    except sqlite3.Error as exc:
        raise storage_error_from(exc, path) from exc


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One whole write: ``BEGIN IMMEDIATE`` … ``COMMIT``, or nothing at all.

    Taking the write lock up front avoids the "database is locked" failures that a
    deferred read-then-write transaction meets when another connection writes.
    """
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("write_transaction does not nest")
    if isinstance(db, PgDatabase):
        seals.track(db)
        with server_write(db):
            yield db
        return
    path = database_path(db)
    if isinstance(conn, ReadOnlyConnection) and conn.refusal is not None:
        raise conn.refusal()
    try:
        seals.track(db)
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise storage_error_from(exc, path) from exc
    try:
        yield db
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        # A constraint violation is a bug (the services check rules first), not a
        # problem with the file: let it surface as itself.
        if isinstance(exc, sqlite3.Error) and not isinstance(exc, sqlite3.IntegrityError):
            raise storage_error_from(exc, path) from exc
        raise


WRITE_TRIES = 3
"""How often a write is run in all when a server refuses it as the loser of a deadlock or a
serialisation failure (``ServerConflictError``) before the refusal is said."""
RETRY_PAUSES = (0.05, 0.2)
"""Seconds waited before the second and the third run (the other writer finishes)."""


def _runs(
    run: Callable[[], T],
    again: Callable[[], bool],
    *,
    tries: int,
    pause: Callable[[float], None],
) -> T:
    """``run`` until it is not refused with ``ServerConflictError``, at most ``tries`` runs in
    all, while ``again()`` says a run again is the same write made later; then the refusal,
    marked ``final`` so that an outer operation (one that called this one outside its
    transaction) does not run it once more. Refused once ``again()`` says something of it
    committed, the refusal says so (``ServerConflictAfterCommitError``)."""
    for attempt in range(1, tries + 1):
        try:
            return run()
        except ServerConflictError as exc:
            if isinstance(exc, ServerConflictAfterCommitError):
                raise
            if not again():
                raise ServerConflictAfterCommitError(str(exc.params["path"])) from exc
            if exc.final or attempt >= tries:
                exc.final = True
                raise
            log.info("server write refused (deadlock or serialisation), run %d of %d", attempt,
                     tries)  # fmt: skip
            pause(RETRY_PAUSES[min(attempt, len(RETRY_PAUSES)) - 1])
    raise AssertionError("unreachable")  # pragma: no cover


def retried_call(
    db: sqlite_utils.Database,
    call: Callable[[], T],
    *,
    tries: int = WRITE_TRIES,
    pause: Callable[[float], None] = time.sleep,
) -> T:
    """A whole service operation ``call`` (it opens its own write transactions), run again
    when a server refused one of its transactions to break a deadlock or a serialisation
    failure **before any of its transactions committed**: the refused one was rolled back,
    so nothing of the operation is in the book and a run again is the operation made later
    (it reads again what it decides on; a version it was told it edits from still holds it,
    so an edit the other writer has since overtaken is refused as stale). Once something of
    it committed, the refusal is said (running it again would write that twice). At most
    ``tries`` runs in all. Started inside a transaction (an operation called by another's
    write) it runs once: the outer operation's transaction is the one to run again. Called
    by another operation outside a transaction (publication's steps call ``run_step``), it
    runs again by itself, from its own start; its refusal is then ``final``, so the outer
    one does not run it again (at most ``tries`` runs, not ``tries`` squared). On a file it
    runs once (``BEGIN IMMEDIATE``: no deadlock to lose)."""
    if not isinstance(db, PgDatabase) or db.pg.in_transaction:
        return call()
    committed = db.pg.commits
    return _runs(call, lambda: db.pg.commits == committed, tries=tries, pause=pause)


def storage_error_from(exc: BaseException, path: Path) -> StorageError:
    """Map an sqlite3/OS error to the typed error a user can act on."""
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return DiskFullError(path)
        if exc.errno == errno.EROFS:
            return ReadOnlyMediumError(path)
        if exc.errno in (errno.EACCES, errno.EPERM):
            return DatabaseReadOnlyError(path)
        return StorageError(path, detail=str(exc))
    text = str(exc).lower()
    if "disk i/o error" in text or "unable to open" in text:
        # SQLite does not say why; the file system does.
        medium = medium_problem(path)
        if medium == "full":
            return DiskFullError(path)
        if medium == "read_only":
            return ReadOnlyMediumError(path)
    if "file is not a database" in text:
        return NotADatabaseError(path)
    if "malformed" in text or "corrupt" in text:
        return DatabaseCorruptError(path)
    if "locked" in text or "busy" in text:
        return DatabaseLockedError(path)
    if "readonly" in text or "read-only" in text:
        return DatabaseReadOnlyError(path)
    if "disk is full" in text or "full" in text.split():
        return DiskFullError(path)
    if "unable to open" in text:
        return DatabaseNoPermissionError(path) if _refused(path) else DatabaseMissingError(path)
    return StorageError(path, detail=str(exc))


def _refused(path: Path) -> bool:
    """The OS refuses this user reading ``path`` (there, or behind a folder it may not enter)."""
    try:
        with open(path, "rb"):
            return False
    except PermissionError:
        return True
    except OSError:
        return False
