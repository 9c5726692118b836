"""``init``, ``demo``, ``import FILE``, ``export ledger|disclosure``: the database and its data."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from chuansha_enforce.cli import report_commands
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.demo_service import MAX_DEMO_CASES


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
    done = "、".join(services.migrated) or ("无需升级" if lang == "zh" else "up to date")
    print(f"{services.db_path}: {done}", file=out)
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
        skipped = (
            "数据库已有案件，未写入演示数据" if lang == "zh" else "cases exist; nothing written"
        )
        print(skipped, file=out)
        return 0
    if lang == "zh":
        print(
            f"已写入演示数据：执法人员 {result.officers} 名，"
            f"一般程序案件 {result.general_cases} 件，"
            f"简易程序决定 {result.simple_decisions} 件，用时 {seconds:.1f} 秒",
            file=out,
        )
    else:
        print(
            f"demo data written: {result.officers} officers, {result.general_cases} general "
            f"cases, {result.simple_decisions} simple decisions in {seconds:.1f} s",
            file=out,
        )
    return 0


def _cmd_import(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    report = services.ledger.import_file(Path(args.file), dry_run=args.dry_run)
    for issue in report.errors:
        print(issue.text(lang), file=sys.stderr)
    for issue in report.warnings:
        prefix = "提醒：" if lang == "zh" else "warning: "
        print(prefix + issue.text(lang), file=sys.stderr)
    if report.errors:
        summary = (
            f"发现 {len(report.errors)} 处错误，未写入任何数据"
            if lang == "zh"
            else f"{len(report.errors)} errors; nothing was written"
        )
        print(summary, file=sys.stderr)
        return 1
    verb = (
        ("已导入" if report.written else "检查通过（未写入）")
        if lang == "zh"
        else ("imported" if report.written else "checked (nothing written)")
    )
    if lang == "zh":
        print(
            f"{verb}：执法人员 {report.officers} 名，一般程序案件 {report.general_cases} 件，"
            f"简易程序决定 {report.simple_decisions} 件，"
            + (f"行政复议和行政诉讼 {report.disputes} 件，" if report.disputes else "")
            + f"提醒 {len(report.warnings)} 条",
            file=out,
        )
    else:
        print(
            f"{verb}: {report.officers} officers, {report.general_cases} general cases, "
            f"{report.simple_decisions} simple decisions, "
            + (f"{report.disputes} disputes, " if report.disputes else "")
            + f"{len(report.warnings)} warnings",
            file=out,
        )
    return 0


def _cmd_export(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.export_command == "disclosure":
        return report_commands.export_disclosure(args, services, out, lang)
    report = services.ledger.export_ledger(Path(args.output), args.year)
    if lang == "zh":
        print(
            f"已导出 {report.path}：执法人员 {report.officers} 名，"
            f"一般程序案件 {report.general_cases} 件，简易程序决定 {report.simple_decisions} 件",
            file=out,
        )
    else:
        print(
            f"exported {report.path}: {report.officers} officers, {report.general_cases} "
            f"general cases, {report.simple_decisions} simple decisions",
            file=out,
        )
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"init": _cmd_init, "demo": _cmd_demo, "import": _cmd_import, "export": _cmd_export},
    needs_existing_db=frozenset({"export"}),
    writes=_writes,
)
