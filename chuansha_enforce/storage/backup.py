"""Verified copies of the database through SQLite's backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from chuansha_enforce.storage.connection import storage_error_from
from chuansha_enforce.storage.errors import DatabaseCorruptError


def backup_database(db: sqlite_utils.Database, target: Path) -> Path:
    """Copy the live database to ``target`` and keep it only if ``quick_check`` passes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        with sqlite3.connect(str(partial)) as copy:
            db.conn.backup(copy)
        copy.close()
        with sqlite3.connect(str(partial)) as check:
            result = check.execute("PRAGMA quick_check").fetchone()[0]
        check.close()
        if result != "ok":
            partial.unlink(missing_ok=True)
            raise DatabaseCorruptError(target, detail=str(result))
        partial.replace(target)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise storage_error_from(exc, target) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise storage_error_from(exc, target) from exc
    return target
