"""Reviewing one case: the checklist, the opinion and reasons, and signing with the password.

Earlier rounds are listed with their signature state, checked again each time the dialog
shows them. Only a reviewer sees the sign button; a clerk sees the record only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.review.review_checklist import CHECKLIST, Finding
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.review_service import RoundView, Signed, SignRequest
from ui.runner import OperationRunner
from ui.text_caps import TextCaps


def sign_hidden_reason(services: Services, has_submission: bool, lang: Lang) -> str | None:
    """Why this user cannot sign here (None: they can)."""
    account = services.session.account
    if account is None:
        return render("review.sign_single_user", {}, lang)
    if not account.can(Permission.SIGN_REVIEW):
        text = QCoreApplication.translate(
            "ReviewDialog", "只有法制审核人员可以签署；当前用户：%1（%2）"
        )
        return text.replace("%1", account.display_name or account.name).replace(
            "%2", account.role.label
        )
    if services.read_only:
        return QCoreApplication.translate("ReviewDialog", "数据库以只读方式打开，不能签署")
    if not has_submission:
        return QCoreApplication.translate("ReviewDialog", "本案没有待审核的报送，无需签署")
    return None


class ReviewDialog(QDialog):
    signed = Signal(object)  # the Signed result, with its Changes
    open_case_requested = Signal(str)  # the case window, beside this form
    summary_requested = Signal(str)  # the internal case summary (PDF), beside this form

    def __init__(
        self, services: Services, case_no: str, lang: Lang = "zh", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self._services = services
        self._runner = OperationRunner(services, lang, self)
        self._lang = lang
        self.case_no = case_no
        self.setWindowTitle(self.tr("法制审核：%1").replace("%1", case_no))
        view = services.case_files.view(case_no)
        self.version = view.case.version  # the sign-off is made from the case as shown
        submission = services.reviews.open_submission(case_no)
        header = QLabel(self)
        reasons = "；".join(view.major.labels) or self.tr("（非重大案件）")
        header.setText(
            self.tr("%1　%2　重大案件理由：%3")
            .replace("%1", case_no)
            .replace("%2", view.case.party.name)
            .replace("%3", reasons)
        )
        header.setWordWrap(True)
        materials = QLabel(self)
        if submission is not None:
            materials.setText(
                self.tr("报送材料：%1；审核期限 %2")
                .replace("%1", "、".join(submission.materials))
                .replace("%2", submission.due_on.isoformat())
            )
        else:
            materials.setText(self.tr("没有待审核的报送"))
        self.rounds = QListWidget(self)
        self.rounds.setObjectName("reviewRounds")
        self.rounds.setMaximumHeight(110)

        self.hidden_reason = sign_hidden_reason(services, submission is not None, lang)
        self.may_sign = self.hidden_reason is None
        self.open_case_button = QPushButton(self.tr("打开案件(&O)"), self)
        self.open_case_button.setObjectName("openCaseButton")
        self.open_case_button.clicked.connect(lambda: self.open_case_requested.emit(case_no))
        self.summary_button = QPushButton(self.tr("案件摘要PDF(&P)"), self)
        self.summary_button.setObjectName("summaryButton")
        self.summary_button.clicked.connect(lambda: self.summary_requested.emit(case_no))
        beside = QHBoxLayout()
        beside.addWidget(self.open_case_button)
        beside.addWidget(self.summary_button)
        beside.addStretch(1)
        self.state = QLabel(self)
        self.state.setObjectName("signedState")
        self.state.setWordWrap(True)
        self._caps = TextCaps(self.state, lang, self)  # a note named by its checklist item
        checklist = QGroupBox(self.tr("审核要点（勾选有问题的要点并写明问题）"), self)
        grid = QGridLayout(checklist)
        self.problems: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLineEdit] = {}
        for row, (item, label) in enumerate(CHECKLIST.items()):
            box = QCheckBox(label, checklist)
            box.setObjectName(f"problem_{item}")
            note = QLineEdit(checklist)
            note.setObjectName(f"note_{item}")
            self._caps.hold(note, "note", label)
            grid.addWidget(box, row, 0)
            grid.addWidget(note, row, 1)
            self.problems[item], self.notes[item] = box, note
        self.opinion = QComboBox(self)
        self.opinion.setObjectName("opinion")
        for opinion in ReviewOpinion:
            self.opinion.addItem(opinion.label, opinion.value)
        self.reasons = QPlainTextEdit(self)
        self.reasons.setObjectName("reasons")
        self.reasons.setMaximumHeight(70)
        self._caps.hold(self.reasons, "reasons", self.tr("理由"))
        self.password = QLineEdit(self)
        self.password.setObjectName("signPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(materials)
        layout.addLayout(beside)
        layout.addWidget(QLabel(self.tr("已有审核轮次："), self))
        layout.addWidget(self.rounds)
        self.sign_button: QPushButton | None = None
        self.hidden_label = QLabel(self.hidden_reason or "", self)
        self.hidden_label.setObjectName("signHiddenReason")
        self.hidden_label.setWordWrap(True)
        self.hidden_label.setStyleSheet("color: #8a5a00;")
        self.hidden_label.setVisible(not self.may_sign)
        layout.addWidget(self.hidden_label)
        if self.may_sign:
            # labels made only when shown: a form never shown leaves no stray labels
            form = QFormLayout()
            form.addRow(self.tr("审核结论"), self.opinion)
            form.addRow(self.tr("理由"), self.reasons)
            form.addRow(self.tr("密码（每次签署都要输入）"), self.password)
            layout.addWidget(checklist)
            layout.addLayout(form)
            self.sign_button = QPushButton(self.tr("签署"), self)
            self.sign_button.setObjectName("signButton")
            self.sign_button.clicked.connect(self.sign)
            layout.addWidget(self.sign_button)
        else:
            checklist.hide()
            for widget in (self.opinion, self.reasons, self.password):
                widget.hide()
        layout.addWidget(self.state)
        self._show_rounds(services.reviews.rounds(case_no))

    def _state_text(self, view: RoundView) -> str:
        return {
            "valid": self.tr("签名有效"),
            "invalid": self.tr("签名无效"),
            "unsigned": self.tr("未签名"),
            "imported": self.tr("台账导入（无签名）"),
        }[view.signature]

    def _show_rounds(self, views: list[RoundView]) -> None:
        self.rounds.clear()
        for v in views:
            r = v.round
            line = (
                self.tr("第%1轮　%2　%3　%4　%5")
                .replace("%1", str(r.round_no))
                .replace("%2", r.reviewed_on.isoformat())
                .replace("%3", r.reviewer)
                .replace("%4", r.opinion.label)
                .replace("%5", self._state_text(v))
            )
            self.rounds.addItem(line)

    def findings(self) -> tuple[Finding, ...]:
        return tuple(
            Finding(item, False, self.notes[item].text())
            for item, box in self.problems.items()
            if box.isChecked()
        )

    def _refused(self, text: str, _exc: DomainError | StorageError) -> None:
        self.state.setText(text)

    def _read_again(self) -> None:
        """Someone changed the case: show its rounds as they are now, sign from them."""
        self.version = self._services.case_files.find(self.case_no).version
        self._show_rounds(self._services.reviews.rounds(self.case_no))

    def sign(self) -> None:
        if self._caps.refuse():
            return
        opinion = ReviewOpinion(str(self.opinion.currentData()))
        request = SignRequest(
            opinion, self.reasons.toPlainText(), self.findings(), self.password.text()
        )
        self.password.clear()

        def sign_as_read(services: Services) -> Signed:
            with edited_as_read(self.case_no, self.version):
                return services.reviews.sign(self.case_no, request)

        signed = self._runner.run_op(
            sign_as_read, on_failed=self._refused, on_stale=self._read_again
        )
        if signed is None:
            return
        done = signed.round
        self._show_rounds(self._services.reviews.rounds(self.case_no))
        self.state.setText(
            self.tr("第%1轮已签署：%2（%3）")
            .replace("%1", str(done.round.round_no))
            .replace("%2", done.round.opinion.label)
            .replace("%3", self._state_text(done))
        )
        if self.sign_button is not None:
            self.sign_button.setEnabled(False)
        self.signed.emit(signed)
