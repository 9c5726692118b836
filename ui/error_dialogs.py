"""Rule violations and database problems shown as the core's catalogue words them."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.errors import StorageError


def error_text(exc: DomainError | StorageError, lang: Lang) -> str:
    if isinstance(exc, DomainError):
        return render(exc.code, exc.params, lang, exc.field)
    return render(exc.code, exc.params, lang)


def show_error(parent: QWidget | None, exc: DomainError | StorageError, lang: Lang) -> None:
    QMessageBox.warning(parent, "提示" if lang == "zh" else "Notice", error_text(exc, lang))
