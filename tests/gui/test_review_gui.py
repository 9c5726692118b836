"""Logging in, a reviewer signing in the review dialog, a clerk without a sign button, and the
idle lock (with a short injected timeout)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMainWindow, QPushButton, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.session import Login
from tests.conftest import database_digest
from tests.review_setup import CASE_NO, CHEAP, PASSWORDS, open_as, prepared
from ui.account_dialog import AccountDialog
from ui.account_menu import install_account_menu
from ui.idle_lock import IdleLock
from ui.login_dialog import LoginDialog
from ui.review_dialog import ReviewDialog
from ui.review_queue import ReviewQueueWidget


def _ok(dialog: LoginDialog[object]) -> QPushButton:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _review(qtbot: QtBot, queue: ReviewQueueWidget) -> ReviewDialog:
    """The review form of the queue's first case, as a double click opens it."""
    qtbot.addWidget(queue)
    dialog = queue.open_review(0)
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_login_dialog_refuses_then_logs_in(qtbot: QtBot, db_path: Path, clock: FixedClock):
    prepared(db_path, clock)
    opened: list[Services] = []

    def attempt(name: str, password: str) -> Services:
        services = build_services(db_path, clock, login=Login(name, password), password_cost=CHEAP)
        opened.append(services)
        return services

    dialog: LoginDialog[Services] = LoginDialog(attempt)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("zhou")
    dialog.password.setText("wrong")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text() == "密码：用户名或密码错误"
    assert dialog.password.text() == ""
    dialog.password.setText(PASSWORDS["zhou"])
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert dialog.result_value is not None
    assert dialog.result_value.session.account is not None
    assert dialog.result_value.session.account.display_name == "周律"
    for services in opened:
        services.close()


def test_reviewer_signs_and_the_signed_state_shows(
    qtbot: QtBot, qtmodeltester: ModelTester, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "zhou") as services:
        queue = ReviewQueueWidget(services)
        qtbot.addWidget(queue)
        qtmodeltester.check(queue.model)
        assert queue.model.rowCount() == 1
        assert queue.model.data(queue.model.index(0, 0)) == CASE_NO
        assert not queue.submit_button.isVisibleTo(queue)  # reviewers do not submit
        dialog = _review(qtbot, queue)
        assert dialog.sign_button is not None
        dialog.problems["evidence"].setChecked(True)
        dialog.notes["evidence"].setText("缺少现场照片")
        dialog.opinion.setCurrentIndex(dialog.opinion.findData(ReviewOpinion.SUPPLEMENT.value))
        dialog.reasons.setPlainText("请补充现场照片")
        dialog.password.setText("wrong-password")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert "用户名或密码错误" in dialog.state.text()
        assert dialog.rounds.count() == 0
        dialog.password.setText(PASSWORDS["zhou"])
        with qtbot.waitSignal(dialog.signed):
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.state.text() == "第1轮已签署：建议补充调查（签名有效）"
        assert dialog.rounds.count() == 1
        assert "签名有效" in dialog.rounds.item(0).text()
        assert not dialog.sign_button.isEnabled()
        assert queue.model.rowCount() == 0  # answered
        assert services.verify().ok


