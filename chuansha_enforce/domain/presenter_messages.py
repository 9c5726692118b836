"""Catalogue entries for sentences the CLI and the window share (merged into ``messages``):
what ``verify`` reports and the state of a 文书 in ``doc list``."""

from __future__ import annotations

PRESENTER_MESSAGES: dict[str, tuple[str, str]] = {
    "verify.restore_note": (
        "注意：审计日志第 {id} 条记录了一次恢复（{user}，从 {backup}，替换了 {n} 个较新的日志头）",
        "note: audit record {id} is a restore ({user}, from {backup},"
        " replacing {n} newer chain heads)",
    ),
    "verify.key_unkeyed": (
        "注意：审计日志链未加密钥（单用户模式）：改写并重算整条链无法由本检查发现",
        "note: the audit chain is unkeyed (single-user mode): a rewritten and recomputed"
        " chain cannot be found by this check",
    ),
    "verify.key_checked": (
        "审计日志链密钥校验通过（以登录账户解开的链密钥核对每条记录）",
        "the keyed audit chain was checked with the key the logged-in account unwrapped",
    ),
    "verify.key_not_checked": (
        "注意：审计日志链有密钥，但未登录，未能核对；请以 --user 登录后再检查",
        "note: the audit chain is keyed but nobody logged in, so its MACs were not checked;"
        " log in with --user to check them",
    ),
    "verify.all_hold": (
        "全部通过：数据库完整，审计日志 {records} 条链接无误，审核签名 {signatures} 个验证通过",
        "all hold: {records} audit records, {signatures} signatures",
    ),
    "verify.problems_found": ("发现 {n} 处问题", "{n} problems found"),
    "doc.state_missing": ("尚缺：{missing}", "missing: {missing}"),
    "doc.state_made": ("已制作于 {made}{number}", "made on {made}{number}"),
    "doc.state_can_make": ("可制作", "can make"),
    "cli.step_recorded": ("已记录{step}：{no}", "recorded {step}: {no}"),
}
