"""Deleting a case from its window into the trash, and taking it back from 案件 → 回收站."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services
from tests.conftest import NOW
from tests.review_setup import CASE_NO, make_accounts, open_as, prepared
from ui.main_window import MainWindow
from ui.review_queue import ReviewQueueWidget


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def test_a_case_goes_to_the_trash_with_its_reason_and_comes_back(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_copy_services: Services, tmp_path: Path
) -> None:
    svc = demo_copy_services
    window = _window(qtbot, svc, tmp_path)
    total = svc.cases.count()
    detail = window.open_case(0)
    qtbot.addWidget(detail)
    case_no = detail.view.case.case_no
    assert detail.delete_button.isEnabled()
    asking = detail.ask_delete()
    asking.setTextValue("重复登记")  # Chinese is set, not typed (keyClicks cannot type it)
    asking.done(QDialog.DialogCode.Accepted)
    assert [t.case_no for t in svc.trash.listing()] == [case_no]
    assert not detail.isVisible()
    shown = [window.case_model.case_at(r).case_no for r in range(window.case_model.rowCount())]
    assert shown
    assert case_no not in shown
    assert svc.cases.count() == total - 1
    assert f"{total - 1:,}" in window.count_label.text()
    trash = window.open_trash()
    qtbot.addWidget(trash)
    qtmodeltester.check(trash.model)
    assert trash.model.rowCount() == 1
    assert trash.model.data(trash.model.index(0, 5)) == "重复登记"
    assert trash.model.data(trash.model.index(0, 0)) == case_no
    assert not trash.restore_selected()  # nothing selected yet
    trash.view.selectRow(0)
    assert trash.restore_selected()
    assert trash.model.rowCount() == 0
    assert svc.cases.count() == total
    assert window.case_model.case_at(0).case_no == case_no
    assert f"{total:,}" in window.count_label.text()
    trash.close()
    window.close()


def test_a_reviewer_can_neither_delete_nor_take_back(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "office.db"
    shutil.copy(demo_db, path)
    make_accounts(path, FixedClock(NOW))
    with open_as(path, FixedClock(NOW), "zhou") as svc:
        window = _window(qtbot, svc, tmp_path)
        detail = window.open_case(0)
        qtbot.addWidget(detail)
        trash = window.open_trash()
        qtbot.addWidget(trash)
        assert not detail.delete_button.isEnabled()
        assert not trash.restore_button.isEnabled()
        detail.close()
        trash.close()
        window.close()


def test_a_queued_case_deleted_meanwhile_is_named_not_crashed(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "review.db"
    clock = FixedClock(NOW)
    prepared(path, clock)  # the clerk's major case, submitted for review
    with open_as(path, clock, "clerk") as svc:
        queue = ReviewQueueWidget(svc, "zh")
        qtbot.addWidget(queue)
        assert [i.submission.case_no for i in queue.model.items] == [CASE_NO]
        svc.trash.delete(CASE_NO, "重复登记")  # while the queue still shows it
        assert queue.open_review(0) is None
        assert "在回收站中" in queue.message.text()
        assert queue.model.items == []
