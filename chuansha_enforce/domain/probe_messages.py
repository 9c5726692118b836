"""Catalogue entries for bad input found by exploratory probing of the command line: field
labels a refusal named only by the program's key (a setting's name, a text field held to its
length), and the sentences of the rules the probing added; merged into ``messages``."""

from __future__ import annotations

from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS

PROBE_FIELDS: dict[str, tuple[str, str]] = {
    # a setting is named as the settings window and ``settings show`` name it
    **{name: (label, name.replace("_", " ")) for name, label in SETTING_LABELS.items()},
    "reminder_statement": ("催告后陈述申辩", "statement after the reminder"),
    "legal_representative": ("法定代表人", "legal representative"),
    "party_address": ("当事人地址", "party's address"),
    "statement": ("陈述申辩", "statement"),
}

PROBE_MESSAGES: dict[str, tuple[str, str]] = {}
