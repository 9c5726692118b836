"""``year_summary``: per-year sums of the annual figures that would otherwise read every case.

One row per calendar year holds what the live general cases contribute to that year:

- ``filed``, ``closed``: cases filed / closed in the year (so the cases open on 1 January
  are the sums over the earlier years: filed − closed);
- ``due_fen``: penalty money (fine + confiscation) decided in the year;
- ``credited_fen``: how much of the money decided up to the year's end the principal paid by
  then covers, as the year's increase: per case ``min(due, paid by 31 Dec)`` counted from the
  year of its decision, so the money unpaid at the end of year Y is
  Σ_{y ≤ Y} (due_fen − credited_fen);
- ``collected_fen``, ``surcharge_fen``: paid in the year (principal + 加处罚款; 加处罚款);
- ``review_cases``, ``review_rounds``: cases with a legal review round dated in the year
  (each case once per year), and the rounds.

The table is kept in the same write transaction as the rows it sums: triggers of the file
take a case's contributions out before a change of the case, its payments or its review rounds
and add them again after it. ``BulkWriter`` drops those triggers while it loads and adds the
new cases' contributions in one set-based statement (``fold_new_cases``) before putting them
back. ``problems`` recomputes the whole table from the cases (``verify``).
"""

from __future__ import annotations

import sqlite3

COLUMNS = (
    "filed",
    "closed",
    "due_fen",
    "credited_fen",
    "collected_fen",
    "surcharge_fen",
    "review_cases",
    "review_rounds",
)
LIVE = "c.deleted_at IS NULL"
OWED = (
    f"{LIVE} AND c.outcome = 'penalty' AND c.decided_on IS NOT NULL"
    " AND c.fine_fen + c.confiscation_fen > 0"
)
TABLE_SQL = (
    "CREATE TABLE year_summary (year INTEGER PRIMARY KEY, "
    + ", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in COLUMNS)
    + ") STRICT"
)


def contributions(cases: str, payments: str, rounds: str, *, by_part: bool = False) -> str:
    """SELECT year, then ``COLUMNS``, summed by year, of the live cases the three conditions
    pick: ``cases`` on ``c`` (the case row), ``payments`` on ``p``, ``rounds`` on ``r``.

    Payments and review rounds are read first and their case found by its key, so a load
    can fold its new cases in without the secondary indexes (dropped while it loads).
    ``by_part`` sums each kind of contribution by year before the whole is summed: the same
    figures, but a million cases' rows are not sorted together in one wide sort (a load).
    """

    def row(year: str, **values: str) -> str:
        named = [f"{values.get(name, '0')} AS {name}" for name in COLUMNS]
        return ", ".join([f"{year} AS year", *named])

    parts = [
        f"SELECT {row('c.filed_year', filed='1')} FROM general_cases c WHERE {LIVE} AND {cases}",
        f"SELECT {row('c.closed_year', closed='1')} FROM general_cases c"
        f" WHERE {LIVE} AND c.closed_year IS NOT NULL AND {cases}",
        f"SELECT {row('c.decided_year', due_fen='c.fine_fen + c.confiscation_fen')}"
        f" FROM general_cases c WHERE {OWED} AND {cases}",
        # principal paid, by the year it counts from (never before the decision's year)
        f"SELECT {row('year', credited_fen='min(due, cum) - min(due, cum - paid)')} FROM ("
        " SELECT year, due, paid, sum(paid) OVER (PARTITION BY case_id ORDER BY year) AS cum"
        " FROM (SELECT p.case_id, max(p.paid_year, c.decided_year) AS year,"
        " c.fine_fen + c.confiscation_fen AS due, sum(p.amount_fen) AS paid"
        " FROM payments p CROSS JOIN general_cases c ON c.id = p.case_id"
        f" WHERE {OWED} AND {payments} GROUP BY p.case_id, 2))",
        f"SELECT {row('p.paid_year', collected_fen='p.amount_fen + p.surcharge_fen', surcharge_fen='p.surcharge_fen')}"  # noqa: E501
        " FROM payments p CROSS JOIN general_cases c ON c.id = p.case_id"
        f" WHERE {LIVE} AND {payments}",
        f"SELECT {row('r.reviewed_year', review_cases='1', review_rounds='count(*)')}"
        " FROM legal_review_rounds r CROSS JOIN general_cases c ON c.id = r.case_id"
        f" WHERE {LIVE} AND {rounds} GROUP BY r.case_id, r.reviewed_year",
    ]
    sums = ", ".join(f"sum({name}) AS {name}" for name in COLUMNS)
    if by_part:
        parts = [f"SELECT year, {sums} FROM ({part}) GROUP BY year" for part in parts]
    return f"SELECT year, {sums} FROM ({' UNION ALL '.join(parts)}) GROUP BY year"


