"""Charts of the annual report, drawn with reportlab.graphics in the embedded font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor

from chuansha_enforce.domain.reports.statistics_breakdown import MonthFigures, ViolationFigures

SERIES_COLOURS: tuple[Color, ...] = (HexColor("#8c2d2d"), HexColor("#d08c60"), HexColor("#6b8fb3"))


def _axis_step(top: int) -> int:
    """A round value step giving at most about six grid lines."""
    step = 1
    while top / step > 6:
        for factor in (2, 5, 10):
            if top / (step * factor) <= 6:
                return step * factor
        step *= 10
    return step


def monthly_chart(months: Sequence[MonthFigures], font: str, width: float) -> Drawing:
    """Filed, closed and simple decisions per month, as grouped bars."""
    height: float = 200.0
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # type: ignore[attr-defined]  # else Helvetica
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 42
    chart.width, chart.height = int(width - 50), int(height - 70)
    series = [
        [m.filed for m in months],
        [m.closed for m in months],
        [m.simple_decided for m in months],
    ]
    chart.data = series
    top = max((v for s in series for v in s), default=0)
    step = _axis_step(max(top, 1))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.valueAxis.visibleGrid = True
    chart.categoryAxis.categoryNames = [f"{m.month}月" for m in months]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.barSpacing = 1
    chart.groupSpacing = 4
    for index, colour in enumerate(SERIES_COLOURS):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, 14
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dx = legend.dy = 7
    legend.colorNamePairs = list(
        zip(SERIES_COLOURS, ("一般案件立案", "一般案件结案", "简易程序决定"), strict=True)
    )
    drawing.add(legend)
    drawing.add(String(0, height - 12, "各月案件数（件）", fontName=font, fontSize=8.5))
    return drawing


def violations_chart(rows: Sequence[ViolationFigures], font: str, width: float) -> Drawing:
    """Cases filed per violation category (the top ones), as horizontal bars."""
    bar_height: float = 15.0
    height = max(len(rows), 1) * bar_height + 40
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # type: ignore[attr-defined]  # else Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 18
    chart.width, chart.height = int(width - 170), int(height - 32)
    chart.data = [[r.filed for r in reversed(rows)] or [0]]
    top = max((r.filed for r in rows), default=0)
    step = _axis_step(max(top, 1))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-top // step) * step)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.categoryAxis.categoryNames = [r.violation or "（未登记）" for r in reversed(rows)] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.bars[0].fillColor = SERIES_COLOURS[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing
