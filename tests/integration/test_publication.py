"""Publication after the decision (三项制度, APL 48) and closing unpaid (DOMAIN §14), through the
services and the command line: a decision revoked by a reconsideration is withdrawn within 3
working days and left out of the 双公示 export of its year; the due list; refusals leave the
database as it was."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from chuansha_enforce.domain.after_decision.due_list import DueKind
from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.deadline_cases import LATE, PAID, UNPAID, add_deadline_cases
from tests.review_setup import make_accounts, open_as

D = dt.date
EXE = Path(sys.executable).with_name("chuansha-enforce")
PAID_DECISION = "沪浦川执罚〔2026〕2号"
UNPAID_DECISION = "沪浦川执罚〔2026〕1号"


@pytest.fixture
def path(backend: Path | str) -> Path | str:
    """On both backends: a file and a server database (tests/server_backend)."""
    with build_services(backend, FixedClock(NOW)) as svc:
        add_deadline_cases(svc)  # PAID and UNPAID: 100 元 decided 2026-08-03, served 08-04
    return backend


@pytest.fixture
def svc(path: Path | str) -> Iterator[Services]:
    with build_services(path, FixedClock(NOW)) as built:
        yield built


def _revoke(svc: Services) -> None:
    """A reconsideration revokes PAID's decision on 2026-11-20 (a Friday)."""
    svc.disputes.add(
        DisputeRecord(
            DisputeKind.RECONSIDERATION, "浦府复〔2026〕7号", "张三", DisputedAct.PENALTY,
            "上海市浦东新区人民政府", D(2026, 9, 1), case_no=PAID_DECISION,
            outcome=DisputeOutcome.REVOKED, outcome_on=D(2026, 11, 20),
        )
    )  # fmt: skip


def _states(svc: Services, case_no: str) -> dict[str, ClockState]:
    return {c.name: c.state for c in svc.case_files.view(case_no).clocks.clocks}


def test_a_revoked_decision_is_withdrawn_and_left_out_of_the_disclosure_export(
    svc: Services, tmp_path: Path
) -> None:
    svc.publications.publish(PAID, D(2026, 8, 12))  # the 7th working day after 08-03
    svc.publications.publish(UNPAID, D(2026, 8, 13))  # a day late
    assert _states(svc, PAID)["disclosure_due"] is ClockState.MET
    assert _states(svc, UNPAID)["disclosure_due"] is ClockState.MISSED
    data, listing = svc.reports.disclosure_csv(2026)
    assert data.decode("utf-8-sig").count("沪浦川执罚〔2026〕") == 2
    _revoke(svc)
    view = svc.case_files.view(PAID)
    assert view.clocks.due_dates()["publication_withdrawal_due"] == "2026-11-25"
    assert _states(svc, PAID)["publication_withdrawal_due"] is ClockState.OVERDUE
    due = svc.publications.due_list(days=5)
    withdrawals = [i for i in due.items if i.kind is DueKind.WITHDRAWAL]
    assert [(i.reference, i.due, i.overdue) for i in withdrawals] == [(PAID, D(2026, 11, 25), True)]
    # Set aside but not yet withdrawn: already out of the list to be published.
    data, listing = svc.reports.disclosure_csv(2026)
    text = data.decode("utf-8-sig")
    assert UNPAID_DECISION in text
    assert PAID_DECISION not in text
    svc.publications.withdraw(PAID, D(2026, 11, 25), "行政复议决定撤销（浦府复〔2026〕7号）")
    assert _states(svc, PAID)["publication_withdrawal_due"] is ClockState.MET
    assert all(i.kind is not DueKind.WITHDRAWAL for i in svc.publications.due_list().items)
    data, listing = svc.reports.disclosure_csv(2026)
    assert PAID_DECISION not in data.decode("utf-8-sig")
    assert len(listing.entries) == 1
    rows, count = svc.reports.withdrawals_csv(2026)
    lines = list(csv.reader(io.StringIO(rows.decode("utf-8-sig"))))
    assert count == 1
    assert lines == [
        ["行政处罚决定书文号", "行政相对人名称", "处罚决定日期", "公示日期", "撤回公示日期",
         "撤回原因"],
        [PAID_DECISION, "张某", "2026-08-03", "2026-08-12", "2026-11-25",
         "行政复议决定撤销（浦府复〔2026〕7号）"],
    ]  # fmt: skip
    assert svc.reports.withdrawals_csv(2025)[1] == 0


