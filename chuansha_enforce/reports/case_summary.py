"""The case summary PDF (internal, full data) and its public version (双公示 fields only)."""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.money import fen_to_chinese_upper, format_fen
from chuansha_enforce.domain.reports.disclosure import FIELDS, field_text
from chuansha_enforce.reports.base import ReportTemplate, cn_date
from chuansha_enforce.reports.view_models import (
    REVIEW_STATE_LABELS,
    CaseSummaryView,
    PublicCaseView,
)

CLOCK_NAMES = {
    "filing_due": "立案期限",
    "decision_due": "作出决定期限",
    "statement_due": "陈述申辩期限",
    "hearing_request_due": "申请听证期限",
    "service_due": "送达期限",
    "disclosure_due": "公示期限",
    "payment_due": "缴款期限",
    "publication_withdrawal_due": "撤回公示期限",
}
STATE_NAMES = EnumMap(
    ClockState,
    {
        ClockState.PENDING: "未到期",
        ClockState.DUE_SOON: "即将到期",
        ClockState.OVERDUE: "已逾期",
        ClockState.MET: "按期完成",
        ClockState.MISSED: "逾期完成",
        ClockState.UNRECORDED: "未记录（启用前）",
    },
)


def _money(fen: int) -> str:
    return f"{format_fen(fen)}元（{fen_to_chinese_upper(fen)}）" if fen else "—"


def timeline(case: CaseFile) -> list[tuple[str, str, str]]:
    """The recorded steps in order: (step, date, note)."""
    steps: list[tuple[str, str, str]] = []
    if case.clue_on:
        steps.append(("发现线索", cn_date(case.clue_on), ""))
    steps.append(("立案", cn_date(case.filed_on), case.case_no))
    if case.notice:
        offered = "，告知听证权利" if case.notice.hearing_offered else ""
        steps.append(("告知", cn_date(case.notice.served_on), f"送达告知书{offered}"))
        if case.notice.statement_on:
            steps.append(("陈述申辩", cn_date(case.notice.statement_on), ""))
    if case.hearing and case.hearing.state.value != "none":
        day = case.hearing.held_on or case.hearing.requested_on
        note = f"主持人：{case.hearing.presiding}" if case.hearing.presiding else ""
        steps.append((case.hearing.state.label, cn_date(day), note))
    for review in case.reviews:
        steps.append(
            (
                f"法制审核（第{review.round_no}轮）",
                cn_date(review.reviewed_on),
                review.opinion.label,
            )
        )
    for discussion in case.discussions:
        steps.append(("集体讨论", cn_date(discussion.held_on), ""))
    for extension in case.extensions:
        note = f"延长{extension.days}日，批准人：{extension.approved_by}；{extension.reason}"
        steps.append(("延长办案期限", cn_date(extension.approved_on), note))
    if case.decision:
        steps.append(("作出决定", cn_date(case.decision.decided_on), case.decision.outcome.label))
    if case.served_on:
        method = case.service_method.label if case.service_method else ""
        steps.append(("送达", cn_date(case.served_on), method))
    for payment in case.payments:
        steps.append(("缴款", cn_date(payment.paid_on), f"{format_fen(payment.amount_fen)}元"))
    for pause in case.pauses:
        note = f"{pause.kind.label}期间加处罚款停止计算，至{cn_date(pause.end)}"
        steps.append(("暂停计算", cn_date(pause.start), note))
    if case.closed_on:
        steps.append(("结案", cn_date(case.closed_on), case.close_reason or ""))
    publication = case.publication
    if publication.published_on:
        steps.append(("公示", cn_date(publication.published_on), ""))
    for set_aside in publication.set_asides:
        steps.append(("决定被撤销、变更或确认违法", cn_date(set_aside.on),
                      f"{set_aside.reference} {set_aside.reason}"))  # fmt: skip
    if publication.withdrawn_on:
        steps.append(("撤回公示", cn_date(publication.withdrawn_on),
                      publication.withdrawal_reason or ""))  # fmt: skip
    return steps


