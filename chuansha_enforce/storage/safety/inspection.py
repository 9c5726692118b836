"""What a database file holds and whether it is whole: checks, counts and the audit-chain head."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.storage.migrations import MIGRATIONS
from chuansha_enforce.storage.safety.audit_log import GENESIS_HASH

CHECK_LINES = 5


@dataclass(frozen=True, slots=True)
class DatabaseSummary:
    tables: Mapping[str, int]
    """Rows per ordinary table (full-text index tables left out)."""
    audit_head: str
    audit_records: int
    migrations: tuple[str, ...]
    """Applied migrations in the order applied; the last one is the schema version."""

    @property
    def schema_version(self) -> str | None:
        return self.migrations[-1] if self.migrations else None


def _check(conn: sqlite3.Connection, pragma: str) -> str:
    rows = conn.execute(f"PRAGMA {pragma}({CHECK_LINES})").fetchall()
    return "; ".join(str(row[0]) for row in rows) or "no result"


def quick_check(conn: sqlite3.Connection) -> str:
    """``ok``, or the first problems SQLite's quick check found (pages, not index contents)."""
    return _check(conn, "quick_check")


def integrity_check(conn: sqlite3.Connection) -> str:
    """``ok``, or the first problems the full integrity check found (indexes included)."""
    return _check(conn, "integrity_check")


def table_names(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if str(sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(
        name
        for name, _ in rows
        if not name.startswith("sqlite_")
        and name not in virtual
        and not any(name.startswith(v + "_") for v in virtual)
    )


def applied_migrations(conn: sqlite3.Connection) -> tuple[str, ...] | None:
    """The applied migration names, or None when the file was never set up by this program."""
    table = MIGRATIONS.migrations_table
    if table not in table_names(conn):
        return None
    rows = conn.execute(
        f"SELECT name FROM [{table}] WHERE migration_set = ? ORDER BY rowid",
        (MIGRATIONS.name,),
    ).fetchall()
    return tuple(str(r[0]) for r in rows)


def summarize(conn: sqlite3.Connection) -> DatabaseSummary:
    names = table_names(conn)
    counts = {
        name: int(conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0]) for name in names
    }
    head, records = GENESIS_HASH, 0
    if "audit_log" in names:
        row = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        head = str(row[0]) if row else GENESIS_HASH
        records = counts["audit_log"]
    return DatabaseSummary(counts, head, records, applied_migrations(conn) or ())


def audit_head(db: sqlite_utils.Database) -> str:
    row = db.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return str(row[0]) if row else GENESIS_HASH
