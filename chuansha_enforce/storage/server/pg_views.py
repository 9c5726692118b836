"""A view's text as the server keeps it, for ``verify`` to compare (issue 23).

PostgreSQL keeps a view as a parsed query, not as the text it was made from: the server's
``sqlite_master`` shows ``pg_get_viewdef`` (the server's own rendering). So the text a view
made by the program's SQL has there is had by making that view once more, as a temporary view
in a transaction (or savepoint) that is rolled back, and rendering it the same way: an altered
view renders differently, the view as written renders the same. Nothing is kept: a session
that only reads (``default_transaction_read_only``) still makes it in a read-write
transaction of its own that is always rolled back.
"""

from __future__ import annotations

import re
from typing import Any, cast

from chuansha_enforce.storage.server.pg_database import PgConnection, PgDatabase
from chuansha_enforce.storage.server.pg_sql import translate

_CREATE_VIEW = re.compile(r"^\s*CREATE\s+VIEW\s+[\"\[]?(\w+)[\"\]]?\s+AS\b", re.I)
_MADE = "chuansha_view_as_written"


def view_text(db: PgConnection | PgDatabase, sql: str) -> str:
    """``pg_get_viewdef`` of the view the SQLite ``CREATE VIEW`` ``sql`` makes on this server
    (a connection, or the case book), made as a temporary view and rolled back."""
    conn = db.pg if isinstance(db, PgDatabase) else db
    written = translate(sql, placeholders=False)
    statement = _CREATE_VIEW.sub(f'CREATE TEMP VIEW "{_MADE}" AS', written, count=1)
    raw = conn.raw
    inside = conn.in_transaction
    with conn.typed_errors():
        raw.execute("SAVEPOINT view_as_written" if inside else "BEGIN READ WRITE")
        try:
            raw.execute(cast(Any, statement))
            row = raw.execute(f"SELECT pg_get_viewdef('pg_temp.{_MADE}'::regclass)").fetchone()
        finally:
            if inside:
                raw.execute("ROLLBACK TO SAVEPOINT view_as_written")
                raw.execute("RELEASE SAVEPOINT view_as_written")
            else:
                raw.execute("ROLLBACK")
    assert row is not None
    return str(row[0])
