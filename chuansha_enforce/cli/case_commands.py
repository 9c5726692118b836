"""``case list``, ``case show`` (and the trash sub-commands of ``case_trash_commands``)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from chuansha_enforce.cli import case_step_commands, case_trash_commands, correct_commands
from chuansha_enforce.cli.case_view_json import case_view_json
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_number, case_version, parse_date
from chuansha_enforce.domain.after_decision.due_list import DUE_DAYS_DEFAULT, due_item_json
from chuansha_enforce.domain.cases.available_steps import STEP_TITLES
from chuansha_enforce.domain.cases.case_deadlines import case_instalments
from chuansha_enforce.domain.cases.case_gates import review_superseded
from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import CaseListRow
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    case = commands.add_parser("case", help="案件")
    case_commands = case.add_subparsers(dest="case_command", required=True, metavar="SUBCOMMAND")
    case_list = case_commands.add_parser("list", help="案件列表（按立案日期由新到旧）")
    case_list.add_argument("--year", type=int, default=None, help="立案年度")
    case_list.add_argument("--limit", type=int, default=50, help="最多列出几件（0 = 全部）")
    case_list.add_argument("--json", action="store_true", help="以 JSON 输出")
    case_list.add_argument("--overdue", action="store_true", help="只列出有期限已过的案件")
    case_list.add_argument(
        "--due", action="store_true", help="待办：今后若干工作日内到期及已逾期的事项"
    )
    case_list.add_argument(
        "--days",
        dest="due_days",
        type=int,
        default=DUE_DAYS_DEFAULT,
        help=f"与 --due 同用：向后看几个工作日（默认 {DUE_DAYS_DEFAULT}）",
    )
    case_show = case_commands.add_parser(
        "show",
        help="一件案件及其期限和应缴金额",
        description="一件案件及其期限和应缴金额。JSON 中 decision.discretion 是决定的情节"
        "（circumstance）、裁量调整（deviation：从轻/减轻/从重）及理由（reason），"
        "notice_discretion 是告知时记录的情节；未记录时为空。",
    )
    add_case_number(case_show)
    case_show.add_argument("--as-of", dest="as_of", help="按此日期计算（YYYY-MM-DD，默认今天）")
    case_show.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")
    case_trash_commands.add_parsers(case_commands)
    case_step_commands.add_parsers(case_commands)
    correct_commands.add_case_parser(case_commands)


def _writes(args: argparse.Namespace) -> bool:
    """``list``/``show``/``trash`` only read; deleting and taking back write."""
    writing = case_trash_commands.WRITING | case_step_commands.WRITING | {"correct"}
    return args.case_command in writing


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


def _clock_name(name: str, lang: Lang) -> str:
    """作出决定期限 for ``decision_due`` (a clock the catalogue does not know keeps its code)."""
    return render(f"clock.{name}", lang=lang)


def _cmd_case_show(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    view = services.case_files.view(args.case_no, parse_date(args.as_of, "as_of"))
    data = case_view_json(view, lang)
    if args.json:
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    case = view.case
    print(f"{case.case_no}  {case.status.label}  {case.party.name}  {case.cause}", file=out)
    for clock in view.clocks.clocks:
        say(out, lang, "cli.case_clock", name=_clock_name(clock.name, lang), due=clock.due,
            state=render(f"clock_state.{clock.state.value}", lang=lang))  # fmt: skip
    for n, item in enumerate(case_instalments(case, view.as_of), start=1):
        paid = (
            render("cli.instalment_paid", {"date": item.paid_on}, lang)
            if item.paid_on
            else render("cli.instalment_owed", lang=lang)
        )
        say(out, lang, "cli.case_instalment", n=n, due=item.due_on,
            amount=format_fen(item.amount_fen), paid=paid,
            surcharge=format_fen(item.surcharge_fen))  # fmt: skip
    if view.major.major:
        say(out, lang, "cli.case_major", reasons="；".join(view.major.labels))
    steps = data["steps"]
    assert isinstance(steps, dict)
    say(out, lang, "cli.case_open_steps",
        steps="、".join(STEP_TITLES[k] for k, why in steps.items() if why is None))  # fmt: skip
    say(out, lang, "cli.case_amounts", surcharge=format_fen(view.clocks.surcharge_fen),
        due=format_fen(view.clocks.amount_due_fen), as_of=view.as_of)  # fmt: skip
    empty = render("cli.empty_value", lang=lang)
    for c in case.corrections:
        say(out, lang, "cli.case_correction", at=china_time(c.at), label=c.label,
            before=c.before or empty, after=c.after or empty, reason=c.reason,
            user=c.user)  # fmt: skip
    if case.needs_new_review:
        error = review_superseded(case)
        assert error is not None
        print(render(error.code, error.params, lang), file=out)
    for warning in view.clocks.warnings:
        print("  " + render("calendar.fallback", {"year": warning.year}, lang), file=sys.stderr)
    return 0


def _due_list(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    listing = services.publications.due_list(days=args.due_days)
    items = listing.items[: args.limit] if args.limit else listing.items
    if args.json:
        data = {
            "as_of": listing.as_of.isoformat(),
            "days": listing.days,
            "until": listing.until.isoformat(),
            "items": [due_item_json(i) for i in items],
            "calendar_warnings": [w.year for w in listing.warnings],
        }
        json.dump(data, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    say(out, lang, "cli.due_heading", as_of=listing.as_of, until=listing.until,
        count=len(listing.items))  # fmt: skip
    for i in items:
        state = render("clock_state.overdue" if i.overdue else "clock_state.pending", lang=lang)
        kind = i.kind.label if lang == "zh" else i.kind.value
        print(f"{i.due}\t{state}\t{kind}\t{i.reference}\t{i.party}", file=out)
    for warning in listing.warnings:
        print("  " + render("calendar.fallback", {"year": warning.year}, lang), file=sys.stderr)
    return 0


def _cmd_case(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.case_command == "show":
        return _cmd_case_show(args, services, out, lang)
    if hasattr(args, "case_version"):  # an edit: as read at ``--version N`` (when given)
        with edited_as_read(args.case_no, case_version(args)):
            return _edit_case(args, services, out, lang)
    return _cmd_case_list(args, services, out, lang)


def _edit_case(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.case_command in case_trash_commands.SUBCOMMANDS:
        return case_trash_commands.run(args, services, out, lang)
    if args.case_command == "correct":
        return correct_commands.run_case(args, services, out, lang)
    return case_step_commands.run(args, services, out, lang)


def _cmd_case_list(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.case_command in case_trash_commands.SUBCOMMANDS:  # the trash's listing
        return case_trash_commands.run(args, services, out, lang)
    if args.case_command == "file":
        return case_step_commands.run(args, services, out, lang)
    if args.limit < 0:
        raise DomainError("badinput.list_limit", "list_limit", {"value": args.limit})
    if args.due:
        return _due_list(args, services, out, lang)
    if args.overdue:
        views = services.case_files.overdue(year=args.year, limit=args.limit or None)
        if args.json:
            json.dump([case_view_json(v, lang) for v in views], out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            for v in views:
                late = [
                    _clock_name(c.name, lang) for c in v.clocks.clocks if c.state.value == "overdue"
                ]
                listed = render("cli.list_separator", lang=lang).join(late)
                print(f"{v.case.case_no}\t{v.case.party.name}\t{listed}", file=out)
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
        fine = format_fen(r.fine_fen) if r.fine_fen else render("cli.no_fine", lang=lang)
        print(
            f"{r.case_no}\t{r.filed_on}\t{r.party_name}\t{r.cause}\t{fine}\t{r.status.label}",
            file=out,
        )
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"case": _cmd_case},
    needs_existing_db=frozenset({"case"}),
    writes=_writes,
)
