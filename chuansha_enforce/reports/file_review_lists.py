"""The case-file review PDFs: the sample list (抽查案卷清单) and the rectification list
(评查问题整改清单). Both take a ready view-model; nothing is queried here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.file_review.file_review_records import (
    FindingRow,
    SampledFileRow,
    SampleRow,
)
from chuansha_enforce.domain.file_review.file_review_sampling import Stratify
from chuansha_enforce.domain.file_review.file_review_scoring import Grade, ItemKind
from chuansha_enforce.reports.base import Letterhead, ReportTemplate


@dataclass(frozen=True, slots=True)
class SampleListView:
    letterhead: Letterhead
    sample: SampleRow
    files: tuple[SampledFileRow, ...]


@dataclass(frozen=True, slots=True)
class RectificationListView:
    letterhead: Letterhead
    sample: SampleRow
    defects: tuple[FindingRow, ...]


def _rule_lines(sample: SampleRow) -> list[tuple[str, object]]:
    rule = sample.rule
    size = f"{rule['count']} 件" if rule.get("count") is not None else f"{rule.get('percent')}%"
    return [
        ("评查年度", f"{sample.year} 年"),
        ("抽样总体", f"{rule.get('population', '')}，共 {sample.population} 件"),
        ("样本量", f"{size}（实抽 {sample.files} 件）"),
        ("分层", Stratify(str(rule.get("stratify", "none"))).label),
        ("随机种子", sample.seed),
        ("抽取方法", f"按随机种子 {sample.seed} 抽取，同一数据、同一种子结果相同"),
        ("抽取人、时间", f"{sample.drawn_by}  {china_time(sample.drawn_at)}"),
    ]


class SampleListReport(ReportTemplate):
    def __init__(self, view: SampleListView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        view = self.view
        s = self.styles
        graded = [f for f in view.files if f.grade is not None]
        counts = {g: sum(1 for f in graded if f.grade == g.value) for g in Grade}
        rows: list[Sequence[object]] = [
            ("序号", "案卷编号", "当事人", "分层", "得分", "等次", "问题")
        ]
        rows.extend(
            (
                f.position,
                f.file_no,
                f.party_name,
                f.stratum,
                "" if f.total is None else f.total,
                "未评" if f.grade is None else Grade(f.grade).label,
                "" if f.scored_at is None else f"{f.defects}（未整改 {f.open_defects}）",
            )
            for f in view.files
        )
        w = self.frame_width
        summary = "；".join(f"{g.label} {counts[g]} 件" for g in Grade)
        return [
            Paragraph(escape(view.letterhead.title), s["title"]),
            Paragraph(f"第 {view.sample.id} 批", s["subtitle"]),
            self.field_table(_rule_lines(view.sample), 30 * mm),
            Spacer(1, 4 * mm),
            self.table(rows, (10 * mm, 40 * mm, 40 * mm, 32 * mm, 12 * mm, 14 * mm, w - 148 * mm)),
            Spacer(1, 3 * mm),
            Paragraph(
                escape(
                    f"已评 {len(graded)} 件，未评 {len(view.files) - len(graded)} 件：{summary}。"
                ),
                s["body"],
            ),
            Paragraph(
                "同一数据、同一随机种子和规则，在任何数据库中抽得同一批案卷："
                "每件案卷按 SHA-256(种子|案卷编号) 排序，取最小者；分层时各层按总体比例"
                "（最大余数法）分配件数。",
                s["note"],
            ),
        ]


class RectificationListReport(ReportTemplate):
    def __init__(self, view: RectificationListView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        view = self.view
        s = self.styles
        rows: list[Sequence[object]] = [("序号", "案卷编号", "问题", "扣分", "说明", "整改情况")]
        for number, d in enumerate(view.defects, start=1):
            cost = "否决" if d.kind == ItemKind.VETO.value else f"-{d.points}"
            state = (
                "未整改"
                if d.rectified_on is None
                else f"{d.rectified_on} 已整改：{d.rectification or ''}"
            )
            rows.append((number, d.file_no, d.item_label, cost, d.note, state))
        open_count = sum(1 for d in view.defects if d.rectified_on is None)
        w = self.frame_width
        story: list[Flowable] = [
            Paragraph(escape(view.letterhead.title), s["title"]),
            Paragraph(
                escape(
                    f"{view.sample.year} 年第 {view.sample.id} 批抽查："
                    f"问题 {len(view.defects)} 处，"
                    f"已整改 {len(view.defects) - open_count} 处，未整改 {open_count} 处"
                ),
                s["subtitle"],
            ),
        ]
        if view.defects:
            story.append(
                self.table(rows, (10 * mm, 42 * mm, 38 * mm, 12 * mm, 30 * mm, w - 132 * mm))
            )
        else:
            story.append(Paragraph("本批抽查未发现问题。", s["body"]))
        return story


def render_sample_list(view: SampleListView) -> bytes:
    return SampleListReport(view).render()


def render_rectification_list(view: RectificationListView) -> bytes:
    return RectificationListReport(view).render()
