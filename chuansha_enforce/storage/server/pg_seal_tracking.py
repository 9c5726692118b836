"""Whether a server case book still has the seals' tracking triggers (docs/SERVER.md).

``init`` (and every schema upgrade) makes three statement-level triggers on each sealed table,
``seal_<table>_i/u/d``. Their owner can drop them; the program's writes would then go unsealed
and ``verify`` would name them as tampered. So each writable open asks the catalogue once which
are missing, and whether this login may make them again (it has the tables' owner role).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from chuansha_enforce.storage.safety.seals import is_sealed_table, server_tracking_sql
from chuansha_enforce.storage.server.pg_database import PgDatabase

SUFFIXES = ("i", "u", "d")

_CATALOGUE = (
    "SELECT c.relname, coalesce(array_agg(t.tgname::text) FILTER (WHERE t.tgname IS NOT NULL),"
    " '{}'), pg_has_role(current_user, c.relowner, 'USAGE')"
    " FROM pg_class c LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal"
    " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
    " AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')"
    " GROUP BY c.relname, c.relowner"
)


@dataclass(frozen=True, slots=True)
class TrackingState:
    missing: tuple[str, ...]
    """The tracking triggers a sealed table lacks, by name (sorted)."""
    may_make: bool
    """This login holds the owner role of every sealed table (so it may make them again)."""


def tracking_state(db: PgDatabase) -> TrackingState:
    """One catalogue query; nothing is missing on a schema without seals (before 0014)."""
    rows = db.pg.raw.execute(cast(Any, _CATALOGUE)).fetchall()
    if "row_seals" not in {str(row[0]) for row in rows}:  # (keyed by its table and key)
        return TrackingState((), may_make=True)
    sealed = [row for row in rows if is_sealed_table(str(row[0]))]
    missing = sorted(
        name
        for table, triggers, _owner in sealed
        for name in (f"seal_{table}_{suffix}" for suffix in SUFFIXES)
        if name not in set(triggers)
    )
    return TrackingState(tuple(missing), may_make=all(bool(row[2]) for row in sealed))


def remake_tracking(db: PgDatabase) -> None:
    """The tracking function and every sealed table's triggers, as ``init`` makes them
    (``CREATE OR REPLACE``), in the caller's transaction."""
    for statement in server_tracking_sql(db):
        db.pg.raw.execute(cast(Any, statement))
