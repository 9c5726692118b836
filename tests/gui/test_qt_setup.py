"""The bundled font carries Chinese; Qt's own buttons speak Chinese."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from chuansha_enforce.resource_paths import FONT_FAMILY, font_path
from ui.qt_setup import install_translators, register_bundled_font


def test_bundled_font_has_the_glyphs_we_print(qapp: QApplication) -> None:
    family = register_bundled_font(qapp)
    assert family == FONT_FAMILY
    raw = QRawFont(str(font_path()), 12)
    assert raw.isValid()
    for char in "川沙新镇综合行政执法队曾单仇查区朴罚款￥，。":
        # the ``str`` overloads misconvert some characters in PySide6; ask by code point
        assert raw.supportsCharacter(ord(char)), char
        assert QFontMetrics(qapp.font()).inFontUcs4(ord(char)), char


def test_qt_standard_buttons_are_translated(qapp: QApplication) -> None:
    translators = install_translators(qapp, "zh")
    try:
        assert translators
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_english_ui_translation(qapp: QApplication) -> None:
    translators = install_translators(qapp, "en")
    try:
        assert QCoreApplication.translate("CaseTableModel", "案件编号") == "Case no."
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("CaseTableModel", "案件编号") == "案件编号"
