"""``simple add/list/show/pay/handover``: simple-procedure decisions (DOMAIN §1, §14).

``add`` records a decision through the service the entry form uses (the same checks, the same
refusals); ``pay`` records the payment of a fine not collected on the spot, with the 加处罚款 a
late payment earned; ``handover`` records the receipt, the cash's hand-over to the agency and the
bank, and the 备案 date. ``show --json`` prints the clocks under ``deadlines``.

A sub-command is one entry of ``SUBCOMMANDS`` (its parser and its handler): adding one (such as
``simple correct``) touches nothing else here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TextIO, TypeVar

from chuansha_enforce.cli import simple_correct_command
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_simple_version, parse_date, simple_version
from chuansha_enforce.domain.accounts.identity import id_number_for_list
from chuansha_enforce.domain.cases.case_deadlines import CaseClocks
from chuansha_enforce.domain.enums import LabelledEnum, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.money import format_fen, parse_yuan
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.simple_procedure.simple_payments import (
    Handover,
    SimpleMoney,
    is_late,
    late_flags,
    receipt_missing,
)
from chuansha_enforce.services.case_versions import simple_edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.simple_decision_service import SimpleListItem, SimpleView

E = TypeVar("E", bound=LabelledEnum)
Runner = Callable[[argparse.Namespace, Services, TextIO, Lang], int]


@dataclass(frozen=True)
class Subcommand:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Runner
    writes: bool


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _day(text: str, field: str) -> dt.date:
    day = parse_date(text, field)
    assert day is not None  # a required option
    return day


def _choice(text: str, members: Sequence[E], field: str) -> E:
    wanted = text.strip()
    for member in members:
        if wanted in (member.label, member.value):
            return member
    choices = "、".join(m.label for m in members)
    raise DomainError("cli.choice", field, {"value": text, "choices": choices})


# -- output -------------------------------------------------------------------------------
def _money_json(decision: SimpleMoney, clocks: CaseClocks) -> dict[str, object]:
    return {
        "fine_fen": decision.fine_fen,
        "collected_on_spot": decision.collected_on_spot,
        "paid_on": _iso(decision.paid_on),
        "surcharge_paid_fen": decision.surcharge_fen,
        "receipt_no": decision.receipt_no,
        "cash_to_agency_on": _iso(decision.cash_to_agency_on),
        "cash_to_bank_on": _iso(decision.cash_to_bank_on),
        "filed_with_agency_on": _iso(decision.filed_with_agency_on),
        "deadlines": clocks.due_dates(),
        "deadline_states": late_flags(clocks),
        "late": is_late(clocks),
        "receipt_missing": receipt_missing(decision),
        "days_late": clocks.days_late,
        "surcharge_fen": clocks.surcharge_fen,
        "amount_due_fen": clocks.amount_due_fen,
    }


def _view_json(view: SimpleView, lang: Lang) -> dict[str, object]:
    d = view.decision
    return {
        "id": view.id,
        "version": view.version,
        "decision_no": d.decision_no,
        "decided_on": d.decided_on.isoformat(),
        "party": d.party.name,
        "party_kind": d.party.kind.label,
        "id_number": id_number_for_list(d.party.kind, d.party.id_number),
        "cause": d.cause,
        "violation": d.violation,
        "location": d.location,
        "officers": list(view.officer_names),
        "penalty_kind": d.penalty_kind.label,
        "on_spot_reason": d.on_spot_reason,
        "notes": d.notes,
        "as_of": view.as_of.isoformat(),
        **_money_json(d, view.clocks),
        "calendar_warnings": [
            {"year": w.year, "message": render("calendar.fallback", {"year": w.year}, lang)}
            for w in view.clocks.warnings
        ],
    }


def _item_json(item: SimpleListItem) -> dict[str, object]:
    row = item.row
    return {
        "id": row.id,
        "decision_no": row.decision_no,
        "decided_on": row.decided_on.isoformat(),
        "party": row.party_name,
        "party_kind": row.party_kind.label,
        "id_number": row.id_number_masked,
        "cause": row.cause,
        "penalty_kind": row.penalty_kind.label,
        **_money_json(row, item.clocks),
    }


def _flag_text(decision: SimpleMoney, clocks: CaseClocks, lang: Lang) -> str:
    """The late or open clocks of a list line, e.g. 缴款期限已逾期、备案期限逾期完成."""
    flags = [
        render("simple.flag", {"name": render(f"clock.{c.name}", lang=lang),
                               "state": render(f"clock_state.{c.state.value}", lang=lang)}, lang)
        for c in clocks.clocks
        if c.state.value in ("overdue", "missed", "due_soon")
    ]  # fmt: skip
    if receipt_missing(decision):
        flags.append(render("simple.receipt_missing", lang=lang))
    return ("、" if lang == "zh" else "; ").join(flags) or "—"


def _print_clocks(view: SimpleView, out: TextIO, lang: Lang) -> None:
    for clock in view.clocks.clocks:
        say(out, lang, "cli.case_clock", name=render(f"clock.{clock.name}", lang=lang),
            due=clock.due, state=render(f"clock_state.{clock.state.value}", lang=lang))  # fmt: skip
    if receipt_missing(view.decision):
        say(out, lang, "cli.simple_no_receipt")
    say(out, lang, "cli.simple_amounts", surcharge=format_fen(view.clocks.surcharge_fen),
        due=format_fen(view.clocks.amount_due_fen), as_of=view.as_of)  # fmt: skip
    for warning in view.clocks.warnings:
        print("  " + render("calendar.fallback", {"year": warning.year}, lang), file=sys.stderr)


def _print_view(view: SimpleView, args: argparse.Namespace, out: TextIO, lang: Lang) -> None:
    if getattr(args, "json", False):
        json.dump(_view_json(view, lang), out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    d = view.decision
    fine = f"{format_fen(d.fine_fen)}元" if d.fine_fen else ""
    print(f"{d.decision_no}  {d.decided_on}  {d.party.name}  {d.cause}  "
          f"{d.penalty_kind.label}{fine}", file=out)  # fmt: skip
    _print_clocks(view, out, lang)


# -- sub-commands ---------------------------------------------------------------------------
def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no", dest="decision_no", required=True, help="决定书编号")
    parser.add_argument("--on", dest="decided_on", required=True, help="决定日期")
    parser.add_argument("--party", dest="party_name", required=True, help="当事人")
    parser.add_argument("--party-type", dest="party_kind", required=True,
                        help="自然人|个体工商户|法人|非法人组织")  # fmt: skip
    parser.add_argument("--id", dest="id_number", help="证件号码")
    parser.add_argument("--cause", required=True, help="案由")
    parser.add_argument("--location", help="违法地点")
    parser.add_argument("--officers", required=True,
                        help="执法人员（至少两名）：姓名或 姓名(执法证号)，逗号分隔")  # fmt: skip
    parser.add_argument("--kind", dest="kinds", required=True, help="处罚种类：罚款 或 警告")
    parser.add_argument("--amount", dest="fine", help="罚款金额（元）")
    parser.add_argument("--on-spot", dest="collected_on_spot", action="store_true",
                        help="当场收缴（100元以下，或事后难以执行并写明理由）")  # fmt: skip
    parser.add_argument("--on-spot-reason", dest="on_spot_reason", help="当场收缴理由")
    parser.add_argument("--receipt", dest="receipt_no", help="当场收缴的票据号")
    parser.add_argument("--notes", help="备注")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出登记结果")


def _add(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    decided = _day(args.decided_on, "decided_on")
    kind = _choice(args.kinds, (PenaltyKind.FINE, PenaltyKind.WARNING), "kinds")
    names = [p.strip() for p in args.officers.replace("，", ",").split(",") if p.strip()]
    officers = services.case_files.officers_named(names, decided)
    fine = parse_yuan(args.fine, "fine") if args.fine and args.fine.strip() else 0
    on_spot = bool(args.collected_on_spot)
    record = SimpleDecisionRecord(
        decision_no=args.decision_no,
        party=PartyRecord(
            _choice(args.party_kind, tuple(PartyType), "party_kind"),
            args.party_name,
            args.id_number or None,
        ),
        cause=args.cause,
        officer_certificates=tuple(o.certificate_no for o in officers),
        decided_on=decided,
        penalty_kind=kind,
        location=args.location or None,
        fine_fen=fine,
        collected_on_spot=on_spot,
        on_spot_reason=args.on_spot_reason if on_spot else None,
        notes=args.notes or None,
        receipt_no=args.receipt_no or None,
    )
    result = services.simple.record(record)
    if args.json:
        _print_view(services.simple.view(result.decision.decision_no), args, out, lang)
    else:
        say(out, lang, "cli.simple_added", decision_no=result.decision.decision_no)
    return 0


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, help="决定年度")
    parser.add_argument("--limit", type=int, default=50, help="最多列出几件（0 = 全部）")
    parser.add_argument("--late", action="store_true", help="只列出有期限已逾期或逾期完成的")
    parser.add_argument("--as-of", dest="as_of", help="按此日期计算（YYYY-MM-DD，默认今天）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")


def _list(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.limit < 0:
        raise DomainError("badinput.list_limit", "list_limit", {"value": args.limit})
    as_of = parse_date(args.as_of, "as_of")
    wanted = args.limit or None
    found: list[SimpleListItem] = []
    after: tuple[str, int] | None = None
    while wanted is None or len(found) < wanted:
        page = services.simple.listing(after=after, limit=500, year=args.year, as_of=as_of)
        found += [i for i in page.items if not args.late or is_late(i.clocks)]
        after = page.next_key
        if after is None:
            break
    found = found[:wanted] if wanted is not None else found
    if args.json:
        json.dump([_item_json(i) for i in found], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for item in found:
        row = item.row
        fine = f"{format_fen(row.fine_fen)}元" if row.fine_fen else ""
        paid = _iso(row.paid_on) or "—"
        print("\t".join([row.decision_no, row.decided_on.isoformat(), row.party_name, row.cause,
                         f"{row.penalty_kind.label}{fine}", paid,
                         _flag_text(row, item.clocks, lang)]), file=out)  # fmt: skip
    return 0


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decision_no", metavar="DECISION_NO", help="决定书编号")
    parser.add_argument("--as-of", dest="as_of", help="按此日期计算（YYYY-MM-DD，默认今天）")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出（金额单位：分）")


def _show(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    view = services.simple.view(args.decision_no, parse_date(args.as_of, "as_of"))
    _print_view(view, args, out, lang)
    return 0


def _pay_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decision_no", metavar="DECISION_NO", help="决定书编号")
    parser.add_argument("--on", dest="paid_on", required=True, help="缴款日期")
    parser.add_argument("--receipt", dest="receipt_no", help="票据号或缴款凭证号")
    add_simple_version(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出登记结果")


def _pay(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    paid_on = _day(args.paid_on, "paid_on")
    with simple_edited_as_read(args.decision_no, simple_version(args)):
        result = services.simple.pay(args.decision_no, paid_on, args.receipt_no or None)
    view = services.simple.view(result.decision.decision_no)
    if args.json:
        _print_view(view, args, out, lang)
        return 0
    due = view.clocks.due_dates().get("payment_due", "")
    say(out, lang, "cli.simple_paid", decision_no=result.decision.decision_no,
        fine=format_fen(result.decision.fine_fen),
        surcharge=format_fen(result.decision.surcharge_fen), due=due)  # fmt: skip
    return 0


def _handover_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("decision_no", metavar="DECISION_NO", help="决定书编号")
    parser.add_argument("--receipt", dest="receipt_no", help="票据号")
    parser.add_argument("--to-agency", dest="cash_to_agency_on", help="罚款交回执法机关的日期")
    parser.add_argument("--to-bank", dest="cash_to_bank_on", help="执法机关存入银行的日期")
    parser.add_argument("--filed", dest="filed_with_agency_on", help="决定书备案日期")
    add_simple_version(parser)
    parser.add_argument("--json", action="store_true", help="以 JSON 输出登记结果")


def _handover(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    handover = Handover(
        receipt_no=args.receipt_no or None,
        cash_to_agency_on=parse_date(args.cash_to_agency_on, "cash_to_agency_on"),
        cash_to_bank_on=parse_date(args.cash_to_bank_on, "cash_to_bank_on"),
        filed_with_agency_on=parse_date(args.filed_with_agency_on, "filed_with_agency_on"),
    )
    with simple_edited_as_read(args.decision_no, simple_version(args)):
        result = services.simple.handover(args.decision_no, handover)
    view = services.simple.view(result.decision.decision_no)
    if args.json:
        _print_view(view, args, out, lang)
        return 0
    say(out, lang, "cli.simple_handover", decision_no=result.decision.decision_no)
    _print_clocks(view, out, lang)
    return 0


SUBCOMMANDS: dict[str, Subcommand] = {
    "add": Subcommand("登记一份简易程序决定（与快速录入相同的规则）", _add_arguments, _add, True),
    "list": Subcommand(
        "简易程序决定列表（按决定日期由新到旧，含逾期标记）", _list_arguments, _list, False
    ),
    "show": Subcommand("一份简易程序决定及其缴款、交回、备案期限", _show_arguments, _show, False),
    "pay": Subcommand("登记缴款（逾期的自动计算加处罚款）", _pay_arguments, _pay, True),
    "handover": Subcommand(
        "登记票据号、交回机关、存入银行和备案日期", _handover_arguments, _handover, True
    ),
}
"""Each ``simple`` sub-command: its help, its arguments, its handler, whether it writes."""


def _add_parsers(commands: Any) -> None:
    simple = commands.add_parser("simple", help="简易程序决定（登记、缴款、交回、备案）")
    steps = simple.add_subparsers(dest="simple_command", required=True, metavar="SUBCOMMAND")
    for name, sub in SUBCOMMANDS.items():
        sub.add_arguments(steps.add_parser(name, help=sub.help))
    simple_correct_command.add_parser(steps)  # 更正: the one correction mechanism's command


def _writes(args: argparse.Namespace) -> bool:
    if args.simple_command == simple_correct_command.COMMAND:
        return True
    return SUBCOMMANDS[args.simple_command].writes


def _cmd_simple(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.simple_command == simple_correct_command.COMMAND:
        return simple_correct_command.handler(args, services, out, lang)
    return SUBCOMMANDS[args.simple_command].run(args, services, out, lang)


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"simple": _cmd_simple},
    needs_existing_db=frozenset({"simple"}),
    writes=_writes,
)
