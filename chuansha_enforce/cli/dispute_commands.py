"""``dispute add/update/show/list``: the register of reconsiderations and lawsuits (DOMAIN §15)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any, TextIO, TypeVar

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.text_arguments import add_case_version, case_version, parse_date
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeRecord,
    Instance,
    outcome_from_label,
    outcome_label,
)
from chuansha_enforce.domain.enums import LabelledEnum
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.case_versions import dispute_edited_as_read, edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.dispute_service import DisputeStep, DisputeView

E = TypeVar("E", bound=LabelledEnum)
KINDS = {"复议": DisputeKind.RECONSIDERATION, "诉讼": DisputeKind.LITIGATION}
YES_NO = {"是": True, "否": False}
CORRECT_FIELDS = {
    "案号": "number", "申请人": "applicant", "原告": "applicant", "复议机关": "body",
    "法院": "body", "案件编号": "case_no", "收到日期": "received_on", "答复日期": "replied_on",
    "答辩日期": "replied_on", "开庭日期": "hearing_on", "负责人出庭": "leader_appeared",
    "结果": "outcome", "结果日期": "outcome_on", "备注": "notes",
}  # fmt: skip


def _add_parsers(commands: Any) -> None:
    dispute = commands.add_parser(
        "dispute", help="行政复议和行政诉讼登记（答复期限、结果、年度比率）"
    )
    steps = dispute.add_subparsers(dest="dispute_command", required=True, metavar="COMMAND")
    add = steps.add_parser("add", help="登记一件行政复议或行政诉讼")
    add.add_argument("--kind", required=True, help="复议 或 诉讼（也可写 行政复议、行政诉讼）")
    add.add_argument("--no", dest="number", required=True, help="复议案号或诉讼案号")
    add.add_argument("--applicant", required=True, help="申请人或原告")
    add.add_argument(
        "--act",
        default="行政处罚",
        help="被申请（被诉）行为：行政处罚、行政强制、政府信息公开、其他",
    )
    add.add_argument("--body", required=True, help="复议机关或法院")
    add.add_argument("--received", required=True, help="收到申请书副本或起诉状的日期")
    add.add_argument("--case", dest="case_no", help="所涉案件编号或决定书编号")
    add.add_argument("--instance", default="一审", help="审级：一审、二审、再审（仅诉讼）")
    _step_options(add)
    update = steps.add_parser("update", help="登记答复、开庭、结果（尚未审结的）")
    update.add_argument("dispute_id", metavar="ID", type=int, help="登记号（dispute list 第一列）")
    _step_options(update)
    correct = steps.add_parser("correct", help="更正一项登记内容（管理员；须写明理由）")
    correct.add_argument("dispute_id", metavar="ID", type=int, help="登记号")
    correct.add_argument("--field", required=True, help="更正项目：" + "、".join(CORRECT_FIELDS))
    correct.add_argument("--value", required=True, help="新值（空字符串为清除）")
    correct.add_argument("--reason", required=True, help="更正理由")
    add_case_version(correct)
    show = steps.add_parser("show", help="一件复议或诉讼及其期限")
    show.add_argument("dispute_id", metavar="ID", type=int, help="登记号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    listing = steps.add_parser("list", help="复议和诉讼登记（最近收到的在前）")
    listing.add_argument("--year", type=int, help="当年收到或审结的")
    listing.add_argument("--case", dest="case_no", help="涉及此案件编号或决定书编号的")
    listing.add_argument("--pending", action="store_true", help="只列尚未审结的")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")


def _step_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replied", help="答复（答辩）日期")
    parser.add_argument("--hearing", help="开庭日期（仅诉讼）")
    parser.add_argument("--leader-appeared", dest="leader_appeared", choices=list(YES_NO),
                        help="负责人是否出庭（与开庭日期一起）")  # fmt: skip
    parser.add_argument("--outcome", help="结果，如 维持、驳回、撤回、撤销、驳回诉讼请求、撤诉")
    parser.add_argument("--outcome-on", dest="outcome_on", help="结果日期")
    parser.add_argument("--notes", help="备注")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出登记结果")
    add_case_version(parser)  # the version of the case the dispute names, as read


def _choice(enum: type[E], text: str, field: str) -> E:
    try:
        return enum.from_label(text.strip())
    except ValueError:
        choices = "、".join(member.label for member in enum)
        raise DomainError("value.choice", field, {"value": text, "choices": choices}) from None


def _kind(text: str) -> DisputeKind:
    value = text.strip()
    if value in KINDS:
        return KINDS[value]
    return _choice(DisputeKind, value, "dispute_kind")


def _step(args: argparse.Namespace, kind: DisputeKind) -> DisputeStep:
    return DisputeStep(
        replied_on=parse_date(args.replied, "replied_on"),
        hearing_on=parse_date(args.hearing, "hearing_on"),
        leader_appeared=YES_NO[args.leader_appeared] if args.leader_appeared else None,
        outcome=outcome_from_label(kind, args.outcome.strip()) if args.outcome else None,
        outcome_on=parse_date(args.outcome_on, "outcome_on"),
        notes=args.notes,
    )


def _add(args: argparse.Namespace, services: Services) -> int:
    kind = _kind(args.kind)
    step = _step(args, kind)
    received = parse_date(args.received, "received_on")
    assert received is not None  # a required option
    record = DisputeRecord(
        kind=kind,
        number=args.number,
        applicant=args.applicant,
        act=_choice(DisputedAct, args.act, "disputed_act"),
        body=args.body,
        received_on=received,
        case_no=args.case_no,
        instance=_choice(Instance, args.instance, "instance"),
        replied_on=step.replied_on,
        hearing_on=step.hearing_on,
        leader_appeared=step.leader_appeared,
        outcome=step.outcome,
        outcome_on=step.outcome_on,
        notes=step.notes,
    )
    with edited_as_read(record.case_no or "", case_version(args)):
        dispute_id, _ = services.disputes.add(record)
    return dispute_id


def _json(view: DisputeView) -> dict[str, object]:
    r = view.record

    def iso(day: dt.date | None) -> str | None:
        return day.isoformat() if day is not None else None

    return {
        "id": view.id,
        "kind": r.kind.label,
        "number": r.number,
        "instance": r.instance.label,
        "applicant": r.applicant,
        "act": r.act.label,
        "body": r.body,
        "case_no": r.case_no,
        "received_on": r.received_on.isoformat(),
        "replied_on": iso(r.replied_on),
        "hearing_on": iso(r.hearing_on),
        "leader_appeared": r.leader_appeared,
        "outcome": outcome_label(r.kind, r.outcome) if r.outcome else None,
        "outcome_on": iso(r.outcome_on),
        "notes": r.notes,
        "pending": r.pending,
        "deadlines": {
            "reply_due": view.reply_due.value.isoformat(),
            "appeal_until": iso(view.appeal_until.value if view.appeal_until else None),
        },
        "reply_late": view.reply_late,
        "case_version": view.case_version,
    }


def _line(view: DisputeView, lang: Lang) -> str:
    r = view.record
    outcome = (
        f"{outcome_label(r.kind, r.outcome)} {iso_or(r.outcome_on)}"
        if r.outcome is not None
        else render("cli.dispute_pending", {"due": view.reply_due.value.isoformat()}, lang)
    )
    return "\t".join(
        [str(view.id), r.kind.label, r.number, r.instance.label, r.applicant,
         r.received_on.isoformat(), r.case_no or "—", outcome]
    )  # fmt: skip


def iso_or(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


def _print(views: list[DisputeView], args: argparse.Namespace, out: TextIO, lang: Lang) -> None:
    if args.json:
        json.dump([_json(v) for v in views], out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    for view in views:
        print(_line(view, lang), file=out)


def _cmd_dispute(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    command = args.dispute_command
    if command in ("add", "update"):
        if command == "add":
            dispute_id = _add(args, services)
        else:
            dispute_id = args.dispute_id
            kind = services.disputes.view(dispute_id).record.kind
            step = _step(args, kind)
            with dispute_edited_as_read(dispute_id, case_version(args)):
                services.disputes.update(dispute_id, step)
        view = services.disputes.view(dispute_id)
        if args.json:
            json.dump(_json(view), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            code = "cli.dispute_added" if command == "add" else "cli.dispute_updated"
            record, due = view.record, view.reply_due.value.isoformat()
            params = {"id": dispute_id, "kind": record.kind.label, "number": record.number,
                      "due": due}  # fmt: skip
            print(render(code, params, lang), file=out)
        return 0
    if command == "correct":
        named = args.field.strip()
        if named not in CORRECT_FIELDS:
            choices = "、".join(CORRECT_FIELDS)
            raise DomainError("value.choice", "field", {"value": named, "choices": choices})
        field = CORRECT_FIELDS[named]
        with dispute_edited_as_read(args.dispute_id, case_version(args)):
            services.disputes.correct(args.dispute_id, field, args.value, args.reason)
        record = services.disputes.view(args.dispute_id).record
        params = {"id": args.dispute_id, "kind": record.kind.label, "number": record.number,
                  "field": args.field.strip()}  # fmt: skip
        print(render("cli.dispute_corrected", params, lang), file=out)
        return 0
    if command == "show":
        view = services.disputes.view(args.dispute_id)
        if args.json:
            json.dump(_json(view), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            print(_line(view, lang), file=out)
        return 0
    views = services.disputes.listing(
        year=args.year, case_no=args.case_no, pending_only=args.pending
    )
    _print(views, args, out, lang)
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"dispute": _cmd_dispute},
    needs_existing_db=frozenset({"dispute"}),
)
