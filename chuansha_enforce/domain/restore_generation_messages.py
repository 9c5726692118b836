"""Catalogue entries of a session that logged in before its server case book was restored
(merged into ``messages``)."""

from __future__ import annotations

RESTORE_GENERATION_MESSAGES: dict[str, tuple[str, str]] = {
    "session.restored_since": (
        "服务器上的案件库在本机登录之后已被恢复为一份备份（可能由另一台电脑恢复），"
        "本次登录已失效，此操作未执行。请重新登录",
        "the server case book was restored from a backup after this PC logged in (perhaps by"
        " another PC); this login is no longer valid and nothing was done. Please log in again",
    ),
}
