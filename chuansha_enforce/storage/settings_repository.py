"""Business settings as JSON values by key."""

from __future__ import annotations

import json

import sqlite_utils


class SettingsRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def all(self) -> dict[str, object]:
        rows = self._db.execute("SELECT key, value FROM settings").fetchall()
        return {str(key): json.loads(value) for key, value in rows}

    def put(self, key: str, value: object, at: str) -> None:
        self._db.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
            " updated_at = excluded.updated_at",
            [key, json.dumps(value, ensure_ascii=False), at],
        )

    def first_change_at(self) -> str | None:
        """When the database recorded its first change (the audit log's first record)."""
        row = self._db.execute("SELECT at FROM audit_log ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])
