"""Backups of a server case book with the real ``pg_dump`` (PostgreSQL 15's, found on PATH or
in /usr/lib/postgresql/*/bin), each verified by restoring it into a scratch database; restore
of a dump in one transaction; and the plain sentence when this PC has no pg_dump."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.domain.safety.backup_retention import RetentionPolicy
from chuansha_enforce.services.backup_service import dump_backups
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.errors import StorageError
from chuansha_enforce.services.server_backup_service import ServerBackupService
from chuansha_enforce.storage.server.pg_database import open_server
from chuansha_enforce.storage.server.pg_dump import SYSTEM_TOOLS, ToolLookup, find_tools
from tests.cli_clock import main
from tests.conftest import NOW
from tests.integration.test_server_mode import _run
from tests.refused_place import refuse_replacing
from tests.server_backend import server_digest

pytestmark = pytest.mark.pg

EXE = Path(sys.executable).with_name("chuansha-enforce")
PG15 = Path("/usr/lib/postgresql/15/bin")
ONLY_PG15 = ToolLookup(path=str(PG15), dirs=str(PG15))
FILE = ["case", "file", "--filed", "2026-03-02", "--party", "张三", "--party-type", "自然人",
        "--cause", "张三擅自搭建彩钢板房案", "--officers", "李四,王五"]  # fmt: skip


def _cli(db: str, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", db, *args], out)
    return code, out.getvalue()


def _book(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An initialised server case book with its roster and one filed case."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert _cli(url, "init")[0] == 0
    with build_services(url, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
    assert _cli(url, *FILE)[0] == 0


def _service(url: str, local: Path, **tools: ToolLookup) -> ServerBackupService:
    """The pg_dump backups of ``url`` kept in ``local``'s folder, at ``NOW``."""
    clock = FixedClock(NOW)
    return ServerBackupService(url, dump_backups(local, clock), clock, **tools)


