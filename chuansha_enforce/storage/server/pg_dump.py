"""pg_dump backups of a server case book, and putting one back (docs/SERVER.md).

The tools are PostgreSQL's own: ``pg_dump`` (custom format), ``pg_restore`` and ``psql``, found
on ``PATH`` or in Debian's ``/usr/lib/postgresql/*/bin`` (``ToolLookup``; tests pass their own).
``pg_dump`` must be at least as new as the server (an older one refuses to dump it).

A dump is restored by ``pg_restore`` writing the whole SQL script (to a temporary folder) and
``psql --single-transaction`` with ``ON_ERROR_STOP`` running it: the whole dump in one
transaction, or nothing. Replacing a case book
drops its schema in that same transaction, so a failed restore leaves it as it was. Owners
are not restored (the restoring login owns what it creates); the grants to the app role are,
and the role is created first when the cluster lacks it.

Passwords go to the tools in ``PGPASSWORD``, never on a command line.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from chuansha_enforce.storage.errors import ServerError, StorageError
from chuansha_enforce.storage.safety.audit_log import GENESIS_HASH
from chuansha_enforce.storage.safety.inspection import DatabaseSummary
from chuansha_enforce.storage.server.pg_database import (
    PgDatabase,
    open_server,
    server_error_from,
    shown_url,
)
from chuansha_enforce.storage.server.pg_schema import APP_ROLE, applied_on_server

TOOLS = ("pg_dump", "pg_restore", "psql")
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")
TOOL_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class ToolLookup:
    """Where to look for PostgreSQL's tools: ``path`` (a ``PATH`` string; None: this
    process's) first, then the folders ``dirs`` matches, newest version first."""

    path: str | None = None
    dirs: str = "/usr/lib/postgresql/*/bin"

    def folders(self) -> list[Path]:
        found: list[Path] = []
        on_path = shutil.which("pg_dump", path=self.path)
        if on_path is not None:
            found.append(Path(on_path).parent)

        def version(folder: str) -> int:
            digits = re.findall(r"/(\d+)/bin$", folder.rstrip("/"))
            return int(digits[0]) if digits else 0

        found += [Path(f) for f in sorted(glob.glob(self.dirs), key=version, reverse=True)]
        return found


SYSTEM_TOOLS = ToolLookup()


@dataclass(frozen=True, slots=True)
class PgTools:
    folder: Path
    major: int
    """The major version of this ``pg_dump`` (15 for 15.18)."""

    def tool(self, name: str) -> str:
        return str(self.folder / name)


