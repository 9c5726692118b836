"""文件 → 备份… / 恢复…, the backup taken on close, and read-only mode for a second copy.

Backups run through the window's ``OperationRunner`` on a worker thread (the backup service
opens its own connection) with a progress dialog. A restore asks first, shows what the backup
holds, swaps the file and then shows what it restored in a fresh main window on the restored
database. On a server case book the administrator restores a pg_dump ``.dump`` in place of the
whole server book (for every PC; a ``pre-restore`` dump is taken first) on a worker thread; the
restored book holds the dump's accounts, so it is opened again as at start (a login asked when
it has accounts) in a fresh main window, and this one (and its login) closes.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QToolBar,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.safety.backup_labels import contents_text
from chuansha_enforce.domain.safety.restore_generation import RESTORED_SINCE
from chuansha_enforce.services.backup_service import BackupManifest, RestoreReport
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from ui.error_dialogs import error_text, show_error
from ui.runner import OperationRunner, Progress, reopen_services, session_ends
from ui.window_swap import replace_window

if TYPE_CHECKING:
    from chuansha_enforce.services.server_backup_service import ServerRestoreReport

log = logging.getLogger(__name__)

WRITE_ACTIONS = ("立案(&N)…", "简易程序录入(&S)", "导入台账(&I)…")
MODAL_TRIES = 50
MODAL_PAUSE_MS = 100
"""A window whose book was restored elsewhere closes the dialogs open over it and waits
(up to 5 s) for them to go, and for the idle lock's unlock, before it asks for a login."""


def when(manifest: BackupManifest) -> str:
    return (manifest.taken_at or "?")[:19].replace("T", " ") + " UTC"


