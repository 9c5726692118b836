"""Discretion benchmarks (自由裁量基准, DOMAIN §17) and 一事不再罚 (APL 29).

Each violation of the catalogue has a statutory fine range (the penalty provision) and, inside
it, a benchmark range per circumstance (情节). The statutory range bounds everything: above its
maximum is never lawful; 从轻 and 从重 stay inside it; only 减轻 goes below its minimum, with the
APL 32 reason, and then the case is major (DOMAIN §3, ``reduced_penalty``). A fine outside the
benchmark's range but inside the statutory one needs the recorded deviation in the right
direction, with its reason.

The program ships a default table for §11's violations (``DEFAULT_BENCHMARKS``): the statutory
ranges of §11 split into four circumstances. An administrator imports or edits the official
table (the 裁量基准 sheet); a row there replaces the default of its violation and circumstance
from its effective date on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from chuansha_enforce.domain.cases.violation_catalogue import catalogue_name
from chuansha_enforce.domain.enums import LabelledEnum
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.text_input import clean_fields


class Deviation(LabelledEnum):
    """A fine outside the benchmark's range, and which way (APL 32)."""

    LIGHTER = "lighter", "从轻"
    MITIGATED = "mitigated", "减轻"
    HEAVIER = "heavier", "从重"


@dataclass(frozen=True, slots=True)
class Benchmark:
    """One row of the table: a violation's circumstance with its fine range (fen)."""

    violation: str
    basis: str
    circumstance: str
    statutory_min_fen: int
    statutory_max_fen: int
    min_fen: int
    max_fen: int
    source: str
    effective_on: dt.date

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class DiscretionChoice:
    """What the clerk records beside a fine: the circumstance and any deviation with its reason."""

    circumstance: str | None = None
    deviation: Deviation | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self)


CIRCUMSTANCES: Final = ("轻微", "一般", "较重", "严重")
DEFAULT_SOURCE: Final = "程序内置默认值（按法定幅度四档划分；请导入正式裁量基准）"
DEFAULT_FROM: Final = dt.date(2000, 1, 1)
_SHARES: Final = (0, 10, 40, 70, 100)  # per cent of the statutory range where each band ends

_STATUTORY: Final[dict[str, tuple[str, int, int]]] = {
    # DOMAIN §11: violation → penalty provision, statutory range in 元
    "超出门窗和外墙经营": ("《上海市市容环境卫生管理条例》第二十五条第五项", 50, 500),
    "占道设摊": ("《上海市市容环境卫生管理条例》第二十五条第二项", 50, 500),
    "擅自占用道路堆放物品": ("《上海市市容环境卫生管理条例》第二十五条第三项", 500, 5_000),
    "未按批准要求设置户外广告": ("《上海市市容环境卫生管理条例》第二十条第二项", 5_000, 50_000),
    "未按批准要求设置招牌、灯箱": ("《上海市市容环境卫生管理条例》第二十条第二项", 500, 5_000),
    "乱张贴、乱涂写": ("《上海市市容环境卫生管理条例》第二十四条", 50, 500),
    "运输渣土未密闭": ("《上海市市容环境卫生管理条例》第二十七条第二项", 1_000, 10_000),
    "工地未设封闭围栏": ("《上海市市容环境卫生管理条例》第三十三条", 3_000, 30_000),
    "擅自倾倒建筑垃圾、工程渣土": ("《上海市市容环境卫生管理条例》第四十四条第四项", 5_000, 50_000),
    "单位未分类投放生活垃圾": ("《上海市生活垃圾管理条例》第五十七条第一款", 5_000, 50_000),
    "个人混合投放生活垃圾": ("《上海市生活垃圾管理条例》第五十七条第二款", 50, 200),
    "物业管理区域内违法搭建": ("《上海市住宅物业管理规定》第八十四条", 10_000, 100_000),
    "夜间违规施工": ("《中华人民共和国噪声污染防治法》第七十七条", 10_000, 100_000),
    "宠物粪便未即时清除": ("《上海市市容环境卫生管理条例》第三十六条第三项", 20, 200),
}


