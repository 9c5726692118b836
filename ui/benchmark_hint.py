"""The notice and decision forms suggest the discretion benchmark (DOMAIN §17): once the case's
violation and a circumstance (情节) are known, the form shows the benchmark's range, the
statutory range and the source document (``benchmark_table.hint_text``); the notice form
gets a 情节 field of its own, recorded beside the notice."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from chuansha_enforce.domain.cases.benchmark_table import hint_text
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.discretion import CIRCUMSTANCES
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.case_file_service import StepResult
from chuansha_enforce.services.container import Services
from ui.case_step import Step
from ui.step_form import Field, FormValues, Kind


def circumstance_field() -> Field:
    return Field(
        "circumstance",
        QCoreApplication.translate("BenchmarkHint", "情节（裁量基准）"),
        Kind.CHOICE,
        [("", None), *((c, c) for c in CIRCUMSTANCES)],
    )


def _hint(date_key: str) -> Callable[[Services, str, FormValues, Lang], str]:
    def hint(s: Services, case_no: str, v: FormValues, lang: Lang) -> str:
        circumstance = v.choice("circumstance")
        chosen = circumstance if isinstance(circumstance, str) else None
        return hint_text(s.discretion.hint(case_no, chosen, v.date(date_key)), lang)

    return hint


def with_benchmark_hint(step: Step, date_key: str) -> Step:
    """``step`` showing the suggestion as its circumstance and date change."""
    return dataclasses.replace(step, hint=_hint(date_key), hint_keys=("circumstance", date_key))


def notice_with_circumstance(step: Step) -> Step:
    """The notice step with a 情节 field (after the proposed fine), the suggestion, and the
    circumstance recorded once the notice is."""

    def fields(c: CaseFile) -> list[Field]:
        found = step.fields(c)
        at = next((i + 1 for i, f in enumerate(found) if f.key == "fine"), len(found))
        return [*found[:at], circumstance_field(), *found[at:]]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        result = step.apply(s, no, v)
        circumstance = v.choice("circumstance")
        if isinstance(circumstance, str):
            s.discretion.record_notice_circumstance(no, circumstance)
        return result

    return with_benchmark_hint(dataclasses.replace(step, fields=fields, apply=apply), "notice_on")
