"""A general case taken through its steps in the GUI, and a refused step's message."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Hearing
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import HearingState, PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from ui.case_detail import CaseDetailDialog
from ui.main_window import MainWindow
from ui.step_form import OptionalDate, StepForm

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        yield services


def fill(form: StepForm, **values: object) -> None:
    """Set form fields the way a user would leave them (Chinese text set directly)."""
    for key, value in values.items():
        widget: QWidget = form.widgets[key]
        if isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QDateEdit):
            assert isinstance(value, dt.date)
            widget.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(widget, OptionalDate):
            assert isinstance(value, dt.date)
            widget.set_value(value)
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findText(str(value))
            assert index >= 0, (key, value)
            widget.setCurrentIndex(index)
        else:  # multi-choice: a row of check boxes
            for box in widget.findChildren(QCheckBox):
                box.setChecked(box.text() in value)  # type: ignore[operator]


def test_file_a_case_and_take_it_through_its_steps(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    form = window.file_case()
    fill(form, case_no="川执立〔2024〕7号", filed_on=D(2024, 5, 6), party_kind="自然人",
         party_name="张三", id_number="11010519491231002X", cause="张三占道设摊案",
         officers="王建国（31150001）", officers_2="李明（31150002）")  # fmt: skip
    assert form.try_submit()
    assert window.case_model.rowCount() == 1
    detail = window.open_case(0)
    qtbot.addWidget(detail)
    assert "川执立〔2024〕7号" in detail.header.text()
    assert not detail.step_buttons["serve"].isEnabled()
    # available_steps says why a step is not open, beside its button
    assert detail.step_buttons["serve"].toolTip() == "案件川执立〔2024〕7号尚未作出决定"
    assert not detail.step_buttons["statement"].isEnabled()

    def step(key: str, **values: object) -> StepForm:
        detail.step_buttons[key].click()
        assert detail.open_form is not None
        fill(detail.open_form, **values)
        return detail.open_form

    assert step("notice", notice_on=D(2024, 5, 20), kinds=["罚款"], fine="200",
                facts="占道设摊", legal_basis="《上海市市容环境卫生管理条例》第二十四条",
                ).try_submit()  # fmt: skip
    assert detail.step_buttons["statement"].isEnabled()
    assert detail.step_buttons["statement"].toolTip() == "Alt+C"  # open: its shortcut
    assert step("decide", outcome="处罚", decision_no="沪浦川执罚〔2024〕7号",
                decided_on=D(2024, 6, 3), kinds=["罚款"], fine="200").try_submit()  # fmt: skip
    assert detail.step_buttons["serve"].isEnabled()
    assert step("serve", served_on=D(2024, 6, 5), service_method="直接送达").try_submit()
    assert step("pay", paid_on=D(2024, 6, 12), amount="200", receipt_no="A1").try_submit()
    assert step("close", closed_on=D(2024, 6, 20)).try_submit()
    case = svc.case_files.find("川执立〔2024〕7号")
    assert case.status.label == "已结案"
    assert case.decision is not None
    assert case.decision.fine_fen == 20_000
    steps_shown = [detail.timeline_table.item(r, 1).text()
                   for r in range(detail.timeline_table.rowCount())]  # fmt: skip
    assert steps_shown == ["立案", "告知", "作出决定", "送达", "缴款", "结案"]
    assert "应缴 0.00 元" in detail.money_label.text()
    assert window.case_model.case_at(0).status.label == "已结案"


def test_a_refused_step_shows_the_message_and_changes_nothing(qtbot: QtBot, svc: Services) -> None:
    person = PartyRecord(PartyType.NATURAL_PERSON, "李四")
    svc.case_files.file_case(
        NewCase("川执立〔2024〕1号", person, "案由", D(2024, 5, 6), ("31150001", "31150002"))
    )
    detail = CaseDetailDialog(svc, "川执立〔2024〕1号")
    qtbot.addWidget(detail)
    detail.show()
    detail.step_buttons["decide"].click()
    form = detail.open_form
    assert form is not None
    fill(form, outcome="处罚", decision_no="X1", decided_on=D(2024, 6, 3), kinds=[], fine="")
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.isVisible()
    assert form.error_label.isVisible()
    assert form.error_label.text() == "处罚种类：处罚决定至少要有一种处罚种类"
    assert form.focusWidget() is not None
    assert database_digest(svc.db_path) == before
    fill(form, kinds=["罚款"], fine="二百")
    assert not form.try_submit()
    assert form.error_label.text() == "罚款金额：“二百”不是有效的金额"
    fill(form, fine="200")
    assert not form.try_submit()  # no advance notice yet
    assert "第六十二条" in form.error_label.text()
    assert database_digest(svc.db_path) == before


def test_officer_registry_registers_and_refuses(qtbot: QtBot, svc: Services, tmp_path: Path):
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    registry = window.officer_registry
    assert registry.table.rowCount() == 2
    form = registry.open_register()
    fill(form, officer_name="孙丽", certificate_no="31150009", issued_on=D(2024, 1, 2))
    assert form.try_submit()
    assert registry.table.rowCount() == 3
    names = {registry.table.item(r, 0).text() for r in range(3)}
    assert "孙丽" in names
    again = registry.open_register()
    fill(again, officer_name="孙丽", certificate_no="31150009", issued_on=D(2024, 1, 2))
    assert not again.try_submit()
    assert again.error_label.text() == "执法证号：执法证号31150009已登记"
    fill(again, certificate_no="31150010", status="注销")
    assert not again.try_submit()
    assert again.error_label.text().startswith("注销日期：")


def test_a_major_case_is_decided_in_the_gui_only_after_an_agreed_review(
    qtbot: QtBot, svc: Services
) -> None:
    no = "川执立〔2024〕9号"
    svc.case_files.file_case(NewCase(no, PartyRecord(PartyType.NATURAL_PERSON, "王五"), "案由",
                                     D(2024, 5, 6), ("31150001", "31150002")))  # fmt: skip
    notice = AdvanceNotice(
        D(2024, 5, 8),
        hearing_offered=True,
        proposed_kinds=frozenset({PenaltyKind.FINE}),
        proposed_fine_fen=500_000,
        facts="占道设摊",
        basis="《上海市市容环境卫生管理条例》第二十四条",
    )
    svc.case_files.record_notice(no, notice)
    svc.case_files.record_hearing(no, Hearing(HearingState.WAIVED, waived_on=D(2024, 5, 9)))
    detail = CaseDetailDialog(svc, no)
    qtbot.addWidget(detail)
    detail.show()

    def step(key: str, **values: object) -> StepForm:
        detail.step_buttons[key].click()
        assert detail.open_form is not None
        fill(detail.open_form, **values)
        return detail.open_form

    decision = {"outcome": "处罚", "decision_no": "沪浦川执罚〔2024〕9号",
                "decided_on": D(2024, 6, 20), "kinds": ["罚款"], "fine": "5000"}  # fmt: skip
    before = database_digest(svc.db_path)
    refused = step("decide", **decision)
    assert not refused.try_submit()
    assert "须经法制审核同意后才能作出决定" in refused.error_label.text()
    assert database_digest(svc.db_path) == before
    refused.reject()
    assert step("review", reviewer="周律", reviewed_on=D(2024, 6, 10),
                opinion="建议补充调查", reason="补充现场照片").try_submit()  # fmt: skip
    again = step("decide", **decision)
    assert not again.try_submit()
    assert "须经法制审核同意" in again.error_label.text()
    again.reject()
    assert step("review", reviewer="周律", reviewed_on=D(2024, 6, 18), opinion="同意",
                reason="事实清楚").try_submit()  # fmt: skip
    undiscussed = step("decide", **decision)
    assert not undiscussed.try_submit()
    assert "须经集体讨论（行政处罚法第五十七条第二款）" in undiscussed.error_label.text()
    undiscussed.reject()
    too_few = step("discussion", held_on=D(2024, 6, 19), participants="镇长，副镇长",
                   minutes="同意罚款五千元")  # fmt: skip
    assert not too_few.try_submit()
    assert too_few.error_label.text() == (
        "参加人员：集体讨论至少须有3名负责人参加（行政处罚法第五十七条第二款）"
    )
    fill(too_few, participants="镇长，副镇长，执法队长")
    assert too_few.try_submit()
    assert step("decide", **decision).try_submit()
    case = svc.case_files.find(no)
    assert case.decision is not None
    assert case.decision.fine_fen == 500_000
    assert [r.opinion.label for r in case.reviews] == ["建议补充调查", "同意"]


def test_the_full_id_number_is_shown_on_request_and_logged(qtbot: QtBot, svc: Services) -> None:
    no = "川执立〔2024〕11号"
    svc.case_files.file_case(NewCase(no, PartyRecord(PartyType.NATURAL_PERSON, "赵六",
                                                     "11010519491231002X"), "案由",
                                     D(2024, 5, 6), ("31150001", "31150002")))  # fmt: skip
    detail = CaseDetailDialog(svc, no)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.id_label.text() == "证件号码：110105********002X"
    assert detail.reveal_button.isVisible()
    audit = "SELECT count(*) FROM audit_log WHERE action = 'party.id_viewed'"
    assert svc._db.execute(audit).fetchone()[0] == 0
    assert detail.reveal_id_number()
    assert detail.id_label.text() == "证件号码：11010519491231002X"
    assert not detail.reveal_button.isVisible()
    row = svc._db.execute(
        "SELECT user, object_id FROM audit_log WHERE action = 'party.id_viewed'"
    ).fetchall()
    assert row == [("单用户", no)]
    assert svc.verify_audit() is None


def test_a_read_only_window_cannot_log_the_viewing_so_does_not_show_it(
    qtbot: QtBot, svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    no = "川执立〔2024〕12号"
    svc.case_files.file_case(NewCase(no, PartyRecord(PartyType.NATURAL_PERSON, "钱七",
                                                     "11010519491231002X"), "案由",
                                     D(2024, 5, 6), ("31150001", "31150002")))  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    with build_services(svc.db_path, FixedClock(NOW), read_only=True) as reader:
        detail = CaseDetailDialog(reader, no)
        qtbot.addWidget(detail)
        assert not detail.reveal_id_number()
        assert detail.id_label.text() == "证件号码：110105********002X"
        detail.close()
    assert len(shown) == 1
