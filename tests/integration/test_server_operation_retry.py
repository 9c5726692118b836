"""Every service operation, not only a case step, is run again after a server's deadlock
(issue 23, docs/SERVER.md "Concurrency").

Each public method of a service is one operation (``services/context.py``): when the server
breaks a deadlock or a serialisation failure by refusing one of its transactions before any of
them committed, the operation runs again (``storage.connection.retried_call``), at most three
runs in all. Provoked here with real deadlocks on the server: a payment of a simple decision,
a dispute and a legal review's submission from the command line each lose a deadlock against
another connection and go through on their second run; one made from a version the other
connection has since moved past is refused as stale; an operation that had already committed
a transaction is not run again (that would write it twice).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services import container
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.storage.cases import case_versions
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.errors import ServerConflictError
from chuansha_enforce.storage.server.pg_database import PgDatabase, open_server, shown_url
from chuansha_enforce.storage.server.serialise import take_turn
from tests.conftest import NOW
from tests.integration.test_case_versions import FILE, NO, _cli
from tests.integration.test_case_versions_related import DISPUTE
from tests.integration.test_server_retry import _deadlocks, _ids, _lock_waiting
from tests.integration.test_simple_versions import ADD, PAY, SIMPLE_NO

OTHER = "川执立〔2026〕000002号"
STALE = "已被他人修改，请刷新后再试"
SUBMIT = ["review", "submit", NO, "-m", "调查终结报告"]


@pytest.fixture
def book(server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """A server case book with its roster, two cases (NO, OTHER) and a simple decision."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    return server_db


