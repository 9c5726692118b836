"""Catalogue entries of ``migrate-to``: a case-book file copied onto a server (merged into
``messages``)."""

from __future__ import annotations

MIGRATE_MESSAGES: dict[str, tuple[str, str]] = {
    "migrate.not_server": (
        "迁移目标须是服务器地址（postgresql://用户@服务器/库名），而不是“{target}”",
        "the target must be a server address (postgresql://user@host/dbname), not “{target}”",
    ),
    "migrate.from_server": (
        "迁移的来源须是案件库文件（--db 文件），而不是服务器 {path}",
        "the source must be a case-book file (--db FILE), not the server {path}",
    ),
    "migrate.target_not_empty": (
        "目标数据库 {target} 不是空的（已有 {n} 个表、视图或序列）：迁移只写入新建的空数据库，"
        "未写入任何内容",
        "the target database {target} is not empty ({n} tables, views or sequences): a case"
        " book is only copied into a new, empty database; nothing was written",
    ),
    "migrate.source_fails_verify": (
        "案件库 {path} 未通过校验（{n} 处问题，如 {first}），不能迁移；请先运行 verify 查明原因",
        "the case book {path} fails verify ({n} problems, e.g. {first}); it is not copied:"
        " run verify to see why",
    ),
    "migrate.schema_differs": (
        "案件库 {path} 的表与服务器上建的不一致（{what}），未写入任何内容",
        "the tables of {path} differ from those made on the server ({what}); nothing was written",
    ),
    "migrate.copy_failed": (
        "复制到 {target} 时出错：{detail}；服务器数据库未写入任何内容",
        "copying to {target} failed: {detail}; nothing was written on the server",
    ),
    "migrate.mismatch": (
        "复制后两边核对不一致（{what}），已全部撤销：服务器数据库未写入任何内容",
        "after copying, the two sides differ ({what}); everything was undone: nothing was"
        " written on the server",
    ),
    "migrate.progress": (
        "复制 {table}：{done}/{total} 行",
        "copying {table}: {done}/{total} rows",
    ),
    "migrate.checking": (
        "核对两边：{years} 个年度的统计、操作日志链、审核签名，及服务器上的校验…",
        "checking both sides: {years} years' statistics, the audit chain, the review signatures,"
        " and verify on the server…",
    ),
    "migrate.done": (
        "已迁移到 {target}：{tables} 个表共 {rows} 行，用时 {seconds} 秒；{years} 个年度的统计、"
        "操作日志 {records} 条（链头 {head}）、审核签名 {signatures} 个两边一致，服务器上校验通过",
        "copied to {target}: {rows} rows in {tables} tables in {seconds} s; {years} years'"
        " statistics, {records} audit records (head {head}) and {signatures} review signatures"
        " are equal on both sides; verify passes on the server",
    ),
}
