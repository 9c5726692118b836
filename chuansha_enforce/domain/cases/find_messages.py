"""Catalogue entries for finding cases and moving fast (issue 21; merged into ``messages``)."""

from __future__ import annotations

FIND_FIELDS: dict[str, tuple[str, str]] = {
    "case_no_template": ("案件编号格式", "case number format"),
}

FIND_MESSAGES: dict[str, tuple[str, str]] = {
    "lookup.ambiguous": (
        "“{query}”对应{count}件案件，请写出完整的案件编号：\n{numbers}",
        "“{query}” matches {count} cases; give the full case number:\n{numbers}",
    ),
    "numbering.free_form": (
        "案件编号“{case_no}”不符合编号格式（如 {example}）；"
        "确需使用其他编号的，请管理员在业务设置中允许自由编号",
        "the case number “{case_no}” does not follow the numbering format (e.g. {example});"
        " an administrator may allow free-form numbers in the settings",
    ),
    "review.sign_single_user": (
        "单用户模式：签署法制审核意见须以审核人员账户登录，请先建立账户",
        "single-user mode: signing a legal review needs the reviewer's account;"
        " create accounts first",
    ),
}
