"""Whether a server case book still has the seals' tracking triggers (docs/SERVER.md).

``init`` (and every schema upgrade) makes three statement-level triggers on each sealed table,
``seal_<table>_i/u/d``. Their owner can drop them, or switch them off (``ALTER TABLE …
DISABLE TRIGGER``); the program's writes would then go unsealed and ``verify`` would name them as
tampered. So each writable open asks the catalogue once which are missing or switched off, and
whether this login may make them again (it has the tables' owner role).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from chuansha_enforce.storage.errors import (
    SealTrackingBrokenError,
    SealTrackingDisabledError,
    SealTrackingMissingError,
)
from chuansha_enforce.storage.safety.seals import is_sealed_table, server_tracking_sql
from chuansha_enforce.storage.server.pg_database import PgDatabase

SUFFIXES = ("i", "u", "d")

_CATALOGUE = (
    "SELECT c.relname, coalesce(array_agg(t.tgname::text) FILTER (WHERE t.tgname IS NOT NULL),"
    " '{}'), pg_has_role(current_user, c.relowner, 'USAGE'),"
    " coalesce(array_agg(t.tgname::text) FILTER (WHERE t.tgenabled IN ('D', 'R')), '{}')"
    " FROM pg_class c LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal"
    " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'"
    " AND EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')"
    " GROUP BY c.relname, c.relowner"
)


SWITCHED_OFF = ("D", "R")
"""``pg_trigger.tgenabled`` of a trigger that does not fire in the program's sessions:
``DISABLE TRIGGER`` (D), and ``ENABLE REPLICA TRIGGER`` (R: only while
``session_replication_role`` is ``replica``)."""


@dataclass(frozen=True, slots=True)
class TrackingState:
    missing: tuple[str, ...]
    """The tracking triggers a sealed table lacks, by name (sorted)."""
    may_make: bool
    """This login holds the owner role of every sealed table (so it may make them again)."""
    disabled: tuple[str, ...] = ()
    """The tracking triggers a sealed table has but that are switched off (sorted)."""

    @property
    def whole(self) -> bool:
        """Every tracking trigger there and switched on."""
        return not self.missing and not self.disabled


def tracking_state(db: PgDatabase) -> TrackingState:
    """One catalogue query; nothing is missing on a schema without seals (before 0014)."""
    rows = db.pg.raw.execute(cast(Any, _CATALOGUE)).fetchall()
    if "row_seals" not in {str(row[0]) for row in rows}:  # (keyed by its table and key)
        return TrackingState((), may_make=True)
    sealed = [row for row in rows if is_sealed_table(str(row[0]))]
    ours = {str(table): [f"seal_{table}_{suffix}" for suffix in SUFFIXES] for table, *_ in sealed}
    missing = sorted(
        name for table, triggers, *_ in sealed for name in ours[table] if name not in triggers
    )
    disabled = sorted(name for table, _t, _o, off in sealed for name in ours[table] if name in off)
    return TrackingState(
        tuple(missing), may_make=all(bool(row[2]) for row in sealed), disabled=tuple(disabled)
    )


def remake_tracking(db: PgDatabase, state: TrackingState) -> None:
    """The tracking function and every sealed table's triggers, as ``init`` makes them
    (``CREATE OR REPLACE``), and those ``state`` found switched off switched on again, in the
    caller's transaction."""
    for statement in server_tracking_sql(db):
        db.pg.raw.execute(cast(Any, statement))
    for name in state.disabled:
        table = name.removeprefix("seal_")[: -len("_i")]
        db.pg.raw.execute(cast(Any, f'ALTER TABLE "{table}" ENABLE TRIGGER "{name}"'))


def tracking_refusal(state: TrackingState, where: str) -> SealTrackingMissingError:
    """Why a login that may not make the triggers again only reads: those missing, those
    switched off, or both, by name."""
    missing, disabled = "、".join(state.missing), "、".join(state.disabled)
    if not disabled:
        return SealTrackingMissingError(where, triggers=missing)
    if not missing:
        return SealTrackingDisabledError(where, triggers=disabled)
    return SealTrackingBrokenError(where, missing=missing, disabled=disabled)
