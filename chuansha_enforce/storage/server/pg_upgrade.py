"""Upgrading a server case book made by an older build: the pending migrations' own SQL, said
in PostgreSQL, all in one transaction (docs/SERVER.md).

Each statement of each pending migration is translated by its kind, in the migration's order:

- ``CREATE TABLE`` as ``pg_schema`` says a table; ``ALTER TABLE … ADD COLUMN`` with the column
  said the same way (identity, ``GLOB`` checks, stored generated columns, types);
- ``CREATE INDEX``/``CREATE VIEW``, ``DROP INDEX/VIEW/TABLE`` and the data statements
  (``INSERT``/``UPDATE``/``DELETE``) through ``pg_sql.translate``;
- ``CREATE TRIGGER`` as its plpgsql function and trigger; ``DROP TRIGGER x`` drops the function
  ``trg_x`` and with it the trigger.

A statement of another kind (a table rebuilt under a new name, a ``PRAGMA``) is refused by
name before anything is written. After the statements (and the ``sqlite_master`` view made
again as this build says it) the server's tables, columns, indexes, views and triggers (the
last three as that view lists them) must be exactly those a new server at this build gets
(``pg_schema.schema_statements``) and what the program adds to a server beyond them (the seals'
tracking triggers, which the view leaves out, and the trigram indexes by name); otherwise
the transaction is rolled back and the difference named. Before that check ``after`` runs in
the transaction (``migrations._server_upgrade_extras``: the tracking triggers made again, the
trigram indexes when missing, the pending migrations' ``AFTER_SQL``).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from chuansha_enforce.storage.server.pg_schema import (
    record_and_grant,
    replace_compat_views,
    translate_table,
    trigger_statements,
)
from chuansha_enforce.storage.server.pg_search import TRIGRAM_INDEX_NAMES
from chuansha_enforce.storage.server.pg_sql import translate

if TYPE_CHECKING:
    import psycopg

_ADD_COLUMN = re.compile(
    r"^\s*ALTER\s+TABLE\s+\[?\"?(\w+)\]?\"?\s+ADD\s+(?:COLUMN\s+)?(.*)$", re.I | re.S
)
_DROP_TRIGGER = re.compile(r"^\s*DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?\[?\"?(\w+)\]?\"?\s*$", re.I)
_PLAIN = re.compile(
    r"^\s*(CREATE\s+(UNIQUE\s+)?INDEX|CREATE\s+VIEW|DROP\s+(INDEX|VIEW|TABLE)|INSERT|UPDATE|DELETE)\b",
    re.I,
)


class UpgradeRefused(Exception):
    """A migration statement with no PostgreSQL translation here, or a result that differs
    from a new server's schema (then nothing was written)."""

    def __init__(self, migration: str, detail: str) -> None:
        super().__init__(f"{migration}: {detail}")
        self.migration = migration
        self.detail = detail


def statement_for_server(statement: str, migration: str) -> list[str]:
    """One migration statement said in PostgreSQL (see the module)."""
    text = statement.strip().rstrip(";").strip()
    head = text[:40].upper()
    if head.startswith("CREATE TABLE"):
        return [translate_table(text)]
    if head.startswith("CREATE TRIGGER"):
        return trigger_statements(text)
    added = _ADD_COLUMN.match(text)
    if added is not None:
        table, column = added.groups()
        made = translate_table(f"CREATE TABLE {table} (\n{column.strip()}\n)")
        body = made[made.index("(") + 1 : made.rindex(")")].strip()
        return [f'ALTER TABLE "{table}" ADD COLUMN {body}']
    dropped = _DROP_TRIGGER.match(text)
    if dropped is not None:
        return [f"DROP FUNCTION IF EXISTS trg_{dropped.group(1)}() CASCADE"]
    if _PLAIN.match(text):
        return [translate(text, placeholders=False)]
    raise UpgradeRefused(migration, f"no server form for: {' '.join(text.split())[:80]}")


