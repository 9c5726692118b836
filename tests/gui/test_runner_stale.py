"""The runner's ``on_stale`` (issue 23): an edit made from a view of a case that another PC
changed since is refused with "已被他人修改，请刷新后再试", shown as every refusal is, and the
view reads the case again first, on the GUI thread also for a background job; nothing is
written. Other refusals, and a fresh edit, leave the view alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.cases.case_file import EvidenceItem
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import EvidenceKind, PartyType
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.services.case_file_service import NewCase, StepResult
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.errors import DomainError, StorageError
from tests.conftest import database_digest
from tests.review_setup import register_officers
from ui.runner import OperationRunner, raise_failure

NO = "川执立〔2024〕31号"
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
STALE = "已被他人修改，请刷新后再试"


class CaseView(QWidget):
    """A window's view of the case: the version it shows, read again on ``reload``; the
    refusals the runner hands it are shown in ``message``."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self.version_label = QLabel(self)
        self.message = QLabel(self)
        self.message.move(0, 30)
        self.version = -1
        self.reloads: list[bool] = []  # per reload: was it on the GUI thread
        self.reload()
        self.reloads.clear()

    def reload(self) -> None:
        self.version = self._services.case_files.find(NO).version
        self.version_label.setText(str(self.version))
        app = QApplication.instance()
        self.reloads.append(app is not None and QThread.currentThread() is app.thread())

    def refused(self, text: str, _exc: DomainError | StorageError) -> None:
        self.message.setText(text)


class Scene(NamedTuple):
    path: Path
    mine: Services
    other: Services  # another PC on the same case book
    runner: OperationRunner
    view: CaseView


@pytest.fixture
def scene(qtbot: QtBot, tmp_path: Path) -> Iterator[Scene]:
    """A filed case, open on this PC (its runner and a view of the case) and on another PC."""
    path = tmp_path / "cases.db"
    with (
        build_services(path, FixedClock(NOW)) as mine,
        build_services(path, FixedClock(NOW)) as other,
    ):
        register_officers(mine)  # 王建国 31150001, 李明 31150002
        mine.case_files.file_case(
            NewCase(NO, PartyRecord(PartyType.NATURAL_PERSON, "张三"), "占道设摊案",
                    dt.date(2024, 5, 6), ("31150001", "31150002"))
        )  # fmt: skip
        view = CaseView(mine)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        runner = OperationRunner(mine, "zh")
        yield Scene(path, mine, other, runner, view)
        runner.wait()


def _evidence(view: CaseView, text: str) -> Callable[[Services], StepResult]:
    """The edit the view makes: evidence recorded from the version it shows."""
    version = view.version

    def op(s: Services) -> StepResult:
        with edited_as_read(NO, version):
            item = EvidenceItem(EvidenceKind.DOCUMENTARY, text, dt.date(2024, 5, 7))
            return s.case_files.record_evidence(NO, item)

    return op


def _other_pc_edits(other: Services) -> None:
    other.case_files.record_evidence(
        NO, EvidenceItem(EvidenceKind.PHYSICAL, "彩钢板一块", dt.date(2024, 5, 8))
    )


def _descriptions(services: Services) -> list[str]:
    return sorted(e.description for e in services.case_files.find(NO).evidence)


def test_a_stale_edit_is_shown_and_the_view_reloads_then_the_next_try_goes_through(
    scene: Scene,
) -> None:
    path, mine, other, runner, view = scene
    assert view.version_label.text() == "0"
    _other_pc_edits(other)
    before = database_digest(path)
    done: list[object] = []
    result = runner.run_op(
        _evidence(view, "现场检查笔录"), done.append, on_failed=view.refused, on_stale=view.reload
    )
    assert result is None
    assert done == []
    assert view.message.isVisible()
    assert view.message.text() == STALE
    assert view.reloads == [True]
    assert view.version_label.text() == "1"  # the other PC's edit is shown
    assert database_digest(path) == before
    view.message.clear()
    again = runner.run_op(
        _evidence(view, "现场检查笔录"), done.append, on_failed=view.refused, on_stale=view.reload
    )
    assert again is not None
    assert done == [again]
    assert view.message.text() == ""
    assert view.reloads == [True]  # a fresh edit does not reload
    assert _descriptions(mine) == ["彩钢板一块", "现场检查笔录"]


def test_another_refusal_is_shown_without_a_reload(scene: Scene) -> None:
    path, _mine, _other, runner, view = scene
    before = database_digest(path)

    def unknown(s: Services) -> StepResult:
        item = EvidenceItem(EvidenceKind.DOCUMENTARY, "询问笔录", dt.date(2024, 5, 7))
        return s.case_files.record_evidence("川执立〔2024〕99号", item)

    assert runner.run_op(unknown, on_failed=view.refused, on_stale=view.reload) is None
    assert view.message.text() == "案件编号：找不到案件川执立〔2024〕99号"
    assert view.reloads == []
    assert database_digest(path) == before


def test_a_forms_stale_edit_reloads_before_the_refusal_goes_back_to_the_form(
    scene: Scene,
) -> None:
    """With ``raise_failure`` (a form shows the refusal itself) the view has reloaded by the
    time the refusal reaches the form."""
    path, _mine, other, runner, view = scene
    _other_pc_edits(other)
    before = database_digest(path)
    with pytest.raises(DomainError) as refused:
        runner.run_op(_evidence(view, "询问笔录"), on_failed=raise_failure, on_stale=view.reload)
    assert refused.value.code == "case.changed_since"
    assert view.reloads == [True]
    assert view.version == 1
    assert database_digest(path) == before


def test_a_stale_background_edit_reloads_on_the_gui_thread(qtbot: QtBot, scene: Scene) -> None:
    path, _mine, other, runner, view = scene
    _other_pc_edits(other)
    before = database_digest(path)
    runner.run_op(
        _evidence(view, "询问笔录"),
        background=True,
        read_only=False,
        on_failed=view.refused,
        on_stale=view.reload,
    )
    qtbot.waitUntil(lambda: view.message.text() != "", timeout=10_000)
    runner.wait()
    assert view.message.text() == STALE
    assert view.reloads == [True]  # read again on the GUI thread, where the view lives
    assert view.version_label.text() == "1"
    assert database_digest(path) == before
