"""``migrate-to URL``: this case-book file copied onto an empty PostgreSQL database, checked on
both sides (docs/SERVER.md). Progress goes to stderr; the result line to stdout."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    migrate = commands.add_parser(
        "migrate-to",
        help="把本案件库文件整体复制到一个空的服务器数据库（一个事务；复制后两边核对统计、"
        "操作日志链和签名）",
    )
    migrate.add_argument("url", metavar="URL", help="服务器数据库的地址（须为新建的空库）")


def _cmd_migrate(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    def progress(table: str, done: int, total: int) -> None:
        if total and done:  # a table's rows as they go (empty tables say nothing)
            say(sys.stderr, lang, "migrate.progress", table=table, done=f"{done:,}",
                total=f"{total:,}")  # fmt: skip

    def checking(years: int) -> None:
        say(sys.stderr, lang, "migrate.checking", years=years)

    report = services.migration.migrate_to(args.url, progress, checking)
    say(out, lang, "migrate.done", target=report.target, tables=report.tables,
        rows=f"{report.rows:,}", seconds=f"{report.seconds:.1f}", years=report.years,
        records=report.audit_records, head=report.chain_head[:12],
        signatures=report.signatures)  # fmt: skip
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"migrate-to": _cmd_migrate},
    needs_existing_db=frozenset({"migrate-to"}),
    # the copy is logged in the file first (all personal data leaves it): the start-up check runs
)
