"""Anything that is neither a rule violation nor an environment problem is a bug:
log it and show a dialog whose details can be copied, with the log's path. A window's
session refused because its server book was restored since it logged in is no bug: the
window asks for a login again (``ui.runner.session_ends``)."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from chuansha_enforce.domain.safety.restore_generation import RESTORED_SINCE
from chuansha_enforce.services.errors import DomainError

log = logging.getLogger(__name__)


def install_crash_handler(log_path: Path) -> None:
    def handle(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, DomainError) and value.code == RESTORED_SINCE:
            # a service called outside the runner by a window whose server book was restored
            # since it logged in: no bug; the window asks for a login again
            from ui.runner import session_ends  # noqa: PLC0415

            session_ends().ended.emit(None, None)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.critical("unhandled exception\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, value, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "程序错误", "程序遇到了一个错误。")
        box.setInformativeText(
            f"您的数据未被部分写入：每次保存要么完整完成，要么完全不写。\n"
            f"请把详细信息复制给维护人员。日志文件：{log_path}"
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = handle
