"""Catalogue entries for the discretion benchmarks (DOMAIN §17; merged into ``messages``)."""

from __future__ import annotations

DISCRETION_FIELDS: dict[str, tuple[str, str]] = {
    "circumstance": ("情节", "circumstance"),
    "deviation": ("裁量偏离", "deviation"),
    "deviation_reason": ("偏离理由", "reason for the deviation"),
    "statutory_max": ("法定上限", "statutory maximum"),
    "benchmark_max": ("罚款上限", "benchmark maximum"),
}

DISCRETION_MESSAGES: dict[str, tuple[str, str]] = {
    "cli.import_benchmarks": ("裁量基准 {n} 行，", "{n} benchmark rows, "),
    "discretion.duplicate_row": (
        "与第{row}行的违法行为、情节和生效日期相同",
        "the same violation, circumstance and effective date as row {row}",
    ),
    "ledger.benchmarks_need_admin": (
        "裁量基准 {count} 行只能由管理员导入（当前登录：{name}，{role}）",
        "the {count} benchmark rows can be imported by an administrator only "
        "(logged in: {name}, {role})",
    ),
    "discretion.fine_only": (
        "情节和裁量偏离只用于罚款决定",
        "a circumstance or deviation belongs to a decision with a fine",
    ),
    "discretion.reason_required": (
        "从轻、减轻或从重处罚须写明理由（行政处罚法第三十二条）",
        "a lighter, mitigated or heavier penalty needs its reason (APL art. 32)",
    ),
    "discretion.no_benchmark": (
        "该违法行为没有裁量基准，只能记录减轻处罚",
        "the violation has no benchmark: only a mitigated penalty can be recorded",
    ),
    "discretion.above_statutory": (
        "罚款 {fine} 元超过法定上限 {high} 元（法定幅度 {low}–{high} 元），任何情形都不得超过",
        "the fine of {fine} exceeds the statutory maximum of {high} ({low}–{high}); never lawful",
    ),
    "discretion.below_statutory": (
        "罚款 {fine} 元低于法定下限 {low} 元，只有减轻处罚并写明理由才可以（行政处罚法第三十二条）",
        "the fine of {fine} is below the statutory minimum of {low}: only a mitigated penalty "
        "with its reason (APL art. 32)",
    ),
    "discretion.mitigated_inside": (
        "罚款 {fine} 元在法定幅度 {low}–{high} 元之内，不是减轻处罚（请选从轻或不选）",
        "the fine of {fine} is inside the statutory range {low}–{high}: not a mitigated penalty",
    ),
    "discretion.unknown_circumstance": (
        "裁量基准中没有“{circumstance}”这一情节",
        "the benchmark has no circumstance “{circumstance}”",
    ),
    "discretion.below_band": (
        "罚款 {fine} 元低于“{circumstance}”情节的裁量基准 {band_low}–{band_high} 元，"
        "须记录从轻处罚及理由",
        "the fine of {fine} is below the benchmark for “{circumstance}” ({band_low}–{band_high}): "
        "record a lighter penalty with its reason",
    ),
    "discretion.above_band": (
        "罚款 {fine} 元高于“{circumstance}”情节的裁量基准 {band_low}–{band_high} 元，"
        "须记录从重处罚及理由",
        "the fine of {fine} is above the benchmark for “{circumstance}” ({band_low}–{band_high}): "
        "record a heavier penalty with its reason",
    ),
    "discretion.inside_band": (
        "罚款 {fine} 元在“{circumstance}”情节的裁量基准 {band_low}–{band_high} 元之内，不是偏离",
        "the fine of {fine} is inside the benchmark for “{circumstance}”: no deviation",
    ),
    "discretion.statutory_range": (
        "法定下限不能高于法定上限",
        "the statutory minimum cannot exceed the maximum",
    ),
    "discretion.band_outside": (
        "罚款下限、上限须在法定幅度之内，且下限不高于上限",
        "the benchmark range must lie inside the statutory range, its minimum not above its "
        "maximum",
    ),
    "discretion.same_act": (
        "当事人的同一违法行为（{date}，{place}）已由案件{case_no}给予罚款，不得再次罚款"
        "（行政处罚法第二十九条）",
        "the party was already fined for the same act ({date}, {place}) in case {case_no} "
        "(APL art. 29)",
    ),
}
