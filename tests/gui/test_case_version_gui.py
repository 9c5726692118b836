"""The case window edits from the version it shows (issue 23): a clerk's form filled while
another PC changed the case is refused with "已被他人修改，请刷新后再试" in the form, nothing is
written, the window reloads with the other's edit, and the same form then goes through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import DisputedAct, DisputeKind, DisputeRecord
from chuansha_enforce.domain.documents.documents import DocumentKind
from chuansha_enforce.domain.enums import EvidenceKind, PartyType
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from tests.integration.test_case_versions import NO as FILED
from tests.integration.test_case_versions import _book
from tests.integration.test_documents import FINE_NO, _fine_case
from tests.integration.test_documents import NOW as DOCS_NOW
from tests.review_setup import CASE_NO, PASSWORDS, open_as, prepared
from ui.case_detail import CaseDetailDialog
from ui.dispute_panel import DisputePanel
from ui.review_dialog import ReviewDialog
from ui.runner import OperationRunner
from ui.step_form import OptionalDate, StepForm

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
NOW_2026 = dt.datetime(2026, 11, 27, 2, 0, tzinfo=dt.UTC)
NO = "川执立〔2024〕1号"
STALE = "已被他人修改，请刷新后再试"


def _timeline(detail: CaseDetailDialog) -> list[str]:
    table = detail.timeline_table
    return [table.item(r, 2).text() for r in range(table.rowCount())]


def _refused_after_other_pc(
    form: StepForm, other_pc: Services, case_no: str, on: dt.date, book: str | Path
) -> None:
    """Another PC records evidence on the case meanwhile: the form's try is refused with the
    sentence shown in it, the form stays open and nothing is written."""
    other = EvidenceItem(EvidenceKind.PHYSICAL, "彩钢板一块", on)
    other_pc.case_files.record_evidence(case_no, other)
    refused_in_form(form, book)


def refused_in_form(form: StepForm, book: str | Path) -> None:
    """The form's try is refused with the sentence shown in it, the form stays open and
    nothing is written."""
    before = database_digest(book)
    assert not form.try_submit()
    assert form.isVisible()
    assert form.error_label.isVisible()
    assert form.error_label.text() == STALE
    assert database_digest(book) == before


def test_a_stale_step_is_refused_in_the_form_and_the_window_reloads(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with (
        build_services(backend, FixedClock(NOW)) as clerk,
        build_services(backend, FixedClock(NOW)) as other_pc,
    ):
        clerk.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        clerk.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        clerk.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "李四"), "李四占道设摊案",
                    D(2024, 5, 6), ("31150001", "31150002"), violation="占道设摊")
        )  # fmt: skip
        detail = CaseDetailDialog(clerk, NO)
        qtbot.addWidget(detail)
        detail.resize(1366, 768)
        detail.show()
        assert detail.view.case.version == 0
        detail.step_buttons["evidence"].click()
        form = detail.open_form
        assert form is not None
        fill(form, evidence_kind="书证", evidence_description="现场检查笔录一份",
             obtained_on=D(2024, 5, 7))  # fmt: skip
        _refused_after_other_pc(form, other_pc, NO, D(2024, 5, 8), backend)
        assert detail.view.case.version == 1  # reloaded: the other PC's evidence is shown
        assert any("彩钢板一块" in text for text in _timeline(detail))
        assert form.try_submit()  # from what the window shows now
        assert detail.view.case.version == 2
        assert sorted(e.description for e in clerk.case_files.find(NO).evidence) == [
            "彩钢板一块",
            "现场检查笔录一份",
        ]


def test_a_sign_off_on_a_case_changed_since_the_form_opened_is_refused(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The reviewer's form keeps the version of the case it shows: the clerk's evidence
    recorded meanwhile refuses the signing with the sentence in the form, nothing written;
    signing again (the form now holds the case as it is) goes through."""
    clock = FixedClock(NOW_2026)
    path = tmp_path / "office.db"
    prepared(path, clock)
    with open_as(path, clock, "zhou") as reviewer, open_as(path, clock, "clerk") as clerk:
        form = ReviewDialog(reviewer, CASE_NO)
        qtbot.addWidget(form)
        form.show()
        evidence = EvidenceItem(EvidenceKind.DOCUMENTARY, "补充询问笔录", D(2026, 10, 25))
        clerk.case_files.record_evidence(CASE_NO, evidence)
        before = database_digest(path)
        form.password.setText(PASSWORDS["zhou"])
        form.sign()
        assert form.state.isVisible()
        assert form.state.text() == STALE
        assert database_digest(path) == before
        assert reviewer.case_files.find(CASE_NO).reviews == ()
        form.password.setText(PASSWORDS["zhou"])
        form.sign()
        assert form.state.text().startswith("第1轮已签署")
        assert len(reviewer.case_files.find(CASE_NO).reviews) == 1


