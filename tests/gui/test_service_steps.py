"""Service by the book in the case window: a refused 公告送达 says why, an attempt opens it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision, StatementKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog
from ui.step_form import StepForm

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
NO = "C1"


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        services.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "李四"), "李四占道设摊案",
                    D(2024, 5, 6), ("31150001", "31150002"), violation="占道设摊",
                    legal_basis="《上海市市容环境卫生管理条例》第二十四条")
        )  # fmt: skip
        notice = AdvanceNotice(D(2024, 5, 20), statement_on=D(2024, 5, 21),
                               statement_kind=StatementKind.STATED,
                               proposed_kinds=frozenset({PenaltyKind.FINE}),
                               proposed_fine_fen=20_000, facts="占道设摊",
                               basis="《上海市市容环境卫生管理条例》第二十四条")  # fmt: skip
        services.case_files.record_notice(NO, notice)
        services.case_files.decide(
            NO, Decision("沪浦川执罚〔2024〕7号", D(2024, 6, 3), Outcome.PENALTY,
                         frozenset({PenaltyKind.FINE}), fine_fen=20_000)
        )  # fmt: skip
        yield services


def test_public_notice_needs_a_recorded_attempt_first(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.show()

    def step(key: str, **values: object) -> StepForm:
        detail.step_buttons[key].click()
        assert detail.open_form is not None
        fill(detail.open_form, **values)
        return detail.open_form

    before = database_digest(svc.db_path)
    form = step("serve", served_on=D(2024, 6, 20), service_method="公告送达")
    assert not form.try_submit()
    assert form.error_label.text().startswith(
        "送达方式：公告送达前须已尝试直接、留置、邮寄或委托送达"
    )
    assert database_digest(svc.db_path) == before
    form.reject()
    assert step("serve_attempt", attempted_on=D(2024, 6, 5), service_method="直接送达",
                attempt_result="未成功", note="无人应门").try_submit()  # fmt: skip
    assert step("serve", served_on=D(2024, 6, 20), service_method="公告送达").try_submit()
    rows = [
        tuple(detail.timeline_table.item(r, c).text() for c in range(3))
        for r in range(detail.timeline_table.rowCount())
    ]
    assert ("2024-06-05", "送达未成功", "直接送达，未成功，无人应门") in rows
    assert ("2024-06-20", "送达", "公告送达") in rows
    assert not detail.step_buttons["serve_attempt"].isEnabled()


def test_left_service_needs_a_witness_in_the_window(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.show()
    detail.step_buttons["serve"].click()
    form = detail.open_form
    assert form is not None
    fill(form, served_on=D(2024, 6, 5), service_method="留置送达")
    assert not form.try_submit()
    assert "民事诉讼法第八十九条" in form.error_label.text()
    fill(form, service_witness="居委会 赵敏")
    assert form.try_submit()
    rows = [
        detail.timeline_table.item(r, 2).text() for r in range(detail.timeline_table.rowCount())
    ]
    assert "留置送达，见证人 居委会 赵敏" in rows


def test_evidence_is_recorded_in_the_window_and_shown_in_the_timeline(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with build_services(tmp_path / "other.db", FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        svc.case_files.file_case(
            NewCase("C2", PartyRecord(PartyType.NATURAL_PERSON, "王五"), "王五占道设摊案",
                    D(2024, 5, 6), ("31150001", "31150002"), clue_on=D(2024, 5, 3))
        )  # fmt: skip
        detail = CaseDetailDialog(svc, "C2")
        qtbot.addWidget(detail)
        detail.show()
        detail.step_buttons["evidence"].click()
        form = detail.open_form
        assert form is not None
        fill(form, evidence_kind="视听资料", evidence_description="现场照片6张",
             obtained_on=D(2024, 5, 2))  # fmt: skip
        before = database_digest(svc.db_path)
        assert not form.try_submit()
        assert form.error_label.text() == (
            "取证日期：日期2024-05-02早于违法行为或发现线索日期（2024-05-03）"
        )
        assert database_digest(svc.db_path) == before
        fill(form, obtained_on=D(2024, 5, 3))
        assert form.try_submit()
        rows = [
            tuple(detail.timeline_table.item(r, c).text() for c in range(3))
            for r in range(detail.timeline_table.rowCount())
        ]
        assert ("2024-05-03", "证据", "视听资料：现场照片6张") in rows