def _bands(low_yuan: int, high_yuan: int) -> list[tuple[int, int]]:
    """Four bands of the statutory range, their limits rounded to 10 元 (1 元 when narrow)."""
    step = 10 if high_yuan - low_yuan >= 300 else 1
    edges = [
        low_yuan + round((high_yuan - low_yuan) * share / 100 / step) * step for share in _SHARES
    ]
    return [(edges[i] * 100, edges[i + 1] * 100) for i in range(4)]


DEFAULT_BENCHMARKS: Final[tuple[Benchmark, ...]] = tuple(
    Benchmark(
        violation, basis, circumstance, low * 100, high * 100, lo, hi, DEFAULT_SOURCE, DEFAULT_FROM
    )
    for violation, (basis, low, high) in _STATUTORY.items()
    for circumstance, (lo, hi) in zip(CIRCUMSTANCES, _bands(low, high), strict=True)
)


def check_benchmark(row: Benchmark) -> None:
    """A row as an administrator imports or edits it."""
    if not 0 <= row.statutory_min_fen <= row.statutory_max_fen:
        raise DomainError("discretion.statutory_range", "statutory_max")
    if not row.statutory_min_fen <= row.min_fen <= row.max_fen <= row.statutory_max_fen:
        raise DomainError("discretion.band_outside", "benchmark_max")
    for text, field in ((row.violation, "violation"), (row.circumstance, "circumstance")):
        if not text.strip():
            raise DomainError("value.required", field)


def benchmark_in_force(
    rows: Iterable[Benchmark], violation: str, circumstance: str, on: dt.date
) -> Benchmark | None:
    """The row for the violation and circumstance in force on ``on``: the latest effective
    date not after it; the shipped default when the table has none."""
    found = [
        r
        for r in _of_violation(rows, violation)
        if r.circumstance == circumstance and r.effective_on <= on
    ]
    return max(found, key=_effective_on, default=None)


def statutory_range(rows: Sequence[Benchmark], violation: str, on: dt.date) -> Benchmark | None:
    """Any row of the violation in force on ``on`` (they share the statutory range)."""
    found = [r for r in _of_violation(rows, violation) if r.effective_on <= on]
    return max(found, key=_effective_on, default=None)


def _effective_on(row: Benchmark) -> dt.date:
    return row.effective_on


_DEFAULTS_OF: Final = {
    name: tuple(r for r in DEFAULT_BENCHMARKS if r.violation == name)
    for name in dict.fromkeys(r.violation for r in DEFAULT_BENCHMARKS)
}
"""The shipped rows by violation, in their order."""


def _of_violation(rows: Iterable[Benchmark], violation: str) -> list[Benchmark]:
    """The shipped rows of ``violation`` then those of ``rows``, each in its order."""
    return [*_DEFAULTS_OF.get(violation, ()), *(r for r in rows if r.violation == violation)]


def _yuan(fen: int) -> str:
    return format_fen(fen)


def check_discretion(
    fine_fen: int,
    choice: DiscretionChoice,
    statutory: Benchmark | None,
    band: Benchmark | None,
) -> None:
    """The fine against the statutory range and the benchmark band (DOMAIN §17).

    ``statutory`` is any row of the violation (None: not in the table, nothing to check);
    ``band`` the row of the chosen circumstance (None when none was chosen)."""
    deviation, reason = choice.deviation, (choice.reason or "").strip()
    if deviation is not None and not reason:
        raise DomainError("discretion.reason_required", "deviation_reason")
    if statutory is None:
        if deviation is not None and deviation is not Deviation.MITIGATED:
            raise DomainError("discretion.no_benchmark", "deviation")
        return
    low, high = statutory.statutory_min_fen, statutory.statutory_max_fen
    params = {"low": _yuan(low), "high": _yuan(high), "fine": _yuan(fine_fen)}
    if fine_fen > high:
        raise DomainError("discretion.above_statutory", "fine", params)
    if fine_fen < low:
        if deviation is not Deviation.MITIGATED:
            raise DomainError("discretion.below_statutory", "fine", params)
        return
    if deviation is Deviation.MITIGATED:
        raise DomainError("discretion.mitigated_inside", "deviation", params)
    if band is None:
        if choice.circumstance:
            raise DomainError("discretion.unknown_circumstance", "circumstance",
                              {"circumstance": choice.circumstance})  # fmt: skip
        return
    band_params = {**params, "circumstance": band.circumstance, "band_low": _yuan(band.min_fen),
                   "band_high": _yuan(band.max_fen)}  # fmt: skip
    if fine_fen < band.min_fen and deviation is not Deviation.LIGHTER:
        raise DomainError("discretion.below_band", "fine", band_params)
    if fine_fen > band.max_fen and deviation is not Deviation.HEAVIER:
        raise DomainError("discretion.above_band", "fine", band_params)
    if band.min_fen <= fine_fen <= band.max_fen and deviation is not None:
        raise DomainError("discretion.inside_band", "deviation", band_params)


