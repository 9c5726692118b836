"""The 文书 menu of a case window, and the batch of 送达回证 for the cases selected in the list.

Each kind shows its state (can make / made on … / missing steps); making one writes the .docx
into the 文书 folder beside the database and opens it with the system's default application
(WPS or Word) for printing. Everything runs through the window's ``OperationRunner``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QWidget

from chuansha_enforce.domain.documents.documents import DocumentKind
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.document_service import DocumentState, MadeFile
from ui.runner import OperationRunner

Opener = Callable[[Path], object]
MakeOp = Callable[[Services], MadeFile]
AsRead = Callable[[MakeOp], MakeOp]
FOLDER = "文书"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def open_with_system(path: Path) -> bool:
    """Open the file with the application the system associates with .docx."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def documents_folder(services: Services) -> Path:
    return services.db_path.parent / FOLDER


def document_path(folder: Path, number: str, kind: DocumentKind) -> Path:
    """``文书/川执立〔2024〕1号-行政处罚决定书.docx`` (characters no file system takes replaced)."""
    return folder / f"{_UNSAFE.sub('_', number)}-{kind.label}.docx"


def state_text(state: DocumentState) -> str:
    if state.missing:
        return QCoreApplication.translate("DocumentMenu", "尚缺：%1").replace(
            "%1", "、".join(state.missing)
        )
    if state.made is not None:
        return QCoreApplication.translate("DocumentMenu", "已制作于 %1").replace(
            "%1", state.made.first_made_on.isoformat()
        )
    return QCoreApplication.translate("DocumentMenu", "可制作")


class DocumentMenu(QMenu):
    """Rebuilt each time it is shown, so the states follow the steps just recorded."""

    def __init__(
        self,
        runner: OperationRunner,
        number: str,
        opener: Opener = open_with_system,
        parent: QWidget | None = None,
        *,
        as_read: AsRead | None = None,
        on_made: Callable[[], object] | None = None,
    ) -> None:
        """``as_read``: the case window's wrapper that makes an edit from the case as the
        window shows it (its version; a stale one is refused and the window reloads);
        ``on_made``: the window reloads after a document is made (the case's version moved)."""
        super().__init__(QCoreApplication.translate("DocumentMenu", "文书"), parent)
        self._as_read = as_read
        self._on_made = on_made
        self.setObjectName("documentMenu")
        self._runner = runner
        self._number = number
        self.opener = opener
        """Opens a made document (the system's .docx application; tests record the path)."""
        self.made: MadeFile | None = None
        self.aboutToShow.connect(self.refresh)

    def refresh(self) -> None:
        self.clear()
        states = self._runner.run_op(
            lambda s: s.documents.states(self._number), parent=self.parentWidget()
        )
        for state in states or []:
            action = QAction(f"{state.kind.label}　（{state_text(state)}）", self)
            action.setObjectName(f"doc_{state.kind.value}")
            action.setEnabled(state.can_make)
            action.triggered.connect(lambda _=False, k=state.kind: self.make(k))
            self.addAction(action)

    def make(self, kind: DocumentKind) -> MadeFile | None:
        def op(services: Services) -> MadeFile:
            folder = documents_folder(services)
            folder.mkdir(parents=True, exist_ok=True)
            return services.documents.make(
                self._number, kind, document_path(folder, self._number, kind)
            )

        made = self._runner.run_op(
            op if self._as_read is None else self._as_read(op), parent=self.parentWidget()
        )
        if made is not None:
            self.made = made
            if self._on_made is not None:
                self._on_made()
            self.opener(made.path)
        return made


def make_service_receipts(
    runner: OperationRunner,
    cases: Sequence[tuple[str, int | None]],
    opener: Opener = open_with_system,
    parent: QWidget | None = None,
) -> list[MadeFile]:
    """The 送达回证 of each case (its number and the version the list read with its row),
    opened for printing; a case that has none, or that changed since the list read it
    ("已被他人修改，请刷新后再试"), is reported and nothing of it is written."""
    made: list[MadeFile] = []
    for case_no, version in cases:

        def op(services: Services, number: str = case_no, read: int | None = version) -> MadeFile:
            folder = documents_folder(services)
            folder.mkdir(parents=True, exist_ok=True)
            kind = DocumentKind.SERVICE_RECEIPT
            path = document_path(folder, number, kind)
            with edited_as_read(number, read):
                return services.documents.make(number, kind, path)

        result = runner.run_op(op, parent=parent)
        if result is not None:
            made.append(result)
            opener(result.path)
    return made
