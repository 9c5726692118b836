"""The restore's own audit record carries the MAC of the restored book's chain key, so a
``verify`` by a logged-in administrator is clean after a restore (README: once accounts exist
every record is MACed). A server restore (docs/SERVER.md: ``ServerBackupService._after``)
appends its record on a connection of its own: the window's 文件 → 恢复 (run on a worker, as
``ui/runner.py`` does), the session's own services, and the command line's ``restore
FILE.dump`` each hand it the key. A worker continues its session, chain key included, so its
records are MACed and its ``verify`` checks the MACs (the window's 校验数据 runs there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from tests.conftest import NOW
from tests.integration.test_server_backups import _cli
from tests.integration.test_server_restore_sessions import _dump, squad_book
from tests.review_setup import make_accounts, open_as
from tests.tamper import query

CLOCK = FixedClock(NOW)
assert squad_book  # the fixture: a server book with a filed case and accounts (keyed)
KEY_CHECKED = "审计日志链密钥校验通过（以登录账户解开的链密钥核对每条记录）"
UNMACED = (
    "SELECT action FROM audit_log WHERE mac IS NULL AND outcome = 'ok'"
    " AND id >= (SELECT min(id) FROM audit_log WHERE action = 'user.add') ORDER BY id"
)
RESTORES_MACED = (
    "SELECT count(*) FROM audit_log WHERE action = 'database.restore' AND mac IS NOT NULL"
)


def _admin_verify(book: Path | str) -> list[tuple[str, str, str]]:
    with open_as(book, CLOCK, "admin") as admin:
        report = admin.verify()
        assert report.chain_key == "checked"
        return [(p.table, p.id, p.what) for p in report.problems]


@pytest.mark.pg
def test_the_windows_server_restore_on_a_worker_is_maced_and_verifies_clean(
    squad_book: str,
    tmp_path: Path,
) -> None:
    with open_as(squad_book, CLOCK, "admin") as admin:
        dump = _dump(admin, tmp_path)
        admin.officers.register(OfficerRecord("赵六", "31150009", NOW.date()))
        # as ui/runner.py runs 文件 → 恢复: the session's worker, on a connection of its own
        with admin.for_worker(read_only=False) as worker:
            worker.restore_server_dump(dump)
    assert query(squad_book, RESTORES_MACED) == [(1,)]
    assert query(squad_book, UNMACED) == []
    assert _admin_verify(squad_book) == []


@pytest.mark.pg
def test_a_server_restore_on_the_sessions_own_services_is_maced(
    squad_book: str,
    tmp_path: Path,
) -> None:
    with open_as(squad_book, CLOCK, "admin") as admin:
        dump = _dump(admin, tmp_path)
        admin.restore_server_dump(dump)
    assert query(squad_book, RESTORES_MACED) == [(1,)]
    assert _admin_verify(squad_book) == []
    with open_as(squad_book, CLOCK, "admin") as again:  # the next restore, the next record
        again.restore_server_dump(dump)
    assert query(squad_book, RESTORES_MACED) == [(1,)]  # the dump's chain, then its record
    assert _admin_verify(squad_book) == []


@pytest.mark.pg
def test_the_command_lines_server_restore_is_maced_and_verify_user_admin_is_clean(
    squad_book: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with open_as(squad_book, CLOCK, "admin") as admin:
        dump = _dump(admin, tmp_path)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "admin-pass-1")
    code, said = _cli(squad_book, "--user", "admin", "restore", str(dump), "--replace")
    assert code == 0, said
    assert query(squad_book, RESTORES_MACED) == [(1,)]
    code, said = _cli(squad_book, "--user", "admin", "verify")
    assert code == 0, said
    assert KEY_CHECKED in said
    assert "no MAC" not in said


def test_a_workers_records_are_maced_and_its_verify_checks_the_macs(
    backend: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker continues its session: the chain key its login unwrapped included."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    make_accounts(backend, CLOCK)
    with open_as(backend, CLOCK, "admin") as admin:
        with admin.for_worker(read_only=False) as worker:
            worker.officers.register(OfficerRecord("赵六", "31150009", NOW.date()))
        with admin.for_worker(read_only=True) as reader:
            report = reader.verify()
    assert report.chain_key == "checked"
    assert report.problems == ()
    assert query(backend, UNMACED) == []
    assert _admin_verify(backend) == []
