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

from chuansha_enforce.cli.command_group import CommandGroup, only_reads
from chuansha_enforce.cli.login import cli_login
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.clock import Clock, china_time
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.safety.backup_labels import contents_text
from chuansha_enforce.services.backup_service import BackupManifest, BackupService, dump_backups
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.database_location import server_local_path
from chuansha_enforce.services.restore_authority import authorizer, server_authorizer
from chuansha_enforce.services.server_backup_service import ServerBackupService


def _add_parsers(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="备份数据库（经完整性检查，附清单；默认存入数据库旁的 backups 目录）"
    )
    backup.add_argument("-o", "--output", metavar="DIR", help="备份到此文件夹（不做轮换清理）")
    restore = commands.add_parser(
        "restore", help="从备份恢复（先检查备份，并先备份当前数据库，再整体替换）"
    )
    restore.add_argument("file", metavar="FILE", help="备份文件（.db；服务器模式为 .dump）")
    restore.add_argument(
        "--accept-unverified",
        action="store_true",
        help="备份旁没有清单时仍恢复（无法核对是否被改动，此举记入操作日志）",
    )
    restore.add_argument(
        "--replace",
        action="store_true",
        help="服务器模式：数据库已有案件库时仍用备份整体替换（替换前先备份它）",
    )


def _when(manifest: BackupManifest) -> str:
    """When the backup was taken, in Beijing time (the manifest keeps UTC)."""
    return china_time(manifest.taken_at) if manifest.taken_at else "?"


def _cmd_backup(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    require(services.session.account, Permission.MANAGE_BACKUPS)  # DOMAIN §9: administrators
    folder = Path(args.output).expanduser() if args.output else None
    manifest = services.backup(folder)  # a copy of all personal data: logged
    contents = contents_text(manifest.tables, lang)
    said = "cli.server_backed_up" if services.server_url else "cli.backed_up"
    say(out, lang, said, path=manifest.path, contents=contents)
    return 0


def _cmd_restore_server(
    args: argparse.Namespace, url: str, out: TextIO, lang: Lang, clock: Clock
) -> int:
    """``restore DUMP`` on a server case book: pg_restore in one go, verified before and after."""
    files = dump_backups(server_local_path(url), clock)
    report = ServerBackupService(url, files, clock).restore(
        Path(args.file).expanduser(),
        replace=args.replace,
        authorize=server_authorizer(cli_login(args.user), clock),
        accept_unverified=args.accept_unverified,
    )
    manifest = report.manifest
    contents = contents_text(manifest.tables, lang)
    say(out, lang, "cli.server_restored", source=report.restored_from, taken=_when(manifest),
        schema=manifest.schema_version, db=report.where, contents=contents)  # fmt: skip
    if report.safety_backup is not None:
        say(out, lang, "cli.restore_kept_previous", path=report.safety_backup)
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
    say(out, lang, "cli.restored", source=report.restored_from, taken=_when(manifest),
        schema=manifest.schema_version, db=db_path, contents=contents)  # fmt: skip
    if report.safety_backup is not None:
        kept = (
            "cli.restore_kept_damaged" if report.previous_damaged else "cli.restore_kept_previous"
        )
        say(out, lang, kept, path=report.safety_backup)
    if report.pending_migrations:  # an older backup: upgraded on the next open
        say(sys.stderr, lang, "cli.restore_upgrades_next")
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"backup": _cmd_backup},
    needs_existing_db=frozenset({"backup"}),
    opens_database_itself={"restore": _cmd_restore},
    opens_server_itself={"restore": _cmd_restore_server},
    writes=only_reads,  # ``backup`` checks the copy it makes; ``restore`` opens the file itself
)
