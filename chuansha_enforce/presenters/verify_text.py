"""What ``verify`` says, line by line, in the CLI and in the window alike."""

from __future__ import annotations

from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.verify_service import VerifyReport

_KEY_NOTES = {
    "unkeyed": "verify.key_unkeyed",
    "checked": "verify.key_checked",
    "not_checked": "verify.key_not_checked",
}


def verify_lines(report: VerifyReport, lang: Lang) -> list[str]:
    """Each logged restore (shown whatever the outcome: a person judges it), then either
    the summary of what holds and whether the chain is keyed, or whether it is keyed, one
    line per broken record and the count."""
    lines = [
        render(
            "verify.restore_note",
            {"id": r.record_id, "user": r.user, "backup": r.backup, "n": r.replaced_heads},
            lang,
        )
        for r in report.restores
    ]
    key_note = render(_KEY_NOTES[report.chain_key], None, lang)
    if report.ok:
        params = {"records": report.audit_records, "signatures": report.signatures}
        return [*lines, render("verify.all_hold", params, lang), key_note]
    lines.append(key_note)
    lines += [f"{p.table}\t{p.id}\t{p.what}" for p in report.problems]
    lines.append(render("verify.problems_found", {"n": len(report.problems)}, lang))
    return lines
