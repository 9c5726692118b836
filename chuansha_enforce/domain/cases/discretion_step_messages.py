"""Catalogue entries for the discretion steps of issue 20 (DOMAIN §17): the circumstance at
the 告知, the setting that requires it, and the repeat warning (merged into ``messages``)."""

from __future__ import annotations

DISCRETION_STEP_FIELDS: dict[str, tuple[str, str]] = {}

DISCRETION_STEP_MESSAGES: dict[str, tuple[str, str]] = {
    "discretion.circumstance_required": (
        "“{violation}”有裁量基准，罚款须记录情节（{choices}）",
        "“{violation}” has a discretion benchmark: record the circumstance ({choices})",
    ),
    "discretion.repeat": (
        "注意：当事人曾因同一违法行为在案件{case_no}中被罚款（违法行为日期 {date}），"
        "本案为再次违法，不属一事不再罚，可作为从重情节考虑",
        "note: the party was fined for the same violation in case {case_no} (act date {date}); "
        "this is a repeat, not the same act, and may weigh as heavier",
    ),
}
