"""A restore of a backup of *another* case book (a PC set up anew with its own administrator,
then given the squad's backup): the restore's audit record is MACed with the restored
chain's own key, never with the key of the book it replaced. The command line's login, which
the current book's accounts decided, is tried on the backup's accounts too: the same name and
password there unwrap its key, so a ``verify`` by the backup's administrator is clean; other
credentials leave the record without a MAC, named as such, not as a rewritten record
(services/restore_authority.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.session import Login
from tests.cli_clock import main
from tests.conftest import NOW
from tests.integration.test_restore_record_mac import RESTORES_MACED, _admin_verify
from tests.integration.test_server_backups import _cli as _server_cli
from tests.integration.test_server_restore_sessions import _dump, squad_book
from tests.review_setup import CHEAP, PASSWORDS, make_accounts, open_as
from tests.tamper import query

CLOCK = FixedClock(NOW)
assert squad_book  # the fixture: a server book with a filed case and accounts (keyed)
OTHER_PASSWORD = "other-admin-9"
RESTORE_MAC = "SELECT id, mac IS NULL FROM audit_log WHERE action = 'database.restore'"


def _cli(db: Path, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", str(db), *args], out)
    return code, out.getvalue()


def _officer(services_path: Path, login: Login) -> None:
    """One record MACed with the book's own chain key."""
    with build_services(services_path, CLOCK, login=login, password_cost=CHEAP) as svc:
        svc.officers.register(OfficerRecord("赵六", "31150009", NOW.date()))


def _backup(book: Path, login: Login, folder: Path) -> Path:
    with build_services(book, CLOCK, login=login, password_cost=CHEAP) as svc:
        return svc.backup(folder).path


@pytest.fixture
def books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The new PC's book with its own administrator (the same name and password as the
    squad's), and the squad's book: two chains, two keys."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    new_pc, squad = tmp_path / "new-pc" / "cases.db", tmp_path / "squad" / "cases.db"
    for book in (new_pc, squad):
        book.parent.mkdir()
        make_accounts(book, CLOCK)
    _officer(squad, Login("admin", PASSWORDS["admin"]))
    return new_pc, squad


def test_the_same_administrator_unwraps_the_backups_key_and_verify_is_clean(
    books: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_pc, squad = books
    backup = _backup(squad, Login("admin", PASSWORDS["admin"]), tmp_path / "usb")
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    code, said = _cli(new_pc, "--user", "admin", "restore", str(backup))
    assert code == 0, said
    assert [maced for _, maced in query(new_pc, RESTORE_MAC)] == [0]  # carries a MAC
    assert _admin_verify(new_pc) == []  # and it is the restored chain's key's


def test_other_credentials_leave_the_record_without_a_mac_not_with_another_books(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    new_pc, squad = tmp_path / "new-pc.db", tmp_path / "squad.db"
    make_accounts(new_pc, CLOCK)
    with open_as(squad, CLOCK) as first:
        first.accounts.add_user(NewUser("admin", Role.ADMIN, OTHER_PASSWORD, "管理员"))
    theirs = Login("admin", OTHER_PASSWORD)
    _officer(squad, theirs)
    backup = _backup(squad, theirs, tmp_path / "usb")
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    code, said = _cli(new_pc, "--user", "admin", "restore", str(backup))
    assert code == 0, said
    [(record, unmaced)] = query(new_pc, RESTORE_MAC)
    assert unmaced == 1
    with build_services(new_pc, CLOCK, login=theirs, password_cost=CHEAP) as admin:
        report = admin.verify()
    assert report.chain_key == "checked"
    problems = [(p.table, p.id, p.what) for p in report.problems]
    assert problems == [("audit_log", str(record), "no MAC of the chain key (record rewritten?)")]


@pytest.mark.pg
def test_a_server_restore_of_another_books_dump_is_maced_with_its_key(
    squad_book: str, other_server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The squad's server book restored from a dump of another server book whose
    administrator has the same name and password."""
    assert _server_cli(other_server_db, "init")[0] == 0
    make_accounts(other_server_db, CLOCK)
    with open_as(other_server_db, CLOCK, "admin") as theirs:
        theirs.officers.register(OfficerRecord("赵六", "31150009", NOW.date()))
        dump = _dump(theirs, tmp_path)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    code, said = _server_cli(squad_book, "--user", "admin", "restore", str(dump), "--replace")
    assert code == 0, said
    assert query(squad_book, RESTORES_MACED) == [(1,)]
    assert _admin_verify(squad_book) == []
