"""更正…: pick the field, type the new value and the reason; the core checks and records it.

One form for every record: a case (its fields, steps and payments), a simple decision and an
officer's certificate. The field list is the core's (``domain.corrections``); picking a
field shows its current value; a refusal is shown in the form, which stays open with the
input kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from chuansha_enforce.domain.clock import china_time, today_in_china
from chuansha_enforce.domain.corrections.corrections import (
    SIMPLE_FIELDS,
    CorrectionEntry,
    FieldSpec,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.text_limits import length_limit
from chuansha_enforce.services.case_versions import simple_edited_as_read
from chuansha_enforce.services.changes import Changes
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.correction_service import CorrectionResult
from ui.runner import OperationRunner, raise_failure
from ui.step_form import Field, FormValues, Kind, StepForm

Submit = Callable[[FormValues, FieldSpec], CorrectionResult]


def correction_form(
    services: Services,
    title: str,
    fields: Sequence[FieldSpec],
    submit: Submit,
    *,
    current: Callable[[FieldSpec], str | None],
    extra: Sequence[Field] = (),
    history: Sequence[CorrectionEntry] = (),
    lang: Lang = "zh",
    parent: QWidget | None = None,
) -> StepForm:
    """The form; its ``result_value`` is the correction's ``Changes`` once accepted."""
    specs = list(fields)
    form_fields = [
        *extra,
        Field(
            "field",
            QCoreApplication.translate("Correction", "更正项目"),
            Kind.CHOICE,
            [(s.label, s) for s in specs],
        ),
        Field(
            "value",
            QCoreApplication.translate("Correction", "新值"),
            placeholder=QCoreApplication.translate("Correction", "日期 YYYY-MM-DD，金额单位：元"),
        ),
        Field("reason", QCoreApplication.translate("Correction", "更正理由"), Kind.LONG_TEXT),
    ]

    def send(values: FormValues) -> Changes:
        spec = values.choice("field")
        assert isinstance(spec, FieldSpec)
        return submit(values, spec).changed

    form = StepForm(
        title, form_fields, send, today=today_in_china(services.clock), lang=lang, parent=parent
    )
    form.setObjectName("correctionForm")
    combo = form.widgets["field"]
    value = form.widgets["value"]
    assert isinstance(combo, QComboBox)
    assert isinstance(value, QLineEdit)

    def show_current(index: int) -> None:
        if index < 0:
            return
        form.limit_text("value", length_limit(specs[index].key))  # as the field corrected takes
        try:
            shown = current(specs[index])
        except DomainError:  # (a record that went away: the form will say so on OK)
            shown = None
        value.setText(shown or "")
        value.selectAll()

    combo.currentIndexChanged.connect(show_current)
    show_current(combo.currentIndex())
    if history:
        earlier = QLabel(
            QCoreApplication.translate("Correction", "已有更正：")
            + "；".join(
                f"{china_time(e.at)} {e.label} {e.before or ''} → {e.after or ''}（{e.reason}）"
                for e in history
            ),
            form,
        )
        earlier.setObjectName("correctionHistory")
        earlier.setWordWrap(True)
        layout = form.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, earlier)
    return form


def simple_correction_form(
    services: Services,
    decision_no: str,
    *,
    lang: Lang = "zh",
    parent: QWidget | None = None,
    reload: Callable[[], None] | None = None,
) -> StepForm:
    """更正… of a simple decision: its number (filled in, may be changed) and the field.

    The correction is made from the decision as the form read it (its version): someone
    else's edit since is refused with "已被他人修改，请刷新后再试" in the form, the form
    reads the decision again (``reload`` lets its window show it anew) and the next try is
    made from that (issue 23)."""
    corrections = services.corrections
    number = Field(
        "decision_no", QCoreApplication.translate("Correction", "决定书文号"), default=decision_no
    )
    shown = [_simple_version(services, decision_no)]
    runner = OperationRunner(services, lang, parent)

    def stale() -> None:
        shown[0] = _simple_version(services, decision_no)
        if reload is not None:
            reload()

    def submit(v: FormValues, spec: FieldSpec) -> CorrectionResult:
        def correct(s: Services) -> CorrectionResult:
            with simple_edited_as_read(v.text("decision_no"), shown[0]):
                return s.corrections.correct_simple(
                    v.text("decision_no"), spec.key, v.text("value"), v.text("reason")
                )

        done = runner.run_op(correct, on_failed=raise_failure, on_stale=stale)
        return cast(CorrectionResult, done)  # a refusal was raised, not returned as None

    return correction_form(
        services,
        QCoreApplication.translate("Correction", "更正简易程序决定"),
        SIMPLE_FIELDS,
        submit,
        current=lambda spec: corrections.simple_value(decision_no, spec),
        extra=(number,),
        history=corrections.simple_corrections(decision_no),
        lang=lang,
        parent=parent,
    )


def _simple_version(services: Services, decision_no: str) -> int | None:
    """The decision's version now (None when there is no such decision: the correction then
    refuses it by name)."""
    try:
        return services.simple.view(decision_no).version
    except DomainError:
        return None
