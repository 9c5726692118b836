"""Identity by registry, not by spelling (issue 17 §4): an administrator links an account to
the registry's officer who is the same person; the reviewer independence check and the
presiding-officer check then compare registry ids, whatever the account's display name."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.cases.case_file import Hearing
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import HearingState, ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.review_service import SignRequest
from chuansha_enforce.services.session import Login
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.review_setup import (
    CASE_NO,
    CHEAP,
    PASSWORDS,
    make_accounts,
    make_major_case,
    open_as,
    prepared,
    register_officers,
)
from tests.server_backend import db_path_on_both_backends, query  # noqa: F401

D = dt.date
LAO_WANG = "laowang-pass-9"
HEARD_CASE = "川执立〔2026〕8号"


def _add_reviewer(path: Path | str, clock: FixedClock, name: str, display: str) -> None:
    with open_as(path, clock, "admin") as svc:
        svc.accounts.add_user(NewUser(name, Role.REVIEWER, LAO_WANG, display, "A2021310000555"))


def _sign(path: Path | str, clock: FixedClock, name: str, case_no: str = CASE_NO) -> None:
    login = Login(name, LAO_WANG)
    with build_services(path, clock, login=login, password_cost=CHEAP) as svc:
        svc.reviews.sign(case_no, SignRequest(ReviewOpinion.AGREE, "事实清楚", (), LAO_WANG))


def test_a_linked_account_is_the_officer_whatever_its_display_name(
    db_path: Path | str, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    _add_reviewer(db_path, clock, "lw", "老王")  # 王建国 under another display name
    with open_as(db_path, clock, "admin") as svc:
        account = svc.accounts.link_officer("lw", "王建国(31150001)")
        assert account.officer_id is not None
        states = {s.account.name: s for s in svc.accounts.account_states()}
        assert states["lw"].officer == "王建国(31150001)"
    before = database_digest(db_path)
    with pytest.raises(DomainError) as caught:
        _sign(db_path, clock, "lw")
    assert caught.value.code == "review.reviewer_is_officer"
    assert caught.value.params["name"] == "老王"
    assert database_digest(db_path) == before
    with open_as(db_path, clock, "admin") as svc:  # the link, and only it, refused the signing
        assert svc.accounts.link_officer("lw", None).officer_id is None
    _sign(db_path, clock, "lw")
    with open_as(db_path, clock, "admin") as svc:
        report = svc.verify()
        assert report.ok, report.problems
    links = [
        (r[0], json.loads(str(r[1])))
        for r in query(
            db_path, "SELECT user, detail FROM audit_log WHERE action = 'user.officer' ORDER BY id"
        )
    ]
    assert [(u, d["before"], d["after"]) for u, d in links] == [
        ("admin", None, "王建国(31150001)"),
        ("admin", "王建国(31150001)", None),
    ]


def _heard_case(path: Path | str, clock: FixedClock) -> None:
    """A major case whose hearing the registered officer 赵六 presided (not an investigator)."""
    make_accounts(path, clock)
    with open_as(path, clock, "admin") as svc:
        register_officers(svc)
        svc.officers.register(OfficerRecord("赵六", "31150003", D(2017, 1, 5)))
    held = Hearing(
        HearingState.HELD,
        requested_on=D(2026, 10, 21),
        notice_on=D(2026, 10, 22),  # 7 working days before the hearing (APL 64)
        held_on=D(2026, 11, 2),
        presiding="赵六",
    )
    with open_as(path, clock, "clerk") as svc:
        make_major_case(svc, HEARD_CASE, held, D(2026, 11, 5))
        svc.reviews.submit(HEARD_CASE, ["调查终结报告", "听证笔录"])


def test_a_linked_account_that_presided_the_hearing_cannot_sign(
    db_path: Path | str, clock: FixedClock
) -> None:
    _heard_case(db_path, clock)
    _add_reviewer(db_path, clock, "xz", "小赵")
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.link_officer("xz", "31150003")  # by certificate number
    before = database_digest(db_path)
    with pytest.raises(DomainError) as caught:
        _sign(db_path, clock, "xz", HEARD_CASE)
    assert caught.value.code == "review.reviewer_presided"
    assert database_digest(db_path) == before
    _add_reviewer(db_path, clock, "zl", "赵\u3000六")  # not linked: the name, as its key
    with pytest.raises(DomainError) as named:
        _sign(db_path, clock, "zl", HEARD_CASE)
    assert named.value.code == "review.reviewer_presided"


@pytest.mark.parametrize(
    ("who", "officer", "code"),
    [
        ("admin", "钱七", "account.officer_unknown"),
        ("admin", "王建国(99999999)", "officers.unknown"),
        ("clerk", "王建国(31150001)", "auth.forbidden"),
    ],
)
def test_a_refused_link_changes_nothing(
    db_path: Path | str, clock: FixedClock, who: str, officer: str, code: str
) -> None:
    prepared(db_path, clock)
    before = database_digest(db_path)
    with open_as(db_path, clock, who) as svc:
        with pytest.raises(DomainError) as refused:
            svc.accounts.link_officer("zhou", officer)
        assert refused.value.code == code
    assert database_digest(db_path) == before


def test_link_and_list_through_the_cli(
    db_path: Path | str, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    prepared(db_path, clock)
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    db = ["--db", str(db_path), "--user", "admin"]
    before = database_digest(db_path)
    assert main([*db, "account", "link", "wang", "--officer", "钱七"]) == 1
    assert "执法人员名录中没有“钱七”" in err.getvalue()
    assert database_digest(db_path) == before
    out = io.StringIO()
    assert main([*db, "account", "link", "wang", "--officer", "王建国(31150001)"], out) == 0
    assert out.getvalue().strip() == "账户 wang 已关联执法人员 王建国(31150001)"
    out = io.StringIO()
    assert main([*db, "user", "list"], out) == 0
    line = next(r for r in out.getvalue().splitlines() if r.startswith("wang\t"))
    assert line.split("\t") == [
        "wang", "王建国", "法制审核员", "A2018310000999", "正常", "", "0", "王建国(31150001)"
    ]  # fmt: skip
    out = io.StringIO()
    assert main([*db, "account", "link", "wang", "--none"], out) == 0
    assert out.getvalue().strip() == "账户 wang 已取消关联执法人员"


def test_the_installed_command_resets_and_links(db_path: Path | str, clock: FixedClock) -> None:
    """The account family through the installed program, in its own process."""
    prepared(db_path, clock)
    program = Path(sys.executable).with_name("chuansha-enforce")
    env = {
        "PATH": "/usr/bin:/bin",
        "CHUANSHA_ENFORCE_PASSWORD": PASSWORDS["admin"],
        "CHUANSHA_ENFORCE_NEW_PASSWORD": "wang-reset-pass-4",
    }

    def run(*words: str, user: str = "admin") -> subprocess.CompletedProcess[str]:
        argv = [str(program), "--db", str(db_path), "--user", user, *words]
        return subprocess.run(
            argv, check=False, env=env, capture_output=True, text=True, timeout=120
        )

    reset = run("account", "reset-password", "wang")
    assert reset.returncode == 0, reset.stderr
    assert "已重置账户 wang 的密码" in reset.stdout
    link = run("account", "link", "zhou", "--officer", "李明")
    assert link.returncode == 0, link.stderr
    rows = {r["name"]: r for r in json.loads(run("account", "list", "--json").stdout)}
    assert rows["zhou"]["officer"] == "李明(31150002)"
    own = run("account", "reset-password", "admin")
    assert own.returncode == 1
    assert "不能重置自己的密码" in own.stderr
    env["CHUANSHA_ENFORCE_PASSWORD"] = "wang-reset-pass-4"
    verify = run("verify", user="wang")
    assert verify.returncode == 0, verify.stdout + verify.stderr
