"""``year_summary``: per-year sums of the annual figures that would otherwise read every case.

One row per calendar year and figure holds what the live general cases contribute to that
year (``value``; a figure a year has none of may be missing or 0):

- ``filed``, ``closed``: cases filed / closed in the year (so the cases open on 1 January
  are the sums over the earlier years: filed − closed);
- ``credited_fen``: how much of the money decided up to the year's end the principal paid by
  then covers, as the year's increase: per case ``min(due, paid by 31 Dec)`` counted from the
  year of its decision, so the money unpaid at the end of year Y is the money decided
  (``fines:*`` and ``confiscated:*``) less ``credited_fen``, both summed over y ≤ Y;
- ``collected_fen``, ``surcharge_fen``: paid in the year (principal + 加处罚款; 加处罚款);
- ``review_cases``, ``review_rounds``: cases with a legal review round dated in the year
  (each case once per year), and the rounds;
- the decisions dated in the year: penalties by heaviest kind (``kind:<code>``, ``-`` when no
  kind is recorded), their fines and confiscations (``fines:<code>``, ``confiscated:<code>``),
  ``mitigated`` (减轻处罚), 不予处罚 by reason (``no_penalty:<code>``, ``''`` when none is
  recorded): a penalty case gives two rows, not one per figure of it;
- ``demolition_orders`` dated in the year, and the demolitions done in it:
  ``demolitions_voluntary`` (自行拆除, step ``removed``), ``demolitions_forced`` (强制拆除,
  step ``carried_out``).

What each case contributes is the view ``year_summary_parts`` (case_id, year, figure, value).
The table is kept in the same write transaction as the rows it sums: triggers of the file
take a case's contributions out before a change of the case or of a row of it (payments,
review rounds, demolition orders, forced-demolition steps) and add them again after it, each
reading the view for that one case (SQLite pushes the case into every part of the view: index
look-ups, ``tests/integration/test_year_summary.py`` checks the plan). ``BulkWriter`` drops
those triggers while it loads and adds the new cases' contributions in one statement
(``fold_new_cases``) before putting them back. ``problems`` recomputes the whole table from
the cases with this module's own SQL, not the view in the file (``verify``), and checks that
the view and the triggers are the ones written here (on a server: as the server keeps and
renders them; docs/SERVER.md).

Migration 0029_annual_sums writes the table, the view and the triggers from this module: a
later change of them needs a migration of its own, with 0029's SQL frozen as it is (as
``schema_0026_year_summary`` freezes the first table).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import cast

from chuansha_enforce.storage.server.pg_database import PgConnection, PgDatabase, is_server
from chuansha_enforce.storage.server.pg_schema import server_text
from chuansha_enforce.storage.server.pg_views import view_text

VIEW = "year_summary_parts"
LIVE = "c.deleted_at IS NULL"
OWED = (
    f"{LIVE} AND c.outcome = 'penalty' AND c.decided_on IS NOT NULL"
    " AND c.fine_fen + c.confiscation_fen > 0"
)
DECIDED = f"{LIVE} AND c.decided_on IS NOT NULL AND c.outcome ="
PENALTY = f"{DECIDED} 'penalty'"
NO_KIND = "-"
"""The code of ``kind:``, ``fines:``, ``confiscated:`` for a penalty with no heaviest kind."""
KIND = f"coalesce(c.heaviest_kind, '{NO_KIND}')"
PAYMENTS = "FROM payments p CROSS JOIN general_cases c ON c.id = p.case_id"
ROUNDS = (
    "FROM legal_review_rounds r CROSS JOIN general_cases c ON c.id = r.case_id"
    f" WHERE {LIVE} GROUP BY r.case_id, r.reviewed_year"
)
FORCED = (
    "FROM forced_demolition_steps f CROSS JOIN general_cases c ON c.id = f.case_id"
    f" WHERE {LIVE} AND f.step ="
)
TABLE_SQL = (
    "CREATE TABLE year_summary (year INTEGER NOT NULL, figure TEXT NOT NULL,"
    " value INTEGER NOT NULL, PRIMARY KEY (year, figure)) STRICT, WITHOUT ROWID"
)
# (case_id, year, figure, value, FROM ... WHERE ...): every part of the view, in its order.
_PARTS = (
    ("c.id", "c.filed_year", "'filed'", "1", f"FROM general_cases c WHERE {LIVE}"),
    ("c.id", "c.closed_year", "'closed'", "1",
     f"FROM general_cases c WHERE {LIVE} AND c.closed_year IS NOT NULL"),
    # principal paid, by the year it counts from (never before the decision's year)
    ("case_id", "year", "'credited_fen'", "min(due, cum) - min(due, cum - paid)",
     "FROM (SELECT case_id, year, due, paid,"
     " sum(paid) OVER (PARTITION BY case_id ORDER BY year) AS cum"
     " FROM (SELECT p.case_id, max(p.paid_year, c.decided_year) AS year,"
     f" c.fine_fen + c.confiscation_fen AS due, sum(p.amount_fen) AS paid {PAYMENTS}"
     f" WHERE {OWED} GROUP BY p.case_id, 2))"),
    ("p.case_id", "p.paid_year", "'collected_fen'", "p.amount_fen + p.surcharge_fen",
     f"{PAYMENTS} WHERE {LIVE}"),
    ("p.case_id", "p.paid_year", "'surcharge_fen'", "p.surcharge_fen",
     f"{PAYMENTS} WHERE {LIVE} AND p.surcharge_fen > 0"),
    ("r.case_id", "r.reviewed_year", "'review_cases'", "1", ROUNDS),
    ("r.case_id", "r.reviewed_year", "'review_rounds'", "count(*)", ROUNDS),
    # the penalties by heaviest kind (NO_KIND: none recorded), and their money
    ("c.id", "c.decided_year", f"'kind:' || {KIND}", "1", f"FROM general_cases c WHERE {PENALTY}"),
    ("c.id", "c.decided_year", f"'fines:' || {KIND}", "c.fine_fen",
     f"FROM general_cases c WHERE {PENALTY} AND c.fine_fen > 0"),
    ("c.id", "c.decided_year", f"'confiscated:' || {KIND}", "c.confiscation_fen",
     f"FROM general_cases c WHERE {PENALTY} AND c.confiscation_fen > 0"),
    ("c.id", "c.decided_year", "'mitigated'", "1",
     f"FROM general_cases c WHERE {PENALTY} AND c.reduced_penalty = 1"),
    # 不予处罚 by reason ('' when none is recorded)
    ("c.id", "c.decided_year", "'no_penalty:' || coalesce(c.no_penalty_reason, '')", "1",
     f"FROM general_cases c WHERE {DECIDED} 'no_penalty'"),
    ("d.case_id", "d.decided_year", "'demolition_orders'", "1",
     f"FROM demolition_orders d CROSS JOIN general_cases c ON c.id = d.case_id WHERE {LIVE}"),
    ("f.case_id", "CAST(substr(f.on_date, 1, 4) AS INTEGER)", "'demolitions_voluntary'", "1",
     f"{FORCED} 'removed'"),
    ("f.case_id", "CAST(substr(f.on_date, 1, 4) AS INTEGER)", "'demolitions_forced'", "1",
     f"{FORCED} 'carried_out'"),
)  # fmt: skip


def part_selects() -> list[str]:
    """Every part of the view: SELECT case_id, year, figure, value."""
    select = "SELECT {} AS case_id, {} AS year, {} AS figure, {} AS value {}"
    return [select.format(*part) for part in _PARTS]


def parts_sql() -> str:
    """Every case's contributions: (case_id, year, figure, value), summed by year and figure
    they are the table."""
    return "\n UNION ALL ".join(part_selects())


VIEW_SQL = f"CREATE VIEW {VIEW} AS\n {parts_sql()}"


def _add(sign: str, where: str, source: str = VIEW) -> str:
    """The upsert adding (sign "") or taking out (sign "-") the contributions ``where`` picks
    of ``source`` (the view, or one part of it in parentheses)."""
    return (
        f"INSERT INTO year_summary (year, figure, value) SELECT year, figure, {sign}sum(value)"
        f" FROM {source} WHERE {where} GROUP BY year, figure"
        " ON CONFLICT (year, figure) DO UPDATE SET value = value + excluded.value"
    )


CASE_COLUMNS = (
    "id, filed_on, closed_on, decided_on, outcome, fine_fen, confiscation_fen, deleted_at,"
    " heaviest_kind, no_penalty_reason, reduced_penalty"
)
CHILDREN = (
    ("payment", "payments"),
    ("review", "legal_review_rounds"),
    ("order", "demolition_orders"),
    ("forced", "forced_demolition_steps"),
)
"""The rows of a case that change what it contributes: (trigger name part, table)."""
_OLD_CHILD_TRIGGERS = tuple(
    f"{short}_{when}"
    for short in ("payment", "review")
    for when in ("insert_before", "insert_after", "delete_before", "delete_after",
                 "update_before", "update_after", "moved_before", "moved_after")
)  # fmt: skip
OLD_TRIGGERS = tuple(
    f"year_summary_{name}"
    for name in ("case_insert", "case_delete", "case_before", "case_after", *_OLD_CHILD_TRIGGERS)
)
"""The triggers of 0026 (each held the whole recomputation of its case)."""


def _trigger(name: str, when: str, table: str, sign: str, case_id: str, *, guard: str = "") -> str:
    condition = f"\nWHEN {guard}" if guard else ""
    body = _add(sign, f"case_id = {case_id}")
    return f"CREATE TRIGGER {name} {when} ON {table}{condition}\nBEGIN\n    {body};\nEND"


def trigger_sql() -> list[str]:
    """The triggers keeping ``year_summary``: out before, in after every change."""
    triggers = [
        _trigger("year_summary_case_insert", "AFTER INSERT", "general_cases", "", "NEW.id"),
        _trigger("year_summary_case_delete", "BEFORE DELETE", "general_cases", "-", "OLD.id"),
        _trigger("year_summary_case_before", f"BEFORE UPDATE OF {CASE_COLUMNS}",
                 "general_cases", "-", "OLD.id"),
        _trigger("year_summary_case_after", f"AFTER UPDATE OF {CASE_COLUMNS}",
                 "general_cases", "", "NEW.id"),
    ]  # fmt: skip
    moved = "NEW.case_id IS NOT OLD.case_id"
    for short, table in CHILDREN:
        name = f"year_summary_{short}"
        triggers += [
            _trigger(f"{name}_insert_before", "BEFORE INSERT", table, "-", "NEW.case_id"),
            _trigger(f"{name}_insert_after", "AFTER INSERT", table, "", "NEW.case_id"),
            _trigger(f"{name}_delete_before", "BEFORE DELETE", table, "-", "OLD.case_id"),
            _trigger(f"{name}_delete_after", "AFTER DELETE", table, "", "OLD.case_id"),
            _trigger(f"{name}_update_before", "BEFORE UPDATE", table, "-", "OLD.case_id"),
            _trigger(f"{name}_update_after", "AFTER UPDATE", table, "", "OLD.case_id"),
            _trigger(f"{name}_moved_before", "BEFORE UPDATE OF case_id", table, "-",
                     "NEW.case_id", guard=moved),
            _trigger(f"{name}_moved_after", "AFTER UPDATE OF case_id", table, "",
                     "NEW.case_id", guard=moved),
        ]  # fmt: skip
    return triggers


def _name(sql: str) -> str:
    return sql.split()[2]


def migration_script() -> str:
    """0029_annual_sums: the table of 0026 and its triggers replaced by today's, filled from
    the cases."""
    drops = [f"DROP TRIGGER IF EXISTS {name}" for name in OLD_TRIGGERS]
    statements = [*drops, "DROP TABLE year_summary", TABLE_SQL, VIEW_SQL, *_fill("true")]
    return ";\n".join([*statements, *trigger_sql()]) + ";\n"


def _fill(where: str) -> list[str]:
    """The upserts adding what ``where`` picks of the view, a part at a time (a third faster
    than the view at once for many cases: each part is grouped on its own)."""
    return [_add("", where, f"({select})") for select in part_selects()]


def has_summary(conn: sqlite3.Connection) -> bool:
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'year_summary'"
    ).fetchone()
    return found is not None


def drop_triggers(conn: sqlite3.Connection) -> bool:
    """Drop the upkeep triggers (a bulk load is about to write); False if none were there."""
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'year_summary_%'"
        ).fetchall()
    ]
    for name in names:
        conn.execute(f'DROP TRIGGER "{name}"')
    return bool(names)


def fold_new_cases(conn: sqlite3.Connection, first_id: int) -> None:
    """Add the contributions of the cases from ``first_id`` on (all written since the
    triggers were dropped, with their payments, review rounds, demolition orders and steps)
    and put the triggers back."""
    for sql in _fill("case_id >= :first"):
        conn.execute(sql, {"first": first_id})
    for sql in trigger_sql():
        conn.execute(sql)


Sums = dict[int, dict[str, int]]
"""Year → figure → value, the values that are not 0."""


def _by_year(rows: list[tuple[int, str, int]]) -> Sums:
    found: Sums = {}
    for year, figure, value in rows:
        if value:
            found.setdefault(int(year), {})[str(figure)] = int(value)
    return found


def recomputed(conn: sqlite3.Connection) -> Sums:
    """Every year's sums computed from the cases now, with this module's SQL (not the view
    stored in the file), a part at a time."""
    sums: dict[tuple[int, str], int] = {}
    for select in part_selects():
        for year, figure, value in conn.execute(
            f"SELECT year, figure, sum(value) FROM ({select}) GROUP BY year, figure"
        ):
            sums[year, figure] = sums.get((year, figure), 0) + int(value)
    return _by_year([(year, figure, value) for (year, figure), value in sums.items()])


def stored(conn: sqlite3.Connection) -> Sums:
    return _by_year(conn.execute("SELECT year, figure, value FROM year_summary").fetchall())


def as_stored(conn: sqlite3.Connection, sql: str) -> str:
    """The text ``sqlite_master`` holds for what ``sql`` creates: the SQL itself in a file;
    on a server a trigger's definition and function body, and for the view the server's
    rendering of it as made by ``sql`` (``pg_views.view_text``: PostgreSQL keeps no text)."""
    if not is_server(conn):
        return sql
    text = server_text(sql)
    return view_text(cast("PgConnection | PgDatabase", conn), sql) if text is None else text


def _upkeep_problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """The view and triggers missing or not as written here."""
    present = dict(
        conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE (type = 'trigger'"
            " AND name LIKE 'year_summary_%') OR (type = 'view' AND name = ?)",
            [VIEW],
        ).fetchall()
    )
    wanted = {_name(sql): as_stored(conn, sql) for sql in [VIEW_SQL, *trigger_sql()]}
    missing = [name for name in wanted if name not in present]
    altered = [name for name, sql in wanted.items() if name in present and present[name] != sql]
    found = []
    for names, what, then in ((missing, "missing", "stop following"),
                              (altered, "altered", "may not follow")):  # fmt: skip
        if names:
            told = f"{len(names)} of the upkeep view and triggers {what}"
            found.append(("-", f"{told} (the sums {then} the cases): {', '.join(names)}"))
    return found


def problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(year, what differs) for every year whose stored sums differ from a recomputation,
    and a missing or altered view or upkeep trigger; empty when the table holds what the
    cases give."""
    if not has_summary(conn):
        return []
    found: list[tuple[str, str]] = []
    have = stored(conn)
    want = recomputed(conn)
    for year in sorted(set(have) | set(want)):
        got, expected = have.get(year, {}), want.get(year, {})
        differ = [
            f"{name} {got.get(name, 0)} ≠ {expected.get(name, 0)}"
            for name in sorted(set(got) | set(expected))
            if got.get(name, 0) != expected.get(name, 0)
        ]
        if differ:
            found.append((str(year), "stored sums differ from the cases: " + ", ".join(differ)))
    return found + _upkeep_problems(conn)


