"""The window's one operation runner: background work acts as the logged-in account, and the
Changes an operation returns refresh the case list row in place and the open case window."""

from __future__ import annotations

import datetime as dt
import sqlite3
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QSpinBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind, ReviewOpinion
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.changes import Topic
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.ledger_files import CASE, ledger
from tests.notices import notice
from tests.review_setup import PASSWORDS, make_accounts, open_as, prepared, register_officers
from ui.case_steps import steps
from ui.main_window import MainWindow
from ui.runner import OperationRunner

D = dt.date


def _window(services: Services, tmp_path: Path) -> MainWindow:
    return MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def clerk_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """A database with accounts and its officers on record, opened by the clerk."""
    path = tmp_path / "office.db"
    clock = FixedClock(NOW)
    make_accounts(path, clock)
    with open_as(path, clock, "admin") as admin:
        register_officers(admin)
    services = open_as(path, clock, "clerk")
    window = _window(services, tmp_path)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    services.close()


def _audit(path: Path, action: str) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        sql = "SELECT user, outcome FROM audit_log WHERE action = ? ORDER BY id"
        return [(str(u), str(r)) for u, r in conn.execute(sql, [action])]
    finally:
        conn.close()


def test_a_clerk_imports_reports_and_verifies_from_the_window(
    qtbot: QtBot, clerk_window: MainWindow, tmp_path: Path
) -> None:
    window = clerk_window
    db_path = window.runner.services.db_path
    assert window.case_model.rowCount() == 0
    dialog = window.open_import()
    dialog.path_edit.setText(str(ledger(tmp_path / "cases.xlsx", officers=[])))
    with qtbot.waitSignal(dialog.imported, timeout=30_000):
        dialog.start(dry_run=False)
    dialog.wait_finished()
    assert dialog.summary.text() == (
        "已导入：执法人员 0 名，一般程序案件 1 件，简易程序决定 1 件，提醒 0 条"
    )
    assert _audit(db_path, "ledger.import") == [("clerk", "ok")]  # written as the clerk
    # The import's Changes reached the window: the list shows the imported case.
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1)
    assert window.case_model.case_at(0).case_no == CASE["案件编号"]

    with qtbot.waitSignal(window.report_menu.ready, timeout=60_000) as shown:
        window.report_menu.annual(2024)
    preview = shown.args[0]
    assert preview.data.startswith(b"%PDF")
    assert preview.document.pageCount() >= 1
    preview.close()

    with qtbot.waitSignal(window.verifying.done, timeout=60_000) as checked:
        window.verifying.action.trigger()
    ok, text = checked.args
    assert ok, text
    assert text.startswith("全部通过：数据库完整")
    assert window.verifying.result_box is not None
    window.verifying.result_box.close()


def test_the_clerks_check_of_a_ledger_meets_the_clerks_role(
    qtbot: QtBot, clerk_window: MainWindow, tmp_path: Path
) -> None:
    """The dry run acts as the clerk too: new officers are refused before anything is written."""
    dialog = clerk_window.open_import()
    new_officer = {"姓名": "赵刚", "执法证号": "31150004", "发证日期": D(2017, 1, 1)}
    path = ledger(tmp_path / "with-officers.xlsx", officers=[new_officer], cases=[], simple=[])
    dialog.path_edit.setText(str(path))
    dialog.start(dry_run=True)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=30_000)
    dialog.wait_finished()
    assert dialog.summary.text() == "发现 1 处错误，未写入任何数据"
    assert [row[0] for row in dialog.issue_rows()] == ["错误"]
    assert dialog.issue_rows()[0][4].startswith(
        "文件含 1 名新执法人员：执法人员只能由管理员登记，clerk（内勤）不能导入此表"
    )


def test_a_background_job_acts_as_the_logged_in_account(
    qtbot: QtBot, clerk_window: MainWindow
) -> None:
    got: list[tuple[str, bool, str | None]] = []

    def who(s: Services) -> tuple[str, bool, str | None]:
        account = s.session.account
        return s.session.user, s.read_only, None if account is None else account.role.label

    clerk_window.runner.run_op(who, got.append, background=True, read_only=False)
    qtbot.waitUntil(lambda: got != [], timeout=10_000)
    assert got == [("clerk", False, "内勤")]


CASE_A = "川执立〔2024〕21号"
CASE_B = "川执立〔2024〕22号"
LATER = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def two_cases(tmp_path: Path) -> Iterator[Services]:
    """Two small cases; A is decided (a 200 元 fine) and waits to be served."""
    with build_services(tmp_path / "cases.db", FixedClock(LATER)) as svc:
        register_officers(svc)  # 王建国 31150001, 李明 31150002
        for no, name, filed in ((CASE_A, "张三", D(2024, 5, 6)), (CASE_B, "李四", D(2024, 5, 7))):
            svc.case_files.file_case(
                NewCase(
                    no,
                    PartyRecord(PartyType.NATURAL_PERSON, name),
                    "占道设摊案",
                    filed,
                    ("31150001", "31150002"),
                )
            )
        svc.case_files.record_notice(CASE_A, notice(D(2024, 5, 8), fine_fen=20_000))
        svc.case_files.decide(
            CASE_A,
            Decision(
                "沪浦川执罚〔2024〕21号",
                D(2024, 5, 20),
                Outcome.PENALTY,
                frozenset({PenaltyKind.FINE}),
                fine_fen=20_000,
            ),
        )
        yield svc


