"""The 报表 menu: PDFs built in the background, shown, printed and saved as the very same bytes.

The job runs through the window's ``OperationRunner`` on its own read-only connection acting as
the logged-in account (DESIGN: background jobs open their own); the preview loads the PDF bytes
into QtPdf, and printing paints those pages, so what is seen, printed and saved is one document
(``ui/report_preview.py``, loaded with the first report shown).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QProgressDialog,
    QTableView,
)

from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.case_table_model import CaseTableModel
from ui.runner import OperationRunner

if TYPE_CHECKING:
    from chuansha_enforce.services.report_service import DisclosureList
    from ui.report_preview import ReportPreview

Job = Callable[[Services], bytes]


class ReportMenu(QObject):
    """The 报表 menu of the main window and the background jobs behind it."""

    ready = Signal(object)  # ReportPreview, once a report is built and shown
    failed = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        runner: OperationRunner,
        *,
        case_view: QTableView,
        case_model: CaseTableModel,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._services = runner.services
        self._lang = runner.lang
        self._case_view = case_view
        self._case_model = case_model
        self._busy = False
        self.progress: QProgressDialog | None = None
        self.preview: ReportPreview | None = None
        self.error_box: QMessageBox | None = None
        self._cancelled_flag = False
        self._pending_name = ""
        self._full_copy: str | None = None  # the case whose internal summary is being made

    def install(self, menu_bar: QMenuBar) -> None:
        menu = menu_bar.addMenu(self.tr("报表(&R)"))
        menu.setObjectName("reportMenu")
        entries: list[tuple[str, Callable[[], object]]] = [
            (self.tr("年度统计报表(&A)…"), self._annual_dialog),
            (self.tr("案件摘要(&S)"), lambda: self._case_report(public=False)),
            (self.tr("案件摘要公开版(&P)"), lambda: self._case_report(public=True)),
            (self.tr("导出双公示信息(&D)…"), self._disclosure_dialog),
        ]
        for text, slot in entries:
            action = QAction(text, self)
            action.triggered.connect(slot)
            menu.addAction(action)

    # -- asking -----------------------------------------------------------------------------
    def _year(self, title: str) -> int | None:
        year, ok = QInputDialog.getInt(
            self._window,
            title,
            self.tr("年度："),
            today_in_china(self._services.clock).year,
            1949,
            9999,
        )
        return year if ok else None

    def _annual_dialog(self) -> None:
        year = self._year(self.tr("年度统计报表"))
        if year is not None:
            self.annual(year)

    def selected_case_no(self) -> str | None:
        index = self._case_view.currentIndex()
        if not index.isValid():
            return None
        return self._case_model.case_at(index.row()).case_no

    def _case_report(self, *, public: bool) -> None:
        case_no = self.selected_case_no()
        if case_no is None:
            QMessageBox.information(
                self._window, self.tr("案件摘要"), self.tr("请先在案件列表中选择一件案件")
            )
            return
        self.case(case_no, public=public)

    def _disclosure_dialog(self) -> None:
        year = self._year(self.tr("导出双公示信息"))
        if year is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self._window, self.tr("导出双公示信息"), f"双公示{year}.csv", "CSV (*.csv)"
        )
        if name:
            self.export_disclosure(Path(name), year)

    # -- doing ------------------------------------------------------------------------------
    def annual(self, year: int) -> None:
        self.start(lambda s: s.reports.annual_pdf(year), f"年度统计{year}.pdf")

    def case(self, case_no: str, *, public: bool = False) -> None:
        if self._busy:  # one report at a time (nothing is logged for a copy not made)
            return
        if not public:
            # Full identity data: refused unless its outcome can be logged (DOMAIN §8).
            def check_copy(s: Services) -> bool:
                s.reports.check_full_copy(case_no)
                return True

            if self._runner.run_op(check_copy, on_failed=self._failed) is None:
                return
        suffix = "公开版" if public else "摘要"
        safe = "".join(c for c in case_no if c not in '\\/:*?"<>|')
        self._full_copy = None if public else case_no  # its outcome is logged when known
        self.start(lambda s: s.reports.case_pdf(case_no, public=public), f"{safe}{suffix}.pdf")

    def export_disclosure(self, path: Path, year: int) -> bool:
        def export(s: Services) -> DisclosureList:
            data, listing = s.reports.disclosure_csv(year)
            s.reports.save(path, data, ".csv")
            return listing

        listing = self._runner.run_op(export, parent=self._window)
        if listing is None:
            return False
        self._window.statusBar().showMessage(
            self.tr("已导出 %1（公开 %2 条）")
            .replace("%1", str(path))
            .replace("%2", str(len(listing.entries))),
            8000,
        )
        return True

    def start(self, job: Job, name: str) -> None:
        """Build the PDF on a worker thread; show progress until it arrives."""
        if self._busy:
            return
        self._busy = True
        self._pending_name = name
        self.progress = QProgressDialog(
            self.tr("正在生成报表…"), self.tr("取消"), 0, 0, self._window
        )
        self.progress.setObjectName("reportProgress")
        self.progress.setWindowTitle(self.tr("报表"))
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancelled)
        self._cancelled_flag = False
        self._runner.run_op(job, self._finished, background=True, on_failed=self._failed)

    def _cancelled(self) -> None:
        # reportlab cannot be interrupted; the result is simply not shown.
        self._cancelled_flag = True

    def _close_progress(self) -> None:
        self._busy = False
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancelled)
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _finished(self, data: bytes) -> None:
        self._close_progress()
        if self._cancelled_flag:
            self._log_full_copy("cancelled", {})
            return
        if not self._log_full_copy("ok", {}):
            return  # a full copy that cannot be logged is not shown
        from ui.report_preview import ReportPreview  # noqa: PLC0415

        self.preview = ReportPreview(
            self._services, data, self._pending_name, self._lang, self._window
        )
        self.preview.show()
        self.ready.emit(self.preview)

    def _log_full_copy(self, outcome: str, detail: dict[str, object]) -> bool:
        """Log the outcome of the internal case summary being made (if that was the job)."""
        case_no, self._full_copy = self._full_copy, None
        if case_no is None:
            return True

        def log(s: Services) -> bool:
            s.reports.record_full_copy(case_no, outcome, detail)
            return True

        return self._runner.run_op(log, on_failed=self._failed) is not None

    def _failed(self, message: str, _exc: DomainError | StorageError | None = None) -> None:
        self._log_full_copy("failed", {})  # (the message may quote the case's text)
        self._close_progress()
        self.failed.emit(message)
        if not self._cancelled_flag:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("报表"), message, parent=self._window
            )
            box.setObjectName("reportError")
            box.open()
            self.error_box = box

    def wait(self) -> None:
        """Let running jobs end (the window is closing)."""
        self._runner.wait()
