"""The annual totals PDF: the ``stats`` figures, the official table, months and violations.

Every number printed comes from the view-model's ``AnnualFigures`` (the very object
``stats --json`` prints) or its ``AnnualBreakdown``; nothing is recounted here.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from chuansha_enforce.domain.disputes.disputes import (
    CORRECTION_RATE_FORMULA,
    LEADER_RATE_FORMULA,
    LOSS_RATE_FORMULA,
    annual_paragraph,
)
from chuansha_enforce.domain.money import fen_to_wan_yuan, format_fen
from chuansha_enforce.reports.base import ReportTemplate
from chuansha_enforce.reports.charts import monthly_chart, violations_chart
from chuansha_enforce.reports.view_models import AnnualReportView

COUNTING_RULES: tuple[str, ...] = (
    "统计期间为当年1月1日至12月31日，各项按所计事项的发生日期（立案、结案、决定日期）归入年度。",
    "结案数可以大于立案数：结案包括以前年度立案的案件。案件结转：年初未结 + 本年立案 − "
    "本年结案 = 年末未结。",
    "处罚金额为处罚决定书载明的金额，不是实际收缴的金额；收缴和未缴金额另列。收缴含加处罚款。",
    "一个决定有多个处罚种类的，只计一次，计入其中最重的种类（按警告、通报批评、罚款、没收违法所得、"
    "没收非法财物、暂扣许可证件、降低资质等级、吊销许可证件、限制开展生产经营活动、责令停产停业、"
    "责令关闭、限制从业的顺序，后者为重）。",
    "简易程序决定单独统计，不计入立案数。",
    "罚没金额以万元为单位，每格由分为单位的精确合计四舍五入到小数点后四位，合计不由各格相加。",
    "作出决定数只计处罚和不予处罚的决定；撤销立案和移送不计。年末逾期未决为年末仍未作出决定、"
    "且已超过立案之日起90日期限的案件（批准延期的尚未计入）。",
    "法制审核按当年有审核记录的案件计（含从台账导入的记录），一件多轮计一件，轮次另列。",
)


GRADES = (("excellent", "优秀"), ("good", "良好"), ("pass", "合格"), ("fail", "不合格"))


def _yuan(fen: int) -> str:
    return format_fen(fen)


class AnnualTotalsReport(ReportTemplate):
    def __init__(self, view: AnnualReportView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        f = self.view.figures
        s = self.styles
        return [
            Paragraph(f"{f.year}年度行政执法统计", s["title"]),
            Paragraph(escape(self.letterhead.squad), s["subtitle"]),
            Paragraph("一、总体情况", s["heading"]),
            Paragraph(escape(self.summary_sentence()), s["body"]),
            Paragraph("二、主要数据", s["heading"]),
            self._figures_table(),
            KeepTogether([Paragraph("三、案件结转", s["heading"]), *self._carry_over()]),
            KeepTogether(
                [Paragraph("四、行政处罚实施情况统计表", s["heading"]), self._official_table()]
            ),
            Paragraph(
                "注：一个决定有多个处罚种类的只计一次，计入最重的种类；罚没金额单位为万元。",
                s["note"],
            ),
            KeepTogether([Paragraph("五、各月案件数", s["heading"]), *self._months()]),
            KeepTogether([Paragraph("六、主要违法行为类别", s["heading"]), *self._violations()]),
            KeepTogether([Paragraph("七、行政复议和行政诉讼", s["heading"]), *self._disputes()]),
            KeepTogether(
                [
                    Paragraph("统计口径", s["heading"]),
                    *(
                        Paragraph(f"{n}. {escape(rule)}", s["note"])
                        for n, rule in enumerate(COUNTING_RULES, start=1)
                    ),
                ]
            ),
        ]

    def summary_sentence(self) -> str:
        """The seed report's paragraph, with this year's figures."""
        f = self.view.figures
        g, p, o = f.general, f.payments, f.officers
        return (
            f"{f.year}年，一般案件立案 {g.filed} 起，结案 {g.closed} 起，"
            f"作出处罚决定 {g.decided} 起，处罚金额 {_yuan(g.fines_decided_fen)} 元"
            f"（另没收 {_yuan(g.confiscated_decided_fen)} 元），不予处罚 {g.no_penalty} 起；"
            f"简易案件 {f.simple.decided} 起，处罚金额 {_yuan(f.simple.fines_decided_fen)} 元；"
            f"执法证 {o.valid_at_year_end} 张（注销 {o.cancelled_in_year}，新办 "
            f"{o.issued_in_year}）；法制审核 {f.legal_review_cases} 起；"
            f"案卷评查 {f.file_reviews_sampled} 件；收缴罚没款 {_yuan(p.collected_fen)} 元，"
            f"年末未缴 {_yuan(p.outstanding_fen)} 元；年末逾期未决案件 {g.overdue_open} 起。"
        )

    def _disputes(self) -> list[Flowable]:
        """The seed's paragraph on disputes, each rate with its formula printed under it."""
        f = self.view.figures
        formulas = (CORRECTION_RATE_FORMULA, LOSS_RATE_FORMULA, LEADER_RATE_FORMULA)
        return [
            Paragraph(
                escape(annual_paragraph(f.reconsideration, f.litigation)), self.styles["body"]
            ),
            *(Paragraph(escape(text), self.styles["note"]) for text in formulas),
        ]

    def _figures_table(self) -> Flowable:
        f = self.view.figures
        g, sp, p, o = f.general, f.simple, f.payments, f.officers
        rows: list[tuple[str, str, str]] = [
            ("类别", "项目", "数值"),
            ("一般程序", "立案（件）", str(g.filed)),
            ("", "结案（件）", str(g.closed)),
            ("", "作出决定（件）", str(g.decided)),
            ("", "其中不予处罚（件）", str(g.no_penalty)),
            ("", "罚款金额（元，按决定）", _yuan(g.fines_decided_fen)),
            ("", "没收金额（元，按决定）", _yuan(g.confiscated_decided_fen)),
            ("", "年末逾期未决（件）", str(g.overdue_open)),
            ("简易程序", "决定（件）", str(sp.decided)),
            ("", "其中警告（件）", str(sp.warnings)),
            ("", "罚款金额（元）", _yuan(sp.fines_decided_fen)),
            ("罚没款", "本年收缴（元，含加处罚款）", _yuan(p.collected_fen)),
            ("", "其中加处罚款（元）", _yuan(p.surcharge_fen)),
            ("", "年末未缴（元）", _yuan(p.outstanding_fen)),
            ("", "其中简易程序（元）", _yuan(p.simple_outstanding_fen)),
            ("法制审核", "案件（起）", str(f.legal_review_cases)),
            ("", "审核轮次", str(f.legal_review_rounds)),
            ("案卷评查", "抽查案卷（件）", str(f.file_reviews_sampled)),
            *(
                ("", f"评为{label}（件）", str(f.file_review_grades.get(code, 0)))
                for code, label in GRADES
            ),
            ("执法证", "年末有效（张）", str(o.valid_at_year_end)),
            ("", "本年新办（张）", str(o.issued_in_year)),
            ("", "本年注销（张）", str(o.cancelled_in_year)),
        ]
        width = self.frame_width
        return self.table(rows, (30 * mm, width - 75 * mm, 45 * mm), numeric_from=2)

    def _carry_over(self) -> list[Flowable]:
        g = self.view.figures.general
        width = self.frame_width
        table = self.table(
            [
                ("年初未结（件）", "本年立案（件）", "本年结案（件）", "年末未结（件）"),
                (str(g.open_at_start), str(g.filed), str(g.closed), str(g.open_at_end)),
            ],
            [width / 4] * 4,
            numeric_from=0,
        )
        check = (
            f"{g.open_at_start} + {g.filed} − {g.closed} = "
            f"{g.open_at_start + g.filed - g.closed}（年末未结 {g.open_at_end}）"
        )
        return [table, Paragraph(escape(check), self.styles["note"])]

    def _official_table(self) -> Flowable:
        table = self.view.table
        header = [
            "程序",
            "合计（件）",
            *(k.label for k in table.kinds),
            "罚没金额（万元）",
            "不予处罚",
            "减轻处罚",
        ]
        rows = [
            [
                row.label,
                str(row.cases),
                *(str(n) for n in row.by_kind),
                str(row.money_wan),
                str(row.no_penalty),
                str(row.reduced_penalty),
            ]
            for row in table.rows
        ]
        label, money = 13 * mm, 15 * mm
        rest = (self.frame_width - label - money) / (len(header) - 2)
        widths = [label, rest, *([rest] * len(table.kinds)), money, rest, rest]
        return self.table([header, *rows], widths, style="cell_small", numeric_from=1, padding=1.5)

    def _months(self) -> list[Flowable]:
        months = self.view.breakdown.months
        width = self.frame_width
        rows = [
            ("月份", "一般案件立案", "一般案件结案", "作出决定", "简易程序决定"),
            *(
                (f"{m.month}月", str(m.filed), str(m.closed), str(m.decided), str(m.simple_decided))
                for m in months
            ),
            (
                "合计",
                str(sum(m.filed for m in months)),
                str(sum(m.closed for m in months)),
                str(sum(m.decided for m in months)),
                str(sum(m.simple_decided for m in months)),
            ),
        ]
        return [
            monthly_chart(months, self.font, width),
            Spacer(1, 2 * mm),
            self.table(rows, [width / 5] * 5, style="cell_small", numeric_from=1),
        ]

    def _violations(self) -> list[Flowable]:
        b, width = self.view.breakdown, self.frame_width
        rows: list[tuple[str, ...]] = [
            ("序号", "违法行为类别", "立案（件）", "罚没金额（元，按决定）")
        ]
        for rank, v in enumerate(b.top_violations, start=1):
            rows.append(
                (str(rank), v.violation or "（未登记）", str(v.filed), _yuan(v.money_decided_fen))
            )
        other = b.other_violations
        if other.filed or other.money_decided_fen:
            rows.append(("", "其余类别", str(other.filed), _yuan(other.money_decided_fen)))
        every = [*b.top_violations, other]
        rows.append(
            (
                "",
                "合计",
                str(sum(v.filed for v in every)),
                _yuan(sum(v.money_decided_fen for v in every)),
            )
        )
        total_money = sum(v.money_decided_fen for v in every)
        return [
            violations_chart(b.top_violations, self.font, width),
            Spacer(1, 2 * mm),
            self.table(rows, (14 * mm, width - 84 * mm, 30 * mm, 40 * mm), numeric_from=2),
            Paragraph(
                escape(
                    "注：立案按本年立案日期计，罚没金额按本年决定日期计；"
                    f"罚没金额合计 {fen_to_wan_yuan(total_money)} 万元。"
                ),
                self.styles["note"],
            ),
        ]


def render_annual_totals(view: AnnualReportView) -> bytes:
    return AnnualTotalsReport(view).render()
