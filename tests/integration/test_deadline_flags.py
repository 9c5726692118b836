"""One deadline rule everywhere: the list's flags, ``case list --overdue``, ``case show`` and
``stats`` agree on extended decisions and unpaid fines (the cases of tests/deadline_cases.py,
on the fixed day 2026-11-27)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chuansha_enforce.domain.cases.case_deadlines import ClockState, deadline_flag
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.demolition.forced_clocks import OWED
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main
from tests.conftest import NOW
from tests.deadline_cases import (
    EXTENDED,
    EXTENDED_2025,
    LATE,
    LATE_2025,
    PAID,
    UNPAID,
    deadline_database,
)
from tests.integration.test_cli_processes import _run


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_list_rows_flag_extended_decisions_and_unpaid_fines(backend: Path | str) -> None:
    path = deadline_database(backend)
    with build_services(path, FixedClock(NOW), read_only=True) as svc:
        rows = svc.cases.list_page(limit=10).rows
        calendar = svc.calendar.work_calendar()
        flags = {r.case_no: deadline_flag(r.duties, NOW.date(), calendar) for r in rows}
        searched = svc.search.search("张三", after=None, limit=10).rows
        assert {r.case_no: r.duties for r in searched} == {r.case_no: r.duties for r in rows}
    assert flags == {
        EXTENDED: None,
        LATE: ClockState.OVERDUE,
        EXTENDED_2025: ClockState.OVERDUE,
        LATE_2025: ClockState.OVERDUE,
        UNPAID: ClockState.OVERDUE,
        PAID: None,
    }


def test_case_list_overdue_and_case_show(
    backend: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(deadline_database(backend))
    code, out = run(capsys, "--db", db, "case", "list", "--overdue", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [c["case_no"] for c in listed] == [LATE, UNPAID, LATE_2025, EXTENDED_2025]
    states = {c["case_no"]: c["deadline_states"] for c in listed}
    assert states[UNPAID]["payment_due"] == "overdue"
    assert states[LATE]["decision_due"] == "overdue"
    code, out = run(capsys, "--db", db, "case", "list", "--overdue")
    assert code == 0
    assert out.splitlines()[1] == f"{UNPAID}\t张三\t公示期限、缴款期限、催告"
    code, out = run(capsys, "--db", db, "case", "show", EXTENDED, "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["deadline_states"]["decision_due"] == "pending"
    assert shown["deadlines"]["decision_due"] == "2026-12-28"


def test_case_list_overdue_takes_year_and_limit(
    backend: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(deadline_database(backend))
    code, out = run(capsys, "--db", db, "case", "list", "--overdue", "--year", "2025", "--json")
    assert code == 0
    assert [c["case_no"] for c in json.loads(out)] == [LATE_2025, EXTENDED_2025]
    code, out = run(capsys, "--db", db, "case", "list", "--overdue", "--limit", "1")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == [LATE]


def test_stats_overdue_open_uses_the_extended_deadline(
    backend: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(deadline_database(backend))
    code, out = run(capsys, "--db", db, "stats", "--year", "2025", "--json")
    assert code == 0
    assert json.loads(out)["general"]["overdue_open"] == 1  # 川执立〔2025〕2号 only


def test_overdue_on_the_demo_respects_year_and_limit(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--db", str(demo_book), "case", "list", "--overdue", "--json", "--year", "2024"]
    code, out = run(capsys, *argv, "--limit", "2")
    assert code == 0
    listed = json.loads(out)
    assert [(c["case_no"], c["filed_on"]) for c in listed] == [
        ("川执立〔2024〕000197号", "2024-12-25"),
        ("川执立〔2024〕000133号", "2024-08-27"),
    ]
    assert [c["deadline_states"]["payment_due"] for c in listed] == ["overdue", "overdue"]
    code, out = run(capsys, *argv, "--limit", "0")
    assert code == 0
    listed = json.loads(out)
    # 11 with a missed decision, service or payment; one illegal structure whose forced
    # demolition stalled (a step of the squad's overdue, ``forced_clocks``: issue 20)
    forced = [
        (c["case_no"], name)
        for c in listed
        for name, state in c["deadline_states"].items()
        if state == "overdue" and name in OWED
    ]
    assert forced == [("川执立〔2024〕000111号", "demolition_reminder_from")]
    assert len(listed) == 12


@pytest.mark.parametrize(
    ("argv", "message"),
    [(["--limit", "-1"], "最多列出几件"), (["--year", "20"], "年度")],
)
def test_overdue_bad_input_exits_1(
    demo_book: Path | str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code = main(["--db", str(demo_book), "case", "list", "--overdue", *argv])
    assert code == 1
    assert message in capsys.readouterr().err


def test_installed_command_lists_overdue_by_year_and_limit(backend: Path | str) -> None:
    """As a user runs it; both 2025 cases are overdue on any day after 2026-01-29."""
    db = deadline_database(backend)
    listed = _run(db, "case", "list", "--overdue", "--year", "2025", "--limit", "1")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == f"{LATE_2025}\t张三\t作出决定期限\n"


def test_case_show_names_each_clock_and_its_state_in_words(
    backend: Path | str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 21 §4: 缴款期限（已逾期）, never ``payment_due (overdue)``; English says it too."""
    db = str(deadline_database(backend))
    code, out = run(capsys, "--db", db, "case", "show", UNPAID)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  作出决定期限：2026-08-31（按期完成）",
        "  送达期限：2026-08-12（按期完成）",
        "  公示期限：2026-08-12（已逾期）",  # recorded in the program, never published
        "  缴款期限：2026-08-19（已逾期）",
        "  催告：2026-08-20（已逾期）",  # the day after the missed due date (DOMAIN §14)
        # 3 months after the lawsuit period (6 months after 2026-08-04), in 2027's fallback
        "  申请法院强制执行期限：2027-05-04（未到期）",
        "  可办理：缴款、复议或诉讼期间、延期（分期）缴纳、催告、结案、公示",
        "  加处罚款 100.00 元，应缴 200.00 元（截至 2026-11-27）",
    ]
    code, out = run(capsys, "--db", db, "--lang", "en", "case", "show", EXTENDED)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  decision due: 2026-12-28 (pending)",
        "  steps open now: 登记证据、告知、法制审核、集体讨论、标记复杂案件、延长办案期限、"
        "不计入办案期限的期间、变更承办人、作出决定",
        "  surcharge 0.00 yuan, due 0.00 yuan (as of 2026-11-27)",
    ]
