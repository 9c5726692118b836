"""What a recorded step has to tell the clerk besides "recorded": its warnings and the party's
earlier fines for the same violation (a repeat, DOMAIN §17) — the CLI prints them, the case
window shows them."""

from __future__ import annotations

from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.case_file_service import StepResult


def warning_notes(result: StepResult, lang: Lang) -> list[str]:
    return [render(code, None, lang) for code in result.warnings]


def repeat_notes(result: StepResult, lang: Lang) -> list[str]:
    """One sentence per earlier fine of the party for the same violation on another date."""
    return [
        render(
            "discretion.repeat",
            {
                "case_no": earlier.case_no,
                "date": earlier.violation_on.isoformat() if earlier.violation_on else "—",
            },
            lang,
        )
        for earlier in result.repeats
    ]