class SafetyActions(QObject):
    """Owned by the main window; adds its actions to the 文件 menu it is given."""

    backed_up = Signal(object)  # BackupManifest
    restored = Signal(object)  # RestoreReport (a server's: ServerRestoreReport)
    restore_refused = Signal(str)  # a server restore's refusal, as shown
    session_ended = Signal(str)  # the book was restored elsewhere: opened again (or closed)

    def __init__(
        self,
        window: QMainWindow,
        runner: OperationRunner,
        file_menu: QMenu,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        services = runner.services
        self._services = services
        self._settings = settings
        self._lang: Lang = runner.lang
        self._backing_up = False
        self._backup_target: Path | None = None
        self._closed = False
        self._restoring = False  # a restore made here (it opens the book again itself)
        self._ending = False  # the book was restored elsewhere: being opened again
        self.replacement: QMainWindow | None = None
        session_ends().ended.connect(self._session_ended)
        self.backup_action = QAction(self.tr("备份(&B)…"), window)
        self.backup_action.setObjectName("backupAction")
        self.backup_action.triggered.connect(self._backup_dialog)
        file_menu.addAction(self.backup_action)
        self.restore_action = QAction(self.tr("恢复(&R)…"), window)
        self.restore_action.setObjectName("restoreAction")
        self.restore_action.triggered.connect(self._restore_dialog)
        file_menu.addAction(self.restore_action)
        self._opened_head = services.audit_head()
        self.banner: QLabel | None = None
        if services.read_only:
            self._read_only_mode()
        account = services.session.account
        if account is not None and not account.can(Permission.MANAGE_BACKUPS):
            # DOMAIN §9: backups and restores are the administrator's (the backup taken on
            # close still runs for everyone).
            self.backup_action.setEnabled(False)
            self.restore_action.setEnabled(False)

    # -- read-only mode -----------------------------------------------------------------
    def _read_only_mode(self) -> None:
        window = self._window
        window.setWindowTitle(window.windowTitle() + self.tr(" —— 只读"))
        reason = self._services.read_only_reason
        if reason is not None and reason.code == "storage.in_use":
            short = self.tr("只读：另一个程序正在使用此数据库，本窗口只能查看，不能修改")
        elif reason is not None and reason.code == "storage.network":
            short = self.tr("只读：数据库在网络位置上，只能查看，不能修改")
        elif reason is not None and reason.code == "storage.seal_tracking_missing":
            short = self.tr(
                "只读：服务器上的案件库缺少封印跟踪触发器，请管理员用数据库所有者的账号打开一次"
            )
        elif reason is not None and reason.code.startswith("storage.seal_tracking_"):
            short = self.tr(
                "只读：服务器上的案件库的封印跟踪触发器已被停用，请管理员用数据库所有者的账号打开一次"
            )
        else:
            short = self.tr("只读：数据库不能写入，只能查看")
        self.banner = QLabel(short, window)
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet("color: #a61b1b; font-weight: bold; padding: 2px 8px;")
        if reason is not None:
            self.banner.setToolTip(error_text(reason, self._lang))
        bar = QToolBar(self.tr("只读"), window)
        bar.setObjectName("readOnlyBar")
        bar.setMovable(False)
        bar.addWidget(self.banner)
        window.addToolBarBreak()
        window.addToolBar(bar)
        disabled = {QCoreApplication.translate("MainWindow", text) for text in WRITE_ACTIONS}
        for action in window.findChildren(QAction):
            if action.text() in disabled:
                action.setEnabled(False)
        self.restore_action.setEnabled(False)
        entry = getattr(window, "simple_entry", None)
        if isinstance(entry, QWidget):
            entry.setEnabled(False)

    # -- backup -------------------------------------------------------------------------
    def _backup_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("备份到文件夹"), str(self._services.backups.folder)
        )
        if folder:
            self.start_backup(Path(folder))

    def start_backup(self, folder: Path | None = None) -> None:
        """Back up on a worker thread with a progress dialog; ``backed_up`` when done."""
        if self._backing_up:
            return
        progress = QProgressDialog(
            self.tr("正在备份并检查…"), self.tr("隐藏"), 0, 100, self._window
        )
        progress.setObjectName("backupProgress")
        progress.setWindowTitle(self.tr("备份"))
        progress.setMinimumDuration(300)
        self.progress = progress
        target = None if folder == self._services.backups.folder else folder
        server = self._services.server_url is not None
        try:
            self._services.backups.check_folder(target)  # refused before anything is logged
            # pg_dump, and a login that may make the scratch database to check in
            tools = self._services.server_backups.tools() if server else None
            self._services.record_backup(target)  # a copy of all personal data: logged first
        except (DomainError, StorageError) as exc:
            progress.reset()
            QMessageBox.warning(self._window, self.tr("备份失败"), error_text(exc, self._lang))
            return
        self._backup_target = target
        reporter = Progress(self)
        reporter.progressed.connect(self._progressed)  # queued: the dialog lives on this thread
        self._backing_up = True
        self._runner.run_op(
            lambda s: (
                s.server_backups.backup(target, tools=tools)
                if server
                else s.backups.backup(target, progress=reporter.progressed.emit)
            ),
            self._backup_done,
            background=True,
            on_failed=self._backup_failed,
        )

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / max(total, 1)))

    def _backup_done(self, manifest: BackupManifest) -> None:
        self._backing_up = False
        self.progress.reset()
        self._window.statusBar().showMessage(
            self.tr("已备份到 %1（已通过完整性检查）：%2")
            .replace("%1", str(manifest.path))
            .replace("%2", contents_text(manifest.tables, self._lang)),
            10000,
        )
        self.backed_up.emit(manifest)

    def _backup_failed(self, text: str, exc: DomainError | StorageError) -> None:
        self._backing_up = False
        self.progress.reset()
        with contextlib.suppress(DomainError, StorageError):  # the first error is the news
            self._services.record_backup(self._backup_target, "failed", {"error": exc.code})
        QMessageBox.warning(self._window, self.tr("备份失败"), text)

    def wait(self) -> None:
        """Let a running backup (and any other job of the window) finish."""
        self._runner.wait()

    # -- restore ------------------------------------------------------------------------
    def _restore_dialog(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("选择要恢复的备份"),
            str(self._services.backups.folder),
            self.backup_filter(),
        )
        if name:
            self.restore(Path(name))

    def backup_filter(self) -> str:
        """What the restore dialog lists: pg_dump dumps on a server, the usual file backups."""
        if self._services.server_url is not None:
            return self.tr("pg_dump 备份 (*.dump)")
        return self.tr("备份 (*.db)")

    def confirm_text(self, path: Path) -> str:
        manifest = next(
            (m for m in self._services.backups.list_backups(path.parent) if m.path == path), None
        )
        about = (
            self.tr("备份于 %1，内容：%2")
            .replace("%1", when(manifest))
            .replace("%2", contents_text(manifest.tables, self._lang))
            if manifest is not None and manifest.tables
            else self.tr("（没有清单，恢复前会完整检查）")
        )
        if self._services.server_url is not None:
            return (
                self.tr("用 pg_dump 备份 %1 替换服务器上的整个案件库 %2？")
                .replace("%1", str(path))
                .replace("%2", self._services.location)
                + "\n"
                + about
                + "\n\n"
                + self.tr(
                    "所有电脑看到的都是服务器上的这一个案件库：恢复后，每台电脑上的案件都变成"
                    "备份里的样子。恢复前会先把备份恢复到临时数据库检查，并先把服务器上现在的"
                    "案件库用 pg_dump 另存一份（pre-restore）。"
                )
            )
        return (
            self.tr("用备份 %1 替换当前数据库？").replace("%1", str(path))
            + "\n"
            + about
            + "\n\n"
            + self.tr("恢复前会先检查备份，并把当前数据库另存一份备份。")
        )

    def restore(self, path: Path, *, ask: bool = True) -> RestoreReport | None:
        """Ask, verify, back up the current database, swap; then show what was restored.

        Administrators only (DOMAIN §9) — also when the start-up check offers a backup.
        """
        try:
            if self._services.session.login_required:
                raise DomainError("auth.login_required", "user")
            require(self._services.session.account, Permission.MANAGE_BACKUPS)
        except DomainError as exc:
            show_error(self._window, exc, self._lang)
            return None
        if ask:
            answer = QMessageBox.question(
                self._window,
                self.tr("恢复"),
                self.confirm_text(path),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self.wait()
        if self._services.server_url is not None:
            self._restore_server(path)
            return None
        busy = QProgressDialog(self.tr("正在检查备份并恢复…"), "", 0, 0, self._window)
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        QApplication.processEvents()
        try:
            report = self._services.backups.restore(
                path, user=self._services.session.user, before_swap=self._release
            )
        except (DomainError, StorageError) as exc:
            busy.close()
            show_error(self._window, exc, self._lang)
            return None
        busy.close()
        self.restored.emit(report)
        self._reopen(report)
        return report

    def _restore_server(self, path: Path) -> None:
        """The dump in place of the server case book, on a worker thread (``restored`` or
        ``restore_refused`` when done); the service offers no progress, so the dialog is busy."""
        busy = QProgressDialog(
            self.tr("正在检查 pg_dump 备份并恢复服务器上的案件库…"), "", 0, 0, self._window
        )
        busy.setObjectName("serverRestoreProgress")
        busy.setWindowTitle(self.tr("恢复"))
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.show()
        self.busy = busy
        self._restoring = True
        self._runner.run_op(
            lambda services: services.restore_server_dump(path),
            self._server_restored,
            background=True,
            read_only=False,
            on_failed=self._server_restore_failed,
        )

    def _server_restored(self, report: ServerRestoreReport) -> None:
        """The server book now holds the dump's accounts: this window's login may name
        nobody there, or another role or password. So the book is opened again as at start
        (a login asked when it has accounts) in a new window, and this one closes."""
        self.busy.close()
        self._reopen(report)
        self.restored.emit(report)

    def _server_restore_failed(self, text: str, exc: DomainError | StorageError) -> None:
        self.busy.close()
        self._restoring = False
        if isinstance(exc, DomainError) and exc.code == RESTORED_SINCE:
            self._session_ended(self._services, text)  # restored elsewhere since: log in again
            return
        self.refused_box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("恢复失败"), text, parent=self._window
        )
        self.refused_box.setObjectName("restoreRefusedBox")
        self.refused_box.open()
        self.restore_refused.emit(text)

    def _release(self) -> None:
        """Close this window's connection: just before the file is swapped, or once a server
        restore left this window (its login was the book's before the restore)."""
        self._closed = True
        self._services.close()

    def restored_text(self, report: RestoreReport | ServerRestoreReport) -> str:
        text = (
            self.tr("已从 %1 恢复（%2）。")
            .replace("%1", str(report.restored_from))
            .replace("%2", when(report.manifest))
            + "\n"
            + self.tr("恢复后的数据库：%1").replace(
                "%1", contents_text(report.manifest.tables, self._lang)
            )
        )
        if report.safety_backup is not None:
            text += "\n" + self.tr("恢复前的数据库已保存为 %1").replace(
                "%1", str(report.safety_backup)
            )
        return text

    def _reopen(self, report: RestoreReport | ServerRestoreReport) -> None:
        """A new main window on the restored book; this one closes without a backup. On a
        server, whoever logs in on the restored book's accounts (as at start; the old
        session's connection is closed once the new window shows); on a file with accounts,
        the program is started again."""
        replacement = self._open_again(self.restored_text(report), self.tr("已恢复"))
        if replacement is not None:
            self._show_restored(replacement, report)

    def _open_again(self, said: str, status: str, reason: str | None = None) -> QMainWindow | None:
        """The book opened again as at start, in a new window (returned) in place of this
        one: a server book with accounts asks who logs in (``reason`` shown in the login
        dialog); a cancelled login, or a file with accounts, closes this window saying
        ``said`` and to start the program again (None)."""
        server = self._services.server_url is not None
        try:
            services = reopen_services(self._services)
        except (DomainError, StorageError) as exc:
            show_error(self._window, exc, self._lang)
            self._leave(server)
            return None
        if services.session.login_required and server:
            from ui.login_dialog import log_in_at_start  # noqa: PLC0415

            # closes ``services``
            chosen = log_in_at_start(services, self._lang, self._window, reason=reason)
            if chosen is None:  # cancelled, as at start: nobody works on with the old login
                self._start_again(said, server)
                return None
            services = chosen
        if services.session.login_required:  # a file with accounts
            services.close()
            self._start_again(said, server)
            return None
        self.replacement = replace_window(
            self._window, services, self._settings, self._lang, status
        )
        if server:
            self._release()
        return self.replacement

    def _start_again(self, said: str, server: bool) -> None:
        QMessageBox.information(
            self._window,
            self.tr("已恢复"),
            said + "\n\n" + self.tr("请重新启动程序并登录。"),
        )
        self._leave(server)

    # -- a restore made elsewhere ---------------------------------------------------------
    @Slot(object, object)
    def _session_ended(self, services: object, said: object) -> None:
        """An operation of this window was refused: its server book was restored (by another
        PC, or the command line) since it logged in. Once no dialog is open over it (an open
        form is closed: what it holds would be refused as well), the book is opened again as
        at start, as after a restore made here."""
        if self._closed or self._ending or self._restoring:
            return
        if services is None:  # raised outside a runner: is it this window's session?
            try:
                self._services.check_session()
            except DomainError as exc:
                said = error_text(exc, self._lang)
            except StorageError:
                return
        if services not in (None, self._services) or not isinstance(said, str):
            return
        self._ending = True
        text = said
        QTimer.singleShot(0, self, lambda: self._log_in_again(text))

    def _log_in_again(self, said: str, tries: int = 0) -> None:
        from ui.login_dialog import LoginDialog  # noqa: PLC0415

        over = QApplication.activeModalWidget()
        if isinstance(over, LoginDialog):  # the idle lock's: wait for the unlock
            QTimer.singleShot(MODAL_PAUSE_MS, self, lambda: self._log_in_again(said, tries))
            return
        if over is not None and tries < MODAL_TRIES:
            over.close()
            QTimer.singleShot(MODAL_PAUSE_MS, self, lambda: self._log_in_again(said, tries + 1))
            return
        self.wait()
        replacement = self._open_again(said, self.tr("已恢复"), reason=said)
        if replacement is not None and self._single_user_now():  # no login dialog said it
            self.ended_box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("已恢复"), said, parent=replacement
            )
            self.ended_box.setObjectName("sessionEndedBox")
            self.ended_box.open()
        self.session_ended.emit(said)

    def _single_user_now(self) -> bool:
        """Whether the window that replaced this one works single-user (nobody logged in)."""
        services = getattr(self.replacement, "_services", None)
        return isinstance(services, Services) and services.session.account is None

    def _leave(self, server: bool) -> None:
        """This window closes (a server's session with it: its login is not the book's)."""
        self._window.close()
        if server:
            self._release()

    def _show_restored(
        self, window: QMainWindow, report: RestoreReport | ServerRestoreReport
    ) -> None:
        window.statusBar().showMessage(self.tr("已恢复"), 10000)
        self.restored_box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("已恢复"),
            self.restored_text(report),
            parent=window,
        )
        self.restored_box.setObjectName("restoredBox")
        self.restored_box.open()

    # -- close --------------------------------------------------------------------------
    def on_close(self) -> None:
        """A verified backup when this session changed the database (the audit chain moved)."""
        self.wait()
        # a server case book is backed up by its administrator (or the server), not each PC
        if self._closed or self._services.read_only or self._services.server_url is not None:
            return
        self._closed = True
        try:
            if self._services.audit_head() == self._opened_head:
                return
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                manifest = self._services.backup(label="close")
            finally:
                QApplication.restoreOverrideCursor()
            log.info("backup on close: %s", manifest.path)
        except StorageError as exc:
            log.error("backup on close failed: %s", exc)
            QMessageBox.warning(self._window, self.tr("备份失败"), error_text(exc, self._lang))
