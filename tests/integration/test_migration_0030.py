"""Migration 0030_case_versions on a file written before it: the versions are a table of
their own, so no sealed row changes: every row seal and block seal, and the seal sum the
newest audit record vouches for, stay as they were, and ``verify`` stays clean. The cases
there start at version 0, and the first edit after the migration makes it 1."""

from __future__ import annotations

from pathlib import Path

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import EvidenceKind
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, migrate
from chuansha_enforce.storage.safety import seals
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from tests.cli_clock import main
from tests.conftest import NOW

AT = "2026-11-27T02:00:00Z"
NAME = "0030_case_versions"
HERE = [name for name, _sql in MIGRATION_TABLE].index(NAME)
BEFORE = MIGRATION_TABLE[:HERE]
NO = "川执立〔2023〕1号"


def _before_0030(path: Path) -> None:
    """A file of the migrations before 0030: one case in a sealed block (as a bulk load
    seals), one written row by row (row seals), the audit record vouching for both."""
    db = open_database(path)
    assert migrate(db, path, table=BEFORE)[-1] == MIGRATION_TABLE[HERE - 1][0]
    with write_transaction(db):
        db.execute("INSERT INTO parties (id, kind, name) VALUES (1, 'natural_person', '张三')")
        db.execute(
            "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, created_at,"
            " updated_at) VALUES (1, ?, 1, '擅自搭建案', '2023-09-01', ?, ?)",
            [NO, AT, AT],
        )
        seals.reseal_blocks(db)
        AuditLog(db).append(AuditEntry(AT, "导入", "ledger.import", "ledger", "x", "ok", {}))
    with write_transaction(db):
        db.execute(
            "INSERT INTO general_cases (id, case_no, party_id, cause, filed_on, created_at,"
            " updated_at) VALUES (2, '川执立〔2023〕2号', 1, '占道设摊案', '2023-09-02', ?, ?)",
            [AT, AT],
        )
        AuditLog(db).append(
            AuditEntry(AT, "张三", "case.file", "general_case", "川执立〔2023〕2号", "ok", {})
        )
    assert seals.seal_problems(db.conn) == []
    db.close()


def _vouched(path: Path) -> tuple[str, int]:
    db = open_database(path)
    try:
        row = db.execute("SELECT seals FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        assert seals.seal_problems(db.conn) == []
        return str(row[0]), seals.seal_sum(db.conn)
    finally:
        db.close()


def test_the_old_seals_stay_valid_and_the_first_edit_makes_version_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    _before_0030(path)
    vouched, total = _vouched(path)
    assert int(vouched, 16) == total
    db = open_database(path)
    assert migrate(db, path) == [name for name, _sql in MIGRATION_TABLE[HERE:]]
    db.close()
    assert _vouched(path) == (vouched, total)  # nothing sealed changed
    assert main(["--db", str(path), "verify"]) == 0
    with build_services(path, FixedClock(NOW)) as services:
        assert services.case_files.find(NO).version == 0
        item = EvidenceItem(EvidenceKind.DOCUMENTARY, "现场照片", NOW.date())
        assert services.case_files.record_evidence(NO, item).case.version == 1
    assert main(["--db", str(path), "verify"]) == 0
