"""Catalogue entries of server-mode backups with pg_dump and of the 连接服务器… dialog
(merged into ``messages``)."""

from __future__ import annotations

SERVER_BACKUP_MESSAGES: dict[str, tuple[str, str]] = {
    "server_backup.unrestorable": (
        "备份 {path} 无法恢复到临时数据库（{detail}），不算作备份，未做任何改动",
        "the dump {path} could not be restored into a scratch database ({detail}); it does not"
        " count as a backup. Nothing was changed",
    ),
    "server_backup.no_scratch": (
        "登录 {path} 的账户不能建数据库：备份要先恢复到临时数据库中校验，"
        "请用有 CREATEDB 权限的账户（如建库的账户）备份或恢复，未做任何改动",
        "the login on {path} may not create databases: a backup is checked by restoring it into"
        " a scratch database; back up or restore as a login with CREATEDB (e.g. the owner)."
        " Nothing was changed",
    ),
    "server_backup.verify_failed": (
        "备份 {path} 恢复到临时数据库后未通过校验（{table} {id}：{detail}），"
        "不算作备份，未做任何改动",
        "the dump {path} fails verify once restored into a scratch database ({table} {id}:"
        " {detail}); it does not count as a backup. Nothing was changed",
    ),
    "server_restore.not_empty": (
        "服务器数据库 {path} 已有案件库；确认要用备份整体替换它时，请加 --replace"
        "（替换前会先备份它），未做任何改动",
        "the server database {path} already holds a case book; add --replace to replace it"
        " with the backup (it is backed up first). Nothing was changed",
    ),
    "server_restore.verify_after": (
        "已用 {path} 恢复，但恢复后的数据库未通过校验（{table} {id}：{detail}），"
        "请运行 verify 查看并联系管理员",
        "restored from {path}, but the restored database fails verify ({table} {id}:"
        " {detail}); run verify and call the administrator",
    ),
    "cli.server_backed_up": (
        "已用 pg_dump 备份到 {path}（已恢复到临时数据库并通过校验）：{contents}",
        "backed up with pg_dump to {path} (restored into a scratch database and verified):"
        " {contents}",
    ),
    "cli.server_restored": (
        "已用 {source}（备份于北京时间 {taken}，结构版本 {schema}）恢复服务器数据库 {db}，"
        "恢复后已通过校验：{contents}",
        "restored the server database {db} from {source} (taken {taken} Beijing time, schema"
        " {schema}) and verified it: {contents}",
    ),
}

SERVER_CONNECT_FIELDS: dict[str, tuple[str, str]] = {
    "server_host": ("服务器地址", "server address"),
    "server_port": ("端口", "port"),
    "server_database": ("数据库名", "database name"),
    "server_user": ("用户名", "user name"),
}

SERVER_CONNECT_MESSAGES: dict[str, tuple[str, str]] = {
    "server_connect.missing": ("请填写", "required"),
    "server_connect.spaces": (
        "不能含空格或 / @ ? # 等字符",
        "must not contain spaces or / @ ? #",
    ),
    "server_connect.port": (
        "须为 1 到 65535 的整数（PostgreSQL 默认 5432）",
        "must be a whole number from 1 to 65535 (PostgreSQL's default is 5432)",
    ),
    "server_connect.ok_book": (
        "连接成功：{server}，已有案件库（结构版本 {schema}）",
        "connected: {server}, it holds a case book (schema {schema})",
    ),
    "server_connect.ok_empty": (
        "连接成功：{server}，该数据库尚无案件库（打开时建立）",
        "connected: {server}; the database holds no case book yet (opening it creates one)",
    ),
}
