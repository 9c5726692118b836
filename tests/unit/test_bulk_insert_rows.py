"""``insert_rows``: many rows to a statement on a file, the same rows, order and rowids as
``executemany`` one row at a time."""

from __future__ import annotations

import sqlite3

import pytest

from chuansha_enforce.storage.bulk_writer import MAX_VARIABLES, insert_rows, values_sql

SQL = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"
PER = MAX_VARIABLES // 3  # 333 rows to a statement


def _table() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (a INTEGER, b TEXT, c TEXT)")  # rowid given by SQLite
    return conn


def test_the_statement_for_several_rows() -> None:
    assert values_sql(SQL, 1) == SQL
    assert values_sql(SQL, 3) == ("INSERT INTO t (a, b, c) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?)")


@pytest.mark.parametrize("count", [0, 1, PER - 1, PER, PER + 1, 3 * PER + 2])
def test_the_same_rows_as_one_at_a_time(count: int) -> None:
    rows = [
        (n, f"沪浦川执立〔2024〕{n:06d}号", None if n % 3 else "2024-03-04") for n in range(count)
    ]
    one, many = _table(), _table()
    one.executemany(SQL, rows)
    insert_rows(many, SQL, rows)
    read = "SELECT rowid, a, b, c FROM t ORDER BY rowid"
    assert many.execute(read).fetchall() == one.execute(read).fetchall()
    assert len(many.execute(read).fetchall()) == count


def test_a_refused_row_refuses_like_executemany() -> None:
    conn = _table()
    conn.execute("CREATE UNIQUE INDEX t_a ON t(a)")
    with pytest.raises(sqlite3.IntegrityError):
        insert_rows(conn, SQL, [(1, "x", None), (1, "y", None)])
