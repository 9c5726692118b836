"""Issue 17 §5: wrong passwords spread over separate processes of the installed program still
lock the account at the limit (limit - 1 does not): the count is in the file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from tests.review_setup import PASSWORDS, make_accounts

PROGRAM = Path(sys.executable).with_name("chuansha-enforce")


def _as_clerk(db_path: Path, password: str) -> subprocess.CompletedProcess[str]:
    """One process of the installed program, logging in as the clerk to list accounts."""
    env = {"PATH": "/usr/bin:/bin", "CHUANSHA_ENFORCE_PASSWORD": password}
    return subprocess.run(
        [str(PROGRAM), "--db", str(db_path), "--user", "clerk", "user", "list"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _login_state(db_path: Path) -> tuple[int, object]:
    conn = sqlite3.connect(db_path)
    row = conn.execute("SELECT failed_logins, locked_until FROM users WHERE name = 'clerk'")
    found = row.fetchone()
    conn.close()
    return int(found[0]), found[1]


@pytest.mark.parametrize(
    ("wrong", "failed", "locked"),
    [(4, 4, False), (5, 0, True)],  # the default limit is 5: limit - 1, limit
    ids=["limit-1", "limit"],
)
def test_failures_in_separate_processes_count_to_the_lock(
    db_path: Path, clock: FixedClock, wrong: int, failed: int, locked: bool
) -> None:
    make_accounts(db_path, clock)
    for attempt in range(wrong):
        refused = _as_clerk(db_path, f"wrong-pass-{attempt}")
        assert refused.returncode == 1
        if attempt < 4:
            assert refused.stderr.strip() == "密码：用户名或密码错误"
        else:  # the fifth wrong password locks at once
            assert "账户clerk因连续输错密码已锁定" in refused.stderr
    state = _login_state(db_path)
    assert state[0] == failed
    assert (state[1] is not None) is locked
    right = _as_clerk(db_path, PASSWORDS["clerk"])
    if locked:
        assert right.returncode == 1
        assert "账户clerk因连续输错密码已锁定" in right.stderr
    else:
        assert right.returncode == 0, right.stderr
        assert _login_state(db_path) == (0, None)
