"""The reviewer's workflow (issue 21 §3), offscreen at 1366×768: from the review queue the
case and its internal summary PDF open beside the signing form; the form says why sign
controls are hidden; the clerk's 法制审核 step is disabled with its reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import NOW
from tests.review_setup import CASE_NO, open_as, prepared
from ui.case_detail import CaseDetailDialog
from ui.main_window import MainWindow
from ui.report_preview import ReportPreview
from ui.review_dialog import ReviewDialog


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings, remember_geometry=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _on_screen(widget: QWidget) -> QRect:
    area = QGuiApplication.primaryScreen().availableGeometry()
    frame = widget.frameGeometry()
    assert area.contains(frame), (frame, area)
    return frame


def test_the_reviewer_opens_the_case_and_its_summary_beside_the_form(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clock = FixedClock(NOW)
    path = tmp_path / "office.db"
    prepared(path, clock)
    with open_as(path, clock, "zhou") as services:
        window = _window(qtbot, services, tmp_path)
        window.tabs.setCurrentWidget(window.review_queue)
        queue = window.review_queue
        queue.view.selectRow(0)
        queue.view.setFocus()
        qtbot.keyClick(queue.view, Qt.Key.Key_Return)  # Enter opens the signing form
        form = queue.dialog
        assert isinstance(form, ReviewDialog)
        qtbot.addWidget(form)
        assert form.case_no == CASE_NO
        assert form.may_sign
        assert not form.hidden_label.isVisible()
        with qtbot.waitSignal(window.report_menu.ready, timeout=60_000) as shown:
            qtbot.mouseClick(form.summary_button, Qt.MouseButton.LeftButton)
        preview = shown.args[0]
        assert isinstance(preview, ReportPreview)
        qtbot.addWidget(preview)
        assert preview.data.startswith(b"%PDF")
        assert preview.document.pageCount() >= 1
        assert preview.suggested_name.endswith("摘要.pdf")  # the internal summary
        # beside the form: the PDF on the left, the form on the right, both whole on screen
        left, right = _on_screen(preview), _on_screen(form)
        assert left.right() < right.left()
        qtbot.mouseClick(form.open_case_button, Qt.MouseButton.LeftButton)
        detail = window.detail
        assert isinstance(detail, CaseDetailDialog)
        qtbot.addWidget(detail)
        assert detail.case_no == CASE_NO
        assert _on_screen(detail).right() < _on_screen(form).left()
        # the queue's own buttons do the same for the selected case
        qtbot.mouseClick(queue.open_case_button, Qt.MouseButton.LeftButton)
        assert window.detail is not detail
        assert window.detail is not None
        qtbot.addWidget(window.detail)
        assert window.detail.case_no == CASE_NO


def test_the_form_says_why_it_cannot_be_signed(qtbot: QtBot, tmp_path: Path) -> None:
    clock = FixedClock(NOW)
    path = tmp_path / "office.db"
    prepared(path, clock)
    with open_as(path, clock, "clerk") as services:
        form = ReviewDialog(services, CASE_NO)
        qtbot.addWidget(form)
        form.show()
        assert form.hidden_label.isVisible()
        assert form.hidden_label.text() == "只有法制审核人员可以签署；当前用户：内勤小陈（内勤）"
        shown = {label.text() for label in form.findChildren(QLabel) if label.isVisible()}
        assert not {"审核结论", "理由", "密码（每次签署都要输入）"} & shown
        # the clerk's own 法制审核 step: disabled, with the reason, before any form is filled
        detail = CaseDetailDialog(services, CASE_NO)
        qtbot.addWidget(detail)
        review = detail.step_buttons["review"]
        assert not review.isEnabled()
        assert review.toolTip() == "已启用账户：法制审核须由法制审核员在程序中签署，不能直接录入"
        assert review.toolTip() == review.accessibleDescription()


def test_single_user_mode_explains_signing_needs_accounts(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, qapp: QApplication
) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo_db.read_bytes())
    with build_services(copy, FixedClock(NOW)) as services:
        number = services.cases.list_page(limit=1).rows[0].case_no
        form = ReviewDialog(services, number)
        qtbot.addWidget(form)
        form.show()
        assert not form.may_sign
        assert form.hidden_label.text() == (
            "单用户模式：签署法制审核意见须以审核人员账户登录，请先建立账户"
        )
        assert form.sign_button is None
