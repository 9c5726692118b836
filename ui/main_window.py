"""The main window: the general-case list with a year filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

from chuansha_enforce import __version__
from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.records import CaseListRow
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError
from ui.backup_actions import SafetyActions
from ui.case_table_model import CaseTableModel, deadline_colour
from ui.error_dialogs import error_text
from ui.report_actions import ReportMenu
from ui.runner import OperationRunner
from ui.screen_fit import fit_to_screen
from ui.switch_user import user_text
from ui.verify_actions import VerifyActions

if TYPE_CHECKING:  # the pages and dialogs are imported when first opened: not before the paint
    from PySide6.QtGui import QCloseEvent, QKeyEvent

    from chuansha_enforce.domain.records import CasePage
    from chuansha_enforce.services.document_service import MadeFile
    from ui.benchmark_editor import BenchmarkEditor
    from ui.case_detail import CaseDetailDialog
    from ui.dispute_panel import DisputePanel
    from ui.document_menu import Opener
    from ui.due_panel import DuePanel
    from ui.file_review_panel import FileReviewPanel
    from ui.import_dialog import ImportDialog
    from ui.officer_registry import OfficerRegistryWidget
    from ui.review_queue import ReviewQueueWidget
    from ui.server_dialog import ServerDialog
    from ui.settings_dialog import SettingsDialog
    from ui.simple_entry import SimpleEntryWidget
    from ui.simple_list import SimpleListWidget
    from ui.step_form import StepForm
    from ui.structure_panel import StructurePanel
    from ui.trash_dialog import TrashDialog

SEARCH_DELAY_MS = 250
COLUMN_WIDTHS = (180, 86, 210, 80, 150, 250, 100, 86, 64)


class CaseView(QTableView):
    """The case list's view: Enter (or Return) on a row asks for that case.

    Its own ``keyPressEvent`` rather than an event filter on the window: a filter runs Python
    for every event of the view, and its event types were loaded before the first paint."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


def open_with_system(path: Path) -> None:
    """A made 文书 opens in the program the PC has for it (WPS/Word)."""
    from ui.document_menu import open_with_system as opening

    opening(path)


