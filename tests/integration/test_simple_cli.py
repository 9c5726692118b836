"""``simple add/list/show/pay/handover`` as a user runs them: the installed command, its own
process, a fresh file. Every date is in 2024 (never in the future of any real today) and the
clocks are read with ``--as-of``, so nothing depends on the date the tests run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import database_digest
from tests.integration.test_cli_processes import _run
from tests.ledger_files import ledger

OFFICERS = "王建国,李明"


def run(db: Path | str, *args: str) -> subprocess.CompletedProcess[str]:
    return _run(db, *args)


def ok(db: Path | str, *args: str) -> str:
    result = run(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def refused(db: Path | str, *args: str) -> str:
    """A refusal: exit 1, a message on stderr, the file exactly as it was."""
    before = database_digest(db)
    result = run(db, *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert database_digest(db) == before
    return result.stderr


def shown(db: Path | str, number: str, as_of: str) -> dict[str, object]:
    data: dict[str, object] = json.loads(ok(db, "simple", "show", number, "--json", "--as-of",
                                            as_of))  # fmt: skip
    return data


def add(db: Path | str, number: str, on: str, amount: str, *extra: str) -> str:
    return ok(db, "simple", "add", "--no", number, "--on", on, "--party", "张三",
              "--party-type", "自然人", "--id", "11010519491231002X", "--cause", "跨门营业",
              "--officers", OFFICERS, "--kind", "罚款", "--amount", amount, *extra)  # fmt: skip


@pytest.fixture
def db(backend: Path | str, tmp_path: Path) -> Path | str:
    """A fresh case book with the officers, on a file and on a server database."""
    path = backend
    ok(path, "import", str(ledger(tmp_path / "officers.xlsx", cases=[], simple=[])))
    return path


def test_a_late_payment_earns_the_surcharge(db: Path | str) -> None:
    assert add(db, "简2024-001", "2024-01-29", "200").strip() == "已登记简易程序决定 简2024-001"
    ok(db, "simple", "handover", "简2024-001", "--filed", "2024-01-30")
    due = shown(db, "简2024-001", "2024-02-18")
    assert due["deadlines"] == {"payment_due": "2024-02-18", "agency_filing_due": "2024-02-01"}
    assert due["deadline_states"] == {"payment_due": "due_soon", "agency_filing_due": "met"}
    assert (due["surcharge_fen"], due["amount_due_fen"]) == (0, 20_000)
    assert due["id_number"] == "110105********002X"  # masked, as every list shows it
    late = shown(db, "简2024-001", "2024-02-19")
    assert late["deadline_states"] == {"payment_due": "overdue", "agency_filing_due": "met"}
    assert (late["days_late"], late["surcharge_fen"], late["amount_due_fen"]) == (1, 600, 20_600)
    assert late["late"] is True

    paid = ok(db, "simple", "pay", "简2024-001", "--on", "2024-02-19", "--receipt", "沪财罚01")
    assert paid.strip() == (
        "已登记 简2024-001 缴款：罚款 200.00 元，加处罚款 6.00 元（缴款期限 2024-02-18）"
    )
    after = shown(db, "简2024-001", "2024-06-01")
    assert (after["paid_on"], after["surcharge_paid_fen"], after["receipt_no"]) == (
        "2024-02-19", 600, "沪财罚01")  # fmt: skip
    assert after["deadline_states"] == {"payment_due": "missed", "agency_filing_due": "met"}
    assert after["amount_due_fen"] == 0

    stderr = refused(db, "simple", "pay", "简2024-001", "--on", "2024-02-20")
    assert "决定简2024-001已于2024-02-19缴款" in stderr
    stats = json.loads(ok(db, "stats", "--year", "2024", "--json"))
    assert stats["payments"]["collected_fen"] == 20_600
    assert stats["payments"]["surcharge_fen"] == 600
    assert stats["simple"]["outstanding_fen"] == 0


def test_cash_on_the_spot_is_handed_over_and_filed(db: Path | str) -> None:
    add(db, "简2024-002", "2024-02-08", "50", "--on-spot")
    fresh = shown(db, "简2024-002", "2024-02-09")
    assert fresh["deadlines"] == {
        "cash_to_agency_due": "2024-02-18",
        "cash_to_bank_due": "2024-02-20",
        "agency_filing_due": "2024-02-19",
    }
    assert fresh["receipt_missing"] is True
    assert fresh["paid_on"] == "2024-02-08"

    out = ok(db, "simple", "handover", "简2024-002", "--receipt", "沪财罚02",
             "--to-agency", "2024-02-19", "--filed", "2024-02-19")  # fmt: skip
    assert out.splitlines()[0] == "已登记 简2024-002 的票据、交回和备案情况"
    assert "  交回机关期限：2024-02-18（逾期完成）" in out.splitlines()
    ok(db, "simple", "handover", "简2024-002", "--to-bank", "2024-02-21")
    done = shown(db, "简2024-002", "2024-06-01")
    assert done["deadlines"] == {
        "cash_to_agency_due": "2024-02-18",
        "cash_to_bank_due": "2024-02-21",  # 2 working days after the cash reached the agency
        "agency_filing_due": "2024-02-19",
    }
    assert done["deadline_states"] == {
        "cash_to_agency_due": "missed",
        "cash_to_bank_due": "met",
        "agency_filing_due": "met",
    }
    assert (done["receipt_no"], done["receipt_missing"]) == ("沪财罚02", False)

    english = json.loads(ok(db, "--lang", "en", "simple", "show", "简2024-002", "--json"))
    assert english["deadlines"] == done["deadlines"]
    text = ok(db, "--lang", "en", "simple", "show", "简2024-002", "--as-of", "2024-06-01")
    assert "  hand-over to the agency due: 2024-02-18 (missed)" in text.splitlines()


def test_the_list_flags_late_decisions(db: Path | str) -> None:
    add(db, "简2024-003", "2024-03-01", "100")
    add(db, "简2024-004", "2024-03-02", "100", "--on-spot", "--receipt", "沪财罚04")
    ok(db, "simple", "handover", "简2024-004", "--to-agency", "2024-03-04",
       "--to-bank", "2024-03-05", "--filed", "2024-03-04")  # fmt: skip
    listed = json.loads(ok(db, "simple", "list", "--json", "--as-of", "2024-06-01"))
    assert [(d["decision_no"], d["late"]) for d in listed] == [
        ("简2024-004", False),
        ("简2024-003", True),
    ]
    late = json.loads(ok(db, "simple", "list", "--late", "--json", "--as-of", "2024-06-01"))
    assert [d["decision_no"] for d in late] == ["简2024-003"]
    lines = ok(db, "simple", "list", "--year", "2024", "--as-of", "2024-06-01").splitlines()
    assert lines == [
        "简2024-004\t2024-03-02\t张三\t跨门营业\t罚款100.00元\t2024-03-02\t—",
        "简2024-003\t2024-03-01\t张三\t跨门营业\t罚款100.00元\t—\t缴款期限已逾期、备案期限已逾期",
    ]
    assert ok(db, "simple", "list", "--year", "2023") == ""


def test_refusals_name_the_field_and_write_nothing(db: Path | str) -> None:
    add(db, "简2024-005", "2024-04-01", "100")
    add(db, "简2024-006", "2024-04-01", "20", "--on-spot")
    cases = [
        (("simple", "show", "简2024-999"),
         "简易程序决定书编号：没有编号为简2024-999的简易程序决定"),
        (("simple", "pay", "简2024-006", "--on", "2024-04-02"),
         "缴款日期：决定简2024-006的罚款已当场收缴"),
        (("simple", "pay", "简2024-005", "--on", "2024-03-31"), "缴款日期："),
        (("simple", "pay", "简2024-005", "--on", "2024-13-01"), "缴款日期："),
        (("simple", "handover", "简2024-005", "--to-agency", "2024-04-02"),
         "交回机关日期：只有当场收缴的罚款才有交回机关和存入银行日期"),
        (("simple", "handover", "简2024-006", "--to-bank", "2024-04-02"),
         "存入银行日期：存入银行前须先登记交回机关日期"),
        (("simple", "handover", "简2024-006"), "请至少填写票据号"),
        (("simple", "add", "--no", "简2024-007", "--on", "2024-04-01", "--party", "张三",
          "--party-type", "自然人", "--cause", "跨门营业", "--officers", OFFICERS,
          "--kind", "罚款", "--amount", "300"), "罚款金额："),
        (("simple", "add", "--no", "简2024-005", "--on", "2024-04-01", "--party", "张三",
          "--party-type", "自然人", "--cause", "跨门营业", "--officers", OFFICERS,
          "--kind", "警告"), "简2024-005"),
        (("simple", "add", "--no", "简2024-008", "--on", "2024-04-01", "--party", "张三",
          "--party-type", "自然人", "--cause", "跨门营业", "--officers", "王建国",
          "--kind", "警告"), "执法人员"),
    ]  # fmt: skip
    for args, message in cases:
        assert message in refused(db, *args), args
    english = refused(db, "--lang", "en", "simple", "show", "简2024-999")
    assert "there is no simple decision numbered 简2024-999" in english


def test_the_help_of_the_group_is_chinese(db: Path | str) -> None:
    out = ok(db, "simple", "--help")
    for name in ("add", "list", "show", "pay", "handover"):
        assert f"    {name}" in out
    assert "登记票据号、交回机关、存入银行和备案日期" in out


def test_the_filing_period_follows_its_setting(db: Path | str) -> None:
    add(db, "简2024-009", "2024-02-08", "100")
    assert shown(db, "简2024-009", "2024-02-09")["deadlines"]["agency_filing_due"] == "2024-02-19"
    ok(db, "settings", "set", "simple_filing_working_days", "5")
    assert shown(db, "简2024-009", "2024-02-09")["deadlines"]["agency_filing_due"] == "2024-02-21"
