"""Logins that count (issue 17 §5): failures while another process writes, the password rules,
safe lockout settings, and the audit records of disabling, locked attempts and backups."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.cli.login import PASSWORD_ENV
from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.session import Login
from tests.cli_clock import main as cli_main
from tests.review_setup import CHEAP, PASSWORDS, make_accounts, open_as
from tests.server_backend import query

HOLD_LOCK = """
import sys
from pathlib import Path
from chuansha_enforce.storage.safety.writer_lock import acquire_writer_lock
lock = acquire_writer_lock(Path(sys.argv[1]))
print("held" if lock is not None else "busy", flush=True)
sys.stdin.read()
"""


def _failures(db_path: Path | str, name: str) -> int:
    [(failed,)] = query(db_path, "SELECT failed_logins FROM users WHERE name = ?", (name,))
    return int(str(failed))


def _audit(
    db_path: Path | str, action: str
) -> list[tuple[object, object, object, dict[str, object]]]:
    rows = query(
        db_path,
        "SELECT user, object_id, outcome, detail FROM audit_log WHERE action = ? ORDER BY id",
        (action,),
    )
    return [(u, o, out, json.loads(str(d))) for u, o, out, d in rows]


def _login(db_path: Path | str, clock: FixedClock, name: str, password: str) -> None:
    with build_services(db_path, clock, login=Login(name, password), password_cost=CHEAP):
        pass


def test_no_password_is_checked_where_a_failure_could_not_be_counted(
    db_path: Path, clock: FixedClock
) -> None:
    make_accounts(db_path, clock)
    # Another process holds the writer lock (as a second copy of the program would).
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        for attempt in range(8):
            with pytest.raises(DomainError) as caught:
                _login(db_path, clock, "clerk", f"wrong-{attempt}")
            assert caught.value.code == "auth.unrecordable"
        with pytest.raises(DomainError) as caught:  # the right one is not checked either
            _login(db_path, clock, "clerk", PASSWORDS["clerk"])
        assert caught.value.code == "auth.unrecordable"
        assert _failures(db_path, "clerk") == 0
    finally:
        holder.communicate("")
    # Once the file is free, failures count again (and across processes: they are in the file).
    with pytest.raises(DomainError) as caught:
        _login(db_path, clock, "clerk", "wrong-again")
    assert caught.value.code == "auth.bad_password"
    assert _failures(db_path, "clerk") == 1


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("chen", "short-9ch", "account.password_too_short"),
        ("chenxiaoyu", "ChenXiaoYu", "account.password_is_name"),
        ("chen", "zzzzzzzzzzzz", "account.password_one_char"),
        ("chen", "1234567890", "account.password_common"),
        ("chen", "QwertyUiop", "account.password_common"),
        ("chen", "password123", "account.password_common"),
    ],
)
def test_weak_passwords_are_refused(
    backend: Path | str, clock: FixedClock, name: str, password: str, code: str
) -> None:
    db_path = backend
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser(name, Role.CLERK, password))
        assert caught.value.code == code
        if code != "account.password_is_name":  # (the same rules for a new password)
            with pytest.raises(DomainError) as caught:
                svc.accounts.change_password("admin", PASSWORDS["admin"], password)
            assert caught.value.code == code
        svc.accounts.add_user(NewUser(name, Role.CLERK, "川沙-执法-2026"))


@pytest.mark.parametrize(("key", "value"), [("login_max_failures", 0), ("lockout_minutes", 0)])
def test_lockout_settings_that_would_not_lock_are_refused(
    backend: Path | str, clock: FixedClock, key: str, value: int
) -> None:
    db_path = backend
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        with pytest.raises(DomainError) as caught:
            svc.settings.set(key, value)
        assert caught.value.code == "settings.out_of_range"
        svc.settings.set(key, 10)
        assert getattr(svc.settings.current(), key) == 10


def test_disable_names_the_account_and_locked_attempts_are_logged(
    backend: Path | str, clock: FixedClock
) -> None:
    db_path = backend
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.disable_user("wang")
    assert _audit(db_path, "user.disable") == [("admin", "wang", "ok", {"user": "wang"})]
    for attempt in range(5):
        with pytest.raises(DomainError):
            _login(db_path, clock, "clerk", f"wrong-{attempt}")
    with pytest.raises(DomainError) as caught:
        _login(db_path, clock, "clerk", PASSWORDS["clerk"])
    assert caught.value.code == "auth.locked"
    logins = _audit(db_path, "auth.login")
    assert logins[-1] == ("clerk", "clerk", "refused", {"reason": "locked"})


def test_a_backup_is_logged_and_a_killed_restores_copy_is_removed_at_start(
    db_path: Path, clock: FixedClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_accounts(db_path, clock)
    monkeypatch.setenv(PASSWORD_ENV, PASSWORDS["admin"])
    usb = tmp_path / "usb"
    out = io.StringIO()
    assert cli_main(["--db", str(db_path), "--user", "admin", "backup", "-o", str(usb)], out) == 0
    [saved] = list(usb.glob("*.db"))
    # Logged before the copy is taken: the copy holds its own record.
    logged = [("admin", None, "started", {"folder": str(usb), "label": "manual"})]
    assert _audit(db_path, "database.backup") == logged
    assert _audit(saved, "database.backup") == logged
    leftover = db_path.with_name(db_path.name + ".restoring")
    leftover.write_bytes(b"half a restore")
    with open_as(db_path, clock, "admin"):
        pass
    assert not leftover.exists()
