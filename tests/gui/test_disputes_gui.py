"""复议诉讼 in the window: the register with its reply deadlines coloured, its filters, the forms
that record a dispute and what happened next, refusals kept in the form; the case window lists
the disputes about its case (issue 18)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.dispute_service import DisputeStep
from tests.conftest import NOW, database_digest
from ui.case_detail import CaseDetailDialog
from ui.main_window import MainWindow
from ui.step_form import OptionalDate

D = dt.date
RED = "#f8c4c4"
YELLOW = "#fff3b0"


def _record(kind: DisputeKind, number: str, received: dt.date, **more: object) -> DisputeRecord:
    return DisputeRecord(
        kind=kind,
        number=number,
        applicant="张三",
        act=DisputedAct.PENALTY,
        body="浦东新区人民政府" if kind is DisputeKind.RECONSIDERATION else "浦东新区人民法院",
        received_on=received,
        **more,  # type: ignore[arg-type]
    )


def _fill(services: Services) -> None:
    add = services.disputes.add
    # Reply due 2026-11-24 (10 working days), not given by 11-27: overdue.
    add(_record(DisputeKind.RECONSIDERATION, "浦府复〔2026〕5号", D(2026, 11, 10)))
    # Defence due 2026-11-30 (15 days), one working day away: due soon (3 by default).
    add(_record(DisputeKind.LITIGATION, "(2026)沪0115行初7号", D(2026, 11, 15)))
    # Defence due 2026-12-07 (12-05 is a Saturday), six working days away: nothing to flag yet.
    add(_record(DisputeKind.LITIGATION, "(2026)沪0115行初3号", D(2026, 11, 20)))
    done_id, _ = add(_record(DisputeKind.RECONSIDERATION, "浦府复〔2025〕2号", D(2025, 3, 3)))
    services.disputes.update(
        done_id,
        DisputeStep(
            replied_on=D(2025, 3, 10), outcome=DisputeOutcome.REJECTED, outcome_on=D(2025, 4, 20)
        ),
    )


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def _rows(table: QTableWidget) -> list[tuple[str, str, str, str | None]]:
    """Number, reply due, outcome and background colour of each row."""
    rows = []
    for r in range(table.rowCount()):
        number, due, outcome = (table.item(r, c).text() for c in (1, 7, 8))
        brush = table.item(r, 0).background()
        colour = brush.color().name() if brush.style().value != 0 else None
        rows.append((number, due, outcome, colour))
    return rows


def test_the_register_is_listed_with_its_deadlines_coloured_and_filtered(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with build_services(tmp_path / "d.db", FixedClock(NOW)) as services:
        _fill(services)
        window = _window(qtbot, services, tmp_path)
        panel = window.disputes
        assert window.tabs.tabText(window.tabs.indexOf(panel)) == "复议诉讼"
        assert _rows(panel.table) == [
            ("(2026)沪0115行初3号", "2026-12-07", "未审结", None),
            ("(2026)沪0115行初7号", "2026-11-30", "未审结", YELLOW),
            ("浦府复〔2026〕5号", "2026-11-24", "未审结", RED),
            ("浦府复〔2025〕2号", "2025-03-17", "驳回", None),
        ]
        panel.pending_only.setChecked(True)
        assert [row[0] for row in _rows(panel.table)] == [
            "(2026)沪0115行初3号",
            "(2026)沪0115行初7号",
            "浦府复〔2026〕5号",
        ]
        panel.pending_only.setChecked(False)
        panel.year_filter.setCurrentIndex(panel.year_filter.findData(2025))
        assert [row[0] for row in _rows(panel.table)] == ["浦府复〔2025〕2号"]
        panel.table.selectRow(0)
        assert "驳回（2025-04-20）" in panel.detail.text()
        assert not panel.update_button.isEnabled()  # concluded: nothing more to record

        # The due-soon setting is the case list's: at 0 days the defence due Monday is not yet
        # flagged.
        window.on_changes(services.settings.set("due_soon_working_days", "0"))
        panel.year_filter.setCurrentIndex(0)
        assert _rows(panel.table)[1][3] is None
        window.close()


def test_a_dispute_is_recorded_and_followed_in_the_forms(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "d.db"
    with build_services(path, FixedClock(NOW)) as services:
        _fill(services)
    before = database_digest(path)
    with build_services(path, FixedClock(NOW)) as services:
        window = _window(qtbot, services, tmp_path)
        panel = window.disputes
        form = panel.open_add()
        kind = form.widgets["dispute_kind"]
        assert isinstance(kind, QComboBox)
        kind.setCurrentIndex(1)  # 行政诉讼
        for key, text in (
            ("dispute_no", "浦府复〔2026〕5号"),
            ("applicant", "李四"),
            ("dispute_body", "浦东新区人民法院"),
        ):
            line = form.widgets[key]
            assert isinstance(line, QLineEdit)
            line.setText(text)
        number = form.widgets["dispute_no"]
        assert isinstance(number, QLineEdit)
        number.setText("(2026)沪0115行初7号")  # taken: refused in the form, nothing written
        assert not form.try_submit()
        assert "(2026)沪0115行初7号" in form.error_label.text()
        assert form.isVisible()
        assert database_digest(path) == before

        number.setText("(2026)沪0115行初9号")
        received = form.widgets["received_on"]
        received.setDate(QDate(2026, 11, 25))  # type: ignore[attr-defined]
        assert form.try_submit()
        # The change went out through the runner: the tab shows the new dispute at once.
        assert _rows(panel.table)[0] == ("(2026)沪0115行初9号", "2026-12-10", "未审结", None)
        action = services._db.execute(
            "SELECT action, object_id FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        assert tuple(action) == ("dispute.add", "5")

        panel.table.selectRow(0)
        assert panel.update_button.isEnabled()
        step = panel.open_update()
        assert step is not None
        hearing = step.widgets["hearing_on"]
        assert isinstance(hearing, OptionalDate)
        hearing.set_value(D(2026, 11, 26))
        leader = step.widgets["leader_appeared"]
        assert isinstance(leader, QComboBox)
        leader.setCurrentText("否")
        outcome = step.widgets["outcome"]
        assert isinstance(outcome, QComboBox)
        outcome.setCurrentText("撤诉")  # without its date: refused, nothing written
        assert not step.try_submit()
        assert "结果日期" in step.error_label.text()
        outcome_on = step.widgets["outcome_on"]
        assert isinstance(outcome_on, OptionalDate)
        outcome_on.set_value(D(2026, 11, 27))
        assert step.try_submit()
        assert _rows(panel.table)[0] == ("(2026)沪0115行初9号", "2026-12-10", "撤诉", None)
        stored = services.disputes.view(5).record
        assert (stored.hearing_on, stored.leader_appeared) == (D(2026, 11, 26), False)
        assert stored.outcome is DisputeOutcome.WITHDRAWN
        window.close()


def test_the_case_window_lists_the_disputes_about_its_case(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "demo.db"
    shutil.copy(demo_db, path)
    with build_services(path, FixedClock(NOW)) as services:
        rows = services.cases.list_page(after=None, limit=2).rows
        disputed, other = rows[0].case_no, rows[1].case_no
        services.disputes.add(
            _record(
                DisputeKind.RECONSIDERATION, "浦府复〔2026〕8号", D(2026, 11, 10), case_no=disputed
            )
        )
        detail = CaseDetailDialog(services, disputed)
        qtbot.addWidget(detail)
        detail.show()
        assert detail.disputes.isVisible()
        assert _rows(detail.disputes) == [("浦府复〔2026〕8号", "2026-11-24", "未审结", RED)]
        plain = CaseDetailDialog(services, other)
        qtbot.addWidget(plain)
        plain.show()
        assert not plain.disputes.isVisible()
