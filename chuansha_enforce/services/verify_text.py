"""What ``verify`` says, line by line, in the CLI and in the window alike."""

from __future__ import annotations

from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.verify_service import VerifyReport


def verify_lines(report: VerifyReport, lang: Lang) -> list[str]:
    """Each logged restore (shown whatever the outcome: a person judges it), then either
    the summary of what holds or one line per broken record and the count."""
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
    if report.ok:
        lines.append(
            f"全部通过：数据库完整，审计日志 {report.audit_records} 条链接无误，"
            f"审核签名 {report.signatures} 个验证通过"
            if lang == "zh"
            else f"all hold: {report.audit_records} audit records, {report.signatures} signatures"
        )
        return lines
    lines += [f"{p.table}\t{p.id}\t{p.what}" for p in report.problems]
    summary = "发现 {n} 处问题" if lang == "zh" else "{n} problems found"
    lines.append(summary.format(n=len(report.problems)))
    return lines
