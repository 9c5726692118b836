"""Verified backups with manifests, restore that checks before it swaps, the start-up check."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.backup_service import BackupService
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.storage.errors import (
    DatabaseCheckFailedError,
    DatabaseCheckFailedNoBackupError,
)
from tests.cli_clock import main as cli_main
from tests.conftest import NOW, database_digest


def dump(path: Path) -> list[str]:
    """Every row of every table, as SQL: equal dumps mean equal data."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def copy_db(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "office" / "cases.db"
    target.parent.mkdir()
    with build_services(demo_db, FixedClock(NOW)) as services:
        services.backups.backup(target.parent / "seed")
    seed = next((target.parent / "seed").glob("*.db"))
    shutil.copyfile(seed, target)
    return target


@pytest.fixture
def office(copy_db: Path, clock: FixedClock) -> Iterator[Services]:
    with build_services(copy_db, clock) as services:
        yield services


def _change_something(services: Services) -> None:
    services.settings.set("due_soon_working_days", "2")


def corrupt(path: Path) -> None:
    with path.open("r+b") as file:
        file.seek(4096 * 20)  # page 21 from its header: damage a half-empty page cannot hide
        file.write(b"\xff" * 200)


def test_a_backup_is_checked_and_has_a_manifest(office: Services) -> None:
    manifest = office.backups.backup()
    assert manifest.path is not None
    assert manifest.path.parent == office.db_path.parent / "backups"
    data = json.loads(manifest.path.with_name(manifest.path.name + ".json").read_text("utf-8"))
    assert data["taken_at"].startswith("2026-11-27T02:00:00")
    assert data["tables"]["general_cases"] == 600
    assert data["schema_version"] == data["migrations"][-1]
    assert data["sqlite_version"] == sqlite3.sqlite_version
    assert data["audit_head"] == office.audit_head()
    assert data["check"] == "ok"
    assert len(data["sha256"]) == 64
    # A backup is one self-contained file (rollback journal, no -wal needed).
    conn = sqlite3.connect(f"{manifest.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT count(*) FROM general_cases").fetchone()[0] == 600
    conn.close()
    assert list(manifest.path.parent.glob("*.partial")) == []


def test_backup_then_restore_gives_identical_data(office: Services, copy_db: Path) -> None:
    manifest = office.backups.backup(copy_db.parent / "usb")
    assert manifest.path is not None
    before = dump(copy_db)
    _change_something(office)
    changed = dump(copy_db)
    assert changed != before
    head_before_restore = office.audit_head()
    report = office.backups.restore(manifest.path, user="管理员甲", before_swap=office.close)
    # Row for row what was backed up, plus one audit record: the restore itself, by whom,
    # from which backup, naming the chain head it replaced. The live file is WAL (backups
    # keep a rollback journal) and no WAL is left beside it.
    assert _in_journal_mode(copy_db) == "wal"
    assert _in_journal_mode(manifest.path) == "delete"
    assert not copy_db.with_name("cases.db-wal").exists()
    restored = dump(copy_db)
    added = [line for line in restored if line not in before]
    assert [line for line in restored if line not in added] == before
    assert len(added) == 1
    assert added[0].startswith('INSERT INTO "audit_log"')
    record = _last_audit_record(copy_db)
    assert record[:2] == ("管理员甲", "database.restore")
    assert record[2]["from"] == manifest.file
    assert head_before_restore in record[2]["superseded_heads"]
    assert report.manifest.audit_head == record[3]
    assert report.manifest.tables["audit_log"] == manifest.tables["audit_log"] + 1
    assert report.manifest.tables["general_cases"] == 600
    assert report.manifest.taken_at == manifest.taken_at
    # The database as it was before the restore was kept, verified.
    assert report.safety_backup is not None
    assert not report.previous_damaged
    assert dump(report.safety_backup)[1:] == changed[1:]
    with build_services(copy_db, FixedClock(NOW)) as reopened:
        assert reopened.verify_audit() is None
        assert reopened.settings.current().due_soon_working_days != 2
        # The head kept with the pre-restore copy is gone from the chain, but the logged
        # restore names it: verify (with the backups' heads) passes.
        kept = [(m.file, m.audit_head) for m in reopened.backups.list_backups()]
        assert (report.safety_backup.name, head_before_restore) in kept
        checked = reopened.verify(backup_heads=tuple(kept))
        assert checked.ok
        assert [(r.user, r.replaced_heads) for r in checked.restores] == [("管理员甲", 1)]
        # A head a person kept offline is never excused by a restore record.
        assert not reopened.verify(expected_heads=(("offline", head_before_restore),)).ok


