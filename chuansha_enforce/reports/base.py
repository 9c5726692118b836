"""The base of every PDF: a template whose steps are named hooks (pretix-invoice style).

A report subclasses ``ReportTemplate`` and supplies ``story()``; it may override any hook:
``register_fonts``, ``make_styles``, ``page_frames``, ``draw_header``, ``draw_footer``.
The numbered canvas draws the footer after the whole document is laid out, so every page
can say “第 x 页 共 y 页”. Output is invariant (no random IDs or clock reads): the same
view-model gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from chuansha_enforce.reports.letterhead import Letterhead
from chuansha_enforce.resource_paths import font_path

__all__ = ["FONT", "Letterhead", "NumberedCanvas", "ReportTemplate", "cn_date", "register_font"]

FONT = "WenQuanYiMicroHei"
"""The embedded CJK font (TrueType outlines, subset into each PDF)."""

RULE_COLOUR = HexColor("#7a1f1f")
GREY = HexColor("#555555")
HEADER_FILL = HexColor("#efe7e1")


def register_font() -> str:
    """Register the bundled font once per process (reportlab keeps a global registry)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    return FONT


FooterDrawer = Callable[[Canvas, int, int], None]


class NumberedCanvas(Canvas):
    """Keeps each page until the end, then draws every footer knowing the page count."""

    def __init__(self, *args: Any, footer: FooterDrawer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._footer(self, number, total)
            super().showPage()
        super().save()


class ReportTemplate:
    """Page geometry, styles, header and footer; subclasses supply the story."""

    page_size: tuple[float, float] = A4
    margin_left = 20 * mm
    margin_right = 20 * mm
    margin_top = 30 * mm
    margin_bottom = 22 * mm

    def __init__(self, letterhead: Letterhead) -> None:
        self.letterhead = letterhead
        self.font = self.register_fonts()
        self.styles = self.make_styles()

    # -- hooks ------------------------------------------------------------------------------
    def register_fonts(self) -> str:
        return register_font()

    def make_styles(self) -> dict[str, ParagraphStyle]:
        font = self.font
        base = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
        return {
            "body": base,
            "title": ParagraphStyle(
                "title",
                parent=base,
                fontSize=18,
                leading=26,
                alignment=TA_CENTER,
                spaceAfter=4 * mm,
            ),
            "subtitle": ParagraphStyle(
                "subtitle",
                parent=base,
                fontSize=10,
                alignment=TA_CENTER,
                textColor=GREY,
                spaceAfter=4 * mm,
            ),
            "heading": ParagraphStyle(
                "heading",
                parent=base,
                fontSize=12.5,
                leading=18,
                spaceBefore=5 * mm,
                spaceAfter=2 * mm,
                textColor=RULE_COLOUR,
            ),
            "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12),
            "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=7, leading=9),
            "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=12.5, textColor=GREY),
        }

    def page_frames(self) -> list[Frame]:
        width, height = self.page_size
        return [
            Frame(
                self.margin_left,
                self.margin_bottom,
                width - self.margin_left - self.margin_right,
                height - self.margin_top - self.margin_bottom,
                id="body",
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )
        ]

    def draw_header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        width, height = self.page_size
        canvas.saveState()
        canvas.setFont(self.font, 12)
        canvas.setFillColor(RULE_COLOUR)
        canvas.drawCentredString(width / 2, height - 15 * mm, self.letterhead.organisation)
        canvas.setFont(self.font, 9)
        canvas.setFillColor(GREY)
        canvas.drawCentredString(width / 2, height - 20 * mm, self.letterhead.squad)
        canvas.setStrokeColor(RULE_COLOUR)
        canvas.setLineWidth(1.2)
        y = height - 23 * mm
        canvas.line(self.margin_left, y, width - self.margin_right, y)
        canvas.restoreState()

    def draw_footer(self, canvas: Canvas, page: int, total: int) -> None:
        width, _height = self.page_size
        canvas.saveState()
        canvas.setStrokeColor(GREY)
        canvas.setLineWidth(0.4)
        canvas.line(self.margin_left, 16 * mm, width - self.margin_right, 16 * mm)
        canvas.setFillColor(GREY)
        canvas.setFont(self.font, 8)
        canvas.drawString(self.margin_left, 12 * mm, f"生成时间：{self.letterhead.generated_at}")
        canvas.drawRightString(width - self.margin_right, 12 * mm, f"第 {page} 页 共 {total} 页")
        canvas.setFont(self.font, 6.5)
        canvas.drawString(self.margin_left, 8.5 * mm, f"审计链头：{self.letterhead.audit_head}")
        canvas.restoreState()

    def story(self) -> Sequence[Flowable]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------------------
    @property
    def frame_width(self) -> float:
        return self.page_size[0] - self.margin_left - self.margin_right

    def table(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header_rows: int = 1,
        style: str = "cell",
        numeric_from: int | None = None,
        padding: float = 4,
    ) -> Table:
        """A ruled table; text cells wrap, columns from ``numeric_from`` align right.

        A row taller than what is left of the page splits inside itself (``splitInRow``), so a
        3,000-character fact runs on over pages instead of failing the layout; a line break in
        free text stays a line break."""
        cell = self.styles[style]
        right = ParagraphStyle(f"{style}_right", parent=cell, alignment=TA_RIGHT)
        body = [
            [
                Paragraph(
                    escape(str(value)).replace("\n", "<br/>"),
                    right
                    if numeric_from is not None and c >= numeric_from and r >= header_rows
                    else cell,
                )
                for c, value in enumerate(row)
            ]
            for r, row in enumerate(rows)
        ]
        table = Table(
            body, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT", splitInRow=1
        )
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                    ("FONTNAME", (0, 0), (-1, -1), self.font),  # Table's default: Helvetica
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ]
                if header_rows
                else [
                    ("GRID", (0, 0), (-1, -1), 0.4, GREY),
                    ("FONTNAME", (0, 0), (-1, -1), self.font),  # Table's default: Helvetica
                    # a label stays beside the start of its value when a long value runs on
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                    ("LEFTPADDING", (0, 0), (-1, -1), padding),
                    ("RIGHTPADDING", (0, 0), (-1, -1), padding),
                ]
            )
        )
        return table

    def field_table(self, pairs: Sequence[tuple[str, object]], label_width: float) -> Table:
        """Label | value rows (a form-like block)."""
        rows = [(label, "" if value is None else value) for label, value in pairs]
        return self.table(rows, (label_width, self.frame_width - label_width), header_rows=0)

    # -- the template method ----------------------------------------------------------------
    def render(self) -> bytes:
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=self.page_size,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=self.letterhead.title,
            author=self.letterhead.squad,
            creator="chuansha-enforce",
            invariant=1,
            initialFontName=self.font,
        )
        doc.addPageTemplates(
            [PageTemplate(id="page", frames=self.page_frames(), onPage=self.draw_header)]
        )
        doc.build(list(self.story()), canvasmaker=partial(NumberedCanvas, footer=self.draw_footer))
        return buffer.getvalue()


def cn_date(day: dt.date | None) -> str:
    """``2025年3月5日``; an empty string for no date."""
    return "" if day is None else f"{day.year}年{day.month}月{day.day}日"
