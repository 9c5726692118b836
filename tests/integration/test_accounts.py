"""Accounts on a real file: first admin, roles, lockout with an injected clock."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.accounts.accounts import (
    ROLE_PERMISSIONS,
    Account,
    LockoutPolicy,
    LoginState,
    Permission,
    Role,
    after_failure,
    require,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.storage.errors import DatabaseReadOnlyError
from tests.conftest import NOW, database_digest
from tests.review_setup import PASSWORDS, make_accounts, open_as


@pytest.fixture
def db_path(backend: Path) -> Path:
    """These tests run on both backends: a file and a server database (tests/server_backend)."""
    return backend


@pytest.fixture
def file_db(tmp_path: Path) -> Path:
    """A file only: the test opens it with sqlite3 itself."""
    return tmp_path / "cases.db"


def test_first_account_must_be_admin_and_later_ones_need_an_admin(
    file_db: Path, clock: FixedClock
) -> None:
    with open_as(file_db, clock) as svc:
        assert not svc.accounts.has_accounts()
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser("clerk", Role.CLERK, "clerk-pass-1"))
        assert caught.value.code == "account.first_must_be_admin"
        svc.accounts.add_user(NewUser("admin", Role.ADMIN, PASSWORDS["admin"]))
        # Still the same (single-user) session: the next account needs an admin's login.
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser("clerk", Role.CLERK, "clerk-pass-1"))
        assert caught.value.code == "auth.login_required"
    with open_as(file_db, clock, "admin") as svc:
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser("zhou", Role.REVIEWER, "zhou-pass-1", "周律"))
        assert caught.value.code == "review.qualification_required"
        svc.accounts.add_user(NewUser("clerk", Role.CLERK, PASSWORDS["clerk"]))
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser("clerk", Role.CLERK, "another-pass"))
        assert caught.value.code == "account.name_taken"
    with open_as(file_db, clock, "clerk") as svc:
        with pytest.raises(DomainError) as caught:
            svc.accounts.add_user(NewUser("x2", Role.CLERK, "another-pass"))
        assert caught.value.code == "auth.forbidden"
    conn = sqlite3.connect(file_db)
    hashes = [r[0] for r in conn.execute("SELECT password_hash FROM users")]
    conn.close()
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any(p in h for h in hashes for p in PASSWORDS.values())


def test_with_accounts_nothing_is_written_without_a_login(file_db: Path, clock: FixedClock) -> None:
    make_accounts(file_db, clock)
    before = database_digest(file_db)
    with open_as(file_db, clock) as svc:
        assert svc.session.login_required
        assert svc.cases.count() == 0  # reading works
        with pytest.raises(DatabaseReadOnlyError):
            svc.settings.set("lockout_minutes", 20)
    assert database_digest(file_db) == before
    with open_as(file_db, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 20)
        assert svc.audit_head() != ""
    conn = sqlite3.connect(file_db)
    last = conn.execute("SELECT user, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert last == ("admin", "settings.set")


def test_lockout_after_five_failures_for_thirty_minutes(file_db: Path) -> None:
    clock = FixedClock(NOW)
    make_accounts(file_db, clock)
    with open_as(file_db, clock) as svc:
        for attempt in range(4):
            with pytest.raises(DomainError) as caught:
                svc.accounts.login("clerk", f"wrong-{attempt}")
            assert caught.value.code == "auth.bad_password"
        assert svc.accounts.login("clerk", PASSWORDS["clerk"]).name == "clerk"  # resets
        for attempt in range(4):
            with pytest.raises(DomainError):
                svc.accounts.login("clerk", f"wrong-{attempt}")
        with pytest.raises(DomainError) as caught:
            svc.accounts.login("clerk", "wrong-5")
        assert caught.value.code == "auth.locked"
        clock.advance(dt.timedelta(minutes=29, seconds=59))
        with pytest.raises(DomainError) as caught:
            svc.accounts.login("clerk", PASSWORDS["clerk"])  # right password, still locked
        assert caught.value.code == "auth.locked"
        assert "2026-11-27 10:30" in str(caught.value.params["until"])  # Shanghai time
        clock.advance(dt.timedelta(seconds=1))
        assert svc.accounts.login("clerk", PASSWORDS["clerk"]).name == "clerk"
        # Unknown users fail the same way as a wrong password (no account enumeration).
        with pytest.raises(DomainError) as caught:
            svc.accounts.login("nobody", "whatever")
        assert caught.value.code == "auth.bad_password"
    # The failures were audited under the account's name.
    conn = sqlite3.connect(file_db)
    failed = conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'auth.login' AND outcome = 'failed'"
    ).fetchone()[0]
    conn.close()
    assert failed == 10


def test_a_locked_account_cannot_open_the_program(db_path: Path) -> None:
    clock = FixedClock(NOW)
    make_accounts(db_path, clock)
    with open_as(db_path, clock) as svc:
        svc.settings  # noqa: B018 - read-only session, settings readable
        for attempt in range(5):
            with pytest.raises(DomainError):
                svc.accounts.login("zhou", f"wrong-{attempt}")
    with pytest.raises(DomainError) as caught:
        open_as(db_path, clock, "zhou")
    assert caught.value.code == "auth.locked"


@given(
    failures=st.lists(st.integers(min_value=0, max_value=90), min_size=1, max_size=30),
    limit=st.integers(min_value=1, max_value=8),
)
def test_lockout_rule_property(failures: list[int], limit: int) -> None:
    """Counting only failures at or after the last unlock: reaching the limit locks."""
    policy = LockoutPolicy(limit, 30)
    state = LoginState(0, None)
    now = NOW
    for minutes in failures:
        now += dt.timedelta(minutes=minutes)
        was_locked = state.locked_at(now)
        state = after_failure(state, now, policy)
        assert state.failed < limit
        if not was_locked and state.locked_until is not None and state.locked_at(now):
            assert state.locked_until == now + dt.timedelta(minutes=30)


@given(role=st.sampled_from(list(Role)), permission=st.sampled_from(list(Permission)))
def test_role_permissions(role: Role, permission: Permission) -> None:
    account = Account(1, "someone", "某人", role, "A1" if role is Role.REVIEWER else None)
    allowed = permission in ROLE_PERMISSIONS[role]
    if allowed:
        require(account, permission)
    else:
        with pytest.raises(DomainError):
            require(account, permission)
    # Only reviewers sign; clerks never; admins manage users but cannot sign.
    assert account.can(Permission.SIGN_REVIEW) == (role is Role.REVIEWER)
    assert account.can(Permission.MANAGE_USERS) == (role is Role.ADMIN)
