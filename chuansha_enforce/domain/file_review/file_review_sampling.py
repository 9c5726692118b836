"""Reproducible sampling of case files for review (案卷评查, DOMAIN §4).

A file's place in the draw depends only on the seed and the file's own number: its rank is
SHA-256 of ``"<seed>|<file number>"``. The same data with the same seed therefore gives the
same files in any database, whatever order the rows were stored in, and with any Python
version (``random.sample`` promises neither). Stratified draws give each stratum its share
of the sample by the largest-remainder rule, then take the lowest ranks inside each stratum.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from chuansha_enforce.domain.enums import LabelledEnum
from chuansha_enforce.domain.errors import DomainError

MAX_SEED = 2**63 - 1


class Stratify(LabelledEnum):
    NONE = "none", "不分层"
    VIOLATION = "violation", "按违法行为类别分层"
    OFFICER = "officer", "按承办人分层"


@dataclass(frozen=True, slots=True)
class SampleRule:
    """Everything that decides a draw; stored with the sample as its population rule."""

    year: int
    seed: int
    count: int | None = None
    percent: int | None = None
    stratify: Stratify = Stratify.NONE
    include_simple: bool = False
    exclude_sampled: bool = False

    def __post_init__(self) -> None:
        if (self.count is None) == (self.percent is None):
            raise DomainError("file_review.size_choice", "count")
        if self.count is not None and self.count < 1:
            raise DomainError("file_review.count", "count")
        if self.percent is not None and not 1 <= self.percent <= 100:
            raise DomainError("file_review.percent", "percent")
        if not 0 <= self.seed <= MAX_SEED:
            raise DomainError("file_review.seed", "seed", {"max": MAX_SEED})

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "seed": self.seed,
            "count": self.count,
            "percent": self.percent,
            "stratify": self.stratify.value,
            "include_simple": self.include_simple,
            "exclude_sampled": self.exclude_sampled,
            "population": (
                "结案日期在当年的一般程序案卷"
                + ("及决定日期在当年的简易程序案卷" if self.include_simple else "")
                + ("，不含以前已抽查的案卷" if self.exclude_sampled else "")
            ),
            "rank": "sha256(seed|案卷编号) 由小到大",
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """One file of the population: its number (the stable key) and its stratum."""

    file_no: str
    stratum: str
    procedure: str = "general"
    row_id: int = 0
    rank: str = field(default="", compare=False)


def rank_of(seed: int, file_no: str) -> str:
    return hashlib.sha256(f"{seed}|{file_no}".encode()).hexdigest()


def sample_size(population: int, rule: SampleRule) -> int:
    """How many files to draw: the count, or the percentage rounded half up (at least one)."""
    if population == 0:
        return 0
    if rule.count is not None:
        return min(rule.count, population)
    assert rule.percent is not None
    wanted = (population * rule.percent * 2 + 100) // 200  # round half up
    return min(population, max(1, wanted))


def quotas(sizes: dict[str, int], n: int) -> dict[str, int]:
    """Share ``n`` among strata in proportion to their sizes (largest remainder, ties by name)."""
    total = sum(sizes.values())
    if total == 0 or n == 0:
        return dict.fromkeys(sizes, 0)
    shares = {name: divmod(n * size, total) for name, size in sizes.items()}
    result = {name: whole for name, (whole, _rest) in shares.items()}
    left = n - sum(result.values())
    by_remainder = sorted(shares, key=lambda name: (-shares[name][1], name))
    for name in by_remainder[:left]:
        result[name] += 1
    return result


def draw(population: Iterable[Candidate], rule: SampleRule) -> list[Candidate]:
    """The sample, in rank order; the population's order does not matter."""
    ranked = sorted(
        (
            Candidate(c.file_no, c.stratum, c.procedure, c.row_id, rank_of(rule.seed, c.file_no))
            for c in population
        ),
        key=lambda c: (c.rank, c.file_no),
    )
    n = sample_size(len(ranked), rule)
    if rule.stratify is Stratify.NONE:
        return ranked[:n]
    strata: dict[str, list[Candidate]] = {}
    for candidate in ranked:
        strata.setdefault(candidate.stratum, []).append(candidate)
    share = quotas({name: len(files) for name, files in strata.items()}, n)
    chosen = [c for name, files in strata.items() for c in files[: share[name]]]
    return sorted(chosen, key=lambda c: (c.rank, c.file_no))


def duplicate_numbers(population: Sequence[Candidate]) -> list[str]:
    seen: set[str] = set()
    twice: list[str] = []
    for c in population:
        if c.file_no in seen:
            twice.append(c.file_no)
        seen.add(c.file_no)
    return twice
