"""How a backup's contents are told to a person: the main tables by name, in both languages."""

from __future__ import annotations

from collections.abc import Mapping

from chuansha_enforce.domain.messages import LANGS, Lang

TABLE_LABELS: Mapping[str, tuple[str, str]] = {
    "general_cases": ("一般程序案件", "general cases"),
    "simple_decisions": ("简易程序决定", "simple decisions"),
    "officers": ("执法人员", "officers"),
    "payments": ("缴款记录", "payments"),
    "legal_review_rounds": ("法制审核", "legal reviews"),
    "audit_log": ("操作日志", "audit records"),
}


def contents_text(tables: Mapping[str, int], lang: Lang = "zh") -> str:
    """``一般程序案件 600 件、简易程序决定 120 件 …`` for the main tables present."""
    index = LANGS.index(lang)
    parts = [
        f"{labels[index]} {tables[name]}" for name, labels in TABLE_LABELS.items() if name in tables
    ]
    return ("、" if lang == "zh" else ", ").join(parts)
