"""Catalogue entries for the window's forced-demolition parts: the rest-day confirmation, the
违法建筑 list and the benchmark editor (merged into ``messages``)."""

from __future__ import annotations

FORCED_UI_FIELDS: dict[str, tuple[str, str]] = {
    "rest_day_confirmed": ("确认在休息日实施", "confirm the rest day"),
}

FORCED_UI_MESSAGES: dict[str, tuple[str, str]] = {
    "structure.held": ("复议或诉讼未决，暂停执行", "held: a review or lawsuit is pending"),
    "forced.rest_day_unconfirmed": (
        "{date} 是休息日（非法定节假日）：确有必要在休息日实施强制拆除的，请勾选“确认在休息日实施”"
        "后再保存（行政强制法第四十三条）",
        "{date} is a rest day (not a statutory holiday): tick 'confirm the rest day' if the "
        "forced demolition must happen on it (Administrative Coercion Law art. 43)",
    ),
}