def _major(program: Path) -> int | None:
    try:
        done = subprocess.run(  # a PostgreSQL tool found by the lookup
            [str(program), "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return None
    found = _VERSION.search(done.stdout)
    return int(found.group(1)) if done.returncode == 0 and found else None


def find_tools(lookup: ToolLookup, server_major: int) -> PgTools | None:
    """The first folder with all three tools whose ``pg_dump`` is not older than the server."""
    for folder in lookup.folders():
        if not all(os.access(folder / name, os.X_OK) for name in TOOLS):
            continue
        major = _major(folder / "pg_dump")
        if major is not None and major >= server_major:
            return PgTools(folder, major)
    return None


def server_major(db: PgDatabase) -> int:
    row = db.pg.raw.execute("SHOW server_version_num").fetchone()
    return int(str(row[0])) // 10000 if row else 0


def _split(url: str) -> tuple[str, dict[str, str]]:
    """A conninfo string without the password, and the environment that carries it."""
    from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415  # psycopg loads with a server

    parts = {k: str(v) for k, v in conninfo_to_dict(url).items() if v is not None}
    password = parts.pop("password", None)
    env = dict(os.environ)
    if password is not None:
        env["PGPASSWORD"] = password
    text = " ".join(f"{k}='{_quote(v)}'" for k, v in parts.items())
    return text, env


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def with_database(url: str, name: str) -> str:
    """The same server and login, another database (a conninfo string)."""
    from psycopg.conninfo import make_conninfo  # noqa: PLC0415  # psycopg loads with a server

    return make_conninfo(url, dbname=name)


def database_name(url: str) -> str:
    from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415  # psycopg loads with a server

    return str(conninfo_to_dict(url).get("dbname") or "")


def _failure(url: str, stderr: str) -> StorageError:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    detail = lines[-1] if lines else "?"
    return ServerError(shown_url(url), detail=detail)


def dump(tools: PgTools, url: str, target: Path) -> None:
    """``pg_dump -Fc`` of the case book into ``target`` (one consistent snapshot)."""
    conninfo, env = _split(url)
    _run_tool(
        [tools.tool("pg_dump"), "-Fc", "--no-owner", "-f", str(target), "-d", conninfo], url, env
    )


def restore(tools: PgTools, url: str, source: Path, *, clear: bool) -> None:
    """The dump ``source`` into the database ``url`` in one transaction (``clear``: its
    schema dropped first, in the same transaction)."""
    conninfo, env = _split(url)
    before = [
        f"DO $g$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}')"
        f" THEN CREATE ROLE {APP_ROLE} NOLOGIN; END IF; END $g$"
    ]
    if clear:
        before += ["DROP SCHEMA public CASCADE", "CREATE SCHEMA public"]
    psql = [tools.tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"]
    for statement in before:
        psql += ["-c", statement]
    try:
        with tempfile.TemporaryDirectory(prefix="chuansha-restore-") as folder:
            # the whole script first: psql must never commit what a failing pg_restore cut short
            script = Path(folder) / "restore.sql"
            _run_tool(
                [tools.tool("pg_restore"), "--no-owner", "-f", str(script), str(source)], url, env
            )
            _run_tool([*psql, "-f", str(script), "-d", conninfo], url, env)
    except OSError as exc:
        raise ServerError(shown_url(url), detail=exc.strerror or str(exc)) from exc


def _run_tool(command: list[str], url: str, env: dict[str, str]) -> None:
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=TOOL_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServerError(shown_url(url), detail=str(exc)) from exc
    if done.returncode != 0:
        raise _failure(url, done.stderr)


@contextlib.contextmanager
def scratch_database(url: str) -> Iterator[str]:
    """A fresh database on the same server for checking a dump, dropped afterwards."""
    import psycopg  # noqa: PLC0415  # loaded when a server is used

    base = re.sub(r"[^a-z0-9_]", "_", database_name(url).lower())[:30] or "db"
    name = f"{base}_check_{uuid.uuid4().hex[:10]}"
    admin = open_server(url)
    try:
        try:
            admin.pg.raw.execute(cast(Any, f'CREATE DATABASE "{name}"'))
        except psycopg.Error as exc:
            raise server_error_from(exc, url) from exc
        try:
            yield with_database(url, name)
        finally:
            with contextlib.suppress(psycopg.Error):
                admin.pg.raw.execute(cast(Any, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.close()


def summary(db: PgDatabase) -> DatabaseSummary:
    """Rows per table, the audit chain's head and length, the migrations: what a manifest
    records of the case book (read on the scratch copy a dump was restored into)."""
    raw = db.pg.raw
    names = sorted(
        str(r[0])
        for r in raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema ="
            " current_schema() AND table_type = 'BASE TABLE'"
        ).fetchall()
    )
    counts: dict[str, int] = {}
    for name in names:
        row = raw.execute(cast(Any, f'SELECT count(*) FROM "{name}"')).fetchone()
        counts[name] = int(row[0]) if row else 0
    head, records = GENESIS_HASH, counts.get("audit_log", 0)
    if "audit_log" in counts:
        row = raw.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        head = str(row[0]) if row else GENESIS_HASH
    return DatabaseSummary(counts, head, records, tuple(applied_on_server(raw)))


def may_create_databases(db: PgDatabase) -> bool:
    """Whether this login may create the scratch database a dump is checked in."""
    row = db.pg.raw.execute(
        "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return bool(row and row[0])


def server_version(db: PgDatabase) -> str:
    """``15.18`` (the server's own words, its packaging left off)."""
    row = db.pg.raw.execute("SHOW server_version").fetchone()
    return str(row[0]).split(" ")[0] if row else "?"
