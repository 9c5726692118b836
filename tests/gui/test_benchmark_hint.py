"""The notice and decision forms suggest the discretion benchmark (DOMAIN §17), offscreen at
1366x768: the statutory range as soon as the form opens on a catalogue violation, the
benchmark's range, the statutory range and the source once a circumstance is chosen (an
administrator's row in force on the form's date replacing the shipped default), and the
notice's circumstance recorded beside it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
NO = "川执立〔2024〕1号"
BASIS = "《上海市市容环境卫生管理条例》第二十五条第二项"
STATUTORY = f"法定幅度 50.00–500.00 元（{BASIS}）"
OFFICIAL = Benchmark("占道设摊", BASIS, "较重", 5_000, 50_000, 20_000, 30_000,
                     "沪城管规〔2024〕2号", D(2024, 6, 1))  # fmt: skip


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        services.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "李四"), "李四占道设摊案",
                    D(2024, 5, 6), ("31150001", "31150002"), violation="占道设摊",
                    legal_basis=BASIS)
        )  # fmt: skip
        services.discretion.save_table([OFFICIAL])
        yield services


def _open(qtbot: QtBot, svc: Services, key: str) -> CaseDetailDialog:
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    detail.step_buttons[key].click()
    return detail


def test_the_notice_form_suggests_the_range_and_records_the_circumstance(
    qtbot: QtBot, svc: Services
) -> None:
    detail = _open(qtbot, svc, "notice")
    form = detail.open_form
    assert form is not None
    assert form.warning_label.text() == STATUTORY
    fill(form, notice_on=D(2024, 5, 20), circumstance="较重")
    # before the administrator's row takes effect (2024-06-01): the shipped default
    assert form.warning_label.text() == (
        "裁量基准（较重）230.00–370.00 元，依据 "
        "程序内置默认值（按法定幅度四档划分；请导入正式裁量基准）"
        f"（2000-01-01 起施行）；{STATUTORY}"
    )
    fill(form, notice_on=D(2024, 6, 3))
    assert form.warning_label.text() == (
        "裁量基准（较重）200.00–300.00 元，依据 沪城管规〔2024〕2号（2024-06-01 起施行）；"
        f"{STATUTORY}"
    )
    fill(form, kinds=["罚款"], fine="250", statement_on=D(2024, 6, 4))
    assert form.try_submit(), form.error_label.text()
    assert svc.discretion.notice_circumstance(NO) == "较重"


def test_the_decision_form_suggests_the_range(qtbot: QtBot, svc: Services) -> None:
    detail = _open(qtbot, svc, "decide")
    form = detail.open_form
    assert form is not None
    fill(form, decided_on=D(2024, 6, 20), circumstance="轻微")
    assert form.warning_label.text().startswith(
        "裁量基准（轻微）50.00–90.00 元，依据 程序内置默认值"
    )
    fill(form, circumstance="较重")
    assert form.warning_label.text().startswith("裁量基准（较重）200.00–300.00 元，依据 沪城管规")
    fill(form, circumstance="")
    assert form.warning_label.text() == STATUTORY


def test_english_mode_suggests_in_english(qtbot: QtBot, svc: Services) -> None:
    detail = CaseDetailDialog(svc, NO, "en")
    qtbot.addWidget(detail)
    detail.show()
    detail.step_buttons["decide"].click()
    form = detail.open_form
    assert form is not None
    fill(form, decided_on=D(2024, 6, 20), circumstance="较重")
    assert form.warning_label.text() == (
        "benchmark (较重) 200.00–300.00, per 沪城管规〔2024〕2号 (in force from 2024-06-01); "
        f"statutory range 50.00–500.00 ({BASIS})"
    )
