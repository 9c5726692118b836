"""Case-file review (案卷评查): draw a reproducible sample, score files, track defects.

Each write is one transaction with its audit record; every input is checked first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.clock import CHINA_TZ, today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_records import (
    FindingRow,
    NewFinding,
    SampledFileRow,
    SampleRow,
)
from chuansha_enforce.domain.file_review.file_review_sampling import (
    MAX_SEED,
    Candidate,
    SampleRule,
    Stratify,
    draw,
)
from chuansha_enforce.domain.file_review.file_review_scoring import (
    DEFAULT_SHEET,
    FileScore,
    Finding,
    ScoreSheet,
    score_file,
    sheet_from_json,
)
from chuansha_enforce.reports import lazy_renderers as renderers
from chuansha_enforce.reports.letterhead import Letterhead
from chuansha_enforce.services.changes import Changes, Topic
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.storage.connection import write_transaction
from chuansha_enforce.storage.file_review.file_review_repository import FileReviewRepository
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

EARLIEST_YEAR = 2000
MAX_RECTIFICATION_CHARS = 500
MAX_NOTE_CHARS = 500


@dataclass(frozen=True, slots=True)
class DrawnSample:
    sample: SampleRow
    files: list[SampledFileRow]


@dataclass(frozen=True, slots=True)
class FileReviewFigures:
    sampled: int
    grades: Mapping[str, int]


class FileReviewService(ContextService):
    def __init__(self, ctx: ServiceContext) -> None:
        super().__init__(ctx)
        self._repo = FileReviewRepository(ctx.db)

    # -- the score sheet ------------------------------------------------------------------

    def current_sheet(self) -> ScoreSheet:
        stored = self._repo.current_sheet()
        return DEFAULT_SHEET if stored is None else sheet_from_json(stored)

    @held_to_length
    def set_sheet(self, data: Mapping[str, object]) -> Changes:
        """Make ``data`` the sheet for samples drawn from now on (older samples keep theirs)."""
        require(self._acting, Permission.MANAGE_SETTINGS)
        sheet = sheet_from_json(data)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            sheet_id = self._repo.add_sheet(sheet.to_json(), at=at, by=self._user)
            self._audit(at, "file_review.sheet", "file_review_sheet", sheet_id, {})
        return frozenset({Topic.SETTINGS})

    # -- sampling -------------------------------------------------------------------------

    def default_seed(self) -> int:
        """A fresh seed from the clock (stored with the sample and printed, so it can be redone)."""
        return int(self._clock.now().timestamp() * 1_000_000) % 1_000_000_000

    def population(self, rule: SampleRule) -> list[Candidate]:
        rows = self._repo.population(
            rule.year, include_simple=rule.include_simple, exclude_sampled=rule.exclude_sampled
        )
        by_officer = rule.stratify is Stratify.OFFICER
        return [
            Candidate(r.file_no, r.officer if by_officer else r.violation, r.procedure, r.row_id)
            for r in rows
        ]

    def draw(self, rule: SampleRule) -> DrawnSample:
        """Draw and store a sample of the year's closed files (one transaction)."""
        require(self._acting, Permission.DRAW_SAMPLES)
        today = today_in_china(self._clock)
        if not EARLIEST_YEAR <= rule.year <= today.year:
            raise DomainError("file_review.year", "year", {"min": EARLIEST_YEAR, "max": today.year})
        sheet = self.current_sheet()
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            population = self.population(rule)
            if not population:
                raise DomainError("file_review.empty_population", "year", {"year": rule.year})
            chosen = draw(population, rule)
            sample_id = self._repo.add_sample(
                year=rule.year,
                seed=rule.seed,
                rule=rule.to_json(),
                sheet=sheet.to_json(),
                population=len(population),
                at=at,
                by=self._user,
            )
            self._repo.add_files(
                sample_id, ((c.procedure, c.file_no, c.row_id, c.stratum) for c in chosen)
            )
            self._audit(
                at,
                "file_review.sample",
                "file_review_sample",
                sample_id,
                {"rule": rule.to_json(), "population": len(population), "files": len(chosen)},
            )
        sample = self._repo.sample(sample_id)
        assert sample is not None
        return DrawnSample(sample, self._repo.files(sample_id))

    def samples(self, year: int | None = None) -> list[SampleRow]:
        return self._repo.samples(year)

    def files(self, sample_id: int) -> list[SampledFileRow]:
        return self._repo.files(sample_id)

    def file(self, file_id: int) -> SampledFileRow:
        row = self._repo.file(file_id)
        if row is None:
            raise DomainError("file_review.no_file", "file", {"id": file_id})
        return row

    def sheet_of(self, sample_id: int) -> ScoreSheet:
        return sheet_from_json(self._sample(sample_id).sheet)

    # -- scoring --------------------------------------------------------------------------

    def findings(self, file_id: int) -> list[FindingRow]:
        return self._repo.findings(file_id)

    @held_to_length
    def score(self, file_id: int, findings: Sequence[Finding]) -> FileScore:
        """Score a file against its sample's sheet; its findings become its defect records."""
        require(self._acting, Permission.SCORE_FILES)
        file = self.file(file_id)
        sheet = self.sheet_of(file.sample_id)
        for index, finding in enumerate(findings, start=1):
            if len(finding.note) > MAX_NOTE_CHARS:
                raise DomainError("value.too_long", "note", {"row": index, "max": MAX_NOTE_CHARS})
        result = score_file(sheet, findings)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            if any(f.rectified_on for f in self._repo.findings(file_id)):
                raise DomainError("file_review.rescore_rectified", "file", {"no": file.file_no})
            self._repo.record_score(
                file_id,
                score=(result.form, result.content, result.total, result.vetoed, result.grade),
                findings=[
                    NewFinding(f.item.code, f.item.kind.value, f.item.label, f.points, f.note)
                    for f in result.findings
                ],
                at=at,
                by=self._user,
            )
            self._audit(
                at,
                "file_review.score",
                "file_review_file",
                file_id,
                {
                    "file_no": file.file_no,
                    "total": result.total,
                    "grade": result.grade.value,
                    "findings": [[f.item.code, f.points] for f in result.findings],
                },
            )
        return result

    # -- rectification --------------------------------------------------------------------

    def defects(self, sample_id: int, *, open_only: bool = False) -> list[FindingRow]:
        return self._repo.defects(sample_id, open_only=open_only)

    @held_to_length
    def rectify(self, finding_id: int, on: dt.date, rectification: str) -> Changes:
        """Record that a defect was put right: when and how."""
        require(self._acting, Permission.RECTIFY_DEFECTS)
        text = rectification.strip()
        if not text:
            raise DomainError("value.required", "rectification")
        if len(text) > MAX_RECTIFICATION_CHARS:
            raise DomainError("value.too_long", "rectification", {"max": MAX_RECTIFICATION_CHARS})
        not_future(on, today_in_china(self._clock), "rectified_on")
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            finding = self._repo.finding(finding_id)
            if finding is None:
                raise DomainError("file_review.no_defect", "defect", {"id": finding_id})
            if finding.rectified_on is not None:
                raise DomainError(
                    "file_review.already_rectified",
                    "defect",
                    {"no": finding.file_no, "date": finding.rectified_on},
                )
            file = self.file(finding.file_id)
            assert file.scored_at is not None
            scored_on = dt.datetime.fromisoformat(file.scored_at).astimezone(CHINA_TZ).date()
            not_before(on, scored_on, "rectified_on", "评查日期")
            self._repo.rectify(finding_id, on=on.isoformat(), rectification=text)
            self._audit(
                at,
                "file_review.rectify",
                "file_review_finding",
                finding_id,
                {"file_no": finding.file_no, "on": on.isoformat()},
            )
        return frozenset({Topic.FILE_REVIEWS})

    # -- the two lists as PDFs ------------------------------------------------------------

    def sample(self, sample_id: int) -> SampleRow:
        """One sample with its stored rule; refused when there is no such sample."""
        return self._sample(sample_id)

    def _sample(self, sample_id: int) -> SampleRow:
        sample = self._repo.sample(sample_id)
        if sample is None:
            raise DomainError("file_review.no_sample", "sample", {"id": sample_id})
        return sample

    def sample_list_pdf(self, sample_id: int, letterhead: Letterhead) -> bytes:
        """抽查案卷清单: the sample's rule and each file with its score and grade."""
        sample = self._sample(sample_id)
        lists = renderers.file_review_lists
        view = lists.SampleListView(letterhead, sample, tuple(self._repo.files(sample_id)))
        return lists.render_sample_list(view)

    def rectification_list_pdf(self, sample_id: int, letterhead: Letterhead) -> bytes:
        """评查问题整改清单: every defect of the sample with its rectification."""
        sample = self._sample(sample_id)
        lists = renderers.file_review_lists
        view = lists.RectificationListView(letterhead, sample, tuple(self._repo.defects(sample_id)))
        return lists.render_rectification_list(view)

    # -- annual figures -------------------------------------------------------------------

    def annual(self, year: int) -> FileReviewFigures:
        sampled, grades = self._repo.annual_counts(year)
        return FileReviewFigures(sampled, grades)

    def _audit(
        self, at: str, action: str, object_type: str, object_id: int, detail: dict[str, object]
    ) -> None:
        AuditLog(self._db).append(
            AuditEntry(at, self._user, action, object_type, str(object_id), "ok", detail)
        )


__all__ = ["MAX_SEED", "DrawnSample", "FileReviewFigures", "FileReviewService"]
