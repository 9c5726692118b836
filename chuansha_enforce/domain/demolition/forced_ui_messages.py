"""Catalogue entries for the window's forced-demolition parts: the rest-day confirmation, the
违法建筑 list and the benchmark editor (merged into ``messages``)."""

from __future__ import annotations

FORCED_UI_FIELDS: dict[str, tuple[str, str]] = {
    "rest_day_confirmed": ("确认在休息日实施", "confirm the rest day"),
    "basis": ("法律依据", "legal basis"),
    "statutory_min": ("法定下限", "statutory minimum"),
    "benchmark_min": ("罚款下限", "benchmark minimum"),
    "source": ("依据文件", "source document"),
    "effective_on": ("生效日期", "effective date"),
    "benchmark_file": ("裁量基准文件", "benchmark file"),
}

FORCED_UI_MESSAGES: dict[str, tuple[str, str]] = {
    "benchmark.hint_none": (
        "“{violation}”没有裁量基准，请核对法律依据规定的罚款幅度",
        "no benchmark for “{violation}”: check the fine range of its legal basis",
    ),
    "benchmark.hint_statutory": (
        "法定幅度 {low}–{high} 元（{basis}）",
        "statutory range {low}–{high} ({basis})",
    ),
    "benchmark.hint_band": (
        "裁量基准（{circumstance}）{low}–{high} 元，依据 {source}（{from} 起施行）",
        "benchmark ({circumstance}) {low}–{high}, per {source} (in force from {from})",
    ),
    "benchmark.at_row": ("第{row}行 {message}", "row {row}: {message}"),
    "benchmark.no_sheet": (
        "文件中没有“裁量基准”工作表",
        "the file has no 裁量基准 (benchmark) sheet",
    ),
    "structure.held": ("复议或诉讼未决，暂停执行", "held: a review or lawsuit is pending"),
    "forced.rest_day_unconfirmed": (
        "{date} 是休息日（非法定节假日）：确有必要在休息日实施强制拆除的，请勾选“确认在休息日实施”"
        "后再保存（行政强制法第四十三条）",
        "{date} is a rest day (not a statutory holiday): tick 'confirm the rest day' if the "
        "forced demolition must happen on it (Administrative Coercion Law art. 43)",
    ),
}
