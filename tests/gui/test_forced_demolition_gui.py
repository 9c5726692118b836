"""Forced demolition through the case window (offscreen, 1366x768): the six steps after an
order as forms, each closed with the reason the service would give until its turn; a carrying
out on National Day 2023 refused in the form with nothing written; then the lawful path to
"carried out". A case without an order shows none of these buttons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.cli_clock import main
from tests.conftest import NOW, database_digest
from tests.forced_walk import LEADERS, NO, book_with_order
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog
from ui.forced_demolition_steps import FORCED_KEYS
from ui.step_form import StepForm

D = dt.date


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(book_with_order(tmp_path / "cases.db"), FixedClock(NOW)) as services:
        yield services


def test_the_sequence_through_the_window(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    buttons = detail.step_buttons
    assert all(buttons[key].isVisible() for key in FORCED_KEYS)
    assert not buttons["enforce"].isEnabled()
    assert buttons["enforce"].toolTip() == "尚未送达催告书（行政强制法第三十五条）"
    assert buttons["authority"].isEnabled()  # an urban structure: the 责成 may come any time

    def step(key: str, **values: object) -> StepForm:
        assert buttons[key].isEnabled(), (key, buttons[key].toolTip())
        buttons[key].click()
        assert detail.open_form is not None
        fill(detail.open_form, **values)
        return detail.open_form

    early = step("remind", served_on=D(2023, 8, 10), until=D(2023, 8, 21))
    before = database_digest(svc.db_path)
    assert not early.try_submit()
    assert "申请行政复议或提起行政诉讼的期限（至 2023-08-10）尚未届满" in early.error_label.text()
    assert database_digest(svc.db_path) == before
    fill(early, served_on=D(2023, 8, 11))
    assert early.try_submit()
    assert step("remind_statement", statement_kind="已陈述申辩",
                statement_on=D(2023, 8, 15)).try_submit()  # fmt: skip
    assert buttons["enforce"].toolTip() == (
        "城镇规划区内的违法建设须先记录区人民政府的责成，才能作出强制拆除决定（城乡规划法第六十八条）"
    )
    assert step("authority", authority_document="浦府责拆〔2023〕5号",
                authority_on=D(2023, 8, 18)).try_submit()  # fmt: skip
    assert buttons["review"].isEnabled()  # open again for the 强制拆除决定
    assert buttons["discussion"].isEnabled()
    assert step("review", reviewer="周明远", reviewed_on=D(2023, 8, 22),
                opinion="同意").try_submit()  # fmt: skip
    assert step("discussion", held_on=D(2023, 8, 22), participants=LEADERS,
                minutes="同意强制拆除").try_submit()  # fmt: skip
    assert step("enforce", enforced_on=D(2023, 8, 22)).try_submit()
    assert not buttons["review"].isEnabled()  # closed again once decided
    assert step("announce", announced_on=D(2023, 9, 20),
                announce_until=D(2023, 9, 25)).try_submit()  # fmt: skip
    holiday = step("carry_out", carried_on=D(2023, 10, 2), carried_at="09:00",
                   witnesses="村委会主任赵六，居民孙七")  # fmt: skip
    before = database_digest(svc.db_path)
    assert not holiday.try_submit()
    assert holiday.isVisible()
    assert holiday.error_label.text() == (
        "实施日期：2023-10-02 是法定节假日，不得实施强制拆除（行政强制法第四十三条）"
    )
    fill(holiday, carried_on=D(2023, 10, 7), carried_at="5:30")
    assert not holiday.try_submit()
    assert "05:30 属夜间" in holiday.error_label.text()
    assert database_digest(svc.db_path) == before
    fill(holiday, carried_at="08:30")
    assert holiday.try_submit()
    case = svc.case_files.find(NO)
    assert case.forced.carried_out is not None
    assert case.forced.carried_out.witnesses == ("村委会主任赵六", "居民孙七")
    assert not any(buttons[key].isEnabled() for key in FORCED_KEYS)
    assert buttons["removed"].toolTip() == "已于 2023-10-07 实施强制拆除，程序已结束"
    timeline = detail.timeline_table
    rows = {
        timeline.item(r, 1).text(): (timeline.item(r, 0).text(), timeline.item(r, 2).text())
        for r in range(timeline.rowCount())
    }
    assert rows["催告拆除"] == ("2023-08-11", "拆除期限 2023-08-21")
    assert rows["区政府责成"] == ("2023-08-18", "浦府责拆〔2023〕5号")
    assert rows["实施强制拆除"] == ("2023-10-07", "08:30 开始，见证人：村委会主任赵六、居民孙七")


def test_no_order_no_demolition_buttons(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    assert main(["--db", str(svc.db_path), "case", "file", "--filed", "2023-02-01", "--party",
                 "李四", "--party-type", "自然人", "--cause", "李四占道设摊案",
                 "--officers", "王建国,李明", "--no", "川执立〔2023〕8号"]) == 0  # fmt: skip
    detail = CaseDetailDialog(svc, "川执立〔2023〕8号")
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    assert not any(detail.step_buttons[key].isVisible() for key in FORCED_KEYS)
