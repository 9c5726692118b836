"""The notice form records the circumstance (DOMAIN §17, issue 20): the proposed fine is checked
against the benchmark there, and the decision form takes the circumstance over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import StatementKind
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
NO = "川执立〔2024〕1号"


def open_step(qtbot: QtBot, svc: Services, key: str, no: str = NO) -> StepForm:
    """The case window's form of step ``key``, as a click on its button opens it."""
    detail = CaseDetailDialog(svc, no)
    qtbot.addWidget(detail)
    detail.show()
    detail.step_buttons[key].click()
    form = detail.open_form
    assert form is not None
    return form


def test_the_notice_form_checks_the_circumstance_and_the_decision_takes_it_over(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        svc.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "李四"), "李四占道设摊案",
                    D(2024, 5, 6), ("31150001", "31150002"), violation="占道设摊",
                    legal_basis="《上海市市容环境卫生管理条例》第二十五条第二项")
        )  # fmt: skip
        form = open_step(qtbot, svc, "notice")
        fill(form, notice_on=D(2024, 5, 20), kinds=["罚款"], fine="300", circumstance="一般")
        before = database_digest(svc.db_path)
        assert not form.try_submit()
        assert form.error_label.text() == (
            "罚款金额：罚款 300.00 元高于“一般”情节的裁量基准 90.00–230.00 元，须记录从重处罚及理由"
        )
        assert database_digest(svc.db_path) == before
        fill(form, deviation="从重", deviation_reason="多次劝阻拒不改正")
        assert form.try_submit()
        svc.case_files.record_statement(NO, StatementKind.STATED, D(2024, 5, 21))
        form = open_step(qtbot, svc, "decide")
        fill(form, outcome="处罚", decided_on=D(2024, 6, 3), kinds=["罚款"], fine="300")
        assert form.try_submit()  # 一般 and 从重 taken over from the notice
        assert svc.statistics.annual(2024).deviations == {"heavier": 1, "mitigated": 0}


def test_the_case_window_shows_a_repeat_after_the_decision(qtbot: QtBot, tmp_path: Path) -> None:
    """The same party fined for the same violation on another date: the decision is recorded
    and the window says which earlier case it repeats (DOMAIN §17; the CLI says it on stderr)."""
    second = "川执立〔2024〕2号"
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        for no, act in ((NO, D(2024, 4, 20)), (second, D(2024, 4, 29))):
            svc.case_files.file_case(
                NewCase(no, PartyRecord(PartyType.NATURAL_PERSON, "李四"), "李四占道设摊案",
                        D(2024, 5, 6), ("31150001", "31150002"), violation="占道设摊",
                        legal_basis="《上海市市容环境卫生管理条例》第二十五条第二项",
                        violation_on=act)
            )  # fmt: skip
        for no in (NO, second):
            form = open_step(qtbot, svc, "notice", no)
            fill(form, notice_on=D(2024, 5, 20), kinds=["罚款"], fine="200")
            assert form.try_submit(), form.error_label.text()
            svc.case_files.record_statement(no, StatementKind.STATED, D(2024, 5, 21))
        first = open_step(qtbot, svc, "decide", NO)
        fill(first, outcome="处罚", decided_on=D(2024, 6, 3), kinds=["罚款"], fine="200")
        assert first.try_submit(), first.error_label.text()
        detail = CaseDetailDialog(svc, second)
        qtbot.addWidget(detail)
        detail.show()
        detail.step_buttons["decide"].click()
        form = detail.open_form
        assert form is not None
        fill(form, outcome="处罚", decided_on=D(2024, 6, 4), kinds=["罚款"], fine="200")
        assert form.try_submit(), form.error_label.text()
        assert detail.step_note is not None
        assert detail.step_note.isVisible()
        assert detail.step_note.text() == (
            f"注意：当事人曾因同一违法行为在案件{NO}中被罚款（违法行为日期 2024-04-20），"
            "本案为再次违法，不属一事不再罚，可作为从重情节考虑"
        )
