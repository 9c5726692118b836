"""A server case book made by an older build is upgraded by ``init``/open: the pending
migrations said in PostgreSQL, in one transaction. Servers are built at earlier migration lists
on the real test cluster and upgraded; the result is compared with a new server's catalogue
(columns, constraints, indexes, views, triggers and their functions), its rows are kept, and a
migration with no server form is refused with nothing written."""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import EvidenceKind
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.errors import ServerSchemaOldError
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, known_names, migrate
from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_search import TRIGRAM_INDEX_NAMES, has_trigram_search
from chuansha_enforce.storage.server.pg_upgrade import (
    UpgradeRefused,
    expected_shape,
    server_shape,
    statement_for_server,
)
from tests.cli_clock import main
from tests.conftest import NOW
from tests.server_backend import SERVER, Squad, server_digest

pytestmark = pytest.mark.pg
AT = "2026-11-27T02:00:00Z"
NO = "川执立〔2023〕1号"

CATALOGUE = {
    "columns": "SELECT table_name, column_name, data_type, is_nullable, column_default,"
    " is_identity, is_generated, generation_expression, ordinal_position"
    " FROM information_schema.columns WHERE table_schema = current_schema()",
    "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
    " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace",
    "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
    "views": "SELECT viewname, definition FROM pg_views WHERE schemaname = current_schema()",
    "triggers": "SELECT tgname, pg_get_triggerdef(t.oid), p.prosrc FROM pg_trigger t"
    " JOIN pg_proc p ON p.oid = t.tgfoid WHERE NOT tgisinternal",
    "functions": "SELECT proname, prosrc FROM pg_proc WHERE pronamespace ="
    " current_schema()::regnamespace",
    "grants": "SELECT table_name, privilege_type FROM information_schema.role_table_grants"
    " WHERE grantee = 'chuansha_enforce_app'",
}


