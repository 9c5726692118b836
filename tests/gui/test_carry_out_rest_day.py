"""Carrying out on a rest day through the window (行政强制法 43, DOMAIN §13): a Saturday that is
no statutory holiday is not refused, but the form stops with the warning until the clerk ticks
the confirmation (nothing written before); a 调休 Saturday is a working day and asks nothing;
a holiday stays refused, ticked or not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.demolition.carry_out_day import needs_rest_day_confirmation
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.forced_walk import NO, book_with_order
from tests.gui.test_case_detail import fill
from tests.integration.test_forced_demolition_cli import LATE_LAWSUIT, TO_ANNOUNCEMENT
from ui.case_detail import CaseDetailDialog
from ui.step_form import StepForm

D = dt.date


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    path = book_with_order(tmp_path / "cases.db", TO_ANNOUNCEMENT)
    with build_services(path, FixedClock(NOW)) as services:
        yield services


@pytest.mark.parametrize(
    ("day", "asks"),
    [
        (D(2023, 10, 13), False),  # a Friday
        (D(2023, 10, 14), True),  # a Saturday, no holiday
        (D(2023, 10, 15), True),  # a Sunday
        (D(2023, 10, 7), False),  # a 调休 Saturday: a working day
        (D(2023, 10, 2), False),  # National Day: refused, not asked (check_carry_out)
    ],
)
def test_which_days_ask(svc: Services, day: dt.date, asks: bool) -> None:
    calendar: WorkCalendar = svc.calendar.work_calendar()
    assert needs_rest_day_confirmation(day, calendar) is asks


def _window(qtbot: QtBot, svc: Services) -> CaseDetailDialog:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    return detail


def _form(detail: CaseDetailDialog, key: str, **values: object) -> StepForm:
    detail.step_buttons[key].click()
    form = detail.open_form
    assert form is not None
    fill(form, **values)
    return form


def test_a_rest_day_is_confirmed_before_it_is_written(qtbot: QtBot, svc: Services) -> None:
    form = _form(_window(qtbot, svc), "carry_out", carried_on=D(2023, 10, 14),
                 carried_at="09:00", witnesses="村委会主任赵六，居民孙七")  # fmt: skip
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.isVisible()
    assert form.error_label.text() == (
        "确认在休息日实施：2023-10-14 是休息日（非法定节假日）：确有必要在休息日实施强制拆除的，"
        "请勾选“确认在休息日实施”后再保存（行政强制法第四十三条）"
    )
    assert database_digest(svc.db_path) == before
    fill(form, carried_on=D(2023, 10, 2), rest_day_confirmed=True)
    assert not form.try_submit()  # a holiday: the confirmation does not help
    assert "2023-10-02 是法定节假日" in form.error_label.text()
    assert database_digest(svc.db_path) == before
    fill(form, carried_on=D(2023, 10, 14))
    assert form.try_submit()
    carried = svc.case_files.find(NO).forced.carried_out
    assert carried is not None
    assert carried.on == D(2023, 10, 14)


def test_the_window_refuses_a_lawsuit_pending_and_one_witness_then_the_party_removes_it(
    qtbot: QtBot, svc: Services
) -> None:
    """The rest of the done-when refusals through the window (issue 20): a lawsuit pending
    holds the carrying out; fewer than two witnesses are refused; 自行拆除 ends the sequence."""
    assert main(["--db", str(svc.db_path), *LATE_LAWSUIT]) == 0
    detail = _window(qtbot, svc)
    one = "村委会主任赵六"
    form = _form(detail, "carry_out", carried_on=D(2023, 10, 9), carried_at="09:00", witnesses=one)
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.error_label.text() == (
        "实施日期：当事人申请的行政复议或提起的行政诉讼尚未审结，强制拆除程序中止（行政强制法第四十四条）"
    )
    assert database_digest(svc.db_path) == before
    form.reject()
    assert main(["--db", str(svc.db_path), "dispute", "update", "1", "--outcome", "驳回起诉",
                 "--outcome-on", "2023-10-10"]) == 0  # fmt: skip
    detail.reload()
    form = _form(detail, "carry_out", carried_on=D(2023, 10, 12), carried_at="09:00", witnesses=one)
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.error_label.text() == "见证人：实施强制拆除须制作现场笔录，并有至少 2 名见证人"
    assert database_digest(svc.db_path) == before
    form.reject()
    assert _form(detail, "removed", removed_on=D(2023, 10, 13)).try_submit()
    assert svc.case_files.find(NO).forced.removed_on == D(2023, 10, 13)
    assert not detail.step_buttons["carry_out"].isEnabled()
    assert detail.step_buttons["carry_out"].toolTip() == (
        "当事人已于 2023-10-13 自行拆除，强制拆除程序已结束"
    )