@dataclass(frozen=True, slots=True)
class EarlierFine:
    """A decided fine the same party already has for the same violation (APL 29)."""

    case_no: str
    violation_on: dt.date | None
    location: str | None
    violation: str | None


def same_act(
    earlier: Iterable[EarlierFine],
    violation: str | None,
    violation_on: dt.date | None,
    location: str | None,
) -> EarlierFine | None:
    """一事不再罚: the earlier fine for the same act — the same catalogue violation on the same
    date at the same place (all known)."""
    name = catalogue_name(violation)
    if violation_on is None or name is None:
        return None
    place = (location or "").strip()
    for e in earlier:
        if (
            e.violation_on == violation_on
            and (e.location or "").strip() == place
            and catalogue_name(e.violation) == name
        ):
            return e
    return None


def repeats(
    earlier: Iterable[EarlierFine],
    violation: str | None,
    violation_on: dt.date | None,
    location: str | None,
) -> tuple[EarlierFine, ...]:
    """A repeat (DOMAIN §17): the party's earlier fines for the same catalogue violation that
    are not the same act (another act date or place). Accepted, warned; it may weigh as 从重."""
    name = catalogue_name(violation)
    if name is None:
        return ()
    fines = tuple(earlier)
    same = same_act(fines, violation, violation_on, location)
    return tuple(e for e in fines if catalogue_name(e.violation) == name and e is not same)


def taken_over(
    given: DiscretionChoice | None, at_notice: DiscretionChoice | None
) -> DiscretionChoice:
    """The decision's circumstance and deviation: as given, else as recorded at the 告知."""
    if given is not None and (given.circumstance or given.deviation):
        return given
    return at_notice or given or DiscretionChoice()


def check_fine(
    rows: Sequence[Benchmark],
    violation: str | None,
    fine_fen: int,
    choice: DiscretionChoice,
    on: dt.date,
    *,
    required: bool,
) -> None:
    """A fine (proposed or decided) against the benchmark in force on ``on``: consulted once
    a circumstance or deviation is recorded; with ``required`` (the ``discretion_required``
    setting) the circumstance is required for a violation the table covers (DOMAIN §17).
    The decision step and the ledger import both ask this."""
    name = catalogue_name(violation) or (violation or "").strip() or None
    statutory = statutory_range(rows, name, on) if name else None
    circumstance_required(choice, statutory, required=required)
    if not (choice.circumstance or choice.deviation):
        return
    band = (
        benchmark_in_force(rows, name, choice.circumstance, on)
        if name and choice.circumstance
        else None
    )
    check_discretion(fine_fen, choice, statutory, band)


def circumstance_required(
    choice: DiscretionChoice, statutory: Benchmark | None, *, required: bool
) -> None:
    """With ``discretion_required`` set, a fine for a violation the benchmark table covers
    needs its circumstance (情节)."""
    if required and statutory is not None and not choice.circumstance:
        raise DomainError(
            "discretion.circumstance_required",
            "circumstance",
            {"violation": statutory.violation, "choices": "、".join(CIRCUMSTANCES)},
        )