def _catalogue(url: str) -> dict[str, list[tuple[Any, ...]]]:
    with psycopg.connect(url) as conn:
        return {
            part: sorted(tuple(str(v) for v in row) for row in conn.execute(query).fetchall())
            for part, query in CATALOGUE.items()
        }


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A second database on the test cluster: a new server at this build, for comparison."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    url = SERVER.rpartition("/")[0] + "/" + name
    try:
        _built_at(url, len(MIGRATION_TABLE))
        yield url
    finally:
        with psycopg.connect(SERVER, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _built_at(url: str, count: int) -> None:
    """The server as ``init`` of a build that knew only the first ``count`` migrations made
    it (the schema and the server extras: seal tracking, seals, trigram indexes)."""
    db = open_server(url)
    try:
        assert migrate(db, Path("unused"), table=MIGRATION_TABLE[:count]) == known_names()[:count]
    finally:
        db.close()


def _written_by_that_build(url: str, *statements: str) -> None:
    """Rows the older build's program wrote: in one write, tracked and sealed by the audit
    record that vouches for them."""
    db = open_server(url)
    try:
        with write_transaction(db):
            for statement in statements:
                db.execute(statement)
            AuditLog(db).append(AuditEntry(AT, "张三", "case.file", "general_case", "x", "ok", {}))
    finally:
        db.close()


def _cli(db: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", db, *args], out)
    return code, out.getvalue()


@pytest.mark.parametrize(
    "count",
    [
        pytest.param(1, id="from_0001"),  # every later migration, added columns to triggers
        pytest.param(3, id="from_0003"),  # the search dictionaries and their seed rows on
        pytest.param(14, id="from_0015"),  # a DROP TRIGGER among new tables and triggers
        pytest.param(known_names().index("0027_forced_ledger"), id="from_0026"),  # 0027 on
        pytest.param(known_names().index("0029_annual_sums"), id="from_0027"),  # DROP TABLE, a view
        pytest.param(known_names().index("0030_case_versions"), id="from_0029"),  # new sealed table
    ],
)
def test_a_server_built_at_an_earlier_migration_is_upgraded_to_what_a_new_one_has(
    count: int, server_db: str, fresh_server: str
) -> None:
    _built_at(server_db, count)
    db = open_server(server_db)
    try:
        done = migrate(db, Path("unused"))
    finally:
        db.close()
    assert done == known_names()[count:]
    assert _catalogue(server_db) == _catalogue(fresh_server)
    with psycopg.connect(server_db) as conn:
        recorded = [str(r[0]) for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert sorted(recorded) == sorted(known_names())


def test_init_upgrades_an_older_book_and_keeps_its_rows(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    before = known_names().index("0027_forced_ledger")
    _built_at(server_db, before)  # before 0027 and every later migration
    _written_by_that_build(
        server_db, "INSERT INTO officers (name, created_at) VALUES ('赵六', '2025-01-01')"
    )
    code, said = _cli(server_db, "init")
    assert code == 0
    assert said == f"{server_db}：已升级 {'、'.join(known_names()[before:])}\n"
    assert _cli(server_db, "init") == (0, f"{server_db}：无需升级\n")
    with build_services(server_db, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
    filed = ["case", "file", "--filed", "2026-03-02", "--party", "张三", "--party-type",
             "自然人", "--cause", "擅自搭建案", "--officers", "李四,王五"]  # fmt: skip
    assert _cli(server_db, *filed)[0] == 0
    code, stats = _cli(server_db, "stats", "--year", "2026")
    assert code == 0
    assert stats.startswith("2026年：一般案件立案 1 起，结案 0 起")  # the 0029 sums count it
    code, verified = _cli(server_db, "verify")
    assert code == 0, verified
    assert verified.startswith("全部通过")  # the year sums' triggers are as written
    with psycopg.connect(server_db) as conn:
        names = sorted(str(r[0]) for r in conn.execute("SELECT name FROM officers"))
    assert names == ["李四", "王五", "赵六"]


def test_a_later_migration_runs_with_its_data_statements(server_db: str) -> None:
    _built_at(server_db, len(MIGRATION_TABLE))
    with psycopg.connect(server_db, autocommit=True) as conn:
        conn.execute("INSERT INTO officers (name, created_at) VALUES ('赵六', '2025-01-01')")
    later = (
        "9001_officer_notes",
        "ALTER TABLE officers ADD COLUMN note TEXT NOT NULL DEFAULT ''"
        " CHECK (note = '' OR note GLOB 'n*');\n"
        "UPDATE officers SET note = 'n' || id;\n"
        "CREATE INDEX officers_note ON officers(note);\n"
        "CREATE TRIGGER officers_note_kept BEFORE UPDATE OF note ON officers\n"
        "BEGIN\n    SELECT RAISE(ABORT, 'note is kept');\nEND;\n",
    )
    db = open_server(server_db)
    try:
        assert migrate(db, Path("unused"), table=(*MIGRATION_TABLE, later)) == [later[0]]
    finally:
        db.close()
    with psycopg.connect(server_db, autocommit=True) as conn:
        assert conn.execute("SELECT name, note FROM officers").fetchall() == [("赵六", "n1")]
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="note is kept"):
            conn.execute("UPDATE officers SET note = 'n2'")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("INSERT INTO officers (name, created_at, note) VALUES ('x', 'y', 'z')")


def test_a_migration_with_no_server_form_is_refused_and_nothing_is_written(
    server_db: str,
) -> None:
    _built_at(server_db, len(MIGRATION_TABLE))
    later = (
        "9002_rename",
        "CREATE TABLE probe (id INTEGER PRIMARY KEY);\nALTER TABLE probe RENAME TO probe2;\n",
    )
    digest = server_digest(server_db)
    db = open_server(server_db)
    try:
        with pytest.raises(ServerSchemaOldError) as refused:
            migrate(db, Path("/srv/book"), table=(*MIGRATION_TABLE, later))
    finally:
        db.close()
    assert render(refused.value.code, refused.value.params, "zh") == (
        "服务器数据库 /srv/book 的结构较旧（缺少 9002_rename），无法在服务器上自动升级"
        "（9002_rename: no server form for: ALTER TABLE probe RENAME TO probe2），未做任何改动"
    )
    assert server_digest(server_db) == digest
    with psycopg.connect(server_db) as conn:
        assert conn.execute("SELECT to_regclass('probe')").fetchone() == (None,)


def test_each_statement_kind_is_said_for_the_server() -> None:
    assert statement_for_server("DROP TRIGGER IF EXISTS old_guard;", "m") == [
        "DROP FUNCTION IF EXISTS trg_old_guard() CASCADE"
    ]
    assert statement_for_server(
        "ALTER TABLE cases ADD COLUMN n INTEGER NOT NULL DEFAULT 0", "m"
    ) == ['ALTER TABLE "cases" ADD COLUMN n BIGINT NOT NULL DEFAULT 0']
    with pytest.raises(UpgradeRefused, match="no server form for: PRAGMA foreign_keys = OFF"):
        statement_for_server("PRAGMA foreign_keys = OFF", "m")


def _seal_state(url: str) -> tuple[str, int, list[seals.SealProblem]]:
    """The seal sum the newest audit record vouches for, the seals' sum, and the problems."""
    db = open_server(url)
    try:
        row = db.execute("SELECT seals FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        return str(row[0]), seals.seal_sum(db.conn), seals.seal_problems(db.conn)
    finally:
        db.close()


def _tracked(url: str) -> tuple[set[str], set[str]]:
    """The sealed tables, and the tables with all three tracking triggers."""
    db = open_server(url)
    try:
        sealed = {shape.name for shape in seals.shapes(db.conn)}
        found = db.execute(
            "SELECT c.relname, count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'seal_track'"
            " AND t.tgname IN ('seal_' || c.relname || '_i', 'seal_' || c.relname || '_u',"
            " 'seal_' || c.relname || '_d') GROUP BY c.relname"
        ).fetchall()
        return sealed, {str(name) for name, count in found if count == 3}
    finally:
        db.close()


def test_a_server_made_by_init_before_0030_is_upgraded_with_its_seals_kept_right(
    squad: Squad, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server ``init`` made at the build before 0030 (tracking triggers, seals, trigram
    indexes), holding cases its program filed, opened by this build: the upgrade is not
    refused for the server extras, the new sealed table is tracked, no seal changes, and a
    clerk's next write verifies clean while a psql change is named."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = squad.owner_url
    _built_at(url, known_names().index("0030_case_versions"))
    _written_by_that_build(
        url,
        "INSERT INTO parties (id, kind, name) VALUES (1, 'natural_person', '张三')",
        "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, created_at,"
        f" updated_at) VALUES (1, '{NO}', 1, '擅自搭建案', '2023-09-01', '{AT}', '{AT}')",
        "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, created_at,"
        " updated_at) VALUES (2, '川执立〔2023〕2号', 1, '占道设摊案', '2023-09-02',"
        f" '{AT}', '{AT}')",
    )
    vouched, total, problems = _seal_state(url)
    assert (int(vouched, 16), problems) == (total, [])
    sealed, tracked = _tracked(url)
    assert "case_versions" not in sealed
    assert tracked == sealed
    assert _cli(url, "init") == (0, f"{url}：已升级 0030_case_versions、0031_simple_versions\n")
    assert _seal_state(url) == (vouched, total, [])  # 0030 and 0031 write no sealed row
    sealed, tracked = _tracked(url)
    assert "case_versions" in sealed
    assert tracked == sealed  # the new sealed table is tracked as init's are
    with psycopg.connect(url) as conn:
        assert has_trigram_search(conn)
    code, verified = _cli(url, "verify")
    assert code == 0, verified
    assert verified.startswith("全部通过")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
    with build_services(squad.clerk_url, FixedClock(NOW)) as services:
        item = EvidenceItem(EvidenceKind.DOCUMENTARY, "现场照片", NOW.date())
        assert services.case_files.record_evidence(NO, item).case.version == 1
    code, verified = _cli(squad.clerk_url, "verify")
    assert code == 0, verified
    assert verified.startswith("全部通过")
    with psycopg.connect(url, autocommit=True) as conn:
        assert conn.execute("SELECT case_id, version FROM case_versions").fetchall() == [(1, 1)]
        conn.execute("UPDATE case_versions SET version = 7 WHERE case_id = 1")
        conn.execute("UPDATE general_cases SET cause = cause || '（改）' WHERE id = 2")
    code, tampered = _cli(squad.clerk_url, "verify")
    assert code == 1
    assert "case_versions\t1\trow differs from its audited state in: version" in tampered
    assert "general_cases\t2\trow differs from its audited state in: cause" in tampered


DIRECT = {  # the catalogue itself, as the shape check read it before it read ``sqlite_master``
    "index": "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace"
    " LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid"
    " WHERE n.nspname = current_schema() AND con.oid IS NULL",
    "view": "SELECT viewname FROM pg_views WHERE schemaname = current_schema()"
    " AND viewname <> 'sqlite_master'",
    "trigger": "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
    " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_proc p ON p.oid = t.tgfoid"
    " WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND NOT"
    " (p.proname = 'seal_track' AND t.tgname IN ('seal_' || c.relname || '_i',"
    " 'seal_' || c.relname || '_u', 'seal_' || c.relname || '_d'))",
}


def test_the_shape_read_from_sqlite_master_is_the_catalogues_own(fresh_server: str) -> None:
    with psycopg.connect(fresh_server, autocommit=True) as conn:
        conn.execute("CREATE TABLE extra (id BIGINT PRIMARY KEY, code TEXT UNIQUE, n INTEGER)")
        conn.execute("CREATE INDEX extra_n ON extra (n)")
        conn.execute("CREATE VIEW extra_view AS SELECT id FROM extra")
        conn.execute("CREATE TRIGGER extra_guard BEFORE DELETE ON extra FOR EACH ROW"
                     " EXECUTE FUNCTION trg_disputes_never_deleted()")  # fmt: skip
        shape = server_shape(conn)
        for kind, query in DIRECT.items():
            direct = sorted(str(r[0]) for r in conn.execute(query).fetchall())
            if kind == "index":
                direct = [n for n in direct if n not in TRIGRAM_INDEX_NAMES]
            assert shape[kind] == direct, kind
    assert "extra_n" in shape["index"]
    assert "extra_code_key" not in shape["index"]  # a constraint's index, as an autoindex
    assert "extra_view" in shape["view"]
    assert "extra_guard" in shape["trigger"]
    assert not [n for n in shape["trigger"] if n.startswith("seal_")]  # tracking: the program's
    assert not set(TRIGRAM_INDEX_NAMES) & set(shape["index"])
    assert shape["tables"]["extra"] == ["id", "code", "n"]
    expected = expected_shape(MIGRATION_TABLE)
    assert {k: v for k, v in shape.items() if k != "tables"} != {
        k: v for k, v in expected.items() if k != "tables"
    }
    with psycopg.connect(fresh_server, autocommit=True) as conn:
        conn.execute("DROP TABLE extra CASCADE")
        assert server_shape(conn) == expected  # a new server is what the migrations make


def test_a_server_whose_catalogue_view_is_the_first_builds_is_upgraded(
    server_db: str, fresh_server: str
) -> None:
    count = known_names().index("0030_case_versions")
    _built_at(server_db, count)
    with psycopg.connect(server_db, autocommit=True) as conn:  # it listed only the tables
        conn.execute("DROP VIEW sqlite_master")
        conn.execute(
            "CREATE VIEW sqlite_master AS SELECT CAST('table' AS TEXT) AS type,"
            " CAST(table_name AS TEXT) AS name, CAST(table_name AS TEXT) AS tbl_name,"
            " CAST(NULL AS TEXT) AS sql FROM information_schema.tables"
            " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
        conn.execute("GRANT SELECT ON sqlite_master TO chuansha_enforce_app")
    db = open_server(server_db)
    try:
        assert migrate(db, Path("unused")) == known_names()[count:]
    finally:
        db.close()
    assert _catalogue(server_db) == _catalogue(fresh_server)