def _add(sign: int, cases: str, payments: str, rounds: str, *, by_part: bool = False) -> str:
    """The upsert adding (sign 1) or taking out (sign -1) the contributions picked."""
    names = ", ".join(COLUMNS)
    signed = ", ".join(f"{sign} * {name}" for name in COLUMNS)
    update = ", ".join(f"{name} = {name} + excluded.{name}" for name in COLUMNS)
    picked = contributions(cases, payments, rounds, by_part=by_part)
    return (
        f"INSERT INTO year_summary (year, {names})"
        f" SELECT year, {signed} FROM ({picked}) WHERE true"
        f" ON CONFLICT (year) DO UPDATE SET {update}"
    )


def _of_case(sign: int, case_id: str) -> str:
    return _add(sign, f"c.id = {case_id}", f"p.case_id = {case_id}", f"r.case_id = {case_id}")


CASE_COLUMNS = (
    "id, filed_on, closed_on, decided_on, outcome, fine_fen, confiscation_fen, deleted_at"
)


def _trigger(name: str, when: str, table: str, body: list[str], condition: str = "") -> str:
    statements = "".join(f"    {statement};\n" for statement in body)
    guard = f"\nWHEN {condition}" if condition else ""
    return f"CREATE TRIGGER {name} {when} ON {table}{guard}\nBEGIN\n{statements}END"


def trigger_sql() -> list[str]:
    """The triggers keeping ``year_summary``: out before, in after every change."""
    triggers = [
        _trigger("year_summary_case_insert", "AFTER INSERT", "general_cases",
                 [_of_case(1, "NEW.id")]),
        _trigger("year_summary_case_delete", "BEFORE DELETE", "general_cases",
                 [_of_case(-1, "OLD.id")]),
        _trigger("year_summary_case_before", f"BEFORE UPDATE OF {CASE_COLUMNS}",
                 "general_cases", [_of_case(-1, "OLD.id")]),
        _trigger("year_summary_case_after", f"AFTER UPDATE OF {CASE_COLUMNS}",
                 "general_cases", [_of_case(1, "NEW.id")]),
    ]  # fmt: skip
    for table in ("payments", "legal_review_rounds"):
        short = "payment" if table == "payments" else "review"
        triggers += [
            _trigger(f"year_summary_{short}_insert_before", "BEFORE INSERT", table,
                     [_of_case(-1, "NEW.case_id")]),
            _trigger(f"year_summary_{short}_insert_after", "AFTER INSERT", table,
                     [_of_case(1, "NEW.case_id")]),
            _trigger(f"year_summary_{short}_delete_before", "BEFORE DELETE", table,
                     [_of_case(-1, "OLD.case_id")]),
            _trigger(f"year_summary_{short}_delete_after", "AFTER DELETE", table,
                     [_of_case(1, "OLD.case_id")]),
            _trigger(f"year_summary_{short}_update_before", "BEFORE UPDATE", table,
                     [_of_case(-1, "OLD.case_id")]),
            _trigger(f"year_summary_{short}_update_after", "AFTER UPDATE", table,
                     [_of_case(1, "OLD.case_id")]),
            _trigger(f"year_summary_{short}_moved_before", "BEFORE UPDATE OF case_id", table,
                     [_of_case(-1, "NEW.case_id")], "NEW.case_id IS NOT OLD.case_id"),
            _trigger(f"year_summary_{short}_moved_after", "AFTER UPDATE OF case_id", table,
                     [_of_case(1, "NEW.case_id")], "NEW.case_id IS NOT OLD.case_id"),
        ]  # fmt: skip
    return triggers


