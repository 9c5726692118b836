"""Annual figures as the official statistics count them (DOMAIN §7).

Counting rules (printed under the tables of the annual report):
- period 1 January – 31 December, by the date of the event counted;
- ``general.filed`` counts filings, ``general.closed`` closings (which may exceed filings:
  cases filed in earlier years close too), so open at start + filed − closed = open at end;
- ``general.decided`` counts decisions in the year with a penalty or a 不予处罚 outcome
  (withdrawals and transfers are not penalty decisions);
- money is the amount in the decision, not the amount collected (collections apart);
- a decision with several penalty kinds counts once, under its heaviest kind;
- simple-procedure decisions are reported apart and never added to ``filed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from chuansha_enforce.domain.cases.discretion import Deviation
from chuansha_enforce.domain.disputes.disputes import (
    LitigationFigures,
    ReconsiderationFigures,
    litigation_figures,
    reconsideration_figures,
)
from chuansha_enforce.domain.enums import PenaltyKind


@dataclass(frozen=True, slots=True)
class GeneralFigures:
    filed: int
    closed: int
    decided: int
    fines_decided_fen: int
    confiscated_decided_fen: int
    no_penalty: int
    overdue_open: int
    open_at_start: int
    open_at_end: int


@dataclass(frozen=True, slots=True)
class SimpleFigures:
    decided: int
    fines_decided_fen: int
    warnings: int


@dataclass(frozen=True, slots=True)
class PaymentFigures:
    """Both procedures: paid in the year (with 加处罚款), the surcharge part, and unpaid at
    the year's end; ``simple_outstanding_fen`` is the simple-procedure part of the last."""

    collected_fen: int
    outstanding_fen: int
    surcharge_fen: int = 0
    simple_outstanding_fen: int = 0


@dataclass(frozen=True, slots=True)
class OfficerFigures:
    valid_at_year_end: int
    issued_in_year: int
    cancelled_in_year: int


@dataclass(frozen=True, slots=True)
class KindFigures:
    """One column of 行政处罚实施情况统计表: decisions counted under their heaviest kind."""

    cases: int
    money_fen: int


@dataclass(frozen=True, slots=True)
class AnnualFigures:
    year: int
    general: GeneralFigures
    simple: SimpleFigures
    payments: PaymentFigures
    officers: OfficerFigures
    legal_review_cases: int = 0
    legal_review_rounds: int = 0
    file_reviews_sampled: int = 0
    file_review_grades: Mapping[str, int] = field(default_factory=dict)
    """Graded sampled files by grade code (excellent, good, pass, fail)."""
    by_kind: Mapping[PenaltyKind, KindFigures] = field(default_factory=dict)
    reconsideration: ReconsiderationFigures = field(
        default_factory=lambda: reconsideration_figures((), 0)
    )
    litigation: LitigationFigures = field(default_factory=lambda: litigation_figures((), 0))
    deviations: Mapping[str, int] = field(default_factory=dict)
    """Penalty decisions outside the discretion benchmark by deviation code (DOMAIN §17)."""

    def to_json(self) -> dict[str, object]:
        """The ``stats --json`` object: dotted names of DESIGN.md as nested objects."""
        return {
            "year": self.year,
            "general": {
                "filed": self.general.filed,
                "closed": self.general.closed,
                "decided": self.general.decided,
                "fines_decided_fen": self.general.fines_decided_fen,
                "confiscated_decided_fen": self.general.confiscated_decided_fen,
                "no_penalty": self.general.no_penalty,
                "overdue_open": self.general.overdue_open,
                "open_at_start": self.general.open_at_start,
                "open_at_end": self.general.open_at_end,
                "deviations": {d.label: self.deviations.get(d.value, 0) for d in Deviation},
            },
            "simple": {
                "decided": self.simple.decided,
                "fines_decided_fen": self.simple.fines_decided_fen,
                "warnings": self.simple.warnings,
                "outstanding_fen": self.payments.simple_outstanding_fen,
            },
            "payments": {
                "collected_fen": self.payments.collected_fen,
                "outstanding_fen": self.payments.outstanding_fen,
                "surcharge_fen": self.payments.surcharge_fen,
            },
            "legal_reviews": {
                "cases": self.legal_review_cases,
                "rounds": self.legal_review_rounds,
            },
            "file_reviews": {
                "sampled": self.file_reviews_sampled,
                "graded": sum(self.file_review_grades.values()),
                "grades": {
                    code: self.file_review_grades.get(code, 0)
                    for code in ("excellent", "good", "pass", "fail")
                },
            },
            "officers": {
                "valid_at_year_end": self.officers.valid_at_year_end,
                "issued_in_year": self.officers.issued_in_year,
                "cancelled_in_year": self.officers.cancelled_in_year,
            },
            "reconsideration": self.reconsideration.to_json(),
            "litigation": self.litigation.to_json(),
            "by_kind": {
                kind.value: {"cases": figures.cases, "money_fen": figures.money_fen}
                for kind, figures in self.by_kind.items()
            },
        }
