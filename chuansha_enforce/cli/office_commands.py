"""``stats``, ``settings show|set`` and ``officer list|correct``: the squad's figures and set-up."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from chuansha_enforce.cli import correct_commands
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    stats = commands.add_parser("stats", help="年度统计（口径同官方统计表）")
    stats.add_argument("--year", type=int, required=True, help="统计年度")
    stats.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")

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
    correct_commands.add_officer_parser(officer_commands)


def _writes(args: argparse.Namespace) -> bool:
    """``settings`` and ``officer correct`` write (``settings show`` is checked as well, as it
    always was)."""
    return bool(args.command == "settings" or getattr(args, "officer_command", "") == "correct")


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
            shown = render(f"cli.{value}", lang=lang) if isinstance(value, bool) else value
            print(f"{name}\t{shown}\t{SETTING_LABELS.get(name, '')}", file=out)
    return 0


def _cmd_officer(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.officer_command == "correct":
        return correct_commands.run_officer(args, services, out, lang)
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


def _cmd_stats(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    figures = services.statistics.annual(args.year)
    if args.json:
        json.dump(figures.to_json(), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    g, s, p, o = figures.general, figures.simple, figures.payments, figures.officers
    say(
        out,
        lang,
        "cli.stats",
        year=figures.year,
        filed=g.filed,
        closed=g.closed,
        open_at_start=g.open_at_start,
        open_at_end=g.open_at_end,
        decided=g.penalty_decided,
        fines=format_fen(g.fines_decided_fen),
        no_penalty=g.no_penalty,
        overdue_open=g.overdue_open,
        simple=s.decided,
        simple_fines=format_fen(s.fines_decided_fen),
        certificates=o.valid_at_year_end,
        cancelled=o.cancelled_in_year,
        issued=o.issued_in_year,
        reviews=figures.legal_review_cases,
        sampled=figures.file_reviews_sampled,
        collected=format_fen(p.collected_fen),
        outstanding=format_fen(p.outstanding_fen),
    )
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"stats": _cmd_stats, "settings": _cmd_settings, "officer": _cmd_officer},
    needs_existing_db=frozenset({"stats", "officer"}),
    reads_existing_db=lambda args: args.command == "settings" and args.settings_command == "show",
    writes=_writes,
)
