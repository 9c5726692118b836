"""The frozen view-models the renderers take. Services build them; renderers only read them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from chuansha_enforce.domain.cases.case_deadlines import CaseClocks
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.reports.disclosure import DisclosureEntry
from chuansha_enforce.domain.reports.statistics import AnnualFigures
from chuansha_enforce.domain.reports.statistics_breakdown import AnnualBreakdown, OfficialTable
from chuansha_enforce.reports.letterhead import Letterhead


class ReviewState(StrEnum):
    """What can be said of a legal-review round's sign-off (filled by the signing workflow)."""

    IMPORTED = "imported"
    UNSIGNED = "unsigned"
    SIGNED = "signed"
    SIGNATURE_INVALID = "signature_invalid"


REVIEW_STATE_LABELS: Mapping[ReviewState, str] = EnumMap(
    ReviewState,
    {
        ReviewState.IMPORTED: "已导入（无签名）",
        ReviewState.UNSIGNED: "未签名",
        ReviewState.SIGNED: "已签名",
        ReviewState.SIGNATURE_INVALID: "签名无效",
    },
)


@dataclass(frozen=True, slots=True)
class ReviewLine:
    round_no: int
    reviewer: str
    reviewed_on: dt.date
    opinion: str
    state: ReviewState
    note: str | None = None


@dataclass(frozen=True, slots=True)
class CaseSummaryView:
    """The internal case summary: full data, every clock, the review rounds."""

    letterhead: Letterhead
    case: CaseFile
    as_of: dt.date
    clocks: CaseClocks
    major_reasons: tuple[str, ...]
    reviews: tuple[ReviewLine, ...]


@dataclass(frozen=True, slots=True)
class PublicCaseView:
    """The public version: only the de-identified 双公示 entry reaches the renderer."""

    letterhead: Letterhead
    entry: DisclosureEntry


@dataclass(frozen=True, slots=True)
class AnnualReportView:
    letterhead: Letterhead
    figures: AnnualFigures
    breakdown: AnnualBreakdown
    table: OfficialTable
