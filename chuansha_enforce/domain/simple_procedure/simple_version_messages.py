"""Catalogue entries of the simple decisions' versions (issue 23, merged into ``messages``);
a stale edit is refused with the cases' own sentence, ``case.changed_since``."""

from __future__ import annotations

SIMPLE_VERSION_MESSAGES: dict[str, tuple[str, str]] = {
    "simple.version_invalid": (
        "版本号“{value}”应为不小于 0 的整数（见 simple show --json 的 version）",
        "the version “{value}” must be a whole number of 0 or more (simple show --json shows it)",
    ),
}
