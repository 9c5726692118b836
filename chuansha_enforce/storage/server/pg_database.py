"""A PostgreSQL connection that the repositories use as they use an SQLite one.

The repositories call ``db.execute(sql, params)``, ``db.conn.execute``/``executemany``,
``cursor.fetchone/fetchall/lastrowid/rowcount`` and ``db.conn.in_transaction`` on a
``sqlite_utils.Database``. ``PgDatabase`` offers exactly these over psycopg 3, each statement
said in PostgreSQL by ``pg_sql.translate``; the few ``PRAGMA`` statements the repositories read
are answered from PostgreSQL's catalogue. Nothing else of sqlite_utils is offered.

- ``lastrowid``: an ``INSERT`` into a table with an identity ``id`` gets ``RETURNING id``
  (unless it returns something itself), and the cursor keeps the id.
- ``sum()`` of integers is ``numeric`` in PostgreSQL; values that are whole numbers come back
  as ``int`` as SQLite gives them.
- Transactions are explicit (``BEGIN`` … ``COMMIT`` sent by ``write_transaction``): the
  connection is in autocommit mode otherwise, as sqlite3's is outside a ``BEGIN``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

import sqlite_utils

from chuansha_enforce.storage.errors import (
    DatabaseReadOnlyError,
    ServerConflictError,
    ServerError,
    ServerUnreachableError,
    StorageError,
)
from chuansha_enforce.storage.server.pg_schema import trigger_statements
from chuansha_enforce.storage.server.pg_sql import json_list_places, translate

if TYPE_CHECKING:  # psycopg is loaded when a server is opened: a file's start does not pay it
    import psycopg

DIALECT = "postgresql"
READ_ONLY_SQLSTATE = "25006"  # read_only_sql_transaction
_PRAGMA = re.compile(
    r"^\s*PRAGMA\s+(?:main\.)?(\w+)\s*(?:\(\s*\[?(\w+)\]?\s*\)|=\s*(-?\w+))?\s*$", re.I
)
_INSERT_INTO = re.compile(r"^\s*INSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+\"?(\w+)", re.I)
_RETURNING = re.compile(r"\bRETURNING\b", re.I)
_CREATE_TRIGGER = re.compile(r"^\s*CREATE\s+TRIGGER\b", re.I)
_DROP_TRIGGER = re.compile(r"^\s*DROP\s+TRIGGER\s+(?:IF\s+EXISTS\s+)?[\"\[]?(\w+)[\"\]]?\s*$", re.I)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.I)
_GIVES_ID = re.compile(
    r"^\s*INSERT\s+(?:OR\s+IGNORE\s+)?INTO\s+\"?(\w+)\"?\s*\(\s*[\"\[]?id[\"\]]?\s*[,)]", re.I
)
# The identity's sequence moved past the ids a statement gave (never back: another client
# may hold a newer one in a transaction not yet committed).
_CATCH_UP = (
    "SELECT setval(s, GREATEST(m, coalesce(pg_sequence_last_value(s::regclass), 0)))"
    " FROM (SELECT pg_get_serial_sequence(%s, 'id') AS s, (SELECT max(id) FROM {table}) AS m) x"
    " WHERE m IS NOT NULL"
)

Params = Sequence[Any] | dict[str, Any] | None


def is_server_url(text: str | None) -> bool:
    return bool(text) and str(text).strip().lower().startswith(("postgresql://", "postgres://"))


def _plain(value: object) -> object:
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


class PgCursor:
    """What a repository reads of an sqlite3 cursor."""

    def __init__(
        self,
        rows: list[tuple[Any, ...]],
        rowcount: int,
        lastrowid: int | None,
        description: Any = None,
    ) -> None:
        self._rows = rows
        self._at = 0
        self.rowcount = rowcount
        self.lastrowid = lastrowid
        self.description = description

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._at >= len(self._rows):
            return None
        self._at += 1
        return self._rows[self._at - 1]

    def fetchall(self) -> list[tuple[Any, ...]]:
        rows, self._at = self._rows[self._at :], len(self._rows)
        return rows

    def fetchmany(self, size: int = 1) -> list[tuple[Any, ...]]:
        rows = self._rows[self._at : self._at + size]
        self._at += len(rows)
        return rows

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        while (row := self.fetchone()) is not None:
            yield row


class PgConnection:
    """The sqlite3.Connection methods the repositories call, over one psycopg connection."""

    dialect = DIALECT

    def __init__(self, raw: psycopg.Connection[tuple[Any, ...]], url: str = "") -> None:
        self.raw = raw
        self.url = url
        self.total_changes = 0
        self._identity: dict[str, bool] = {}
        self.read_only = False
        self.write_refusal: StorageError | None = None
        """Said instead of the plain read-only refusal when set (pg_seal_tracking)."""
        self.commits = 0
        """Write transactions committed on this connection (``server_write``'s, and a write
        statement run outside one): a service operation is run again after a deadlock only
        while this has not moved since it started (``connection.retried_call``)."""

    @property
    def in_transaction(self) -> bool:
        from psycopg import pq

        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def _has_identity_id(self, table: str) -> bool:
        known = self._identity.get(table)
        if known is None:
            row = self.raw.execute(
                "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s AND column_name = 'id' AND is_identity = 'YES'",
                (table,),
            ).fetchone()
            known = self._identity[table] = row is not None
        return known

    def execute(self, sql: str, params: Params = None) -> PgCursor:
        with self.typed_errors():
            return self._execute(sql, params)

    @contextlib.contextmanager
    def typed_errors(self) -> Iterator[None]:
        """The server's refusals as typed storage errors; a constraint violation (a bug: the
        services check the rules first) surfaces as itself, as sqlite3's does on a file."""
        import psycopg

        try:
            yield
        except psycopg.IntegrityError:
            raise
        except psycopg.Error as exc:
            if self.write_refusal is not None and exc.sqlstate == READ_ONLY_SQLSTATE:
                raise self.write_refusal from exc
            raise server_error_from(exc, self.url) from exc

    def _execute(self, sql: str, params: Params = None) -> PgCursor:
        pragma = _PRAGMA.match(sql)
        if pragma:
            return self._pragma(pragma.group(1).lower(), pragma.group(2), pragma.group(3))
        if _CREATE_TRIGGER.match(sql):  # the SQLite trigger, as a plpgsql function + trigger
            for statement in trigger_statements(sql):
                self.raw.execute(cast(Any, statement))
            return PgCursor([], -1, None)
        dropped = _DROP_TRIGGER.match(sql)
        if dropped:
            self._drop_trigger(dropped.group(1))
            return PgCursor([], -1, None)
        text = translate(sql)
        returning_id = False
        insert = _INSERT_INTO.match(sql)
        if insert and not _RETURNING.search(text) and self._has_identity_id(insert.group(1)):
            text += " RETURNING id"
            returning_id = True
        cur = self.raw.execute(cast(Any, text), _params(params, numbered="%(_p" in text, sql=sql))
        rows = [tuple(_plain(v) for v in row) for row in cur.fetchall()] if cur.description else []
        lastrowid = None
        if returning_id:
            lastrowid = int(cast(int, rows[0][0])) if rows else None
            rows = []
        if _WRITE.match(sql):
            self.total_changes += max(cur.rowcount, 0)
            self._catch_up_identity(sql)
            if not self.in_transaction:  # autocommit: written for good
                self.commits += 1
        return PgCursor(
            rows, cur.rowcount, lastrowid, cur.description if not returning_id else None
        )

    def executemany(self, sql: str, seq: Iterable[Params]) -> PgCursor:
        text = translate(sql)
        with self.typed_errors(), self.raw.cursor() as cur:
            cur.executemany(cast(Any, text), [_params(p) for p in seq])
            count = max(cur.rowcount, 0)
            self._catch_up_identity(sql)
        self.total_changes += count
        if not self.in_transaction:
            self.commits += 1
        return PgCursor([], count, None)

    def _catch_up_identity(self, sql: str) -> None:
        """An ``INSERT`` that gives the ids itself (the bulk writer's: demo, ledger import)
        leaves an identity's sequence behind, so the next row inserted without an id would
        get one already taken; SQLite's ``INTEGER PRIMARY KEY`` takes ``max(id) + 1`` by
        itself. The sequence is moved past the ids given."""
        given = _GIVES_ID.match(sql)
        if given and self._has_identity_id(given.group(1)):
            table = f'"{given.group(1)}"'
            self.raw.execute(cast(Any, _CATCH_UP.format(table=table)), (table,))

    def _drop_trigger(self, name: str) -> None:
        row = self.raw.execute(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name = %s", (name,)
        ).fetchone()
        if row is None:
            return
        self.raw.execute(cast(Any, f'DROP TRIGGER "{name}" ON "{row[0]}"'))
        self.raw.execute(cast(Any, f'DROP FUNCTION IF EXISTS "trg_{name}"()'))

    def _pragma(self, name: str, arg: str | None, value: str | None) -> PgCursor:
        if name == "table_info" and arg:
            rows = self.raw.execute(
                "SELECT ordinal_position - 1, column_name, data_type,"
                " CASE WHEN is_nullable = 'NO' THEN 1 ELSE 0 END, column_default, 0"
                " FROM information_schema.columns WHERE table_schema = current_schema()"
                " AND table_name = %s ORDER BY ordinal_position",
                (arg,),
            ).fetchall()
            return PgCursor([tuple(r) for r in rows], -1, None)
        if name in ("quick_check", "integrity_check"):
            # PostgreSQL checks its own pages (data checksums, WAL); nothing to ask per query
            return PgCursor([("ok",)], -1, None)
        if name == "query_only":
            if value is not None:
                self.read_only = value.upper() in ("ON", "1", "TRUE")
                mode = "on" if self.read_only else "off"
                self.raw.execute(cast(Any, f"SET default_transaction_read_only = {mode}"))
                return PgCursor([], -1, None)
            return PgCursor([(1 if self.read_only else 0,)], -1, None)
        if name in ("schema_version", "data_version"):
            return PgCursor([(1,)], -1, None)
        # journal, cache and checkpoint pragmas have no meaning on a server
        return PgCursor([], -1, None)

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")
            self.commits += 1

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()