def _cases(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM general_cases").fetchone()
    return int(row[0]) if row else -1


def _databases(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {str(r[0]) for r in conn.execute("SELECT datname FROM pg_database")}


def test_the_real_pg_dump_is_found_and_one_older_than_the_server_is_not() -> None:
    found = find_tools(ONLY_PG15, 15)
    assert found is not None
    assert (found.folder, found.major) == (PG15, 15)
    assert find_tools(ONLY_PG15, 16) is None  # an older pg_dump refuses a newer server
    assert find_tools(SYSTEM_TOOLS, 15) is not None


def test_a_backup_is_a_verified_dump_with_a_manifest_and_the_scratch_is_dropped(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    before = _databases(server_db)
    with build_services(server_db, FixedClock(NOW)) as services:
        manifest = services.backup()
        assert services.verify().ok  # the kept dump matches its manifest
    assert manifest.path is not None
    assert manifest.path.name == "cases-20261127T020000Z-manual.dump"
    assert manifest.path.parent == services.backups.folder
    assert manifest.path.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    kept = json.loads(Path(str(manifest.path) + ".json").read_text(encoding="utf-8"))
    assert kept["check"] == "restored into a scratch database and verified"
    assert kept["tables"]["general_cases"] == 1
    assert kept["tables"]["officers"] == 2
    assert kept["schema_version"] == kept["migrations"][-1]
    # the backup's own audit record is in the dump it describes
    with psycopg.connect(server_db) as conn:
        head = conn.execute("SELECT hash, action FROM audit_log ORDER BY id DESC LIMIT 1")
        assert head.fetchone() == (kept["audit_head"], "database.backup")
    assert _databases(server_db) == before  # the scratch database is gone


def test_backups_in_the_default_folder_are_thinned_like_file_backups(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    policy = RetentionPolicy(recent=2, daily=0, weekly=0, monthly=0)
    names = []
    for minutes in (0, 1, 2):
        clock = FixedClock(NOW + dt.timedelta(minutes=minutes))
        local = tmp_path / "pc" / "cases.db"
        service = ServerBackupService(
            server_db, dump_backups(local, clock, policy=policy), clock, tools=ONLY_PG15
        )
        path = service.backup().path
        assert path is not None
        names.append(path.name)
    left = sorted(p.name for p in (tmp_path / "pc" / "backups").glob("*.dump"))
    assert left == names[1:]
    named = tmp_path / "kept"  # a folder the user names is left as it is
    for _ in range(3):
        service.backup(named)
    assert len(list(named.glob("*.dump"))) == 3


def test_a_dump_that_does_not_verify_is_reported_and_not_kept(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    with psycopg.connect(server_db, autocommit=True) as owner:  # an audit record altered
        owner.execute("SET session_replication_role = replica")  # past the append-only guard
        owner.execute("UPDATE audit_log SET outcome = 'x' WHERE id = 1")
    service = _service(server_db, tmp_path / "pc" / "cases.db")
    with pytest.raises(DomainError) as refused:
        service.backup()
    assert refused.value.code == "server_backup.verify_failed"
    text = render(refused.value.code, refused.value.params, "zh")
    assert "恢复到临时数据库后未通过校验（audit_log 1：" in text
    assert text.endswith("不算作备份，未做任何改动")
    assert list((tmp_path / "pc").rglob("*.dump*")) == []


def test_a_dump_that_may_not_be_renamed_into_place_names_the_backup_file(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The rename of the checked dump over its name refused by the OS (Windows: the file held
    open): said as the backup file, not as the case book; nothing kept there."""
    _book(server_db, monkeypatch, tmp_path)
    service = _service(server_db, tmp_path / "pc" / "cases.db")
    folder = tmp_path / "out"
    folder.mkdir()
    refused = refuse_replacing(monkeypatch, folder)
    with pytest.raises(StorageError) as caught:
        service.backup(folder)
    [name] = refused
    assert render(caught.value.code, caught.value.params, "zh") == (
        f"备份文件 {name} 不能写入（只读、被其他程序占用或没有权限），案件库没有改动"
    )
    monkeypatch.undo()
    assert list(folder.iterdir()) == []


def test_without_pg_dump_the_servers_own_backups_apply_and_nothing_is_logged(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    (tmp_path / "bin").mkdir()
    nowhere = ToolLookup(path=str(tmp_path / "bin"), dirs=str(tmp_path / "none" / "*" / "bin"))
    digest = server_digest(server_db)
    with build_services(server_db, FixedClock(NOW)) as services:
        services.pg_tools = nowhere
        with pytest.raises(StorageError) as refused:
            services.backup()
    assert render(refused.value.code, refused.value.params, "zh") == (
        f"服务器上的案件库 {server_db} 由服务器自己的备份保存：本机找不到可用的 pg_dump"
        "（须不低于服务器的版本），本程序未备份或恢复"
    )
    assert server_digest(server_db) == digest
    assert not (tmp_path / "data").exists() or list((tmp_path / "data").rglob("*.dump")) == []
    service = _service(server_db, tmp_path / "pc" / "cases.db")
    with pytest.raises(StorageError):
        _service(server_db, tmp_path / "pc" / "cases.db", tools=nowhere).restore(
            service.backup().path or Path(), replace=True
        )
    assert _cases(server_db) == 1


def test_restore_refuses_a_case_book_without_replace_and_replaces_it_with(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    folder = tmp_path / "out"
    code, said = _cli(server_db, "backup", "-o", str(folder))
    assert code == 0
    dump = next(folder.glob("*.dump"))
    assert said.startswith(f"已用 pg_dump 备份到 {dump}（已恢复到临时数据库并通过校验）：")
    assert _cli(server_db, *FILE)[0] == 0  # a second case after the backup
    digest = server_digest(server_db)
    with pytest.raises(DomainError) as refused:
        _service(server_db, tmp_path / "pc" / "cases.db").restore(dump)
    assert refused.value.code == "server_restore.not_empty"
    assert server_digest(server_db) == digest
    code, said = _cli(server_db, "restore", str(dump), "--replace")
    assert code == 0
    lines = said.splitlines()
    assert lines[0].startswith(f"已用 {dump}（备份于北京时间 2026-11-27 10:00，结构版本 ")
    assert "恢复服务器数据库" in lines[0]
    assert lines[0].endswith(
        "一般程序案件 1、简易程序决定 0、执法人员 2、缴款记录 0、法制审核 0、操作日志 4"
    )
    assert lines[1].startswith("恢复前的数据库已保存为 ")
    assert lines[1].endswith("-pre-restore.dump")
    assert _cases(server_db) == 1  # the case filed after the backup is gone
    with psycopg.connect(server_db) as conn:
        last = conn.execute("SELECT action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("database.restore",)
    code, verified = _cli(server_db, "verify")
    assert verified.splitlines()[:2] == [
        "注意：审计日志第 5 条记录了一次恢复（单用户，从 cases-20261127T020000Z-manual.dump，"
        "替换了 1 个较新的日志头）",
        "全部通过：数据库完整，审计日志 5 条链接无误，审核签名 0 个验证通过",
    ]
    assert code == 0


def test_a_dump_restores_into_an_empty_database_and_an_altered_one_is_refused(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    service = _service(server_db, tmp_path / "pc" / "cases.db")
    dump = service.backup(tmp_path / "out").path
    assert dump is not None
    empty = server_db + "_new"
    with psycopg.connect(server_db, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{empty.rpartition("/")[2]}"')
    try:
        report = _service(empty, tmp_path / "pc2" / "cases.db").restore(dump)
        assert report.safety_backup is None
        assert _cases(empty) == 1
        with build_services(empty, FixedClock(NOW)) as services:
            assert services.verify().ok
        data = bytearray(dump.read_bytes())
        data[-10] ^= 0xFF
        dump.write_bytes(bytes(data))
        digest = server_digest(empty)
        with pytest.raises(DomainError) as refused:
            _service(empty, tmp_path / "pc2" / "cases.db").restore(dump, replace=True)
        assert refused.value.code == "restore.manifest_mismatch"
        assert server_digest(empty) == digest
        cut = tmp_path / "cut.dump"  # cut short, no manifest: taken unverified, still refused
        cut.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
        with pytest.raises(DomainError) as refused:
            _service(empty, tmp_path / "pc2" / "cases.db").restore(
                cut, replace=True, accept_unverified=True
            )
        assert refused.value.code == "server_backup.unrestorable"
        assert render(refused.value.code, refused.value.params, "zh").startswith(
            f"备份 {cut} 无法恢复到临时数据库（"
        )
        assert server_digest(empty) == digest
    finally:
        db = open_server(server_db)
        db.pg.raw.execute(f'DROP DATABASE IF EXISTS "{empty.rpartition("/")[2]}" WITH (FORCE)')
        db.close()


def test_the_installed_command_backs_up_and_restores_a_server_case_book(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return _run(server_db, tmp_path, *args)  # the installed command, in its own process

    backed = run("backup")
    assert backed.returncode == 0, backed.stderr
    dump = Path(backed.stdout.split("备份到 ", 1)[1].split("（", 1)[0])
    assert dump.suffix == ".dump"
    assert dump.is_file()
    refused = run("restore", str(dump))
    assert refused.returncode == 1
    assert refused.stderr.startswith(f"文件：服务器数据库 {server_db} 已有案件库；")
    restored = run("restore", str(dump), "--replace")
    assert restored.returncode == 0, restored.stderr
    assert "恢复后已通过校验" in restored.stdout
    verified = run("verify")
    assert verified.returncode == 0, verified.stderr
