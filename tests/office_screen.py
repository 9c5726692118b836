"""The screen every GUI test runs on: the office's most common one, 1366×768 (issue 21 §4),
given to Qt's offscreen platform as its configuration file."""

from __future__ import annotations

import json
import os
from pathlib import Path

SCREEN = (1366, 768)


def offscreen_platform(folder: Path) -> str:
    """``QT_QPA_PLATFORM`` for an offscreen screen of ``SCREEN``'s size."""
    width, height = SCREEN
    config = folder / f"screen-{width}x{height}.json"
    folder.mkdir(parents=True, exist_ok=True)
    draft = config.with_suffix(f".{os.getpid()}")  # written whole, then put in place
    screen = {"name": "office", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    draft.write_text(json.dumps({"screens": [screen]}))
    draft.replace(config)
    return f"offscreen:configfile={config}"