def _params(
    params: Params, *, numbered: bool = False, sql: str = ""
) -> Sequence[Any] | dict[str, Any]:
    if params is None:
        return ()
    if isinstance(params, dict):
        return params
    lists = json_list_places(sql) if "json_each" in sql else ()
    if lists:
        params = [json.loads(v) if i in lists else v for i, v in enumerate(params)]
    if numbered:  # ?1, ?2 … name the parameters by their place
        return {f"_p{i}": value for i, value in enumerate(params, start=1)}
    return tuple(params)


class _Table:
    def __init__(self, conn: PgConnection, name: str) -> None:
        self._conn, self.name = conn, name

    def exists(self) -> bool:
        row = self._conn.raw.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()"
            " AND table_name = %s",
            (self.name,),
        ).fetchone()
        return row is not None


class PgDatabase(sqlite_utils.Database):
    """A server case book, used by the repositories as a ``sqlite_utils.Database``.

    Only ``execute``, ``conn``, ``db[table].exists()`` and ``close`` are offered (all the
    repositories use); sqlite_utils' own methods are not (its constructor is not run).
    """

    def __init__(self, url: str) -> None:
        import psycopg

        raw = psycopg.connect(url, autocommit=True)
        self.url = url
        self.conn = cast(Any, PgConnection(raw, url))

    @property
    def pg(self) -> PgConnection:
        return cast(PgConnection, self.conn)

    def execute(self, sql: str, parameters: Any = None) -> Any:
        return self.pg.execute(sql, parameters)

    def __getitem__(self, table_name: str) -> Any:
        return _Table(self.pg, table_name)

    def close(self) -> None:
        self.pg.close()


