"""Application-wide Qt set-up: the bundled font and the translators."""

from __future__ import annotations

import logging

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


def route_qt_messages_to_log() -> None:
    """Qt's own messages go to our log file (not to a console a clerk never sees)."""

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if message in _EXPECTED_QT_NOISE:
            return
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

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
