"""Migration 0017_simple_payments on a file that already holds sealed simple decisions (one
sealed by block when seals came in, one by its own audited write): the file still verifies right
after the migration, before any new audit record."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from chuansha_enforce.services.verify_service import VerifyService
from chuansha_enforce.storage.connection import open_database, write_transaction
from chuansha_enforce.storage.migrations import MIGRATION_TABLE, migrate
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

AT = "2026-11-27T02:00:00Z"


def _decision(db: sqlite_utils.Database, number: str, paid: str | None) -> None:
    party = db.execute("INSERT INTO parties (kind, name) VALUES ('natural_person', '张三')")
    db.execute(
        "INSERT INTO simple_decisions (decision_no, party_id, cause, decided_on, penalty_kind,"
        " fine_fen, paid_on, created_at, updated_at)"
        " VALUES (?, ?, '跨门营业', '2024-01-29', 'fine', 20000, ?, ?, ?)",
        [number, party.lastrowid, paid, AT, AT],
    )


def test_an_older_file_with_simple_decisions_verifies_after_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "older.db"
    db = open_database(path)
    names = [name for name, _sql in MIGRATION_TABLE]
    before_seals = MIGRATION_TABLE[: names.index("0014_seals")]
    migrate(db, path, table=before_seals)
    with write_transaction(db):
        _decision(db, "简1", "2024-02-20")  # sealed by block when the seals come in
    older = MIGRATION_TABLE[: names.index("0017_simple_payments")]
    assert migrate(db, path, table=older)[0] == "0014_seals"
    with write_transaction(db):
        _decision(db, "简2", None)  # sealed by its own audited write
        AuditLog(db).append(AuditEntry(AT, "tester", "simple.record", "simple_decision",
                                       "简2", "ok", {}))  # fmt: skip
    assert VerifyService(db).run().problems == ()

    assert migrate(db, path) == ["0017_simple_payments"]
    assert VerifyService(db).run().problems == ()
    rows = db.execute(
        "SELECT s.decision_no, u.surcharge_fen FROM simple_decisions s"
        " LEFT JOIN simple_surcharges u ON u.decision_id = s.id ORDER BY s.decision_no"
    ).fetchall()
    assert rows == [("简1", None), ("简2", None)]
    db.close()
