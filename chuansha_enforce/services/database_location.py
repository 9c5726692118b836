"""Which database file: ``--db``, else ``CHUANSHA_ENFORCE_DB``, else the user data folder."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "chuansha-enforce"
ENV_VAR = "CHUANSHA_ENFORCE_DB"
DB_FILE = "cases.db"


def default_db_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE


def resolve_db_path(explicit: str | Path | None, environ: Mapping[str, str] | None = None) -> Path:
    if explicit is not None and str(explicit).strip():
        return Path(explicit).expanduser()
    return default_db_path(environ)
