"""复议诉讼: the register of reconsiderations and lawsuits in the window (DOMAIN §15).

A list with the reply deadline flagged as the case list flags its clocks (overdue red, due soon
yellow, the same due-soon setting), filters by year and pending, the selected dispute's details,
and two forms: record a new dispute, record what happened next on a pending one. Both run
through the window's ``OperationRunner``; a refusal stays in the form, nothing written.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.disputes.disputes import (
    OUTCOMES,
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
    Instance,
    outcome_label,
)
from chuansha_enforce.domain.messages import render
from chuansha_enforce.domain.records import CaseListRow
from chuansha_enforce.services.case_versions import dispute_edited_as_read, edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.dispute_service import DisputeStep, DisputeView
from ui.case_detail import flag_colour
from ui.dispute_table import dispute_table, fill_dispute_table, reply_flags
from ui.runner import OperationRunner, raise_failure
from ui.step_form import Field, FormValues, Kind, StepForm


class DisputePanel(QWidget):
    """The 复议诉讼 tab."""

    def __init__(
        self, runner: OperationRunner, parent: QWidget | None = None, *, deferred: bool = False
    ) -> None:
        """``deferred``: the register is read when the panel is first shown (or
        ``ensure_loaded``), not before the main window's first paint."""
        super().__init__(parent)
        self.setObjectName("disputePanel")
        self._loaded = False
        self._runner = runner
        self._services: Services = runner.services
        self.views: list[DisputeView] = []
        self._flags = reply_flags(self._services)
        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("disputeYear")
        self.pending_only = QCheckBox(
            QCoreApplication.translate("DisputePanel", "仅显示未审结"), self
        )
        self.pending_only.setObjectName("disputePending")
        self.add_button = QPushButton(
            QCoreApplication.translate("DisputePanel", "登记复议/诉讼…"), self
        )
        self.add_button.setObjectName("addDispute")
        self.add_button.clicked.connect(self.open_add)
        self.update_button = QPushButton(
            QCoreApplication.translate("DisputePanel", "记录进展…"), self
        )
        self.update_button.setObjectName("updateDispute")
        self.update_button.clicked.connect(self.open_update)
        self.table = dispute_table(self)
        self.table.setObjectName("disputeTable")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_update())
        self.detail = QLabel(self)
        self.detail.setObjectName("disputeDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form: StepForm | None = None
        top = QHBoxLayout()
        top.addWidget(QLabel(QCoreApplication.translate("DisputePanel", "年度："), self))
        top.addWidget(self.year_filter)
        top.addWidget(self.pending_only)
        top.addStretch(1)
        top.addWidget(self.add_button)
        top.addWidget(self.update_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        self.year_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.pending_only.toggled.connect(lambda _on: self.reload())
        self.add_button.setEnabled(self._services.may(Permission.RECORD_CASES))
        if not deferred:
            self.reload()  # fills the years too

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)

    def _fill_years(self) -> None:
        chosen = self.year_filter.currentData()
        years = {v.record.received_on.year for v in self._services.disputes.listing()}
        years.add(today_in_china(self._services.clock).year)
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(QCoreApplication.translate("DisputePanel", "全部年度"), None)
        for year in sorted(years, reverse=True):
            self.year_filter.addItem(
                QCoreApplication.translate("DisputePanel", "%1年").replace("%1", str(year)), year
            )
        index = self.year_filter.findData(chosen)
        self.year_filter.setCurrentIndex(max(index, 0))
        self.year_filter.blockSignals(False)

    def colour(self, view: DisputeView) -> QColor | None:
        """Overdue red, due soon yellow: the case clocks' colours and due-soon setting."""
        return flag_colour(self._flags(view))

    def reload(self) -> None:
        """Read the register again (after a change, or a filter)."""
        self._loaded = True
        chosen = self.selected()
        self._fill_years()
        self.views = self._services.disputes.listing(
            year=self.year_filter.currentData(), pending_only=self.pending_only.isChecked()
        )
        self._flags = reply_flags(self._services)
        fill_dispute_table(self.table, self.views, self.colour)
        for row, view in enumerate(self.views):
            if chosen is not None and view.id == chosen.id:
                self.table.selectRow(row)
        self._selection_changed()

    def selected(self) -> DisputeView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.views):
            return None
        return self.views[rows[0].row()]

    def _selection_changed(self) -> None:
        view = self.selected()
        records = self._services.may(Permission.RECORD_CASES)
        self.update_button.setEnabled(records and view is not None and view.record.pending)
        self.detail.setText("" if view is None else detail_text(view))

    def open_add(self) -> StepForm:
        today = today_in_china(self._services.clock)
        # the case the form shows for the number typed, with the version read with its row
        # (issue 23): the dispute is recorded from it, or refused when the case changed since
        shown: list[CaseListRow | None] = [None]

        def linked(values: FormValues) -> str:
            shown[0] = self._linked_case(values.text("case_no"))
            row = shown[0]
            if row is None:
                return ""
            params = {"case_no": row.case_no, "party": row.party_name, "cause": row.cause}
            return render("dispute.linked_case", params, self._runner.lang)

        def submit(values: FormValues) -> object:
            record = _new_record(values)
            read = shown[0]

            def add(s: Services) -> object:
                # a short case number ("2026-7") means the one case it matches; several are
                # listed in the form's message (issue 21 §2)
                typed = record.case_no
                given = (
                    record if typed is None else replace(record, case_no=s.search.resolve(typed))
                )
                seen = read is not None and given.case_no == read.case_no
                version = read.version if read is not None and seen else None
                with edited_as_read(given.case_no or "", version):
                    return s.disputes.add(given)[1]

            def stale() -> None:
                """A stale refusal reads the case again: the form shows it as it is now and
                its next try is made from that."""
                form.warning_label.setText(linked(values))

            return self._runner.run_op(add, on_failed=raise_failure, on_stale=stale)

        title = QCoreApplication.translate("DisputePanel", "登记复议/诉讼")
        form = self._open(title, add_fields(), submit, today)
        form.warn_while_typing(["case_no"], linked)
        return form

    def _linked_case(self, typed: str) -> CaseListRow | None:
        """The general case a typed number means (the full number, or the one case a short form
        matches), as its list row; None when it means none or several, or a simple decision."""
        if not typed.strip():
            return None
        candidates = self._runner.read(lambda: self._services.search.candidates(typed), quiet=True)
        if candidates is None or len(candidates[0]) != 1 or candidates[1]:
            return None
        return self._runner.read(lambda: self._services.cases.row(candidates[0][0]))

    def open_update(self) -> StepForm | None:
        view = self.selected()
        if view is None or not view.record.pending or not self.update_button.isEnabled():
            return None
        today = today_in_china(self._services.clock)

        shown = [view.case_version]  # the case's version read with the dispute (issue 23)

        def submit(values: FormValues) -> object:
            step = _step(values)

            def update(s: Services) -> object:
                with dispute_edited_as_read(view.id, shown[0]):
                    return s.disputes.update(view.id, step)

            def stale() -> None:
                """The register reloads; the form's next try is made from the version it
                shows then."""
                self.reload()
                now = next((v for v in self.views if v.id == view.id), None)
                shown[0] = None if now is None else now.case_version

            return self._runner.run_op(update, on_failed=raise_failure, on_stale=stale)

        title = QCoreApplication.translate("DisputePanel", "记录进展 - %1").replace(
            "%1", view.record.number
        )
        return self._open(title, update_fields(view.record), submit, today)

    def _open(
        self,
        title: str,
        fields: list[Field],
        submit: Callable[[FormValues], object],
        today: dt.date,
    ) -> StepForm:
        form = StepForm(title, fields, submit, today=today, lang=self._runner.lang, parent=self)
        self.form = form
        form.open()
        return form


