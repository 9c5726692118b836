"""What the case-file review stores and shows: samples, sampled files, defect records."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SampleRow:
    id: int
    year: int
    seed: int
    rule: dict[str, object]
    sheet: dict[str, object]
    population: int
    drawn_at: str
    drawn_by: str
    files: int
    scored: int


@dataclass(frozen=True, slots=True)
class SampledFileRow:
    id: int
    sample_id: int
    position: int
    procedure: str
    file_no: str
    stratum: str
    party_name: str
    cause: str
    total: int | None
    grade: str | None
    vetoed: bool
    scored_at: str | None
    defects: int
    open_defects: int


@dataclass(frozen=True, slots=True)
class FindingRow:
    id: int
    file_id: int
    file_no: str
    item_code: str
    kind: str
    item_label: str
    points: int
    note: str
    rectified_on: str | None
    rectification: str | None


@dataclass(frozen=True, slots=True)
class NewFinding:
    item_code: str
    kind: str
    item_label: str
    points: int
    note: str
