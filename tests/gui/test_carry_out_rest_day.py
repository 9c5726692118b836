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
from tests.conftest import NOW, database_digest
from tests.forced_walk import NO, book_with_order
from tests.gui.test_case_detail import fill
from tests.integration.test_forced_demolition_cli import TO_ANNOUNCEMENT
from ui.case_detail import CaseDetailDialog

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


def test_a_rest_day_is_confirmed_before_it_is_written(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    detail.step_buttons["carry_out"].click()
    form = detail.open_form
    assert form is not None
    fill(form, carried_on=D(2023, 10, 14), carried_at="09:00", witnesses="村委会主任赵六，居民孙七")
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
