"""Which database file: ``--db``, else ``CHUANSHA_ENFORCE_DB``, else the user data folder."""

from __future__ import annotations

import os
import re
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


SERVER_PREFIXES = ("postgresql://", "postgres://")


def server_url(explicit: str | None, environ: Mapping[str, str] | None = None) -> str | None:
    """The PostgreSQL case book ``--db`` (else ``CHUANSHA_ENFORCE_DB``) names, or None (a file)."""
    env = os.environ if environ is None else environ
    chosen = explicit if explicit is not None and str(explicit).strip() else env.get(ENV_VAR, "")
    text = str(chosen or "").strip()
    return text if text.lower().startswith(SERVER_PREFIXES) else None


def server_local_path(url: str) -> Path:
    """Where this PC keeps its own files for a server case book (templates, exports): a
    folder per server and database in the user data folder (the case book is on the server)."""
    tail = url.split("://", 1)[1].rsplit("@", 1)[-1]
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", tail).strip("_") or "server"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "servers" / name / DB_FILE


def resolve_db_path(explicit: str | Path | None, environ: Mapping[str, str] | None = None) -> Path:
    if explicit is not None and str(explicit).strip():
        return Path(explicit).expanduser()
    return default_db_path(environ)