def _choices(
    enum: type[DisputeKind] | type[DisputedAct] | type[Instance],
) -> list[tuple[str, object]]:
    return [(member.label, member) for member in enum]


def add_fields() -> list[Field]:
    return [
        Field(
            "dispute_kind",
            QCoreApplication.translate("DisputePanel", "类别"),
            Kind.CHOICE,
            _choices(DisputeKind),
        ),
        Field("dispute_no", QCoreApplication.translate("DisputePanel", "复议或诉讼案号")),
        Field(
            "instance",
            QCoreApplication.translate("DisputePanel", "审级（诉讼）"),
            Kind.CHOICE,
            _choices(Instance),
        ),
        Field("applicant", QCoreApplication.translate("DisputePanel", "申请人/原告")),
        Field(
            "disputed_act",
            QCoreApplication.translate("DisputePanel", "被申请（被诉）行为"),
            Kind.CHOICE,
            _choices(DisputedAct),
        ),
        Field("dispute_body", QCoreApplication.translate("DisputePanel", "复议机关或法院")),
        Field(
            "received_on",
            QCoreApplication.translate("DisputePanel", "收到申请书副本或起诉状日期"),
            Kind.DATE,
        ),
        Field("case_no", QCoreApplication.translate("DisputePanel", "关联案件编号（可空）")),
        Field("notes", QCoreApplication.translate("DisputePanel", "备注")),
    ]


