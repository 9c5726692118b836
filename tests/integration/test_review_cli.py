"""Accounts and legal review through the command line, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from tests.cli_clock import main
from tests.conftest import NOW
from tests.ledger_files import CASE, ledger, with_
from tests.review_setup import CASE_NO, PASSWORDS, make_accounts, prepared


@pytest.fixture
def db_path(backend: Path) -> Path:
    """Accounts, signing and review on both backends: a file and a server database."""
    return backend


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_user_add_first_admin_then_login_required(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    db = str(db_path)
    monkeypatch.setenv("CHUANSHA_ENFORCE_NEW_PASSWORD", "admin-pass-1")
    code, _, err = run(capsys, "--db", db, "user", "add", "clerk", "--role", "clerk")
    assert code == 1
    assert "第一个账户必须是管理员" in err
    code, out, _ = run(
        capsys, "--db", db, "user", "add", "admin", "--role", "admin", "--display", "管理员"
    )
    assert code == 0
    assert "已添加账户 admin" in out
    # From now on every write names its user.
    monkeypatch.setenv("CHUANSHA_ENFORCE_NEW_PASSWORD", "zhou-pass-1")
    code, _, err = run(capsys, "--db", db, "user", "add", "zhou", "--role", "reviewer")
    assert code == 1
    assert "写入前须登录" in err
    code, _, err = run(capsys, "--db", db, "settings", "set", "lockout_minutes", "20")
    assert code == 1
    assert "写入前须登录" in err
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "wrong-pass")
    code, _, err = run(capsys, "--db", db, "--user", "admin", "user", "list")
    assert code == 1
    assert "用户名或密码错误" in err
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "admin-pass-1")
    add_zhou = ["--db", db, "--user", "admin", "user", "add", "zhou", "--role", "reviewer"]
    code, _, err = run(capsys, *add_zhou, "--display", "周律")
    assert code == 1
    assert "法律职业资格证号" in err
    code, out, _ = run(capsys, *add_zhou, "--display", "周律", "--qualification", "A2019310000123")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "user", "list", "--json")  # reading needs no login
    assert code == 0
    assert [(u["name"], u["role"]) for u in json.loads(out)] == [
        ("admin", "admin"),
        ("zhou", "reviewer"),
    ]


def test_lockout_through_the_cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    make_accounts(db_path, FixedClock(NOW))
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "wrong-pass")
    for _ in range(5):
        assert run(capsys, "--db", str(db_path), "--user", "clerk", "case", "list")[0] == 1
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    code, _, err = run(capsys, "--db", str(db_path), "--user", "clerk", "case", "list")
    assert code == 1
    assert "已锁定" in err


def test_review_submit_queue_sign_show(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    db_path: Path,
    clock: FixedClock,
) -> None:
    prepared(db_path, clock)  # accounts, the case, and its submission
    db = str(db_path)
    code, out, _ = run(capsys, "--db", db, "review", "list", "--json")
    assert code == 0
    [item] = json.loads(out)
    assert item["case_no"] == CASE_NO
    assert item["materials"] == ["调查终结报告", "处罚决定书（草稿）"]
    assert item["due_on"] == "2026-12-08"
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    code, _, err = run(
        capsys, "--db", db, "--user", "clerk", "review", "sign", CASE_NO, "--opinion", "同意"
    )
    assert code == 1
    assert "无权" in err
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["zhou"])
    code, out, err = run(
        capsys,
        "--db",
        db,
        "--user",
        "zhou",
        "review",
        "sign",
        CASE_NO,
        "--opinion",
        "建议补充调查",
        "--note",
        "补充现场照片",
        "--problem",
        "evidence=缺少现场照片",
    )
    assert code == 0, err
    assert "第1轮法制审核：建议补充调查（已签署）" in out
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    code, out, _ = run(
        capsys, "--db", db, "--user", "clerk", "review", "submit", CASE_NO, "-m", "补充的现场照片"
    )
    assert code == 0
    assert "已报送法制审核" in out
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["zhou"])
    code, out, err = run(
        capsys, "--db", db, "--user", "zhou", "review", "sign", CASE_NO, "--opinion", "同意"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "review", "show", CASE_NO, "--json")
    assert code == 0
    rounds = json.loads(out)
    assert [(r["round"], r["opinion"], r["signature"]) for r in rounds] == [
        (1, "建议补充调查", "valid"),
        (2, "同意", "valid"),
    ]
    assert [f["item"] for f in rounds[0]["findings"] if not f["ok"]] == ["evidence"]
    code, out, _ = run(capsys, "--db", db, "case", "show", CASE_NO, "--json")
    shown = json.loads(out)
    assert shown["major"] is True
    assert shown["major_reasons"] == ["对个人罚款5,000元以上"]  # a waiver is not a reason
    assert run(capsys, "--db", db, "verify")[0] == 0


@pytest.mark.parametrize(
    "case",
    [("不同意", 1), ("建议补充调查", 1), ("建议修改后再报", 1), ("同意", 0)],
)
def test_only_agree_unlocks_a_major_decision_in_an_import(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    clock: FixedClock,
    case: tuple[str, int],
) -> None:
    opinion, expected = case
    db_path = tmp_path / "cases.db"
    make_accounts(db_path, clock)
    major = with_(
        CASE,
        罚款金额=6000,
        实缴金额=6000,
        法制审核人="周律",
        法制审核日期="2024-04-08",
        法制审核结论=opinion,
    )
    # Officers are the administrator's to bring in, cases the clerk's (DOMAIN §9).
    officers = ledger(tmp_path / "officers.xlsx", cases=[], simple=[])
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    code, _, err = run(capsys, "--db", str(db_path), "--user", "admin", "import", str(officers))
    assert code == 0, err
    path = ledger(tmp_path / "ledger.xlsx", officers=[], cases=[major])
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    code, _, err = run(capsys, "--db", str(db_path), "--user", "clerk", "import", str(path))
    assert code == expected, err
    if expected:
        assert "须经法制审核同意后才能作出决定" in err