def test_a_clerk_has_no_sign_button_but_submits(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as services:
        queue = ReviewQueueWidget(services)
        dialog = _review(qtbot, queue)
        assert dialog.sign_button is None
        assert dialog.findChild(QPushButton, "signButton") is None
        # why there is nothing to sign, and no labels of a form not shown
        assert dialog.hidden_label.text() == "只有法制审核人员可以签署；当前用户：内勤小陈（内勤）"
        texts = {label.text() for label in dialog.findChildren(QLabel)}
        assert "密码（每次签署都要输入）" not in texts
        # A second submission while one is pending is refused, said in the tab; the case is
        # given by its short number (2026-7 for 川执立〔2026〕7号)
        queue.case_no.setEditText("2026-7")
        queue.materials.setText("调查终结报告、现场照片")
        qtbot.mouseClick(queue.submit_button, Qt.MouseButton.LeftButton)
        assert "已报送法制审核，尚待审核" in queue.message.text()


def test_idle_lock_hides_windows_until_the_password(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as services:
        window = QWidget()
        qtbot.addWidget(window)
        window.show()
        account = services.session.account
        assert account is not None
        lock = IdleLock(window, services, account, timeout_ms=150)
        assert services.settings.current().idle_lock_minutes == 15  # production setting
        with qtbot.waitSignal(lock.locked, timeout=3000):
            pass
        assert lock.is_locked
        assert not window.isVisible()
        dialog = lock.dialog
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.name.text() == "clerk"
        assert dialog.name.isReadOnly()
        dialog.password.setText("wrong")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        assert lock.is_locked
        assert "用户名或密码错误" in dialog.error.text()
        dialog.password.setText(PASSWORDS["clerk"])
        with qtbot.waitSignal(lock.unlocked):
            qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        assert window.isVisible()
        assert not lock.is_locked
        assert lock.timer.isActive()  # counting again
        # Input restarts the countdown: keep typing and it never locks.
        for _ in range(4):
            qtbot.wait(60)
            qtbot.keyClick(window, Qt.Key.Key_A)
        assert not lock.is_locked


def test_an_admin_adds_a_reviewer_in_the_account_dialog(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as services:
        window = QMainWindow()
        qtbot.addWidget(window)
        install_account_menu(window, services)
        assert window.findChild(QAction, "manageAccounts") is not None
        dialog = AccountDialog(services, parent=window)
        qtbot.addWidget(dialog)
        assert dialog.accounts.rowCount() == 4
        dialog.name.setText("wu")
        dialog.display.setText("吴律")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.REVIEWER.value))
        dialog.password.setText("wu-pass-12")
        dialog.repeat.setText("wu-pass-12")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert "法律职业资格证号" in dialog.message.text()
        dialog.qualification.setText("A2020310000456")
        dialog.password.setText("wu-pass-12")
        dialog.repeat.setText("wu-pass-12")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.message.text() == "已添加账户 wu"
        assert dialog.accounts.rowCount() == 5
    with open_as(db_path, clock, "clerk") as services:
        window = QMainWindow()
        qtbot.addWidget(window)
        install_account_menu(window, services)
        assert window.findChild(QAction, "manageAccounts") is None  # clerks do not manage


def test_a_too_long_note_or_reason_is_said_at_once_by_its_label_and_nothing_is_signed(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "zhou") as services:
        dialog = _review(qtbot, ReviewQueueWidget(services))
        assert dialog.sign_button is not None
        note = dialog.notes["evidence"]
        assert note.maxLength() == 10_001
        dialog.problems["evidence"].setChecked(True)
        note.setText("缺" * 12_000)  # a paste: cut one past the limit
        assert len(note.text()) == 10_001
        assert dialog.state.text() == "证据合法充分：最多 10000 个字"  # before 签署
        dialog.opinion.setCurrentIndex(dialog.opinion.findData(ReviewOpinion.SUPPLEMENT.value))
        dialog.password.setText(PASSWORDS["zhou"])
        before = database_digest(db_path)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.state.text() == "证据合法充分：最多 10000 个字"
        assert dialog.password.text() == PASSWORDS["zhou"]  # kept: nothing was sent
        assert database_digest(db_path) == before
        note.setText("缺少现场照片")
        assert dialog.state.text() == ""  # the message goes with the excess
        dialog.reasons.setPlainText("理" * 10_001)
        assert dialog.state.text() == "理由：最多 10000 个字"
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.focusWidget() is dialog.reasons
        assert database_digest(db_path) == before
        assert dialog.rounds.count() == 0
        dialog.reasons.setPlainText("理" * 10_000)
        with qtbot.waitSignal(dialog.signed):
            qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        assert dialog.rounds.count() == 1
