"""Four PCs writing at once on one case book (issue 23's done-when): 4 processes × 200 mixed
writes (filings, case steps, numbered 事先告知书, payments, review submissions and sign-offs), on
a server database and on a file.

Every acknowledged write is there and nothing else is (each case's audit records and its
version count exactly its acknowledged edits), case, decision and 事先告知书 numbers are
unique and without gaps, the audit chain does not fork and ``verify`` is clean. Edits that met
another PC's edit of the same case are refused with the version's sentence, never a traceback.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from tests.cli_clock import main
from tests.conftest import NOW
from tests.integration.mixed_writer_child import run
from tests.review_setup import make_accounts, open_as, register_officers
from tests.server_backend import is_server

WRITES = 200
PCS = "ABCD"
STALE = "已被他人修改，请刷新后再试"
CHILD = Path(__file__).with_name("mixed_writer_child.py")


def _seq(number: str) -> int:
    found = re.search(r"〕0*(\d+)号$", number)
    assert found is not None, number
    return int(found.group(1))


def _rows(db: str | Path, sql: str) -> list[tuple[object, ...]]:
    """Rows read past the program (its own connection, read only)."""
    if is_server(db):
        with psycopg.connect(str(db)) as conn:
            return [tuple(r) for r in conn.execute(sql.replace("?", "%s")).fetchall()]
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def _on_servers(url: str | Path, tmp_path: Path) -> list[list[str]]:
    """Four processes (PCs) on one server database, started together once all logged in."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    pcs = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(url), str(WRITES), tag],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in PCS
    ]
    for pc in pcs:
        assert pc.stdout is not None
        assert pc.stderr is not None
        assert pc.stdout.readline() == "READY\n", pc.stderr.read()
    for pc in pcs:  # every PC logged in: all go at once
        assert pc.stdin is not None
        pc.stdin.write("go\n")
        pc.stdin.flush()
    lines: list[list[str]] = []
    for pc in pcs:
        out, err = pc.communicate(timeout=600)
        assert pc.returncode == 0, err
        assert "Traceback" not in err, err
        said = [line.split(" ", 3) for line in out.splitlines()]
        assert len(said) == WRITES
        lines += said
    return lines


def _in_one_program(path: str | Path) -> list[list[str]]:
    """On a file one program writes (its writer lock; ``BEGIN IMMEDIATE`` and the busy
    timeout order its connections' writes): four windows of it, each on a connection of its
    own, in four threads."""
    start = threading.Barrier(len(PCS))
    said: dict[str, list[str]] = {tag: [] for tag in PCS}
    failed: list[BaseException] = []

    def pc(tag: str) -> None:
        try:
            run(str(path), WRITES, tag, said[tag].append, start.wait)
        except BaseException as exc:  # a traceback: the test fails with it
            failed.append(exc)
            start.abort()

    threads = [threading.Thread(target=pc, args=(tag,)) for tag in PCS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert failed == []
    assert [len(lines) for lines in said.values()] == [WRITES] * len(PCS)
    return [line.split(" ", 3) for lines in said.values() for line in lines]


def test_four_pcs_make_mixed_writes_at_once(
    backend: str | Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock = FixedClock(NOW)
    assert main(["--db", str(backend), "init"]) == 0
    book: Any = backend  # a server's URL or a file's path: ``build_services`` takes either
    make_accounts(book, clock)
    with open_as(book, clock, "admin") as admin:
        register_officers(admin)
    setup_records = _rows(backend, "SELECT count(*) FROM audit_log")[0][0]
    started = time.monotonic()
    lines = _on_servers(backend, tmp_path) if is_server(backend) else _in_one_program(backend)
    acked = [line[1:] for line in lines if line[0] == "ACK"]
    refused = [line[1:] for line in lines if line[0] == "NAK"]
    took = time.monotonic() - started
    kinds = collections.Counter(kind for kind, *_rest in acked)
    print(f"{len(acked)} acknowledged, {len(refused)} refused in {took:.1f} s: {dict(kinds)}")
    print(collections.Counter(said for *_front, said in refused))
    for kind in ("file", "notice", "doc", "submit", "sign", "decide", "serve", "pay"):
        assert kinds[kind] > 0, kind  # every kind of write was made
    assert len(acked) >= 2 * WRITES  # most writes go through
    assert all(said == STALE or "数据库" in said for *_front, said in refused), refused

    filed = sorted(no for kind, no, *_rest in acked if kind == "file")
    stored = [str(r[0]) for r in _rows(backend, "SELECT case_no FROM general_cases")]
    assert sorted(stored) == filed  # every acknowledged filing, and nothing else
    assert sorted(_seq(no) for no in filed) == list(range(1, len(filed) + 1))
    decided = {no: number for kind, no, number in acked if kind == "decide"}
    numbers = {
        str(a): str(b)
        for a, b in _rows(
            backend, "SELECT case_no, decision_no FROM general_cases WHERE decision_no IS NOT NULL"
        )
    }
    assert numbers == decided
    assert sorted(_seq(n) for n in decided.values()) == list(range(1, len(decided) + 1))

    documents = {no: number for kind, no, number in acked if kind == "doc"}
    made = _rows(backend, "SELECT case_no, document_no FROM case_documents")
    assert {str(a): str(b) for a, b in made} == documents  # 事先告知书 as acknowledged
    assert sorted(_seq(n) for n in documents.values()) == list(range(1, len(documents) + 1))

    edits = collections.Counter(no for kind, no, *_rest in acked if kind != "file")
    versions = {
        str(no): int(str(v))
        for no, v in _rows(
            backend,
            "SELECT c.case_no, v.version FROM case_versions v JOIN general_cases c"
            " ON c.id = v.case_id",
        )
    }
    assert versions == dict(edits)  # one version per acknowledged edit, no lost update
    writes = collections.Counter(no for _kind, no, *_rest in acked)
    audited = collections.Counter(
        str(r[0])
        for r in _rows(
            backend,
            f"SELECT object_id FROM audit_log WHERE id > {setup_records}"
            " AND object_type = 'general_case'",
        )
    )
    assert audited == writes  # each acknowledged write's one record, nothing refused
    pays = collections.Counter(no for kind, no, *_rest in acked if kind == "pay")
    paid = collections.Counter(
        str(r[0])
        for r in _rows(
            backend, "SELECT c.case_no FROM payments p JOIN general_cases c ON c.id = p.case_id"
        )
    )
    assert paid == pays
    signed = sorted(int(n) for kind, _no, n in acked if kind == "sign")
    rounds = sorted(
        int(str(r[0])) for r in _rows(backend, "SELECT round_id FROM review_signatures")
    )
    assert rounds == signed

    forks = _rows(
        backend,
        "SELECT count(*) FROM audit_log a JOIN audit_log b ON a.prev_hash = b.prev_hash"
        " AND a.id < b.id",
    )
    assert forks == [(0,)]
    assert main(["--db", str(backend), "verify"]) == 0