def _book(url: str) -> None:
    assert _cli(url, "init")[0] == 0
    with build_services(url, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
    assert _cli(url, *FILE)[:2] == (0, f"{NO}\n")
    assert _cli(url, *FILE)[:2] == (0, f"{OTHER}\n")
    code, _out, err = _cli(url, *ADD)
    assert code == 0, err


def _audited(url: str, action: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM audit_log WHERE action = %s", (action,))
        return int(row.fetchone()[0])  # type: ignore[index]


def _one(url: str, sql: str) -> object:
    with psycopg.connect(url) as conn:
        row = conn.execute(sql).fetchone()
        assert row is not None
        return row[0]


def _simple_id(url: str) -> int:
    return int(str(_one(url, f"SELECT id FROM simple_decisions WHERE decision_no = '{SIMPLE_NO}'")))


def _waiting_backend(url: str, other_pid: int) -> int:
    """The program's backend once it waits for a lock (the audit chain's turn, which the
    other connection holds)."""
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(600):
            row = conn.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND wait_event_type = 'Lock' AND pid <> %s",
                (other_pid,),
            ).fetchone()
            if row is not None:
                return int(row[0])
            time.sleep(0.05)
    raise AssertionError("the program never waited for the audit chain's turn")


# what each operation claims first (its version row), as the other connection claims it
Claim = Callable[[PgDatabase, str], None]


def _claim_case(db: PgDatabase, url: str) -> None:
    case_versions.bump(db, _ids(url)[NO], None)


def _claim_simple(db: PgDatabase, url: str) -> None:
    case_versions.bump_row(db, "simple_versions", "decision_id", _simple_id(url), None)


def _against_a_deadlock(url: str, command: list[str], claim: Claim) -> tuple[int, str, str]:
    """``command`` (in this process, its own connection) claims its version row and then
    waits for the audit chain's turn, which another connection holds; that one then wants the
    row (its deadlock check waits 60 s, the program's 1 s, so the server refuses the
    program's transaction). The other connection commits once it has the row. Returns the
    command's exit status, output and errors."""
    other = open_server(url)
    said: dict[str, tuple[int, str, str]] = {}
    try:
        other.pg.raw.execute("BEGIN")
        other.pg.raw.execute("SET LOCAL deadlock_timeout = '60s'")
        take_turn(other, "audit_log")
        thread = threading.Thread(target=lambda: said.setdefault("cli", _cli(url, *command)))
        thread.start()
        _waiting_backend(url, other.pg.raw.info.backend_pid)
        claim(other, url)  # the cycle: waits until the program's run is rolled back
        other.pg.raw.execute("COMMIT")
        thread.join(60)
        assert not thread.is_alive()
    finally:
        other.close()
    return said["cli"]


OPERATIONS = {
    "simple.pay": (PAY, _claim_simple),
    "dispute.add": (DISPUTE, _claim_case),
    "review.submit": (SUBMIT, _claim_case),
}
VERSION_OF = {
    "simple.pay": lambda url: _one(url, "SELECT version FROM simple_versions"),
    "dispute.add": lambda url: _one(url, f"SELECT version FROM case_versions WHERE case_id = "
                                         f"(SELECT id FROM general_cases WHERE case_no = '{NO}')"),
}  # fmt: skip
VERSION_OF["review.submit"] = VERSION_OF["dispute.add"]


@pytest.mark.pg
@pytest.mark.parametrize("action", list(OPERATIONS))
def test_an_operation_refused_to_break_a_deadlock_runs_again_and_goes_through(
    action: str, book: str
) -> None:
    command, claim = OPERATIONS[action]
    deadlocks = _deadlocks(book)
    code, _out, err = _against_a_deadlock(book, command, claim)
    assert (code, err) == (0, "")
    assert _deadlocks(book) == deadlocks + 1  # a real one, broken by the server
    assert _audited(book, action) == 1  # one record: the run that went through
    assert VERSION_OF[action](book) == 2  # the other connection's claim and the run again's
    assert _cli(book, "verify")[0] == 0


@pytest.mark.pg
def test_what_the_run_again_wrote_is_the_operation_s(book: str) -> None:
    """The payment run again is the payment: paid on the day given, with its receipt."""
    assert _against_a_deadlock(book, PAY, _claim_simple)[0] == 0
    shown = json.loads(_cli(book, "simple", "show", SIMPLE_NO, "--json")[1])
    paid = (shown["paid_on"], shown["receipt_no"], shown["version"])
    assert paid == ("2026-11-25", "沪财罚01", 2)


@pytest.mark.pg
def test_an_operation_run_again_is_still_held_to_the_version_it_read(book: str) -> None:
    """``simple pay --version 0``: its first run loses the deadlock; meanwhile the other
    connection moved the decision to version 1, so the run again is refused as stale and
    nothing of the payment is written."""
    deadlocks = _deadlocks(book)
    code, out, err = _against_a_deadlock(book, [*PAY, "--version", "0"], _claim_simple)
    assert (code, out, err.strip()) == (1, "", STALE)
    assert _deadlocks(book) == deadlocks + 1
    assert _audited(book, "simple.pay") == 0
    assert _one(book, "SELECT version FROM simple_versions") == 1  # the other's alone
    assert _one(book, "SELECT paid_on FROM simple_decisions") is None


class _TwoWrites(ContextService):
    """An operation of two write transactions (a test's own service on the real context):
    the first claims OTHER's version and commits; the second claims NO's and then waits for
    a turn (an advisory lock) another connection holds, which then wants NO's row."""

    def __init__(self, ctx: ServiceContext, url: str, commit_first: bool) -> None:
        super().__init__(ctx)
        self.url, self.ids, self.commit_first, self.runs = url, _ids(url), commit_first, 0

    def write(self, held: threading.Event, other_pid: int) -> None:
        self.runs += 1
        if self.commit_first:
            with write_transaction(self._db):
                case_versions.bump(self._db, self.ids[OTHER], None)
        with write_transaction(self._db):
            case_versions.bump(self._db, self.ids[NO], None)
            if self.runs == 1:
                held.set()
                _lock_waiting(self.url, other_pid)
            take_turn(self._db, "NO, then this turn")


def _two_writes(url: str, *, commit_first: bool) -> tuple[_TwoWrites, BaseException | None]:
    ids = _ids(url)
    db = open_server(url)
    other = open_server(url)
    service = _TwoWrites(ServiceContext(db, FixedClock(NOW), "测试", None), url, commit_first)
    failed: list[BaseException] = []
    held = threading.Event()
    try:
        other.pg.raw.execute("BEGIN")
        other.pg.raw.execute("SET LOCAL deadlock_timeout = '60s'")
        take_turn(other, "NO, then this turn")
        pid = other.pg.raw.info.backend_pid

        def other_wants_no() -> None:
            assert held.wait(30)
            case_versions.bump(other, ids[NO], None)  # waits for the program's run
            other.pg.raw.execute("ROLLBACK")

        wanting = threading.Thread(target=other_wants_no)
        wanting.start()
        try:
            service.write(held, pid)
        except ServerConflictError as exc:
            failed.append(exc)
        wanting.join(60)
        assert not wanting.is_alive()
    finally:
        other.close()
        db.close()
    return service, (failed[0] if failed else None)


@pytest.mark.pg
def test_an_operation_that_committed_a_transaction_is_not_run_again(book: str) -> None:
    """Its first transaction is in the book: a run again would write it twice, so the
    refusal of the second is said, in a sentence that says part of it was saved
    (``storage.conflict_after_commit``), and the first stays, written once."""
    deadlocks = _deadlocks(book)
    service, failed = _two_writes(book, commit_first=True)
    assert service.runs == 1
    assert isinstance(failed, ServerConflictError)
    assert failed.final
    where = shown_url(book)
    assert render(failed.code, failed.params, "zh") == (
        f"服务器上的案件库 {where}：这次操作的前一部分已经保存，后一部分因另一台电脑同时写入被"
        "服务器撤销，没有保存。请刷新后查看已保存的内容，只补做没有保存的部分，不要把整个操作重做一遍"
    )
    assert render(failed.code, failed.params, "en").startswith(
        f"the case book on {where}: the first part of this operation was saved;"
    )
    assert _deadlocks(book) == deadlocks + 1
    with psycopg.connect(book) as conn:
        versions = dict(conn.execute(
            "SELECT g.case_no, v.version FROM case_versions v"
            " JOIN general_cases g ON g.id = v.case_id"
        ).fetchall())  # fmt: skip
    assert versions == {OTHER: 1}  # the first transaction's, once; nothing of the second


@pytest.mark.pg
def test_the_same_operation_with_nothing_committed_runs_again(book: str) -> None:
    service, failed = _two_writes(book, commit_first=False)
    assert (service.runs, failed) == (2, None)
    assert _one(book, "SELECT count(*) FROM case_versions") == 1
    assert VERSION_OF["dispute.add"](book) == 1  # the other connection rolled back


def test_every_public_method_of_every_service_is_one_operation() -> None:
    """The services the composition root builds: each public method runs again after a
    deadlock (the wrapper ``ContextService`` gives every subclass's public methods)."""
    found = 0
    for path in Path(container.__file__).parent.glob("*_service.py"):
        module = importlib.import_module(f"chuansha_enforce.services.{path.stem}")
        for value in vars(module).values():
            if not (inspect.isclass(value) and issubclass(value, ContextService)):
                continue
            if value is ContextService or value.__module__ != module.__name__:
                continue
            for name, member in vars(value).items():
                if not name.startswith("_") and inspect.isfunction(member):
                    assert getattr(member, "runs_again_after_deadlock", False), (value, name)
                    found += 1
    assert found >= 150