def update_fields(record: DisputeRecord) -> list[Field]:
    leader: list[tuple[str, object]] = [
        (QCoreApplication.translate("DisputePanel", "未记录"), None),
        (QCoreApplication.translate("DisputePanel", "是"), True),
        (QCoreApplication.translate("DisputePanel", "否"), False),
    ]
    outcomes: list[tuple[str, object]] = [
        (QCoreApplication.translate("DisputePanel", "未审结"), None)
    ]
    outcomes += [(outcome_label(record.kind, o), o) for o in OUTCOMES[record.kind]]
    fields = [
        Field(
            "replied_on",
            QCoreApplication.translate("DisputePanel", "答复/答辩日期"),
            Kind.OPTIONAL_DATE,
            default=record.replied_on,
        )
    ]
    if record.kind is DisputeKind.LITIGATION:
        fields += [
            Field(
                "hearing_on",
                QCoreApplication.translate("DisputePanel", "开庭日期"),
                Kind.OPTIONAL_DATE,
                default=record.hearing_on,
            ),
            Field(
                "leader_appeared",
                QCoreApplication.translate("DisputePanel", "负责人出庭"),
                Kind.CHOICE,
                leader,
                record.leader_appeared,
            ),
        ]
    return [
        *fields,
        Field(
            "outcome",
            QCoreApplication.translate("DisputePanel", "结果"),
            Kind.CHOICE,
            outcomes,
            record.outcome,
        ),
        Field(
            "outcome_on",
            QCoreApplication.translate("DisputePanel", "结果日期"),
            Kind.OPTIONAL_DATE,
            default=record.outcome_on,
        ),
        Field("notes", QCoreApplication.translate("DisputePanel", "备注"), default=record.notes),
    ]


def _new_record(v: FormValues) -> DisputeRecord:
    kind, act, instance = v.choice("dispute_kind"), v.choice("disputed_act"), v.choice("instance")
    assert isinstance(kind, DisputeKind)
    assert isinstance(act, DisputedAct)
    assert isinstance(instance, Instance)
    return DisputeRecord(
        kind=kind,
        number=v.text("dispute_no"),
        applicant=v.text("applicant"),
        act=act,
        body=v.text("dispute_body"),
        received_on=v.date("received_on"),
        case_no=v.text("case_no") or None,
        instance=instance,
        notes=v.text("notes") or None,
    )


def _step(v: FormValues) -> DisputeStep:
    outcome = v.choice("outcome")
    assert outcome is None or isinstance(outcome, DisputeOutcome)
    leader = v.choice("leader_appeared")
    return DisputeStep(
        replied_on=v.optional_date("replied_on"),
        hearing_on=v.optional_date("hearing_on"),
        leader_appeared=leader if isinstance(leader, bool) else None,
        outcome=outcome,
        outcome_on=v.optional_date("outcome_on"),
        notes=v.text("notes") or None,
    )


def detail_text(view: DisputeView) -> str:
    """The selected dispute in full, one line per fact."""
    r = view.record
    e = html.escape
    lines = [
        f"<b>{r.kind.label} {e(r.number)}</b>（{r.instance.label}）　{e(r.body)}",
        QCoreApplication.translate("DisputePanel", "申请人/原告：%1　被争议行为：%2")
        .replace("%1", e(r.applicant))
        .replace("%2", r.act.label),
        QCoreApplication.translate("DisputePanel", "收到：%1　答复/答辩期限：%2　已答复：%3")
        .replace("%1", r.received_on.isoformat())
        .replace("%2", view.reply_due.value.isoformat())
        .replace("%3", r.replied_on.isoformat() if r.replied_on else "—"),
    ]
    if r.hearing_on is not None:
        leader = {
            True: QCoreApplication.translate("DisputePanel", "是"),
            False: QCoreApplication.translate("DisputePanel", "否"),
            None: "—",
        }[r.leader_appeared]
        lines.append(
            QCoreApplication.translate("DisputePanel", "开庭：%1　负责人出庭：%2")
            .replace("%1", r.hearing_on.isoformat())
            .replace("%2", leader)
        )
    if r.outcome is not None and r.outcome_on is not None:
        line = QCoreApplication.translate("DisputePanel", "结果：%1（%2）").replace(
            "%1", outcome_label(r.kind, r.outcome)
        )
        lines.append(line.replace("%2", r.outcome_on.isoformat()))
    if view.appeal_until is not None:
        lines.append(
            QCoreApplication.translate("DisputePanel", "上诉期限：%1").replace(
                "%1", view.appeal_until.value.isoformat()
            )
        )
    if r.notes:
        lines.append(
            QCoreApplication.translate("DisputePanel", "备注：%1").replace("%1", e(r.notes))
        )
    return "<br>".join(lines)
