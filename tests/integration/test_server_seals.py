"""Seals on a server are the file's seals: the same demo book, written through the same
services on both backends, holds the same row and block seals and the same seal sum, so a
row keeps its seal whichever backend holds it (docs/SERVER.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.server.pg_database import open_server
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
