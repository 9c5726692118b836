"""``case <step> NO …``: every step the case window offers, one audited write each.

Each step calls the same service method as the window, so the same rules and gates
(DOMAIN §1, §12) refuse it: exit 0 with one audited write, or exit 1 with the refusal naming
its rule and nothing written. Amounts are in 元 as the ledger writes them; officers by name or
``name(certificate no)``; kinds, methods and outcomes by their Chinese labels.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any, TextIO, TypeVar

from chuansha_enforce.cli.case_view_json import case_view_json
from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_number, add_case_version, parse_date
from chuansha_enforce.domain.after_decision.enforcement import parse_plan
from chuansha_enforce.domain.after_decision.enforcement_steps import InstalmentPlan, PaymentReminder
from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.cases.case_file import (
    STATEMENT_LABELS,
    AdvanceNotice,
    Decision,
    DecisionPause,
    Discussion,
    Education,
    EvidenceItem,
    Extension,
    Hearing,
    ServiceAttempt,
    ServiceProof,
)
from chuansha_enforce.domain.cases.discretion import Deviation, DiscretionChoice
from chuansha_enforce.domain.demolition.forced_demolition import parse_time
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ReminderStatement,
    ReminderStatementKind,
)
from chuansha_enforce.domain.enums import (
    AttemptResult,
    DecisionPauseKind,
    EvidenceKind,
    HearingState,
    LabelledEnum,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.money import parse_yuan
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.presenters.step_notes import repeat_notes, warning_notes
from chuansha_enforce.services.case_file_service import NewCase, StepResult
from chuansha_enforce.services.container import Services

E = TypeVar("E", bound=LabelledEnum)

STEP_LABELS: dict[str, str] = {
    "file": "立案",
    "evidence": "登记证据",
    "notice": "告知",
    "statement": "陈述申辩",
    "hearing": "听证",
    "discuss": "集体讨论",
    "complex": "标记复杂案件",
    "extend": "延长办案期限",
    "decision-pause": "不计入办案期限的期间",
    "officers": "变更承办人",
    "decide": "作出决定",
    "educate": "教育情况",
    "serve-attempt": "送达未成功",
    "serve": "送达",
    "pay": "缴款",
    "instalments": "延期（分期）缴纳",
    "remind": "催告",
    "court-apply": "申请法院强制执行",
    "court-ruling": "法院裁定",
    "authority": "区政府责成",
    "remind-statement": "催告后陈述申辩",
    "enforce": "强制拆除决定",
    "announce": "强制拆除公告",
    "carry-out": "实施强制拆除",
    "removed": "自行拆除",
    "close": "结案",
    "publish": "公示",
    "withdraw-publication": "撤回公示",
}
SUBCOMMANDS = frozenset(STEP_LABELS)
WRITING = SUBCOMMANDS
"""Every step writes: the start-up integrity check runs first."""


def _day(text: str, field: str) -> dt.date:
    day = parse_date(text, field)
    assert day is not None
    return day


def _fen(text: str | None, field: str) -> int:
    return 0 if text is None or not text.strip() else parse_yuan(text, field)


def _names(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").replace("，", ",").split(",") if p.strip()]


def _label(enum: type[E], text: str, field: str, aliases: dict[str, str] | None = None) -> E:
    wanted = (aliases or {}).get(text.strip(), text.strip())
    for member in enum:
        if wanted in (member.label, member.value):
            return member
    choices = "、".join(m.label for m in enum)
    raise DomainError("cli.choice", field, {"value": text, "choices": choices})


def _kinds(text: str) -> frozenset[PenaltyKind]:
    return frozenset(_label(PenaltyKind, k, "kinds") for k in _names(text))


_METHODS = {
    "直接": "直接送达",
    "当场": "当场交付",
    "邮寄": "邮寄送达",
    "电子": "电子送达",
    "留置": "留置送达",
    "公告": "公告送达",
    "委托": "委托送达",
}
_EVIDENCE = {
    "现场笔录": "勘验笔录、现场笔录",
    "勘验笔录": "勘验笔录、现场笔录",
    "当事人陈述": "当事人的陈述",
}
_RESULTS = {"未成功": "未成功", "下落不明": "下落不明"}


def add_parsers(case_commands: Any) -> None:
    def step(name: str, help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = case_commands.add_parser(name, help=help_text)
        if name != "file":
            add_case_number(parser)
            add_case_version(parser)
        parser.add_argument("--json", action="store_true", help="输出案件（同 case show --json）")
        return parser

    filing = step("file", "立案（输出案件编号）")
    filing.add_argument("--filed", required=True, help="立案日期")
    filing.add_argument("--party", required=True, help="当事人")
    filing.add_argument("--party-type", required=True, help="自然人|个体工商户|法人|非法人组织")
    filing.add_argument("--id", dest="id_number", help="证件号码")
    filing.add_argument("--address", help="地址")
    filing.add_argument("--cause", required=True, help="案由")
    filing.add_argument("--officers", required=True, help="承办人：姓名或 姓名(执法证号)，逗号分隔")
    filing.add_argument("--violation", help="违法事实")
    filing.add_argument("--basis", help="处罚依据")
    filing.add_argument("--violation-date", help="违法行为发生日期（持续的：终了日期）")
    filing.add_argument(
        "--continuing", action="store_true", help="违法行为仍在继续（如违法建筑未拆除）"
    )
    filing.add_argument("--discovered", help="发现日期（线索日期）")
    filing.add_argument(
        "--five-year-reason", help="涉及生命健康安全、金融安全且有危害后果的理由（五年时效）"
    )
    filing.add_argument("--no", dest="number", default="", help="案件编号（默认自动编号）")

    evidence = step("evidence", "登记一项证据（决定书列明，行政处罚法第四十六条、第五十九条）")
    evidence.add_argument("--kind", required=True, help="、".join(k.label for k in EvidenceKind))
    evidence.add_argument("--description", required=True, help="证据内容（如 现场检查笔录一份）")
    evidence.add_argument("--on", required=True, help="取证日期")

    notice = step("notice", "告知（拟处罚、事实、依据）")
    notice.add_argument("--served", required=True, help="告知书送达日期")
    notice.add_argument("--kinds", default="", help="拟处罚种类，逗号分隔（如 罚款,警告）")
    notice.add_argument("--demolition", action="store_true", help="拟责令限期拆除")
    notice.add_argument("--amount", help="拟罚款金额（元）")
    notice.add_argument("--confiscation", help="拟没收金额（元）")
    notice.add_argument("--facts", help="违法事实（默认取立案时的违法事实）")
    notice.add_argument("--basis", help="处罚依据（默认取立案时的处罚依据）")
    notice.add_argument("--hearing-right", action="store_true", help="告知听证权利")
    notice.add_argument("--heavy", action="store_true", help="其他较重的行政处罚（有听证权）")
    _discretion_options(notice)

    statement = step("statement", "陈述申辩或书面放弃")
    statement.add_argument("--on", required=True, help="日期")
    statement.add_argument("--kind", required=True, help="已陈述申辩|书面放弃")

    hearing = step("hearing", "听证：申请、放弃或举行")
    which = hearing.add_mutually_exclusive_group(required=True)
    which.add_argument("--requested", help="当事人申请听证的日期")
    which.add_argument("--waived", help="当事人书面放弃听证的日期")
    which.add_argument("--held", help="听证举行日期")
    hearing.add_argument("--notice-served", help="听证通知送达日期（举行时必填）")
    hearing.add_argument("--presiding", help="听证主持人：姓名或 姓名(执法证号)")

    discuss = step("discuss", "集体讨论")
    discuss.add_argument("--on", required=True, help="讨论日期")
    discuss.add_argument("--participants", required=True, help="参加人员，逗号分隔")
    discuss.add_argument("--conclusion", required=True, help="讨论结论")

    complex_case = step("complex", "标记为复杂案件（决定前须集体讨论）")
    complex_case.add_argument("--reason", required=True, help="理由")

    extend = step("extend", "延长办案期限")
    extend.add_argument("--on", required=True, help="批准日期")
    extend.add_argument("--days", required=True, type=int, help="延长天数")
    extend.add_argument("--approved-by", required=True, help="批准人")
    extend.add_argument("--reason", required=True, help="理由")

    pause = step("decision-pause", "听证、鉴定、公告或中止的期间，不计入办案期限")
    pause.add_argument("--kind", required=True, help="听证|鉴定|公告|中止")
    pause.add_argument("--from", dest="pause_from", required=True, help="起始日期")
    pause.add_argument("--until", dest="pause_until", required=True, help="截止日期（含）")
    pause.add_argument("--reason", help="说明")

    officers = step("officers", "变更承办人")
    officers.add_argument("--on", required=True, help="变更日期")
    officers.add_argument("--officers", required=True, help="新的承办人，逗号分隔")
    officers.add_argument("--reason", required=True, help="理由")

    decide = step("decide", "作出决定")
    decide.add_argument("--on", required=True, help="决定日期")
    outcome = decide.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--kinds", help="处罚种类，逗号分隔")
    outcome.add_argument("--no-penalty", help="不予处罚理由")
    outcome.add_argument("--outcome", help="撤销立案|移送司法机关|移送其他部门")
    outcome.add_argument("--order-only", action="store_true", help="仅责令限期拆除（不并处处罚）")
    decide.add_argument("--demolition", action="store_true", help="责令限期拆除（须写明期限）")
    decide.add_argument("--deadline", help="拆除期限")
    decide.add_argument("--amount", help="罚款金额（元）")
    decide.add_argument("--confiscation", help="没收金额（元）")
    decide.add_argument("--reduced", action="store_true", help="减轻处罚")
    _discretion_options(decide)
    decide.add_argument("--doc-no", help="决定书文号（默认自动编号）")

    educate = step("educate", "记录不予处罚案件的教育情况（行政处罚法第三十三条）")
    educate.add_argument("--on", required=True, help="教育日期")
    educate.add_argument("--how", required=True, help="教育方式和内容")
    attempt = step("serve-attempt", "记录一次未成功的送达（公告送达前须有）")
    attempt.add_argument("--on", required=True, help="尝试日期")
    attempt.add_argument("--method", required=True, help="直接|留置|邮寄|委托")
    attempt.add_argument("--result", default="未成功", help="未成功|下落不明（默认 未成功）")
    attempt.add_argument("--note", help="经过（如 无人应门、地址查无此人）")

    serve = step("serve", "送达决定书")
    serve.add_argument("--on", required=True, help="送达日期（回执上的日期）")
    serve.add_argument("--method", required=True, help="直接|当场|邮寄|委托|电子|留置|公告")
    serve.add_argument("--witness", help="留置送达的见证人（基层组织或所在单位）")
    serve.add_argument(
        "--recorded", action="store_true", help="留置送达以拍照、录像方式记录送达过程"
    )
    serve.add_argument("--consent-on", help="当事人书面同意电子送达的日期（送达地址确认书）")

    pay = step("pay", "缴款")
    pay.add_argument("--on", required=True, help="缴款日期")
    pay.add_argument("--amount", required=True, help="罚没款（元）")
    pay.add_argument("--surcharge", help="加处罚款（元）")
    pay.add_argument("--channel", default="银行缴款", help="缴款方式")
    pay.add_argument("--receipt", help="票据号")

    instalments = step("instalments", "批准延期或分期缴纳（行政处罚法第六十六条）")
    instalments.add_argument("--approved-on", required=True, help="批准日期")
    instalments.add_argument(
        "--plan", required=True, help="各期缴款期限和金额（元）：日期:金额，逗号分隔"
    )

    remind = step("remind", "送达催告书（行政强制法第三十五条、第五十四条）")
    remind.add_argument("--served", required=True, help="催告书送达日期")
    remind.add_argument("--until", required=True, help="催告履行期限")
    remind.add_argument(
        "--demolition", action="store_true", help="催告拆除（案件同时有罚款时须注明）"
    )

    authority = step("authority", "记录区人民政府责成强制拆除（城乡规划法第六十八条）")
    authority.add_argument("--document", required=True, help="责成文件（文号或名称）")
    authority.add_argument("--on", required=True, help="责成日期")

    heard = step("remind-statement", "记录催告后的陈述申辩（行政强制法第三十六条）")
    heard.add_argument("--on", required=True, help="记录日期")
    heard.add_argument("--kind", required=True, help="已陈述申辩|书面放弃|期满未陈述申辩")

    enforce = step("enforce", "作出强制拆除决定（行政强制法第三十七条）")
    enforce.add_argument("--on", required=True, help="决定日期")

    announce = step("announce", "强制拆除公告（行政强制法第四十四条）")
    announce.add_argument("--on", required=True, help="公告日期")
    announce.add_argument("--until", required=True, help="限期自行拆除至")

    carry = step("carry-out", "实施强制拆除（行政强制法第四十三条）")
    carry.add_argument("--on", required=True, help="实施日期")
    carry.add_argument("--at", required=True, help="开始时间（时:分）")
    carry.add_argument("--witnesses", required=True, help="见证人，逗号分隔")

    removed = step("removed", "当事人自行拆除")
    removed.add_argument("--on", required=True, help="拆除日期")

    court_apply = step("court-apply", "申请人民法院强制执行（行政强制法第五十三条）")
    court_apply.add_argument("--on", required=True, help="申请日期")

    court_ruling = step("court-ruling", "记录法院的裁定")
    court_ruling.add_argument("--on", required=True, help="裁定日期")
    court_ruling.add_argument("--result", required=True, help="裁定结果")

    close = step("close", "结案")
    close.add_argument("--on", required=True, help="结案日期")
    close.add_argument(
        "--reason",
        help="结案说明；尚有罚没款未缴时须为：" + "、".join(r.label for r in UnpaidCloseReason),
    )
    close.add_argument("--note", help="具体理由（“其他”时必填）")
    close.add_argument("--approved-by", dest="approved_by", help="批准人（“其他”时：法制审核员）")
    publish = step("publish", "记录决定公示日期（决定后 7 个工作日内）")
    publish.add_argument("--on", required=True, help="公示日期")
    withdraw = step("withdraw-publication", "撤回公示（决定被撤销、变更或确认违法后 3 个工作日内）")
    withdraw.add_argument("--on", required=True, help="撤回日期")
    withdraw.add_argument("--reason", required=True, help="撤回原因")


def _file(args: argparse.Namespace, services: Services) -> StepResult:
    filed = _day(args.filed, "filed_on")
    officers = services.case_files.officers_named(_names(args.officers), filed)
    new = NewCase(
        case_no=args.number,
        party=PartyRecord(
            _label(PartyType, args.party_type, "party_kind"),
            args.party,
            args.id_number,
            args.address,
        ),
        cause=args.cause,
        filed_on=filed,
        officer_certificates=tuple(o.certificate_no for o in officers),
        violation=args.violation,
        legal_basis=args.basis,
        clue_on=parse_date(args.discovered, "clue_on"),
        violation_on=parse_date(args.violation_date, "violation_on"),
        violation_continuing=args.continuing,
        five_year_reason=args.five_year_reason,
    )
    return services.case_files.file_case(new)


def _discretion_options(parser: argparse.ArgumentParser) -> None:
    """情节 and any deviation beside a fine (DOMAIN §17), at the 告知 and at the decision."""
    parser.add_argument("--circumstance", help="情节（裁量基准的用语，如 轻微、一般、较重、严重）")
    parser.add_argument("--deviation", help="从轻|减轻|从重（罚款在裁量基准之外时）")
    parser.add_argument("--deviation-reason", help="从轻、减轻或从重的理由")


def _discretion(args: argparse.Namespace) -> DiscretionChoice:
    deviation = _label(Deviation, args.deviation, "deviation") if args.deviation else None
    return DiscretionChoice(args.circumstance, deviation, args.deviation_reason)


def _notice(args: argparse.Namespace, services: Services) -> StepResult:
    case = services.case_files.find(args.case_no)
    notice = AdvanceNotice(
        served_on=_day(args.served, "notice_on"),
        hearing_offered=args.hearing_right,
        proposed_kinds=_kinds(args.kinds),
        proposed_fine_fen=_fen(args.amount, "amount"),
        proposed_confiscation_fen=_fen(args.confiscation, "confiscation"),
        facts=args.facts or case.violation,
        basis=args.basis or case.legal_basis,
        heavy_marked=args.heavy,
        proposed_demolition=args.demolition,
    )
    return services.case_files.record_notice(args.case_no, notice, _discretion(args))


def _statement(args: argparse.Namespace, services: Services) -> StepResult:
    kinds = {label: kind for kind, label in STATEMENT_LABELS.items()}
    kind = kinds.get(args.kind.strip())
    if kind is None:
        choices = "、".join(kinds)
        raise DomainError("cli.choice", "statement_kind", {"value": args.kind, "choices": choices})
    return services.case_files.record_statement(args.case_no, kind, _day(args.on, "statement_on"))


def _hearing(args: argparse.Namespace, services: Services) -> StepResult:
    case = services.case_files.find(args.case_no)
    requested = case.hearing.requested_on if case.hearing else None
    if args.requested is not None:
        hearing = Hearing(
            HearingState.NONE,
            requested_on=parse_date(args.requested, "requested_on"),
        )
    elif args.waived is not None:
        hearing = Hearing(
            HearingState.WAIVED,
            requested,
            waived_on=parse_date(args.waived, "waived_on"),
        )
    else:
        hearing = Hearing(
            HearingState.HELD,
            requested,
            parse_date(args.notice_served, "notice_on"),
            parse_date(args.held, "held_on"),
            args.presiding,
        )
    return services.case_files.record_hearing(args.case_no, hearing)


def _discuss(args: argparse.Namespace, services: Services) -> StepResult:
    discussion = Discussion(
        _day(args.on, "held_on"), args.conclusion, tuple(_names(args.participants))
    )
    return services.case_files.record_discussion(args.case_no, discussion)


def _extend(args: argparse.Namespace, services: Services) -> StepResult:
    extension = Extension(args.approved_by, _day(args.on, "approved_on"), args.days, args.reason)
    return services.case_files.extend_decision_deadline(args.case_no, extension)


def _decision_pause(args: argparse.Namespace, services: Services) -> StepResult:
    pause = DecisionPause(
        _label(DecisionPauseKind, args.kind, "pause_kind"),
        _day(args.pause_from, "pause_from"),
        _day(args.pause_until, "pause_until"),
        args.reason,
    )
    return services.case_files.record_decision_pause(args.case_no, pause)


def _decide(args: argparse.Namespace, services: Services) -> StepResult:
    kinds: frozenset[PenaltyKind] = frozenset()
    reason = None
    if args.kinds is not None:
        outcome, kinds = Outcome.PENALTY, _kinds(args.kinds)
    elif args.no_penalty is not None:
        outcome = Outcome.NO_PENALTY
        reason = _label(NoPenaltyReason, args.no_penalty, "no_penalty_reason")
    elif args.order_only:
        outcome = Outcome.ORDER_ONLY
    else:
        outcome = _label(Outcome, args.outcome, "outcome")
    ordered = args.demolition or outcome is Outcome.ORDER_ONLY
    if args.deadline is not None and not ordered:
        raise DomainError("cli.deadline_without_order", "demolition_deadline")
    deadline = parse_date(args.deadline, "demolition_deadline") if ordered else None
    if ordered and deadline is None:
        raise DomainError("decision.demolition_deadline_required", "demolition_deadline")
    decision = Decision(
        decision_no=args.doc_no,
        decided_on=_day(args.on, "decided_on"),
        outcome=outcome,
        kinds=kinds,
        no_penalty_reason=reason,
        fine_fen=_fen(args.amount, "fine"),
        confiscation_fen=_fen(args.confiscation, "confiscation"),
        reduced_penalty=args.reduced,
        demolition_deadline=deadline,
    )
    return services.case_files.decide(args.case_no, decision, _discretion(args))


def _serve(args: argparse.Namespace, services: Services) -> StepResult:
    method = _label(ServiceMethod, args.method, "service_method", _METHODS)
    proof = ServiceProof(args.witness, args.recorded, parse_date(args.consent_on, "consent_on"))
    return services.case_files.serve(args.case_no, _day(args.on, "served_on"), method, proof)


def _evidence(args: argparse.Namespace, services: Services) -> StepResult:
    item = EvidenceItem(
        _label(EvidenceKind, args.kind, "evidence_kind", _EVIDENCE),
        args.description,
        _day(args.on, "obtained_on"),
    )
    return services.case_files.record_evidence(args.case_no, item)


def _serve_attempt(args: argparse.Namespace, services: Services) -> StepResult:
    attempt = ServiceAttempt(
        _day(args.on, "attempted_on"),
        _label(ServiceMethod, args.method, "service_method", _METHODS),
        _label(AttemptResult, args.result, "attempt_result", _RESULTS),
        args.note,
    )
    return services.case_files.record_service_attempt(args.case_no, attempt)


def _pay(args: argparse.Namespace, services: Services) -> StepResult:
    payment = PaymentRecord(
        _day(args.on, "paid_on"),
        _fen(args.amount, "amount"),
        _fen(args.surcharge, "surcharge"),
        args.channel,
        args.receipt,
    )
    return services.case_files.record_payment(args.case_no, payment)


def _instalments(args: argparse.Namespace, services: Services) -> StepResult:
    plan = InstalmentPlan(_day(args.approved_on, "approved_on"), parse_plan(args.plan))
    return services.case_files.approve_instalments(args.case_no, plan)


def _remind(args: argparse.Namespace, services: Services) -> StepResult:
    reminder = PaymentReminder(_day(args.served, "served_on"), _day(args.until, "until"))
    return services.case_files.record_reminder(args.case_no, reminder, args.demolition)


def _carry_out(args: argparse.Namespace, services: Services) -> StepResult:
    carry = CarryOut(
        _day(args.on, "carried_on"),
        parse_time(args.at, "carried_at"),
        tuple(_names(args.witnesses)),
    )
    return services.case_files.carry_out_demolition(args.case_no, carry)


def _close(args: argparse.Namespace, services: Services) -> StepResult:
    """``--reason`` names a listed reason for closing unpaid (by its label), or is the closing
    note of a case paid up; ``--note`` is the text of a listed reason (其他 needs it)."""
    text = (args.reason or "").strip()
    kind = next((r for r in UnpaidCloseReason if text in (r.label, r.value)), None)
    note = args.note if kind is not None else (args.note or text or None)
    return services.case_files.close(
        args.case_no,
        _day(args.on, "closed_on"),
        note,
        reason_kind=kind,
        approved_by=args.approved_by,
    )


_STEPS: dict[str, Callable[[argparse.Namespace, Services], StepResult]] = {
    "file": _file,
    "evidence": _evidence,
    "notice": _notice,
    "statement": _statement,
    "hearing": _hearing,
    "discuss": _discuss,
    "complex": lambda a, s: s.case_files.mark_complex(a.case_no, a.reason),
    "extend": _extend,
    "decision-pause": _decision_pause,
    "officers": lambda a, s: s.case_files.change_officers(
        a.case_no, _day(a.on, "changed_on"), _names(a.officers), a.reason
    ),
    "decide": _decide,
    "educate": lambda a, s: s.case_files.record_education(
        a.case_no, Education(_day(a.on, "educated_on"), a.how)
    ),
    "serve-attempt": _serve_attempt,
    "serve": _serve,
    "pay": _pay,
    "instalments": _instalments,
    "remind": _remind,
    "court-apply": lambda a, s: s.case_files.apply_to_court(a.case_no, _day(a.on, "applied_on")),
    "court-ruling": lambda a, s: s.case_files.record_court_ruling(
        a.case_no, _day(a.on, "ruling_on"), a.result
    ),
    "close": _close,
    "publish": lambda a, s: s.publications.publish(a.case_no, _day(a.on, "published_on")),
    "withdraw-publication": lambda a, s: s.publications.withdraw(
        a.case_no, _day(a.on, "withdrawn_on"), a.reason
    ),
    "authority": lambda a, s: s.case_files.record_authority(
        a.case_no, DistrictAuthority(a.document, _day(a.on, "authority_on"))
    ),
    "remind-statement": lambda a, s: s.case_files.record_reminder_statement(
        a.case_no,
        ReminderStatement(
            _day(a.on, "statement_on"), _label(ReminderStatementKind, a.kind, "reminder_statement")
        ),
    ),
    "enforce": lambda a, s: s.case_files.decide_forced_demolition(
        a.case_no, _day(a.on, "enforced_on")
    ),
    "announce": lambda a, s: s.case_files.announce_demolition(
        a.case_no,
        DemolitionAnnouncement(_day(a.on, "announced_on"), _day(a.until, "announce_until")),
    ),
    "carry-out": _carry_out,
    "removed": lambda a, s: s.case_files.record_removal(a.case_no, _day(a.on, "removed_on")),
}


def run(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    command = args.case_command
    result = _STEPS[command](args, services)
    case_no = result.case.case_no
    if args.json:
        view = services.case_files.view(case_no)
        json.dump(case_view_json(view, lang), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif command == "file":
        print(case_no, file=out)
    else:
        step = STEP_LABELS[command] if lang == "zh" else command
        say(out, lang, "cli.step_recorded", step=step, no=case_no)
    for note in warning_notes(result, lang):
        print(note, file=out)
    for note in repeat_notes(result, lang):  # a repeat is accepted, warned on stderr (§17)
        print(note, file=sys.stderr)
    return 0
