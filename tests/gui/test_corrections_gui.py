"""更正… in the window (offscreen, 1366×768): a decided fine in the case window, a simple
decision in the entry view, an officer's certificate in the registry."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PenaltyKind, ReviewOpinion
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.review_service import SignRequest
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from tests.review_setup import BIG_FINE, CASE_NO, PASSWORDS, PERSON, open_as, prepared
from ui.case_detail import CaseDetailDialog
from ui.officer_registry import OfficerRegistryWidget
from ui.simple_entry import SimpleEntryWidget
from ui.step_form import StepForm


def _decided(path: Path, clock: FixedClock) -> None:
    prepared(path, clock)
    with open_as(path, clock, "zhou") as svc:
        svc.reviews.sign(CASE_NO, SignRequest(ReviewOpinion.AGREE, None, (), PASSWORDS["zhou"]))
    with open_as(path, clock, "clerk") as svc:
        svc.case_files.decide(CASE_NO, BIG_FINE)


def simple_fine() -> SimpleDecisionRecord:
    """A simple decision (a fine of 50 yuan on 李四) to correct."""
    return SimpleDecisionRecord(
        "沪浦川执简〔2026〕000001号",
        PartyRecord(PERSON.kind, "李四"),
        "占道设摊",
        ("31150001", "31150002"),
        BIG_FINE.decided_on,
        PenaltyKind.FINE,
        fine_fen=5_000,
    )


def _on_screen(widget: QWidget) -> None:
    """Every button of ``widget`` lies inside the office screen (1366×768)."""
    screen = QApplication.primaryScreen().availableGeometry()
    assert (screen.width(), screen.height()) == (1366, 768)
    for button in widget.findChildren(QPushButton):
        if button.isVisible():
            corner = button.mapToGlobal(button.rect().topLeft())
            assert screen.contains(QRect(corner, button.size())), button.text()


def _value(form: StepForm) -> str:
    widget = form.widgets["value"]
    assert isinstance(widget, QLineEdit)
    return widget.text()


def test_correcting_a_decided_fine_in_the_case_window(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    _decided(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        dialog = CaseDetailDialog(svc, CASE_NO)
        qtbot.addWidget(dialog)
        dialog.show()
        changes: list[object] = []
        dialog.changed.connect(changes.append)
        assert dialog.correct_button.isEnabled()
        form = dialog.open_correction()
        _on_screen(form)
        combo = form.widgets["field"]
        assert isinstance(combo, QComboBox)
        fill(form, field="罚款金额")
        assert _value(form) == "6,000.00元"  # the value now, to edit
        # Refused as on entry: heavier than the notice proposed. The form says so, stays
        # open, and the file is as it was.
        before = database_digest(db_path)
        fill(form, value="7000", reason="录入错误")
        assert not form.try_submit()
        assert form.error_label.isVisible()
        assert "告知" in form.error_label.text()
        assert database_digest(db_path) == before
        fill(form, value="5500", reason="决定书载明五千五百元")
        assert form.try_submit()
        assert changes  # the main window is told what changed
        rows = [
            tuple(dialog.timeline_table.item(r, c).text() for c in range(3))
            for r in range(dialog.timeline_table.rowCount())
        ]
        [review] = [r for r in rows if r[1] == "法制审核"]
        assert review[2] == "周律：同意（审核的拟处理意见：罚款，罚款 6,000.00 元）（已因更正失效）"
        [row] = [r for r in rows if r[1] == "更正"]
        assert row[0].startswith("2026-11-27 ")  # Beijing time
        assert row[2] == (
            "罚款金额：6,000.00元 → 5,500.00元（理由：决定书载明五千五百元；clerk）"
            "；第1轮法制审核失效，须重新审核；须撤回并重新公示"
        )
        # The next steps wait for a new review round, and say why.
        serve = dialog.step_buttons["serve"]
        assert not serve.isEnabled()
        assert "第1轮法制审核已因更正（罚款金额）失效" in serve.toolTip()
        detail = svc._db.execute(
            "SELECT detail FROM audit_log WHERE action = 'case.correct'"
        ).fetchone()[0]
        assert (json.loads(detail)["before"], json.loads(detail)["after"]) == (
            "6,000.00元",
            "5,500.00元",
        )
        assert svc.verify().ok


def test_correcting_a_simple_decision_in_the_entry_view(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        record = simple_fine()
        svc.simple.record(record)
        view = SimpleEntryWidget(svc)
        qtbot.addWidget(view)
        view.show()
        view.last_saved = record.decision_no
        form = view.open_correction()
        _on_screen(form)
        fill(form, field="当事人")
        assert _value(form) == "李四"
        fill(form, value="李小四", reason="身份证姓名为李小四")
        assert form.try_submit()
        form = view.open_correction()
        history = form.findChild(QLabel, "correctionHistory")
        assert history is not None
        assert history.text() == (
            "已有更正：2026-11-27 10:00 当事人 李四 → 李小四（身份证姓名为李小四）"
        )
        fill(form, field="罚款金额", value="300", reason="错")
        assert not form.try_submit()
        assert "200.00" in form.error_label.text()
        [row] = svc.simple.list_page().rows
        assert (row.party_name, row.fine_fen) == ("李小四", 5_000)
        assert view.status_label.text() == "已更正"


def test_administrators_correct_an_officer_in_the_registry(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        clerk_view = OfficerRegistryWidget(svc)
        qtbot.addWidget(clerk_view)
        assert not clerk_view.correct_button.isEnabled()
    with open_as(db_path, clock, "admin") as svc:
        registry = OfficerRegistryWidget(svc)
        qtbot.addWidget(registry)
        registry.show()
        numbers = [registry.table.item(r, 1).text() for r in range(registry.table.rowCount())]
        registry.table.setCurrentCell(numbers.index("31150002"), 0)
        form = registry.open_correction()
        _on_screen(form)
        fill(form, field="姓名")
        assert _value(form) == "李明"
        fill(form, value="李铭", reason="执法证上为李铭")
        assert form.try_submit()
        names = {registry.table.item(r, 1).text(): registry.table.item(r, 0).text()
                 for r in range(registry.table.rowCount())}  # fmt: skip
        assert names == {"31150001": "王建国", "31150002": "李铭"}