def is_server(db: object) -> bool:
    """A server case book, or a server connection."""
    return (
        isinstance(db, PgDatabase)
        or getattr(db, "dialect", "") == DIALECT
        or getattr(getattr(db, "conn", None), "dialect", "") == DIALECT
    )


def shown_url(url: str) -> str:
    """The address without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1@", url)


def open_server(url: str) -> PgDatabase:
    """Connect to a server case book; an unreachable server is a typed storage error."""
    import psycopg

    try:
        return PgDatabase(url)
    except psycopg.Error as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ServerUnreachableError(shown_url(url), detail=detail) from exc


def server_error_from(exc: psycopg.Error, url: str) -> StorageError:
    """A server's refusal as the typed error a user can act on."""
    import psycopg.errors

    where = shown_url(url)
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return DatabaseReadOnlyError(where)  # nobody logged in: the session only reads
    if isinstance(exc, psycopg.errors.SerializationFailure | psycopg.errors.DeadlockDetected):
        return ServerConflictError(where)
    if isinstance(exc, psycopg.OperationalError) and exc.sqlstate is None:
        return ServerUnreachableError(where, detail=detail)  # the connection is gone
    return ServerError(where, detail=detail)


@contextlib.contextmanager
def server_write(db: PgDatabase) -> Iterator[None]:
    """One whole write on a server: ``BEGIN`` … ``COMMIT``, or nothing at all. A constraint
    violation is a bug (the services check rules first) and surfaces as itself, as on a file."""
    import psycopg

    conn = db.pg
    try:
        conn.raw.execute("BEGIN")
    except psycopg.Error as exc:
        raise server_error_from(exc, db.url) from exc
    try:
        yield
        conn.raw.execute("COMMIT")
        conn.commits += 1
    except BaseException as exc:
        if not conn.raw.closed and conn.in_transaction:
            conn.raw.execute("ROLLBACK")
        if isinstance(exc, psycopg.Error) and not isinstance(exc, psycopg.IntegrityError):
            raise server_error_from(exc, db.url) from exc
        raise
