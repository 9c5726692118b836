"""Catalogue entries of a server's refusal that a service operation cannot run again
(merged into ``messages``; docs/SERVER.md "Concurrency")."""

from __future__ import annotations

RETRY_MESSAGES: dict[str, tuple[str, str]] = {
    "storage.conflict_after_commit": (
        "服务器上的案件库 {path}：这次操作的前一部分已经保存，后一部分因另一台电脑同时写入被服务器"
        "撤销，没有保存。请刷新后查看已保存的内容，只补做没有保存的部分，不要把整个操作重做一遍",
        "the case book on {path}: the first part of this operation was saved; the server undid"
        " the rest because another PC was writing at the same time, so it was not saved. Refresh,"
        " look at what was saved and redo only what is missing, not the whole operation",
    ),
}
