"""Catalogue entries for the gate columns of the ledger, decision-period pauses and the
simple decision's legal basis (DOMAIN §12; merged into ``messages``)."""

from __future__ import annotations

GATE_DETAIL_FIELDS: dict[str, tuple[str, str]] = {
    "pause_kind": ("中止计算的事由", "what the paused time was for"),
    "pause_from": ("起始日期", "first day"),
    "pause_until": ("截止日期", "last day"),
    "pause_reason": ("说明", "note"),
}

GATE_DETAIL_MESSAGES: dict[str, tuple[str, str]] = {
    "ledger.gate_columns_missing": (
        "决定日期{decided}在{gates_from}（设置“gates_from”）之后，须填写此列"
        "（行政处罚法第{articles}条；此类案件请在程序中逐步记录）",
        "decided on {decided}, on or after {gates_from} (setting gates_from): this column is "
        "required (APL art. {articles}; record such cases step by step in the program)",
    ),
    "ledger.gate_columns_history": (
        "{n}行（自第{first}行起）决定日期早于{gates_from}（设置“gates_from”），作为历史记录导入；"
        "缺少：{columns}",
        "{n} rows (from row {first}) decided before {gates_from} (setting gates_from) are "
        "imported as history; missing: {columns}",
    ),
    "ledger.proposal_outcome": (
        "拟处罚种类只能填处罚种类（“{value}”不是处罚）",
        "the proposed kinds are penalty kinds only (“{value}” is not a penalty)",
    ),
    "ledger.proposed_fine": (
        "拟处罚种类含罚款时须写明拟罚款金额，不含罚款时不填（行政处罚法第四十四条）",
        "a proposed fine needs its amount, and only a proposed fine has one (APL art. 44)",
    ),
    "ledger.notice_needs_date": (
        "填写了拟处罚种类或陈述申辩，须同时填写告知日期",
        "a proposal or a statement needs the notice date",
    ),
    "ledger.hearing_detail_without_hearing": (
        "听证日期和听证主持人只在“听证”为“已听证”时填写",
        "the hearing date and presiding officer belong to 听证 = 已听证 only",
    ),
    "ledger.extension_not_later": (
        "延长期限至{date}不晚于原办案期限{due}",
        "the extended deadline {date} is not after the original deadline {due}",
    ),
    "pause.overlaps": (
        "与已记录的中止期间（{start}至{end}）重叠",
        "overlaps the paused period already recorded ({start} to {end})",
    ),
}
