"""Sampling of case files for review: reproducible, seed-dependent, proportional strata."""

from __future__ import annotations

import hashlib
import random
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_sampling import (
    Candidate,
    SampleRule,
    Stratify,
    draw,
    quotas,
    sample_size,
)


def _population(n: int, strata: dict[str, int] | None = None) -> list[Candidate]:
    if strata is None:
        return [Candidate(f"川执立〔2025〕{i:06d}号", "占道设摊") for i in range(1, n + 1)]
    files: list[Candidate] = []
    number = 0
    for name, size in strata.items():
        for _ in range(size):
            number += 1
            files.append(Candidate(f"川执立〔2025〕{number:06d}号", name))
    return files


def _numbers(files: list[Candidate]) -> list[str]:
    return [f.file_no for f in files]


def test_the_draw_does_not_depend_on_the_order_of_the_population() -> None:
    population = _population(300)
    shuffled = population[:]
    random.Random(1).shuffle(shuffled)
    rule = SampleRule(year=2025, seed=20251231, count=50)
    assert _numbers(draw(population, rule)) == _numbers(draw(shuffled, rule))
    assert len(set(_numbers(draw(population, rule)))) == 50


def test_different_seeds_give_different_samples() -> None:
    population = _population(300)
    first = set(_numbers(draw(population, SampleRule(year=2025, seed=1, count=50))))
    second = set(_numbers(draw(population, SampleRule(year=2025, seed=2, count=50))))
    assert first != second
    assert first <= set(_numbers(population))


def test_a_known_draw_stays_the_same() -> None:
    """Pins the ranking: SHA-256 of "seed|number", lowest first. A changed rank would
    silently change every stored sample, so this is spelled out here once more."""
    population = _population(20)
    expected = sorted(
        population, key=lambda c: hashlib.sha256(f"42|{c.file_no}".encode()).hexdigest()
    )[:3]
    assert _numbers(draw(population, SampleRule(year=2025, seed=42, count=3))) == _numbers(expected)


@pytest.mark.parametrize(
    ("strata", "n", "expected"),
    [
        ({"甲": 60, "乙": 30, "丙": 10}, 10, {"甲": 6, "乙": 3, "丙": 1}),
        ({"甲": 50, "乙": 50}, 7, {"甲": 3, "乙": 4}),  # equal remainders: by name (乙 < 甲)
        ({"甲": 1, "乙": 1, "丙": 98}, 10, {"甲": 0, "乙": 0, "丙": 10}),
        ({"甲": 34, "乙": 33, "丙": 33}, 3, {"甲": 1, "乙": 1, "丙": 1}),
    ],
)
def test_quotas_by_largest_remainder(
    strata: dict[str, int], n: int, expected: dict[str, int]
) -> None:
    assert quotas(strata, n) == expected


def test_stratified_samples_keep_their_proportions() -> None:
    population = _population(0, {"占道设摊": 120, "渣土运输": 60, "违法搭建": 20})
    rule = SampleRule(year=2025, seed=9, count=20, stratify=Stratify.VIOLATION)
    chosen = draw(population, rule)
    assert Counter(c.stratum for c in chosen) == {"占道设摊": 12, "渣土运输": 6, "违法搭建": 2}


@given(
    sizes=st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=6),
    n=st.integers(min_value=1, max_value=60),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_any_stratified_draw_is_proportional_within_one(
    sizes: list[int], n: int, seed: int
) -> None:
    strata = {f"类{i}": size for i, size in enumerate(sizes)}
    population = _population(0, strata)
    rule = SampleRule(year=2025, seed=seed, count=n, stratify=Stratify.VIOLATION)
    chosen = draw(population, rule)
    total = sum(sizes)
    assert len(chosen) == min(n, total)
    counts = Counter(c.stratum for c in chosen)
    for name, size in strata.items():
        exact = len(chosen) * size / total
        assert abs(counts.get(name, 0) - exact) < 1
        assert counts.get(name, 0) <= size


@pytest.mark.parametrize(
    ("population", "percent", "expected"),
    [(200, 25, 50), (10, 15, 2), (10, 14, 1), (3, 1, 1), (7, 100, 7), (0, 50, 0)],
)
def test_percentages_round_half_up_and_draw_at_least_one(
    population: int, percent: int, expected: int
) -> None:
    assert sample_size(population, SampleRule(year=2025, seed=1, percent=percent)) == expected


def test_a_count_larger_than_the_population_takes_every_file() -> None:
    assert len(draw(_population(5), SampleRule(year=2025, seed=3, count=50))) == 5


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({}, "count"),
        ({"count": 5, "percent": 10}, "count"),
        ({"count": 0}, "count"),
        ({"percent": 0}, "percent"),
        ({"percent": 101}, "percent"),
        ({"count": 5, "seed": -1}, "seed"),
    ],
)
def test_bad_rules_are_refused_naming_the_field(kwargs: dict[str, int], field: str) -> None:
    arguments: dict[str, int] = {"seed": 1, **kwargs}
    with pytest.raises(DomainError) as caught:
        SampleRule(year=2025, **arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
