"""``backup [-o DIR]`` and ``restore FILE``: verified copies, and putting one back.

``restore`` opens the database itself rather than through the dispatcher: it must work when
the current file fails its start-up check, which is exactly when it is needed. Backups are the
administrator's (DOMAIN §9): an administrator logs in with ``--user`` against the current file's
accounts, or the backup's when the current file has none (``services.restore_authority``); the
damaged file is first kept as a raw copy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.login import cli_login
from chuansha_enforce.domain.accounts import Permission, require
from chuansha_enforce.domain.backup_labels import contents_text
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.backup_service import BackupManifest, BackupService
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.restore_authority import authorizer


def _add_parsers(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="备份数据库（经完整性检查，附清单；默认存入数据库旁的 backups 目录）"
    )
    backup.add_argument("-o", "--output", metavar="DIR", help="备份到此文件夹（不做轮换清理）")
    restore = commands.add_parser(
        "restore", help="从备份恢复（先检查备份，并先备份当前数据库，再整体替换）"
    )
    restore.add_argument("file", metavar="FILE", help="备份文件（.db）")
    restore.add_argument(
        "--accept-unverified",
        action="store_true",
        help="备份旁没有清单时仍恢复（无法核对是否被改动，此举记入操作日志）",
    )


def _when(manifest: BackupManifest) -> str:
    return (manifest.taken_at or "?")[:19].replace("T", " ")


def _cmd_backup(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    require(services.session.account, Permission.MANAGE_BACKUPS)  # DOMAIN §9: administrators
    folder = Path(args.output).expanduser() if args.output else None
    manifest = services.backup(folder)  # a copy of all personal data: logged
    contents = contents_text(manifest.tables, lang)
    if lang == "zh":
        print(f"已备份到 {manifest.path}（已通过完整性检查）：{contents}", file=out)
    else:
        print(f"backed up to {manifest.path} (integrity checked): {contents}", file=out)
    return 0


def _cmd_restore(
    args: argparse.Namespace, db_path: Path, out: TextIO, lang: Lang, clock: Clock
) -> int:
    authorize = authorizer(db_path, cli_login(args.user), clock)
    report = BackupService(db_path, clock).restore(
        Path(args.file).expanduser(), authorize=authorize, accept_unverified=args.accept_unverified
    )
    manifest = report.manifest
    contents = contents_text(manifest.tables, lang)
    if lang == "zh":
        print(
            f"已用 {report.restored_from}（备份于 {_when(manifest)} UTC，"
            f"结构版本 {manifest.schema_version}）恢复 {db_path}：{contents}",
            file=out,
        )
        if report.safety_backup is not None:
            kind = "无法读取的原文件副本" if report.previous_damaged else "恢复前的数据库"
            print(f"{kind}已保存为 {report.safety_backup}", file=out)
    else:
        print(
            f"restored {db_path} from {report.restored_from} (taken {_when(manifest)} UTC, "
            f"schema {manifest.schema_version}): {contents}",
            file=out,
        )
        if report.safety_backup is not None:
            kind = "a raw copy of the unreadable file" if report.previous_damaged else "the"
            print(f"{kind} database as it was is saved as {report.safety_backup}", file=out)
    if report.pending_migrations:  # an older backup: upgraded on the next open
        if lang == "zh":
            print("下次打开时会自动升级数据库结构（升级前另作备份）", file=sys.stderr)
        else:
            print("the next open upgrades the database structure (after a backup)", file=sys.stderr)
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"backup": _cmd_backup},
    needs_existing_db=frozenset({"backup"}),
    opens_database_itself={"restore": _cmd_restore},
)
