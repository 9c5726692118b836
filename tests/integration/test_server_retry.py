"""A server's deadlock is run again, not refused (issue 23, docs/SERVER.md "Concurrency").

PostgreSQL breaks a deadlock by refusing one of the transactions (SQLSTATE 40P01; a
serialisation failure is 40001) and rolling it back. A case step is one write transaction
(``CaseFileService._step``) that decides from what it reads inside; the step is a service
operation, which ``storage.connection.retried_call`` runs again from its start when the server
refused it before anything of it committed, at most three runs in all, so it goes through once
the other writer is done: provoked here with real deadlocks between two connections on the
server.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.case_file_service import CaseFileService, StepResult
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.storage.cases import case_versions
from chuansha_enforce.storage.connection import (
    RETRY_PAUSES,
    WRITE_TRIES,
    retried_call,
    write_transaction,
)
from chuansha_enforce.storage.errors import ServerConflictError
from chuansha_enforce.storage.server.pg_database import PgDatabase, open_server, shown_url
from tests.conftest import NOW, database_digest
from tests.integration.test_case_versions import FILE, NO, _book, _cli

OTHER = "川执立〔2026〕000002号"
STALE = "已被他人修改，请刷新后再试"


def _ids(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        return {str(no): int(i) for no, i in conn.execute("SELECT case_no, id FROM general_cases")}


def _deadlocks(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
        ).fetchone()
        assert row is not None
        return int(row[0])


def _versions(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT g.case_no, coalesce(v.version, 0) FROM general_cases g"
            " LEFT JOIN case_versions v ON v.case_id = g.id"
        ).fetchall()
    return {str(no): int(v) for no, v in rows}


def _steps(url: str, action: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM audit_log WHERE action = %s", (action,))
        return int(row.fetchone()[0])  # type: ignore[index]


def _lock_waiting(url: str, pid: int) -> None:
    """Until the backend ``pid`` waits for a row lock: the cycle is whole before the program's
    connection waits too, so the program's deadlock check (1 s after it starts waiting; run
    once) finds it."""
    with psycopg.connect(url, autocommit=True) as conn:
        for _ in range(600):
            row = conn.execute(
                "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,)
            ).fetchone()
            if row is not None and row[0] == "Lock":
                return
            time.sleep(0.05)
    raise AssertionError(f"backend {pid} never waited for a lock")


def _provoke(url: str, ids: dict[str, int], *, expected: int | None) -> dict[str, object]:
    """The program's step on NO claims NO's version row and then wants OTHER's; another
    connection holds OTHER's and waits for NO's (its deadlock check waits 60 s, the
    program's 1 s, so the server refuses the program's transaction). Returns how it went."""
    holding = threading.Event()
    seen: dict[str, object] = {"runs": 0}
    other = open_server(url)
    pid = other.pg.raw.info.backend_pid

    def apply(case: CaseFile, _today: dt.date, _at: str) -> None:
        seen["runs"] = int(str(seen["runs"])) + 1
        if seen["runs"] == 1:
            holding.set()  # this run holds NO's version row
            _lock_waiting(url, pid)  # the other connection waits for it
        case_versions.bump(services._db, ids[OTHER], None)  # the cycle, on the first run

    def other_wants_no() -> None:
        case_versions.bump(other, ids[NO], None)  # waits for the program's run
        other.pg.raw.execute("COMMIT")

    services = build_services(url, FixedClock(NOW))
    try:
        other.pg.raw.execute("BEGIN")
        other.pg.raw.execute("SET LOCAL deadlock_timeout = '60s'")
        case_versions.bump(other, ids[OTHER], None)

        def step() -> None:
            try:
                with edited_as_read(NO, expected):
                    result = services.case_files.run_step(NO, "case.test_step", {}, apply)
                seen["result"] = result.case.version
            except DomainError as exc:
                seen["refused"] = render(exc.code, exc.params, "zh")
            except BaseException as exc:  # shown by the test, not lost in the thread
                seen["error"] = repr(exc)

        thread = threading.Thread(target=step)
        thread.start()
        assert holding.wait(30)
        wanting = threading.Thread(target=other_wants_no)
        wanting.start()
        for running in (wanting, thread):
            running.join(60)
            assert not running.is_alive()
    finally:
        other.close()
        services.close()
    return seen


@pytest.mark.pg
def test_a_step_refused_to_break_a_deadlock_runs_again_and_goes_through(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    assert _cli(server_db, *FILE)[:2] == (0, f"{OTHER}\n")
    ids = _ids(server_db)
    deadlocks = _deadlocks(server_db)
    seen = _provoke(server_db, ids, expected=None)
    assert "error" not in seen, seen
    assert _deadlocks(server_db) == deadlocks + 1  # a real one, broken by the server
    assert seen["runs"] == 2  # refused once, run again
    assert "refused" not in seen
    # the other connection's two claims and the step's two (its run again), nothing more
    assert _versions(server_db) == {NO: 2, OTHER: 2}
    assert seen["result"] == 2
    assert _steps(server_db, "case.test_step") == 1  # one audit record: the run that went through


@pytest.mark.pg
def test_a_step_run_again_after_a_deadlock_is_still_held_to_the_version_it_read(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The run again claims the case's version as the first did: the other connection changed
    the case meanwhile, so an edit made from version 0 is refused as stale, nothing written."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    assert _cli(server_db, *FILE)[:2] == (0, f"{OTHER}\n")
    ids = _ids(server_db)
    seen = _provoke(server_db, ids, expected=0)
    assert seen["runs"] == 1  # the run again is refused at its claim, before apply
    assert seen["refused"] == STALE
    assert _versions(server_db) == {NO: 1, OTHER: 1}  # only the other connection's
    assert _steps(server_db, "case.test_step") == 0


class _LosingEveryRun:
    """A deadlock for every run of a write on ``db``: the write holds NO's version row (it
    claimed it); another connection holds OTHER's and waits for NO's (its deadlock check
    waits 60 s, the program's 1 s), then the write wants OTHER's, so the server refuses the
    write. That connection rolls back once the write's run is rolled back."""

    def __init__(self, url: str, ids: dict[str, int]) -> None:
        self.url, self.ids = url, ids
        self.runs: list[int] = []
        self.threads: list[threading.Thread] = []

    def lose(self, db: PgDatabase) -> None:
        """Called inside the write's transaction, after it claimed NO's version row."""
        for earlier in self.threads:  # the last run's other connection is done (rolled back)
            earlier.join(60)
        self.runs.append(len(self.runs) + 1)
        holding = threading.Event()
        pids: list[int] = []

        def other_connection() -> None:
            other = open_server(self.url)
            try:
                with write_transaction(other):
                    other.pg.raw.execute("SET LOCAL deadlock_timeout = '60s'")
                    case_versions.bump(other, self.ids[OTHER], None)
                    pids.append(other.pg.raw.info.backend_pid)
                    holding.set()
                    case_versions.bump(other, self.ids[NO], None)  # waits for the write's run
                    raise DomainError("case.changed_since")  # rolled back: writes nothing
            except DomainError:
                pass
            finally:
                other.close()

        thread = threading.Thread(target=other_connection)
        self.threads.append(thread)
        thread.start()
        assert holding.wait(30)
        _lock_waiting(self.url, pids[0])
        case_versions.bump(db, self.ids[OTHER], None)  # the cycle: this run is refused

    def join(self) -> None:
        for thread in self.threads:
            thread.join(60)


@pytest.mark.pg
def test_after_three_refused_runs_the_refusal_is_said_and_nothing_is_written(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Each run of the operation's write meets a real deadlock with another connection: three
    runs, the pauses between them, then the sentence ``storage.locked``; nothing of it
    written."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    assert _cli(server_db, *FILE)[:2] == (0, f"{OTHER}\n")
    ids = _ids(server_db)
    db = open_server(server_db)
    paused: list[float] = []
    before = database_digest(server_db)
    deadlocks = _deadlocks(server_db)
    losing = _LosingEveryRun(server_db, ids)

    def operation() -> None:
        with write_transaction(db):
            case_versions.bump(db, ids[NO], None)
            losing.lose(db)

    try:
        with pytest.raises(ServerConflictError) as refused:
            retried_call(db, operation, pause=paused.append)
    finally:
        losing.join()
        db.close()
    assert losing.runs == [1, 2, 3]
    assert WRITE_TRIES == 3
    assert paused == list(RETRY_PAUSES) == [0.05, 0.2]
    assert _deadlocks(server_db) == deadlocks + 3
    said = render(refused.value.code, refused.value.params, "zh")
    assert said == render("storage.locked", {"path": shown_url(server_db)}, "zh")
    assert database_digest(server_db) == before


class _Publishing(ContextService):
    """An operation that adds a step to a case through ``run_step``, as publication's
    operations do: an operation called by another outside its transaction."""

    def __init__(self, ctx: ServiceContext, steps: CaseFileService) -> None:
        super().__init__(ctx)
        self.steps = steps

    def publish(
        self, apply: Callable[[CaseFile, dt.date, str], None], first: int | None = None
    ) -> StepResult:
        """The step, after a transaction of its own that claims case ``first``'s version."""
        if first is not None:
            with write_transaction(self._db):
                case_versions.bump(self._db, first, None)
        return self.steps.run_step(NO, "case.test_step", {}, apply)


@pytest.mark.pg
@pytest.mark.parametrize("committed_first", [False, True])
def test_a_step_run_by_another_operation_runs_three_times_not_nine(
    committed_first: bool, server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The step (``run_step``, itself an operation) is run again by itself; once it lost three
    times its refusal is final, so the operation around it does not run it three times more:
    three runs in all, then the sentence, nothing of the step written. When the operation
    around it had committed a transaction first, that stays and the sentence says part of
    the operation was saved."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    assert _cli(server_db, *FILE)[:2] == (0, f"{OTHER}\n")
    ids = _ids(server_db)
    before = database_digest(server_db)
    deadlocks = _deadlocks(server_db)
    losing = _LosingEveryRun(server_db, ids)
    services = build_services(server_db, FixedClock(NOW))
    db = services._db
    assert isinstance(db, PgDatabase)
    outer = _Publishing(ServiceContext(db, FixedClock(NOW), "测试", None), services.case_files)

    def apply(_case: CaseFile, _today: dt.date, _at: str) -> None:
        losing.lose(db)  # the step claimed NO's version row first

    try:
        with pytest.raises(ServerConflictError) as refused:
            outer.publish(apply, ids[OTHER] if committed_first else None)
    finally:
        losing.join()
        services.close()
    assert losing.runs == [1, 2, 3]
    assert refused.value.final
    assert _deadlocks(server_db) == deadlocks + 3
    said = render(refused.value.code, refused.value.params, "zh")
    code = "storage.conflict_after_commit" if committed_first else "storage.locked"
    assert said == render(code, {"path": shown_url(server_db)}, "zh")
    if committed_first:
        assert _versions(server_db) == {NO: 0, OTHER: 1}  # the first transaction's, once
        assert _steps(server_db, "case.test_step") == 0
    else:
        assert database_digest(server_db) == before


def test_a_file_step_runs_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file the step's closure runs once (``BEGIN IMMEDIATE``: no deadlock to lose)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    book = tmp_path / "cases.db"
    _book(book)
    runs: list[str] = []
    with build_services(book, FixedClock(NOW)) as services:
        result = services.case_files.run_step(
            NO, "case.test_step", {}, lambda case, _t, _a: runs.append(case.case_no)
        )
    assert runs == [NO]
    assert result.case.version == 1
