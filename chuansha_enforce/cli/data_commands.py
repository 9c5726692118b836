"""``init``, ``demo``, ``import FILE``, ``export ledger|disclosure``: the database and its data."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from chuansha_enforce.cli import report_commands
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.demo_service import MAX_DEMO_CASES, DemoPlan


def _add_parsers(commands: Any) -> None:
    commands.add_parser("init", help="创建或升级数据库")

    demo = commands.add_parser("demo", help="填入演示数据")
    demo.add_argument("--cases", type=int, default=None, help="一般程序案件数（默认约每年200件）")
    demo.add_argument("--seed", type=int, default=2023, help="随机种子（同一种子得到相同数据）")
    demo.add_argument("--if-empty", action="store_true", help="数据库已有案件时不做任何事")

    importer = commands.add_parser("import", help="导入台账（xlsx 或 csv，全部无误才写入）")
    importer.add_argument("file", metavar="FILE", help="台账文件")
    importer.add_argument("--dry-run", action="store_true", help="只检查并报告，不写入")

    export = commands.add_parser("export", help="导出")
    export_commands = export.add_subparsers(dest="export_command", required=True, metavar="WHAT")
    export_ledger = export_commands.add_parser("ledger", help="导出台账（xlsx）")
    export_ledger.add_argument("--year", type=int, required=True, help="年度")
    export_ledger.add_argument("-o", "--output", required=True, help="输出文件 .xlsx")
    report_commands.add_disclosure_parser(export_commands)


def _writes(args: argparse.Namespace) -> bool:
    """All but the exports write; the ledger export (full personal data) is audited first."""
    if args.command == "export":
        return bool(args.export_command == "ledger")
    return True


def _cmd_init(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if services.read_only_reason is not None:  # another copy writes it, or a network share
        raise services.read_only_reason
    path, done = services.location, "、".join(services.migrated)
    say(out, lang, "cli.migrated" if done else "cli.up_to_date", path=path, done=done)
    notice = services.calendar.startup_notice()
    if notice is not None:
        print(render(notice.code, notice.params, lang), file=sys.stderr)
    return 0


def _cmd_demo(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.cases is not None and not 1 <= args.cases <= MAX_DEMO_CASES:  # found by fuzzing
        raise DomainError("demo.cases", "cases", {"max": MAX_DEMO_CASES})
    started = time.perf_counter()
    result = services.demo.fill(
        DemoPlan(seed=args.seed, general_cases=args.cases), only_if_empty=args.if_empty
    )
    seconds = time.perf_counter() - started
    if result.skipped:
        say(out, lang, "cli.demo_skipped")
        return 0
    say(out, lang, "cli.demo_written", officers=result.officers, general=result.general_cases,
        simple=result.simple_decisions, seconds=f"{seconds:.1f}")  # fmt: skip
    return 0


def _cmd_import(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    report = services.ledger.import_file(Path(args.file), dry_run=args.dry_run)
    for issue in report.errors:
        print(issue.text(lang), file=sys.stderr)
    for issue in report.warnings:
        say(sys.stderr, lang, "cli.warning", text=issue.text(lang))
    if report.warning_count > len(report.warnings):
        say(sys.stderr, lang, "cli.import_warnings_not_listed", n=report.warning_count,
            shown=len(report.warnings))  # fmt: skip
    if report.errors:
        summary = render("cli.import_failed", {"n": report.error_count}, lang)
        if report.error_count > len(report.errors):
            shown = {"shown": len(report.errors)}
            summary += render("cli.import_errors_not_listed", shown, lang)
        print(summary, file=sys.stderr)
        return 1
    verb = render("cli.imported" if report.written else "cli.import_checked", lang=lang)
    disputes = (
        render("cli.import_disputes", {"n": report.disputes}, lang) if report.disputes else ""
    )
    if report.benchmarks:
        disputes += render("cli.import_benchmarks", {"n": report.benchmarks}, lang)
    say(out, lang, "cli.import_counts", verb=verb, officers=report.officers,
        general=report.general_cases, simple=report.simple_decisions, disputes=disputes,
        warnings=len(report.warnings))  # fmt: skip
    return 0


def _cmd_export(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.export_command == "disclosure":
        return report_commands.export_disclosure(args, services, out, lang)
    report = services.ledger.export_ledger(Path(args.output), args.year)
    say(out, lang, "cli.exported", path=report.path, officers=report.officers,
        general=report.general_cases, simple=report.simple_decisions)  # fmt: skip
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"init": _cmd_init, "demo": _cmd_demo, "import": _cmd_import, "export": _cmd_export},
    needs_existing_db=frozenset({"export"}),
    writes=_writes,
)
