"""Copying a case-book file into an empty server database (``migrate-to``).

Everything happens in the caller's one open transaction on the server: the schema (the
same statements ``init`` runs), then every table's rows with ``COPY … FROM STDIN`` in an
order where each referenced table comes first, then the identity sequences set past the
file's highest ids (and past SQLite's ``sqlite_sequence``, which never reuses an id).

The triggers that keep derived rows (the search dictionaries, the per-year summary) and
the append-only guards are switched off table by table while the rows go in
(``ALTER TABLE … DISABLE TRIGGER USER``: the tables were made in this transaction, so their
owner may), and the derived rows are copied as the file keeps them; the triggers are switched
on again before the transaction ends. The indexes (not the primary keys) and the foreign keys
are made after the rows are in, as pg_restore does: each checks every row in one pass. The
checks stay on: the server checks every copied row. The seed rows ``init`` writes are
replaced by the file's own.

Only ``migrate-to`` imports this module (psycopg is loaded here, never at a file's start).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import psycopg

from chuansha_enforce.storage.errors import ServerError
from chuansha_enforce.storage.server.pg_database import PgDatabase, server_write, shown_url
from chuansha_enforce.storage.server.pg_schema import schema_in_transaction

if TYPE_CHECKING:
    import sqlite3

MIGRATIONS_TABLE = "_sqlite_migrations"
"""The server keeps its own record of the migrations (written by the schema), not the file's."""
PROGRESS_EVERY = 100_000

Progress = Callable[[str, int, int], None]
"""(table, rows copied so far, rows in the table)."""


@dataclass(frozen=True, slots=True)
class CopiedTable:
    name: str
    rows: int


class SchemaDifference(Exception):
    """The file's tables or columns are not the server schema's (a file of another build)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@contextlib.contextmanager
def copy_errors(url: str) -> Iterator[None]:
    """Any refusal of the server while copying (a row its checks refuse included) as a
    ``ServerError`` naming the server: the caller rolls everything back."""
    try:
        yield
    except psycopg.Error as exc:
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise ServerError(shown_url(url), detail=detail) from exc


@contextlib.contextmanager
def copy_transaction(db: PgDatabase) -> Iterator[None]:
    """The copy's one transaction on the server: ``BEGIN`` … ``COMMIT``, or a ``ROLLBACK`` of
    everything (the schema too) and a ``ServerError`` for any refusal of the server."""
    with copy_errors(db.url), server_write(db):
        yield


def _server_tables(conn: psycopg.Connection[Any]) -> list[str]:
    """The server's tables, each after the tables it references."""
    names = [
        str(r[0])
        for r in conn.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname"
        )
    ]
    refs: dict[str, set[str]] = {name: set() for name in names}
    for child, parent in conn.execute(
        "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
        " JOIN pg_namespace n ON n.oid = c.connamespace"
        " WHERE c.contype = 'f' AND n.nspname = current_schema()"
    ):
        name, referenced = str(child).strip('"'), str(parent).strip('"')
        if name != referenced and name in refs:
            refs[name].add(referenced)
    done: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in done or name in path:
            return
        for parent in sorted(refs.get(name, ())):
            visit(parent, (*path, name))
        done.append(name)

    for name in names:
        visit(name, ())
    return [name for name in done if name != MIGRATIONS_TABLE]


def _server_columns(conn: psycopg.Connection[Any], table: str) -> list[str]:
    """The columns a row is written with (not the generated ones: the server computes them)."""
    return [
        str(r[0])
        for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            " current_schema() AND table_name = %s AND is_generated = 'NEVER'"
            " ORDER BY ordinal_position",
            (table,),
        )
    ]


def _file_tables(lite: sqlite3.Connection) -> set[str]:
    return {
        str(r[0])
        for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(r[0]).startswith("sqlite_") and r[0] != MIGRATIONS_TABLE
    }


def _file_columns(lite: sqlite3.Connection, table: str) -> set[str]:
    # table_xinfo's last column: 0 a stored column, 1 hidden, 2/3 generated
    return {str(r[1]) for r in lite.execute(f"PRAGMA table_xinfo([{table}])") if r[6] == 0}


def _last_ids(lite: sqlite3.Connection) -> dict[str, int]:
    """SQLite's AUTOINCREMENT high-water marks: an id once issued is never issued again."""
    if lite.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone():
        return {str(n): int(s) for n, s in lite.execute("SELECT name, seq FROM sqlite_sequence")}
    return {}


