"""The annual report's breakdowns, beside the ``stats`` figures they extend.

Month by month, the top violation categories, and the official 行政处罚实施情况统计表 built
from ``AnnualFigures`` itself (so the table and ``stats --json`` cannot disagree):
one column per penalty kind, each decision counted once under its heaviest kind,
罚没金额 in 万元 rounded once per cell from the exact fen total (``money.ROUNDING``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from chuansha_enforce.domain.enums import PenaltyKind
from chuansha_enforce.domain.money import fen_to_wan_yuan
from chuansha_enforce.domain.reports.statistics import AnnualFigures

MONTHS = 12
TOP_VIOLATIONS = 10


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: int
    filed: int
    closed: int
    decided: int
    simple_decided: int


@dataclass(frozen=True, slots=True)
class ViolationFigures:
    """General cases of one violation category: filed in the year, money decided in it."""

    violation: str | None  # None: category not recorded
    filed: int
    money_decided_fen: int


@dataclass(frozen=True, slots=True)
class AnnualBreakdown:
    year: int
    months: tuple[MonthFigures, ...]
    top_violations: tuple[ViolationFigures, ...]
    other_violations: ViolationFigures
    """Every category below the top ones, summed (so the rows add up to ``filed``)."""
    reduced_penalty: int
    """Penalty decisions in the year with a reduced penalty (减轻处罚)."""


@dataclass(frozen=True, slots=True)
class OfficialRow:
    label: str
    by_kind: tuple[int, ...]  # aligned with ``PenaltyKind`` order
    cases: int
    money_fen: int
    no_penalty: int
    reduced_penalty: int

    @property
    def money_wan(self) -> Decimal:
        return fen_to_wan_yuan(self.money_fen)


@dataclass(frozen=True, slots=True)
class OfficialTable:
    kinds: tuple[PenaltyKind, ...]
    rows: tuple[OfficialRow, ...]  # 一般程序, 简易程序, 合计


def official_table(figures: AnnualFigures, reduced_penalty: int) -> OfficialTable:
    """行政处罚实施情况统计表 from the annual figures (general and simple apart, then 合计)."""
    kinds = tuple(PenaltyKind)
    general_counts = tuple(figures.by_kind[k].cases if k in figures.by_kind else 0 for k in kinds)
    general = OfficialRow(
        label="一般程序",
        by_kind=general_counts,
        cases=sum(general_counts),
        money_fen=sum(f.money_fen for f in figures.by_kind.values()),
        no_penalty=figures.general.no_penalty,
        reduced_penalty=reduced_penalty,
    )
    simple_fines = figures.simple.decided - figures.simple.warnings
    simple_counts = tuple(
        figures.simple.warnings
        if k is PenaltyKind.WARNING
        else simple_fines
        if k is PenaltyKind.FINE
        else 0
        for k in kinds
    )
    simple = OfficialRow(
        label="简易程序",
        by_kind=simple_counts,
        cases=figures.simple.decided,
        money_fen=figures.simple.fines_decided_fen,
        no_penalty=0,
        reduced_penalty=0,
    )
    total = OfficialRow(
        label="合计",
        by_kind=tuple(a + b for a, b in zip(general_counts, simple_counts, strict=True)),
        cases=general.cases + simple.cases,
        money_fen=general.money_fen + simple.money_fen,
        no_penalty=general.no_penalty,
        reduced_penalty=general.reduced_penalty,
    )
    return OfficialTable(kinds, (general, simple, total))


def rank_violations(
    filed: dict[str | None, int], money: dict[str | None, int], top: int = TOP_VIOLATIONS
) -> tuple[tuple[ViolationFigures, ...], ViolationFigures]:
    """The ``top`` categories by cases filed (ties by name), and the rest summed."""
    names = sorted(set(filed) | set(money), key=lambda n: (-filed.get(n, 0), n or "\uffff"))
    rows = [ViolationFigures(n, filed.get(n, 0), money.get(n, 0)) for n in names]
    head = tuple(r for r in rows[:top] if r.filed or r.money_decided_fen)
    rest = rows[top:]
    other = ViolationFigures(
        None, sum(r.filed for r in rest), sum(r.money_decided_fen for r in rest)
    )
    return head, other
