"""Scoring one sampled file item by item, with the running total and grade (案卷评查评分)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.file_review.file_review_records import FindingRow, SampledFileRow
from chuansha_enforce.domain.file_review.file_review_scoring import (
    FileScore,
    Finding,
    ItemKind,
    ScoreSheet,
    score_file,
)
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.file_review_service import FileReviewService
from ui.error_dialogs import show_error


class FileScoreDialog(QDialog):
    """One row per sheet item: a tick for a veto item, the points lost for the others,
    and a note. The total and grade follow every change; OK stores the score."""

    def __init__(
        self,
        reviews: FileReviewService,
        file: SampledFileRow,
        *,
        lang: Lang = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fileScoreDialog")
        self._reviews = reviews
        self._file = file
        self._lang = lang
        self._sheet: ScoreSheet = reviews.sheet_of(file.sample_id)
        self.result_score: FileScore | None = None
        self.setWindowTitle(
            QCoreApplication.translate("FileScoreDialog", "案卷评分：%1").replace(
                "%1", file.file_no
            )
        )
        earlier = {f.item_code: f for f in reviews.findings(file.id)}

        self.vetoes: dict[str, QCheckBox] = {}
        self.deductions: dict[str, QSpinBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        body = QWidget(self)
        layout = QVBoxLayout(body)
        titles = {
            ItemKind.VETO: QCoreApplication.translate(
                "FileScoreDialog", "否决项（任一项成立即为不合格，得 0 分）"
            ),
            ItemKind.FORM: QCoreApplication.translate(
                "FileScoreDialog", "案卷形式（%1 分）"
            ).replace("%1", str(self._sheet.form_total)),
            ItemKind.CONTENT: QCoreApplication.translate(
                "FileScoreDialog", "案卷内容（%1 分）"
            ).replace("%1", str(self._sheet.content_total)),
        }
        for kind in ItemKind:
            box = QGroupBox(titles[kind], body)
            grid = QGridLayout(box)
            for row, item in enumerate(self._sheet.of_kind(kind)):
                found = earlier.get(item.code)
                if kind is ItemKind.VETO:
                    tick = QCheckBox(item.label, box)
                    tick.setObjectName(f"veto_{item.code}")
                    tick.setChecked(found is not None)
                    tick.toggled.connect(self._update)
                    self.vetoes[item.code] = tick
                    grid.addWidget(tick, row, 0)
                else:
                    grid.addWidget(QLabel(item.label, box), row, 0)
                    spin = QSpinBox(box)
                    spin.setObjectName(f"points_{item.code}")
                    spin.setRange(0, item.cap)
                    spin.setPrefix(QCoreApplication.translate("FileScoreDialog", "扣 "))
                    spin.setSuffix(QCoreApplication.translate("FileScoreDialog", " 分"))
                    spin.setSpecialValueText(  # at 0: never "-0 分"
                        QCoreApplication.translate("FileScoreDialog", "不扣分")
                    )
                    spin.setToolTip(
                        QCoreApplication.translate("FileScoreDialog", "每处扣 %1 分，最多扣 %2 分")
                        .replace("%1", str(item.points))
                        .replace("%2", str(item.cap))
                    )
                    spin.setValue(found.points if found is not None else 0)
                    spin.valueChanged.connect(self._update)
                    self.deductions[item.code] = spin
                    grid.addWidget(spin, row, 1)
                note = QLineEdit(box)
                note.setObjectName(f"note_{item.code}")
                note.setPlaceholderText(QCoreApplication.translate("FileScoreDialog", "问题说明"))
                note.setMaxLength(500)
                note.setText(found.note if found is not None else "")
                self.notes[item.code] = note
                grid.addWidget(note, row, 2)
            grid.setColumnStretch(2, 1)
            layout.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("runningTotal")
        self.total_label.setStyleSheet("font-weight: bold;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.total_label)
        outer.addWidget(buttons)
        self.resize(760, 640)
        self._update()

    def findings(self) -> list[Finding]:
        found: list[Finding] = []
        for code, tick in self.vetoes.items():
            if tick.isChecked():
                found.append(Finding(code, None, self.notes[code].text()))
        for code, spin in self.deductions.items():
            if spin.value() > 0:
                found.append(Finding(code, spin.value(), self.notes[code].text()))
        return found

    def preview(self) -> FileScore:
        return score_file(self._sheet, self.findings())

    def _update(self) -> None:
        score = self.preview()
        text = (
            QCoreApplication.translate(
                "FileScoreDialog", "案卷形式 %1 分，案卷内容 %2 分，总分 %3 分：%4"
            )
            .replace("%1", str(score.form))
            .replace("%2", str(score.content))
            .replace("%3", str(score.total))
            .replace("%4", score.grade.label)
        )
        if score.vetoed:
            text += QCoreApplication.translate("FileScoreDialog", "（否决项：%1）").replace(
                "%1", "、".join(score.veto_labels)
            )
        self.total_label.setText(text)

    def save(self) -> None:
        try:
            self.result_score = self._reviews.score(self._file.id, self.findings())
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return
        self.accept()


def defect_state(finding: FindingRow) -> str:
    if finding.rectified_on is None:
        return QCoreApplication.translate("FileScoreDialog", "未整改")
    return QCoreApplication.translate("FileScoreDialog", "已整改（%1）").replace(
        "%1", finding.rectified_on
    )
