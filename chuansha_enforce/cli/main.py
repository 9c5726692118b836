"""The command line: ``chuansha-enforce [--db PATH] [--lang zh|en] COMMAND ...``.

Exit status 0 on success, 1 on a rule, input or database problem (message on stderr,
nothing written), 2 on usage errors (argparse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from chuansha_enforce import __version__
from chuansha_enforce.cli import (
    account_commands,
    case_trash_commands,
    dispute_commands,
    doc_commands,
    file_review_commands,
    report_commands,
    review_commands,
    safety_commands,
)
from chuansha_enforce.cli.command_group import CommandGroup, Handler, PathHandler
from chuansha_enforce.cli.login import cli_login, run_logged
from chuansha_enforce.cli.text_arguments import clean_arguments
from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.clock import Clock, today_in_china
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import CaseListRow
from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS
from chuansha_enforce.services.case_view_json import case_view_json
from chuansha_enforce.services.container import Services, build_services
from chuansha_enforce.services.database_location import resolve_db_path
from chuansha_enforce.services.demo_service import MAX_DEMO_CASES
from chuansha_enforce.services.system_clock import SystemClock
from chuansha_enforce.storage.errors import StorageError

# Command groups in their own modules (one line each here); the core commands follow below.
GROUPS: tuple[CommandGroup, ...] = (
    file_review_commands.GROUP,
    account_commands.GROUP,
    review_commands.GROUP,
    report_commands.GROUP,
    safety_commands.GROUP,
    dispute_commands.GROUP,
    doc_commands.GROUP,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chuansha-enforce", description="综合行政执法队案件台账（命令行）"
    )
    parser.add_argument(
        "--db", help="数据库文件（默认：用户数据目录，或环境变量 CHUANSHA_ENFORCE_DB）"
    )
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="输出语言")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以此账户登录（密码取自环境变量 CHUANSHA_ENFORCE_PASSWORD，否则提示输入）；"
        "已建立账户的数据库，写入都须登录",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

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

    stats = commands.add_parser("stats", help="年度统计（口径同官方统计表）")
    stats.add_argument("--year", type=int, required=True, help="统计年度")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")

    case = commands.add_parser("case", help="案件")
    case_commands = case.add_subparsers(dest="case_command", required=True, metavar="SUBCOMMAND")
    case_list = case_commands.add_parser("list", help="案件列表（按立案日期由新到旧）")
    case_list.add_argument("--year", type=int, default=None, help="立案年度")
    case_list.add_argument("--limit", type=int, default=50, help="最多列出几件（0 = 全部）")
    case_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    case_list.add_argument("--overdue", action="store_true", help="只列出有期限已过的案件")
    case_show = case_commands.add_parser("show", help="一件案件及其期限和应缴金额")
    case_show.add_argument("case_no", metavar="NO", help="案件编号")
    case_show.add_argument("--as-of", dest="as_of", help="按此日期计算（YYYY-MM-DD，默认今天）")
    case_show.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    case_trash_commands.add_parsers(case_commands)

    settings = commands.add_parser("settings", help="业务设置（期限、重大案件标准等）")
    settings_commands = settings.add_subparsers(
        dest="settings_command", required=True, metavar="SUBCOMMAND"
    )
    settings_show = settings_commands.add_parser("show", help="列出全部设置")
    settings_show.add_argument("--json", action="store_true", help="以 JSON 输出")
    settings_set = settings_commands.add_parser("set", help="修改一项设置")
    settings_set.add_argument("name", help="设置名（见 settings show）")
    settings_set.add_argument("value", help="新值")

    officer = commands.add_parser("officer", help="执法人员")
    officer_commands = officer.add_subparsers(
        dest="officer_command", required=True, metavar="SUBCOMMAND"
    )
    officer_list = officer_commands.add_parser("list", help="执法人员和执法证")
    officer_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    for group in GROUPS:
        group.add_parsers(commands)
    return parser


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


def _row_json(row: CaseListRow) -> dict[str, object]:
    return {
        "id": row.id,
        "case_no": row.case_no,
        "party": row.party_name,
        "party_kind": row.party_kind.label,
        "id_number": row.id_number_masked,
        "cause": row.cause,
        "filed_on": row.filed_on.isoformat(),
        "decided_on": row.decided_on.isoformat() if row.decided_on else None,
        "fine_fen": row.fine_fen,
        "status": row.status.label,
    }


def _parse_date(text: str | None, field: str) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError("date.invalid", field, {"value": text}) from None


def _cmd_case_show(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    view = services.case_files.view(args.case_no, _parse_date(args.as_of, "as_of"))
    data = case_view_json(view, lang)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    case = view.case
    print(f"{case.case_no}  {case.status.label}  {case.party.name}  {case.cause}", file=out)
    for clock in view.clocks.clocks:
        print(f"  {clock.name}: {clock.due.isoformat()} ({clock.state.value})", file=out)
    if view.major.major:
        print(f"  重大案件：{'；'.join(view.major.labels)}", file=out)
    print(
        f"  加处罚款 {format_fen(view.clocks.surcharge_fen)} 元，"
        f"应缴 {format_fen(view.clocks.amount_due_fen)} 元（截至 {view.as_of.isoformat()}）",
        file=out,
    )
    for warning in view.clocks.warnings:
        print("  " + render("calendar.fallback", {"year": warning.year}, lang), file=sys.stderr)
    return 0


def _cmd_settings(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.settings_command == "set":
        services.settings.set(args.name, args.value)
    current = services.settings.current().to_mapping()
    if args.settings_command == "show" and args.json:
        json.dump(current, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for name, value in current.items():
        if args.settings_command == "show" or name == args.name:
            print(f"{name}\t{value}\t{SETTING_LABELS.get(name, '')}", file=out)
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


def _cmd_officer(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    certificates = services.officers.certificates()
    today = today_in_china(services.clock)
    if args.json:
        json.dump(
            [
                {
                    "name": c.officer_name,
                    "certificate_no": c.certificate_no,
                    "issued_on": c.issued_on.isoformat(),
                    "expires_on": c.expires_on.isoformat() if c.expires_on else None,
                    "status": c.status_label(today),
                    "cancelled_on": c.cancelled_on.isoformat() if c.cancelled_on else None,
                }
                for c in certificates
            ],
            out,
            ensure_ascii=False,
            indent=1,
        )
        out.write("\n")
        return 0
    for c in certificates:
        status = c.status_label(today)
        print(f"{c.officer_name}\t{c.certificate_no}\t{c.issued_on}\t{status}", file=out)
    return 0


def _cmd_case(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.case_command == "show":
        return _cmd_case_show(args, services, out, lang)
    if args.case_command in case_trash_commands.SUBCOMMANDS:
        return case_trash_commands.run(args, services, out, lang)
    if args.limit < 0:
        raise DomainError("list.limit", "limit", {"max": "∞"})
    if args.overdue:
        views = services.case_files.overdue(year=args.year, limit=args.limit or None)
        if args.json:
            json.dump([case_view_json(v, lang) for v in views], out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for v in views:
                late = [c.name for c in v.clocks.clocks if c.state.value == "overdue"]
                print(f"{v.case.case_no}\t{v.case.party.name}\t{','.join(late)}", file=out)
        return 0
    wanted = args.limit or None
    rows: list[CaseListRow] = []
    after: tuple[str, int] | None = None
    while wanted is None or len(rows) < wanted:
        size = 1000 if wanted is None else min(1000, wanted - len(rows))
        page = services.cases.list_page(after=after, limit=size, year=args.year)
        rows.extend(page.rows)
        if page.next_key is None:
            break
        after = page.next_key
    if args.json:
        json.dump([_row_json(r) for r in rows], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for r in rows:
        fine = format_fen(r.fine_fen) if r.fine_fen else "-"
        print(
            f"{r.case_no}\t{r.filed_on}\t{r.party_name}\t{r.cause}\t{fine}\t{r.status.label}",
            file=out,
        )
    return 0


def _cmd_stats(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    figures = services.statistics.annual(args.year)
    if args.json:
        json.dump(figures.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    g, s, p, o = figures.general, figures.simple, figures.payments, figures.officers
    if lang == "zh":
        print(
            f"{figures.year}年：一般案件立案 {g.filed} 起，结案 {g.closed} 起"
            f"（年初未结 {g.open_at_start} 起，年末未结 {g.open_at_end} 起），"
            f"作出处罚决定 {g.decided} 起，处罚金额 {format_fen(g.fines_decided_fen)} 元，"
            f"不予处罚 {g.no_penalty} 起，年末逾期未决 {g.overdue_open} 起；"
            f"简易案件 {s.decided} 起，处罚金额 {format_fen(s.fines_decided_fen)} 元；"
            f"执法证 {o.valid_at_year_end} 张"
            f"（注销 {o.cancelled_in_year}，新办 {o.issued_in_year}）；"
            f"法制审核 {figures.legal_review_cases} 起；"
            f"案卷评查 {figures.file_reviews_sampled} 件；"
            f"收缴罚没款 {format_fen(p.collected_fen)} 元，"
            f"年末未缴 {format_fen(p.outstanding_fen)} 元。",
            file=out,
        )
    else:
        print(
            f"{figures.year}: general cases filed {g.filed}, closed {g.closed}, decided "
            f"{g.decided}, fines decided {format_fen(g.fines_decided_fen)} yuan; simple "
            f"decisions {s.decided}, fines {format_fen(s.fines_decided_fen)} yuan; "
            f"certificates {o.valid_at_year_end}; collected {format_fen(p.collected_fen)}, "
            f"outstanding {format_fen(p.outstanding_fen)} yuan.",
            file=out,
        )
    return 0


COMMANDS: dict[str, Handler] = {
    "init": _cmd_init,
    "demo": _cmd_demo,
    "case": _cmd_case,
    "stats": _cmd_stats,
    "officer": _cmd_officer,
    "settings": _cmd_settings,
    "import": _cmd_import,
    "export": _cmd_export,
}
NEEDS_EXISTING_DB = frozenset({"case", "stats", "officer", "export"})
# Commands that only read skip the start-up quick check (about 2 s on a million cases):
# they change nothing, ``verify`` runs the full integrity check itself and ``backup``
# checks the copy it makes. Every command that can write checks the file first.
READING_COMMANDS = frozenset({"case", "stats", "officer", "export", "report", "verify", "backup"})
PATH_COMMANDS: dict[str, PathHandler] = {}
for _group in GROUPS:
    COMMANDS.update(_group.handlers)
    NEEDS_EXISTING_DB |= _group.needs_existing_db
    PATH_COMMANDS.update(_group.opens_database_itself)


def _writes(args: argparse.Namespace) -> bool:
    """Whether the command writes (then the start-up integrity check runs first).

    Among the reading commands, a case deletion writes, and so do the copies with full
    personal data (the ledger export, the internal case summary): they are audited first.
    """
    if args.command not in READING_COMMANDS:
        return True
    if args.command == "case":
        return args.case_command in case_trash_commands.WRITING
    if args.command == "export":
        return getattr(args, "export_command", None) == "ledger"
    if args.command == "report":
        return args.report_command == "case" and not args.public
    return False


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, *, clock: Clock | None = None
) -> int:
    """Run one command. ``clock`` is for tests only (no option or variable sets the date)."""
    out = out or sys.stdout
    clock = clock or SystemClock()
    args = clean_arguments(_parser().parse_args(argv))  # text as every input (text_input)
    lang: Lang = args.lang
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    db_path = resolve_db_path(args.db)
    try:
        if args.command in NEEDS_EXISTING_DB and not db_path.exists():
            raise DomainError("cli.no_database", "db", {"path": str(db_path)})
        if args.command in PATH_COMMANDS:
            return PATH_COMMANDS[args.command](args, db_path, out, lang, clock)
        with build_services(
            db_path,
            clock,
            login=cli_login(args.user),
            check_integrity=_writes(args),
        ) as services:
            code = run_logged(COMMANDS[args.command], args, services, out, lang)
            reason = services.read_only_reason
            if code == 0 and reason is not None:  # it only read: say why it could not write
                notice = "提示：" if lang == "zh" else "notice: "
                print(notice + render(reason.code, reason.params, lang), file=sys.stderr)
            return code
    except DomainError as exc:
        print(render(exc.code, exc.params, lang, exc.field), file=sys.stderr)
        return 1
    except StorageError as exc:
        print(render(exc.code, exc.params, lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
