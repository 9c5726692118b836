"""What ``verify`` says, line by line, in the CLI and in the window alike."""

from __future__ import annotations

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.verify_service import VerifyReport

_KEY_NOTES = {
    "unkeyed": (
        "注意：审计日志链未加密钥（单用户模式）：改写并重算整条链无法由本检查发现",
        "note: the audit chain is unkeyed (single-user mode): a rewritten and recomputed"
        " chain cannot be found by this check",
    ),
    "checked": (
        "审计日志链密钥校验通过（以登录账户解开的链密钥核对每条记录）",
        "the keyed audit chain was checked with the key the logged-in account unwrapped",
    ),
    "not_checked": (
        "注意：审计日志链有密钥，但未登录，未能核对；请以 --user 登录后再检查",
        "note: the audit chain is keyed but nobody logged in, so its MACs were not checked;"
        " log in with --user to check them",
    ),
}


def verify_lines(report: VerifyReport, lang: Lang) -> list[str]:
    """Each logged restore (shown whatever the outcome: a person judges it), then either
    the summary of what holds and whether the chain is keyed, or whether it is keyed, one
    line per broken record and the count."""
    lines = []
    for r in report.restores:
        text = (
            "注意：审计日志第 {id} 条记录了一次恢复"
            "（{user}，从 {backup}，替换了 {n} 个较新的日志头）"
            if lang == "zh"
            else "note: audit record {id} is a restore ({user}, from {backup},"
            " replacing {n} newer chain heads)"
        )
        lines.append(text.format(id=r.record_id, user=r.user, backup=r.backup, n=r.replaced_heads))
    key_note = _KEY_NOTES[report.chain_key][0 if lang == "zh" else 1]
    if report.ok:
        lines.append(
            f"全部通过：数据库完整，审计日志 {report.audit_records} 条链接无误，"
            f"审核签名 {report.signatures} 个验证通过"
            if lang == "zh"
            else f"all hold: {report.audit_records} audit records, {report.signatures} signatures"
        )
        return [*lines, key_note]
    lines.append(key_note)
    lines += [f"{p.table}\t{p.id}\t{p.what}" for p in report.problems]
    summary = "发现 {n} 处问题" if lang == "zh" else "{n} problems found"
    lines.append(summary.format(n=len(report.problems)))
    return lines
