"""An administrator resets another account's password (issue 17 §5): the account gets a new
signing key pair, the old public key stays on record so every earlier signature still
verifies, the chain key is wrapped for the new password, and the reset is audited."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.credentials import unlock_private_key
from chuansha_enforce.services.review_service import SignRequest
from chuansha_enforce.services.session import Login
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.review_setup import CASE_NO, CHEAP, PASSWORDS, open_as, prepared
from tests.server_backend import db_path_on_both_backends, query  # noqa: F401

NEW = "zhou-reset-pass-7"
OWN = "zhou-own-pass-after-reset"


def _row(path: Path | str, sql: str, params: tuple[object, ...] = ()) -> tuple[object, ...]:
    return query(path, sql, params)[0]


def _sign(path: Path, clock: FixedClock, password: str, reasons: str) -> None:
    login = Login("zhou", password)
    with build_services(path, clock, login=login, password_cost=CHEAP) as svc:
        request = SignRequest(ReviewOpinion.SUPPLEMENT, reasons, (), password)
        signed = svc.reviews.sign(CASE_NO, request)
        assert signed.round.signature == "valid"
    with open_as(path, clock, "clerk") as svc:  # the next round needs a submission
        svc.reviews.submit(CASE_NO, ["补充调查材料"])


def test_sign_reset_change_sign_again_and_both_signatures_verify(
    db_path: Path | str, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    _sign(db_path, clock, PASSWORDS["zhou"], "请补充现场照片")
    old_key, old_sealed = _row(
        db_path, "SELECT public_key, private_key_enc FROM users WHERE name = 'zhou'"
    )
    with open_as(db_path, clock, "admin") as svc:
        account = svc.accounts.reset_password("zhou", NEW)
        assert account.name == "zhou"
    new_key, new_sealed, kdf = _row(
        db_path, "SELECT public_key, private_key_enc, key_kdf FROM users WHERE name = 'zhou'"
    )
    assert new_key != old_key  # a new pair; the old one gone
    assert new_sealed != old_sealed
    assert isinstance(new_sealed, bytes)
    assert isinstance(kdf, str)
    # the new private key opens with the new password only; the old sealed copy is overwritten
    assert unlock_private_key("zhou", NEW, new_sealed, kdf) is not None
    assert unlock_private_key("zhou", PASSWORDS["zhou"], new_sealed, kdf) is None
    holders = _row(db_path, "SELECT count(*) FROM users WHERE private_key_enc = ?", (old_sealed,))
    retired = query(db_path, "SELECT user_id, public_key FROM user_retired_keys")
    assert holders == (0,)
    assert [k for _u, k in retired] == [old_key]
    with pytest.raises(DomainError) as old:
        open_as(db_path, clock, "zhou")  # the old password no longer opens the account
    assert old.value.code == "auth.bad_password"
    # The administrator knows NEW: the account signs nothing until its owner changes it.
    with build_services(db_path, clock, login=Login("zhou", NEW), password_cost=CHEAP):
        pass  # (this login clears the failure the old password just counted)
    before = database_digest(db_path)
    with pytest.raises(DomainError) as waiting:
        _sign(db_path, clock, NEW, "请补充询问笔录")
    assert waiting.value.code == "account.must_change_password"
    assert database_digest(db_path) == before
    with build_services(db_path, clock, login=Login("zhou", NEW), password_cost=CHEAP) as svc:
        svc.accounts.change_password("zhou", NEW, OWN)
    own_key, own_sealed, own_kdf = _row(
        db_path, "SELECT public_key, private_key_enc, key_kdf FROM users WHERE name = 'zhou'"
    )
    assert own_key not in (old_key, new_key)  # a pair of its own: the reset's key retired unused
    assert isinstance(own_sealed, bytes)
    assert isinstance(own_kdf, str)
    assert unlock_private_key("zhou", NEW, own_sealed, own_kdf) is None
    _sign(db_path, clock, OWN, "请补充询问笔录")
    login = Login("zhou", OWN)
    with build_services(db_path, clock, login=login, password_cost=CHEAP) as svc:
        report = svc.verify()
        assert report.ok, report.problems
        assert report.signatures == 2
        assert report.chain_key == "checked"  # the chain key was wrapped for each new password
        rounds = svc.reviews.rounds(CASE_NO)
        assert [r.signature for r in rounds] == ["valid", "valid"]
    keys = [bytes(r[0]) for r in query(db_path, "SELECT public_key FROM review_signatures")]  # type: ignore[call-overload]
    retired = [bytes(r[0]) for r in query(db_path, "SELECT public_key FROM user_retired_keys")]  # type: ignore[call-overload]
    record = _row(
        db_path,
        "SELECT user, object_id, detail FROM audit_log WHERE action = 'user.password_reset'",
    )
    assert keys == [old_key, own_key]
    assert sorted(retired) == sorted([old_key, new_key])  # (the table is keyed by the key)
    assert (record[0], record[1]) == ("admin", "zhou")  # who reset whom
    detail = json.loads(record[2])
    assert (detail["reset_by"], detail["user"]) == ("admin", "zhou")
    assert detail["public_key"] == bytes(new_key).hex()  # type: ignore[arg-type]
    assert detail["retired_public_key"] == bytes(old_key).hex()  # type: ignore[arg-type]


def test_a_reset_clears_a_lock_and_the_account_logs_in(
    db_path: Path | str, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    for _ in range(5):
        with pytest.raises(DomainError):
            build_services(
                db_path, clock, login=Login("clerk", "wrong-pass-00"), password_cost=CHEAP
            )
    with pytest.raises(DomainError) as locked:
        open_as(db_path, clock, "clerk")
    assert locked.value.code == "auth.locked"
    with open_as(db_path, clock, "admin") as svc:
        states = {s.account.name: s for s in svc.accounts.account_states()}
        assert states["clerk"].locked_until is not None
        svc.accounts.reset_password("clerk", "clerk-reset-pass-3")
        states = {s.account.name: s for s in svc.accounts.account_states()}
        assert (states["clerk"].locked_until, states["clerk"].failed_logins) == (None, 0)
    login = Login("clerk", "clerk-reset-pass-3")
    with build_services(db_path, clock, login=login, password_cost=CHEAP) as svc:
        assert svc.verify().ok


@pytest.mark.parametrize(
    "attempt",
    [
        ("clerk", "zhou", NEW, "auth.forbidden"),
        ("zhou", "clerk", NEW, "auth.forbidden"),
        ("admin", "admin", NEW, "account.reset_own"),
        ("admin", "nobody", NEW, "account.unknown"),
        ("admin", "zhou", "short-1", "account.password_too_short"),
        ("admin", "zhou", "zhou", "account.password_too_short"),
        ("admin", "wang", "aaaaaaaaaaaa", "account.password_one_char"),
        ("admin", "zhou", "password123", "account.password_common"),
    ],
)
def test_a_refused_reset_changes_nothing(
    db_path: Path | str, clock: FixedClock, attempt: tuple[str, str, str, str]
) -> None:
    who, target, password, code = attempt
    prepared(db_path, clock)
    with open_as(db_path, clock, who) as svc:
        before = database_digest(db_path)
        with pytest.raises(DomainError) as refused:
            svc.accounts.reset_password(target, password)
        assert refused.value.code == code
    assert database_digest(db_path) == before
    with open_as(db_path, clock, "zhou") as svc:  # the old password still opens it
        assert svc.session.account is not None


def test_a_disabled_account_is_not_reset(db_path: Path | str, clock: FixedClock) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.disable_user("wang")
    before = database_digest(db_path)
    with open_as(db_path, clock, "admin") as svc:
        with pytest.raises(DomainError) as refused:
            svc.accounts.reset_password("wang", NEW)
        assert refused.value.code == "account.unknown"
    assert database_digest(db_path) == before


def test_a_key_slipped_in_as_retired_is_named_by_verify(tmp_path: Path, clock: FixedClock) -> None:
    """The attack: put a key one holds among the reviewer's retired keys (so a forged
    signature would pass the key check), or swap the current key, with the triggers dropped.
    File-only: it edits the file with sqlite3, and a server keeps no row seals yet."""
    db_path = tmp_path / "cases.db"
    prepared(db_path, clock)
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError):  # the trigger: no key change without retiring
        conn.execute("UPDATE users SET public_key = zeroblob(32) WHERE name = 'zhou'")
    conn.execute("DROP TRIGGER users_public_key_retired")
    conn.execute(
        "INSERT INTO user_retired_keys (user_id, algorithm, public_key, retired_at)"
        " SELECT id, 'ed25519', randomblob(32), '2026-11-27' FROM users WHERE name = 'zhou'"
    )
    conn.execute("UPDATE users SET public_key = randomblob(32) WHERE name = 'wang'")
    conn.commit()
    conn.close()
    with open_as(db_path, clock, "admin") as svc:
        report = svc.verify()
    named = {(p.table, p.what) for p in report.problems}
    assert (
        "user_retired_keys",
        "retired public key was never recorded as this account's key",
    ) in named
    assert any(t == "users" and "public key differs" in w for t, w in named)
    assert any(t == "user_retired_keys" and "no audited state" in w for t, w in named)


def test_reset_password_through_the_cli(
    db_path: Path | str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared(db_path, clock)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    monkeypatch.setenv("CHUANSHA_ENFORCE_NEW_PASSWORD", "123456")
    before = database_digest(db_path)
    db = ["--db", str(db_path), "--user", "admin"]
    assert main([*db, "account", "reset-password", "zhou"]) == 1
    assert "密码：密码至少10个字符" in err.getvalue()
    assert database_digest(db_path) == before
    monkeypatch.setenv("CHUANSHA_ENFORCE_NEW_PASSWORD", NEW)
    out = io.StringIO()
    assert main([*db, "account", "reset-password", "zhou"], out) == 0
    assert "已重置账户 zhou 的密码" in out.getvalue()
    out = io.StringIO()
    assert main([*db, "account", "list", "--json"], out) == 0
    rows = {r["name"]: r for r in json.loads(out.getvalue())}
    assert (rows["zhou"]["failed_logins"], rows["zhou"]["disabled"]) == (0, False)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", NEW)
    out = io.StringIO()
    assert main(["--db", str(db_path), "--user", "zhou", "verify"], out) == 0
