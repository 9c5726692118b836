"""Optimistic versions for case edits (issue 23), on a file and on a server.

Every edit of a case raises its version by one; an edit made from what its editor read at an
older version is refused with "已被他人修改，请刷新后再试" and writes nothing; an edit without a
version reads and writes inside its own transaction and passes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import EvidenceKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import build_services
from chuansha_enforce.storage.cases import case_versions
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.errors import StorageError
from chuansha_enforce.storage.server.pg_database import open_server, shown_url
from tests.cli_clock import main
from tests.conftest import NOW, database_digest

NO = "川执立〔2026〕000001号"
STALE = "已被他人修改，请刷新后再试"
FILE = ["case", "file", "--filed", "2026-03-02", "--party", "张三", "--party-type", "自然人",
        "--cause", "张三擅自搭建彩钢板房案", "--officers", "李四,王五"]  # fmt: skip
EVIDENCE = ["--kind", "书证", "--description", "现场检查笔录一份", "--on", "2026-03-02"]
ITEM = EvidenceItem(EvidenceKind.DOCUMENTARY, "现场照片6张", dt.date(2026, 3, 2))


def _cli(db: str | Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved, sys.stderr = sys.stderr, err
    try:
        code = main(["--db", str(db), *args], out)
    finally:
        sys.stderr = saved
    return code, out.getvalue(), err.getvalue()


def _book(db: str | Path) -> None:
    assert _cli(db, "init")[0] == 0
    with build_services(db, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("李四", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("王五", "31150002", dt.date(2019, 5, 10)))
    assert _cli(db, *FILE)[:2] == (0, f"{NO}\n")


def _version(db: str | Path) -> int:
    code, shown, _err = _cli(db, "case", "show", NO, "--json")
    assert code == 0
    version = json.loads(shown)["version"]
    assert isinstance(version, int)
    return version


@pytest.fixture
def book(backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str | Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(backend)
    return backend


def test_the_command_line_edit_carries_the_version_it_read(book: str | Path) -> None:
    assert _version(book) == 0  # filed, never edited
    complex_step = ["case", "complex", NO, "--reason", "涉及多个违法主体"]
    assert _cli(book, *complex_step, "--version", "0")[:2] == (
        0,
        f"已记录{_step('complex')}：{NO}\n",
    )
    assert _version(book) == 1
    before = database_digest(book)
    code, out, err = _cli(book, "case", "evidence", NO, *EVIDENCE, "--version", "0")
    assert (code, out, err.strip()) == (1, "", STALE)
    assert database_digest(book) == before
    assert _cli(book, "case", "evidence", NO, *EVIDENCE, "--version", "1")[0] == 0
    assert _version(book) == 2
    assert _cli(book, "case", "evidence", NO, *EVIDENCE)[0] == 0  # read and written at once
    assert _version(book) == 3
    before = database_digest(book)
    code, _out, err = _cli(book, "case", "evidence", NO, *EVIDENCE, "--version", "三")
    assert (code, err.strip()) == (
        1,
        "版本：版本号“三”应为不小于 0 的整数（见 case show --json 的 version）",
    )
    code, _out, err = _cli(book, "case", "delete", NO, "--reason", "重复立案", "--version", "2")
    assert (code, err.strip()) == (1, STALE)
    code, _out, err = _cli(book, "case", "correct", NO, "--field", "案由", "--value",
                           "张三擅自搭建案", "--reason", "笔误", "--version", "2")  # fmt: skip
    assert (code, err.strip()) == (1, STALE)
    assert database_digest(book) == before
    assert _cli(book, "case", "delete", NO, "--reason", "重复立案", "--version", "3")[0] == 0
    code, _out, err = _cli(book, "case", "undelete", NO, "--version", "3")
    assert (code, err.strip()) == (1, STALE)
    assert _cli(book, "case", "undelete", NO, "--version", "4")[0] == 0
    assert _version(book) == 5


def _step(command: str) -> str:
    from chuansha_enforce.cli.case_step_commands import STEP_LABELS  # noqa: PLC0415

    return STEP_LABELS[command]


def test_two_clerks_edit_one_case_and_the_later_stale_edit_is_refused(
    book: str | Path,
) -> None:
    """Two PCs (two connections): the one that read before the other's edit is refused,
    with the message and nothing written; after reading again it passes."""
    with (
        build_services(book, FixedClock(NOW)) as first,
        build_services(book, FixedClock(NOW)) as second,
    ):
        read = first.case_files.find(NO)
        assert read.version == 0
        done = second.case_files.record_evidence(NO, ITEM)
        assert done.case.version == 1  # the case as it now stands carries its new version
        before = database_digest(book)
        with pytest.raises(DomainError) as refused, edited_as_read(NO, read.version):
            first.case_files.record_evidence(NO, ITEM)
        assert render(refused.value.code, refused.value.params, "zh", refused.value.field) == STALE
        assert render(refused.value.code, {}, "en") == (
            "someone else changed the case meanwhile; refresh and try again"
        )
        stale = r"case\.changed_since"
        with pytest.raises(DomainError, match=stale), edited_as_read(NO, read.version):
            first.trash.delete(NO, "重复立案")
        with pytest.raises(DomainError, match=stale), edited_as_read(NO, 0):
            first.corrections.correct_case(NO, "cause", "张三搭建案", "笔误")
        assert database_digest(book) == before
        again = first.case_files.find(NO)
        with edited_as_read(NO, again.version):
            assert first.case_files.record_evidence(NO, ITEM).case.version == 2
        with edited_as_read("川执立〔2026〕000009号", 0):  # another case's version: not this one's
            assert second.case_files.record_evidence(NO, ITEM).case.version == 3
        assert len(second.case_files.find(NO).evidence) == 3


@pytest.mark.pg
def test_a_server_deadlock_is_refused_with_a_sentence_and_writes_nothing(
    server_db: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Two writers each holding one case's version row and waiting for the other's: the
    server breaks the deadlock by refusing one, which the program says as a sentence (never a
    traceback) with nothing of it written; the other's write goes through."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(server_db)
    other = "川执立〔2026〕000002号"
    assert _cli(server_db, *FILE)[:2] == (0, f"{other}\n")
    start = threading.Barrier(2)
    outcomes: dict[str, object] = {}
    with psycopg.connect(server_db) as conn:
        ids = dict(conn.execute("SELECT case_no, id FROM general_cases").fetchall())

    def writer(first: str, then: str) -> None:
        db = open_server(server_db)
        try:
            with write_transaction(db):
                case_versions.bump(db, ids[first], None)
                start.wait()
                case_versions.bump(db, ids[then], None)
            outcomes[first] = "written"
        except StorageError as exc:
            outcomes[first] = render(exc.code, exc.params, "zh")
        finally:
            db.close()

    threads = [
        threading.Thread(target=writer, args=(NO, other)),
        threading.Thread(target=writer, args=(other, NO)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    locked = render("storage.locked", {"path": shown_url(server_db)}, "zh")
    assert sorted(map(str, outcomes.values())) == sorted(["written", locked])
    versions = {no: _version_of(server_db, no) for no in (NO, other)}
    assert versions == {NO: 1, other: 1}  # the written one's two claims, nothing else


def _version_of(db: str, no: str) -> int:
    code, shown, _err = _cli(db, "case", "show", no, "--json")
    assert code == 0
    return int(json.loads(shown)["version"])


def test_the_installed_command_refuses_a_stale_version(book: str | Path, tmp_path: Path) -> None:
    """The installed ``chuansha-enforce`` in its own process: ``--version`` of an older read is
    refused with the sentence and exit 1, nothing written; the version read passes."""
    assert _cli(book, "case", "evidence", NO, *EVIDENCE)[0] == 0  # now at version 1
    installed_stale_then_fresh(book, tmp_path, ["case", "evidence", NO, *EVIDENCE])


def installed_stale_then_fresh(
    book: str | Path,
    tmp_path: Path,
    command: list[str],
    version_of: Callable[[str | Path], int] = _version,
) -> None:
    """``command --version 0`` by the installed program, the case (or what ``version_of``
    reads) being at version 1: refused with the sentence and exit 1, nothing written;
    ``--version 1`` passes (version 2)."""
    exe = Path(sys.executable).with_name("chuansha-enforce")
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
    }

    def run(version: str) -> subprocess.CompletedProcess[str]:
        argv = [str(exe), "--db", str(book), *command, "--version", version]
        return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120,
                              check=False)  # fmt: skip

    before = database_digest(book)
    stale = run("0")
    assert (stale.returncode, stale.stdout, stale.stderr.strip()) == (1, "", STALE)
    assert database_digest(book) == before
    fresh = run("1")
    assert fresh.returncode == 0, fresh.stderr
    assert version_of(book) == 2
