"""Application-wide Qt set-up: the bundled font and the translators."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.resource_paths import font_path, translations_dir

log = logging.getLogger(__name__)

UI_LANGS = ("zh", "en")

# Said by the offscreen platform plugin for every top-level window; not a problem of ours.
_EXPECTED_QT_NOISE = ("This plugin does not support propagateSizeHints()",)
_QT_LEVELS = EnumMap(
    QtMsgType,
    {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    },
)


CANNOT_START = """\
图形界面无法启动：Qt 的显示插件无法载入或无法连接显示器。
  · Debian/UOS/麒麟 缺少 xcb 库时请安装：
    sudo apt-get install {packages}
  · 没有显示器时可在虚拟显示器上运行：xvfb-run -a .venv/bin/chuansha-enforce-gui
  · 或只检查能否启动：QT_QPA_PLATFORM=offscreen .venv/bin/chuansha-enforce-gui --smoke
The GUI cannot start: Qt's platform plugin did not load or found no display. Install the
packages above (Debian/UOS/Kylin), or run under xvfb-run, or check with --smoke.
Qt 的原话 / Qt said:
{said}
日志 / log: {log}"""

_PLATFORM_WORDS = ("platform plugin", "xcb", "display")


def cannot_start_text(said: list[str], log_path: Path | None) -> str:
    """What the terminal shows when Qt gives up at start (it would only abort)."""
    fatal = said[-1] if said else ""
    if not any(word in " ".join(said).lower() for word in _PLATFORM_WORDS):
        return f"图形界面异常终止 / the GUI stopped: {fatal}\n日志 / log: {log_path or '-'}"
    lines = "\n".join(f"  {line}" for text in said for line in text.strip().splitlines() if line)
    from ui.launch import XCB_PACKAGES  # noqa: PLC0415 (with subprocess: not at every start)

    return CANNOT_START.format(packages=XCB_PACKAGES, said=lines, log=log_path or "-")


def route_qt_messages_to_log(log_path: Path | None = None) -> None:
    """Qt's own messages go to our log file (not to a console a clerk never sees).

    A fatal one is also said on stderr, with what led to it and the fix, before the program
    ends with exit status 1: Qt would abort with nothing on the terminal (``make run`` showed
    only ``Error 250`` when the xcb libraries were missing)."""
    recent: list[str] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message in _EXPECTED_QT_NOISE:
            return
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
        recent.append(message)
        del recent[:-5]
        if kind == QtMsgType.QtFatalMsg:
            print(cannot_start_text(recent, log_path), file=sys.stderr, flush=True)
            logging.shutdown()
            os._exit(1)  # Qt aborts after a fatal message; end plainly instead

    qInstallMessageHandler(handler)


def register_bundled_font(app: QApplication, point_size: int = 10) -> str:
    """Register the shipped CJK font and make it the application font.

    The UI then never depends on the fonts a PC happens to have.
    """
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        raise RuntimeError(f"cannot load the bundled font {font_path()}")
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    app.setFont(QFont(family, point_size))
    return family


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Chinese: Qt's own zh_CN strings (our sources are Chinese). English: our .qm."""
    translators: list[QTranslator] = []
    if lang == "zh":
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        qt = QTranslator(app)
        qt_dirs = [translations_dir(), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
        if any(qt.load("qtbase_zh_CN", str(d)) for d in qt_dirs):
            translators.append(qt)
        else:
            log.warning("Qt's Chinese translations (qtbase_zh_CN.qm) were not found")
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        ours = QTranslator(app)
        if ours.load("chuansha_enforce_en", str(translations_dir())):
            translators.append(ours)
        else:
            log.warning("English translation not built (run make translations)")
    for translator in translators:
        app.installTranslator(translator)
    return translators
