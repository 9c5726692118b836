"""Importing a ledger: check or import in the background, with progress, cancel and the issues.

The work runs through the window's ``OperationRunner`` on a thread with its own database
connection, acting as the logged-in account (a clerk imports as the clerk, and the check meets
the same role checks); the service writes all or nothing, so cancelling or a refusal leaves the
database as it was.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.ledger_service import ImportReport
from ui.runner import OperationRunner, Progress


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportReport, after a successful write

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入台账"))
        self._runner = runner
        self._lang = runner.lang
        self._progress: Progress | None = None
        self.report: ImportReport | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        self.path_edit.setPlaceholderText(self.tr("选择 xlsx 或 csv 台账文件"))
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self._browse)
        self.check_button = QPushButton(self.tr("检查"), self)
        self.check_button.setObjectName("check")
        self.check_button.clicked.connect(lambda: self.start(dry_run=True))
        self.import_button = QPushButton(self.tr("导入"), self)
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(lambda: self.start(dry_run=False))
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.issues = QTableWidget(0, 5, self)
        self.issues.setObjectName("issues")
        self.issues.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("工作表"), self.tr("行"), self.tr("列"), self.tr("说明")]
        )
        self.issues.horizontalHeader().setStretchLastSection(True)
        copy = QPushButton(self.tr("复制全部"), self)
        copy.clicked.connect(self.copy_issues)
        save = QPushButton(self.tr("另存为 CSV…"), self)
        save.clicked.connect(self._save_dialog)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        actions = QHBoxLayout()
        for button in (self.check_button, self.import_button, self.cancel_button):
            actions.addWidget(button)
        actions.addWidget(self.progress, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(copy)
        bottom.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.issues, 1)
        layout.addLayout(bottom)
        self.resize(900, 520)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择台账文件"), "", self.tr("台账 (*.xlsx *.csv)")
        )
        if name:
            self.path_edit.setText(name)

    def start(self, *, dry_run: bool) -> None:
        text = self.path_edit.text().strip()
        if not text:
            self.summary.setText(self.tr("请先选择文件"))
            return
        self.report = None
        self.issues.setRowCount(0)
        self.summary.setText(self.tr("正在检查…") if dry_run else self.tr("正在导入…"))
        self.progress.setRange(0, 0)
        self._set_running(True)
        progress = Progress(self)
        progress.progressed.connect(self._progressed)
        self._progress = progress
        path = Path(text)
        self._runner.run_op(
            lambda s: s.ledger.import_file(path, dry_run=dry_run, progress=progress),
            self._finished,
            background=True,
            read_only=dry_run,
            on_failed=self._failed,
        )

    def cancel(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def _set_running(self, running: bool) -> None:
        self.check_button.setEnabled(not running)
        self.import_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, message: str, _exc: DomainError | StorageError) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.summary.setText(message)

    def _finished(self, report: ImportReport) -> None:
        self._set_running(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.report = report
        rows = [(self.tr("错误"), i) for i in report.errors]
        rows += [(self.tr("提醒"), i) for i in report.warnings]
        self.issues.setRowCount(len(rows))
        for r, (kind, issue) in enumerate(rows):
            values = [
                kind,
                issue.sheet or "",
                str(issue.row or ""),
                issue.header or "",
                render(issue.code, issue.params, self._lang),
            ]
            for c, value in enumerate(values):
                self.issues.setItem(r, c, QTableWidgetItem(value))
        self.issues.resizeColumnsToContents()
        if report.cancelled:
            self.summary.setText(self.tr("已取消，未写入任何数据"))
        elif report.errors:
            text = self.tr("发现 %1 处错误，未写入任何数据").replace("%1", str(report.error_count))
            if report.error_count > len(report.errors):
                text += self.tr("（只列出了前 %1 处）").replace("%1", str(len(report.errors)))
            self.summary.setText(text)
        else:
            done = self.tr("已导入") if report.written else self.tr("检查通过（未写入）")
            self.summary.setText(
                self.tr("%1：执法人员 %2 名，一般程序案件 %3 件，简易程序决定 %4 件，提醒 %5 条")
                .replace("%1", done)
                .replace("%2", str(report.officers))
                .replace("%3", str(report.general_cases))
                .replace("%4", str(report.simple_decisions))
                .replace("%5", str(len(report.warnings)))
            )
            if report.written:
                self.imported.emit(report)

    def issue_rows(self) -> list[list[str]]:
        return [
            [
                item.text() if (item := self.issues.item(r, c)) is not None else ""
                for c in range(self.issues.columnCount())
            ]
            for r in range(self.issues.rowCount())
        ]

    def copy_issues(self) -> None:
        lines = ["\t".join(row) for row in self.issue_rows()]
        QGuiApplication.clipboard().setText("\n".join(lines))

    def _save_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存问题清单"), "", "CSV (*.csv)")
        if name:
            self.save_issues(Path(name))

    def save_issues(self, path: Path) -> bool:
        """UTF-8 with BOM, which Excel on Chinese Windows opens correctly; written whole, and
        never over the database or a backup (the core refuses those)."""
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(["类别", "工作表", "行", "列", "说明"])
        writer.writerows(self.issue_rows())
        data = text.getvalue().encode("utf-8-sig")
        return (
            self._runner.run_op(lambda s: s.reports.save(path, data, ".csv"), parent=self)
            is not None
        )

    def wait_finished(self) -> None:
        """For tests and closing: wait until the background work has ended."""
        self._runner.wait()
