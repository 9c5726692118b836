"""Kill a writing process at random moments and check that nothing acknowledged is lost.

Shared by ``tests/safety/test_crash_kills.py`` (200 kills) and ``benchmarks/bench_kill.py``
(1,000). After every SIGKILL: every acknowledged write is in the file, no ledger import is
partly there, ``PRAGMA integrity_check`` says ok and the audit chain verifies.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

from chuansha_enforce.storage.safety.audit_log import AuditLog

CHILD = Path(__file__).with_name("writer_child.py")
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Ledger:
    """What the killed workers said: acknowledged writes and started imports."""

    cases: set[str] = field(default_factory=set)
    officers: set[str] = field(default_factory=set)
    imports: dict[str, int] = field(default_factory=dict)
    intents: dict[str, int] = field(default_factory=dict)

    def take(self, line: str) -> None:
        parts = line.split()
        if parts[:2] == ["ACK", "case"]:
            self.cases.add(parts[2])
        elif parts[:2] == ["ACK", "officer"]:
            self.officers.add(parts[2])
        elif parts[:2] == ["ACK", "import"]:
            self.imports[parts[2]] = int(parts[3])
        elif parts[:2] == ["INTENT", "import"]:
            self.intents[parts[2]] = int(parts[3])


@dataclass
class KillReport:
    rounds: int = 0
    killed: int = 0
    acknowledged: int = 0
    imports_acknowledged: int = 0
    imports_cut: int = 0
    """Imports started but not acknowledged when the worker died (must be all or nothing)."""
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def import_case_nos(batch: str, size: int) -> list[str]:
    round_no, seq = (int(x) for x in batch.split("-"))
    return [f"川执立〔2024〕{round_no:05d}{seq:04d}{item:03d}号" for item in range(size)]


def check_database(db: Path, said: Ledger) -> list[str]:
    problems = []
    conn = sqlite3.connect(db)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            problems.append(f"integrity_check: {result}")
        broken = AuditLog(sqlite_utils.Database(conn)).verify()
        if broken is not None:
            problems.append(f"audit chain breaks at {broken}")
        cases = {r[0] for r in conn.execute("SELECT case_no FROM general_cases")}
        certs = {r[0] for r in conn.execute("SELECT certificate_no FROM certificates")}
    finally:
        conn.close()
    lost = [c for c in said.cases if c not in cases]
    lost += [c for c in said.officers if c not in certs]
    if lost:
        problems.append(f"{len(lost)} acknowledged writes lost, e.g. {lost[:3]}")
    for batch, size in said.intents.items():
        present = sum(1 for c in import_case_nos(batch, size) if c in cases)
        if present not in (0, size) or (batch in said.imports and present != size):
            problems.append(f"import {batch}: {present} of {size} cases present")
    return problems


class _Lines:
    """Lines from the server's stdout, with a deadline."""

    def __init__(self, stream: object) -> None:
        self._fd = stream.fileno()  # type: ignore[attr-defined]
        self._buffer = b""
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._fd, selectors.EVENT_READ)

    def next(self, deadline: float | None) -> str | None:
        while b"\n" not in self._buffer:
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._selector.select(timeout):
                return None
            chunk = os.read(self._fd, 65536)
            if not chunk:
                raise EOFError("writer server closed its output")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8")


def _window(max_delay: float, import_times: list[float]) -> float:
    """How long after its start a worker may live: ``max_delay``, or twice the typical time
    its first import took, whichever is longer — on a loaded machine everything is slower, and
    a fixed window would kill every worker before any import was acknowledged."""
    if not import_times:
        return max_delay
    return max(max_delay, 2 * statistics.median(import_times))


def run_kills(folder: Path, rounds: int, seed: int = 2024, max_delay: float = 0.25) -> KillReport:
    """Run ``rounds`` write-and-kill rounds on one database in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "cases.db"
    ledgers = folder / "ledgers"
    ledgers.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, str(CHILD), "setup", str(db)], check=True, env=env)
    rng = random.Random(seed)
    report = KillReport()
    started = time.monotonic()
    errors = (folder / "server.err").open("wb")
    server = subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(ledgers)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        env=env,
    )
    assert server.stdin is not None
    said = Ledger()
    import_times: list[float] = []
    try:
        lines = _Lines(server.stdout)
        for round_no in range(rounds):
            server.stdin.write(f"run {round_no} {rng.randrange(1 << 30)}\n".encode())
            server.stdin.flush()
            first = lines.next(time.monotonic() + 30)
            if first is None or not first.startswith("PID "):
                raise RuntimeError(f"writer server said {first!r}")
            pid = int(first.split()[1])
            began = time.monotonic()
            deadline = began + rng.uniform(0.0, _window(max_delay, import_times))
            status = None
            while status is None:
                line = lines.next(deadline)
                if line is None:
                    os.kill(pid, signal.SIGKILL)
                    deadline = time.monotonic() + 30
                    continue
                if line.startswith("REAPED"):
                    status = int(line.split()[2])
                else:
                    if line.startswith("ACK import"):
                        import_times.append(time.monotonic() - began)
                    said.take(line)
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                errors.flush()
                detail = (folder / "server.err").read_text(errors="replace")[-2000:]
                report.problems.append(f"round {round_no}: worker ended by itself: {detail}")
                break
            report.killed += 1
            report.rounds += 1
            problems = check_database(db, said)
            if problems:
                report.problems.extend(f"round {round_no}: {p}" for p in problems)
                break
        server.stdin.write(b"quit\n")
        server.stdin.flush()
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for pipe in (server.stdin, server.stdout):
            if pipe is not None:
                pipe.close()
        errors.close()
    report.acknowledged = len(said.cases) + len(said.officers) + len(said.imports)
    report.imports_acknowledged = len(said.imports)
    report.imports_cut = len(set(said.intents) - set(said.imports))
    report.seconds = time.monotonic() - started
    return report
