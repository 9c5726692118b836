"""The window's forms hold text to the length its field takes (``domain.text_limits``): a
too-long text is refused at once with a message naming the field, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from tests.gui.entry_setup import (
    entry_line,
    filing_form,
    fill_and_save,
    pick_officers,
    refused_party,
    simple_entry,
)
from tests.gui.test_case_detail import fill
from tests.gui.test_notice_discretion_form import open_step

NO = "川执立〔2024〕9号"


def test_a_too_long_cause_is_refused_in_the_filing_form(
    qtbot: QtBot, services: Services, db_path: Path, tmp_path: Path
) -> None:
    window, form = filing_form(qtbot, services, tmp_path)
    form.show()
    qtbot.waitExposed(form)
    for key, text in (("party_name", "张三"), ("cause", "案" * 100_000)):
        line = form.widgets[key]
        assert isinstance(line, QLineEdit)
        line.setText(text)
    pick_officers(form)
    cause = form.widgets["cause"]
    assert isinstance(cause, QLineEdit)
    assert len(cause.text()) == 10_001  # a paste is cut one past the limit, never to it
    assert form.error_label.isVisible()  # said at once, before OK
    assert form.error_label.text() == "案由：最多 10000 个字"
    before = database_digest(db_path)

    assert not form.try_submit()

    assert form.isVisible()
    assert form.error_label.text() == "案由：最多 10000 个字"
    assert form.focusWidget() is cause
    assert database_digest(db_path) == before
    assert services.cases.count() == 0

    cause.setText("案" * 10_000)
    assert not form.error_label.isVisible()  # the message goes with the excess
    assert form.try_submit()
    assert services.cases.count() == 1
    window.close()


def test_a_too_long_party_name_is_refused_in_the_simple_entry(
    qtbot: QtBot, services: Services
) -> None:
    """The simple-procedure entry is no step form, yet holds its texts as one: a paste is
    cut one past the limit, said at once under the form's own label, and refused on Enter."""
    entry = simple_entry(qtbot, services)
    location = entry_line(entry, "location")
    assert location.maxLength() == 10_001
    location.setText("地" * 20_000)
    assert len(location.text()) == 10_001
    error = entry.findChild(QLabel, "errorLabel")
    assert error is not None
    assert error.text() == "违法地点：最多 10000 个字"  # the service's field is 地点
    location.setText("川沙路")
    assert error.text() == ""  # the message goes with the excess
    party = entry_line(entry, "partyName")
    party.setText("李" * 500)
    assert len(party.text()) == 201
    assert error.text() == "当事人：最多 200 个字"
    assert refused_party(qtbot, entry, services, "李" * 201) == "当事人：最多 200 个字"
    assert entry.focusWidget() is party
    fill_and_save(qtbot, entry, "李" * 200)
    (row,) = services.simple.list_page().rows
    assert row.party_name == "李" * 200
    entry.close()


def test_a_step_s_too_long_text_is_named_by_the_form_s_label(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    """标记复杂案件 asks for 理由 (the form's key complex_reason, the service's reason): a
    too-long one is said under 理由, at once and on OK, with nothing written."""
    window, form = filing_form(qtbot, services, tmp_path)
    fill(form, case_no=NO, party_name="张三", cause="占道设摊案")
    pick_officers(form)
    assert form.try_submit()
    window.close()
    step = open_step(qtbot, services, "complex", NO)
    reason = step.widgets["complex_reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.setPlainText("繁" * 10_001)
    assert step.error_label.text() == "理由：最多 10000 个字"  # was 复杂案件理由, not on screen
    before = database_digest(services.db_path)
    assert not step.try_submit()
    assert step.error_label.text() == "理由：最多 10000 个字"
    assert step.focusWidget() is reason
    assert database_digest(services.db_path) == before
    reason.setPlainText("繁" * 10_000)
    assert step.try_submit()
    assert services.case_files.find(NO).complex_reason == "繁" * 10_000


def test_the_filing_form_names_a_too_long_address_as_it_shows_it(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window, form = filing_form(qtbot, services, tmp_path)
    fill(form, party_address="路" * 201)
    assert form.error_label.text() == "当事人住所（地址）：最多 200 个字"  # was party_address
    window.close()
