"""The 简易程序案件 sheet carries the surcharge paid, the receipt, the cash hand-over and the 备案
date: export → import into an empty file gives them back; wrong ones are refused by row and
header, nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW, database_digest
from tests.ledger_files import SIMPLE, ledger, with_
from tests.server_backend import query

D = dt.date
PLAN = DemoPlan(seed=23, first_year=2023, last_year=2024, general_cases=100, simple_per_year=400)
AFTER = (
    "SELECT decision_no, decided_on, fine_fen, collected_on_spot, paid_on, u.surcharge_fen,"
    " receipt_no, cash_to_agency_on, cash_to_bank_on, filed_with_agency_on"
    " FROM simple_decisions s LEFT JOIN simple_surcharges u ON u.decision_id = s.id"
    " WHERE decided_on LIKE ? ORDER BY decision_no"
)


def rows(path: Path | str, year: int) -> list[tuple[object, ...]]:
    return query(path, AFTER, [f"{year}-%"])


def test_export_then_import_keeps_payment_hand_over_and_filing(
    backend: Path | str, other_backend: Path | str, tmp_path: Path
) -> None:
    source, target, workbook = backend, other_backend, tmp_path / "t.xlsx"
    with build_services(source, FixedClock(NOW)) as built:
        built.demo.fill(PLAN)
        built.ledger.export_ledger(workbook, 2023)
    with build_services(target, FixedClock(NOW)) as empty:
        report = empty.ledger.import_file(workbook)
        assert report.errors == ()
    before = rows(source, 2023)

    def as_of_year_end(row: tuple[object, ...]) -> tuple[object, ...]:
        paid = row[4] is not None and str(row[4]) <= "2023-12-31"  # later: next year's ledger
        return (*row[:4], row[4] if paid else None, row[5] if paid else None,
                row[6] if paid else None, *row[7:])  # fmt: skip

    assert rows(target, 2023) == [as_of_year_end(r) for r in before]
    # the year has each kind of fact (a round trip of empty columns would prove nothing)
    assert any(r[5] for r in before)  # a surcharge paid
    assert any(r[6] and not r[3] for r in before)  # a bank payment's receipt
    assert all(r[6] for r in before if r[3])  # every cash collection has its receipt
    assert any(r[8] for r in before)
    assert any(r[9] for r in before)
    sheet = openpyxl.load_workbook(workbook, read_only=True)["简易程序案件"]
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    last = ["加处罚款", "票据号", "交回机关日期", "存入银行日期", "备案日期", "备注"]
    assert headers[-6:] == last


@pytest.fixture
def svc(backend: Path | str) -> Services:
    with build_services(backend, FixedClock(NOW)) as built:
        yield built  # type: ignore[misc]


CASH = with_(SIMPLE, 票据号="沪财罚9", 交回机关日期=D(2024, 6, 3), 存入银行日期=D(2024, 6, 4),
             备案日期=D(2024, 6, 3))  # fmt: skip
LATER = with_(SIMPLE, 当场收缴=None, 罚款金额=200, 缴款日期=D(2024, 7, 1), 加处罚款=6,
              票据号="B1")  # fmt: skip
DEFECTS = [
    ("交回机关日期", with_(LATER, 交回机关日期=D(2024, 7, 2)), "simple.cash_not_on_spot"),
    ("存入银行日期", with_(CASH, 交回机关日期=None), "simple.bank_before_agency"),
    ("存入银行日期", with_(CASH, 存入银行日期=D(2024, 6, 2)), "date.too_early"),
    ("备案日期", with_(CASH, 备案日期=D(2024, 5, 31)), "date.too_early"),
    ("加处罚款", with_(CASH, 加处罚款=1), "simple.surcharge_without_late_payment"),
    ("加处罚款", with_(LATER, 加处罚款=201), "payment.surcharge_too_high"),
    ("票据号", with_(LATER, 缴款日期=None, 加处罚款=None), "simple.receipt_without_payment"),
    ("交回机关日期", with_(CASH, 交回机关日期="六月"), "ledger.date"),
]


@pytest.mark.parametrize(("header", "row", "code"), DEFECTS)
def test_wrong_follow_up_facts_are_located(
    svc: Services, tmp_path: Path, header: str, row: dict[str, object], code: str
) -> None:
    report = svc.ledger.import_file(ledger(tmp_path / "bad.xlsx", cases=[], simple=[row]))
    found = [(i.sheet, i.row, i.header, i.code) for i in report.errors]
    assert ("简易程序案件", 2, header, code) in found
    assert not report.written


def test_good_follow_up_facts_import(svc: Services, backend: Path | str, tmp_path: Path) -> None:
    path = tmp_path / "good.xlsx"
    report = svc.ledger.import_file(ledger(path, cases=[], simple=[CASH, with_(LATER,
                                    决定书编号="沪浦川执简〔2024〕000002号")]))  # fmt: skip
    assert report.errors == ()
    cash = svc.simple.view("沪浦川执简〔2024〕000001号", D(2024, 12, 31))
    assert cash.clocks.due_dates() == {
        "cash_to_agency_due": "2024-06-04",  # decided on a Saturday: Monday and Tuesday
        "cash_to_bank_due": "2024-06-05",  # 2 working days after the agency received it
        "agency_filing_due": "2024-06-05",
    }
    assert {c.name: c.state.value for c in cash.clocks.clocks} == {
        "cash_to_agency_due": "met",
        "cash_to_bank_due": "met",
        "agency_filing_due": "met",
    }
    later = svc.simple.view("沪浦川执简〔2024〕000002号", D(2024, 12, 31))
    assert (later.decision.surcharge_fen, later.decision.receipt_no) == (600, "B1")
    # paid 2024-07-01, due 2024-06-17 (06-16 is a Sunday): 14 days late, 42 % of 200 元
    assert later.clocks.surcharge_fen == 8_400
    assert later.clocks.amount_due_fen == 7_800  # the surcharge short-paid in the ledger
    digest = database_digest(backend)
    again = svc.ledger.import_file(path)
    assert again.errors
    assert database_digest(backend) == digest
