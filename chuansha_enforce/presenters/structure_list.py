"""The 违法建筑 list as the window shows and prints it: one row of text cells per structure
(its state, the next clock by name with its due day, a hold), with the row's colour state and
a sort key per column. The rules are ``domain.structure_list``; the window and the PDF print
the same cells."""

from __future__ import annotations

from dataclasses import dataclass

from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.demolition.structure_list import StructureRow, StructureState
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.structure_list_service import StructureList

COLUMNS = 9
"""案件编号, 当事人, 地点, 决定日期, 拆除期限, 当前步骤, 下一期限, 到期日, 复议诉讼."""


@dataclass(frozen=True, slots=True)
class StructureViewRow:
    row: StructureRow
    cells: tuple[str, ...]

    @property
    def flag(self) -> ClockState | None:
        return self.row.flag

    def sort_key(self, column: int) -> tuple[object, ...]:
        """Dates sort as dates, the state in the sequence's order, the rest as shown."""
        row = self.row
        if column == 3:
            key: object = row.ordered_on
        elif column == 4:
            key = row.deadline
        elif column == 5:
            key = list(StructureState).index(row.state)
        elif column == 7:
            key = "" if row.next_clock is None else row.next_clock.due.isoformat()
        else:
            key = self.cells[column]
        return (key, row.case_no)


def view_row(row: StructureRow, lang: Lang) -> StructureViewRow:
    clock = row.next_clock
    cells = (
        row.case_no,
        row.party,
        row.place,
        row.ordered_on.isoformat(),
        row.deadline.isoformat(),
        row.state.label,
        "" if clock is None else render(f"clock.{clock.name}", None, lang),
        "" if clock is None else clock.due.isoformat(),
        render("structure.held", None, lang) if row.held else "",
    )
    return StructureViewRow(row, cells)


def view_rows(
    listing: StructureList, lang: Lang, state: StructureState | None = None
) -> list[StructureViewRow]:
    """The rows of ``listing`` (those in ``state`` only, when given), in its order."""
    return [view_row(r, lang) for r in listing.rows if state is None or r.state is state]
