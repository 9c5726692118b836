"""The notice and decision forms suggest the discretion benchmark (DOMAIN §17): once the case's
violation and a circumstance (情节) are known, the form shows the benchmark's range, the
statutory range and the source document (``benchmark_table.hint_text``) (the notice's 情节 is
recorded with the notice itself)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from chuansha_enforce.domain.cases.benchmark_table import hint_text
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from ui.case_step import Step
from ui.step_form import FormValues


def _hint(date_key: str) -> Callable[[Services, str, FormValues, Lang], str]:
    def hint(s: Services, case_no: str, v: FormValues, lang: Lang) -> str:
        circumstance = v.choice("circumstance")
        chosen = circumstance if isinstance(circumstance, str) else None
        return hint_text(s.discretion.hint(case_no, chosen, v.date(date_key)), lang)

    return hint


def with_benchmark_hint(step: Step, date_key: str) -> Step:
    """``step`` showing the suggestion as its circumstance and date change."""
    return dataclasses.replace(step, hint=_hint(date_key), hint_keys=("circumstance", date_key))
