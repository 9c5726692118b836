"""The steps after a decision (DOMAIN §14) as recorded: an approved postponement or instalment
plan (APL 66②), the 催告 (行政强制法 35, 54) and the application to the court with its ruling
(行政强制法 53). Plain records: the rules and clocks are in ``domain.enforcement``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.text_input import clean_fields


@dataclass(frozen=True, slots=True)
class Instalment:
    """One new due date of an approved plan and the amount due by it."""

    due_on: dt.date
    amount_fen: int


@dataclass(frozen=True, slots=True)
class InstalmentPlan:
    """延期或分期缴纳: approved on a date; one instalment is a postponement."""

    approved_on: dt.date
    instalments: tuple[Instalment, ...]

    @property
    def ends_on(self) -> dt.date:
        """The last new due date: the end of the approved plan."""
        return max(i.due_on for i in self.instalments)

    @property
    def total_fen(self) -> int:
        return sum(i.amount_fen for i in self.instalments)


@dataclass(frozen=True, slots=True)
class PaymentReminder:
    """催告书: served on the party, giving it until a date to pay."""

    served_on: dt.date
    until: dt.date


@dataclass(frozen=True, slots=True)
class CourtApplication:
    """申请人民法院强制执行, and the court's ruling once it comes."""

    applied_on: dt.date
    ruling_on: dt.date | None = None
    ruling: str | None = None

    def __post_init__(self) -> None:
        clean_fields(self)  # the ruling as entered, cleaned (domain.text_input)
