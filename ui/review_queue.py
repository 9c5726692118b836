"""The legal-review tab: the reviewers' queue with due dates, submitting a case, reviewing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.review_service import QueueItem
from ui.case_picker import CasePicker
from ui.error_dialogs import error_text
from ui.review_dialog import ReviewDialog
from ui.runner import Failure, OperationRunner
from ui.short_list_model import Index, ShortListModel
from ui.text_caps import TextCaps

CONTEXT = "ReviewQueue"
COLUMN_SOURCES = (
    QT_TRANSLATE_NOOP("ReviewQueue", "案件编号"),
    QT_TRANSLATE_NOOP("ReviewQueue", "当事人"),
    QT_TRANSLATE_NOOP("ReviewQueue", "报送日期"),
    QT_TRANSLATE_NOOP("ReviewQueue", "审核期限"),
    QT_TRANSLATE_NOOP("ReviewQueue", "状态"),
    QT_TRANSLATE_NOOP("ReviewQueue", "重大案件理由"),
    QT_TRANSLATE_NOOP("ReviewQueue", "报送材料"),
)
STATE_SOURCES = {
    "open": QT_TRANSLATE_NOOP("ReviewQueue", "待审核"),
    "due_soon": QT_TRANSLATE_NOOP("ReviewQueue", "即将到期"),
    "overdue": QT_TRANSLATE_NOOP("ReviewQueue", "已逾期"),
}
STATE_COLOURS = {"due_soon": QColor("#fff3c4"), "overdue": QColor("#f8d0d0")}


def material_items(line: str) -> list[str]:
    """The materials a line lists, split at 、，,；; or a line break, blank ones left out."""
    return [m for m in re.split(r"[、，,；;\n]", line) if m.strip()]


def _t(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


class ReviewQueueModel(ShortListModel):
    """Open submissions, the most urgent first (a queue is short: loaded whole)."""

    def __init__(self, services: Services) -> None:
        super().__init__(CONTEXT, COLUMN_SOURCES)
        self._services = services
        self.items: list[QueueItem] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.items = self._services.reviews.queue()
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATE_COLOURS.get(item.state)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        s = item.submission
        values = (
            s.case_no,
            s.party_name,
            s.submitted_on.isoformat(),
            s.due_on.isoformat(),
            _t(STATE_SOURCES[item.state]),
            "；".join(item.major_reasons)
            or QCoreApplication.translate("ReviewQueue", "（非重大案件）"),
            "、".join(s.materials),
        )
        return values[index.column()] if 0 <= index.column() < len(values) else None


class ReviewQueueWidget(QWidget):
    changed = Signal(object)  # what a signature returned (its Changes)
    open_case_requested = Signal(str)  # the case window (the main window opens it)
    summary_requested = Signal(str)  # the internal case summary PDF

    def __init__(
        self,
        services: Services,
        lang: Lang = "zh",
        parent: QWidget | None = None,
        *,
        runner: OperationRunner | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("reviewQueue")
        self._services = services
        self._lang = lang
        self._runner = runner or OperationRunner(services, lang, self)
        self.model = ReviewQueueModel(services)
        self.view = QTableView(self)
        self.view.setObjectName("reviewQueueView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self.open_review(index.row()))
        self.view.installEventFilter(self)  # Enter on a row opens its review
        account = services.session.account
        self.review_button = QPushButton(self.tr("审核所选案件…"), self)
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self._review_selected)
        self.open_case_button = QPushButton(self.tr("打开案件"), self)
        self.open_case_button.setObjectName("queueOpenCase")
        self.open_case_button.clicked.connect(
            lambda: self._with_selected(self.open_case_requested.emit)
        )
        self.summary_button = QPushButton(self.tr("案件摘要PDF"), self)
        self.summary_button.setObjectName("queueSummary")
        self.summary_button.clicked.connect(
            lambda: self._with_selected(self.summary_requested.emit)
        )
        refresh = QPushButton(self.tr("刷新"), self)
        refresh.clicked.connect(self.model.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.open_case_button)
        buttons.addWidget(self.summary_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        self.case_no = CasePicker(services, self)
        self.case_no.setObjectName("submitCaseNo")
        self.materials = QLineEdit(self)
        self.materials.setObjectName("submitMaterials")
        self.materials.setPlaceholderText(self.tr("报送材料，用顿号或逗号分隔"))
        self.submit_button = QPushButton(self.tr("报送法制审核"), self)
        self.submit_button.setObjectName("submitButton")
        self.submit_button.clicked.connect(self.submit)
        submit_row = QHBoxLayout()
        submit_row.addWidget(QLabel(self.tr("报送："), self))
        submit_row.addWidget(self.case_no, 1)
        submit_row.addWidget(self.materials, 2)
        submit_row.addWidget(self.submit_button)
        may_submit = account is None or account.can(Permission.SUBMIT_REVIEW)
        for widget in (self.case_no, self.materials, self.submit_button):
            widget.setVisible(may_submit and not services.read_only)
        self.message = QLabel(self)
        self.message.setObjectName("reviewQueueMessage")
        self._caps = TextCaps(self.message, lang, self)  # each material as the service holds it
        self._caps.hold(
            self.materials,
            "materials",
            QCoreApplication.translate("ReviewQueue", "报送材料"),
            items=material_items,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addLayout(submit_row)
        layout.addWidget(self.message)
        self.dialog: ReviewDialog | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.currentIndex().isValid()
        ):
            self.open_review(self.view.currentIndex().row())
            return True
        return super().eventFilter(watched, event)

    def _with_selected(self, act: Callable[[str], object]) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.row() < len(self.model.items):
            act(self.model.items[index.row()].submission.case_no)
        else:
            self.message.setText(self.tr("请先在审核队列中选择一件案件"))

    def _review_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_review(rows[0].row())

    def open_review(self, row: int) -> ReviewDialog | None:
        if not 0 <= row < len(self.model.items):
            return None
        case_no = self.model.items[row].submission.case_no
        try:
            self.dialog = ReviewDialog(self._services, case_no, self._lang, self)
        except (DomainError, StorageError) as exc:  # e.g. the case went to the trash meanwhile
            self.message.setText(error_text(exc, self._lang))
            self.model.reload()
            return None
        self.dialog.signed.connect(lambda _signed: self.model.reload())
        self.dialog.signed.connect(self.changed)
        self.dialog.open_case_requested.connect(self.open_case_requested)
        self.dialog.summary_requested.connect(self.summary_requested)
        self.dialog.show()
        return self.dialog

    def submit(self) -> None:
        if self._caps.refuse():
            return
        materials = material_items(self.materials.text())
        case_no = self.case_no.case_no()
        if case_no is None:  # the pick list was cancelled
            return
        shown = self.case_no.shown_version()  # None: a number typed, nothing of it shown

        def submit(s: Services) -> tuple[str, dt.date]:
            with edited_as_read(case_no, shown):
                submission = s.reviews.submit(case_no, materials)
            return submission.case_no, submission.due_on

        self._runner.run_op(
            submit,
            self._submitted,
            on_failed=self._refused,
            on_stale=lambda: self.case_no.offer_again(case_no),  # the next try: as it is now
        )

    def _refused(self, text: str, _exc: Failure) -> None:
        self.message.setText(text)

    def _submitted(self, submitted: tuple[str, dt.date]) -> None:
        case_no, due_on = submitted
        said = self.tr("%1 已报送，审核期限 %2")
        self.message.setText(said.replace("%1", case_no).replace("%2", due_on.isoformat()))
        self.case_no.clear_text()
        self.materials.clear()
        self.model.reload()
