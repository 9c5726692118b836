"""The dispute register end to end: the seed's 2023 figures, the surcharge pause, roles, the CLI;
on both backends (a file and a server database, tests/server_backend)."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.ledger.sheets import SheetKind, header_names
from chuansha_enforce.ledger.writer import write_xlsx
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.dispute_service import DisputeStep
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.review_setup import make_accounts, open_as

D = dt.date


def _cli(db: Path | str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(["--db", str(db), *argv], out)
    return code, out.getvalue()


def _seed_2023(db: Path | str) -> None:
    """The seed report's 2023 disputes: 10 reconsiderations (4 withdrawn after mediation, 6
    rejected) and 14 lawsuits (1 withdrawn, 13 claims rejected, a leader at every hearing)."""
    for n in range(10):
        outcome = "撤回" if n < 4 else "驳回"
        code, _ = _cli(db, "dispute", "add", "--kind", "复议", "--no", f"浦府复〔2023〕{n + 1}号",
                       "--applicant", f"申请人{n}", "--body", "上海市浦东新区人民政府",
                       "--received", f"2023-{n + 1:02d}-10", "--replied", f"2023-{n + 1:02d}-15",
                       "--outcome", outcome, "--outcome-on", f"2023-{n + 2:02d}-20")  # fmt: skip
        assert code == 0
    for n in range(14):
        month = n % 10 + 1
        extra = (
            ["--outcome", "撤诉", "--outcome-on", f"2023-{month + 1:02d}-05"]
            if n == 0
            else ["--hearing", f"2023-{month + 1:02d}-06", "--leader-appeared", "是",
                  "--outcome", "驳回诉讼请求", "--outcome-on", f"2023-{month + 2:02d}-01"]
        )  # fmt: skip
        code, _ = _cli(db, "dispute", "add", "--kind", "诉讼", "--no", f"(2023)沪0115行初{n + 1}号",
                       "--applicant", f"原告{n}", "--body", "上海市浦东新区人民法院",
                       "--received", f"2023-{month:02d}-03", *extra)  # fmt: skip
        assert code == 0


def test_the_seed_years_disputes_give_the_seed_figures(backend: Path | str, tmp_path: Path) -> None:
    db = backend
    assert _cli(db, "init")[0] == 0
    _seed_2023(db)
    code, out = _cli(db, "stats", "--year", "2023", "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["reconsideration"] == {
        "received": 10, "concluded": 10, "withdrawn": 4, "rejected": 6, "upheld": 0,
        "corrected": 0, "mediated": 0, "correction_rate_permille": 0,
    }  # fmt: skip
    assert figures["litigation"] == {
        "received": 14, "concluded": 14, "withdrawn": 1, "lost": 0, "loss_rate_permille": 0,
        "hearings": 13, "leader_appeared": 13, "leader_appearance_permille": 1000,
    }  # fmt: skip
    pdf = tmp_path / "annual.pdf"
    assert _cli(db, "report", "annual", "--year", "2023", "-o", str(pdf))[0] == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "共处理行政复议案件10起，其中4起经调解申请人撤回申请，6起驳回申请，纠错率为0%" in text
    assert "共处理行政诉讼案件14起，其中1起原告撤诉，败诉率为0%，负责人出庭应诉率为100%" in text
    assert "纠错率 = （变更 + 撤销 + 确认违法 + 确认无效 + 责令履行）" in text
    assert _cli(db, "verify")[0] == 0


def test_list_show_and_refusals_write_nothing(backend: Path | str) -> None:
    db = backend
    assert _cli(db, "init")[0] == 0
    _seed_2023(db)
    code, out = _cli(db, "dispute", "list", "--year", "2023", "--json")
    assert code == 0
    listed = json.loads(out)
    assert len(listed) == 24
    code, out = _cli(db, "dispute", "show", "1", "--json")
    shown = json.loads(out)
    assert (shown["number"], shown["outcome"], shown["deadlines"]["reply_due"]) == (
        "浦府复〔2023〕1号", "撤回", "2023-01-29",  # Spring Festival 01-21…27 off; Sun 01-29 worked
    )  # fmt: skip
    before = database_digest(db)
    for argv in (
        ["dispute", "add", "--kind", "复议", "--no", "浦府复〔2023〕1号", "--applicant", "甲",
         "--body", "区政府", "--received", "2023-01-10"],  # the same number again
        ["dispute", "add", "--kind", "仲裁", "--no", "X", "--applicant", "甲", "--body", "乙",
         "--received", "2023-01-10"],
        ["dispute", "add", "--kind", "诉讼", "--no", "Y", "--applicant", "甲", "--body", "乙",
         "--received", "2023-01-10", "--case", "川执立〔2023〕999999号"],
        ["dispute", "update", "1", "--notes", "改一下"],  # concluded
        ["dispute", "update", "99", "--notes", "x"],
        ["dispute", "show", "99"],
    ):  # fmt: skip
        assert _cli(db, *argv)[0] == 1, argv
    assert database_digest(db) == before


def test_a_pending_dispute_pauses_the_surcharge(demo_book_copy_services: Services) -> None:
    svc = demo_book_copy_services
    row = svc._db.execute(  # a served fine with nothing paid
        "SELECT case_no, served_on FROM general_cases c WHERE outcome = 'penalty' AND fine_fen > 0"
        " AND served_on IS NOT NULL AND deleted_at IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.case_id = c.id)"
        " AND NOT EXISTS (SELECT 1 FROM surcharge_pauses s WHERE s.case_id = c.id)"
        " ORDER BY served_on LIMIT 1"
    ).fetchone()
    assert row is not None
    case_no, served_on = row[0], D.fromisoformat(row[1])
    due = svc.case_files.view(case_no, served_on).clocks
    payment_due = next(c.due for c in due.clocks if c.name == "payment_due")
    late_by_5 = payment_due + dt.timedelta(days=5)
    assert svc.case_files.view(case_no, late_by_5).clocks.days_late == 5
    received = payment_due + dt.timedelta(days=3)
    dispute_id, _ = svc.disputes.add(
        DisputeRecord(DisputeKind.RECONSIDERATION, "浦府复〔2024〕88号", "当事人",
                      DisputedAct.PENALTY, "区政府", received, case_no=case_no)
    )  # fmt: skip
    # Days 1 and 2 after the due date count; from the day we received the application, none.
    assert svc.case_files.view(case_no, late_by_5).clocks.days_late == 2
    assert svc.case_files.view(case_no, received + dt.timedelta(days=40)).clocks.days_late == 2

    outcome_on = received + dt.timedelta(days=30)
    svc.disputes.update(
        dispute_id, DisputeStep(outcome=DisputeOutcome.UPHELD, outcome_on=outcome_on)
    )
    # After the outcome the surcharge runs again: 2 days before + 10 days after it.
    after = outcome_on + dt.timedelta(days=10)
    assert svc.case_files.view(case_no, after).clocks.days_late == 12


def test_roles_clerks_record_reviewers_read(backend: Path | str) -> None:
    db = backend
    clock = FixedClock(NOW)
    make_accounts(db, clock)
    record = DisputeRecord(DisputeKind.LITIGATION, "(2024)沪0115行初9号", "原告",
                           DisputedAct.OTHER, "浦东法院", D(2024, 5, 6))  # fmt: skip
    before = database_digest(db)
    with open_as(db, clock, "zhou") as reviewer:
        with pytest.raises(DomainError) as refused:
            reviewer.disputes.add(record)
        assert refused.value.code == "auth.forbidden"
        assert reviewer.disputes.listing() == []
    assert database_digest(db) == before
    with open_as(db, clock, "clerk") as clerk:
        dispute_id, _ = clerk.disputes.add(record)
    with open_as(db, clock, "admin") as admin:
        assert admin.disputes.view(dispute_id).record.number == "(2024)沪0115行初9号"


def test_the_installed_command(backend: Path | str, tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("chuansha-enforce")
    db = backend
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), "--db", str(db), *argv], env=env, capture_output=True,
                              text=True, check=False, timeout=60)  # fmt: skip

    assert run("init").returncode == 0
    added = run("dispute", "add", "--kind", "诉讼", "--no", "(2024)沪0115行初3号", "--applicant",
                "原告", "--body", "浦东法院", "--received", "2024-09-20", "--json")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["deadlines"]["reply_due"] == "2024-10-08"  # 10-05 off
    bad = run("dispute", "add", "--kind", "诉讼", "--no", "Z", "--applicant", "原告", "--body",
              "法院", "--received", "2024/13/01")  # fmt: skip
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert "收到日期" in bad.stderr
    assert run("verify").returncode == 0


def _seed_sheets(path: Path) -> Path:
    """A ledger holding only the seed's 2023 disputes, on its two sheets (LEDGER_FORMAT.md)."""
    recon = [
        ["浦府复〔2023〕" + str(n + 1) + "号", f"申请人{n}", "行政处罚", None,
         "上海市浦东新区人民政府", D(2023, n + 1, 10), D(2023, n + 1, 15),
         "撤回" if n < 4 else "驳回", D(2023, n + 2, 20), None]
        for n in range(10)
    ]  # fmt: skip
    lawsuits = [
        ["（2023）沪0115行初" + str(n + 1) + "号", f"原告{n}", "政府信息公开", None,
         "上海市浦东新区人民法院", "一审", D(2023, n % 10 + 1, 3), None,
         None if n == 0 else D(2023, n % 10 + 2, 6), None if n == 0 else "是",
         "撤诉" if n == 0 else "驳回诉讼请求", D(2023, n % 10 + 2, 25), None]
        for n in range(14)
    ]  # fmt: skip
    write_xlsx(
        path,
        [
            (SheetKind.RECONSIDERATIONS.value, header_names(SheetKind.RECONSIDERATIONS), recon),
            (SheetKind.LAWSUITS.value, header_names(SheetKind.LAWSUITS), lawsuits),
        ],
    )
    return path


