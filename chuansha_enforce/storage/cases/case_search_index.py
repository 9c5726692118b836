"""What the case search reads, and how it is kept up to date (the tables: migration 0003).

The search does not index every case. It keeps the *distinct* texts people search for, which
are few even in a big database (a million demo cases hold about 33,000 distinct party names
and 36,000 distinct causes), and reaches the cases through ordinary B-tree indexes:

- ``search_party_names``: each distinct party name once, with its pinyin keys (initials and
  full spelling, ``domain.pinyin_initials.search_keys``; ``''`` while not computed yet) and
  how many parties bear it (``uses``, as of the last refresh: the search's estimates).
  Cases are found through ``parties_name`` and ``general_cases_party``.
- ``search_causes``: each distinct cause (案由) once, with how many cases have it; cases are
  found through ``general_cases_cause``.
- ``search_id_numbers``: each distinct ID number / credit code with its last four characters
  (indexed) for suffix search; cases through ``parties_id_number`` and ``general_cases_party``.

Case and decision numbers need no table: their UNIQUE indexes answer a typed sequence number
(see ``case_search_repository``). ``general_cases_list_party`` is the case list's order with
each case's party id, so that a search can walk the list testing party and case ids against
its candidates without reading rows.

Keeping up: the dictionaries cover the parties and cases up to the ids in ``search_state``
("the mark"). Rows inserted after the mark (the tail) are read directly from the base tables
by the search, so a case is searchable the moment it is committed, whoever wrote it.
``refresh_case_search`` folds the tail into the dictionaries and moves the mark; ``BulkWriter``
runs it at the end of each bulk load, in the same transaction, and ``migrate`` after upgrading.
Updates of a name, ID number or cause of a row below the mark are caught by two small UPDATE
triggers (they add the new text; its pinyin keys are computed by the search until the next
refresh). There are no INSERT triggers on the bulk tables on purpose: the ones this design
first had cost about 20 % of the 200,000-case demo load (a trigger program is set up for every
row inserted, whatever it then does). The refresh costs about 1.5 s per million new rows; the
three indexes, rebuilt in one sorted pass by ``BulkWriter.indexes_rebuilt_after``, about 1.6 s
(``parties_name``), 2.4 s (``general_cases_cause``) and 0.9 s (``general_cases_list_party``)
per million cases.

Why no FTS5 trigram index: indexing every case (numbers, names, causes) with trigrams takes
about 20 s per million cases, a third of the million-case demo load. Over the small
dictionaries an FTS5 table is cheap to build but costs about 250 µs per row to keep in step
from triggers (FTS5 flushes pending terms at every statement savepoint), and its shadow tables
cannot be STRICT. The search matches the dictionaries in memory (they are read once per change
of the database) in a few milliseconds at the million-case scale, with none of SQLite 3.40's
trigram gaps (no match under three characters): one rule serves every query length.

Nothing is removed from a dictionary when a text stops being used: a stale entry only yields a
candidate that matches no case. ``rebuild_case_search`` rebuilds everything from the base tables.

Every statement runs in the caller's transaction (no ``executescript``, which commits).
"""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.domain.pinyin_initials import search_keys

LIST_INDEX = "general_cases_list_party"
"""The case list's order with each case's party: a walk tests entries without reading rows."""
BIG_TAIL = 50_000
"""From this many new rows on, a refresh reads the name/cause indexes in order (no sorting)."""


def _require_transaction(db: sqlite_utils.Database, what: str) -> None:
    if not db.conn.in_transaction:
        raise RuntimeError(f"{what} needs an open write transaction")


def refresh_case_search(db: sqlite_utils.Database) -> None:
    """Fold parties and cases written since the last refresh into the search dictionaries.

    Runs in the caller's transaction. Cost follows the number of new rows: milliseconds for a
    few, about a second for a million (then it reads the ``parties_name`` and
    ``general_cases_cause`` indexes in order instead of sorting the new rows).
    """
    _require_transaction(db, "refresh_case_search")
    conn = db.conn
    marks = dict(conn.execute("SELECT name, upto FROM search_state").fetchall())
    last_party = int(conn.execute("SELECT coalesce(max(id), 0) FROM parties").fetchone()[0])
    last_case = int(conn.execute("SELECT coalesce(max(id), 0) FROM general_cases").fetchone()[0])
    party_mark, case_mark = int(marks["parties"]), int(marks["general_cases"])
    indexes = {
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN"
            " ('parties_name', 'parties_id_number', 'general_cases_cause')"
        )
    }

    def reading(index: str, new_rows: int) -> str:
        """Read a big tail in index order (no sorting), when the index is there."""
        return f"INDEXED BY {index} " if new_rows >= BIG_TAIL and index in indexes else ""

    if last_party > party_mark:
        names = conn.execute(
            f"SELECT name, count(*) FROM parties {reading('parties_name', last_party - party_mark)}"
            "WHERE id > ? GROUP BY name",
            [party_mark],
        ).fetchall()
        conn.executemany(
            "INSERT INTO search_party_names (name, pinyin, uses) VALUES (?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET uses = uses + excluded.uses",
            ((name, search_keys(name), uses) for name, uses in names),
        )
        by_id_number = reading("parties_id_number", last_party - party_mark)
        conn.execute(
            "INSERT OR IGNORE INTO search_id_numbers (id_number, tail)"
            " SELECT id_number, upper(substr(id_number, -4)) FROM (SELECT DISTINCT id_number"
            f" FROM parties {by_id_number}WHERE id_number IS NOT NULL AND id > ?)",
            [party_mark],
        )
    if last_case > case_mark:
        by_cause = reading("general_cases_cause", last_case - case_mark)
        conn.execute(
            "INSERT INTO search_causes (cause, uses) SELECT cause, count(*)"
            f" FROM general_cases {by_cause}WHERE id > ? GROUP BY cause"
            " ON CONFLICT (cause) DO UPDATE SET uses = uses + excluded.uses",
            [case_mark],
        )
    pending = conn.execute("SELECT name FROM search_party_names WHERE pinyin = ''").fetchall()
    conn.executemany(
        "UPDATE search_party_names SET pinyin = ? WHERE name = ?",
        ((search_keys(name), name) for (name,) in pending),
    )
    conn.executemany(
        "UPDATE search_state SET upto = ? WHERE name = ?",
        [(max(last_party, party_mark), "parties"), (max(last_case, case_mark), "general_cases")],
    )


def rebuild_case_search(db: sqlite_utils.Database) -> None:
    """Rebuild the search dictionaries from the base tables, in the caller's transaction.

    Not needed in normal running; it drops dictionary entries no longer used, and repairs
    rows written below the mark by other means (e.g. ``INSERT OR REPLACE`` of an old id).
    """
    _require_transaction(db, "rebuild_case_search")
    for table in ("search_party_names", "search_causes", "search_id_numbers"):
        db.conn.execute(f"DELETE FROM {table}")
    db.conn.execute("UPDATE search_state SET upto = 0")
    refresh_case_search(db)
