"""The forced-demolition steps after a 责令限期拆除 order (DOMAIN §13) as recorded: the
district government's 责成, the statements after the 催告, the 强制拆除决定, the 公告, the
carrying out and the party's own removal. Plain records: the rules are in
``domain.forced_demolition``; the 催告 itself is ``enforcement_steps.PaymentReminder``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.enums import LabelledEnum
from chuansha_enforce.domain.text_input import clean_fields


class StructureArea(LabelledEnum):
    """Where the structure stands: who may demolish it by force (城乡规划法 64, 65, 68)."""

    URBAN = "urban", "城镇规划区"
    RURAL = "rural", "乡、村庄规划区"


class ReminderStatementKind(LabelledEnum):
    """What the party did with its right to state and defend after the 催告 (行政强制法 36)."""

    STATED = "stated", "已陈述申辩"
    WAIVED = "waived", "书面放弃"
    SILENT = "silent", "期满未陈述申辩"


@dataclass(frozen=True, slots=True)
class DistrictAuthority:
    """区人民政府责成 (城乡规划法 68): the document and its date."""

    document: str
    on: dt.date

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class ReminderStatement:
    on: dt.date
    kind: ReminderStatementKind


@dataclass(frozen=True, slots=True)
class DemolitionAnnouncement:
    """强制拆除公告: posted on a day, giving the party until a day to remove it (44)."""

    on: dt.date
    until: dt.date


@dataclass(frozen=True, slots=True)
class CarryOut:
    """实施强制拆除: the day, the time it began and the witnesses on the on-site record."""

    on: dt.date
    at: dt.time
    witnesses: tuple[str, ...]

    def __post_init__(self) -> None:
        clean_fields(self)


@dataclass(frozen=True, slots=True)
class ForcedDemolition:
    """Every step recorded after the order; an empty record for a case with none."""

    reminder: PaymentReminder | None = None  # 催告书 (行政强制法 35)
    statement: ReminderStatement | None = None
    authority: DistrictAuthority | None = None
    decided_on: dt.date | None = None  # 强制拆除决定 (37)
    announcement: DemolitionAnnouncement | None = None  # 公告 (44)
    carried_out: CarryOut | None = None
    removed_on: dt.date | None = None  # 自行拆除

    @property
    def ended(self) -> bool:
        return self.carried_out is not None or self.removed_on is not None


NO_FORCED_STEPS = ForcedDemolition()
"""The record of a case with no step after an order (shared: the record is frozen)."""