def test_a_stale_dispute_form_is_refused_and_the_register_reloads(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 复议诉讼 form records what happened next from the case version the register read
    with the dispute: another PC's edit of the case meanwhile refuses it in the form, nothing
    is written, the register reloads, and the same form then goes through."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(backend)
    with (
        build_services(backend, FixedClock(NOW_2026)) as clerk,
        build_services(backend, FixedClock(NOW_2026)) as other_pc,
    ):
        record = DisputeRecord(kind=DisputeKind.RECONSIDERATION, number="浦府复〔2026〕5号",
                               applicant="张三", act=DisputedAct.PENALTY, body="浦东新区人民政府",
                               received_on=D(2026, 11, 20), case_no=FILED)  # fmt: skip
        dispute_id, _ = clerk.disputes.add(record)
        panel = DisputePanel(OperationRunner(clerk, "zh"))
        qtbot.addWidget(panel)
        panel.resize(1366, 768)
        panel.show()
        panel.table.selectRow(0)
        assert panel.selected() is not None
        assert panel.selected().case_version == 1  # type: ignore[union-attr]
        form = panel.open_update()
        assert form is not None
        replied = form.widgets["replied_on"]
        assert isinstance(replied, OptionalDate)
        replied.set_value(D(2026, 11, 25))
        _refused_after_other_pc(form, other_pc, FILED, D(2026, 3, 3), backend)
        assert panel.selected().case_version == 2  # type: ignore[union-attr]  # reloaded
        assert clerk.disputes.view(dispute_id).record.replied_on is None
        assert form.try_submit()  # the same form, from what the register shows now
        assert clerk.disputes.view(dispute_id).record.replied_on == D(2026, 11, 25)
        assert clerk.disputes.view(dispute_id).case_version == 3


def test_a_document_made_from_a_stale_case_window_is_refused(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The 文书 menu makes a document from the case as the window shows it: another PC's edit
    meanwhile refuses it with the sentence in a message box, no file and nothing written, the
    window reloads; the next try makes it, and the window reloads to the version it raised."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.error_dialogs.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )
    with (
        build_services(backend, FixedClock(DOCS_NOW)) as clerk,
        build_services(backend, FixedClock(DOCS_NOW)) as other_pc,
    ):
        clerk.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        clerk.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        _fine_case(clerk)
        detail = CaseDetailDialog(clerk, FINE_NO)
        qtbot.addWidget(detail)
        detail.resize(1366, 768)
        detail.show()
        menu = detail.documents_menu
        opened: list[Path] = []
        menu.opener = opened.append
        read = detail.view.case.version
        # meanwhile another PC makes the decision's 文书 from the case as it reads it
        other_pc.documents.make(FINE_NO, DocumentKind.PENALTY_DECISION, tmp_path / "other.docx")
        before = database_digest(backend)
        assert menu.make(DocumentKind.PENALTY_DECISION) is None
        assert shown == [STALE]
        assert opened == []
        assert database_digest(backend) == before
        assert detail.view.case.version == read + 1  # reloaded: the other PC's edit
        made = menu.make(DocumentKind.PENALTY_DECISION)
        assert made is not None
        assert opened == [made.path]
        assert made.path.is_file()
        assert detail.view.case.version == read + 2  # reloaded after making it