def _trigger_name(sql: str) -> str:
    return sql.split()[2]


def fill_sql() -> str:
    """The whole table from the cases (the migration, after an empty table)."""
    return _add(1, "true", "true", "true")


def migration_script() -> str:
    return ";\n".join([TABLE_SQL, fill_sql(), *trigger_sql()]) + ";\n"


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
    triggers were dropped, with their payments and review rounds) and put the triggers back."""
    conn.execute(
        _add(1, "c.id >= :first", "p.case_id >= :first", "r.case_id >= :first", by_part=True),
        {"first": first_id},
    )
    for sql in trigger_sql():
        conn.execute(sql)


def recomputed(conn: sqlite3.Connection) -> dict[int, tuple[int, ...]]:
    """Every year's sums computed from the cases now (the non-zero years)."""
    rows = conn.execute(contributions("true", "true", "true")).fetchall()
    return {int(r[0]): tuple(int(v or 0) for v in r[1:]) for r in rows if any(r[1:])}


def stored(conn: sqlite3.Connection) -> dict[int, tuple[int, ...]]:
    rows = conn.execute(f"SELECT year, {', '.join(COLUMNS)} FROM year_summary").fetchall()
    return {int(r[0]): tuple(int(v) for v in r[1:]) for r in rows if any(r[1:])}


def problems(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(year, what differs) for every year whose stored sums differ from a recomputation,
    and a missing upkeep trigger; empty when the table holds what the cases give."""
    if not has_summary(conn):
        return []
    found: list[tuple[str, str]] = []
    have = stored(conn)
    want = recomputed(conn)
    for year in sorted(set(have) | set(want)):
        got, expected = have.get(year), want.get(year)
        if got != expected:
            zeros = (0,) * len(COLUMNS)
            differ = [
                f"{name} {a} ≠ {b}"
                for name, a, b in zip(COLUMNS, got or zeros, expected or zeros, strict=True)
                if a != b
            ]
            found.append((str(year), "stored sums differ from the cases: " + ", ".join(differ)))
    present = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'year_summary_%'"
        )
    }
    missing = [_trigger_name(sql) for sql in trigger_sql() if _trigger_name(sql) not in present]
    if missing:
        what = f"{len(missing)} upkeep triggers missing (the sums stop following the cases)"
        found.append(("-", f"{what}: {', '.join(missing)}"))
    return found


def summed_to(conn: sqlite3.Connection, year: int) -> dict[str, int]:
    """Sums over the years up to ``year``, and the year's own row (``<name>_in_year``)."""
    totals = ", ".join(f"sum({name})" for name in COLUMNS)
    own = ", ".join(f"sum(CASE WHEN year = :y THEN {name} ELSE 0 END)" for name in COLUMNS)
    row = conn.execute(
        f"SELECT {totals}, {own} FROM year_summary WHERE year <= :y", {"y": year}
    ).fetchone()
    values = [int(v or 0) for v in row]
    result = dict(zip(COLUMNS, values[: len(COLUMNS)], strict=True))
    result.update(
        {f"{name}_in_year": v for name, v in zip(COLUMNS, values[len(COLUMNS) :], strict=True)}
    )
    return result


def filed(conn: sqlite3.Connection, year: int | None = None) -> int:
    """Live cases filed in ``year``, or in every year (every live case counts once)."""
    if year is None:
        row = conn.execute("SELECT sum(filed) FROM year_summary").fetchone()
    else:
        row = conn.execute("SELECT filed FROM year_summary WHERE year = ?", [year]).fetchone()
    return int(row[0] or 0) if row else 0