def test_the_seed_years_disputes_imported_from_a_ledger(
    backend: Path | str, tmp_path: Path
) -> None:
    """The seed's figures come out of an imported ledger too, through the installed command."""
    exe = Path(sys.executable).with_name("chuansha-enforce")
    db = backend
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), "--db", str(db), *argv], env=env, capture_output=True,
                              text=True, check=False, timeout=120)  # fmt: skip

    imported = run("import", str(_seed_sheets(tmp_path / "复议诉讼2023.xlsx")))
    assert imported.returncode == 0, imported.stderr
    assert "行政复议和行政诉讼 24 件" in imported.stdout
    figures = json.loads(run("stats", "--year", "2023", "--json").stdout)
    assert figures["reconsideration"]["received"] == 10
    assert figures["reconsideration"]["withdrawn"] == 4
    assert figures["reconsideration"]["rejected"] == 6
    assert figures["reconsideration"]["correction_rate_permille"] == 0
    assert figures["litigation"]["received"] == 14
    assert figures["litigation"]["withdrawn"] == 1
    assert figures["litigation"]["loss_rate_permille"] == 0
    assert figures["litigation"]["leader_appearance_permille"] == 1000
    pdf = tmp_path / "annual.pdf"
    assert run("report", "annual", "--year", "2023", "-o", str(pdf)).returncode == 0
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "共处理行政复议案件10起，其中4起经调解申请人撤回申请，6起驳回申请，纠错率为0%" in text
    assert "共处理行政诉讼案件14起，其中1起原告撤诉，败诉率为0%，负责人出庭应诉率为100%" in text
    assert run("verify").returncode == 0


