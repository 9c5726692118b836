"""The database file: pragmas, migrations, refusal of newer files, audit chain, atomic writes.

Migrations, the refusal of a newer case book, atomic writes, the audit chain's guards and the
schema's checks run on both backends (``backend``: a file and a server database); pragmas,
query plans, index texts in ``sqlite_master``, file backups and not-a-database files are the
SQLite file's own and stay file-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
import sqlite_utils

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.output_files import backups_dir
from chuansha_enforce.storage.bulk_writer import BulkWriter
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.errors import (
    DatabaseNewerError,
    DatabaseReadOnlyError,
    NotADatabaseError,
)
from chuansha_enforce.storage.migrations import (
    MIGRATION_SET,
    MIGRATION_TABLE,
    applied_names,
    known_names,
    migrate,
    split_statements,
)
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.safety.backup import backup_database
from tests.backend_book import local_path, open_book

INTEGRITY_ERRORS = (sqlite3.IntegrityError, psycopg.IntegrityError)


def test_connection_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    db.close()


def test_migrations_apply_once_and_are_idempotent(backend: Path | str) -> None:
    db = open_book(backend)
    assert migrate(db, local_path(backend)) == known_names()
    schema = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    assert migrate(db, local_path(backend)) == []
    assert db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == schema
    assert applied_names(db) == known_names()
    db.close()


def test_every_table_is_strict(db_path: Path) -> None:
    db = open_database(db_path)
    migrate(db, db_path)
    strict = db.execute(
        "SELECT name FROM pragma_table_list WHERE strict = 0 AND schema = 'main' AND type = 'table'"
        " AND name NOT LIKE 'sqlite_%' AND name != '_sqlite_migrations'"
    ).fetchall()
    assert strict == []
    db.close()


def test_year_columns_are_indexed(db_path: Path) -> None:
    db = open_database(db_path)
    migrate(db, db_path)
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM general_cases"
        " WHERE deleted_at IS NULL AND decided_year = 2023"
    ).fetchall()
    assert any("general_cases_decided_figures" in str(step[-1]) for step in plan)
    db.close()


def test_the_case_list_and_its_pages_read_one_index(db_path: Path) -> None:
    """The list's first page, a later page and the year filter each walk an index in order.

    (Migration 0009 dropped ``general_cases_list``, a prefix of ``general_cases_list_party``.)
    """
    db = open_database(db_path)
    migrate(db, db_path)
    head = (
        "EXPLAIN QUERY PLAN SELECT c.id FROM general_cases c JOIN parties p ON p.id = c.party_id"
        " WHERE c.deleted_at IS NULL"
    )
    tail = " ORDER BY c.filed_on DESC, c.id DESC LIMIT 51"
    plans = {
        "first": db.execute(head + tail).fetchall(),
        "next": db.execute(head + " AND (c.filed_on, c.id) < ('2024-05-01', 9)" + tail).fetchall(),
        "year": db.execute(head + " AND c.filed_year = 2024" + tail).fetchall(),
    }
    details = {name: " | ".join(str(step[-1]) for step in plan) for name, plan in plans.items()}
    assert "USING INDEX general_cases_list_party" in details["first"], details
    assert "USING INDEX general_cases_list_party (filed_on<?)" in details["next"], details
    assert "USING INDEX general_cases_filed_year (filed_year=?)" in details["year"], details
    assert not any("TEMP B-TREE" in detail for detail in details.values()), details
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "general_cases_list" not in names
    db.close()


def test_a_newer_database_is_refused_with_its_message(
    backend: Path | str, clock: FixedClock
) -> None:
    db = open_book(backend)
    migrate(db, local_path(backend))
    with write_transaction(db):
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "0099_from_the_future", "2030-01-01"],
        )
    db.close()
    with pytest.raises(DatabaseNewerError) as caught:
        build_services(backend, clock)
    assert caught.value.params["migrations"] == "0099_from_the_future"


def test_a_backup_is_taken_before_pending_migrations(db_path: Path) -> None:
    db = open_database(db_path)
    migrate(db, db_path)
    with write_transaction(db):
        db.execute("INSERT INTO settings VALUES ('marker', '1', 'now')")
    notes = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT) STRICT;"
    later = (*MIGRATION_TABLE, ("9999_add_notes", notes))

    saved: list[Path] = []

    def backup(label: str) -> Path:
        saved.append(backup_database(db, db_path.parent / f"{label}.db"))
        return saved[-1]

    assert migrate(db, db_path, backup=backup, table=later) == ["9999_add_notes"]
    assert [p.name for p in saved] == ["pre-migration.db"]
    copy = sqlite3.connect(saved[0])
    tables = {r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "notes" not in tables
    assert copy.execute("SELECT value FROM settings").fetchone()[0] == "1"
    copy.close()
    assert "notes" in db.table_names()
    # Nothing pending: no second backup.
    assert migrate(db, db_path, backup=backup, table=later) == []
    assert len(saved) == 1
    db.close()


def test_a_fresh_database_needs_no_backup(db_path: Path, clock: FixedClock) -> None:
    build_services(db_path, clock).close()
    assert not backups_dir(db_path).exists()


def test_not_a_database_is_a_storage_error(tmp_path: Path, clock: FixedClock) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"this is a spreadsheet, honest" * 100)
    with pytest.raises(NotADatabaseError):
        build_services(bogus, clock)


def test_read_only_file_is_reported(backend: Path | str, clock: FixedClock) -> None:
    build_services(backend, clock).close()
    with build_services(backend, clock, read_only=True) as services:
        assert services.read_only
        assert services.cases.count() == 0
        with pytest.raises(DatabaseReadOnlyError), write_transaction(services._db) as db:
            db.execute("INSERT INTO settings VALUES ('k', '1', 'now')")


def test_split_statements_keeps_trigger_bodies() -> None:
    script = "CREATE TABLE t (a);\nCREATE TRIGGER x BEFORE DELETE ON t\nBEGIN\n SELECT 1;\nEND;\n"
    assert len(split_statements(script)) == 2


def test_write_transaction_is_all_or_nothing(backend: Path | str) -> None:
    db = open_book(backend)
    migrate(db, local_path(backend))

    def interrupted() -> None:
        with write_transaction(db):
            db.execute("INSERT INTO settings VALUES ('a', '1', 'now')")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        interrupted()
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0
    with write_transaction(db):
        db.execute("INSERT INTO settings VALUES ('a', '1', 'now')")
    assert db.execute("SELECT count(*) FROM settings").fetchone()[0] == 1
    db.close()


def _entry(n: int) -> AuditEntry:
    return AuditEntry(
        f"2026-11-27T00:00:0{n}Z", "内勤", "case.file", "case", str(n), "ok", {"n": n}
    )


def test_audit_log_is_append_only_and_chained(backend: Path | str) -> None:
    db = open_book(backend)
    migrate(db, local_path(backend))
    log = AuditLog(db)
    with write_transaction(db):
        heads = [log.append(_entry(n)) for n in range(3)]
    assert log.head() == heads[-1]
    assert log.verify() is None
    for statement in ("UPDATE audit_log SET user = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(INTEGRITY_ERRORS, match="append-only"):
            db.execute(statement)
        db.conn.rollback()
    # Someone with raw access drops the guard and edits a record: verify finds it.
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET user = '他人' WHERE id = 2")
    db.conn.commit()
    assert log.verify() == 2
    db.close()


def test_backup_is_a_checked_copy(demo_db: Path, tmp_path: Path) -> None:
    db = open_database(demo_db, read_only=True)
    target = backup_database(db, tmp_path / "copy.db")
    original = db.execute("SELECT count(*), sum(fine_fen) FROM general_cases").fetchone()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT count(*), sum(fine_fen) FROM general_cases").fetchone() == original
    copy.close()
    db.close()
    assert not (tmp_path / "copy.db.partial").exists()


def _index_sql(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()
    conn.close()
    return rows


def test_bulk_load_leaves_every_index_as_the_schema_made_it(
    demo_db: Path, tmp_path: Path, clock: FixedClock
) -> None:
    fresh = tmp_path / "fresh.db"
    build_services(fresh, clock).close()
    assert _index_sql(demo_db) == _index_sql(fresh)
    conn = sqlite3.connect(demo_db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_failed_bulk_load_restores_data_and_indexes(db_path: Path, clock: FixedClock) -> None:
    build_services(db_path, clock).close()
    before = _index_sql(db_path)
    db = open_database(db_path)

    def load_then_fail() -> None:
        with write_transaction(db):
            writer = BulkWriter(db, "2026-11-27T00:00:00+00:00")
            with writer.indexes_rebuilt_after(["parties", "general_cases"]):
                db.execute("INSERT INTO parties (kind, name) VALUES ('legal_person', '某公司')")
                assert _index_names(db) < {name for name, _ in before}
                raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        load_then_fail()
    db.close()
    assert _index_sql(db_path) == before
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM parties").fetchone()[0] == 0
    conn.close()


def _index_names(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}


@pytest.mark.parametrize(
    ("statement", "params"),
    [
        ("INSERT INTO parties (kind, name) VALUES (?, ?)", ["company", "某公司"]),
        ("INSERT INTO parties (kind, name) VALUES (?, ?)", ["legal_person", "  "]),
        (
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, hearing, created_at,"
            " updated_at) VALUES ('X1', 1, '案由', '2024-01-01', 'maybe', 'n', 'n')",
            [],
        ),
        (
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, outcome, created_at,"
            " updated_at) VALUES ('X2', 1, '案由', '2024-01-01', 'fined', 'n', 'n')",
            [],
        ),
        (
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, decided_on, created_at,"
            " updated_at) VALUES ('X3', 1, '案由', '2024-01-01', '2023-12-31', 'n', 'n')",
            [],
        ),
        (
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, closed_on, created_at,"
            " updated_at) VALUES ('X4', 1, '案由', '2024-01-01', '2024-02-01', 'n', 'n')",
            [],
        ),
        (
            "INSERT INTO general_cases (case_no, party_id, cause, filed_on, created_at, updated_at)"
            " VALUES ('X5', 999, '案由', '2024-01-01', 'n', 'n')",
            [],
        ),
        ("INSERT INTO calendar_overrides VALUES ('2027-01-01', 2, NULL)", []),
    ],
)
def test_the_schema_refuses_impossible_rows(
    backend: Path | str, statement: str, params: list[object]
) -> None:
    db = open_book(backend)
    migrate(db, local_path(backend))
    with write_transaction(db):
        db.execute("INSERT INTO parties (id, kind, name) VALUES (1, 'legal_person', '某公司')")
    with pytest.raises(INTEGRITY_ERRORS), write_transaction(db):
        db.execute(statement, params)
    assert db.execute("SELECT count(*) FROM general_cases").fetchone()[0] == 0
    db.close()
