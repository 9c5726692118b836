"""The 连接服务器… dialog's use cases: a server address from its parts, and a test connection
that says what is there (a case book, or an empty database that opening sets up)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.server.pg_database import open_server, shown_url
from chuansha_enforce.storage.server.pg_dump import server_version
from chuansha_enforce.storage.server.pg_schema import applied_on_server

DEFAULT_PORT = 5432
_NAME = re.compile(r"^[^\s/@?#]+$")


@dataclass(frozen=True, slots=True)
class ServerParts:
    host: str
    port: str
    database: str
    user: str
    password: str = ""
    """Never stored: the dialog remembers the other four."""


def server_address(parts: ServerParts) -> str:
    """``postgresql://user[:password]@host:port/database``; a missing or malformed part is
    refused naming its field (the first one in the dialog's order)."""
    fields = (
        ("server_host", parts.host.strip()),
        ("server_port", parts.port.strip()),
        ("server_database", parts.database.strip()),
        ("server_user", parts.user.strip()),
    )
    for field, value in fields:
        if not value:
            raise DomainError("server_connect.missing", field)
        if field != "server_port" and not _NAME.match(value):
            raise DomainError("server_connect.spaces", field)
    host, port, database, user = (value for _field, value in fields)
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise DomainError("server_connect.port", "server_port")
    where = f"[{host}]" if ":" in host else host
    secret = f":{quote(parts.password, safe='')}" if parts.password else ""
    return f"postgresql://{quote(user, safe='')}{secret}@{where}:{int(port)}/{quote(database)}"


@dataclass(frozen=True, slots=True)
class ServerCheck:
    location: str
    """The address without its password."""
    server: str
    """``PostgreSQL 15.18``."""
    schema: str | None
    """The case book's newest migration, or None when the database holds none yet
    (``presenters.server_check_text`` says it)."""


def check_server(url: str) -> ServerCheck:
    """Connect and look (nothing is written); an unreachable server or a refused login is
    the typed storage error the dialog shows."""
    db = open_server(url)
    try:
        with db.pg.typed_errors():
            version = server_version(db)
            applied = applied_on_server(db.pg.raw)
    finally:
        db.close()
    return ServerCheck(shown_url(url), f"PostgreSQL {version}", applied[-1] if applied else None)
