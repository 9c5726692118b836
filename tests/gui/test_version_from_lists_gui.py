"""Edits started from a list carry the version the list read with the case's row (issue 23):
the case list's batch of 送达回证, the legal-review queue's 报送 of a case picked from the
offered rows, and the 复议诉讼 登记 form (which shows the case its typed number means).
Another PC's edit meanwhile refuses the try with "已被他人修改，请刷新后再试", nothing of it
written; the list (the picker, the form) then shows the case as it is and the next try goes
through. Both backends."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QSettings
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.documents.documents import DocumentKind
from chuansha_enforce.domain.enums import EvidenceKind
from chuansha_enforce.services.container import build_services
from tests.conftest import database_digest
from tests.integration.test_case_versions import NO as FILED
from tests.integration.test_case_versions import _book
from tests.integration.test_documents import FINE_NO, NOW, WARNING_NO, _fine_case, _warning_case
from tests.review_setup import (
    CASE_NO,
    OFFICERS,
    make_accounts,
    make_major_case,
    open_as,
    register_officers,
)
from ui.dispute_panel import DisputePanel
from ui.main_window import MainWindow
from ui.review_queue import ReviewQueueWidget
from ui.runner import OperationRunner

D = dt.date
STALE = "已被他人修改，请刷新后再试"
REVIEW_NOW = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)
RECEIPT = "送达回证"


def _select(window: MainWindow, numbers: set[str]) -> None:
    selection = window.case_view.selectionModel()
    selection.clearSelection()
    for row in range(window.case_model.rowCount()):
        if window.case_model.case_at(row).case_no in numbers:
            selection.select(
                window.case_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def _listed_version(window: MainWindow, case_no: str) -> int:
    rows = range(window.case_model.rowCount())
    return next(
        window.case_model.case_at(r).version
        for r in rows
        if window.case_model.case_at(r).case_no == case_no
    )


def _message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the warnings the window shows, in order (no box opens offscreen)."""
    texts: list[str] = []
    monkeypatch.setattr(
        "ui.error_dialogs.QMessageBox.warning", lambda _p, _t, text: texts.append(text)
    )
    return texts