class MainWindow(QMainWindow):
    def __init__(
        self,
        services: Services,
        settings: QSettings,
        lang: Lang = "zh",
        *,
        remember_geometry: bool = True,
    ) -> None:
        super().__init__()
        self._services = services
        self._settings = settings
        # The --smoke start-up check opens the window too; the size it had there (offscreen,
        # whatever the screen) must not become the size of the user's first real window.
        self._remember_geometry = remember_geometry
        self._calendar = services.calendar.work_calendar()
        self._due_soon = services.settings.current().due_soon_working_days
        self.setWindowTitle(self.tr("川沙新镇综合行政执法队 · 案件台账"))
        self.setObjectName("MainWindow")

        self._lang = lang
        self.runner = OperationRunner(services, lang, self)
        self.open_document: Opener = open_with_system  # made 文书 open in WPS/Word
        self.runner.changed.connect(self.on_changes)
        self.case_model = CaseTableModel(
            services.cases, flag=self._row_flag, search=self._search, guard=self.runner.read
        )
        self.case_view = CaseView(self)
        self.case_view.setObjectName("caseView")
        self.case_view.setModel(self.case_model)
        self.case_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.case_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.case_view.setAlternatingRowColors(True)
        self.case_view.setWordWrap(False)
        self.case_view.verticalHeader().setDefaultSectionSize(24)
        self.case_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.case_view.setColumnWidth(column, width)
        self.case_view.horizontalHeader().setStretchLastSection(True)
        # Header clicks sort; -1 (no column) keeps the list's own order until one is clicked.
        self.case_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.case_view.setSortingEnabled(True)
        self.case_view.doubleClicked.connect(lambda index: self.open_case(index.row()))
        self.case_view.enter_pressed.connect(
            lambda: self.open_case(self.case_view.currentIndex().row())
        )  # Enter on a row opens the case
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.case_view, self.tr("一般程序案件"))
        # The other pages are built (and their modules imported) when first shown or used:
        # the case list paints first. Until then each tab holds an empty placeholder.
        self._pages: dict[str, QWidget] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._page_builders: dict[str, Callable[[], QWidget]] = {}
        self._add_page("simple_entry", self.tr("简易程序录入"), self._build_simple_entry)
        self._add_page("simple_list", self.tr("简易程序决定"), self._build_simple_list)
        self._add_page("officer_registry", self.tr("执法人员"), self._build_officer_registry)
        self._add_page("file_review", self.tr("案卷评查"), self._build_file_review)
        self._add_page("review_queue", self.tr("法制审核"), self._build_review_queue)
        self._add_page("disputes", self.tr("复议诉讼"), self._build_disputes)
        self._add_page("due", self.tr("待办"), self._build_due)
        self._add_page("structures", self.tr("违法建筑"), self._build_structures)
        self.tabs.currentChanged.connect(self._page_shown)
        self.setCentralWidget(self.tabs)
        self.detail: CaseDetailDialog | None = None
        self.trash: TrashDialog | None = None

        self.year_filter = QComboBox(self)
        self.year_filter.setObjectName("yearFilter")
        self.year_filter.addItem(self.tr("全部年度"), None)
        for year in services.cases.filing_years():
            self.year_filter.addItem(self.tr("%1年").replace("%1", str(year)), year)
        self.year_filter.currentIndexChanged.connect(self._year_changed)

        toolbar = QToolBar(self.tr("筛选"), self)
        toolbar.setObjectName("filterToolbar")
        toolbar.addWidget(QLabel(self.tr("立案年度：")))
        toolbar.addWidget(self.year_filter)
        toolbar.addSeparator()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("搜索：案件编号、当事人、拼音首字母、证件号码后几位")
        )
        self.search_box.setMinimumWidth(320)
        toolbar.addWidget(self.search_box)
        # Search as you type, but only once typing pauses (each keystroke restarts it).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search_box.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_box.returnPressed.connect(self._search_and_go_to_list)
        self.addToolBar(toolbar)
        # The year filter and the search belong to the case list: shown with its tab only.
        self.tabs.currentChanged.connect(
            lambda index: toolbar.setVisible(self.tabs.widget(index) is self.case_view)
        )

        self.switch_requested = False
        self._build_menus()
        self.report_menu.ready.connect(self._beside_review)
        self.user_label = QLabel(user_text(services), self)
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self.count_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.count_label)
        if services.read_only:
            self.statusBar().showMessage(self.tr("只读模式"))
        self.calendar_label = QLabel(self)
        self.calendar_label.setObjectName("calendarNotice")
        self.calendar_label.setStyleSheet("color: #a61b1b;")
        self.statusBar().addWidget(self.calendar_label)
        self._calendar_notice()
        self._restore_geometry()
        self.case_model.fetchMore()
        self._update_count()

    def _search(
        self, query: str, *, after: tuple[str, int] | None, limit: int, year: int | None
    ) -> CasePage:
        return self._services.search.search(query, after=after, limit=limit, year=year)

    def _add_page(self, name: str, label: str, build: Callable[[], QWidget]) -> None:
        placeholder = QWidget(self.tabs)
        placeholder.setObjectName(f"{name}Placeholder")
        self._placeholders[name] = placeholder
        self._page_builders[name] = build
        self.tabs.addTab(placeholder, label)

    def _page_shown(self, index: int) -> None:
        shown = self.tabs.widget(index)
        for name, placeholder in list(self._placeholders.items()):
            if placeholder is shown:
                self._page(name)

    def _page(self, name: str) -> QWidget:
        """The page ``name``, built in place of its placeholder on first use."""
        page = self._pages.get(name)
        if page is not None:
            return page
        page = self._page_builders[name]()
        self._pages[name] = page
        placeholder = self._placeholders.pop(name)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex() == index
        # The swap is not a change of page: nothing listening to the tabs hears it.
        blocked = self.tabs.blockSignals(True)
        try:
            self.tabs.insertTab(index, page, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            if current:
                self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def _built(self, name: str) -> QWidget | None:
        return self._pages.get(name)

    def _build_simple_entry(self) -> QWidget:
        from ui.simple_entry import SimpleEntryWidget

        entry = SimpleEntryWidget(self._services, self._lang, self)
        entry.saved.connect(self._simple_saved)
        entry.saved.connect(self.runner.announce)
        entry.saved.connect(self._reload_simple_list)
        return entry

    def _reload_simple_list(self, _result: object) -> None:
        listing = self._built("simple_list")
        if listing is not None:
            cast("SimpleListWidget", listing).reload()

    def _build_simple_list(self) -> QWidget:
        from ui.simple_list import SimpleListWidget

        return SimpleListWidget(self._services, self._lang, self)

    def _build_officer_registry(self) -> QWidget:
        from ui.officer_registry import OfficerRegistryWidget

        registry = OfficerRegistryWidget(self._services, self._lang, self)
        registry.changed.connect(self.runner.announce)
        return registry

    def _build_file_review(self) -> QWidget:
        from ui.file_review_panel import FileReviewPanel

        return FileReviewPanel(self._services, self._lang, self)

    def _build_review_queue(self) -> QWidget:
        from ui.review_queue import ReviewQueueWidget

        queue = ReviewQueueWidget(self._services, self._lang, self, runner=self.runner)
        queue.changed.connect(self.runner.announce)
        queue.open_case_requested.connect(self.open_case_beside_review)
        queue.summary_requested.connect(self.report_menu.case)
        return queue

    def _build_disputes(self) -> QWidget:
        from ui.dispute_panel import DisputePanel

        # The register is read when its tab is first shown (or ``disputes`` is used).
        return DisputePanel(self.runner, self, deferred=True)

    def _build_due(self) -> QWidget:
        from ui.due_panel import DuePanel

        return DuePanel(self.runner, self)

    def _build_structures(self) -> QWidget:
        from ui.structure_panel import StructurePanel

        panel = StructurePanel(self.runner, self._lang, self)
        panel.open_case_requested.connect(self.open_case_no)
        return panel

    @property
    def simple_entry(self) -> SimpleEntryWidget:
        return cast("SimpleEntryWidget", self._page("simple_entry"))

    @property
    def simple_list(self) -> SimpleListWidget:
        return cast("SimpleListWidget", self._page("simple_list"))

    @property
    def officer_registry(self) -> OfficerRegistryWidget:
        return cast("OfficerRegistryWidget", self._page("officer_registry"))

    @property
    def file_review(self) -> FileReviewPanel:
        return cast("FileReviewPanel", self._page("file_review"))

    @property
    def review_queue(self) -> ReviewQueueWidget:
        return cast("ReviewQueueWidget", self._page("review_queue"))

    @property
    def due(self) -> DuePanel:
        return cast("DuePanel", self._page("due"))

    @property
    def structures(self) -> StructurePanel:
        """The 违法建筑 tab: where each structure under an order stands (DOMAIN §13)."""
        return cast("StructurePanel", self._page("structures"))

    @property
    def disputes(self) -> DisputePanel:
        """The 复议诉讼 tab, its register read (on first use if its tab was not shown yet)."""
        panel = cast("DisputePanel", self._page("disputes"))
        panel.ensure_loaded()
        return panel

    def _calendar_notice(self) -> None:
        """Say when deadlines reach a year without its holidays (gone once it is entered)."""
        self.runner.read(self._show_calendar_notice)

    def _show_calendar_notice(self) -> None:
        notice = self._services.calendar.startup_notice()
        self.calendar_label.setVisible(notice is not None)
        if notice is None:
            self.calendar_label.clear()
            return
        short = self.tr("%1年节假日安排未载入，相关期限按周一至周五推算，请在“业务设置”中录入")
        self.calendar_label.setText(short.replace("%1", str(notice.params["year"])))
        self.calendar_label.setToolTip(render(notice.code, notice.params, self._lang))

    def _row_flag(self, row: CaseListRow) -> QColor | None:
        today = today_in_china(self._services.clock)
        return deadline_colour(row, today, self._calendar, self._due_soon)

    def focus_search(self) -> None:
        """Ctrl+F: the case list's search box, its text selected for typing over."""
        self.tabs.setCurrentWidget(self.case_view)
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _search_and_go_to_list(self) -> None:
        """Enter in the search box: search now and go to the first case found."""
        self.apply_search()
        select_first_row(self)

    def switch_user(self) -> None:
        """切换用户: close this window; ``ui.app`` then asks who logs in next."""
        self.switch_requested = True
        self.close()

    def open_case_no(self, case_no: str) -> CaseDetailDialog:
        from ui.case_detail import CaseDetailDialog

        self.detail = CaseDetailDialog(self._services, case_no, self._lang, self)
        self.detail.changed.connect(self.runner.announce)
        self.detail.finished.connect(self._back_to_list)
        self.detail.show()
        return self.detail

    def _back_to_list(self, _result: int = 0) -> None:
        """The case window closed: the keys go on in the list, on the same row."""
        if self.tabs.currentWidget() is self.case_view:
            self.activateWindow()
            self.case_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_case_beside_review(self, case_no: str) -> CaseDetailDialog:
        """From the review queue or its form: the case window, left of the signing form."""
        detail = self.open_case_no(case_no)
        self._beside_review(detail)
        return detail

    def _beside_review(self, reading: QWidget) -> None:
        from ui.side_by_side import place_beside

        queue = self._built("review_queue")
        form = None if queue is None else cast("ReviewQueueWidget", queue).dialog
        if form is not None and form.isVisible():
            place_beside(reading, form)

    def open_case(self, row: int) -> CaseDetailDialog:
        return self.open_case_no(self.case_model.case_at(row).case_no)

    def print_receipts(self) -> list[MadeFile]:
        """The 送达回证 of every selected case, opened in WPS/Word for printing."""
        rows = sorted({i.row() for i in self.case_view.selectionModel().selectedRows()})
        listed = [self.case_model.case_at(row) for row in rows]
        from ui.document_menu import make_service_receipts

        cases = [(row.case_no, row.version) for row in listed]  # as the list shows them
        made = make_service_receipts(self.runner, cases, self.open_document, parent=self)
        if listed:  # each receipt raised its case's version: the rows (and windows) read again
            self.on_changes(frozenset({Topic.CASES}), tuple(row.case_no for row in listed))
        return made

    def file_case(self) -> StepForm:
        from ui.file_case_dialog import file_case_form

        form = file_case_form(self._services, self._lang, self)
        form.accepted.connect(lambda: self.runner.announce(form.result_value))
        form.finished.connect(self._back_to_list)
        self.file_form = form
        form.open()
        return form

    def open_trash(self) -> TrashDialog:
        from ui.trash_dialog import TrashDialog

        self.trash = TrashDialog(self._services, self._lang, self)
        self.trash.changed.connect(self.runner.announce)
        self.trash.show()
        return self.trash

    def show_simple_entry(self) -> None:
        self.tabs.setCurrentWidget(self.simple_entry)
        self.simple_entry.decision_no.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.simple_entry.decision_no.selectAll()

    def _simple_saved(self, _result: object) -> None:
        self.statusBar().showMessage(self.tr("简易程序决定已保存"), 5000)

    def open_import(self) -> ImportDialog:
        from ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.runner, self)
        self.import_dialog = dialog
        dialog.show()
        return dialog

    def _export_dialog(self) -> None:
        year, ok = QInputDialog.getInt(
            self,
            self.tr("导出台账"),
            self.tr("年度："),
            today_in_china(self._services.clock).year,
            1949,
            9999,
        )
        if not ok:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出台账"), f"执法台账{year}.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.export_ledger(Path(name), year)

    def export_ledger(self, path: Path, year: int) -> bool:
        report = self.runner.run_op(lambda s: s.ledger.export_ledger(path, year), parent=self)
        if report is None:
            return False
        self.statusBar().showMessage(
            self.tr("已导出 %1（一般程序案件 %2 件）")
            .replace("%1", str(report.path))
            .replace("%2", str(report.general_cases)),
            8000,
        )
        return True

    def on_changes(self, changes: Changes, cases: tuple[str, ...] = ()) -> None:
        """What an operation changed, refreshed by topic: a step on one case updates that row
        of the list in place and the open case window; anything wider reloads the list."""
        if changes & {Topic.CASES, Topic.PAYMENTS}:
            if not cases or not all(self.case_model.refresh_case(no) for no in cases):
                self.refresh_cases()
            else:
                self._reload_review_queue()
            detail = self.detail
            if detail is not None and detail.isVisible() and (not cases or detail.case_no in cases):
                detail.reload()
            self._reload_page("due")
            self._reload_page("structures")
        # A page not built yet reads everything when it is first shown.
        if Topic.DISPUTES in changes:  # (with CASES: the open case window reloads above)
            self._reload_disputes()
            self._reload_page("due")  # a dispute's outcome may set a decision aside
            self._reload_page("structures")  # a pending one holds the sequence
        if Topic.OFFICERS in changes:
            self._reload_page("officer_registry")
            entry = self._built("simple_entry")
            if entry is not None:
                cast("SimpleEntryWidget", entry).refresh_officers()
        if Topic.SETTINGS in changes:
            self._due_soon = self._services.settings.current().due_soon_working_days
            self.refresh_cases()
            self._reload_disputes()
            self._reload_page("structures")
            self._calendar_notice()

    def _reload_page(self, name: str) -> None:
        page = self._built(name)
        if page is not None:
            cast("DuePanel | OfficerRegistryWidget | StructurePanel", page).reload()

    def _reload_disputes(self) -> None:
        if self._built("disputes") is not None:
            self.disputes.reload()

    def _reload_review_queue(self) -> None:
        queue = self._built("review_queue")
        if queue is not None:
            cast("ReviewQueueWidget", queue).model.reload()

    def refresh_cases(self) -> None:
        calendar = self.runner.read(self._services.calendar.work_calendar)
        if calendar is None:  # the session ended (its server book was restored since)
            return
        self._calendar = calendar
        self.case_model.reload()
        self._update_count()
        self._reload_review_queue()  # a case deleted or taken back leaves or rejoins it

    def _build_menus(self) -> None:
        case_menu = self.menuBar().addMenu(self.tr("案件(&C)"))
        new_case = QAction(self.tr("立案(&N)…"), self)
        new_case.setShortcut("Ctrl+N")
        new_case.triggered.connect(self.file_case)
        case_menu.addAction(new_case)
        simple = QAction(self.tr("简易程序录入(&S)"), self)
        simple.setShortcut("Ctrl+J")
        simple.triggered.connect(self.show_simple_entry)
        case_menu.addAction(simple)
        receipts = QAction(self.tr("打印所选案件的送达回证(&R)"), self)
        receipts.setObjectName("printReceipts")
        receipts.triggered.connect(self.print_receipts)
        case_menu.addAction(receipts)
        find = QAction(self.tr("查找案件(&F)"), self)
        find.setObjectName("findAction")
        find.setShortcut("Ctrl+F")
        find.triggered.connect(self.focus_search)
        case_menu.addAction(find)
        trash = QAction(self.tr("回收站(&T)…"), self)
        trash.triggered.connect(self.open_trash)
        case_menu.addAction(trash)
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        import_action = QAction(self.tr("导入台账(&I)…"), self)
        import_action.triggered.connect(self.open_import)
        file_menu.addAction(import_action)
        export_action = QAction(self.tr("导出台账(&E)…"), self)
        export_action.triggered.connect(self._export_dialog)
        file_menu.addAction(export_action)
        server_action = QAction(self.tr("连接服务器(&N)…"), self)
        server_action.setObjectName("serverAction")
        server_action.triggered.connect(self.connect_server)
        file_menu.addAction(server_action)
        records = self._services.may(Permission.RECORD_CASES)  # the clerk's work (DOMAIN §9)
        for action in (new_case, simple):
            action.setEnabled(records)
        # A ledger brings cases (clerks) or officers (administrators); the import says which
        # part a role may not bring.
        import_action.setEnabled(records or self._services.may(Permission.MANAGE_OFFICERS))
        self.safety = SafetyActions(self, self.runner, file_menu, self._settings)
        self.verifying = VerifyActions(self, self.runner, file_menu)
        settings_action = QAction(self.tr("业务设置(&O)…"), self)
        settings_action.setObjectName("settingsAction")
        settings_action.triggered.connect(self.open_settings)
        settings_action.setEnabled(self._services.may(Permission.MANAGE_SETTINGS))
        file_menu.addAction(settings_action)
        benchmarks = QAction(self.tr("裁量基准(&B)…"), self)
        benchmarks.setObjectName("benchmarkAction")
        benchmarks.triggered.connect(self.open_benchmarks)
        file_menu.addAction(benchmarks)  # read-only for all but administrators
        file_menu.addSeparator()
        switch = QAction(self.tr("切换用户(&W)…"), self)
        switch.setObjectName("switchUser")
        switch.triggered.connect(self.switch_user)
        switch.setEnabled(self._services.accounts.has_accounts())
        file_menu.addAction(switch)
        quit_action = QAction(self.tr("退出(&X)"), self)
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.report_menu = ReportMenu(
            self, self.runner, case_view=self.case_view, case_model=self.case_model
        )
        self.report_menu.install(self.menuBar())
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        about = QAction(self.tr("关于(&A)"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def connect_server(self) -> ServerDialog:
        """文件 → 连接服务器…: a server case book opens in a new window in place of this one."""
        from ui.server_dialog import connect_server

        self.server_dialog = connect_server(self, self.runner, self._settings, self._lang)
        return self.server_dialog

    def open_settings(self) -> SettingsDialog:
        from ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._services, self._lang, self, runner=self.runner)
        dialog.accepted.connect(lambda: self.runner.announce(dialog.result_value))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def open_benchmarks(self) -> BenchmarkEditor:
        from ui.benchmark_editor import BenchmarkEditor

        dialog = BenchmarkEditor(self.runner, self)
        self.benchmark_editor = dialog
        dialog.open()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr("综合行政执法队案件台账 %1\n数据库：%2\nSQLite %3")
            .replace("%1", __version__)
            .replace("%2", str(self._services.db_path))
            .replace("%3", self._services.sqlite_version),
        )

    def apply_search(self) -> None:
        self._search_timer.stop()
        try:
            self.case_model.set_query(self.search_box.text())
        except DomainError as exc:
            self.statusBar().showMessage(error_text(exc, self._lang), 8000)
            return
        self._update_count()

    def _year_changed(self, _index: int) -> None:
        year = self.year_filter.currentData()
        self.case_model.set_year(year)
        self._update_count()

    def _update_count(self) -> None:
        if self.search_box.text().strip():
            shown = self.case_model.rowCount()
            more = "+" if self.case_model.canFetchMore(QModelIndex()) else ""
            self.count_label.setText(self.tr("找到 %1 件").replace("%1", f"{shown}{more}"))
            return
        year = self.year_filter.currentData()
        total = self.runner.read(lambda: self._services.cases.count(year=year))
        if total is None:  # the session ended (its server book was restored since)
            return
        self.count_label.setText(self.tr("一般程序案件 %1 件").replace("%1", f"{total:,}"))

    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            fit_to_screen(self, 1280, 760)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._remember_geometry:
            self._settings.setValue("main_window/geometry", self.saveGeometry())
        self.report_menu.wait()
        self.verifying.wait()
        self.safety.on_close()
        super().closeEvent(event)


def select_first_row(window: MainWindow) -> None:
    if window.case_model.rowCount() > 0:
        window.case_view.selectRow(0)
        window.case_view.scrollTo(window.case_model.index(0, 0))
        window.case_view.setFocus(Qt.FocusReason.OtherFocusReason)