@dataclass(frozen=True, slots=True)
class YearSums:
    """One year's figures (``in_year``) and their sums over it and every earlier year
    (``up_to``); a figure not there is 0."""

    up_to: dict[str, int]
    in_year: dict[str, int]

    def total(self, figure: str) -> int:
        return self.up_to.get(figure, 0)

    def of_year(self, figure: str) -> int:
        return self.in_year.get(figure, 0)

    def keyed(self, figure: str) -> dict[str, int]:
        """The year's ``figure:<code>`` values by code (those not 0)."""
        return _keyed(self.in_year, figure)

    def keyed_total(self, figure: str) -> int:
        """The ``figure:<code>`` values of every code, summed over the years up to this."""
        return sum(_keyed(self.up_to, figure).values())


def _keyed(values: dict[str, int], figure: str) -> dict[str, int]:
    prefix = f"{figure}:"
    return {
        name.removeprefix(prefix): value
        for name, value in values.items()
        if name.startswith(prefix) and value
    }


def summed_to(conn: sqlite3.Connection, year: int) -> YearSums:
    """The year's figures, and their sums over the years up to it."""
    rows = conn.execute(
        "SELECT figure, sum(value), sum(iif(year = :y, value, 0)) FROM year_summary"
        " WHERE year <= :y GROUP BY figure",
        {"y": year},
    ).fetchall()
    return YearSums({str(f): int(t) for f, t, _ in rows}, {str(f): int(v) for f, _, v in rows})


def filed(conn: sqlite3.Connection, year: int | None = None) -> int:
    """Live cases filed in ``year``, or in every year (every live case counts once)."""
    if year is None:
        row = conn.execute("SELECT sum(value) FROM year_summary WHERE figure = 'filed'").fetchone()
    else:
        row = conn.execute(
            "SELECT value FROM year_summary WHERE year = ? AND figure = 'filed'", [year]
        ).fetchone()
    return int(row[0] or 0) if row else 0
