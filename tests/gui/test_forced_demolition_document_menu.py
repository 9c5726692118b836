"""The case window's 文书 menu offers the forced-demolition documents of a demolition case
(disabled, with the step they wait for, until it is recorded) and none to a fine case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW
from tests.forced_walk import NO, OFFICERS, run_step
from tests.gate_walk import book_with
from tests.integration.test_documents import FINE_NO, _fine_case
from tests.integration.test_forced_demolition_cli import ANNOUNCE, TO_DECISION
from ui.case_detail import CaseDetailDialog


def test_the_menu_offers_the_forced_documents_once_their_steps_are_recorded(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = book_with(tmp_path / "cases.db", OFFICERS)
    for argv in TO_DECISION:
        assert run_step(db, argv) == 0, argv
    with build_services(db, FixedClock(NOW)) as services:
        dialog = CaseDetailDialog(services, NO)
        qtbot.addWidget(dialog)
        menu = dialog.documents_menu
        opened: list[Path] = []
        menu.opener = opened.append
        menu.refresh()
        actions = {a.objectName(): a for a in menu.actions()}
        assert actions["doc_forced_decision"].text() == "强制拆除决定书　（可制作）"
        assert actions["doc_demolition_reminder"].isEnabled()
        announcement = actions["doc_forced_announcement"]
        assert announcement.text() == "强制拆除公告　（尚缺：强制拆除公告（case announce））"
        assert not announcement.isEnabled()
        assert "doc_correction_order" in actions
        actions["doc_forced_decision"].trigger()
        expected = tmp_path / "文书" / f"{NO}-强制拆除决定书.docx"
        assert opened == [expected]
        text = "\n".join(p.text for p in docx.Document(str(expected)).paragraphs)
        assert "沪浦川执强拆〔2026〕000001号" in text
    assert run_step(db, ANNOUNCE) == 0
    with build_services(db, FixedClock(NOW)) as services:
        dialog = CaseDetailDialog(services, NO)
        qtbot.addWidget(dialog)
        dialog.documents_menu.refresh()
        actions = {a.objectName(): a for a in dialog.documents_menu.actions()}
        assert actions["doc_forced_announcement"].isEnabled()


def test_a_fine_case_is_offered_no_forced_demolition_document(qtbot: QtBot, tmp_path: Path) -> None:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)))
        _fine_case(services)
        dialog = CaseDetailDialog(services, FINE_NO)
        qtbot.addWidget(dialog)
        dialog.documents_menu.refresh()
        names = {a.objectName() for a in dialog.documents_menu.actions()}
        assert "doc_penalty_decision" in names
        assert not names & {"doc_demolition_reminder", "doc_forced_decision",
                            "doc_forced_announcement"}  # fmt: skip
