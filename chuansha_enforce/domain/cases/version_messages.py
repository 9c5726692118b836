"""Catalogue entries of the case versions (issue 23, merged into ``messages``)."""

from __future__ import annotations

VERSION_FIELDS: dict[str, tuple[str, str]] = {
    "version": ("版本", "version"),
}

VERSION_MESSAGES: dict[str, tuple[str, str]] = {
    "case.changed_since": (
        "已被他人修改，请刷新后再试",
        "someone else changed the case meanwhile; refresh and try again",
    ),
    "case.version_invalid": (
        "版本号“{value}”应为不小于 0 的整数（见 case show --json 的 version）",
        "the version “{value}” must be a whole number of 0 or more (case show --json shows it)",
    ),
}
