"""Text caps the review found missing: the legal-review queue's 报送材料 line holds each
material to the length the service takes (``materials``: 10000), and a correction's 新值 is
held to the length of the field chosen (``text_limits.length_limit``), changing with the choice.
A text one past the limit is said at once under the form's own label, refused on sending,
and nothing is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from tests.gui.test_corrections_gui import simple_fine
from tests.review_setup import (
    CASE_NO,
    make_accounts,
    make_major_case,
    open_as,
    prepared,
    register_officers,
)
from ui.review_queue import ReviewQueueWidget
from ui.simple_entry import SimpleEntryWidget
from ui.step_form import StepForm

DECISION = simple_fine().decision_no


@pytest.fixture
def clerk(db_path: Path, clock: FixedClock) -> Iterator[Services]:
    """A clerk's session on a book with a major case to send to legal review."""
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as admin:
        register_officers(admin)
    with open_as(db_path, clock, "clerk") as services:
        make_major_case(services)
        yield services


def _queue(qtbot: QtBot, clerk: Services) -> ReviewQueueWidget:
    queue = ReviewQueueWidget(clerk)
    qtbot.addWidget(queue)
    queue.case_no.setEditText(CASE_NO)
    return queue


@pytest.mark.parametrize("length", [9_999, 10_000])
def test_a_material_up_to_its_limit_is_submitted(
    qtbot: QtBot, clerk: Services, length: int
) -> None:
    queue = _queue(qtbot, clerk)
    # two materials, together longer than one may be: each is held, not the line
    queue.materials.setText("调查终结报告、" + "照" * length)
    assert queue.message.text() == ""
    queue.submit()
    assert queue.message.text().startswith(f"{CASE_NO} 已报送")
    [item] = clerk.reviews.queue()
    assert item.submission.materials == ("调查终结报告", "照" * length)


def test_a_material_one_past_its_limit_is_said_at_once_and_not_sent(
    qtbot: QtBot, clerk: Services
) -> None:
    queue = _queue(qtbot, clerk)
    queue.show()
    queue.materials.setText("调查终结报告、" + "照" * 10_001)
    assert len(queue.materials.text()) == 7 + 10_001  # the line is not cut: items are held
    assert queue.message.text() == "报送材料：最多 10000 个字"  # at once, before sending
    before = database_digest(clerk.db_path)
    queue.submit()
    assert queue.message.text() == "报送材料：最多 10000 个字"
    assert queue.focusWidget() is queue.materials
    assert database_digest(clerk.db_path) == before
    assert clerk.reviews.queue() == []
    queue.materials.setText("调查终结报告、" + "照" * 10_000)
    assert queue.message.text() == ""  # the message goes with the excess


def _correction(qtbot: QtBot, services: Services) -> StepForm:
    view = SimpleEntryWidget(services)
    qtbot.addWidget(view)
    view.last_saved = DECISION
    form = view.open_correction()
    qtbot.addWidget(form)
    return form


def _value(form: StepForm) -> QLineEdit:
    line = form.widgets["value"]
    assert isinstance(line, QLineEdit)
    return line


def test_the_new_value_is_held_to_the_chosen_field_s_limit(
    qtbot: QtBot, db_path: Path, clock: FixedClock
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        svc.simple.record(simple_fine())
        form = _correction(qtbot, svc)
        value = _value(form)
        expected = {"当事人地址": 201, "备注": 10_001, "决定日期": 201, "违法行为": 10_001}
        for label, cut in expected.items():
            fill(form, field=label)
            assert value.maxLength() == cut, label  # one past the chosen field's limit
        fill(form, field="当事人地址", value="路" * 500, reason="录入错误")
        assert len(value.text()) == 201  # a paste is cut one past the limit
        assert form.error_label.text() == "新值：最多 200 个字"  # said at once
        before = database_digest(db_path)
        assert not form.try_submit()
        assert form.error_label.text() == "新值：最多 200 个字"
        assert form.focusWidget() is value
        assert database_digest(db_path) == before
        fill(form, field="备注")  # a longer field: the value shown is its own, no message
        assert value.maxLength() == 10_001
        assert form.error_label.text() == ""
        fill(form, value="注" * 10_001)
        assert form.error_label.text() == "新值：最多 10000 个字"
        assert not form.try_submit()
        assert database_digest(db_path) == before
        assert svc.corrections.simple_corrections(DECISION) == ()


@pytest.mark.parametrize(
    ("label", "length"),
    [("当事人地址", 199), ("当事人地址", 200), ("备注", 9_999), ("备注", 10_000)],
)
def test_a_new_value_up_to_the_field_s_limit_is_corrected(
    qtbot: QtBot, db_path: Path, clock: FixedClock, label: str, length: int
) -> None:
    prepared(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:
        svc.simple.record(simple_fine())
        form = _correction(qtbot, svc)
        fill(form, field=label, value="改" * length, reason="录入错误")
        assert form.error_label.text() == ""
        assert form.try_submit(), form.error_label.text()
        [entry] = svc.corrections.simple_corrections(DECISION)
        assert (entry.label, entry.after) == (label, "改" * length)
