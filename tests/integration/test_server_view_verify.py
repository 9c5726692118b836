"""``verify`` on a server compares the per-year sums' view ``year_summary_parts`` as the server
keeps it (PostgreSQL's rendering of the parsed query) with the view as the program makes it,
rendered the same way (docs/SERVER.md): a view replaced through psql is named even while what
it gives still equals the recomputation, and the check writes nothing."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.storage.reports.year_summary import VIEW_SQL
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_views import view_text
from tests.conftest import database_digest
from tests.integration.test_server_mode import FILE, _cli, _officers


def _made(server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(server_db, "init")[0] == 0
    _officers(server_db)
    assert _cli(server_db, *FILE)[0] == 0


@pytest.mark.pg
def test_verify_on_a_server_names_a_replaced_year_summary_view(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _made(server_db, monkeypatch, tmp_path)
    code, verified = _cli(server_db, "verify")
    assert code == 0, verified
    before = database_digest(server_db)
    with psycopg.connect(server_db, autocommit=True) as conn:
        row = conn.execute("SELECT pg_get_viewdef('year_summary_parts'::regclass)").fetchone()
        assert row is not None
        query = str(row[0]).strip().rstrip(";")
        # the same columns, but 'closed' left out: no case is closed yet, so the view still
        # gives what the cases give and the stored sums still equal the recomputation
        conn.execute(
            "CREATE OR REPLACE VIEW year_summary_parts AS SELECT * FROM"
            f" ({query}) AS x WHERE x.figure <> 'closed'"
        )
    code, verified = _cli(server_db, "verify")
    assert code == 1
    lines = [line for line in verified.splitlines() if "year_summary" in line]
    assert len(lines) == 1, verified
    assert "altered" in lines[0] or "改" in lines[0], lines[0]
    assert lines[0].endswith("year_summary_parts"), lines[0]
    assert "stored sums differ" not in verified  # named by its definition, not by its sums
    assert database_digest(server_db) == before  # (of the rows) the checks wrote nothing
    with psycopg.connect(server_db, autocommit=True) as conn:
        left = conn.execute(
            "SELECT count(*) FROM pg_class WHERE relname = 'chuansha_view_as_written'"
        ).fetchone()
        assert left == (0,)  # the view made to render it is gone


@pytest.mark.pg
def test_the_view_as_made_renders_as_the_stored_one_inside_a_transaction_too(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The rendering is made in a savepoint when a transaction is open (``migrate-to``'s
    checks run inside its transaction), which goes on afterwards; and in a read-only session
    (nobody logged in) in a transaction of its own, rolled back."""
    _made(server_db, monkeypatch, tmp_path)
    db = open_server(server_db)
    try:
        stored = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'year_summary_parts'"
        ).fetchone()[0]
        assert view_text(db.pg, VIEW_SQL) == stored
        db.pg.raw.execute("BEGIN")
        db.execute("CREATE TEMP TABLE kept (n INTEGER)")
        assert view_text(db.pg, VIEW_SQL) == stored
        db.execute("INSERT INTO kept VALUES (1)")  # the transaction goes on after it
        assert db.pg.in_transaction
        db.pg.raw.execute("ROLLBACK")
        db.execute("PRAGMA query_only = ON")
        assert view_text(db.pg, VIEW_SQL) == stored
        temp = db.execute(
            "SELECT count(*) FROM pg_class WHERE relname = 'chuansha_view_as_written'"
        ).fetchone()[0]
        assert temp == 0
    finally:
        db.close()