def test_a_batch_of_receipts_refuses_a_case_changed_since_the_list_read_it(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shown = _message_boxes(monkeypatch)
    with build_services(backend, FixedClock(NOW)) as clerk:
        for officer in OFFICERS:
            clerk.officers.register(officer)
        _fine_case(clerk)
        _warning_case(clerk)
    with (
        build_services(backend, FixedClock(NOW)) as clerk,
        build_services(backend, FixedClock(NOW)) as other_pc,
    ):
        window = MainWindow(clerk, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        opened: list[Path] = []
        window.open_document = opened.append
        fine_read = _listed_version(window, FINE_NO)
        warning_read = _listed_version(window, WARNING_NO)
        assert fine_read == clerk.case_files.find(FINE_NO).version > 0  # read with the row
        # meanwhile another PC makes the decision's 文书 of one of them
        other_pc.documents.make(FINE_NO, DocumentKind.PENALTY_DECISION, tmp_path / "o.docx")
        _select(window, {FINE_NO, WARNING_NO})
        made = window.print_receipts()
        assert shown == [STALE]  # the changed case, said once; the other one is made
        assert [m.path.name for m in made] == [f"{WARNING_NO}-{RECEIPT}.docx"]
        assert [p.name for p in opened] == [f"{WARNING_NO}-{RECEIPT}.docx"]
        fine = clerk.case_files.find(FINE_NO)
        assert fine.version == fine_read + 1  # the other PC's edit only
        receipt = DocumentKind.SERVICE_RECEIPT
        states = {state.kind: state.made for state in clerk.documents.states(FINE_NO)}
        assert states[receipt] is None  # nothing of the refused receipt written
        # the rows were read again: each at the version its case now has
        assert _listed_version(window, FINE_NO) == fine_read + 1
        assert _listed_version(window, WARNING_NO) == warning_read + 1  # its own receipt
        shown.clear()
        _select(window, {FINE_NO, WARNING_NO})
        again = window.print_receipts()
        assert shown == []
        assert sorted(m.path.name for m in again) == [
            f"{FINE_NO}-{RECEIPT}.docx",
            f"{WARNING_NO}-{RECEIPT}.docx",
        ]
        assert clerk.case_files.find(FINE_NO).version == fine_read + 2
        window.close()  # while its case book is open (closing may back it up)


def _offer(queue: ReviewQueueWidget, typed: str) -> None:
    """Typing into the picker (the user's edit signal), then picking the first row offered."""
    line = queue.case_no.lineEdit()
    assert line is not None
    line.setText(typed)
    line.textEdited.emit(typed)
    assert queue.case_no.count() >= 1
    queue.case_no.setCurrentIndex(0)


def test_a_submission_of_a_picked_case_changed_since_it_was_offered_is_refused(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock = FixedClock(REVIEW_NOW)
    make_accounts(backend, clock)
    with open_as(backend, clock, "admin") as admin:
        register_officers(admin)
    with open_as(backend, clock, "clerk") as clerk, open_as(backend, clock, "clerk") as other:
        make_major_case(clerk)
        queue = ReviewQueueWidget(clerk)
        qtbot.addWidget(queue)
        _offer(queue, "2026-7")
        read = clerk.case_files.find(CASE_NO).version
        assert queue.case_no.shown_version() == read
        evidence = EvidenceItem(EvidenceKind.DOCUMENTARY, "补充询问笔录", D(2026, 10, 25))
        other.case_files.record_evidence(CASE_NO, evidence)  # another PC, meanwhile
        queue.materials.setText("调查终结报告、现场照片")
        before = database_digest(backend)
        queue.submit()
        assert queue.message.text() == STALE
        assert database_digest(backend) == before
        assert clerk.reviews.queue() == []
        # the picker offers the case again, as it is now: the next try goes through
        assert queue.case_no.shown_version() == read + 1
        queue.submit()
        assert queue.message.text().startswith(f"{CASE_NO} 已报送")
        assert [row.submission.case_no for row in clerk.reviews.queue()] == [CASE_NO]
        assert clerk.case_files.find(CASE_NO).version == read + 2


def test_a_number_typed_and_not_picked_carries_no_version(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing of the case was shown: the submission reads it inside its own transaction."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    clock = FixedClock(REVIEW_NOW)
    path = tmp_path / "office.db"
    make_accounts(path, clock)
    with open_as(path, clock, "admin") as admin:
        register_officers(admin)
    with open_as(path, clock, "clerk") as clerk:
        make_major_case(clerk)
        queue = ReviewQueueWidget(clerk)
        qtbot.addWidget(queue)
        queue.case_no.setEditText(CASE_NO)
        assert queue.case_no.shown_version() is None
        queue.materials.setText("调查终结报告")
        queue.submit()
        assert queue.message.text().startswith(f"{CASE_NO} 已报送")


def test_a_new_dispute_is_recorded_from_the_case_the_form_shows(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 登记 form shows the case its typed number means (a short form too), read with its
    version: another PC's edit of the case meanwhile refuses the dispute in the form, nothing
    written; the form then shows the case as it is and its next try goes through."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(backend)
    with (
        build_services(backend, FixedClock(REVIEW_NOW)) as clerk,
        build_services(backend, FixedClock(REVIEW_NOW)) as other_pc,
    ):
        panel = DisputePanel(OperationRunner(clerk, "zh"))
        qtbot.addWidget(panel)
        form = panel.open_add()
        for key, text in (("dispute_no", "浦府复〔2026〕8号"), ("applicant", "张三"),
                          ("dispute_body", "浦东新区人民政府"), ("case_no", "2026-1")):  # fmt: skip
            line = form.widgets[key]
            assert isinstance(line, QLineEdit)
            line.setText(text)
        form.widgets["received_on"].setDate(QDate(2026, 11, 20))  # type: ignore[attr-defined]
        assert form.warning_label.text() == f"关联案件：{FILED}　张三　张三擅自搭建彩钢板房案"
        read = clerk.case_files.find(FILED).version
        evidence = EvidenceItem(EvidenceKind.PHYSICAL, "彩钢板一块", D(2026, 3, 3))
        other_pc.case_files.record_evidence(FILED, evidence)  # another PC, meanwhile
        before = database_digest(backend)
        assert not form.try_submit()
        assert form.error_label.text() == STALE
        assert form.isVisible()
        assert database_digest(backend) == before
        assert clerk.disputes.listing() == []
        assert form.try_submit()  # the form read the case again: from what it shows now
        assert [v.record.case_no for v in clerk.disputes.listing()] == [FILED]
        assert clerk.case_files.find(FILED).version == read + 2
