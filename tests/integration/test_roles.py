"""Who may do what (DOMAIN §9), once accounts exist: each writing service checks the role of
the logged-in account, and a refusal writes nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.calendar.holiday_overrides import HolidayOverride
from chuansha_enforce.domain.cases.case_file import AdvanceNotice
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import DisputedAct, DisputeKind, DisputeRecord
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_sampling import SampleRule
from chuansha_enforce.domain.file_review.file_review_scoring import Finding
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.dispute_service import DisputeStep
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.ledger_files import OFFICERS, ledger
from tests.review_setup import PASSWORDS, make_accounts, open_as

D = dt.date
Action = Callable[[Services], object]


FILL_THE_DEMO = True
"""The module's book (``file_demo``, ``server_demo``) is a copy of the session's demo, filled."""


@pytest.fixture
def office(backend_copy: Path | str) -> Path | str:
    """A private copy of the office, on a file and on a server database."""
    return backend_copy


def fill(path: Path | str) -> None:
    """The demo office with accounts; one sample drawn and one file scored with a defect."""
    clock = FixedClock(NOW)
    make_accounts(path, clock)
    with open_as(path, clock, "zhou") as svc:
        drawn = svc.file_reviews.draw(SampleRule(year=2025, seed=1, count=2))
        svc.file_reviews.score(drawn.files[0].id, [Finding("numbering")])
    with open_as(path, clock, "clerk") as svc:
        svc.disputes.add(_dispute("浦府复〔2026〕1号"))


def _dispute(number: str) -> DisputeRecord:
    return DisputeRecord(
        DisputeKind.RECONSIDERATION, number, "张三", DisputedAct.PENALTY, "浦东新区人民政府",
        D(2026, 11, 10),
    )  # fmt: skip


def _the_dispute(svc: Services) -> int:
    """The office's pending reconsideration (the demo's own disputes are concluded)."""
    return next(v.id for v in svc.disputes.listing() if v.record.number == "浦府复〔2026〕1号")


def _an_open_case(svc: Services) -> str:
    return next(r.case_no for r in svc.cases.list_page(after=None, limit=200).rows
                if r.status.value == "filed")  # fmt: skip


def _two_officers(svc: Services) -> tuple[str, ...]:
    valid = [c.certificate_no for c in svc.officers.certificates() if c.status.value == "valid"]
    return tuple(valid[:2])


ACTIONS: dict[str, Action] = {
    "file a case": lambda s: s.case_files.file_case(
        NewCase(
            "川执立〔2026〕900号",
            PartyRecord(PartyType.NATURAL_PERSON, "赵六"),
            "赵六占道设摊案",
            D(2026, 11, 20),
            _two_officers(s),
        )
    ),
    "record a step": lambda s: s.case_files.record_notice(
        _an_open_case(s),
        AdvanceNotice(
            D(2026, 11, 26),
            proposed_kinds=frozenset({PenaltyKind.WARNING}),
            facts="占道设摊",
            basis="《上海市市容环境卫生管理条例》第二十四条",
        ),
    ),
    "record a simple decision": lambda s: s.simple.record(
        SimpleDecisionRecord(
            "沪浦川简〔2026〕900号",
            PartyRecord(PartyType.NATURAL_PERSON, "钱七"),
            "钱七乱张贴案",
            _two_officers(s),
            D(2026, 11, 26),
            PenaltyKind.WARNING,
        )
    ),
    "register an officer": lambda s: s.officers.register(
        OfficerRecord("孙丽", "31159999", D(2024, 1, 2))
    ),
    "change a setting": lambda s: s.settings.set("due_soon_working_days", "2"),
    "draw a sample": lambda s: s.file_reviews.draw(SampleRule(year=2024, seed=5, count=1)),
    "score a file": lambda s: s.file_reviews.score(
        s.file_reviews.files(s.file_reviews.samples()[-1].id)[1].id, []
    ),
    "delete a case": lambda s: s.trash.delete(_an_open_case(s), "重复登记"),
    "enter a holiday": lambda s: s.holidays.set(HolidayOverride(D(2027, 1, 1), False, "元旦")),
    "record a dispute": lambda s: s.disputes.add(_dispute("浦府复〔2026〕2号")),
    "record a dispute's reply": lambda s: s.disputes.update(
        _the_dispute(s), DisputeStep(D(2026, 11, 20))
    ),
    "record a rectification": lambda s: s.file_reviews.rectify(
        s.file_reviews.defects(s.file_reviews.samples()[-1].id)[0].id, D(2026, 11, 27), "已补正"
    ),
}

ALLOWED: dict[str, set[str]] = {
    "clerk": {"file a case", "record a step", "record a simple decision",
              "record a rectification", "delete a case", "record a dispute",
              "record a dispute's reply"},
    "zhou": {"draw a sample", "score a file"},
    "admin": {"register an officer", "change a setting", "draw a sample", "enter a holiday"},
}  # fmt: skip


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("user", sorted(ALLOWED))
def test_each_role_does_only_its_own_work(office: Path | str, user: str, action: str) -> None:
    path = office
    clock = FixedClock(NOW)
    if action in ALLOWED[user]:
        with open_as(path, clock, user) as svc:
            ACTIONS[action](svc)
        return
    before = database_digest(path)
    with open_as(path, clock, user) as svc, pytest.raises(DomainError) as refused:
        ACTIONS[action](svc)
    assert refused.value.code == "auth.forbidden"
    assert database_digest(path) == before


@pytest.mark.parametrize("user", sorted(ALLOWED))
def test_every_role_reads_the_dispute_register(office: Path | str, user: str) -> None:
    path = office
    with open_as(path, FixedClock(NOW), user) as svc:
        pending = [(v.record.number, v.reply_due.value) for v in svc.disputes.listing(
            year=2026, pending_only=True
        )]  # fmt: skip
        assert pending == [("浦府复〔2026〕1号", D(2026, 11, 24))]
        assert svc.disputes.view(_the_dispute(svc)).reply_late is True


def test_single_user_mode_may_do_everything(demo_book_copy: Path | str) -> None:
    path = demo_book_copy
    with open_as(path, FixedClock(NOW)) as svc:
        for name in ("register an officer", "change a setting", "draw a sample", "file a case"):
            ACTIONS[name](svc)


@pytest.fixture
def office_copy(file_demo: Path, tmp_path: Path) -> Path:
    """The office in a file: backups and restores copy files (a server's own backups apply)."""
    path = tmp_path / "office.db"
    shutil.copy(file_demo, path)
    return path


def _cli_as(path: Path, user: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The command line's start for ``user`` (the password given through the environment)."""
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS[user])
    return ["--db", str(path), "--user", user]


def _admin_backup(path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    assert main([*_cli_as(path, "admin", monkeypatch), "backup", "-o", str(folder)]) == 0
    (saved,) = folder.glob("*.db")
    return saved


def test_backups_are_the_administrators(
    office_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    as_clerk = _cli_as(office_copy, "clerk", monkeypatch)
    assert main([*as_clerk, "backup", "-o", str(tmp_path / "b")]) == 1
    assert "内勤）无权进行此操作" in capsys.readouterr().err
    assert _admin_backup(office_copy, tmp_path / "b", monkeypatch).exists()


def test_restores_are_the_administrators(
    office_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = office_copy
    saved = _admin_backup(path, tmp_path / "b", monkeypatch)
    as_admin = _cli_as(path, "admin", monkeypatch)
    assert main([*as_admin, "settings", "set", "lockout_minutes", "45"]) == 0
    capsys.readouterr()

    def lockout_minutes() -> int:
        with open_as(path, FixedClock(NOW)) as svc:
            return svc.settings.current().lockout_minutes

    assert main(["--db", str(path), "restore", str(saved)]) == 1  # nobody logged in
    assert "登录" in capsys.readouterr().err
    assert main([*_cli_as(path, "clerk", monkeypatch), "restore", str(saved)]) == 1
    assert "内勤）无权进行此操作" in capsys.readouterr().err
    assert lockout_minutes() == 45  # both refusals left the file as it was
    assert main([*_cli_as(path, "admin", monkeypatch), "restore", str(saved)]) == 0
    assert lockout_minutes() == 30


@pytest.mark.parametrize("damage", ["zeroed", "missing", "emptied", "initialised"])
def test_a_file_without_readable_accounts_is_restored_by_an_administrator_of_the_backup(
    office_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    """Damaging, removing, emptying or re-creating the file is no way round the login: when it
    has no accounts to read, the backup's accounts decide."""
    path = office_copy
    saved = _admin_backup(path, tmp_path / "b", monkeypatch)
    if damage == "zeroed":
        path.write_bytes(b"\0" * 8192)  # its accounts can no longer be read
    elif damage == "emptied":
        path.write_bytes(b"")
    else:
        path.unlink()
        if damage == "initialised":
            assert main(["--db", str(path), "init"]) == 0  # a new file: single-user
    monkeypatch.delenv("CHUANSHA_ENFORCE_PASSWORD")
    capsys.readouterr()
    assert main(["--db", str(path), "restore", str(saved)]) == 1
    assert "登录" in capsys.readouterr().err
    assert main([*_cli_as(path, "clerk", monkeypatch), "restore", str(saved)]) == 1
    assert "内勤）无权进行此操作" in capsys.readouterr().err
    assert main([*_cli_as(path, "admin", monkeypatch), "restore", str(saved)]) == 0
    capsys.readouterr()
    with open_as(path, FixedClock(NOW), "admin") as svc:
        user, action = svc._db.execute(
            "SELECT user, action FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (user, action) == ("admin", "database.restore")
    assert main(["--db", str(path), "verify"]) == 0
    assert "记录了一次恢复（admin，从 " in capsys.readouterr().out


def test_clerks_import_cases_and_administrators_officers(
    backend: Path | str, tmp_path: Path
) -> None:
    path = backend
    clock = FixedClock(NOW)
    make_accounts(path, clock)
    everything = ledger(tmp_path / "all.xlsx")
    with open_as(path, clock, "clerk") as svc:
        before = database_digest(path)
        for dry_run in (True, False):
            report = svc.ledger.import_file(everything, dry_run=dry_run)
            assert not report.written
            (issue,) = [e for e in report.errors if e.code == "ledger.officers_need_admin"]
            assert (issue.sheet, issue.params["count"]) == ("执法人员", len(OFFICERS))
        assert database_digest(path) == before
    with open_as(path, clock, "admin") as svc:
        report = svc.ledger.import_file(everything)
        assert [e.code for e in report.errors] == ["ledger.cases_need_clerk"]
        assert (report.written, report.errors[0].params["count"]) == (False, 2)
        assert database_digest(path) == before
        report = svc.ledger.import_file(ledger(tmp_path / "officers.xlsx", cases=[], simple=[]))
        assert (report.written, report.officers) == (True, len(OFFICERS))
    with open_as(path, clock, "zhou") as svc, pytest.raises(DomainError) as refused:
        svc.ledger.import_file(everything)  # a reviewer brings neither
    assert refused.value.code == "auth.forbidden"
    with open_as(path, clock, "clerk") as svc:
        report = svc.ledger.import_file(ledger(tmp_path / "cases.xlsx", officers=[]))
        assert (report.errors, report.written, report.general_cases) == ((), True, 1)


def test_the_current_files_accounts_decide_when_it_has_them(
    office_copy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An administrator disabled since the backup cannot restore it, though the backup would
    let them; the check writes nothing to the file it is about to replace."""
    path = office_copy
    saved = _admin_backup(path, tmp_path / "b", monkeypatch)
    clock = FixedClock(NOW)
    with open_as(path, clock, "admin") as svc:
        svc.accounts.add_user(NewUser("boss", Role.ADMIN, "boss-password-1", "主任"))
    with open_as(path, clock, "admin") as svc:
        svc.accounts.disable_user("admin")
    before = database_digest(path)
    capsys.readouterr()
    assert main([*_cli_as(path, "admin", monkeypatch), "restore", str(saved)]) == 1
    capsys.readouterr()
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "wrong-password")
    assert main(["--db", str(path), "--user", "boss", "restore", str(saved)]) == 1
    assert database_digest(path) == before
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", "boss-password-1")
    assert main(["--db", str(path), "--user", "boss", "restore", str(saved)]) == 0


def test_make_runs_demo_step_leaves_a_file_with_accounts_alone(
    office: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``demo --if-empty`` (make run) needs no login to see that a used file is not empty."""
    before = database_digest(office)
    assert main(["--db", str(office), "demo", "--if-empty"]) == 0
    assert "未写入" in capsys.readouterr().out
    assert database_digest(office) == before
