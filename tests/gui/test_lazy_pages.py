"""The main window's tabs other than the case list are built when first shown or used (issue
24: the list paints first); until then each holds a placeholder under the same tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.changes import Topic
from chuansha_enforce.services.container import Services
from ui.due_panel import DuePanel
from ui.main_window import MainWindow
from ui.review_queue import ReviewQueueWidget

TAB_TEXTS = [
    "一般程序案件",
    "简易程序录入",
    "简易程序决定",
    "执法人员",
    "案卷评查",
    "法制审核",
    "复议诉讼",
    "待办",
    "违法建筑",
]


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    window = MainWindow(services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _pages(window: MainWindow) -> list[str]:
    return [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]


def test_only_the_case_list_is_built_at_start(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TEXTS
    assert _pages(window) == [
        "caseView",
        "simple_entryPlaceholder",
        "simple_listPlaceholder",
        "officer_registryPlaceholder",
        "file_reviewPlaceholder",
        "review_queuePlaceholder",
        "disputesPlaceholder",
        "duePlaceholder",
        "structuresPlaceholder",
    ]
    # What changes while a page is not built does not build it: it reads all when shown.
    window.on_changes(frozenset(Topic))
    assert _pages(window)[1:] == [f"{name}Placeholder" for name in (
        "simple_entry", "simple_list", "officer_registry", "file_review", "review_queue",
        "disputes", "due", "structures",
    )]  # fmt: skip
    window.close()


def test_a_tab_shown_is_built_in_its_place(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    toolbar = window.findChild(QToolBar, "filterToolbar")
    assert toolbar is not None
    assert toolbar.isVisible()
    due_index = TAB_TEXTS.index("待办")
    window.tabs.setCurrentIndex(due_index)  # as a click on the tab
    page = window.tabs.currentWidget()
    assert isinstance(page, DuePanel)
    assert page is window.due  # built once
    assert window.tabs.currentIndex() == due_index
    assert window.tabs.tabText(due_index) == "待办"
    assert page.isVisible()
    assert not toolbar.isVisible()  # the year filter and search belong to the case list
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TEXTS
    window.tabs.setCurrentWidget(window.case_view)
    assert toolbar.isVisible()
    window.close()


def test_a_page_used_before_it_is_shown_is_built_without_leaving_the_list(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    queue = window.review_queue
    assert isinstance(queue, ReviewQueueWidget)
    queue_index = TAB_TEXTS.index("法制审核")
    assert window.tabs.widget(queue_index) is queue
    assert window.tabs.currentWidget() is window.case_view
    rows = queue.model.rowCount()
    window.on_changes(frozenset({Topic.CASES}))  # a built page is refreshed with the list
    assert queue.model.rowCount() == rows
    disputes = window.disputes  # built and its register read, though never shown
    assert disputes is window.tabs.widget(TAB_TEXTS.index("复议诉讼"))
    assert disputes.table.rowCount() == len(demo_services.disputes.listing())
    assert disputes.table.rowCount() > 0  # the demo has disputes: the register was read
    assert window.tabs.currentWidget() is window.case_view
    window.close()
