"""Search on a server: trigram indexes on the search dictionaries (``pg_trgm``).

A file holds its dictionaries in memory per connection (``case_search_repository``); a server's
clients ask them term by term with ``LIKE '%…%'`` (ILIKE there), which a GIN trigram index
answers without reading the dictionary. ``init`` creates the extension when the server has it
(Debian's postgresql-15 ships it in contrib; it is a trusted extension, so the database's owner
may create it) and the indexes; without it the same queries read the dictionaries.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

TRIGRAM_INDEX_NAMES = (
    "search_party_names_trgm",
    "search_party_names_pinyin_trgm",
    "search_causes_trgm",
)
TRIGRAM_INDEXES = (
    "CREATE INDEX IF NOT EXISTS search_party_names_trgm ON search_party_names"
    " USING gin (name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_party_names_pinyin_trgm ON search_party_names"
    " USING gin ((' ' || pinyin) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS search_causes_trgm ON search_causes USING gin (cause gin_trgm_ops)",
)


def add_trigram_search(conn: psycopg.Connection[Any]) -> bool:
    """Inside ``init``'s transaction: ``pg_trgm`` and the dictionaries' trigram indexes, or
    nothing (False) when the server cannot make the extension. Those already there are kept
    (an upgrade adds the missing ones)."""
    import psycopg  # noqa: PLC0415 (loaded when a server is opened, not at every start)

    conn.execute("SAVEPOINT trigram_search")
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for statement in TRIGRAM_INDEXES:
            conn.execute(statement)
    except psycopg.Error as exc:  # not installed, or this role may not create it: ILIKE reads
        conn.execute("ROLLBACK TO SAVEPOINT trigram_search")
        log.warning(
            "no trigram search indexes: pg_trgm cannot be made here (%s); searches read the"
            " dictionaries",
            str(exc).strip(),
        )
        return False
    conn.execute("RELEASE SAVEPOINT trigram_search")
    return True


def has_trigram_search(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute("SELECT to_regclass('search_party_names_trgm')").fetchone()
    return row is not None and row[0] is not None