def test_a_correction_sets_the_decision_aside_through_the_service_hook(svc: Services) -> None:
    svc.publications.publish(PAID, D(2026, 8, 12))
    svc.publications.decision_set_aside(PAID, D(2026, 11, 24), "罚款金额", "更正：决定变更")
    case = svc.case_files.find(PAID)
    assert case.publication.set_aside is not None
    assert svc.case_files.view(PAID).clocks.due_dates()["publication_withdrawal_due"] == (
        "2026-11-27"
    )
    assert _states(svc, PAID)["publication_withdrawal_due"] is ClockState.DUE_SOON
    svc.publications.withdraw(PAID, D(2026, 11, 27), "更正撤回")
    assert svc.verify(check_backups=False).problems == ()  # the new rows are sealed


def test_refused_publication_steps_leave_the_database_as_it_was(
    svc: Services, path: Path | str
) -> None:
    before = database_digest(path)
    refusals: list[tuple[Callable[[], object], str]] = [
        (lambda: svc.publications.publish(UNPAID, D(2026, 8, 2)), "date.too_early"),
        (lambda: svc.publications.publish(UNPAID, D(2026, 11, 28)), "date.future"),
        (lambda: svc.publications.publish(LATE, D(2026, 11, 2)), "publication.not_publishable"),
        (lambda: svc.publications.withdraw(UNPAID, D(2026, 11, 2), "撤销"),
         "publication.not_published"),
        (lambda: svc.publications.decision_set_aside(LATE, D(2026, 11, 2), "x", "y"),
         "publication.set_aside_undecided"),
    ]  # fmt: skip
    for call, code in refusals:
        with pytest.raises(DomainError) as refused:
            call()
        assert refused.value.code == code
    assert database_digest(path) == before
    svc.publications.publish(UNPAID, D(2026, 8, 10))
    with pytest.raises(DomainError) as twice:
        svc.publications.publish(UNPAID, D(2026, 8, 11))
    assert twice.value.code == "publication.already_published"


def test_closing_with_money_unpaid_only_for_a_listed_reason(
    svc: Services, path: Path | str
) -> None:
    before = database_digest(path)
    for kwargs, code in (
        ({}, "case.close_unpaid"),
        ({"reason": "已申请法院强制执行"}, "case.close_unpaid"),  # free text alone
        ({"reason_kind": UnpaidCloseReason.OTHER, "approved_by": "周敏"}, "case.close_other_text"),
        ({"reason_kind": UnpaidCloseReason.OTHER, "reason": "当事人下落不明"},
         "case.close_other_approval"),
    ):  # fmt: skip
        with pytest.raises(DomainError) as refused:
            svc.case_files.close(UNPAID, D(2026, 11, 20), **kwargs)  # type: ignore[arg-type]
        assert refused.value.code == code
    assert database_digest(path) == before
    closed = svc.case_files.close(
        UNPAID, D(2026, 11, 20), "（2026）沪0115执1号", reason_kind=UnpaidCloseReason.COURT_ACCEPTED
    ).case
    assert closed.close_reason_kind is UnpaidCloseReason.COURT_ACCEPTED
    assert closed.close_reason == "法院已受理强制执行申请：（2026）沪0115执1号"
    paid = svc.case_files.close(PAID, D(2026, 11, 20)).case  # paid up: no reason needed
    assert paid.close_reason_kind is None


def test_other_needs_a_legal_reviewer_when_accounts_are_in_use(backend: Path | str) -> None:
    db = backend
    with build_services(db, FixedClock(NOW)) as svc:
        add_deadline_cases(svc)
    make_accounts(db, FixedClock(NOW))
    with open_as(db, FixedClock(NOW), "clerk") as svc:
        with pytest.raises(DomainError) as refused:
            svc.case_files.close(UNPAID, D(2026, 11, 20), "出国", approved_by="clerk",
                                 reason_kind=UnpaidCloseReason.OTHER)  # fmt: skip
        assert refused.value.code == "case.close_approver_not_reviewer"
        closed = svc.case_files.close(UNPAID, D(2026, 11, 20), "出国", approved_by="zhou",
                                      reason_kind=UnpaidCloseReason.OTHER).case  # fmt: skip
        assert closed.close_approved_by == "zhou"