def upgrade_statements(pending: tuple[tuple[str, str], ...]) -> list[str]:
    """Every pending migration's statements in PostgreSQL, in order (refused before any runs)."""
    from chuansha_enforce.storage.migrations import split_statements  # noqa: PLC0415

    out: list[str] = []
    for name, script in pending:
        for statement in split_statements(script):
            out += statement_for_server(statement, name)
    return out


def expected_shape(migrations: tuple[tuple[str, str], ...]) -> dict[str, Any]:
    """What a new server at ``migrations`` has: columns per table, and the index, view and
    trigger names (read from the migrations applied to an in-memory SQLite)."""
    from chuansha_enforce.storage.migrations import split_statements  # noqa: PLC0415

    lite = sqlite3.connect(":memory:")
    try:
        for _name, script in migrations:
            for statement in split_statements(script):
                lite.execute(statement)
        rows = lite.execute("SELECT type, name FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
        tables = {
            str(name): [str(r[1]) for r in lite.execute(f"PRAGMA table_xinfo([{name}])")]
            for kind, name in rows
            if kind == "table" and not str(name).startswith("sqlite_")
        }
    finally:
        lite.close()
    return {
        "tables": tables,
        "index": sorted(str(n) for k, n in rows if k == "index"),
        "view": sorted(str(n) for k, n in rows if k == "view"),
        "trigger": sorted(str(n) for k, n in rows if k == "trigger"),
    }


def server_shape(conn: psycopg.Connection[Any]) -> dict[str, Any]:
    """The same of a server database, its indexes, views and triggers as its ``sqlite_master``
    view lists them (its own bookkeeping and the program's server extras left out: the seals'
    tracking triggers, as that view leaves them out, and the trigram indexes by name)."""
    tables: dict[str, list[str]] = {}
    for table, column in conn.execute(
        "SELECT table_name, column_name FROM information_schema.columns c"
        " JOIN information_schema.tables t USING (table_schema, table_name)"
        " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        " AND table_name <> '_sqlite_migrations' ORDER BY table_name, ordinal_position"
    ).fetchall():
        tables.setdefault(str(table), []).append(str(column))
    shape: dict[str, Any] = {"tables": tables, "index": [], "view": [], "trigger": []}
    # an index behind a key or UNIQUE constraint has no text there (SQLite's autoindexes)
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger')"
        " OR (type = 'index' AND sql IS NOT NULL)"
    ).fetchall():
        shape[str(kind)].append(str(name))
    for kind in ("index", "view", "trigger"):
        shape[kind] = sorted(shape[kind])
    shape["index"] = [n for n in shape["index"] if n not in TRIGRAM_INDEX_NAMES]
    return shape


def _difference(expected: dict[str, Any], found: dict[str, Any]) -> str | None:
    for kind in ("index", "view", "trigger"):
        missing = sorted(set(expected[kind]) - set(found[kind]))
        extra = sorted(set(found[kind]) - set(expected[kind]))
        if missing or extra:
            return f"{kind}: missing {missing}, not expected {extra}"
    for table in sorted(set(expected["tables"]) | set(found["tables"])):
        want, have = expected["tables"].get(table), found["tables"].get(table)
        if want != have:
            return f"table {table}: columns {have} where a new server has {want}"
    return None


def upgrade_schema(
    conn: psycopg.Connection[Any],
    applied: list[str],
    migrations: tuple[tuple[str, str], ...],
    after: Callable[[list[str]], None] | None = None,
) -> list[str]:
    """Apply the migrations ``applied`` lacks, in one transaction; return their names.
    ``after`` (given the pending names) runs in the transaction before the shape check."""
    pending = tuple((name, sql) for name, sql in migrations if name not in applied)
    if not pending:
        return []
    statements = upgrade_statements(pending)  # refused here: nothing written yet
    names = [name for name, _sql in pending]
    conn.execute("BEGIN")
    try:
        for statement in statements:
            conn.execute(cast(Any, statement))
        replace_compat_views(conn)  # the shape below is read from ``sqlite_master``
        record_and_grant(conn, names)  # the pending migrations' AFTER_SQL after the grants
        if after is not None:
            after(names)
        different = _difference(expected_shape(migrations), server_shape(conn))
        if different is not None:
            raise UpgradeRefused(pending[-1][0], different)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return names
