"""The PDF renderers, loaded on first use.

reportlab takes about 0.2 s to import; the GUI and most CLI commands never print, so the
services reach the renderers through these attributes and the import happens the first
time a PDF is made (PEP 562 module ``__getattr__``).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chuansha_enforce.reports import (
        annual_totals,
        case_summary,
        due_list,
        file_review_lists,
        structure_list,
    )

_MODULES = {
    "annual_totals": "chuansha_enforce.reports.annual_totals",
    "case_summary": "chuansha_enforce.reports.case_summary",
    "file_review_lists": "chuansha_enforce.reports.file_review_lists",
    "due_list": "chuansha_enforce.reports.due_list",
    "structure_list": "chuansha_enforce.reports.structure_list",
}

__all__ = ["annual_totals", "case_summary", "due_list", "file_review_lists", "structure_list"]


def __getattr__(name: str) -> ModuleType:
    if name in _MODULES:
        return importlib.import_module(_MODULES[name])
    raise AttributeError(name)
