"""The dispute list's rows, shared by the 复议诉讼 tab and the case window (read-only there)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.disputes.disputes import outcome_label, reply_state
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.dispute_service import DisputeView


def _tr(text: object) -> str:
    return QCoreApplication.translate("DisputePanel", str(text))


HEADERS = (
    QT_TRANSLATE_NOOP("DisputePanel", "类别"),
    QT_TRANSLATE_NOOP("DisputePanel", "案号"),
    QT_TRANSLATE_NOOP("DisputePanel", "审级"),
    QT_TRANSLATE_NOOP("DisputePanel", "申请人/原告"),
    QT_TRANSLATE_NOOP("DisputePanel", "被争议行为"),
    QT_TRANSLATE_NOOP("DisputePanel", "关联案件"),
    QT_TRANSLATE_NOOP("DisputePanel", "收到日期"),
    QT_TRANSLATE_NOOP("DisputePanel", "答复/答辩期限"),
    QT_TRANSLATE_NOOP("DisputePanel", "结果"),
)


def dispute_row(view: DisputeView) -> list[str]:
    """The list's cells for one dispute."""
    r = view.record
    outcome = (
        QCoreApplication.translate("DisputePanel", "未审结")
        if r.outcome is None
        else outcome_label(r.kind, r.outcome)
    )
    return [
        r.kind.label,
        r.number,
        r.instance.label,
        r.applicant,
        r.act.label,
        r.case_no or "",
        r.received_on.isoformat(),
        view.reply_due.value.isoformat(),
        outcome,
    ]


def reply_flags(services: Services) -> Callable[[DisputeView], ClockState | None]:
    """Each dispute's reply deadline state as of today, with the case list's due-soon days."""
    due_soon = services.settings.current().due_soon_working_days
    calendar = services.calendar.work_calendar()
    today = today_in_china(services.clock)
    return lambda view: reply_state(view.record, view.reply_due.value, today, calendar, due_soon)


def dispute_table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(HEADERS), parent)
    table.setHorizontalHeaderLabels([_tr(h) for h in HEADERS])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_dispute_table(
    table: QTableWidget,
    views: list[DisputeView],
    colour: Callable[[DisputeView], QColor | None],
) -> None:
    """Rows of ``views`` in ``table``, each with its reply deadline's colour."""
    table.setRowCount(len(views))
    for row, view in enumerate(views):
        background = colour(view)
        for column, text in enumerate(dispute_row(view)):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            if background is not None:
                item.setBackground(background)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
