"""Catalogue entries for bad input met at the edges (numbers too large for a record, output
places that cannot be written, text longer than a ledger column holds); merged into
``messages``."""

from __future__ import annotations

BADINPUT_FIELDS: dict[str, tuple[str, str]] = {
    "sample_id": ("抽查批次", "sample"),
    "file_id": ("评查案卷", "reviewed file"),
    "defect_id": ("问题号", "defect number"),
}

BADINPUT_MESSAGES: dict[str, tuple[str, str]] = {
    "badinput.number_too_large": (
        "数字 {value} 太大，超出可处理的范围",
        "the number {value} is too large to handle",
    ),
    "badinput.version_too_large": (
        "版本号“{value}”超出范围（见 case show --json 的 version）",
        "the version “{value}” is out of range (see version in case show --json)",
    ),
}