def _last_audit_record(path: Path) -> tuple[str, str, dict[str, object], str]:
    conn = sqlite3.connect(path)
    try:
        user, action, detail, digest = conn.execute(
            "SELECT user, action, detail, hash FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return user, action, json.loads(detail), digest


def _in_journal_mode(path: Path) -> str:
    return "wal" if path.read_bytes()[18:20] == b"\x02\x02" else "delete"


def _tampered(source: Path, target: Path, sql: str) -> Path:
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.executescript(sql)
    conn.close()
    return target


def _missing(good: Path, tmp: Path) -> Path:
    return tmp / "missing.db"


def _not_a_database(good: Path, tmp: Path) -> Path:
    (tmp / "notes.db").write_bytes(b"spreadsheet, honest" * 500)
    return tmp / "notes.db"


def _damaged(good: Path, tmp: Path) -> Path:
    shutil.copyfile(good, tmp / "bad.db")
    corrupt(tmp / "bad.db")
    return tmp / "bad.db"


def _chain_broken(good: Path, tmp: Path) -> Path:
    sql = "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user = '他人';"
    return _tampered(good, tmp / "t.db", sql)


def _newer(good: Path, tmp: Path) -> Path:
    sql = (
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('chuansha_enforce', '0999_future', '2030-01-01');"
    )
    return _tampered(good, tmp / "n.db", sql)


def _not_ours(good: Path, tmp: Path) -> Path:
    return _tampered(good, tmp / "o.db", "DROP TABLE _sqlite_migrations;")


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (_missing, "restore.missing"),
        (_not_a_database, "restore.not_a_database"),
        (_damaged, "restore.damaged"),
        (_chain_broken, "restore.chain_broken"),
        (_newer, "restore.newer"),
        (_not_ours, "restore.not_ours"),
    ],
)
def test_a_bad_backup_is_refused_and_nothing_changes(
    office: Services, tmp_path: Path, make: Callable[[Path, Path], Path], code: str
) -> None:
    manifest = office.backups.backup(tmp_path / "good")
    assert manifest.path is not None
    office.settings.set("due_soon_working_days", "2")  # an audit record to alter in a copy
    good = office.backups.backup(tmp_path / "good2").path
    assert good is not None
    candidate = make(good, tmp_path)
    office.close()
    before = database_digest(office.db_path)
    backups_before = (
        sorted(office.backups.folder.glob("*")) if office.backups.folder.exists() else []
    )
    with pytest.raises(DomainError) as caught:
        BackupService(office.db_path, FixedClock(NOW)).restore(candidate)
    assert caught.value.code == code
    assert caught.value.field == "path"
    assert render(code, caught.value.params, "zh", "path").startswith("文件：")
    assert database_digest(office.db_path) == before
    after = sorted(office.backups.folder.glob("*")) if office.backups.folder.exists() else []
    assert after == backups_before
    assert not office.db_path.with_name("cases.db.restoring").exists()


def test_restore_refuses_the_database_itself(office: Services) -> None:
    with pytest.raises(DomainError) as caught:
        office.backups.restore(office.db_path)
    assert caught.value.code == "restore.same_file"


def test_a_failed_start_up_check_names_the_newest_good_backup(copy_db: Path) -> None:
    with build_services(copy_db, FixedClock(NOW)) as services:
        older = services.backups.backup()
        services.settings.set("due_soon_working_days", "2")
        newer = services.backups.backup()
    corrupt(copy_db)
    # A damaged backup is passed over in favour of an older good one.
    assert newer.path is not None
    assert older.path is not None
    corrupt(newer.path)
    with pytest.raises(DatabaseCheckFailedError) as caught:
        build_services(copy_db, FixedClock(NOW))
    assert caught.value.params["backup"] == str(older.path)
    text = render(caught.value.code, caught.value.params, "zh")
    assert str(older.path) in text
    assert "restore" in text
    # The recovery path the message gives works from the command line, damaged file and all.
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stderr", err)
        code = cli_main(["--db", str(copy_db), "restore", str(older.path)], out)
    assert code == 0, err.getvalue()
    assert "一般程序案件 600" in out.getvalue()
    assert "无法读取的原文件副本" in out.getvalue()
    with build_services(copy_db, FixedClock(NOW)) as services:
        assert services.cases.count() == 600
        assert services.verify_audit() is None


def test_a_failed_check_without_backups_says_so(copy_db: Path) -> None:
    build_services(copy_db, FixedClock(NOW)).close()
    corrupt(copy_db)
    with pytest.raises(DatabaseCheckFailedNoBackupError) as caught:
        build_services(copy_db, FixedClock(NOW))
    assert "没有完好的备份" in render(caught.value.code, caught.value.params, "zh")


def test_backups_in_the_default_folder_are_thinned(copy_db: Path) -> None:
    clock = FixedClock(dt.datetime(2026, 1, 1, 2, 0, tzinfo=dt.UTC))
    with build_services(copy_db, clock) as services:
        for _ in range(60):
            services.backups.backup()
            clock.advance(dt.timedelta(days=1))
        kept = services.backups.list_backups()
    assert 12 <= len(kept) <= 5 + 7 + 5 + 12
    assert kept[0].taken_at is not None
    assert kept[0].taken_at.startswith("2026-03-01")  # the newest survives
    # Manifests went with their backups.
    folder = copy_db.parent / "backups"
    assert len(list(folder.glob("*.db.json"))) == len(kept)


def test_cli_backup_and_restore(copy_db: Path, tmp_path: Path) -> None:
    out = io.StringIO()
    assert cli_main(["--db", str(copy_db), "backup", "-o", str(tmp_path / "usb")], out) == 0
    assert "已通过完整性检查" in out.getvalue()
    saved = next((tmp_path / "usb").glob("*.db"))
    out = io.StringIO()
    assert cli_main(["--db", str(copy_db), "--lang", "en", "restore", str(saved)], out) == 0
    assert "general cases 600" in out.getvalue()
    assert "saved as" in out.getvalue()


def test_a_restored_file_is_left_as_the_program_keeps_it(copy_db: Path) -> None:
    """After a restore, opening the file (for a command that then fails) changes no byte."""
    with build_services(copy_db, FixedClock(NOW)) as services:
        manifest = services.backups.backup()
    assert manifest.path is not None
    BackupService(copy_db, FixedClock(NOW)).restore(manifest.path)
    before = database_digest(copy_db)
    with build_services(copy_db, FixedClock(NOW)) as services, pytest.raises(DomainError):
        services.demo.fill(DemoPlan(general_cases=10))
    assert database_digest(copy_db) == before
