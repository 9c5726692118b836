"""Discretion benchmarks (DOMAIN §17): the shipped bands and the checks, with literal answers."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.discretion import (
    DEFAULT_BENCHMARKS,
    Benchmark,
    Deviation,
    DiscretionChoice,
    EarlierFine,
    benchmark_in_force,
    check_benchmark,
    check_discretion,
    same_act,
    statutory_range,
)
from chuansha_enforce.domain.errors import DomainError

D = dt.date
STALL = "占道设摊"


def test_the_shipped_bands_of_two_violations() -> None:
    bands = {
        (b.violation, b.circumstance):
            (b.min_fen, b.max_fen, b.statutory_min_fen, b.statutory_max_fen)
        for b in DEFAULT_BENCHMARKS
    }  # fmt: skip
    assert [bands[(STALL, c)] for c in ("轻微", "一般", "较重", "严重")] == [
        (5_000, 9_000, 5_000, 50_000),
        (9_000, 23_000, 5_000, 50_000),
        (23_000, 37_000, 5_000, 50_000),
        (37_000, 50_000, 5_000, 50_000),
    ]
    assert [bands[("个人混合投放生活垃圾", c)][:2] for c in ("轻微", "一般", "较重", "严重")] == [
        (5_000, 6_500), (6_500, 11_000), (11_000, 15_500), (15_500, 20_000),
    ]  # fmt: skip
    assert len(DEFAULT_BENCHMARKS) == 14 * 4  # §11's violations with a fine, four bands each


ON = D(2024, 6, 1)
GENERAL = benchmark_in_force((), STALL, "一般", ON)  # 90–230 元 inside 50–500 元
STATUTORY = statutory_range((), STALL, ON)


@pytest.mark.parametrize(
    ("fine_fen", "deviation", "code"),
    [
        (9_000, None, None),  # the band's lower limit
        (8_999, None, "discretion.below_band"),  # one fen under it
        (8_999, Deviation.LIGHTER, None),
        (23_000, None, None),  # the band's upper limit
        (23_001, None, "discretion.above_band"),
        (23_001, Deviation.LIGHTER, "discretion.above_band"),  # the wrong way
        (23_001, Deviation.HEAVIER, None),
        (50_000, Deviation.HEAVIER, None),  # the statutory maximum
        (50_001, Deviation.HEAVIER, "discretion.above_statutory"),
        (50_001, Deviation.MITIGATED, "discretion.above_statutory"),
        (5_000, Deviation.LIGHTER, None),  # the statutory minimum
        (4_999, Deviation.LIGHTER, "discretion.below_statutory"),
        (4_999, Deviation.MITIGATED, None),
        (20_000, Deviation.MITIGATED, "discretion.mitigated_inside"),
        (20_000, Deviation.HEAVIER, "discretion.inside_band"),
    ],
)
def test_a_fine_against_the_band_and_the_statutory_range(
    fine_fen: int, deviation: Deviation | None, code: str | None
) -> None:
    choice = DiscretionChoice("一般", deviation, "理由" if deviation else None)
    if code is None:
        check_discretion(fine_fen, choice, STATUTORY, GENERAL)
    else:
        with pytest.raises(DomainError) as refused:
            check_discretion(fine_fen, choice, STATUTORY, GENERAL)
        assert refused.value.code == code


def test_a_deviation_needs_its_reason() -> None:
    with pytest.raises(DomainError) as refused:
        check_discretion(
            30_000, DiscretionChoice("一般", Deviation.HEAVIER, " "), STATUTORY, GENERAL
        )
    assert refused.value.code == "discretion.reason_required"


def test_an_imported_row_replaces_the_default_from_its_date() -> None:
    imported = Benchmark(STALL, "条例", "一般", 5_000, 50_000, 10_000, 20_000,
                         "沪城管规〔2025〕2号", D(2025, 3, 1))  # fmt: skip
    before = benchmark_in_force([imported], STALL, "一般", D(2025, 2, 28))
    after = benchmark_in_force([imported], STALL, "一般", D(2025, 3, 1))
    assert (before and before.min_fen, after and after.min_fen) == (9_000, 10_000)
    assert benchmark_in_force([imported], STALL, "特别严重", D(2025, 3, 1)) is None
    with pytest.raises(DomainError) as refused:
        check_benchmark(Benchmark(STALL, "条例", "一般", 5_000, 50_000, 4_000, 20_000, "", ON))
    assert refused.value.code == "discretion.band_outside"


def test_the_same_act_is_fined_once() -> None:
    earlier = [EarlierFine("川执立〔2024〕1号", D(2024, 5, 1), "川沙路100号", "占道设摊")]
    assert same_act(earlier, "占道经营", D(2024, 5, 1), " 川沙路100号") == earlier[0]
    assert same_act(earlier, "占道设摊", D(2024, 5, 2), "川沙路100号") is None  # a repeat
    assert same_act(earlier, "乱张贴", D(2024, 5, 1), "川沙路100号") is None
    assert same_act(earlier, "占道设摊", None, "川沙路100号") is None
