"""When the start-up integrity check fails: offer the newest good backup, restore, reopen."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.backup_service import BackupService
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DomainError, StorageError
from chuansha_enforce.services.restore_authority import Authorize, check_restore_right
from chuansha_enforce.services.session import Login
from chuansha_enforce.services.system_clock import SystemClock
from ui.error_dialogs import error_text, show_error
from ui.login_dialog import LoginDialog

Attempt = Callable[[str, str], str]
"""Name and password in; the name to record the restore under out (or a DomainError)."""


def _login_dialog(attempt: Attempt, lang: Lang) -> str | None:
    dialog: LoginDialog[str] = LoginDialog(attempt, lang)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_value


def _authorize(
    db_path: Path,
    clock: SystemClock,
    lang: Lang,
    log_in: Callable[[Attempt], str | None] | None,
) -> Authorize:
    """Administrators restore (DOMAIN §9): once the backup is verified, a login against the
    damaged file's accounts when it has readable ones, else the backup's; none without."""

    def authorize(staging: Path) -> str:
        try:
            return check_restore_right(db_path, staging, None, clock)
        except DomainError as refusal:
            if refusal.code != "auth.login_required":
                raise

        def attempt(name: str, password: str) -> str:
            return check_restore_right(db_path, staging, Login(name, password), clock)

        user = (log_in or (lambda a: _login_dialog(a, lang)))(attempt)
        if user is None:
            raise DomainError("restore.cancelled", "user")
        return user

    return authorize


def offer_restore(
    exc: StorageError,
    db_path: Path,
    lang: Lang,
    reopen: Callable[[], Services],
    *,
    ask: Callable[[str], bool] | None = None,
    tell: Callable[[str], None] | None = None,
    log_in: Callable[[Attempt], str | None] | None = None,
) -> Services | None:
    """Services on the restored file, or None (nothing offered, declined, or it failed).

    ``exc`` is the error opening raised; only a failed start-up check names a backup.
    """
    if exc.code != "storage.check_failed":
        show_error(None, exc, lang)
        return None
    backup = Path(str(exc.params["backup"]))
    question = (
        error_text(exc, lang)
        + "\n\n"
        + QCoreApplication.translate(
            "StartupRecovery", "现在用这个备份恢复吗？损坏的文件会另存一份，不会删除。"
        )
    )
    if ask is None:

        def ask(text: str) -> bool:
            answer = QMessageBox.question(
                None, QCoreApplication.translate("StartupRecovery", "数据库需要恢复"), text
            )
            return answer == QMessageBox.StandardButton.Yes

    if not ask(question):
        return None
    clock = SystemClock()
    try:
        report = BackupService(db_path, clock).restore(
            backup, authorize=_authorize(db_path, clock, lang, log_in)
        )
        services = reopen()
    except (DomainError, StorageError) as failure:
        show_error(None, failure, lang)
        return None
    done = (
        QCoreApplication.translate("StartupRecovery", "已从 %1 恢复。损坏的原文件保存在 %2。")
        .replace("%1", str(report.restored_from))
        .replace("%2", str(report.safety_backup))
    )
    if tell is None:
        QMessageBox.information(None, QCoreApplication.translate("StartupRecovery", "已恢复"), done)
    else:
        tell(done)
    return services