def test_case_show_json_and_the_due_list_in_process(
    path: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(path), "case", "show", UNPAID, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["deadlines"]["disclosure_due"] == "2026-08-12"
    assert shown["deadline_states"]["disclosure_due"] == "overdue"
    assert main(["--db", str(path), "case", "list", "--due", "--days", "0", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["until"] == "2026-11-27"
    kinds = {(i["reference"], i["kind"]) for i in listed["items"]}
    assert {(UNPAID, "payment_due"), (UNPAID, "disclosure_due"), (PAID, "disclosure_due"),
            (LATE, "decision_due")} <= kinds  # fmt: skip
    assert all(i["overdue"] for i in listed["items"])
    assert main(["--db", str(path), "case", "list", "--due", "--days", "251"]) == 1
    assert "待办天数" in capsys.readouterr().err


def _cli(path: Path | str, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(EXE), "--db", str(path), *argv],
        env={"PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_installed_command_publishes_withdraws_closes_and_lists_what_is_due(
    path: Path | str, tmp_path: Path
) -> None:
    """As a user runs it (the real date is after 2026-11-27: only settled facts asserted)."""
    with build_services(path, FixedClock(NOW)) as svc:
        svc.publications.publish(PAID, D(2026, 8, 12))
        _revoke(svc)
    before = database_digest(path)
    early = _cli(path, "case", "publish", UNPAID, "--on", "2026-08-02")
    assert early.returncode == 1
    assert "公示日期" in early.stderr
    assert "Traceback" not in early.stderr
    unpaid = _cli(path, "case", "close", UNPAID, "--on", "2026-11-20", "--reason", "已申请")
    assert unpaid.returncode == 1
    assert "法院已受理强制执行申请、法院裁定终结执行" in unpaid.stderr
    assert database_digest(path) == before
    done = _cli(path, "case", "publish", UNPAID, "--on", "2026-08-13")
    assert (done.returncode, done.stdout) == (0, f"已记录公示：{UNPAID}\n")
    due = _cli(path, "case", "list", "--due")
    assert due.returncode == 0
    assert f"2026-11-25\t已逾期\t撤回公示\t{PAID}\t张三" in due.stdout.splitlines()
    withdrawn = _cli(path, "case", "withdraw-publication", PAID, "--on", "2026-11-25",
                     "--reason", "复议撤销", "--json")  # fmt: skip
    assert withdrawn.returncode == 0, withdrawn.stderr
    shown = json.loads(withdrawn.stdout)
    assert shown["deadlines"]["publication_withdrawal_due"] == "2026-11-25"
    assert shown["deadline_states"]["publication_withdrawal_due"] == "met"
    assert shown["publication"] == {
        "published_on": "2026-08-12",
        "unrecorded": False,
        "set_aside_on": "2026-11-20",
        "withdrawn_on": "2026-11-25",
        "withdrawal_reason": "复议撤销",
    }
    closed = _cli(path, "case", "close", UNPAID, "--on", "2026-11-20",
                  "--reason", "法院已受理强制执行申请")  # fmt: skip
    assert closed.returncode == 0, closed.stderr
    other = _cli(path, "case", "close", PAID, "--on", "2026-11-20")
    assert other.returncode == 0, other.stderr
    out = tmp_path / "w.csv"
    listed = _cli(path, "export", "disclosure", "--year", "2026", "-o", str(out), "--withdrawals")
    assert listed.returncode == 0, listed.stderr
    assert "撤回公示：1件" in listed.stdout
    assert PAID_DECISION in out.read_text(encoding="utf-8-sig")
    public = tmp_path / "p.csv"
    assert _cli(path, "export", "disclosure", "--year", "2026", "-o", str(public)).returncode == 0
    text = public.read_text(encoding="utf-8-sig")
    assert PAID_DECISION not in text
    assert UNPAID_DECISION in text


def test_a_due_list_reaching_into_2027_says_it_counted_monday_to_friday(path: Path | str) -> None:
    late_december = dt.datetime(2026, 12, 28, 2, 0, tzinfo=dt.UTC)
    with build_services(path, FixedClock(late_december), read_only=True) as svc:
        listing = svc.publications.due_list(days=5)
        assert listing.until == D(2027, 1, 4)  # 2027-01-01 (Friday) counted as a working day
        assert [w.year for w in listing.warnings] == [2027]
        assert svc.publications.due_list(as_of=D(2026, 12, 1), days=5).warnings == ()


def test_the_demo_publishes_its_decisions_so_history_is_not_due(
    demo_book_services: Services,
) -> None:
    """The demo (2023–2025, read on 2026-11-27) publishes each decision 1–6 days after it: the
    only publications due are of decisions of its last days, still to come on 2025-12-31; the
    decisions a dispute set aside are withdrawn, so no withdrawal is due."""
    items = demo_book_services.publications.due_list(days=5).items
    published = [i for i in items if i.kind is DueKind.PUBLICATION]
    assert all(i.due >= D(2025, 12, 24) for i in published)
    assert all(i.kind is not DueKind.WITHDRAWAL for i in items)
    for item in published:
        case = demo_book_services.case_files.find(item.reference)
        assert case.decision is not None
        assert case.decision.decided_on >= D(2025, 12, 15)
