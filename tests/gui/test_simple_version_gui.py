"""The simple-entry view's 更正… is made from the decision as the form read it (issue 23):
another PC's payment meanwhile refuses the form's try with "已被他人修改，请刷新后再试" shown in
it, nothing written; the view shows the decision as it now stands and the same form's next
try goes through."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import PartyType, PenaltyKind
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW
from tests.gui.test_case_detail import fill
from tests.gui.test_case_version_gui import refused_in_form
from ui.simple_entry import SimpleEntryWidget

NO = "沪浦川执简〔2026〕000001号"


def test_a_stale_simple_correction_is_refused_in_the_form_and_the_view_reloads(
    qtbot: QtBot, backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with (
        build_services(backend, FixedClock(NOW)) as clerk,
        build_services(backend, FixedClock(NOW)) as other_pc,
    ):
        clerk.officers.register(OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)))
        clerk.officers.register(OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)))
        party = PartyRecord(PartyType.NATURAL_PERSON, "李四")
        officers = ("31150001", "31150002")
        on = dt.date(2026, 11, 20)
        record = SimpleDecisionRecord(
            NO, party, "占道设摊", officers, on, PenaltyKind.FINE, fine_fen=5_000
        )
        clerk.simple.record(record)
        view = SimpleEntryWidget(clerk)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        view.last_saved = NO
        form = view.open_correction()  # read at version 0
        fill(form, field="地点", value="川沙路1号", reason="笔误")
        other_pc.simple.pay(NO, dt.date(2026, 11, 25), "沪财罚01")  # version 1
        refused_in_form(form, backend)
        assert view.deadline_label.text().startswith(f"{NO}：")  # reloaded: the paid decision
        assert form.try_submit()  # made from version 1 now
        stored = clerk.simple.view(NO)
        assert (stored.decision.location, stored.decision.paid_on, stored.version) == (
            "川沙路1号", dt.date(2026, 11, 25), 2)  # fmt: skip
        assert view.status_label.text() == "已更正"
