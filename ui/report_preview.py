"""The report preview: the PDF's very bytes shown with QtPdf, printed by painting those pages
and saved as they are, so what is seen, printed and saved is one document.

Its own module: QtPdf and QtPrintSupport are loaded when the first report is shown, not when
the main window starts (``ui/report_actions.py`` builds the reports)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError
from ui.error_dialogs import show_error
from ui.screen_fit import fit_to_screen

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
