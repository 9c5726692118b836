"""Seals on a server are the file's seals: the same demo book, written through the same
services on both backends, holds the same row and block seals and the same seal sum, so a
row keeps its seal whichever backend holds it (docs/SERVER.md)."""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.storage.cases.case_search_repository import CaseSearchRepository
from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.server import pg_search
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_search import has_trigram_search
from tests.cli_clock import main
from tests.tamper import query

SEALS = (
    "SELECT tbl, block, digest FROM block_seals ORDER BY tbl, block",
    "SELECT tbl, key, digest FROM row_seals WHERE tbl NOT IN"
    " ('settings', 'issued_numbers', 'number_templates', 'calendar_overrides',"
    " 'case_documents') ORDER BY tbl, key",
    # the sum after the demo (the settings row below is keyed differently: see the end)
    "SELECT seals FROM audit_log WHERE action = 'demo.fill'",
)


@pytest.mark.pg
def test_the_same_book_has_the_same_seals_on_a_file_and_a_server(
    server_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = str(tmp_path / "cases.db")
    for db in (file, server_db):
        assert main(["--db", db, "init"]) == 0
        assert main(["--db", db, "demo", "--cases", "40", "--seed", "7"]) == 0
        assert main(["--db", db, "settings", "set", "due_soon_working_days", "2"]) == 0
        assert main(["--db", db, "verify"]) == 0, capsys.readouterr().out
    for sql in SEALS:
        on_file, on_server = query(file, sql), query(server_db, sql)
        assert on_file == on_server, sql
        assert on_file  # something was sealed
    # A table without an integer key is keyed by its primary key on a server (a file keys
    # it by its rowid); its row's digest is the same, its seal's key (so the sum) is not.
    digests = "SELECT digest FROM row_seals WHERE tbl = 'settings'"
    assert query(file, digests) == query(server_db, digests)
    assert query(server_db, "SELECT key FROM row_seals WHERE tbl = 'settings'") == [
        ("due_soon_working_days",)
    ]


@pytest.mark.pg
def test_a_psql_session_is_not_tracked_and_its_rows_are_never_sealed(
    server_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tracking triggers list rows only for a session of the program: an INSERT made in
    another session stays unsealed even after the program's next write, and is named."""
    assert main(["--db", server_db, "init"]) == 0
    attacker = open_server(server_db)
    attacker.execute(
        "INSERT INTO officers (id, name, created_at) VALUES (99, '假人', '2026-11-27')"
    )
    attacker.close()
    assert main(["--db", server_db, "settings", "set", "due_soon_working_days", "2"]) == 0
    assert query(server_db, "SELECT count(*) FROM row_seals WHERE tbl = 'officers'") == [(0,)]
    capsys.readouterr()
    assert main(["--db", server_db, "verify"]) == 1
    assert "officers\t99\trow has no audited state (added outside the program)" in (
        capsys.readouterr().out
    )
    program = open_server(server_db)
    try:
        shapes = {s.name: s for s in seals.shapes(program.conn)}
    finally:
        program.close()
    assert shapes["general_case_officers"].pk == ("case_id", "certificate_id")
    assert shapes["settings"].blocked is False
    assert shapes["general_cases"].blocked is True


@pytest.mark.pg
def test_without_pg_trgm_init_falls_back_and_search_finds_the_same(
    server_db: str, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A role that may make tables but not extensions: init makes no trigram index (the
    look-ups read the dictionaries, ILIKE) and logs a warning saying so, and the search still
    finds a party by its name."""
    clerk = f"noext_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_db, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {clerk} LOGIN".encode())
        owner.execute(
            f"REVOKE CREATE ON DATABASE {server_db.rpartition('/')[2]} FROM PUBLIC".encode()
        )
        owner.execute(f"ALTER SCHEMA public OWNER TO {clerk}".encode())
    base, _slash, name = server_db.rpartition("/")
    as_clerk = base.replace("://postgres@", f"://{clerk}@") + "/" + name
    try:
        with caplog.at_level(logging.WARNING, logger=pg_search.__name__):
            assert main(["--db", as_clerk, "init"]) == 0
        (warned,) = [r for r in caplog.records if r.name == pg_search.__name__]
        assert warned.levelno == logging.WARNING
        assert warned.getMessage().startswith(
            "no trigram search indexes: pg_trgm cannot be made here (permission denied to create"
            ' extension "pg_trgm"'
        )
        assert main(["--db", as_clerk, "demo", "--cases", "30", "--seed", "4"]) == 0
        db = open_server(as_clerk)
        try:
            assert not has_trigram_search(db.pg.raw)
            extensions = db.pg.raw.execute("SELECT extname FROM pg_extension").fetchall()
            assert ("pg_trgm",) not in extensions
            search = CaseSearchRepository(db)
            ((name_of_one,),) = db.execute(
                "SELECT name FROM parties ORDER BY id LIMIT 1"
            ).fetchall()
            found = search.search(name_of_one, after=None, limit=50).rows
        finally:
            db.close()
        assert found
        assert all(name_of_one in row.party_name for row in found)
        assert main(["--db", as_clerk, "verify"]) == 0, capsys.readouterr().out
    finally:
        with psycopg.connect(server_db, autocommit=True) as owner:
            owner.execute("ALTER SCHEMA public OWNER TO pg_database_owner")
            owner.execute(f"DROP OWNED BY {clerk}".encode())
            owner.execute(f"DROP ROLE {clerk}".encode())


@pytest.mark.pg
def test_a_moved_book_holds_the_seals_init_and_the_same_writes_give_a_server(
    server_db: str, other_server_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``migrate-to`` copies the seals verbatim and seals the five tables keyed differently
    on a server again: the moved book holds exactly the seals (and the seal sum) of the same
    book written on a server from ``init`` on, and its arrival record vouches for that sum."""
    file = str(tmp_path / "cases.db")
    for db in (file, other_server_db):
        assert main(["--db", db, "init"]) == 0
        assert main(["--db", db, "demo", "--cases", "40", "--seed", "7"]) == 0
        assert main(["--db", db, "settings", "set", "due_soon_working_days", "2"]) == 0
    assert main(["--db", file, "migrate-to", server_db]) == 0, capsys.readouterr().err
    everything = (
        "SELECT tbl, block, digest FROM block_seals ORDER BY tbl, block",
        "SELECT tbl, key, digest FROM row_seals ORDER BY tbl, key",
    )
    for sql in everything:
        assert query(server_db, sql) == query(other_server_db, sql), sql
    last = "SELECT action, outcome, seals FROM audit_log ORDER BY id DESC LIMIT 1"
    ((action, outcome, vouched),) = query(server_db, last)
    ((_action, _outcome, same_writes),) = query(other_server_db, last)
    assert (action, outcome, vouched) == ("database.migrate", "ok", same_writes)
    assert query(file, "SELECT seals FROM audit_log ORDER BY id DESC LIMIT 1") != [(vouched,)]
    assert main(["--db", server_db, "verify"]) == 0, capsys.readouterr().out
