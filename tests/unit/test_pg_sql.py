"""The dialect layer's rewrites, statement by statement (literal expected PostgreSQL)."""

from __future__ import annotations

import pytest

from chuansha_enforce.storage.server.pg_sql import json_list_places, translate

ROWS = [
    ("SELECT * FROM t WHERE a = ? AND b = ?", "SELECT * FROM t WHERE a = %s AND b = %s"),
    ("SELECT * FROM t WHERE a = :a", "SELECT * FROM t WHERE a = %(a)s"),
    ("SELECT 1 FROM t WHERE a = ?1 OR b = ?1", "SELECT 1 FROM t WHERE a = %(_p1)s OR b = %(_p1)s"),
    ("INSERT OR IGNORE INTO t (a) VALUES (?)",
     "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"),
    ("SELECT a FROM [t] WHERE x LIKE '%z'", "SELECT a FROM \"t\" WHERE x ILIKE '%%z'"),
    ("SELECT a FROM t WHERE x IS ?", "SELECT a FROM t WHERE x IS NOT DISTINCT FROM %s"),
    ("SELECT a FROM t WHERE x IS NOT ? AND y IS NOT NULL",
     "SELECT a FROM t WHERE x IS DISTINCT FROM %s AND y IS NOT NULL"),
    ("SELECT ifnull(a, 0), group_concat(b, '、') FROM t",
     "SELECT coalesce(a, 0), string_agg(CAST(b AS TEXT), '、') FROM t"),
    ("SELECT max(a, b), max(c), substr(d, -4) FROM t",
     "SELECT greatest(a, b), max(c), right(d, 4) FROM t"),
    ("SELECT n FROM (SELECT 1 AS n)", "SELECT n FROM (SELECT 1 AS n) AS _q1"),
    ("SELECT a FROM p CROSS JOIN c ON c.id = p.cid", "SELECT a FROM p JOIN c ON c.id = p.cid"),
    ("SELECT a FROM t INDEXED BY t_a WHERE b = 1", "SELECT a FROM t WHERE b = 1"),
    ("BEGIN IMMEDIATE", "BEGIN"),
    ("SELECT user FROM audit_log", 'SELECT "user" FROM audit_log'),
    ("INSERT INTO s (y, n) VALUES (?, ?) ON CONFLICT (y) DO UPDATE SET n = n + excluded.n",
     "INSERT INTO s (y, n) VALUES (%s, %s) ON CONFLICT (y) DO UPDATE SET n = s.n + excluded.n"),
    ("SELECT id FROM t WHERE id IN (SELECT value FROM json_each(?))",
     "SELECT id FROM t WHERE id = ANY(%s)"),
    ("SELECT n.value FROM json_each(?) AS n",
     "SELECT n.value FROM unnest(CAST(%s AS TEXT[])) AS n(value)"),
    ("SELECT sum(iif(y = :y, v, 0)), iif(a, b) FROM s",
     "SELECT sum(CASE WHEN y = %(y)s THEN v ELSE 0 END), CASE WHEN a THEN b ELSE NULL END FROM s"),
]  # fmt: skip


@pytest.mark.parametrize(("sqlite", "postgresql"), ROWS)
def test_a_statement_is_said_in_postgresql(sqlite: str, postgresql: str) -> None:
    assert translate(sqlite) == postgresql


def test_ddl_keeps_its_percent_signs_and_question_marks() -> None:
    ddl = "CREATE TABLE t (a TEXT CHECK (a LIKE '%?'))"
    assert translate(ddl, placeholders=False) == "CREATE TABLE t (a TEXT CHECK (a ILIKE '%?'))"


def test_the_json_lists_are_found_by_their_place() -> None:
    sql = "SELECT a FROM t WHERE b = '?' AND c = ? AND d IN (SELECT value FROM json_each(?))"
    assert json_list_places(sql) == (1,)


@pytest.mark.parametrize(
    ("sqlite", "postgresql"),
    [
        ("SELECT user FROM audit_log WHERE action = 'user.password_reset'",
         "SELECT \"user\" FROM audit_log WHERE action = 'user.password_reset'"),
        ("SELECT a FROM t WHERE b = 'x IS y' AND c LIKE 'LIKE main.x'",
         "SELECT a FROM t WHERE b = 'x IS y' AND c ILIKE 'LIKE main.x'"),
        ("SELECT a FROM t WHERE b IS 'z' OR c = ''''",
         "SELECT a FROM t WHERE b IS NOT DISTINCT FROM 'z' OR c = ''''"),
    ],
)  # fmt: skip
def test_the_word_rewrites_leave_string_literals_alone(sqlite: str, postgresql: str) -> None:
    assert translate(sqlite) == postgresql
