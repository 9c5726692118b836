"""Which earlier steps of a forced demolition each step needs recorded first (DOMAIN §13;
行政强制法 35–37, 44; 城乡规划法 64, 65, 68), by where the structure stands.

The one statement of the sequence's order: ``forced_demolition.forced_refusal`` refuses a step
whose prerequisite is not recorded, and the ledger's import (``ledger.forced_rows``) checks a
row's steps and dates by the same table. A step's prerequisites are listed in the order they
are asked for (the first missing one is the refusal); the order's service comes before every
step and is checked apart, with the order itself and the end of the sequence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Final

from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    ForcedDemolition,
    StructureArea,
)
from chuansha_enforce.domain.enums import EnumMap

Prerequisites = tuple[str, ...] | None
"""The steps to record first; None for a step the area never takes."""

_URBAN: Final[Mapping[str, Prerequisites]] = {
    "authority": (),  # 区政府责成 (城乡规划法 68), any time after the order
    "remind": (),  # 催告 (35); its dates are checked against the order's periods
    "remind_statement": ("remind",),  # 陈述申辩 after the 催告 (36)
    "enforce": ("remind", "remind_statement", "authority"),  # 强制拆除决定 (37)
    "announce": ("remind", "remind_statement", "enforce"),  # 公告 (44)
    "carry_out": ("remind", "remind_statement", "enforce", "announce"),  # (43)
    "removed": (),  # 自行拆除: at any point, it ends the sequence
}

FORCED_PREREQUISITES: Final[EnumMap[StructureArea, Mapping[str, Prerequisites]]] = EnumMap(
    StructureArea,
    {
        StructureArea.URBAN: _URBAN,
        # the town demolishes a rural structure itself (65): no 责成, none for the decision
        StructureArea.RURAL: {
            **_URBAN,
            "authority": None,
            "enforce": ("remind", "remind_statement"),
        },
    },
)
"""Where the structure stands → each step (``forced_refusal``'s names) → its prerequisites."""

LACKING_CODES: Final = {
    "authority": "forced.no_authority",
    "remind": "forced.no_reminder",
    "remind_statement": "forced.no_statement",
    "enforce": "forced.not_decided",
    "announce": "forced.not_announced",
}
"""A prerequisite → the refusal of a step that needs it while it is not recorded."""

RECORDED_CODES: Final = {
    "authority": "forced.authority_exists",
    "remind": "forced.reminded",
    "remind_statement": "forced.statement_exists",
    "enforce": "forced.decided",
    "announce": "forced.announced",
}
"""A step recorded once only → its refusal when it is recorded already (the carrying out and
the party's removal end the sequence instead)."""


def recorded_on(forced: ForcedDemolition, step: str) -> dt.date | None:
    """The date ``step`` was recorded on (None while it is not)."""
    if step == "authority":
        return forced.authority.on if forced.authority else None
    if step == "remind":
        return forced.reminder.served_on if forced.reminder else None
    if step == "remind_statement":
        return forced.statement.on if forced.statement else None
    if step == "enforce":
        return forced.decided_on
    if step == "announce":
        return forced.announcement.on if forced.announcement else None
    if step == "carry_out":
        return forced.carried_out.on if forced.carried_out else None
    if step == "removed":
        return forced.removed_on
    raise KeyError(step)
