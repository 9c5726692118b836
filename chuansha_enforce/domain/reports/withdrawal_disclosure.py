"""The list of withdrawn publications (撤回公示), de-identified like the 双公示 list (§8)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.disclosure import NameStyle, public_name
from chuansha_enforce.domain.reports.personal_data import find_personal_data, withheld_text

WITHDRAWAL_HEADERS: tuple[str, ...] = (
    "行政处罚决定书文号",
    "行政相对人名称",
    "处罚决定日期",
    "公示日期",
    "撤回公示日期",
    "撤回原因",
)


@dataclass(frozen=True, slots=True)
class WithdrawalSource:
    decision_no: str | None
    party: PartyRecord
    decided_on: dt.date
    published_on: dt.date
    withdrawn_on: dt.date
    reason: str


def withdrawal_row(
    source: WithdrawalSource,
    style: NameStyle = NameStyle.SURNAME_MOU,
    *,
    business_full_name: bool = False,
) -> tuple[str, ...]:
    """One published line: the reason is withheld when it holds personal data (numbers, the
    party's name; not the address test, which reads a document number 〔2026〕7号 as one)."""
    found = find_personal_data(source.reason, names=(source.party.name,))
    return (
        source.decision_no or "",
        public_name(source.party, style, business_full_name=business_full_name),
        source.decided_on.isoformat(),
        source.published_on.isoformat(),
        source.withdrawn_on.isoformat(),
        withheld_text(found) if found else source.reason,
    )
