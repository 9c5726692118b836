"""Text typed or pasted into the window's forms is stored as the one rule has it
(``domain.text_input``): no control, bidi or zero-width characters; invisible-only is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from tests.gui.entry_setup import (
    filing_form,
    fill_and_save,
    pick_officers,
    refused_party,
    simple_entry,
)


def test_the_file_case_form_stores_clean_text(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window, form = filing_form(qtbot, services, tmp_path)
    texts = {
        "case_no": "\u200b川执立〔2024〕9号\u200b",
        "party_name": "张\u202e三\x1b[0m",
        "cause": "占道\u2066设摊\u2069案\x07",
        "violation": "\ufeff占道\t设摊\x00",
    }
    for key, text in texts.items():
        widget = form.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)
    pick_officers(form)
    assert form.try_submit()
    case = services.case_files.find("川执立〔2024〕9号")
    assert (case.case_no, case.party.name, case.cause) == (
        "川执立〔2024〕9号",
        "张三[0m",
        "占道设摊案",
    )
    assert case.violation == "占道 设摊"
    window.close()


def test_the_simple_entry_stores_clean_text(qtbot: QtBot, services: Services) -> None:
    entry = simple_entry(qtbot, services)
    fill_and_save(qtbot, entry, "李\u202e四\x1b")
    (row,) = services.simple.list_page().rows
    assert (row.party_name, row.cause) == ("李四", "跨门营业")
    entry.close()


def test_a_party_name_of_only_a_zero_width_space_is_refused_in_the_window(
    qtbot: QtBot, services: Services
) -> None:
    entry = simple_entry(qtbot, services)
    assert refused_party(qtbot, entry, services, "\u200b").startswith("当事人：")
    entry.close()


def test_the_file_case_form_warns_about_personal_data_and_still_files(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    window, form = filing_form(qtbot, services, tmp_path)
    typed = "王小明（身份证310115198503171230，电话13812345678）在其住所川沙路88弄8号占道设摊"
    texts = {"case_no": "川执立〔2024〕10号", "party_name": "王小明", "cause": "王小明占道设摊案"}
    for key, text in texts.items():
        widget = form.widgets[key]
        assert isinstance(widget, QLineEdit)
        widget.setText(text)
    assert form.warning_label.isHidden()  # a name in the 案由 is the custom
    violation = form.widgets["violation"]
    assert isinstance(violation, QLineEdit)
    violation.setText(typed)
    assert not form.warning_label.isHidden()
    assert form.warning_label.text() == (
        "违法行为含身份证号码、电话号码、自然人姓名、住址：内部记录照录，"
        "公开输出（双公示、公开版）不含此栏原文"
    )
    pick_officers(form)
    assert form.try_submit()
    assert services.case_files.find("川执立〔2024〕10号").violation == typed
    window.close()
