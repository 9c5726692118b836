"""Where a database file really lives: the I/O half of ``domain.network_paths``."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from chuansha_enforce.domain.safety.network_paths import (
    parse_mounts,
    posix_network_kind,
    windows_drive_root,
    windows_network_kind,
)

PROC_MOUNTS = Path("/proc/mounts")


def _existing_ancestor(path: Path) -> Path:
    """The file itself, or the nearest folder above it that exists (for a new database)."""
    current = path
    while not current.exists() and current.parent != current:
        current = current.parent
    return current


def network_kind(db_path: Path, mounts_file: Path = PROC_MOUNTS) -> str | None:
    """Which kind of network share holds ``db_path`` (``nfs4``, ``cifs``, ``UNC`` …), or None."""
    if sys.platform == "win32":
        text = str(Path(db_path).absolute())
        root = windows_drive_root(text)
        drive_type = None
        if root is not None:
            drive_type = int(ctypes.windll.kernel32.GetDriveTypeW(root))
        return windows_network_kind(text, drive_type)
    try:
        table = mounts_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # no mount table (macOS, a container without /proc): assume local
    where = os.path.realpath(_existing_ancestor(Path(db_path).absolute()))
    return posix_network_kind(where, parse_mounts(table))
