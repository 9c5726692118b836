"""Catalogue entries for bad input met at the edges (numbers too large for a record, output
places that cannot be written, text longer than a ledger column holds); merged into
``messages``."""

from __future__ import annotations

BADINPUT_FIELDS: dict[str, tuple[str, str]] = {
    "sample_id": ("抽查批次", "sample"),
    "file_id": ("评查案卷", "reviewed file"),
    "defect_id": ("问题号", "defect number"),
    "expect_head": ("审计链头", "audit-chain head"),
    "list_limit": ("最多列出几件（--limit）", "how many to list (--limit)"),
    "display": ("姓名", "display name"),
    "name": ("用户名", "user name"),
    "qualification": ("法律职业资格证号", "legal qualification number"),
    "act": ("被复议或起诉的行为", "the act disputed"),
    "body": ("机关或法院", "body or court"),
    "conclusion": ("讨论结论", "conclusion"),
    "description": ("证据", "evidence"),
    "document": ("责成文件", "order document"),
    "finding": ("评查问题", "finding"),
    "five_year_reason": ("五年时效理由", "five-year limitation reason"),
    "how": ("教育情况", "how educated"),
    "material": ("报送材料", "material"),
    "no_penalty": ("不予处罚理由", "reason for no penalty"),
    "problem": ("审核意见", "review problem"),
    "result": ("结果", "result"),
    "text": ("整改情况", "rectification"),
}

BADINPUT_MESSAGES: dict[str, tuple[str, str]] = {
    "badinput.number_too_large": (
        "数字 {value} 太大，超出可处理的范围",
        "the number {value} is too large to handle",
    ),
    "badinput.version_too_large": (
        "版本号“{value}”超出范围（见 case show --json 的 version）",
        "the version “{value}” is out of range (see version in case show --json)",
    ),
    "output.is_folder": (
        "{path} 是一个文件夹，不能写入；请写出文件名",
        "{path} is a folder and cannot be written; give a file name",
    ),
    "output.no_folder": (
        "无法写入 {path}：文件夹不存在，或不能在其中建立文件。请另选位置",
        "cannot write {path}: the folder does not exist or cannot hold files; choose another place",
    ),
    "output.no_permission": (
        "无法写入 {path}：没有在那里写入的权限。请另选位置",
        "cannot write {path}: no permission to write there; choose another place",
    ),
    "badinput.chain_head": (
        "“{value}”应为 64 位十六进制数字（见 verify --json 的 chain_head）",
        "“{value}” should be 64 hexadecimal digits (see chain_head in verify --json)",
    ),
    "badinput.list_limit": (
        "“{value}”应为 0（全部列出）或正整数",
        "“{value}” should be 0 (list all) or a positive whole number",
    ),
    "badinput.db_is_folder": (
        "{path} 是一个文件夹，不是数据库文件。请用 --db 指定数据库文件",
        "{path} is a folder, not a database file; give the database file with --db",
    ),
    "badinput.db_empty": (
        "数据库文件 {path} 是空文件（0 字节），还不是案件库，未做任何改动。请先运行 init 或 demo，"
        "或用 --db 指定文件",
        "the database file {path} is empty (0 bytes), not yet a case book; nothing was changed."
        " Run init or demo first, or give the file with --db",
    ),
    "badinput.restore_folder": (
        "{path} 是一个文件夹，不是备份文件。请指定文件夹中的备份文件（.db），未做任何改动",
        "{path} is a folder, not a backup file; give a backup file (.db) in it; nothing was"
        " changed",
    ),
}
