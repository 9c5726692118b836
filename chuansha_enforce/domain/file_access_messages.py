"""Catalogue entries for a file the user names that the operating system will not let the
program read (merged into ``messages``): a ledger to import, a backup to restore; or write:
a backup being made. Said in the program's words, naming the file, never the system's
English ("Permission denied")."""

from __future__ import annotations

FILE_ACCESS_MESSAGES: dict[str, tuple[str, str]] = {
    "ledger.no_permission": (
        "无法读取 {name}：没有读取它的权限。请把它复制到自己能打开的文件夹后再导入",
        "cannot read {name}: no permission to read it; copy it to a folder you can open and"
        " import that",
    ),
    "restore.no_permission": (
        "无法读取备份文件 {path}：没有读取它的权限，未做任何改动",
        "cannot read the backup file {path}: no permission to read it; nothing was changed",
    ),
    "backup.not_writable": (
        "备份文件 {path} 不能写入（只读、被其他程序占用或没有权限），案件库没有改动",
        "the backup file {path} cannot be written (read-only, held open by another program"
        " or no permission); the case book was not changed",
    ),
    "storage.no_permission": (
        "数据库 {path} 无法打开：没有读取它的权限（请检查该文件及其所在文件夹的权限）",
        "the database {path} cannot be opened: no permission to read it (check the"
        " permissions of the file and of the folders it is in)",
    ),
}
