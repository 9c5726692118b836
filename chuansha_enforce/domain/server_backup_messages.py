"""Catalogue entries of server-mode backups with pg_dump (merged into ``messages``)."""

from __future__ import annotations

SERVER_BACKUP_MESSAGES: dict[str, tuple[str, str]] = {
    "server_backup.unrestorable": (
        "备份 {path} 无法恢复到临时数据库（{detail}），不算作备份，未做任何改动",
        "the dump {path} could not be restored into a scratch database ({detail}); it does not"
        " count as a backup. Nothing was changed",
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