class CaseSummaryReport(ReportTemplate):
    def __init__(self, view: CaseSummaryView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        view, case, s = self.view, self.view.case, self.styles
        width = self.frame_width
        party = case.party
        out: list[Flowable] = [
            Paragraph("一般程序案件摘要", s["title"]),
            Paragraph(
                escape(f"{case.case_no} · {case.status.label} · 截至{cn_date(view.as_of)}"),
                s["subtitle"],
            ),
            Paragraph("一、基本情况", s["heading"]),
            self.field_table(
                [
                    ("案由", case.cause),
                    ("当事人", party.name),
                    ("当事人类型", party.kind.label),
                    ("证件号码", party.id_number or "—"),
                    ("住所（地址）", party.address or "—"),
                    *(
                        [("法定代表人（负责人）", party.legal_representative)]
                        if party.legal_representative
                        else []
                    ),
                    ("违法行为", case.violation or "—"),
                    ("法律依据", case.legal_basis or "—"),
                    ("违法地点", case.location or "—"),
                    ("立案日期", cn_date(case.filed_on)),
                    (
                        "承办人（执法证号）",
                        "；".join(f"{o.officer_name}（{o.certificate_no}）" for o in case.officers),
                    ),
                    (
                        "重大案件",
                        "是：" + "；".join(view.major_reasons) if view.major_reasons else "否",
                    ),
                ],
                32 * mm,
            ),
            Paragraph("二、办案过程", s["heading"]),
            self.table(
                [("步骤", "日期", "说明"), *timeline(case)],
                (40 * mm, 32 * mm, width - 72 * mm),
            ),
            Paragraph("三、期限", s["heading"]),
            self.table(
                [
                    ("期限", "截止日期", "完成日期", "状态"),
                    *(
                        (
                            CLOCK_NAMES.get(c.name, c.name),
                            cn_date(c.due),
                            cn_date(c.done_on) or "—",
                            STATE_NAMES[c.state],
                        )
                        for c in view.clocks.clocks
                    ),
                ],
                (40 * mm, 36 * mm, 36 * mm, width - 112 * mm),
            ),
        ]
        for warning in view.clocks.warnings:
            out.append(
                Paragraph(
                    f"注：{warning.year}年节假日安排未载入，相关期限按周一至周五推算。", s["note"]
                )
            )
        out += self._decision_and_money()
        out += self._reviews()
        return out

    def _decision_and_money(self) -> list[Flowable]:
        view, case, s = self.view, self.view.case, self.styles
        width = self.frame_width
        out: list[Flowable] = [Paragraph("四、处理决定", s["heading"])]
        decision = case.decision
        no_money = [Paragraph("五、罚没款缴纳", s["heading"]), Paragraph("无罚没款。", s["body"])]
        if decision is None:
            out.append(Paragraph("尚未作出决定。", s["body"]))
            return out + no_money  # the sections keep their numbers
        kinds = sorted(decision.kinds, key=lambda k: k.severity)
        out.append(
            self.field_table(
                [
                    ("决定书文号", decision.decision_no or "—"),
                    ("决定日期", cn_date(decision.decided_on)),
                    ("处理结果", decision.outcome.label),
                    ("处罚种类", "、".join(k.label for k in kinds) or "—"),
                    ("罚款", _money(decision.fine_fen)),
                    ("没收金额", _money(decision.confiscation_fen)),
                    (
                        "不予处罚理由",
                        decision.no_penalty_reason.label if decision.no_penalty_reason else "—",
                    ),
                    ("减轻处罚", "是" if decision.reduced_penalty else "否"),
                ],
                32 * mm,
            )
        )
        if case.money_decided_fen == 0:
            return out + no_money
        out.append(Paragraph("五、罚没款缴纳", s["heading"]))
        if case.payments:
            out.append(
                self.table(
                    [
                        ("缴款日期", "金额（元）", "加处罚款（元）", "方式", "票据号"),
                        *(
                            (
                                cn_date(p.paid_on),
                                format_fen(p.amount_fen),
                                format_fen(p.surcharge_fen),
                                p.channel,
                                p.receipt_no or "—",
                            )
                            for p in case.payments
                        ),
                    ],
                    (32 * mm, 30 * mm, 30 * mm, 34 * mm, width - 126 * mm),
                )
            )
            out.append(Spacer(1, 2 * mm))
        clocks = view.clocks
        out.append(
            self.field_table(
                [
                    ("决定金额", f"{format_fen(case.money_decided_fen)}元"),
                    ("已缴本金", f"{format_fen(case.paid_fen)}元"),
                    ("逾期天数", str(clocks.days_late)),
                    ("加处罚款", f"{format_fen(clocks.surcharge_fen)}元"),
                    (
                        "应缴金额",
                        f"{format_fen(clocks.amount_due_fen)}元（截至{cn_date(view.as_of)}）",
                    ),
                ],
                32 * mm,
            )
        )
        return out

    def _reviews(self) -> list[Flowable]:
        s, width = self.styles, self.frame_width
        out: list[Flowable] = [Paragraph("六、法制审核", s["heading"])]
        if not self.view.reviews:
            out.append(Paragraph("无法制审核记录。", s["body"]))
            return out
        out.append(
            self.table(
                [
                    ("轮次", "审核人", "审核日期", "审核意见", "核验状态"),
                    *(
                        (
                            str(r.round_no),
                            r.reviewer,
                            cn_date(r.reviewed_on),
                            r.opinion,
                            REVIEW_STATE_LABELS[r.state],
                        )
                        for r in self.view.reviews
                    ),
                ],
                (14 * mm, 30 * mm, 32 * mm, 36 * mm, width - 112 * mm),
            )
        )
        out.append(
            Paragraph(
                "核验状态：“已导入（无签名）”为从台账导入的审核记录；“未签名”为本程序录入但未经审核人"
                "签名的记录；“已签名”为审核人以本人密钥签名且核验一致的记录（内部防篡改签核记录，"
                "非电子签名法意义上的可靠电子签名）。",
                s["note"],
            )
        )
        return out


class PublicCaseReport(ReportTemplate):
    """Only the de-identified entry: the renderer cannot show what it was not given."""

    def __init__(self, view: PublicCaseView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        s, entry = self.styles, self.view.entry
        return [
            Paragraph("行政处罚决定信息公开表", s["title"]),
            Paragraph("（公开版：已按个人信息保护要求去标识化）", s["subtitle"]),
            self.field_table([(label, field_text(entry, name)) for name, label in FIELDS], 46 * mm),
        ]


def render_case_summary(view: CaseSummaryView) -> bytes:
    return CaseSummaryReport(view).render()


def render_public_case(view: PublicCaseView) -> bytes:
    return PublicCaseReport(view).render()
