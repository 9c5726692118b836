"""Where the bundled resources (font, translations) are, from a checkout or a frozen build."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FONT_FILE = "wqy-microhei.ttc"
FONT_FAMILY = "WenQuanYi Micro Hei"


def resources_dir() -> Path:
    """``resources/`` beside the packages, or inside a PyInstaller bundle.

    ``CHUANSHA_ENFORCE_RESOURCES`` overrides both (for unusual installs).
    """
    override = os.environ.get("CHUANSHA_ENFORCE_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def translations_dir() -> Path:
    return resources_dir() / "translations"
