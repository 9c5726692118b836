"""Seals: what every business and account row held when the program last wrote it.

``verify`` recomputes each seal from the current rows and names every row whose content,
existence or absence differs, and checks that the seals are the ones the audit chain vouches
for (an attacker who rewrites a row and its seal still fails the chain's seal sum).

- **Row seals** (``row_seals``): a row written by an ordinary write. The program's own
  connection tracks the rows a write touches with TEMP triggers (they live in the connection,
  never in the file, so dropping the file's triggers changes nothing); ``AuditLog.append``
  seals them inside the same transaction. A row seal is a 128-bit hash of the row's non-NULL
  columns plus a one-byte tag per column, so ``verify`` can name the columns that differ (the
  tags only localise a change: the hash is what proves it).
- **Block seals** (``block_seals``): bulk loads (ledger import, ``demo``) and the migration
  that brought seals in seal rows by blocks of 256 keys, serialised by SQLite itself
  (``json_array``) and hashed once per block, so a million-row load costs one hash per
  256 rows, not one Python call per row. A block is named by its key range.
- **Seal sum**: the sum (mod 2**256) of a hash of every seal; each audit record carries the
  sum after its write (``audit_log.seals``, inside the chained hash).

A migration that adds a column to a sealed table must call ``reseal_blocks`` for it.

On a server (PostgreSQL) the same seals are kept with the same digests: the rows a write
touches are listed by tracking triggers that ``init`` creates on every sealed table
(statement-level, reading the statement's transition tables), which add to the session's own
``pg_temp.seal_pending`` only when the program's session has switched tracking on (a psql
session writes nothing there, so its changes are never sealed); a block's text is built by
the server with the text SQLite's ``json_array`` gives and hashed there (``sha256``), one
query per table. A table that has a rowid in SQLite but no integer key (``settings``,
``issued_numbers`` …) is keyed by its primary key on a server and sealed row by row.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import sqlite_utils

BLOCK_SHIFT = 8
"""A block holds the keys ``n << 8`` to ``(n << 8) + 255``."""
MODULUS = 2**256
UNSEALED = {"audit_log", "row_seals", "block_seals", "_sqlite_migrations", "year_summary"}
"""Tables that are the record itself, or derived (the search index is rebuilt from data)."""


@dataclass(frozen=True, slots=True)
class TableShape:
    name: str
    columns: tuple[str, ...]
    blobs: frozenset[str]
    pk: tuple[str, ...]
    """The primary key columns of a WITHOUT ROWID table; empty for rowid tables (on a
    server: always the primary key)."""
    server: bool = False
    texts: frozenset[str] = frozenset()
    """On a server: the text columns (a text key sorts bytewise, as SQLite's BINARY)."""

    @property
    def blocked(self) -> bool:
        """Whether its rows can be sealed by blocks (an integer first key column)."""
        return not self.server or self.pk[0] not in self.texts

    def key_sql(self, prefix: str = "") -> str:
        if self.server:
            return _server_key_sql(self, prefix)
        if not self.pk:
            return f"CAST({prefix}rowid AS TEXT)"
        if len(self.pk) == 1:
            return f"CAST({prefix}[{self.pk[0]}] AS TEXT)"
        return "json_array(" + ", ".join(f"{prefix}[{c}]" for c in self.pk) + ")"

    def block_of_sql(self, prefix: str = "") -> str:
        if not self.blocked:
            return "NULL"
        first = f"{prefix}[{self.pk[0]}]" if self.pk else f"{prefix}rowid"
        return f"({first} >> {BLOCK_SHIFT})"

    @property
    def block_sql(self) -> str:
        return self.block_of_sql()

    def server_order_sql(self, prefix: str = "") -> str:
        """On a server: the key columns in SQLite's order (text keys bytewise, ``COLLATE "C"``
        as SQLite's BINARY)."""
        return ", ".join(
            _quoted(prefix, c) + (' COLLATE "C"' if c in self.texts else "") for c in self.pk
        )

    @property
    def row_json_sql(self) -> str:
        if self.server:
            return _server_row_json_sql(self)
        parts = [f"hex([{c}])" if c in self.blobs else f"[{c}]" for c in self.columns]
        return "json_array(" + ", ".join(parts) + ")"


def _quoted(prefix: str, column: str) -> str:
    return f'{prefix}"{column}"'


def _json_text(sql: str) -> str:
    """A value as SQLite's ``json_array`` writes it (NULL as ``null``)."""
    return f"coalesce(CAST(to_json({sql}) AS TEXT), 'null')"


def _server_key_sql(shape: TableShape, prefix: str) -> str:
    """The seal key on a server: the key's text, or SQLite's ``json_array`` text of it."""
    if len(shape.pk) == 1:
        return f"CAST({_quoted(prefix, shape.pk[0])} AS TEXT)"
    parts = ", ".join(_json_text(_quoted(prefix, c)) for c in shape.pk)
    return f"'[' || concat_ws(',', {parts}) || ']'"


def _server_row_json_sql(shape: TableShape) -> str:
    """The row as SQLite's ``json_array(...)`` of ``row_json_sql`` writes it, on a server
    (SQLite's ``hex(NULL)`` is the empty text)."""
    parts = [
        f"CAST(to_json(coalesce(hex({_quoted('', c)}), '')) AS TEXT)"
        if c in shape.blobs
        else _json_text(_quoted("", c))
        for c in shape.columns
    ]
    return "'[' || concat_ws(',', " + ", ".join(parts) + ") || ']'"


def _is_server(conn: object) -> bool:
    return getattr(conn, "dialect", "sqlite") == "postgresql"


def _sealed(name: str) -> bool:
    return not (name in UNSEALED or name.startswith(("sqlite_", "search_")))


is_sealed_table = _sealed  # (the server's check of its tracking triggers: pg_seal_tracking)


def shapes(conn: sqlite3.Connection) -> list[TableShape]:
    """Every sealed table as it is now (virtual tables and their shadows left out)."""
    if _is_server(conn):
        return _server_shapes(conn)
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [n for n, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    found = []
    for name, sql in sorted(rows):
        if not _sealed(name) or name in virtual or any(name.startswith(v + "_") for v in virtual):
            continue
        info = conn.execute(f"PRAGMA table_info([{name}])").fetchall()
        columns = tuple(str(r[1]) for r in info)
        blobs = frozenset(str(r[1]) for r in info if str(r[2]).upper() == "BLOB")
        without_rowid = "WITHOUT ROWID" in str(sql).upper()
        pk = (
            tuple(str(r[1]) for r in sorted(info, key=lambda r: r[5]) if r[5])
            if without_rowid
            else ()
        )
        found.append(TableShape(str(name), columns, blobs, pk))
    return found


def _server_shapes(conn: sqlite3.Connection) -> list[TableShape]:
    """The sealed tables of a server case book, from its catalogue: the columns SQLite's
    ``table_info`` lists (generated ones left out), in their order, and the primary key."""
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in conn.execute(
        "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c"
        " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
        " AND t.table_name = c.table_name"
        " WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'"
        " AND c.is_generated = 'NEVER' ORDER BY c.table_name, c.ordinal_position"
    ):
        columns.setdefault(str(table), []).append((str(column), str(kind)))
    keys: dict[str, list[str]] = {}
    for table, column in conn.execute(
        "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c"
        " JOIN information_schema.key_column_usage k ON k.constraint_schema ="
        " c.constraint_schema AND k.constraint_name = c.constraint_name"
        " WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()"
        " ORDER BY k.table_name, k.ordinal_position"
    ):
        keys.setdefault(str(table), []).append(str(column))
    return [
        TableShape(
            name,
            tuple(c for c, _k in cols),
            frozenset(c for c, k in cols if k == "bytea"),
            tuple(keys[name]),
            server=True,
            texts=frozenset(c for c, k in cols if k == "text"),
        )
        for name, cols in sorted(columns.items())
        if _sealed(name) and keys.get(name)
    ]


# -- digests -----------------------------------------------------------------------------
def _h(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def _plain(value: object) -> object:
    return {"hex": value.hex()} if isinstance(value, bytes) else value


def row_digest(columns: Sequence[str], values: Sequence[object]) -> str:
    """``<128-bit hash> <column>=<tag>,...`` over the non-NULL columns."""
    present = [(c, _plain(v)) for c, v in zip(columns, values, strict=True) if v is not None]
    whole = json.dumps(present, ensure_ascii=False, separators=(",", ":"))
    tags = ",".join(
        f"{c}={_h(c + chr(0) + json.dumps(v, ensure_ascii=False)).hex()[:2]}" for c, v in present
    )
    return f"{_h(whole).hex()[:32]} {tags}"


def differing_columns(stored: str, current: str) -> list[str]:
    """The columns whose tags differ (or that appear in only one of the two)."""

    def tags(digest: str) -> dict[str, str]:
        part = digest.partition(" ")[2]
        return dict(item.split("=", 1) for item in part.split(",") if "=" in item)

    old, new = tags(stored), tags(current)
    return sorted(c for c in old.keys() | new.keys() if old.get(c) != new.get(c))


def _row_term(table: str, key: str, digest: str) -> int:
    return int.from_bytes(_h(f"row\0{table}\0{key}\0{digest}"), "big")


def _block_term(table: str, block: int, digest: str) -> int:
    return int.from_bytes(_h(f"block\0{table}\0{block}\0{digest}"), "big")


def seal_sum(conn: sqlite3.Connection) -> int:
    """The sum over every stored seal, recomputed from the seal tables."""
    total = 0
    for t, k, d in conn.execute("SELECT tbl, key, digest FROM row_seals"):
        total += _row_term(t, k, d)
    for t, b, d in conn.execute("SELECT tbl, block, digest FROM block_seals"):
        total += _block_term(t, int(b), d)
    return total % MODULUS


def current_blocks(
    conn: sqlite3.Connection,
    shape: TableShape,
    *,
    from_block: int | None = None,
    only: int | None = None,
) -> Iterator[tuple[int, str]]:
    """(block, digest) of the rows now in the table, computed by SQLite block by block.

    One query per block over a key range (the rowid or primary key), so SQLite reads the
    rows in key order without sorting, and one block costs one range read."""
    if shape.server:
        yield from _server_blocks(conn, shape, from_block=from_block, only=only)
        return
    first = f"[{shape.pk[0]}]" if shape.pk else "rowid"
    # Two subqueries: SQLite answers a lone min() or max() from one end of the key's b-tree,
    # but both in one SELECT read the whole table.
    table = f"[{shape.name}]"
    low, high = conn.execute(
        f"SELECT (SELECT min({first}) FROM {table}), (SELECT max({first}) FROM {table})"
    ).fetchone()
    if low is None:
        return
    blocks = range(int(low) >> BLOCK_SHIFT, (int(high) >> BLOCK_SHIFT) + 1)
    if only is not None:
        blocks = range(only, only + 1)
    elif from_block is not None:
        blocks = range(max(from_block, blocks.start), blocks.stop)
    # The block's text arrives as its UTF-8 bytes (the file's encoding): hashed as they are,
    # not decoded into a str and encoded back (a fifth of the sealing of a big load).
    utf8 = str(conn.execute("PRAGMA encoding").fetchone()[0]) == "UTF-8"
    concat = f"group_concat({shape.row_json_sql}, char(10))"
    sql = (
        f"SELECT {f'CAST({concat} AS BLOB)' if utf8 else concat} FROM {table}"
        f" WHERE {first} BETWEEN ? AND ?"
    )
    for block in blocks:
        text = conn.execute(sql, (block << BLOCK_SHIFT, ((block + 1) << BLOCK_SHIFT) - 1))
        found = text.fetchone()[0]
        if found is not None:
            data = found if isinstance(found, bytes) else str(found).encode("utf-8")
            yield block, hashlib.sha256(data).hexdigest()


def _server_blocks(
    conn: sqlite3.Connection,
    shape: TableShape,
    *,
    from_block: int | None = None,
    only: int | None = None,
) -> Iterator[tuple[int, str]]:
    """``current_blocks`` on a server: one query for the table, each block's text (the same
    text SQLite makes, in key order, text keys bytewise) hashed by the server."""
    if not shape.blocked:
        return
    first = _quoted("", shape.pk[0])
    order = shape.server_order_sql()
    where, params = "", []
    if only is not None:
        where, params = (
            f" WHERE {first} BETWEEN ? AND ?",
            [
                only << BLOCK_SHIFT,
                ((only + 1) << BLOCK_SHIFT) - 1,
            ],
        )
    elif from_block is not None:
        where, params = f" WHERE {first} >= ?", [from_block << BLOCK_SHIFT]
    rows = conn.execute(
        f"SELECT ({first} >> {BLOCK_SHIFT}) AS b, encode(sha256(convert_to("
        f"string_agg({shape.row_json_sql}, chr(10) ORDER BY {order}), 'UTF8')), 'hex')"
        f' FROM "{shape.name}"{where} GROUP BY b ORDER BY b',
        params,
    )
    for block, digest in rows:
        yield int(block), str(digest)


# -- tracking on the program's own connection ---------------------------------------------
@dataclass(slots=True)
class _State:
    installed: frozenset[str] = frozenset()
    bulk: dict[str, int] = field(default_factory=dict)
    schema: int | None = None
    shapes: dict[str, TableShape] = field(default_factory=dict)
    ready: bool = False
    """Whether the file has the seal tables (migration 0012 applied)."""


def _shapes_by_name(conn: sqlite3.Connection, state: _State) -> dict[str, TableShape]:
    """The sealed tables, read again only when the schema changed (``schema_version``)."""
    if _is_server(conn):  # its sealed tables' shapes do not change while it is open
        if state.schema is None:
            state.ready = "row_seals" in _main_tables(conn)
            state.shapes = {s.name: s for s in shapes(conn)} if state.ready else {}
            state.schema = 0
        return state.shapes
    version = int(conn.execute("PRAGMA main.schema_version").fetchone()[0])
    if version != state.schema:
        state.shapes = {s.name: s for s in shapes(conn)}
        state.ready = "row_seals" in _main_tables(conn)
        state.schema = version
    return state.shapes


_STATES: dict[int, tuple[sqlite3.Connection, _State]] = {}


def _state(conn: sqlite3.Connection) -> _State:
    found = _STATES.get(id(conn))
    if found is None or found[0] is not conn:
        found = (conn, _State())
        _STATES[id(conn)] = found
    return found[1]


def _trigger_sql(shape: TableShape) -> list[str]:
    name, t = shape.name, shape.name.replace("'", "''")
    # Not OR IGNORE: an outer UPSERT's conflict policy would override it inside the trigger
    # (SQLite), so a row touched twice in one transaction would abort the write.
    add = (
        "INSERT INTO seal_pending SELECT '{t}', {key} WHERE NOT EXISTS"
        " (SELECT 1 FROM seal_pending WHERE tbl = '{t}' AND key = {key});"
    )
    new, old = (
        add.format(t=t, key=shape.key_sql("NEW.")),
        add.format(t=t, key=shape.key_sql("OLD.")),
    )
    return [
        f"CREATE TEMP TRIGGER IF NOT EXISTS [seal_{name}_i] AFTER INSERT ON main.[{name}]"
        f" BEGIN {new} END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS [seal_{name}_u] AFTER UPDATE ON main.[{name}]"
        f" BEGIN {old} {new} END",
        f"CREATE TEMP TRIGGER IF NOT EXISTS [seal_{name}_d] AFTER DELETE ON main.[{name}]"
        f" BEGIN {old} END",
    ]


def _drop_triggers(conn: sqlite3.Connection, name: str) -> None:
    for suffix in ("i", "u", "d"):
        conn.execute(f"DROP TRIGGER IF EXISTS temp.[seal_{name}_{suffix}]")


def track(db: sqlite_utils.Database) -> None:
    """Start (or refresh) tracking the rows writes touch; called as a write begins."""
    _track(db.conn)


def _track(conn: sqlite3.Connection) -> None:
    state = _state(conn)
    bulk_off = bool(state.bulk)  # on a server: the bulk tables' tracking was switched off
    state.bulk.clear()
    tables = _shapes_by_name(conn, state)
    if not state.ready:
        return
    if _is_server(conn):
        _server_track(conn, state, tables, bulk_off=bulk_off)
        return
    missing = [shape for name, shape in tables.items() if name not in state.installed]
    if not missing:
        return
    own = not conn.in_transaction  # one transaction for all the TEMP DDL, not one each
    try:
        if own:
            conn.execute("BEGIN")
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS seal_pending"
            " (tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key)) WITHOUT ROWID"
        )
        for shape in missing:
            for sql in _trigger_sql(shape):
                conn.execute(sql)
        if own:
            conn.execute("COMMIT")
    except sqlite3.OperationalError:  # a read-only connection: it writes nothing to track
        if own and conn.in_transaction:
            conn.execute("ROLLBACK")
        return
    state.installed = frozenset(tables)


TRACKING = "chuansha_enforce.seal_tracking"
UNTRACKED = "chuansha_enforce.seal_untracked"
"""The session settings the server's tracking triggers read: tracking on (the program's own
session), and the tables a bulk load seals by blocks instead (for the transaction)."""
PENDING_SQL = (
    "CREATE TEMP TABLE IF NOT EXISTS seal_pending"
    " (tbl TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (tbl, key))"
)


def _server_track(
    conn: sqlite3.Connection, state: _State, tables: dict[str, TableShape], *, bulk_off: bool
) -> None:
    """The session's list of touched rows, and tracking switched on for this session (and
    on again for the tables a bulk load took off, ``bulk_off``)."""
    if bulk_off:
        conn.execute(f"SELECT set_config('{UNTRACKED}', '', true)")
    if state.installed or getattr(conn, "read_only", False):
        return  # a session that only reads (nobody logged in) writes nothing to track
    conn.execute(PENDING_SQL)
    conn.execute(f"SELECT set_config('{TRACKING}', 'on', false)")
    state.installed = frozenset(tables)


def server_tracking_sql(db: sqlite_utils.Database) -> list[str]:
    """The server's tracking function and triggers (three a sealed table), made by ``init``.

    Statement-level: one insert of a statement's keys from its transition tables, and only in
    a session that switched tracking on, so a psql session's change is never sealed. Said
    ``CREATE OR REPLACE``, so a server upgrade makes them again for every sealed table."""
    statements = [
        "CREATE OR REPLACE FUNCTION seal_track() RETURNS trigger LANGUAGE plpgsql AS $f$\n"
        f"BEGIN\n  IF current_setting('{TRACKING}', true) = 'on' AND position("
        f"',' || TG_TABLE_NAME || ',' IN coalesce(current_setting('{UNTRACKED}', true), ''))"
        " = 0 THEN\n"
        "    IF TG_OP <> 'INSERT' THEN\n"
        "      EXECUTE format('INSERT INTO pg_temp.seal_pending SELECT %L, %s FROM seal_old"
        " ON CONFLICT DO NOTHING', TG_TABLE_NAME, TG_ARGV[0]);\n"
        "    END IF;\n"
        "    IF TG_OP <> 'DELETE' THEN\n"
        "      EXECUTE format('INSERT INTO pg_temp.seal_pending SELECT %L, %s FROM seal_new"
        " ON CONFLICT DO NOTHING', TG_TABLE_NAME, TG_ARGV[0]);\n"
        "    END IF;\n  END IF;\n  RETURN NULL;\nEND\n$f$"
    ]
    events = (
        ("i", "INSERT", "NEW TABLE AS seal_new"),
        ("u", "UPDATE", "OLD TABLE AS seal_old NEW TABLE AS seal_new"),
        ("d", "DELETE", "OLD TABLE AS seal_old"),
    )
    for shape in shapes(db.conn):
        key = shape.key_sql().replace("'", "''")
        statements += [
            f'CREATE OR REPLACE TRIGGER "seal_{shape.name}_{suffix}"'
            f' AFTER {event} ON "{shape.name}"'
            f" REFERENCING {tables} FOR EACH STATEMENT EXECUTE FUNCTION seal_track('{key}')"
            for suffix, event, tables in events
        ]
    return statements


def _main_tables(conn: sqlite3.Connection) -> set[str]:
    return {
        str(r[0]) for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type='table'")
    }


def bulk_begin(db: sqlite_utils.Database, tables: Iterable[str]) -> None:
    """A bulk load follows: stop tracking these tables row by row; the next ``seal_pending``
    seals every block from the one holding the current largest key on."""
    conn = db.conn
    state = _state(conn)
    by_name = _shapes_by_name(conn, state)
    if not state.ready:
        return
    for name in tables:
        shape = by_name.get(name)
        if shape is None or name in state.bulk:
            continue
        first = shape.pk[0] if shape.pk else "rowid"
        top = conn.execute(f"SELECT max([{first}]) FROM [{name}]").fetchone()[0]
        state.bulk[name] = 0 if top is None else int(top) >> BLOCK_SHIFT
        if not shape.server:
            _drop_triggers(conn, name)
    if _is_server(conn):
        listed = "," + ",".join(sorted(state.bulk)) + ","
        conn.execute(f"SELECT set_config('{UNTRACKED}', ?, true)", [listed])
        return
    state.installed = state.installed - frozenset(state.bulk)


def seal_pending(conn: sqlite3.Connection, previous_sum: str | None) -> str | None:
    """Seal what this connection wrote since the last seal; return the new seal sum (hex),
    or None when the file has no seal tables yet. Runs inside the caller's transaction."""
    state = _state(conn)
    by_name = _shapes_by_name(conn, state)
    if not state.ready:
        return None
    total = int(previous_sum, 16) if previous_sum else seal_sum(conn)
    touched_blocks: set[tuple[str, int]] = set()
    pending = _pending(conn, state)
    for table, key in pending:
        shape = by_name.get(table)
        if shape is None:
            continue
        total = _seal_row(conn, shape, str(key), total)
        block = _block_of(conn, shape, str(key))
        if block is not None:
            touched_blocks.add((table, block))
    if pending:
        conn.execute(f"DELETE FROM {_PENDING_TABLE[_is_server(conn)]}")
    for table, block in sorted(touched_blocks):
        if conn.execute(
            "SELECT 1 FROM block_seals WHERE tbl = ? AND block = ?", (table, block)
        ).fetchone():
            total = _reseal_blocks(conn, by_name[table], total, only=block)
    for table, from_block in sorted(state.bulk.items()):
        total = _reseal_blocks(conn, by_name[table], total, from_block=from_block)
    if state.bulk:
        _track(conn)  # the bulk tables' triggers again (``_track`` clears ``bulk``)
    return f"{total % MODULUS:064x}"


_PENDING_TABLE = {False: "temp.seal_pending", True: "pg_temp.seal_pending"}


def _pending(conn: sqlite3.Connection, state: _State) -> list[tuple[str, str]]:
    """The rows this connection's tracking listed since the last seal."""
    if _is_server(conn):
        if not state.installed:
            return []
    elif "seal_pending" not in {
        str(r[0]) for r in conn.execute("SELECT name FROM temp.sqlite_master")
    }:
        return []
    table = _PENDING_TABLE[_is_server(conn)]
    return [(str(t), str(k)) for t, k in conn.execute(f"SELECT tbl, key FROM {table}")]


def _block_of(conn: sqlite3.Connection, shape: TableShape, key: str) -> int | None:
    first = json.loads(key)[0] if len(shape.pk) > 1 else key
    try:
        return int(str(first)) >> BLOCK_SHIFT
    except ValueError:
        return None


def _row_by_key(conn: sqlite3.Connection, shape: TableShape, key: str) -> tuple[object, ...] | None:
    """The row with this seal key, found through the rowid or primary key (no scan)."""
    cols = ", ".join(f"[{c}]" for c in shape.columns)
    params: list[object]
    if not shape.pk:
        where, params = "rowid = ?", [int(key)]
    elif len(shape.pk) == 1:
        value = key if shape.pk[0] in shape.texts or not shape.server else int(key)
        where, params = f"[{shape.pk[0]}] = ?", [value]
    else:
        where = " AND ".join(f"[{c}] = ?" for c in shape.pk)
        params = list(json.loads(key))
    row = conn.execute(f"SELECT {cols} FROM [{shape.name}] WHERE {where}", params).fetchone()
    return None if row is None else tuple(row)


def _seal_row(conn: sqlite3.Connection, shape: TableShape, key: str, total: int) -> int:
    old = conn.execute(
        "SELECT digest FROM row_seals WHERE tbl = ? AND key = ?", (shape.name, key)
    ).fetchone()
    if old is not None:
        total -= _row_term(shape.name, key, str(old[0]))
    row = _row_by_key(conn, shape, key)
    if row is None:
        conn.execute("DELETE FROM row_seals WHERE tbl = ? AND key = ?", (shape.name, key))
        return total
    digest = row_digest(shape.columns, row)
    conn.execute(
        "INSERT INTO row_seals (tbl, key, digest) VALUES (?, ?, ?)"
        " ON CONFLICT (tbl, key) DO UPDATE SET digest = excluded.digest",
        (shape.name, key, digest),
    )
    return total + _row_term(shape.name, key, digest)


def _reseal_blocks(
    conn: sqlite3.Connection,
    shape: TableShape,
    total: int,
    *,
    from_block: int | None = None,
    only: int | None = None,
) -> int:
    params: list[object] = [shape.name]
    where = "tbl = ?"
    if only is not None:
        where, params = "tbl = ? AND block = ?", [shape.name, only]
    elif from_block is not None:
        where, params = "tbl = ? AND block >= ?", [shape.name, from_block]
    for block, digest in conn.execute(
        f"SELECT block, digest FROM block_seals WHERE {where}", params
    ):
        total -= _block_term(shape.name, int(block), str(digest))
    conn.execute(f"DELETE FROM block_seals WHERE {where}", params)
    if not shape.blocked:  # a server's table without an integer key: row by row
        for (key,) in conn.execute(f'SELECT {shape.key_sql()} FROM "{shape.name}"').fetchall():
            total = _seal_row(conn, shape, str(key), total)
        return total
    fresh = list(current_blocks(conn, shape, from_block=from_block, only=only))
    conn.executemany(
        "INSERT INTO block_seals (tbl, block, digest) VALUES (?, ?, ?)",
        [(shape.name, b, d) for b, d in fresh],
    )
    for block, digest in fresh:
        total += _block_term(shape.name, block, digest)
    return total


def reseal_blocks(db: sqlite_utils.Database, tables: Iterable[str] | None = None) -> None:
    """Seal whole tables by blocks (the migration that brings seals in, or one that changes
    a sealed table's columns). The next audit record vouches for the new seal sum."""
    conn = db.conn
    wanted = None if tables is None else set(tables)
    for shape in shapes(conn):
        if wanted is None or shape.name in wanted:
            _reseal_blocks(conn, shape, 0)


def reseal_server_keys(db: sqlite_utils.Database) -> list[str]:
    """After a file's rows were copied verbatim onto a server (``migrate-to``): seal again,
    row by row, the tables whose seal keys differ there (no integer key: a file keys them by
    rowid, a server by primary key); the other tables' seals are the file's. Return their
    names. The next audit record must vouch for the new seal sum (recounted)."""
    conn = db.conn
    resealed = []
    for shape in shapes(conn):
        if not shape.blocked:
            conn.execute("DELETE FROM row_seals WHERE tbl = ?", [shape.name])
            _reseal_blocks(conn, shape, 0)
            resealed.append(shape.name)
    return resealed


# -- checking ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SealProblem:
    table: str
    key: str
    what: str


def _key_range(block: int) -> str:
    low = block << BLOCK_SHIFT
    return f"{low}-{low + (1 << BLOCK_SHIFT) - 1}"


def seal_problems(conn: sqlite3.Connection) -> list[SealProblem]:
    """Every row whose content, existence or absence differs from its seal (an empty list
    when the file has no seal tables)."""
    if "row_seals" not in _main_tables(conn):
        return []
    problems: list[SealProblem] = []
    for shape in shapes(conn):
        if shape.server:
            problems += _server_table_problems(conn, shape)
        else:
            problems += _table_problems(conn, shape)
    return problems


def _changed(name: str, key: str, stored: str | None, current: str | None) -> SealProblem | None:
    """A sealed row that differs from its seal, or a row with neither seal (``stored`` None)."""
    if stored is None:
        return SealProblem(name, key, "row has no audited state (added outside the program)")
    if current == stored:
        return None
    differ = ", ".join(differing_columns(stored, current or "")) or "?"
    return SealProblem(name, key, f"row differs from its audited state in: {differ}")


def _missing(name: str, key: str) -> SealProblem:
    return SealProblem(name, key, "row is missing (deleted outside the program)")


def _block_problems(
    conn: sqlite3.Connection, shape: TableShape, named: set[int]
) -> list[SealProblem]:
    """The blocks whose rows differ now, where no row of theirs was named already."""
    blocks = {
        int(b): str(d)
        for b, d in conn.execute(
            "SELECT block, digest FROM block_seals WHERE tbl = ?", (shape.name,)
        )
    }
    now = dict(current_blocks(conn, shape))
    what = (
        "rows in this key range differ from their audited state"
        " (changed, added or deleted outside the program)"
    )
    return [
        SealProblem(shape.name, _key_range(block), what)
        for block, digest in sorted(blocks.items())
        if now.get(block) != digest and block not in named
    ]


def _table_problems(conn: sqlite3.Connection, shape: TableShape) -> list[SealProblem]:
    name = shape.name
    rows = dict(conn.execute("SELECT key, digest FROM row_seals WHERE tbl = ?", (name,)).fetchall())
    blocks = {
        int(b) for (b,) in conn.execute("SELECT block FROM block_seals WHERE tbl = ?", (name,))
    }
    problems: list[SealProblem] = []
    named: set[int] = set()
    seen: set[str] = set()
    for found in conn.execute(f"SELECT {shape.key_sql()}, {shape.block_sql} FROM [{name}]"):
        key, block = str(found[0]), int(found[1])
        seen.add(key)
        stored = rows.get(key)
        if stored is None and block in blocks:
            continue
        current = None
        if stored is not None:
            current = row_digest(shape.columns, _row_by_key(conn, shape, key) or ())
        problem = _changed(name, key, stored, current)
        if problem is not None:
            problems.append(problem)
            named.add(block)
    for key in sorted(set(rows) - seen):
        problems.append(_missing(name, key))
        block_of = _block_of(conn, shape, key)
        if block_of is not None:
            named.add(block_of)
    return problems + _block_problems(conn, shape, named)


def _server_table_problems(conn: sqlite3.Connection, shape: TableShape) -> list[SealProblem]:
    """``_table_problems`` on a server: the rows to compare come in one query with their
    seals (those with a row seal, and those with neither seal), not one query a row."""
    name = shape.name
    key, block = shape.key_sql("t."), shape.block_of_sql("t.")
    columns = ", ".join(_quoted("t.", c) for c in shape.columns)
    order = shape.server_order_sql("t.")
    problems: list[SealProblem] = []
    named: set[int] = set()
    for found_key, found_block, stored, *values in conn.execute(
        f'SELECT {key}, {block}, rs.digest, {columns} FROM "{name}" t'
        f" LEFT JOIN row_seals rs ON rs.tbl = ? AND rs.key = {key}"
        " WHERE rs.digest IS NOT NULL OR NOT EXISTS (SELECT 1 FROM block_seals bs"
        f" WHERE bs.tbl = ? AND bs.block = {block}) ORDER BY {order}",
        [name, name],
    ):
        current = None if stored is None else row_digest(shape.columns, values)
        problem = _changed(name, str(found_key), stored, current)
        if problem is not None:
            problems.append(problem)
            if found_block is not None:
                named.add(int(found_block))
    gone = conn.execute(
        "SELECT rs.key FROM row_seals rs WHERE rs.tbl = ?"
        f' AND NOT EXISTS (SELECT 1 FROM "{name}" t WHERE {key} = rs.key)',
        [name],
    )
    for missing_key in sorted(str(k) for (k,) in gone):
        problems.append(_missing(name, missing_key))
        block_of = _block_of(conn, shape, missing_key)
        if block_of is not None and shape.blocked:
            named.add(block_of)
    return problems + _block_problems(conn, shape, named)
