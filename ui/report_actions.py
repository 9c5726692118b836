"""The 报表 menu: PDFs built in the background, shown, printed and saved as the very same bytes.

The job runs through the window's ``OperationRunner`` on its own read-only connection acting as
the logged-in account (DESIGN: background jobs open their own); the preview loads the PDF bytes
into QtPdf, and printing paints those pages, so what is seen, printed and saved is one document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.report_service import DisclosureList
from ui.case_table_model import CaseTableModel
from ui.error_dialogs import show_error
from ui.runner import OperationRunner
from ui.screen_fit import fit_to_screen

Job = Callable[[Services], bytes]


PRINT_DPI_MAX = 300
"""Pages are rasterised at the printer's resolution, at most this (an A4 page at 1200 dpi
would be a 550 MB image)."""


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Paint every page of the loaded PDF onto the printer, fitted to its page."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        dpi = min(printer.resolution(), PRINT_DPI_MAX)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(page, size)
            target = painter.viewport()
            fitted = size.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), fitted), image)
    finally:
        painter.end()


class ReportPreview(QDialog):
    """The PDF on screen, with print preview, print and save-as of the same bytes."""

    def __init__(
        self, services: Services, data: bytes, name: str, lang: Lang, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reportPreview")
        self.setWindowTitle(self.tr("报表预览 - %1").replace("%1", name))
        self._services = services
        self._lang = lang
        self.data = data
        self.suggested_name = name
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        pages = QLabel(self.tr("共 %1 页").replace("%1", str(self.document.pageCount())), self)
        pages.setObjectName("pageCount")
        preview = QPushButton(self.tr("打印预览…"), self)
        preview.clicked.connect(self.print_preview)
        print_button = QPushButton(self.tr("打印…"), self)
        print_button.clicked.connect(self.print_dialog)
        save = QPushButton(self.tr("另存为…"), self)
        save.setObjectName("saveAs")
        save.clicked.connect(self._save_dialog)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(pages)
        buttons.addStretch(1)
        for button in (preview, print_button, save, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 900, 1000)

    def print_to(self, printer: QPrinter) -> None:
        paint_pdf(self.document, printer)

    def print_preview(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(self.print_to)
        dialog.exec()

    def print_dialog(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def _save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), self.suggested_name, "PDF (*.pdf)"
        )
        if name:
            self.save_as(Path(name))

    def save_as(self, path: Path) -> bool:
        try:
            self._services.reports.save(path, self.data, ".pdf")
        except DomainError as exc:
            show_error(self, exc, self._lang)
            return False
        return True


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
