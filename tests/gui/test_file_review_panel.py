"""A file taken through the review in the GUI: sampled, scored item by item with the running
total, its defect rectified; a refused rectification shows the core's message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QDateEdit, QMessageBox, QPlainTextEdit, QToolBar
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.file_review.file_review_sampling import Stratify
from chuansha_enforce.services.container import Services
from ui.file_review_panel import FileReviewPanel
from ui.main_window import MainWindow


@pytest.fixture
def svc(demo_copy_services: Services) -> Services:
    return demo_copy_services


def test_sample_score_and_rectify(qtbot: QtBot, svc: Services, tmp_path: Path) -> None:
    panel = FileReviewPanel(svc)
    qtbot.addWidget(panel)
    panel.year.setValue(2025)
    panel.sample_size.setValue(6)
    panel.seed.setText("2025")
    panel.stratify.setCurrentIndex(panel.stratify.findData(Stratify.VIOLATION.value))
    assert panel.draw_sample()
    assert panel.files.rowCount() == 6
    assert "随机种子：2025" in panel.rule_label.text()
    assert "按违法行为类别分层" in panel.rule_label.text()
    first_no = panel.files.item(0, 1).text()
    stored = svc.file_reviews.files(svc.file_reviews.samples()[0].id)
    assert stored[0].file_no == first_no

    dialog = panel.open_score(0)
    assert dialog is not None
    assert "总分 100 分：优秀" in dialog.total_label.text()
    assert dialog.deductions["evidence_form"].text() == "不扣分"  # never "-0 分"
    dialog.deductions["evidence_form"].setValue(6)
    assert dialog.deductions["evidence_form"].text() == "扣 6 分"
    dialog.notes["evidence_form"].setText("询问笔录缺当事人签名")
    dialog.deductions["late_filing"].setValue(5)
    assert "案卷形式 20 分，案卷内容 69 分，总分 89 分：良好" in dialog.total_label.text()
    dialog.vetoes["fewer_than_two"].setChecked(True)
    assert "总分 0 分：不合格" in dialog.total_label.text()
    dialog.vetoes["fewer_than_two"].setChecked(False)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert panel.files.item(0, 4).text() == "89"
    assert panel.files.item(0, 5).text() == "良好"
    assert panel.defects.rowCount() == 2
    assert panel.defects.item(0, 4).text() == "未整改"

    form = panel.open_rectify(1)
    assert form is not None
    date_edit = form.widgets["rectified_on"]
    assert isinstance(date_edit, QDateEdit)
    date_edit.setDate(QDate(2026, 11, 27))
    text = form.widgets["rectification"]
    assert isinstance(text, QPlainTextEdit)
    text.setPlainText("已补当事人签名并附情况说明")
    assert form.try_submit()
    rectified = [panel.defects.item(r, 4).text() for r in range(panel.defects.rowCount())]
    assert "已整改（2026-11-27）" in rectified
    panel.open_only.setChecked(True)
    assert panel.defects.rowCount() == 1
    assert svc.statistics.annual(2025).to_json()["file_reviews"]["grades"]["good"] == 1
    saved = panel.save_pdf("defects", tmp_path / "整改清单.pdf")
    assert saved is not None
    text = "".join(p.extract_text() for p in PdfReader(saved).pages).replace("\n", "")
    assert "已整改：已补当事人签名并附情况说明" in text


def test_a_refused_draw_shows_the_message_and_stores_nothing(
    qtbot: QtBot, svc: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    panel = FileReviewPanel(svc)
    qtbot.addWidget(panel)
    panel.year.setValue(2020)  # the demo has no closed files in 2020
    panel.sample_size.setValue(5)
    assert not panel.draw_sample()
    assert len(shown) == 1
    assert "2020 年没有可抽查的已结案卷" in shown[0]
    panel.seed.setText("abc")
    panel.year.setValue(2025)
    assert not panel.draw_sample()
    assert "随机种子" in shown[-1]
    assert svc.file_reviews.samples() == []


def test_the_case_filters_show_with_the_case_list_only(
    qtbot: QtBot, svc: Services, tmp_path: Path
) -> None:
    window = MainWindow(svc, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    toolbar = window.findChild(QToolBar, "filterToolbar")
    assert toolbar is not None
    assert toolbar.isVisible()
    window.tabs.setCurrentWidget(window.file_review)
    assert not toolbar.isVisible()
    window.tabs.setCurrentWidget(window.case_view)
    assert toolbar.isVisible()
    window.close()
