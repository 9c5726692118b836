"""The 违法建筑 list's view-model (``presenters.structure_list``): its cells, the filter by step,
the sort keys (dates as dates, steps in the sequence's order) and the row's colour state."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.cases.case_deadlines import Clock, ClockState
from chuansha_enforce.domain.demolition.structure_list import StructureRow, StructureState
from chuansha_enforce.presenters.structure_list import view_rows
from chuansha_enforce.services.structure_list_service import StructureList

D = dt.date
LATE = Clock("carry_out_from", D(2024, 3, 5), None, ClockState.OVERDUE)
SOON = Clock("demolition_deadline", D(2024, 12, 2), None, ClockState.DUE_SOON)
ROWS = (
    StructureRow("川执立〔2024〕9号", "张三", "川沙路1号", D(2024, 1, 10), D(2024, 2, 10),
                 StructureState.ANNOUNCED, LATE, False),
    StructureRow("川执立〔2024〕10号", "李四", "", D(2024, 11, 1), D(2024, 12, 2),
                 StructureState.ORDER_PERIOD, SOON, True),
    StructureRow("川执立〔2023〕3号", "王五", "华夏东路2号", D(2023, 5, 1), D(2023, 6, 1),
                 StructureState.REMOVED, None, False),
)  # fmt: skip
LISTING = StructureList(D(2024, 11, 27), ROWS)


def test_cells_in_both_languages() -> None:
    rows = view_rows(LISTING, "zh")
    assert rows[0].cells == ("川执立〔2024〕9号", "张三", "川沙路1号", "2024-01-10", "2024-02-10",
                             "已公告", "可实施强制拆除之日", "2024-03-05", "")  # fmt: skip
    assert rows[1].cells[6:] == ("拆除期限", "2024-12-02", "复议或诉讼未决，暂停执行")
    assert rows[2].cells[5:] == ("自行拆除", "", "", "")
    english = view_rows(LISTING, "en")
    assert english[1].cells[6:] == ("demolition deadline", "2024-12-02",
                                    "held: a review or lawsuit is pending")  # fmt: skip


def test_filter_sort_and_colour() -> None:
    assert [r.row.case_no for r in view_rows(LISTING, "zh", StructureState.REMOVED)] == [
        "川执立〔2023〕3号"
    ]
    rows = view_rows(LISTING, "zh")
    by_step = sorted(rows, key=lambda r: r.sort_key(5))
    assert [r.row.state for r in by_step] == [
        StructureState.ORDER_PERIOD,
        StructureState.ANNOUNCED,
        StructureState.REMOVED,
    ]
    by_deadline = sorted(rows, key=lambda r: r.sort_key(4))
    assert [r.cells[4] for r in by_deadline] == ["2023-06-01", "2024-02-10", "2024-12-02"]
    assert [r.flag for r in rows] == [ClockState.OVERDUE, ClockState.DUE_SOON, None]
