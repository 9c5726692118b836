"""Two PCs on one server case book: one restores a dump; a session the other (or the same PC)
logged in before the restore is refused at its next operation with a Chinese sentence and
nothing written, until it logs in again on the restored book (docs/SERVER.md, "Sessions and
a restore"). A file's restore writes no generation and its sessions are not checked."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services import context
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.session import Login
from chuansha_enforce.storage.server.pg_generation import book_generation
from tests.conftest import NOW, database_digest
from tests.integration.test_server_backups import _book, _cli, _service
from tests.review_setup import CHEAP, PASSWORDS, make_accounts, open_as

pytestmark = pytest.mark.pg

CLOCK = FixedClock(NOW)
REFUSED = (
    "服务器上的案件库在本机登录之后已被恢复为一份备份（可能由另一台电脑恢复），"
    "本次登录已失效，此操作未执行。请重新登录"
)
CHEN = "chen-pass-1"


def _officer(n: int) -> OfficerRecord:
    return OfficerRecord(f"赵{n}", f"3115010{n}", dt.date(2020, 1, n))


def _refused(call: object) -> str:
    assert callable(call)
    with pytest.raises(DomainError) as caught:
        call()
    assert caught.value.code == "session.restored_since"
    return render(caught.value.code, caught.value.params, "zh", caught.value.field)


def _officers(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {str(r[0]) for r in conn.execute("SELECT name FROM officers")}


@pytest.fixture
def squad_book(server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    _book(server_db, monkeypatch, tmp_path)
    make_accounts(server_db, CLOCK)
    return server_db


def _dump(services: Services, tmp_path: Path) -> Path:
    path = services.server_backups.backup(tmp_path / "out").path
    assert path is not None
    return path


def test_the_other_pcs_session_is_refused_after_a_restore_until_it_logs_in_again(
    squad_book: str, tmp_path: Path
) -> None:
    book = squad_book
    pc_a = open_as(book, CLOCK, "admin")
    dump = _dump(pc_a, tmp_path)
    pc_a.accounts.add_user(NewUser("chen", Role.ADMIN, CHEN, "陈主任"))  # not in the dump
    pc_b = build_services(book, CLOCK, login=Login("chen", CHEN), password_cost=CHEAP)
    clerk = open_as(book, CLOCK, "clerk")  # an account the dump has too
    try:
        pc_b.officers.register(_officer(1))  # before the restore: works
        _dump(pc_a, tmp_path)  # another backup, other writes: no false alarm
        pc_b.officers.register(_officer(2))
        assert clerk.settings.current().due_soon_working_days >= 0

        pc_a.restore_server_dump(dump)  # PC A puts the dump in place of the whole book
        before = database_digest(book)
        assert _refused(lambda: pc_b.officers.register(_officer(3))) == REFUSED
        assert database_digest(book) == before  # nothing written
        assert _refused(pc_b.settings.current) == REFUSED  # reads too
        assert _refused(lambda: pc_b.for_worker(read_only=True)) == REFUSED  # its worker
        assert _refused(pc_b.backup) == REFUSED  # ``Services``' own operations
        assert _refused(pc_b.verify) == REFUSED
        assert _refused(clerk.settings.current) == REFUSED  # its account is in the dump
        assert _refused(lambda: pc_a.officers.register(_officer(4))) == REFUSED  # PC A too
        assert database_digest(book) == before
        assert "赵1" not in _officers(book)  # the dump's officers
    finally:
        for services in (pc_a, pc_b, clerk):
            services.close()
    with pytest.raises(DomainError):  # chen is nobody on the restored book
        build_services(book, CLOCK, login=Login("chen", CHEN), password_cost=CHEAP)
    with open_as(book, CLOCK, "admin") as again:  # a new login works
        again.officers.register(_officer(5))
        assert again.settings.current().due_soon_working_days >= 0
        with again.for_worker(read_only=True) as worker:
            assert worker.settings.current() == again.settings.current()
    with open_as(book, CLOCK, "clerk") as clerk_again:
        assert clerk_again.settings.current().due_soon_working_days >= 0
    assert "赵5" in _officers(book)
    code, said = _cli(book, "verify")
    assert code == 0, said


def _reads(services: Services, case_no: str) -> dict[str, Callable[[], object]]:
    """Each public read of the services the window calls outside an operation (the case
    list, its search, the year figures, the work calendar), on the book's one case."""
    return {
        "cases.list_page": lambda: services.cases.list_page(limit=10, year=2026),
        "cases.row": lambda: services.cases.row(case_no),
        "cases.count": lambda: services.cases.count(year=2026),
        "cases.filing_years": services.cases.filing_years,
        "search.search": lambda: services.search.search("张三", limit=10),
        "search.blank": lambda: services.search.search("  "),  # the list, one read
        "search.candidates": lambda: services.search.candidates(case_no),
        "search.resolve": lambda: services.search.resolve(case_no),
        "statistics.annual": lambda: services.statistics.annual(2026),
        "statistics.breakdown": lambda: services.statistics.breakdown(2026),
        "calendar.work_calendar": services.calendar.work_calendar,
        "calendar.startup_notice": services.calendar.startup_notice,
    }


def _asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The generation queries the session checks make (a counting wrapper at the db edge)."""
    asked: list[str] = []

    def counted(db: object) -> str:
        asked.append("generation")
        return book_generation(db)  # type: ignore[arg-type]

    monkeypatch.setattr(context, "book_generation", counted)
    return asked


def test_the_reads_outside_operations_are_refused_after_a_restore_one_query_each(
    squad_book: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PC B's case list, search, year figures and work calendar read the book it logged in
    on, one generation query per read (a read calling another asks once); after PC A's
    restore each is refused with the sentence and nothing written."""
    book = squad_book
    pc_a = open_as(book, CLOCK, "admin")
    dump = _dump(pc_a, tmp_path)
    pc_b = open_as(book, CLOCK, "clerk")
    case_no = pc_b.cases.list_page(limit=1).rows[0].case_no
    asked = _asked(monkeypatch)
    try:
        for name, read in _reads(pc_b, case_no).items():
            asked.clear()
            assert read() is not None or name == "calendar.startup_notice", name
            assert asked == ["generation"], name  # one round trip a read, none a row
        asked.clear()
        pc_b.disputes.listing()  # an operation reading the calendar: asked once, by it
        assert asked == ["generation"]
        assert pc_b.cases.list_page(limit=10).rows[0].party_name == "张三"
        assert pc_b.search.resolve(case_no[-4:]) == case_no  # a short form too
        assert pc_b.statistics.annual(2026).general.filed == 1

        pc_a.restore_server_dump(dump)
        before = database_digest(book)
        for name, read in _reads(pc_b, case_no).items():
            assert _refused(read) == REFUSED, name
        assert database_digest(book) == before  # the refused reads wrote nothing
    finally:
        pc_a.close()
        pc_b.close()
    with open_as(book, CLOCK, "clerk") as again:  # a new login reads the restored book
        for read in _reads(again, case_no).values():
            read()
        assert again.cases.count() == 1
    for command in (["case", "list"], ["stats", "--year", "2026"], ["case", "show", case_no[-4:]]):
        code, said = _cli(book, *command)  # each command logs in afresh: never stale
        assert code == 0, said
        assert "已被恢复" not in said


def test_each_restore_makes_a_new_generation_and_the_restore_service_itself_writes_it(
    squad_book: str, tmp_path: Path
) -> None:
    """The restore the command line runs (``restore FILE.dump --replace``), twice from the same
    dump: a session logged in between the two is refused after the second."""
    book = squad_book
    with open_as(book, CLOCK, "admin") as admin:
        dump = _dump(admin, tmp_path)
    local = tmp_path / "pc" / "cases.db"
    _service(book, local).restore(dump, replace=True, user="admin")
    first = open_as(book, CLOCK, "admin")
    try:
        first.officers.register(_officer(1))
        _service(book, local).restore(dump, replace=True, user="admin")
        before = database_digest(book)
        assert _refused(lambda: first.officers.register(_officer(2))) == REFUSED
        assert database_digest(book) == before
    finally:
        first.close()
    with psycopg.connect(book) as conn:
        rows = conn.execute(
            "SELECT value FROM settings WHERE key = '_restore_generation'"
        ).fetchall()
    assert len(rows) == 1
    with open_as(book, CLOCK, "admin") as admin:
        assert "_restore_generation" not in str(admin.settings.current())  # not a setting
        admin.officers.register(_officer(3))


def test_a_session_opened_without_accounts_follows_the_restore_as_well(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _book(server_db, monkeypatch, tmp_path)
    single = build_services(server_db, CLOCK)
    other = build_services(server_db, CLOCK)
    try:
        dump = _dump(single, tmp_path)
        single.restore_server_dump(dump)
        before = database_digest(server_db)
        assert _refused(lambda: other.officers.register(_officer(1))) == REFUSED
        assert database_digest(server_db) == before
    finally:
        single.close()
        other.close()
    with build_services(server_db, CLOCK) as again:
        again.officers.register(_officer(1))


def test_a_file_restore_writes_no_generation_and_file_sessions_are_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "cases.db"
    _book(str(db), monkeypatch, tmp_path)  # initialised, its roster and one case
    code, said = _cli(str(db), "backup", "-o", str(tmp_path / "b"))
    assert code == 0, said
    backup = next((tmp_path / "b").glob("*.db"))
    code, said = _cli(str(db), "restore", str(backup))
    assert code == 0, said
    asked = _asked(monkeypatch)
    with build_services(db, CLOCK) as services:
        assert services.session.generation is None
        services.officers.register(_officer(1))
        case_no = services.cases.list_page(limit=10).rows[0].case_no
        assert [read() for read in _reads(services, case_no).values()]  # work as before
        assert services.statistics.annual(2026).general.filed == 1
    assert asked == []  # and ask no generation
    with sqlite3.connect(db) as conn:
        keys = [str(r[0]) for r in conn.execute("SELECT key FROM settings")]
    assert "_restore_generation" not in keys
    assert PASSWORDS  # the same accounts fixture as the server half
