"""Changing one's own password (the signing key follows it) and disabling an account."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.review_service import SignRequest
from chuansha_enforce.services.session import Login
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.review_setup import CASE_NO, CHEAP, PASSWORDS, open_as, prepared


def test_a_new_password_logs_in_and_still_signs_with_the_same_key(backend: Path | str) -> None:
    path, clock = backend, FixedClock(NOW)
    prepared(path, clock)
    with open_as(path, clock, "zhou") as svc:
        svc.accounts.change_password("zhou", PASSWORDS["zhou"], "zhou-new-pass-2")
    with pytest.raises(DomainError) as old:
        open_as(path, clock, "zhou")
    assert old.value.code == "auth.bad_password"
    new_login = Login("zhou", "zhou-new-pass-2")
    with build_services(path, clock, login=new_login, password_cost=CHEAP) as svc:
        request = SignRequest(ReviewOpinion.AGREE, "事实清楚", (), "zhou-new-pass-2")
        signed = svc.reviews.sign(CASE_NO, request)
        assert signed.round.round.opinion is ReviewOpinion.AGREE
        assert signed.round.signature == "valid"  # the same key, sealed under the new password
        report = svc.verify()
        assert report.ok, report


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("wrong-pass-0", "zhou-new-pass-2", "auth.bad_password"),
        ("zhou-pass-1", "short", "account.password_too_short"),
        ("zhou-pass-1", "zhou-pass-1", "account.password_unchanged"),
    ],
)
def test_a_refused_password_change_keeps_the_old_password(
    backend: Path | str, old: str, new: str, code: str
) -> None:
    path, clock = backend, FixedClock(NOW)
    prepared(path, clock)
    with open_as(path, clock, "zhou") as svc:
        with pytest.raises(DomainError) as refused:
            svc.accounts.change_password("zhou", old, new)
        assert refused.value.code == code
    with open_as(path, clock, "zhou") as svc:  # the old password still opens it
        assert svc.session.account is not None


def test_an_administrator_disables_an_account_but_never_the_last_admin(backend: Path | str) -> None:
    path, clock = backend, FixedClock(NOW)
    prepared(path, clock)
    with open_as(path, clock, "clerk") as svc:
        with pytest.raises(DomainError) as clerk:
            svc.accounts.disable_user("wang")
        assert clerk.value.code == "auth.forbidden"
    with open_as(path, clock, "admin") as svc:
        svc.accounts.disable_user("wang")
    before = database_digest(path)
    with open_as(path, clock, "admin") as svc:
        with pytest.raises(DomainError) as last:
            svc.accounts.disable_user("admin")
        assert last.value.code == "account.last_admin"
        with pytest.raises(DomainError) as again:
            svc.accounts.disable_user("wang")
        assert again.value.code == "account.unknown"
    assert database_digest(path) == before
    with pytest.raises(DomainError) as disabled:
        open_as(path, clock, "wang")
    assert disabled.value.code == "auth.bad_password"
    with open_as(path, clock, "admin") as svc:
        assert "wang" in {a.name for a in svc.accounts.users()}  # kept, never deleted


def test_passwd_and_disable_through_the_cli(
    backend: Path | str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, clock = backend, FixedClock(NOW)
    prepared(path, clock)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    monkeypatch.setenv("CHUANSHA_ENFORCE_NEW_PASSWORD", "clerk-new-pass-2")
    out = io.StringIO()
    assert main(["--db", str(path), "--user", "clerk", "user", "passwd"], out) == 0
    assert "密码已修改" in out.getvalue()
    assert main(["--db", str(path), "--user", "clerk", "user", "list"], io.StringIO()) == 1
    assert "用户名或密码错误" in err.getvalue()
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "clerk-new-pass-2")
    assert main(["--db", str(path), "--user", "clerk", "user", "disable", "wang"]) == 1
    assert "无权进行此操作" in err.getvalue()
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    out = io.StringIO()
    assert main(["--db", str(path), "--user", "admin", "user", "disable", "wang"], out) == 0
    assert "已停用账户 wang" in out.getvalue()
    assert main(["--db", str(path), "user", "passwd"]) == 1  # nobody logged in
