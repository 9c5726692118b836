"""Schema of migration 0026_year_summary: the per-year sums of the annual figures, filled from
the cases already in the file, and the triggers keeping them in every later write.

Frozen as it was written: eight columns, each trigger holding the whole recomputation of its
case. Migration 0029_annual_sums replaces the table and its triggers (``storage.year_summary``
explains the columns and the upkeep of today).
"""

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
CASE_COLUMNS = (
    "id, filed_on, closed_on, decided_on, outcome, fine_fen, confiscation_fen, deleted_at"
)


def _contributions(cases: str, payments: str, rounds: str) -> str:
    def row(year: str, **values: str) -> str:
        named = [f"{values.get(name, '0')} AS {name}" for name in COLUMNS]
        return ", ".join([f"{year} AS year", *named])

    parts = [
        f"SELECT {row('c.filed_year', filed='1')} FROM general_cases c WHERE {LIVE} AND {cases}",
        f"SELECT {row('c.closed_year', closed='1')} FROM general_cases c"
        f" WHERE {LIVE} AND c.closed_year IS NOT NULL AND {cases}",
        f"SELECT {row('c.decided_year', due_fen='c.fine_fen + c.confiscation_fen')}"
        f" FROM general_cases c WHERE {OWED} AND {cases}",
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
    return f"SELECT year, {sums} FROM ({' UNION ALL '.join(parts)}) GROUP BY year"


def _add(sign: int, cases: str, payments: str, rounds: str) -> str:
    names = ", ".join(COLUMNS)
    signed = ", ".join(f"{sign} * {name}" for name in COLUMNS)
    update = ", ".join(f"{name} = {name} + excluded.{name}" for name in COLUMNS)
    return (
        f"INSERT INTO year_summary (year, {names})"
        f" SELECT year, {signed} FROM ({_contributions(cases, payments, rounds)}) WHERE true"
        f" ON CONFLICT (year) DO UPDATE SET {update}"
    )


def _of_case(sign: int, case_id: str) -> str:
    return _add(sign, f"c.id = {case_id}", f"p.case_id = {case_id}", f"r.case_id = {case_id}")


def _trigger(name: str, when: str, table: str, body: list[str], condition: str = "") -> str:
    statements = "".join(f"    {statement};\n" for statement in body)
    guard = f"\nWHEN {condition}" if condition else ""
    return f"CREATE TRIGGER {name} {when} ON {table}{guard}\nBEGIN\n{statements}END"


def _triggers() -> list[str]:
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


TABLE_SQL = (
    "CREATE TABLE year_summary (year INTEGER PRIMARY KEY, "
    + ", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in COLUMNS)
    + ") STRICT"
)

SCHEMA_0026_YEAR_SUMMARY = (
    ";\n".join([TABLE_SQL, _add(1, "true", "true", "true"), *_triggers()]) + ";\n"
)