def test_a_steps_changes_update_its_row_in_place_and_the_open_case_window(
    qtbot: QtBot, two_cases: Services, tmp_path: Path
) -> None:
    window = _window(two_cases, tmp_path)
    qtbot.addWidget(window)
    window.show()
    model = window.case_model
    assert [model.case_at(r).case_no for r in range(model.rowCount())] == [CASE_B, CASE_A]
    assert model.index(1, 8).data() == "已决定"
    window.case_view.selectRow(1)
    changed: list[tuple[int, int, object]] = []
    resets: list[bool] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: changed.append(
            (top.row(), bottom.row(), model.index(top.row(), 8).data())
        )
    )
    model.modelReset.connect(lambda: resets.append(True))
    detail = window.open_case(1)
    assert detail.header.text().split("　")[1] == "已决定"

    # A step done in the case window's own form.
    form = detail.open_step(next(s for s in steps() if s.key == "serve"))
    date = form.widgets["served_on"]
    assert isinstance(date, QDateEdit)
    date.setDate(QDate(2024, 5, 22))
    method = form.widgets["service_method"]
    assert isinstance(method, QComboBox)
    method.setCurrentIndex(method.findText("直接送达"))
    assert form.try_submit()
    assert changed == [(1, 1, "已送达")]
    assert resets == []
    assert window.case_view.currentIndex().row() == 1  # the selection stays
    assert detail.header.text().split("　")[1] == "已送达"

    # The same case changed through the runner elsewhere: the open case window follows.
    paid = window.runner.run_op(
        lambda s: s.case_files.record_payment(CASE_A, PaymentRecord(D(2024, 5, 30), 20_000)),
        parent=window,
    )
    assert paid is not None
    assert "已缴 200.00 元" in detail.money_label.text()
    closed = window.runner.run_op(
        lambda s: s.case_files.close(CASE_A, D(2024, 6, 1), "执行完毕"), parent=window
    )
    assert closed is not None
    assert changed == [(1, 1, "已送达"), (1, 1, "已送达"), (1, 1, "已结案")]
    assert resets == []
    assert detail.header.text().split("　")[1] == "已结案"
    assert model.index(0, 8).data() == "已立案"  # the other row untouched
    detail.close()
    window.close()


def test_saved_settings_reach_the_case_list(
    qtbot: QtBot, two_cases: Services, tmp_path: Path
) -> None:
    """A longer warning period, saved in 业务设置, flags an open case in the list at once."""
    window = _window(two_cases, tmp_path)
    qtbot.addWidget(window)
    model = window.case_model
    assert model.case_at(0).case_no == CASE_B  # filed 2024-05-07, no decision yet
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    dialog = window.open_settings()
    spin = dialog.inputs["due_soon_working_days"]
    assert isinstance(spin, QSpinBox)
    spin.setValue(60)
    assert dialog.save()
    assert model.case_at(0).case_no == CASE_B
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    window.close()


def test_a_bug_in_a_background_job_is_raised_on_the_gui_thread(
    qtbot: QtBot, two_cases: Services
) -> None:
    runner = OperationRunner(two_cases)
    threads: list[bool] = []

    def broken(_s: Services) -> int:
        raise ZeroDivisionError("bug")

    with qtbot.capture_exceptions() as caught:
        runner.run_op(broken, lambda _r: threads.append(True), background=True)
        qtbot.waitUntil(lambda: len(caught) == 1, timeout=10_000)
    runner.wait()
    kind, value, tb = caught[0]
    assert kind is ZeroDivisionError
    assert str(value) == "bug"
    # raised again by the reply on the GUI thread, where the crash handler may open a dialog
    assert traceback.extract_tb(tb)[0].name == "crashed"
    assert threads == []  # never reported as done


def test_a_signature_in_the_review_queue_reaches_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "office.db"
    clock = FixedClock(NOW)
    prepared(path, clock)
    with open_as(path, clock, "zhou") as services:
        window = _window(services, tmp_path)
        qtbot.addWidget(window)
        dialog = window.review_queue.open_review(0)
        assert dialog is not None
        assert dialog.sign_button is not None
        dialog.opinion.setCurrentIndex(dialog.opinion.findData(ReviewOpinion.AGREE.value))
        dialog.reasons.setPlainText("事实清楚")
        dialog.password.setText(PASSWORDS["zhou"])
        with qtbot.waitSignal(window.runner.changed) as announced:
            dialog.sign()
        assert announced.args == [frozenset({Topic.CASES}), ()]
        assert window.review_queue.model.rowCount() == 0
        dialog.close()
        window.close()
