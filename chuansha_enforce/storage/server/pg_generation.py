"""Which restore of a server case book a session works on (docs/SERVER.md, "Sessions and a
restore"): one statement, asked at each login and before each service operation."""

from __future__ import annotations

from typing import Any, cast

from chuansha_enforce.storage.safety.restore_generation import KEY
from chuansha_enforce.storage.server.pg_database import PgDatabase

_GENERATION = (
    "SELECT c.oid, (SELECT value FROM settings WHERE key = %s) FROM pg_class c"
    " WHERE c.relname = 'settings' AND c.relnamespace = current_schema()::regnamespace"
)


def book_generation(db: PgDatabase) -> str:
    """The book's generation now: the ``settings`` table's identity (every ``pg_restore`` of
    a dump makes the table anew, so it moves the moment a restore commits) and the
    generation the program's restore writes into it (``restore_generation.mark_restored``)."""
    with db.pg.typed_errors():
        row = db.pg.raw.execute(cast(Any, _GENERATION), (KEY,)).fetchone()
    if row is None:  # no case book (a restore's pg_restore is under way or failed)
        return ""
    return f"{row[0]}/{row[1] or ''}"
