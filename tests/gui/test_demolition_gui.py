"""A demolition order in the window: the notice proposes it, the decide form offers it with its
deadline (or alone), a refused order shows why and changes nothing, the case window shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import Decision, Discussion, StatementKind
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import NoPenaltyReason, Outcome, PartyType, ReviewOpinion
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.conftest import database_digest
from tests.gui.test_case_detail import fill
from ui.case_detail import CaseDetailDialog
from ui.step_form import StepForm

D = dt.date
SAID = {"facts": "擅自搭建", "legal_basis": "《中华人民共和国城乡规划法》第六十五条"}
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
NO = "川执立〔2024〕11号"


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[Services]:
    with build_services(tmp_path / "cases.db", FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        services.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "赵六"), "赵六擅自搭建案",
                    D(2024, 5, 6), ("31150001", "31150002"), violation="擅自搭建",
                    legal_basis="《中华人民共和国城乡规划法》第六十五条")
        )  # fmt: skip
        yield services


def step(detail: CaseDetailDialog, key: str, **values: object) -> StepForm:
    """Open a step's form from its button and fill it as a user would."""
    detail.step_buttons[key].click()
    assert detail.open_form is not None
    fill(detail.open_form, **values)
    return detail.open_form


def noticed(qtbot: QtBot, svc: Services, **proposal: object) -> CaseDetailDialog:
    """The case window after the notice (through its form) of ``proposal``, the party's
    written waiver, an agreed review and a collective discussion."""
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.show()
    form = step(detail, "notice", notice_on=D(2024, 5, 20), demolition=True, **SAID, **proposal)
    assert form.try_submit(), form.error_label.text()
    notice = svc.case_files.find(NO).notice
    assert notice is not None
    assert notice.proposed_demolition
    svc.case_files.record_statement(NO, StatementKind.WAIVED, D(2024, 5, 21))
    svc.case_files.record_review(NO, reviewer="周律", reviewed_on=D(2024, 5, 22),
                                 opinion=ReviewOpinion.AGREE)  # fmt: skip
    svc.case_files.record_discussion(NO, Discussion(D(2024, 5, 23), "同意", ("甲", "乙", "丙")))
    detail.reload()  # those steps were made past the window (as from another PC)
    return detail


def test_an_order_alone_is_noticed_and_decided_in_the_window(qtbot: QtBot, svc: Services) -> None:
    detail = noticed(qtbot, svc, kinds=[])
    form = step(detail, "decide", outcome="仅责令限期拆除", decided_on=D(2024, 5, 24), kinds=[])
    assert form.widgets["demolition"].isChecked()  # the notice proposed it
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.error_label.text() == (
        "拆除期限：责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）"
    )
    fill(form, demolition_deadline=D(2024, 5, 24))
    assert not form.try_submit()
    assert form.error_label.text() == "拆除期限：拆除期限 2024-05-24 须在决定日期 2024-05-24 之后"
    assert database_digest(svc.db_path) == before
    fill(form, demolition_deadline=D(2024, 6, 10))
    assert form.try_submit()
    decision = svc.case_files.find(NO).decision
    assert decision is not None
    assert (decision.outcome, decision.kinds, decision.demolition_deadline) == (
        Outcome.ORDER_ONLY,
        frozenset(),
        D(2024, 6, 10),
    )
    rows = [
        tuple(detail.timeline_table.item(r, c).text() for c in range(3))
        for r in range(detail.timeline_table.rowCount())
    ]
    assert ("2024-05-24", "作出决定", "仅责令限期拆除；责令限期拆除，期限至 2024-06-10") in rows
    assert "限期拆除已建成违法建筑" in detail.major_label.text()


def test_an_order_with_a_fine_needs_its_deadline(qtbot: QtBot, svc: Services) -> None:
    detail = noticed(qtbot, svc, kinds=["罚款"], fine="500")
    form = step(detail, "decide", outcome="处罚", decided_on=D(2024, 5, 24), kinds=["罚款"],
                fine="500")  # fmt: skip
    before = database_digest(svc.db_path)
    assert not form.try_submit()  # ticked (as noticed) but no deadline: refused, not dropped
    assert form.error_label.text().startswith("拆除期限：责令限期拆除决定须写明拆除期限")
    assert database_digest(svc.db_path) == before
    fill(form, demolition_deadline=D(2024, 6, 24))
    assert form.try_submit()
    decision = svc.case_files.find(NO).decision
    assert decision is not None
    assert (decision.outcome, decision.fine_fen, decision.demolition_deadline) == (
        Outcome.PENALTY,
        50_000,
        D(2024, 6, 24),
    )


def test_education_is_a_step_for_an_apl33_no_penalty_only(qtbot: QtBot, svc: Services) -> None:
    first = NoPenaltyReason.FIRST_VIOLATION
    svc.case_files.decide(NO, Decision(None, D(2024, 5, 24), Outcome.NO_PENALTY,
                                       no_penalty_reason=first))  # fmt: skip
    detail = CaseDetailDialog(svc, NO)
    qtbot.addWidget(detail)
    detail.show()
    assert detail.step_buttons["educate"].isEnabled()
    form = step(detail, "educate", educated_on=D(2024, 5, 23), education="当场宣讲")
    before = database_digest(svc.db_path)
    assert not form.try_submit()
    assert form.error_label.text() == (
        "教育日期：教育日期 2024-05-23 不能早于不予处罚决定日期 2024-05-24"
    )
    assert database_digest(svc.db_path) == before
    fill(form, educated_on=D(2024, 5, 24))
    assert form.try_submit()
    rows = [
        tuple(detail.timeline_table.item(r, c).text() for c in range(3))
        for r in range(detail.timeline_table.rowCount())
    ]
    assert ("2024-05-24", "作出决定", "不予处罚：首违不罚") in rows
    assert ("2024-05-24", "教育", "当场宣讲") in rows
    assert not detail.step_buttons["educate"].isEnabled()
    assert detail.step_buttons["educate"].toolTip() == "本案已于 2024-05-24 记录教育情况"