def _check_same_tables(lite: sqlite3.Connection, tables: list[str]) -> None:
    extra = sorted(_file_tables(lite) - set(tables))
    missing = sorted(set(tables) - _file_tables(lite))
    if extra or missing:
        raise SchemaDifference("、".join(extra + missing))


def _copy_table(
    lite: sqlite3.Connection,
    conn: psycopg.Connection[Any],
    table: str,
    progress: Progress,
) -> int:
    columns = _server_columns(conn, table)
    in_file = _file_columns(lite, table)
    if set(columns) != in_file:
        raise SchemaDifference(f"{table}（{'、'.join(sorted(set(columns) ^ in_file))}）")
    total = int(lite.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])
    progress(table, 0, total)
    if not total:
        return 0
    quoted = ", ".join(f'"{c}"' for c in columns)
    rows = lite.execute(f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}]")
    done = 0
    with conn.cursor() as cur, cur.copy(cast(Any, f'COPY "{table}" ({quoted}) FROM STDIN')) as out:
        for row in rows:
            out.write_row(row)
            done += 1
            if done % PROGRESS_EVERY == 0 and done < total:
                progress(table, done, total)
    progress(table, done, total)
    return done


def _set_identities(
    lite: sqlite3.Connection, conn: psycopg.Connection[Any], tables: list[str]
) -> None:
    """Each identity column's sequence continues after the file's highest id."""
    last_ids = _last_ids(lite)
    for table, column in conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema ="
        " current_schema() AND is_identity = 'YES'"
    ).fetchall():
        if table not in tables:
            continue
        found = conn.execute(cast(Any, f'SELECT max("{column}") FROM "{table}"')).fetchone()
        high = max(int(found[0]) if found and found[0] is not None else 0, last_ids.get(table, 0))
        conn.execute(
            "SELECT setval(pg_get_serial_sequence(%s, %s), %s, %s)",
            (f'"{table}"', column, max(high, 1), high > 0),
        )


def _foreign_keys_off(conn: psycopg.Connection[Any]) -> list[str]:
    """Drop every foreign key, returning the statements that add each back as it was."""
    keys = conn.execute(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)"
        " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
        " WHERE c.contype = 'f' AND n.nspname = current_schema() ORDER BY c.oid"
    ).fetchall()
    for table, name, _definition in keys:
        conn.execute(cast(Any, f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
    return [f'ALTER TABLE {t} ADD CONSTRAINT "{n}" {d}' for t, n, d in keys]


def copy_file_into(
    lite: sqlite3.Connection,
    conn: psycopg.Connection[Any],
    migrations: tuple[tuple[str, str], ...],
    progress: Progress,
    after: Callable[[], None] | None = None,
) -> list[CopiedTable]:
    """Make the schema and copy every row of the file ``lite`` into the server, inside the
    caller's open transaction on ``conn`` (the caller commits, or rolls everything back);
    ``after`` adds what ``init`` makes beyond the schema, once the rows are in and the
    triggers on again (so a new trigger or index is made once, over all the rows)."""
    indexes: list[str] = []  # made after the rows are in: one sort each, not 800,000 inserts
    schema_in_transaction(conn, migrations, indexes_later=indexes)
    tables = _server_tables(conn)
    _check_same_tables(lite, tables)
    for table in tables:
        conn.execute(cast(Any, f'ALTER TABLE "{table}" DISABLE TRIGGER USER'))
    for table in reversed(tables):  # the seed rows make way for the file's own
        conn.execute(cast(Any, f'DELETE FROM "{table}"'))
    foreign_keys = _foreign_keys_off(conn)
    copied = [CopiedTable(table, _copy_table(lite, conn, table, progress)) for table in tables]
    # indexes and foreign keys made after the rows are in (as pg_restore does): each checks
    # every row in one pass; a duplicate or a dangling reference still rolls everything back
    for statement in indexes + foreign_keys:
        conn.execute(cast(Any, statement))
    _set_identities(lite, conn, tables)
    for table in tables:
        conn.execute(cast(Any, f'ALTER TABLE "{table}" ENABLE TRIGGER USER'))
        conn.execute(cast(Any, f'ANALYZE "{table}"'))  # the planner's figures, before first use
    if after is not None:
        after()
    return copied


def settle(conn: psycopg.Connection[Any]) -> None:
    """After the commit: ``VACUUM`` the copied tables (outside any transaction), so the
    visibility map is set and the first reads use index-only scans, as on a file."""
    conn.execute("VACUUM")