def test_administrators_correct_a_concluded_dispute_with_a_reason(backend: Path | str) -> None:
    db = backend
    clock = FixedClock(NOW)
    make_accounts(db, clock)
    record = DisputeRecord(DisputeKind.RECONSIDERATION, "浦府复〔2025〕3号", "王某",
                           DisputedAct.PENALTY, "区政府", D(2025, 3, 3),
                           outcome=DisputeOutcome.REJECTED, outcome_on=D(2025, 5, 6))  # fmt: skip
    with open_as(db, clock, "clerk") as clerk:
        dispute_id, _ = clerk.disputes.add(record)
    with open_as(db, clock, "zhou") as reviewer:  # clerks and administrators correct
        before = database_digest(db)
        with pytest.raises(DomainError) as refused:
            reviewer.disputes.correct(dispute_id, "outcome", "撤销", "录入错误")
        assert refused.value.code == "auth.forbidden"
        assert database_digest(db) == before
    with open_as(db, clock, "admin") as admin:
        before = database_digest(db)
        with pytest.raises(DomainError) as no_reason:
            admin.disputes.correct(dispute_id, "outcome", "撤销", "  ")
        assert no_reason.value.field == "reason"
        with pytest.raises(DomainError) as bad_outcome:
            admin.disputes.correct(dispute_id, "outcome", "驳回诉讼请求", "录入错误")
        assert bad_outcome.value.field == "outcome"
        assert database_digest(db) == before
        admin.disputes.correct(dispute_id, "outcome", "撤销", "复议决定书载明撤销，原录入错误")
        assert admin.disputes.view(dispute_id).record.outcome is DisputeOutcome.REVOKED
        logged = admin._db.execute(
            "SELECT user, detail FROM audit_log WHERE action = 'dispute.correct'"
        ).fetchall()
        assert [(u, json.loads(d)) for u, d in logged] == [
            ("admin", {"field": "outcome", "label": "决定结果", "before": "rejected",
                       "after": "revoked",
                       "reason": "复议决定书载明撤销，原录入错误"}),
        ]  # fmt: skip
        figures = admin.statistics.annual(2025).reconsideration
        assert (figures.corrected, figures.rejected, figures.correction_rate.permille) == (
            1,
            0,
            1000,
        )
        assert admin.verify().ok
