"""The 待办 tab at the office's 1366×768: what is due or overdue, sortable, printed as a PDF
read back; the case window's close form refuses closing unpaid without a listed reason and
offers 公示 and 撤回公示."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW, database_digest
from tests.deadline_cases import LATE, PAID, UNPAID, add_deadline_cases
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog, timeline
from ui.main_window import MainWindow

D = dt.date
SCREEN = QRect(0, 0, 1366, 768)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        add_deadline_cases(services)
        services.publications.publish(PAID, D(2026, 8, 12))
        services.disputes.add(
            DisputeRecord(
                DisputeKind.RECONSIDERATION, "浦府复〔2026〕7号", "张三", DisputedAct.PENALTY,
                "上海市浦东新区人民政府", D(2026, 9, 1), case_no="沪浦川执罚〔2026〕2号",
                outcome=DisputeOutcome.REVOKED, outcome_on=D(2026, 11, 20),
            )
        )  # fmt: skip
        yield services


@pytest.fixture
def window(qtbot: QtBot, svc: Services, tmp_path: Path) -> Iterator[MainWindow]:
    shown = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    shown.close()


def _rows(window: MainWindow) -> list[tuple[str, ...]]:
    model = window.due.model
    return [
        tuple(str(model.index(r, c).data()) for c in range(model.columnCount()))
        for r in range(model.rowCount())
    ]


def test_the_due_tab_lists_what_is_due_sorts_and_prints(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    window.tabs.setCurrentWidget(window.due)
    QApplication.processEvents()
    panel = window.due
    qtmodeltester.check(panel.model)
    rows = _rows(window)
    assert ("2026-08-12", "已逾期 73 个工作日", "公示决定", UNPAID, "张三") in rows
    assert ("2026-11-25", "已逾期 2 个工作日", "撤回公示", PAID, "张三") in rows
    assert ("2026-11-26", "已逾期 1 个工作日", "作出决定", LATE, "张三") in rows
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)  # by due date at first
    overdue = panel.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert overdue.name() == "#f8c4c4"
    assert panel.summary.text().startswith("截至 2026-11-27，至 2026-12-04 到期及已逾期")
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by 事项, as a header click
    kinds = [r[2] for r in _rows(window)]
    assert kinds == sorted(kinds, reverse=True)
    # The whole tab, its print button included, is on the office screen.
    button = panel.print_button
    rect = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
    assert SCREEN.contains(window.frameGeometry())
    assert SCREEN.contains(rect)
    written = panel.print_to(tmp_path / "due.pdf")
    assert written is not None
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert "待办事项清单" in text
    assert "撤回公示" in text
    assert text.index("撤回公示") < text.index("公示决定")  # printed in the order shown
    assert f"其中已逾期 {len(rows)} 项" in text.replace("\n", "")


def test_days_ahead_and_a_step_recorded_reload_the_list(window: MainWindow, svc: Services) -> None:
    window.tabs.setCurrentWidget(window.due)
    QApplication.processEvents()
    panel = window.due
    before = panel.model.rowCount()
    panel.days.setValue(0)
    assert panel.summary.text().startswith("截至 2026-11-27，至 2026-11-27")
    result = window.runner.run_op(
        lambda s: s.publications.withdraw(PAID, D(2026, 11, 26), "复议撤销")
    )
    assert result is not None
    assert panel.model.rowCount() == before - 1
    assert all(r[2] != "撤回公示" for r in _rows(window))
    rows = timeline(svc.case_files.view(PAID))
    assert ("2026-11-20", "决定被撤销、变更或确认违法", "浦府复〔2026〕7号 撤销") in rows
    assert ("2026-11-26", "撤回公示", "复议撤销") in rows


def test_the_close_form_refuses_closing_unpaid_without_a_listed_reason(
    qtbot: QtBot, svc: Services
) -> None:
    detail = CaseDetailDialog(svc, UNPAID)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.step_buttons["publish"].isEnabled()
    assert not detail.step_buttons["withdraw_publication"].isEnabled()
    detail.step_buttons["close"].click()
    form = detail.open_form
    assert form is not None
    before = database_digest(svc.db_path)
    fill(form, closed_on=D(2026, 11, 20), close_reason="已申请强制执行")
    assert not form.try_submit()
    assert form.error_label.text().startswith("未缴清结案理由：尚有100.00元未缴纳")
    assert "当事人死亡或终止且无财产可供执行" in form.error_label.text()
    fill(form, close_reason_kind="其他", close_reason="当事人出国")
    assert not form.try_submit()
    assert "须经法制审核员批准" in form.error_label.text()
    assert database_digest(svc.db_path) == before
    fill(form, close_reason_kind="法院已受理强制执行申请", close_reason="")
    assert form.try_submit()
    case = svc.case_files.find(UNPAID)
    assert case.closed_on == D(2026, 11, 20)
    assert case.close_reason == "法院已受理强制执行申请"
