"""``review ...`` (legal review, sign-off) and ``verify`` (integrity, audit chain, signatures)."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.login import password_for
from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_number, add_case_version, case_version
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.review.review_checklist import CHECKLIST, Finding
from chuansha_enforce.presenters.verify_text import verify_lines
from chuansha_enforce.services.case_versions import edited_as_read
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.review_service import (
    QueueItem,
    RoundView,
    SignRequest,
    parse_opinion,
)

_ITEMS = "； ".join(f"{code}={label}" for code, label in CHECKLIST.items())  # breaks at spaces


def _add_review(commands: Any) -> None:
    review = commands.add_parser(
        "review",
        help="法制审核：报送、待审队列、审核签署（审核员须以 --user 登录）",
        description="重大执法决定法制审核。只有“同意”才能作出决定；每次重新报送审核为新的一轮。",
    )
    sub = review.add_subparsers(dest="review_command", required=True, metavar="SUBCOMMAND")
    submit = sub.add_parser("submit", help="报送法制审核（附材料清单）")
    add_case_number(submit)
    submit.add_argument(
        "--material",
        "-m",
        action="append",
        default=[],
        required=True,
        help="报送材料（可多次给出，如 -m 调查终结报告 -m 处罚决定书草稿）",
    )
    submit.add_argument("--note", help="说明")
    add_case_version(submit)
    for name in ("queue", "list"):
        queue = sub.add_parser(name, help="待审核队列（含审核期限）")
        queue.add_argument("--json", action="store_true", help="以 JSON 输出")
    extend = sub.add_parser("extend", help="经批准延长审核期限（默认 3 个工作日，仅一次）")
    add_case_number(extend)
    extend.add_argument("--approved-by", dest="approved_by", required=True, help="批准人")
    extend.add_argument("--reason", required=True, help="延长理由")
    add_case_version(extend)
    sign = sub.add_parser(
        "sign",
        help="审核并签署（审核员；每次都要输入密码）",
        description="记录本轮审核要点、审核结论和理由，并用审核员自己的密钥签署。"
        f"审核要点代码：{_ITEMS}。未列出的要点记为无问题。",
    )
    add_case_number(sign)
    sign.add_argument(
        "--opinion", required=True, help="同意 | 建议补充调查 | 建议修改后再报 | 不同意"
    )
    sign.add_argument("--note", "--reasons", dest="reasons", help="审核意见理由（非“同意”时必填）")
    sign.add_argument(
        "--problem",
        action="append",
        default=[],
        metavar="ITEM=问题",
        help="有问题的审核要点及问题说明（可多次给出，如 --problem evidence=缺现场照片）",
    )
    show = sub.add_parser("show", help="一件案件的各轮审核及签名验证结果")
    add_case_number(show)
    show.add_argument("--json", action="store_true", help="以 JSON 输出")


def _add_verify(commands: Any) -> None:
    verify = commands.add_parser(
        "verify",
        help="检查数据库完整性、审计日志链和全部审核签名",
        description="退出码 0：全部通过；1：列出每条有问题的记录（表、编号、问题）。"
        "默认还核对备份时记下的审计链头，找出被删掉的最新审计记录。",
    )
    verify.add_argument(
        "--expect-head",
        dest="heads",
        action="append",
        default=[],
        help="另外保存的审计链头（哈希），须仍在审计日志中",
    )
    verify.add_argument("--no-backups", action="store_true", help="不核对备份中记下的链头")
    verify.add_argument("--json", action="store_true", help="以 JSON 输出")


def _add_parsers(commands: Any) -> None:
    _add_review(commands)
    _add_verify(commands)


def _finding(text: str) -> Finding:
    item, sep, note = text.partition("=")
    if not sep:
        raise DomainError("review.problem_needs_note", "findings", {"item": item})
    return Finding(item.strip(), False, note.strip())


def _queue_json(item: QueueItem) -> dict[str, object]:
    s = item.submission
    return {
        "case_no": s.case_no,
        "party": s.party_name,
        "submitted_on": s.submitted_on.isoformat(),
        "submitted_by": s.submitted_by,
        "materials": list(s.materials),
        "due_on": s.due_on.isoformat(),
        "extended": s.extended,
        "state": item.state,
        "working_days_left": item.working_days_left,
        "major_reasons": list(item.major_reasons),
        "version": item.version,
    }


def _round_json(view: RoundView) -> dict[str, object]:
    r = view.round
    return {
        "round": r.round_no,
        "reviewer": r.reviewer,
        "reviewer_user": view.reviewer_user,
        "reviewed_on": r.reviewed_on.isoformat(),
        "opinion": r.opinion.label,
        "reasons": r.note,
        "imported": r.imported,
        "findings": [
            {"item": f.item, "label": f.label, "ok": f.ok, "note": f.note} for f in view.findings
        ],
        "signature": view.signature,
        "signed_at": view.signed_at,
        "problems": [p.what for p in view.problems],
    }


def _dump(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _cmd_review(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    reviews = services.reviews
    command = args.review_command
    if command == "submit":
        with edited_as_read(args.case_no, case_version(args)):
            s = reviews.submit(args.case_no, args.material, args.note)
        say(out, lang, "cli.review_submitted", no=s.case_no, due=s.due_on)
    elif command in ("queue", "list"):
        items = reviews.queue()
        if args.json:
            _dump([_queue_json(i) for i in items], out)
            return 0
        for i in items:
            s = i.submission
            state = render(f"review_state.{i.state}", lang=lang)
            print(f"{s.case_no}\t{s.party_name}\t{s.submitted_on}\t{s.due_on}\t{state}", file=out)
    elif command == "extend":
        with edited_as_read(args.case_no, case_version(args)):
            s = reviews.extend(args.case_no, args.approved_by, args.reason)
        say(out, lang, "cli.review_extended", no=s.case_no, due=s.due_on)
    elif command == "sign":
        account = services.session.account
        request = SignRequest(
            opinion=parse_opinion(args.opinion),
            reasons=args.reasons,
            findings=tuple(_finding(p) for p in args.problem),
            password=password_for(account.name) if account else "",
        )
        signed = reviews.sign(args.case_no, request).round
        r = signed.round
        say(out, lang, "cli.review_signed", no=args.case_no, round=r.round_no,
            opinion=r.opinion.label)  # fmt: skip
    else:
        views = reviews.rounds(args.case_no)
        if args.json:
            _dump([_round_json(v) for v in views], out)
            return 0
        for v in views:
            r = v.round
            number = render("cli.review_round", {"round": r.round_no}, lang)
            state = render(f"signature.{v.signature}", lang=lang)
            print(f"{number}\t{r.reviewed_on}\t{r.reviewer}\t{r.opinion.label}\t{state}", file=out)
    return 0


def _chain_head(text: str) -> str:
    """An ``--expect-head`` as given: the 64 hexadecimal digits of an audit-chain head."""
    head = text.strip().lower()
    if re.fullmatch("[0-9a-f]{64}", head) is None:
        raise DomainError("badinput.chain_head", "expect_head", {"value": text})
    return head


def _cmd_verify(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    expected = tuple(("--expect-head", _chain_head(h)) for h in args.heads)
    kept = () if args.no_backups else services.backups.list_backups()
    backups = tuple((m.file, m.audit_head) for m in kept if m.audit_head)
    report = services.verify(expected, backups, check_backups=not args.no_backups)
    if args.json:
        _dump(
            {
                "ok": report.ok,
                "audit_records": report.audit_records,
                "signatures": report.signatures,
                "chain_head": report.chain_head,
                "chain_key": report.chain_key,
                "problems": [
                    {"table": p.table, "id": p.id, "what": p.what} for p in report.problems
                ],
                "restores": [
                    {
                        "record": r.record_id,
                        "user": r.user,
                        "backup": r.backup,
                        "replaced_heads": r.replaced_heads,
                    }
                    for r in report.restores
                ],
            },
            out,
        )
        return 0 if report.ok else 1
    for line in verify_lines(report, lang):
        print(line, file=out)
    return 0 if report.ok else 1


def _writes(args: argparse.Namespace) -> bool:
    """``verify`` only reads (it runs the full integrity check itself); ``review`` writes."""
    return bool(args.command == "review")


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"review": _cmd_review, "verify": _cmd_verify},
    needs_existing_db=frozenset({"review", "verify"}),
    writes=_writes,
)
