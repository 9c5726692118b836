"""Migration 0003_case_search: what the case search reads (written by the search work)."""

from __future__ import annotations

import sqlite_utils


def apply_case_search_schema(db: sqlite_utils.Database) -> None:
    """Placeholder until the search schema lands; creates nothing."""
    del db
