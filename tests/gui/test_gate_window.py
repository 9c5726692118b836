"""The gates of DOMAIN §12 in the case window (offscreen, 1366×768): notice → hearing →
decide driven through its step forms, each refusal shown with its article and nothing
written; the buttons say why a step is not open in the words the CLI prints; the timeline
shows every step's details and the window the facts entered at filing.

Dates: noticed Monday 2024-05-20; the statement period (3 working days) runs to 05-23, the
hearing request period (5) to 05-27; a hearing noticed on 05-22 is held 7 working days
later at the earliest, on 05-31.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSpinBox
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog
from ui.step_form import StepForm

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
NO = "川执立〔2024〕21号"


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        for name, number in (("王建国", "31150001"), ("李明", "31150002"), ("周敏", "31150003")):
            services.officers.register(OfficerRecord(name, number, D(2018, 3, 1)))
        # 3,000 元 on a person carries a hearing right (not yet a major case: 5,000 元)
        services.settings.set("hearing_individual_fen", 300_000)
        services.case_files.file_case(
            NewCase(
                NO,
                PartyRecord(PartyType.NATURAL_PERSON, "张三", None, "川沙路1号"),
                "张三违法搭建案",
                D(2024, 5, 6),
                ("31150001", "31150002"),
                violation="擅自搭建彩钢板房",
                legal_basis="《上海市拆除违法建筑若干规定》第二条",
                location="川沙新镇华夏东路8号",
            )
        )
        yield services


@pytest.fixture
def detail(qtbot: QtBot, svc: Services) -> CaseDetailDialog:
    dialog = CaseDetailDialog(svc, NO)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def step(detail: CaseDetailDialog, key: str, **values: object) -> StepForm:
    detail.step_buttons[key].click()
    assert detail.open_form is not None
    fill(detail.open_form, **values)
    return detail.open_form


def refused(detail: CaseDetailDialog, svc: Services, key: str, message: str, **values: object
            ) -> None:  # fmt: skip
    before = database_digest(svc.db_path)
    form = step(detail, key, **values)
    assert not form.try_submit()
    assert message in form.error_label.text()
    assert database_digest(svc.db_path) == before
    form.reject()


DECISION = {"outcome": "处罚", "decision_no": "沪浦川执罚〔2024〕21号", "kinds": ["罚款"],
            "fine": "3000"}  # fmt: skip


def test_notice_hearing_decide_through_the_window(
    qtbot: QtBot, svc: Services, detail: CaseDetailDialog
) -> None:
    # the buttons say why, in the sentence `case statement` prints (test_case_gates_cli)
    assert not detail.step_buttons["statement"].isEnabled()
    assert detail.step_buttons["statement"].toolTip() == (
        "尚未告知，不能记录陈述申辩（行政处罚法第四十四条）"
    )
    assert not detail.step_buttons["hearing"].isEnabled()
    notice = {"notice_on": D(2024, 5, 20), "kinds": ["罚款"], "fine": "3000",
              "facts": "擅自搭建彩钢板房",
              "legal_basis": "《上海市拆除违法建筑若干规定》第二条"}  # fmt: skip
    right = "当事人有权要求听证，告知时须告知听证权利（行政处罚法第六十三条）"
    refused(detail, svc, "notice", right, **notice)
    assert step(detail, "notice", **notice, hearing=True).try_submit()
    assert detail.step_buttons["hearing"].isEnabled()
    assert detail.step_buttons["hearing"].toolTip() == "Alt+T"  # open: its shortcut, no reason
    refused(detail, svc, "decide", "听证申请期限至2024-05-27", decided_on=D(2024, 5, 24),
            **DECISION)  # fmt: skip
    assert step(detail, "hearing", hearing="申请听证", requested_on=D(2024, 5, 21)).try_submit()
    pending = "当事人已申请听证，听证举行后才能作出决定"
    refused(detail, svc, "decide", pending, decided_on=D(2024, 5, 28), **DECISION)
    held = {"hearing": "已听证", "notice_on": D(2024, 5, 22), "presiding": "周敏"}
    refused(detail, svc, "hearing", "举行日期最早为2024-05-31（行政处罚法第六十四条）",
            held_on=D(2024, 5, 30), **held)  # fmt: skip
    refused(detail, svc, "hearing", "李明是本案承办人，不能主持听证", held_on=D(2024, 6, 3),
            **{**held, "presiding": "李明"})  # fmt: skip
    assert step(detail, "hearing", held_on=D(2024, 6, 3), **held).try_submit()
    # a held hearing makes the case major (DOMAIN §3): reviewed and discussed first
    refused(detail, svc, "decide", "须经法制审核同意后才能作出决定", decided_on=D(2024, 6, 12),
            **DECISION)  # fmt: skip
    assert step(detail, "review", reviewer="周律", reviewed_on=D(2024, 6, 5), opinion="同意",
                reason="事实清楚").try_submit()  # fmt: skip
    refused(detail, svc, "decide", "作出决定前须经集体讨论（行政处罚法第五十七条第二款）",
            decided_on=D(2024, 6, 12), **DECISION)  # fmt: skip
    assert step(detail, "discussion", held_on=D(2024, 6, 6), participants="镇长，副镇长，执法队长",
                minutes="同意罚款三千元").try_submit()  # fmt: skip
    refused(detail, svc, "decide", "决定重于告知的拟处罚", decided_on=D(2024, 6, 12),
            **{**DECISION, "fine": "3000.01"})  # fmt: skip
    assert step(detail, "decide", decided_on=D(2024, 6, 12), **DECISION).try_submit()
    case = svc.case_files.find(NO)
    assert case.decision is not None
    assert case.decision.fine_fen == 300_000
    assert detail.step_buttons["hearing"].toolTip() == f"案件{NO}已作出决定，不能再记录此步骤"

    rows = {
        detail.timeline_table.item(r, 1).text(): detail.timeline_table.item(r, 2).text()
        for r in range(detail.timeline_table.rowCount())
    }
    assert rows["告知"] == "拟：罚款，罚款 3,000.00 元；已告知听证权利"
    assert rows["申请听证"] == ""  # the request stays on record once the hearing is held
    assert rows["听证"] == "主持人：周敏；通知送达 2024-05-22"
    assert rows["集体讨论"] == "参加：镇长、副镇长、执法队长；结论：同意罚款三千元"
    assert rows["作出决定"] == "处罚：罚款，罚款 3,000.00 元"


def test_the_window_shows_what_was_entered(
    qtbot: QtBot, svc: Services, detail: CaseDetailDialog
) -> None:
    assert detail.facts_label.text().splitlines() == [
        "违法行为：擅自搭建彩钢板房",
        "法律依据：《上海市拆除违法建筑若干规定》第二条",
        "违法地点：川沙新镇华夏东路8号",
        "当事人地址：川沙路1号",
    ]
    assert detail.facts_label.isVisible()


def test_extension_and_pause_details_in_the_timeline(
    qtbot: QtBot, svc: Services, detail: CaseDetailDialog
) -> None:
    extension = step(detail, "extension", approved_by="镇长", approved_on=D(2024, 6, 20),
                     reason="需鉴定")  # fmt: skip
    days = extension.widgets["days"]
    assert isinstance(days, QSpinBox)
    days.setValue(15)
    assert extension.try_submit()
    refused(detail, svc, "decision_pause", "截止日期：", pause_kind="鉴定",
            pause_from=D(2024, 6, 10), pause_until=D(2024, 6, 9))  # fmt: skip
    assert step(detail, "decision_pause", pause_kind="鉴定", pause_from=D(2024, 6, 10),
                pause_until=D(2024, 6, 19), pause_reason="房屋安全鉴定").try_submit()  # fmt: skip
    rows = {
        detail.timeline_table.item(r, 1).text(): detail.timeline_table.item(r, 2).text()
        for r in range(detail.timeline_table.rowCount())
    }
    assert rows["延长办案期限"] == "15天，批准人：镇长，理由：需鉴定"
    assert rows["不计入办案期限的期间"] == (
        "鉴定：2024-06-10至2024-06-19，共10天不计入办案期限（房屋安全鉴定）"
    )
    # 2024-05-06 + 90 + 15 extended + 10 paused days = 2024-08-29 (a Thursday)
    clocks = {
        detail.clock_table.item(r, 0).text(): detail.clock_table.item(r, 1).text()
        for r in range(detail.clock_table.rowCount())
    }
    assert clocks["作出决定期限"] == "2024-08-29"
