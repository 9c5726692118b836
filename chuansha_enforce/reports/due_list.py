"""The due list as a PDF (待办事项清单): the clerk's morning list, printed as on screen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from chuansha_enforce.domain.after_decision.due_list import DueItem, DueList
from chuansha_enforce.reports.base import Letterhead, ReportTemplate


@dataclass(frozen=True, slots=True)
class DueListView:
    letterhead: Letterhead
    listing: DueList
    items: tuple[DueItem, ...]  # in the order shown on screen


def state_text(item: DueItem) -> str:
    """已逾期 N 个工作日 / 今日到期 / 剩 N 个工作日."""
    if item.overdue:
        return f"已逾期{-item.working_days_left}个工作日" if item.working_days_left else "已逾期"
    if item.working_days_left == 0:
        return "今日到期"
    return f"剩{item.working_days_left}个工作日"


class DueListReport(ReportTemplate):
    def __init__(self, view: DueListView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        s = self.styles
        listing = self.view.listing
        rows: list[Sequence[object]] = [("序号", "到期日", "状态", "事项", "案件编号", "当事人")]
        rows.extend(
            (n, i.due.isoformat(), state_text(i), i.kind.label, i.reference, i.party)
            for n, i in enumerate(self.view.items, start=1)
        )
        w = self.frame_width
        late = sum(1 for i in self.view.items if i.overdue)
        summary = (
            f"截至 {listing.as_of.isoformat()}，{listing.days} 个工作日内（至"
            f" {listing.until.isoformat()}）到期及已逾期事项共 {len(self.view.items)} 项，"
            f"其中已逾期 {late} 项"
        )
        return [
            Paragraph(escape(self.view.letterhead.title), s["title"]),
            Paragraph(escape(summary), s["subtitle"]),
            Spacer(1, 3 * mm),
            self.table(rows, (10 * mm, 22 * mm, 32 * mm, 24 * mm, 44 * mm, w - 132 * mm)),
        ]


def render_due_list(view: DueListView) -> bytes:
    return DueListReport(view).render()
