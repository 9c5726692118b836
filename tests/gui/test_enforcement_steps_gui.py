"""The steps after the decision in the case window (offscreen): the instalment form, a refused
plan's message with nothing written, each instalment in the timeline, the 催告 and the court."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision, StatementKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind, ServiceMethod
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, PaymentRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog
from ui.step_form import StepForm

D = dt.date
NOW = dt.datetime(2025, 7, 1, 2, 0, tzinfo=dt.UTC)
NO = "川执立〔2025〕88号"
FINE = frozenset({PenaltyKind.FINE})


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("孙强", "31150101", D(2020, 1, 1)))
        services.officers.register(OfficerRecord("钱芳", "31150102", D(2021, 6, 1)))
        files = services.case_files
        party = PartyRecord(PartyType.LEGAL_PERSON, "上海某餐饮有限公司")
        basis = "《上海市大气污染防治条例》"
        officers = ("31150101", "31150102")
        files.file_case(NewCase(NO, party, "油烟直排案", D(2025, 3, 3), officers,
                                violation="油烟直排", legal_basis=basis))  # fmt: skip
        files.record_notice(NO, AdvanceNotice(D(2025, 3, 10), proposed_kinds=FINE,
                                              proposed_fine_fen=300_000, facts="油烟直排",
                                              basis=basis))  # fmt: skip
        files.record_statement(NO, StatementKind.STATED, D(2025, 3, 11))
        files.decide(NO, Decision(None, D(2025, 3, 13), Outcome.PENALTY, FINE, fine_fen=300_000))
        files.serve(NO, D(2025, 3, 14), ServiceMethod.DIRECT)
        files.record_payment(NO, PaymentRecord(D(2025, 3, 20), 100_000))
        yield services


def cells(table: QTableWidget, key: int, *columns: int) -> dict[str, tuple[str, ...]]:
    """A table's rows by the text of column ``key``: the texts of ``columns``."""
    return {
        table.item(r, key).text(): tuple(table.item(r, c).text() for c in columns)
        for r in range(table.rowCount())
    }


def test_the_instalment_form_and_what_follows(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    assert detail.step_buttons["instalments"].isEnabled()
    assert not detail.step_buttons["court_apply"].isEnabled()
    assert detail.step_buttons["court_apply"].toolTip() == (
        "申请法院强制执行前须先送达催告书（行政强制法第五十四条）"
    )

    def step(key: str, **values: object) -> StepForm:
        detail.step_buttons[key].click()
        assert detail.open_form is not None
        fill(detail.open_form, **values)
        return detail.open_form

    form = step("instalments", approved_on=D(2025, 3, 25), plan="2025-04-30:1000")
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.isVisible()
    assert form.error_label.text() == (
        "分期计划：各期金额合计1,000.00元，应等于尚欠的罚没款2,000.00元"
    )
    assert database_digest(svc.db_path) == before
    fill(form, plan="2025-04-30:1000\n2025-05-30：1000")
    assert form.try_submit()
    assert not detail.step_buttons["instalments"].isEnabled()
    assert detail.step_buttons["instalments"].toolTip() == (
        "本案已于2025-03-25批准延期（分期）缴纳，不能再次批准"
    )
    rows = cells(detail.timeline_table, 1, 0, 2)
    # as of 2025-07-01: the first instalment 62 days late (capped at its 1,000 元), the second
    # 32 days late (3 % a day of 1,000 元)
    assert rows["批准延期（分期）缴纳"] == ("2025-03-25", "2期")
    assert rows["第1期缴款期限"] == ("2025-04-30", "1,000.00 元，未缴清，加处罚款 1,000.00 元")
    assert rows["第2期缴款期限"] == ("2025-05-30", "1,000.00 元，未缴清，加处罚款 960.00 元")
    assert step("pay", paid_on=D(2025, 4, 30), amount="1000").try_submit()
    rows = cells(detail.timeline_table, 1, 0, 2)
    assert rows["第1期缴款期限"][1] == "1,000.00 元，2025-04-30缴清，加处罚款 0.00 元"
    assert step("remind", served_on=D(2025, 6, 3), until=D(2025, 6, 13)).try_submit()
    clocks = cells(detail.clock_table, 0, 1, 2)
    assert clocks["催告"] == ("2025-05-31", "按期完成")
    assert clocks["可申请法院强制执行之日"] == ("2025-09-15", "未到期")
    assert clocks["申请法院强制执行期限"] == ("2025-12-15", "未到期")
    early = step("court_apply", applied_on=D(2025, 6, 30))
    assert not early.try_submit()
    assert "最早2025-09-15" in early.error_label.text()
    case = svc.case_files.find(NO)
    assert case.instalment_plan is not None
    assert [i.due_on for i in case.instalment_plan.instalments] == [D(2025, 4, 30), D(2025, 5, 30)]
    assert case.reminder is not None
    assert case.court is None
