"""The 违法建筑 list as a PDF (违法建筑清单): the rows as the window shows them, in its order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from chuansha_enforce.reports.base import Letterhead, ReportTemplate

HEADINGS = ("序号", "案件编号", "当事人", "地点", "决定日期", "拆除期限", "当前步骤", "下一期限",
            "到期日", "复议诉讼")  # fmt: skip


@dataclass(frozen=True, slots=True)
class StructureListView:
    letterhead: Letterhead
    as_of: dt.date
    rows: tuple[tuple[str, ...], ...]  # the window's cells, in its order


class StructureListReport(ReportTemplate):
    page_size = landscape(A4)

    def __init__(self, view: StructureListView) -> None:
        super().__init__(view.letterhead)
        self.view = view

    def story(self) -> Sequence[Flowable]:
        s = self.styles
        rows: list[Sequence[object]] = [HEADINGS]
        rows.extend((n, *cells) for n, cells in enumerate(self.view.rows, start=1))
        w = self.frame_width
        widths = (10 * mm, 38 * mm, 24 * mm, 0.0, 20 * mm, 20 * mm, 32 * mm, 30 * mm, 20 * mm,
                  26 * mm)  # fmt: skip
        place = w - sum(widths)
        summary = (
            f"截至 {self.view.as_of.isoformat()}，责令限期拆除的违法建筑共 {len(self.view.rows)} 处"
        )
        return [
            Paragraph(escape(self.view.letterhead.title), s["title"]),
            Paragraph(escape(summary), s["subtitle"]),
            Spacer(1, 3 * mm),
            self.table(rows, tuple(place if x == 0.0 else x for x in widths)),
        ]


def render_structure_list(view: StructureListView) -> bytes:
    return StructureListReport(view).render()
