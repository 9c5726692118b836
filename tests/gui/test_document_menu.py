"""The 文书 menu of the case window and the batch of 送达回证 from the case list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services, build_services
from tests.gui.test_case_detail import fill
from tests.integration.test_documents import (
    FINE_NO,
    NOW,
    WARNING_NO,
    D,
    _fine_case,
    _warning_case,
)
from ui.case_detail import CaseDetailDialog
from ui.main_window import MainWindow


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        _fine_case(services)
        _warning_case(services)
        yield services


def test_the_menu_shows_each_kind_with_its_state_and_makes_and_opens_one(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    dialog = CaseDetailDialog(svc, FINE_NO)
    qtbot.addWidget(dialog)
    menu = dialog.documents_menu
    assert dialog.documents_button.menu() is menu
    opened: list[Path] = []
    menu.opener = opened.append
    menu.refresh()
    actions = {a.objectName(): a for a in menu.actions()}
    assert actions["doc_penalty_decision"].text() == "行政处罚决定书　（可制作）"
    assert actions["doc_penalty_decision"].isEnabled()
    assert actions["doc_closing_approval"].text() == "结案审批表　（尚缺：结案）"
    assert not actions["doc_closing_approval"].isEnabled()
    actions["doc_penalty_decision"].trigger()
    expected = tmp_path / "文书" / "川执立〔2024〕1号-行政处罚决定书.docx"
    assert opened == [expected]
    text = "\n".join(p.text for p in docx.Document(str(expected)).paragraphs)
    assert "壹仟零伍元叁角整" in text
    menu.refresh()
    made = {a.objectName(): a.text() for a in menu.actions()}
    assert made["doc_penalty_decision"] == "行政处罚决定书　（已制作于 2024-06-28）"


def test_receipts_of_the_selected_cases_are_made_and_opened(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    opened: list[Path] = []
    window.open_document = opened.append
    selection = window.case_view.selectionModel()
    for row in range(window.case_model.rowCount()):
        selection.select(
            window.case_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    made = window.print_receipts()
    assert sorted(p.name for p in opened) == [
        "川执立〔2024〕1号-送达回证.docx",
        "川执立〔2024〕2号-送达回证.docx",
    ]
    assert len(made) == 2
    warning = tmp_path / "文书" / "川执立〔2024〕2号-送达回证.docx"
    text = "\n".join(p.text for p in docx.Document(str(warning)).paragraphs)
    assert "送达方式：当场交付" in text
    assert WARNING_NO in text


def test_the_filing_form_records_the_address_and_the_legal_representative(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    form = window.file_case()
    fill(form, case_no="川执立〔2024〕9号", filed_on=D(2024, 5, 6), party_kind="法人",
         party_name="上海某某物流有限公司", id_number="91350100M000100Y43",
         party_address="川沙路9号", legal_representative="赵六", cause="某某物流公司堆物案",
         officers="王建国（31150001）", officers_2="李明（31150002）")  # fmt: skip
    assert form.try_submit()
    party = svc.case_files.find("川执立〔2024〕9号").party
    assert (party.address, party.legal_representative) == ("川沙路9号", "赵六")
