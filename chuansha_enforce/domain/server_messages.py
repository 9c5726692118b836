"""Catalogue entries of the PostgreSQL server mode (merged into ``messages``)."""

from __future__ import annotations

SERVER_MESSAGES: dict[str, tuple[str, str]] = {
    "storage.server_unreachable": (
        "无法连接数据库服务器 {path}：{detail}",
        "cannot reach the database server {path}: {detail}",
    ),
    "storage.server_error": (
        "数据库服务器 {path} 出错：{detail}",
        "the database server {path} reported an error: {detail}",
    ),
    "storage.server_schema_old": (
        "服务器数据库 {path} 的结构较旧（缺少 {migrations}），无法在服务器上自动升级"
        "（{detail}），未做任何改动",
        "the server database {path} has an older schema (missing {migrations}) that cannot be"
        " upgraded on the server ({detail}); nothing was changed",
    ),
    "storage.server_backup": (
        "服务器上的案件库 {path} 由服务器自己的备份保存：本机找不到可用的 pg_dump"
        "（须不低于服务器的版本），本程序未备份或恢复",
        "the case book on {path} is kept by the server's own backups: this PC has no usable"
        " pg_dump (it must be at least the server's version); nothing was backed up or restored",
    ),
    "cli.server_command": (
        "服务器模式暂不支持命令 {command}",
        "the command {command} is not available in server mode yet",
    ),
}
