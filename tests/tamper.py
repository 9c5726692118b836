"""Changing a case book behind the program's back, on either backend: a raw connection of
the file's (sqlite3) or of the server's owner (psycopg), the guarding triggers dropped (a file)
or disabled (a server) first, as an attacker would. The per-year sums' upkeep stays, so the
sums follow the rows changed (verify's recomputation of them is tested in
test_year_summary.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import psycopg

from tests.server_backend import is_server

GUARDS = (
    "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
    " AND name NOT LIKE 'year_summary_%'"
)


def attack(db: Path | str, *statements: str) -> None:
    """Run ``statements`` (SQL both backends understand) with the guards out of the way."""
    if is_server(db):
        with psycopg.connect(str(db)) as conn:
            for name, table in conn.execute(GUARDS).fetchall():
                conn.execute(f'ALTER TABLE "{table}" DISABLE TRIGGER "{name}"')
            for statement in statements:
                conn.execute(statement.encode())
        return
    lite = sqlite3.connect(db)
    for name, _table in lite.execute(GUARDS).fetchall():
        lite.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        lite.execute(statement)
    lite.commit()
    lite.close()


def query(db: Path | str, sql: str) -> list[tuple[Any, ...]]:
    """The rows of one read (SQL both backends understand, no parameters)."""
    if is_server(db):
        with psycopg.connect(str(db)) as conn:
            return [tuple(r) for r in conn.execute(sql.encode()).fetchall()]
    lite = sqlite3.connect(db)
    try:
        return lite.execute(sql).fetchall()
    finally:
        lite.close()
