"""What a legal reviewer checks (DOMAIN §3), the opinion and its reasons, and due dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from chuansha_enforce.domain.calendar.work_calendar import CalendarResult, WorkCalendar
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_line, clean_text

CHECKLIST: Mapping[str, str] = {
    "subject": "执法主体合法",
    "officers": "执法人员具备资格（不少于两人）",
    "party": "当事人认定准确",
    "facts": "事实清楚",
    "evidence": "证据合法充分",
    "law": "适用法律准确（具体到条、款、项）",
    "procedure": "程序合法（告知、陈述申辩、听证、期限、送达）",
    "discretion": "裁量适当",
    "documents": "文书齐全规范",
    "crime_transfer": "是否涉嫌犯罪应当移送",
    "other": "其他",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One checklist item: ``ok`` when no problem was found; ``note`` says what was found."""

    item: str
    ok: bool
    note: str | None = None

    @property
    def label(self) -> str:
        return CHECKLIST.get(self.item, self.item)


def complete_findings(given: Iterable[Finding]) -> tuple[Finding, ...]:
    """Every checklist item exactly once, in checklist order; unmentioned items are fine.

    A problem needs a note saying what it is.
    """
    found: dict[str, Finding] = {}
    for finding in given:
        if finding.item not in CHECKLIST:
            raise DomainError("review.unknown_item", "findings", {"item": finding.item})
        if finding.item in found:
            raise DomainError("review.duplicate_item", "findings", {"item": finding.label})
        note = clean_text(finding.note or "") or None
        if not finding.ok and note is None:
            raise DomainError("review.problem_needs_note", "findings", {"item": finding.label})
        found[finding.item] = Finding(finding.item, finding.ok, note)
    return tuple(found.get(item, Finding(item, True)) for item in CHECKLIST)


def check_opinion(
    opinion: ReviewOpinion, reasons: str | None, findings: Iterable[Finding]
) -> str | None:
    """Anything but 同意 needs reasons; 同意 cannot stand on a checklist with problems."""
    text = clean_text(reasons or "") or None
    if opinion is not ReviewOpinion.AGREE and text is None:
        raise DomainError("review.reasons_required", "reasons", {"opinion": opinion.label})
    problems = [f.label for f in findings if not f.ok]
    if opinion is ReviewOpinion.AGREE and problems:
        raise DomainError("review.agree_with_problems", "opinion", {"items": "、".join(problems)})
    return text


def check_materials(materials: Iterable[str]) -> tuple[str, ...]:
    clean = tuple(dict.fromkeys(m for m in map(clean_line, materials) if m))
    if not clean:
        raise DomainError("review.materials_required", "materials")
    return clean


@dataclass(frozen=True, slots=True)
class ReviewPeriod:
    """The review's time limit (*default* 7 working days, +3 once by approval)."""

    working_days: int = 7
    extension_working_days: int = 3


def review_due(
    submitted_on: dt.date, calendar: WorkCalendar, period: ReviewPeriod, extended: bool = False
) -> CalendarResult:
    days = period.working_days + (period.extension_working_days if extended else 0)
    return calendar.add_working_days(submitted_on, days)
