"""The restore generation a server restore writes into the restored book: an internal setting
(``_`` keys are not business settings). A session remembers the book's generation when it logs
in and is refused once the book has another (docs/SERVER.md, "Sessions and a restore")."""

from __future__ import annotations

import sqlite_utils

from chuansha_enforce.storage.settings_repository import SettingsRepository

KEY = "_restore_generation"


def mark_restored(db: sqlite_utils.Database, generation: str, at: str) -> None:
    """The restored book's new generation (in the restore's write transaction, before the
    record that vouches for the seal sum its row changes)."""
    SettingsRepository(db).put(KEY, generation, at)
