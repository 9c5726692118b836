"""The xlsx writer, loaded on first use: openpyxl takes about 0.15 s to import and only an
export needs it (PEP 562 module ``__getattr__``)."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chuansha_enforce.ledger import writer

__all__ = ["writer"]


def __getattr__(name: str) -> ModuleType:
    if name == "writer":
        return importlib.import_module("chuansha_enforce.ledger.writer")
    raise AttributeError(name)
