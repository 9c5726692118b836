"""What the 连接服务器… dialog says after a test connection: the server, and whether the
database holds a case book (its structure version) or is empty (opening sets it up)."""

from __future__ import annotations

from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.server_connection import ServerCheck


def server_check_text(check: ServerCheck, lang: Lang) -> str:
    if check.schema is None:
        return render("server_connect.ok_empty", {"server": check.server}, lang)
    return render("server_connect.ok_book", {"server": check.server, "schema": check.schema}, lang)
