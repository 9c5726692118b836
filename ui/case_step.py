"""A case step as the window shows it: a form over one service call."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.case_file_service import StepResult
from chuansha_enforce.services.container import Services
from ui.step_form import Field, FormValues


@dataclass(frozen=True)
class Step:
    """A form over one service call; whether it is open is ``available_steps``'s answer."""

    key: str
    title: str
    fields: Callable[[CaseFile], list[Field]]
    apply: Callable[[Services, str, FormValues], StepResult]
    hint: Callable[[Services, str, FormValues, Lang], str] | None = None
    """A line shown under the fields while they change (the benchmark's range)."""
    hint_keys: tuple[str, ...] = ()
