"""``report annual --year Y -o FILE.pdf``, ``report case NO -o FILE.pdf [--public]``,
and the handler of ``export disclosure --year Y -o FILE.csv``."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_number
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.messages import Lang

if TYPE_CHECKING:
    from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    report = commands.add_parser("report", help="报表（PDF）")
    report_commands = report.add_subparsers(
        dest="report_command", required=True, metavar="SUBCOMMAND"
    )
    annual = report_commands.add_parser("annual", help="年度统计报表")
    annual.add_argument("--year", type=int, required=True, help="统计年度")
    annual.add_argument("-o", "--output", required=True, help="输出文件 .pdf")
    case = report_commands.add_parser("case", help="案件摘要")
    add_case_number(case)
    case.add_argument("-o", "--output", required=True, help="输出文件 .pdf")
    case.add_argument("--public", action="store_true", help="公开版（去标识化）")
    case.add_argument("--as-of", dest="as_of", help="按此日期计算（YYYY-MM-DD，默认今天）")


def _writes(args: argparse.Namespace) -> bool:
    """Only the internal case summary (full identity data) writes: it is audited first."""
    return bool(args.report_command == "case" and not args.public)


def add_disclosure_parser(export_commands: Any) -> None:
    """``export disclosure`` (called from the ``export`` parser in ``cli.main``)."""
    disclosure = export_commands.add_parser("disclosure", help="双公示信息（csv，去标识化）")
    disclosure.add_argument("--year", type=int, required=True, help="处罚决定年度")
    disclosure.add_argument("-o", "--output", required=True, help="输出文件 .csv")
    disclosure.add_argument(
        "--withdrawals", action="store_true", help="改为输出该年度撤回公示的决定清单"
    )


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return iso_day(text)
    except ValueError:
        raise DomainError("date.invalid", "as_of", {"value": text}) from None


def _written(out: TextIO, lang: Lang, path: Path, size: int, started: float) -> None:
    seconds = time.perf_counter() - started
    say(out, lang, "cli.written", path=path, size=f"{size:,}", seconds=f"{seconds:.2f}")


def _cmd_report(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    started = time.perf_counter()
    reports = services.reports
    if args.report_command == "case" and not args.public:
        # full identity data: refused unless it can be logged, logged with its outcome
        path, size = reports.save_full_copy(args.case_no, Path(args.output), _as_of(args.as_of))
        _written(out, lang, path, size, started)
        return 0
    if args.report_command == "annual":
        data = reports.annual_pdf(args.year)
    else:
        data = reports.case_pdf(args.case_no, public=True, as_of=_as_of(args.as_of))
    path = reports.save(Path(args.output), data, ".pdf")
    _written(out, lang, path, len(data), started)
    return 0


def export_disclosure(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    started = time.perf_counter()
    if args.withdrawals:
        rows, count = services.reports.withdrawals_csv(args.year)
        path = services.reports.save(Path(args.output), rows, ".csv")
        _written(out, lang, path, len(rows), started)
        say(out, lang, "cli.withdrawal_count", count=count)
        return 0
    data, listing = services.reports.disclosure_csv(args.year)
    path = services.reports.save(Path(args.output), data, ".csv")
    _written(out, lang, path, len(data), started)
    held = sum(listing.withheld.values())
    say(out, lang, "cli.disclosure_counts", published=len(listing.entries), withheld=held)
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"report": _cmd_report},
    needs_existing_db=frozenset({"report"}),
    writes=_writes,
)
