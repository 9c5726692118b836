"""The case-file review tab (案卷评查): draw a sample, score its files, track the defects."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.clock import china_time, today_in_china
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_records import (
    FindingRow,
    SampledFileRow,
    SampleRow,
)
from chuansha_enforce.domain.file_review.file_review_sampling import MAX_SEED, SampleRule, Stratify
from chuansha_enforce.domain.file_review.file_review_scoring import Grade, ItemKind
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.changes import Changes
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import StorageError
from ui.error_dialogs import show_error
from ui.file_score_dialog import FileScoreDialog, defect_state
from ui.step_form import Field, FormValues, Kind, StepForm


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class FileReviewPanel(QWidget):
    changed = Signal()

    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fileReviewPanel")
        self._services = services
        self._reviews = services.file_reviews
        self._lang = lang
        today = today_in_china(services.clock)

        # -- drawing a sample ------------------------------------------------------------
        draw_box = QGroupBox(QCoreApplication.translate("FileReviewPanel", "抽取样本"), self)
        form = QFormLayout(draw_box)
        self.year = QSpinBox(draw_box)
        self.year.setObjectName("sampleYear")
        self.year.setRange(2000, today.year)
        self.year.setValue(today.year - 1)
        form.addRow(QCoreApplication.translate("FileReviewPanel", "结案年度"), self.year)
        size_row = QHBoxLayout()
        self.size_kind = QComboBox(draw_box)
        self.size_kind.setObjectName("sizeKind")
        self.size_kind.addItem(QCoreApplication.translate("FileReviewPanel", "抽查件数"), "count")
        self.size_kind.addItem(
            QCoreApplication.translate("FileReviewPanel", "抽查比例（%）"), "percent"
        )
        self.sample_size = QSpinBox(draw_box)
        self.sample_size.setObjectName("sampleSize")
        self.sample_size.setRange(1, 100_000)
        self.sample_size.setValue(50)
        size_row.addWidget(self.size_kind)
        size_row.addWidget(self.sample_size, 1)
        form.addRow(QCoreApplication.translate("FileReviewPanel", "样本量"), size_row)
        self.seed = QLineEdit(draw_box)
        self.seed.setObjectName("sampleSeed")
        self.seed.setPlaceholderText(
            QCoreApplication.translate("FileReviewPanel", "留空则按当前时间生成，并随样本保存")
        )
        form.addRow(QCoreApplication.translate("FileReviewPanel", "随机种子"), self.seed)
        self.stratify = QComboBox(draw_box)
        self.stratify.setObjectName("stratify")
        for choice in Stratify:
            self.stratify.addItem(choice.label, choice.value)
        form.addRow(QCoreApplication.translate("FileReviewPanel", "分层"), self.stratify)
        self.include_simple = QCheckBox(
            QCoreApplication.translate("FileReviewPanel", "同时抽查简易程序案卷"), draw_box
        )
        self.include_simple.setObjectName("includeSimple")
        self.exclude_sampled = QCheckBox(
            QCoreApplication.translate("FileReviewPanel", "不含以前已抽查的案卷"), draw_box
        )
        self.exclude_sampled.setObjectName("excludeSampled")
        form.addRow(self.include_simple)
        form.addRow(self.exclude_sampled)
        self.draw_button = QPushButton(
            QCoreApplication.translate("FileReviewPanel", "抽取并保存样本"), draw_box
        )
        self.draw_button.setObjectName("drawSample")
        self.draw_button.clicked.connect(self.draw_sample)
        form.addRow(self.draw_button)

        # -- the samples and their files ---------------------------------------------------
        self.samples = QComboBox(self)
        self.samples.setObjectName("samples")
        self.samples.currentIndexChanged.connect(self._sample_changed)
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("sampleRule")
        self.rule_label.setWordWrap(True)
        self.files = QTableWidget(0, 7, self)
        self.files.setObjectName("sampledFiles")
        self.files.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("FileReviewPanel", "序号"),
                QCoreApplication.translate("FileReviewPanel", "案卷编号"),
                QCoreApplication.translate("FileReviewPanel", "当事人"),
                QCoreApplication.translate("FileReviewPanel", "分层"),
                QCoreApplication.translate("FileReviewPanel", "得分"),
                QCoreApplication.translate("FileReviewPanel", "等次"),
                QCoreApplication.translate("FileReviewPanel", "问题（未整改）"),
            ]
        )
        self.files.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.files.horizontalHeader().setStretchLastSection(True)
        self.files.verticalHeader().setVisible(False)  # 序号 is the first column
        self.files.doubleClicked.connect(lambda index: self.open_score(index.row()))
        self.score_button = QPushButton(
            QCoreApplication.translate("FileReviewPanel", "评分…"), self
        )
        self.score_button.setObjectName("scoreFile")
        self.score_button.clicked.connect(lambda: self.open_score(self.files.currentRow()))

        self.defects = QTableWidget(0, 5, self)
        self.defects.setObjectName("defects")
        self.defects.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("FileReviewPanel", "案卷编号"),
                QCoreApplication.translate("FileReviewPanel", "问题"),
                QCoreApplication.translate("FileReviewPanel", "扣分"),
                QCoreApplication.translate("FileReviewPanel", "说明"),
                QCoreApplication.translate("FileReviewPanel", "整改"),
            ]
        )
        self.defects.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.defects.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.defects.horizontalHeader().setStretchLastSection(True)
        self.defects.verticalHeader().setVisible(False)
        self.open_only = QCheckBox(
            QCoreApplication.translate("FileReviewPanel", "只看未整改"), self
        )
        self.open_only.setObjectName("openOnly")
        self.open_only.toggled.connect(lambda _on: self.reload_defects())
        self.rectify_button = QPushButton(
            QCoreApplication.translate("FileReviewPanel", "登记整改…"), self
        )
        self.rectify_button.setObjectName("rectifyDefect")
        self.rectify_button.clicked.connect(lambda: self.open_rectify(self.defects.currentRow()))
        self.sample_pdf_button = QPushButton(
            QCoreApplication.translate("FileReviewPanel", "抽查清单 PDF…"), self
        )
        self.sample_pdf_button.setObjectName("samplePdf")
        self.sample_pdf_button.clicked.connect(lambda: self.save_pdf("sample"))
        self.defects_pdf_button = QPushButton(
            QCoreApplication.translate("FileReviewPanel", "整改清单 PDF…"), self
        )
        self.defects_pdf_button.setObjectName("defectsPdf")
        self.defects_pdf_button.clicked.connect(lambda: self.save_pdf("defects"))
        self.score_dialog: FileScoreDialog | None = None
        self.rectify_form: StepForm | None = None
        self._file_rows: list[SampledFileRow] = []
        self._defect_rows: list[FindingRow] = []

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(QCoreApplication.translate("FileReviewPanel", "抽查批次"), right))
        picker.addWidget(self.samples, 1)
        picker.addWidget(self.score_button)
        picker.addWidget(self.sample_pdf_button)
        picker.addWidget(self.defects_pdf_button)
        right_layout.addLayout(picker)
        right_layout.addWidget(self.rule_label)
        split = QSplitter(Qt.Orientation.Vertical, right)
        split.addWidget(self.files)
        lower = QWidget(split)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        defect_bar = QHBoxLayout()
        defect_bar.addWidget(
            QLabel(QCoreApplication.translate("FileReviewPanel", "问题清单"), lower)
        )
        defect_bar.addWidget(self.open_only)
        defect_bar.addStretch(1)
        defect_bar.addWidget(self.rectify_button)
        lower_layout.addLayout(defect_bar)
        lower_layout.addWidget(self.defects, 1)
        split.addWidget(lower)
        right_layout.addWidget(split, 1)

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(draw_box)
        left.addStretch(1)
        layout.addLayout(left)
        layout.addWidget(right, 1)
        self.reload_samples()
        # DOMAIN §9: reviewers (and administrators) draw, reviewers score, clerks rectify.
        self.draw_button.setEnabled(services.may(Permission.DRAW_SAMPLES))
        self.score_button.setEnabled(services.may(Permission.SCORE_FILES))
        self.rectify_button.setEnabled(services.may(Permission.RECTIFY_DEFECTS))

    # -- drawing ------------------------------------------------------------------------

    def rule(self) -> SampleRule:
        text = self.seed.text().strip()
        if text:
            try:
                seed = int(text)
            except ValueError:
                raise DomainError("file_review.seed", "seed", {"max": MAX_SEED}) from None
        else:
            seed = self._reviews.default_seed()
        by_count = self.size_kind.currentData() == "count"
        stratify = Stratify(str(self.stratify.currentData()))
        return SampleRule(
            year=self.year.value(),
            seed=seed,
            count=self.sample_size.value() if by_count else None,
            percent=None if by_count else self.sample_size.value(),
            stratify=stratify,
            include_simple=self.include_simple.isChecked(),
            exclude_sampled=self.exclude_sampled.isChecked(),
        )

    def draw_sample(self) -> bool:
        try:
            drawn = self._reviews.draw(self.rule())
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return False
        self.seed.setText(str(drawn.sample.seed))
        self.reload_samples(select=drawn.sample.id)
        self.changed.emit()
        return True

    # -- samples and files --------------------------------------------------------------

    def reload_samples(self, select: int | None = None) -> None:
        self.samples.blockSignals(True)
        self.samples.clear()
        for s in self._reviews.samples():
            self.samples.addItem(self._sample_title(s), s.id)
        self.samples.blockSignals(False)
        index = 0 if select is None else max(0, self.samples.findData(select))
        self.samples.setCurrentIndex(index)
        self._sample_changed(index)

    def _sample_title(self, s: SampleRow) -> str:
        return (
            QCoreApplication.translate("FileReviewPanel", "第 %1 批：%2 年，%3 件（已评 %4）")
            .replace("%1", str(s.id))
            .replace("%2", str(s.year))
            .replace("%3", str(s.files))
            .replace("%4", str(s.scored))
        )

    def current_sample(self) -> int | None:
        data = self.samples.currentData()
        return int(data) if data is not None else None

    def _sample_changed(self, _index: int) -> None:
        sample_id = self.current_sample()
        sample = None if sample_id is None else self._reviews.sample(sample_id)
        if sample is None:
            self.rule_label.setText(QCoreApplication.translate("FileReviewPanel", "尚未抽取样本"))
        else:
            rule = sample.rule
            size = (
                QCoreApplication.translate("FileReviewPanel", "%1 件").replace(
                    "%1", str(rule["count"])
                )
                if rule.get("count") is not None
                else f"{rule['percent']}%"
            )
            self.rule_label.setText(
                QCoreApplication.translate(
                    "FileReviewPanel",
                    "总体：%1（共 %2 件）；样本量：%3；%4；随机种子：%5；抽取：%6 %7",
                )
                .replace("%1", str(rule.get("population", "")))
                .replace("%2", str(sample.population))
                .replace("%3", size)
                .replace("%4", Stratify(str(rule["stratify"])).label)
                .replace("%5", str(sample.seed))
                .replace("%6", sample.drawn_by)
                .replace("%7", china_time(sample.drawn_at))
            )
        self.reload_files()
        self.reload_defects()

    def reload_files(self) -> None:
        sample_id = self.current_sample()
        self._file_rows = [] if sample_id is None else self._reviews.files(sample_id)
        self.files.setRowCount(len(self._file_rows))
        for row, f in enumerate(self._file_rows):
            grade = "" if f.grade is None else Grade(f.grade).label
            values = [
                str(f.position),
                f.file_no,
                f.party_name,
                f.stratum,
                "" if f.total is None else str(f.total),
                grade,
                f"{f.defects}（{f.open_defects}）" if f.scored_at else "",
            ]
            for column, value in enumerate(values):
                self.files.setItem(row, column, _cell(value))
        self.files.resizeColumnsToContents()

    def reload_defects(self) -> None:
        sample_id = self.current_sample()
        self._defect_rows = (
            []
            if sample_id is None
            else self._reviews.defects(sample_id, open_only=self.open_only.isChecked())
        )
        self.defects.setRowCount(len(self._defect_rows))
        for row, d in enumerate(self._defect_rows):
            cost = (
                QCoreApplication.translate("FileReviewPanel", "否决")
                if d.kind == ItemKind.VETO.value
                else f"-{d.points}"
            )
            values = [d.file_no, d.item_label, cost, d.note, defect_state(d)]
            for column, value in enumerate(values):
                self.defects.setItem(row, column, _cell(value))
        self.defects.resizeColumnsToContents()

    # -- the lists as PDF ---------------------------------------------------------------

    def save_pdf(self, which: str, path: Path | None = None) -> Path | None:
        """Save the sample list or the rectification list; asks where when no path is given."""
        sample_id = self.current_sample()
        if sample_id is None:
            return None
        if which == "sample":
            title, name = (
                QCoreApplication.translate("FileReviewPanel", "案卷评查抽查清单"),
                f"抽查清单-第{sample_id}批.pdf",
            )
        else:
            title, name = (
                QCoreApplication.translate("FileReviewPanel", "案卷评查问题整改清单"),
                f"整改清单-第{sample_id}批.pdf",
            )
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, title, name, QCoreApplication.translate("FileReviewPanel", "PDF 文件 (*.pdf)")
            )
            if not chosen:
                return None
            path = Path(chosen)
        reports = self._services.reports
        try:
            letterhead = reports.letterhead(title)
            if which == "sample":
                data = self._reviews.sample_list_pdf(sample_id, letterhead)
            else:
                data = self._reviews.rectification_list_pdf(sample_id, letterhead)
            return reports.save(path, data, ".pdf")
        except (DomainError, StorageError) as exc:
            show_error(self, exc, self._lang)
            return None

    # -- scoring and rectifying ---------------------------------------------------------

    def open_score(self, row: int) -> FileScoreDialog | None:
        if not self.score_button.isEnabled() or not 0 <= row < len(self._file_rows):
            return None
        dialog = FileScoreDialog(self._reviews, self._file_rows[row], lang=self._lang, parent=self)
        dialog.accepted.connect(self._scored)
        self.score_dialog = dialog
        dialog.open()
        return dialog

    def _scored(self) -> None:
        sample_id = self.current_sample()
        self.reload_samples(select=sample_id)
        self.changed.emit()

    def open_rectify(self, row: int) -> StepForm | None:
        if not 0 <= row < len(self._defect_rows):
            return None
        defect = self._defect_rows[row]
        fields = [
            Field(
                "rectified_on", QCoreApplication.translate("FileReviewPanel", "整改日期"), Kind.DATE
            ),
            Field(
                "rectification",
                QCoreApplication.translate("FileReviewPanel", "整改情况"),
                Kind.LONG_TEXT,
            ),
        ]

        def submit(values: FormValues) -> Changes:
            return self._reviews.rectify(
                defect.id, values.date("rectified_on"), values.text("rectification")
            )

        form = StepForm(
            QCoreApplication.translate("FileReviewPanel", "登记整改：%1 %2")
            .replace("%1", defect.file_no)
            .replace("%2", defect.item_label),
            fields,
            submit,
            today=today_in_china(self._services.clock),
            lang=self._lang,
            parent=self,
        )
        form.accepted.connect(self._rectified)
        self.rectify_form = form
        form.open()
        return form

    def _rectified(self) -> None:
        self.reload_samples(select=self.current_sample())
        self.changed.emit()
