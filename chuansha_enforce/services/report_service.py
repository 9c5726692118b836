"""Reports: the service builds each frozen view-model, the reports layer turns it into bytes.

The annual figures are the ``StatisticsService`` ones (the same computation as ``stats``);
the public outputs get only de-identified entries (``domain.disclosure``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from chuansha_enforce.domain.after_decision.due_list import DueItem, DueList
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.clock import CHINA_TZ, utc_timestamp
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.reports.disclosure import (
    DisclosureEntry,
    DisclosureSource,
    Withheld,
    disclose,
    name_style,
    withheld,
)
from chuansha_enforce.domain.reports.statistics_breakdown import official_table
from chuansha_enforce.domain.reports.withdrawal_disclosure import WITHDRAWAL_HEADERS, withdrawal_row
from chuansha_enforce.reports import lazy_renderers as renderers
from chuansha_enforce.reports.disclosure import render_disclosure_csv, render_rows_csv
from chuansha_enforce.reports.letterhead import Letterhead
from chuansha_enforce.reports.view_models import (
    AnnualReportView,
    CaseSummaryView,
    PublicCaseView,
    ReviewLine,
    ReviewState,
)
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.output_files import (
    bytes_saver,
    check_output_place,
    refuse_database_files,
    write_output,
)
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.services.statistics_service import StatisticsService
from chuansha_enforce.storage.after_decision.publication_repository import PublicationRepository
from chuansha_enforce.storage.connection import database_path, write_transaction
from chuansha_enforce.storage.errors import StorageError
from chuansha_enforce.storage.reports.disclosure_repository import DisclosureRepository
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

WITHHELD_LABELS = EnumMap(
    Withheld,
    {
        Withheld.NOT_A_PENALTY: "未作出处罚决定",
        Withheld.MINOR: "当事人为未成年人",
        Withheld.WARNING_ONLY: "仅予警告",
        Withheld.WITHDRAWN: "决定已被撤销、变更或确认违法（撤回公示）",
    },
)


@dataclass(frozen=True, slots=True)
class DisclosureList:
    year: int
    entries: tuple[DisclosureEntry, ...]
    withheld: dict[Withheld, int]


def disclosure_source(case: CaseFile) -> DisclosureSource | None:
    """What the disclosure rules read from a case file (None before any decision)."""
    decision = case.decision
    if decision is None:
        return None
    return DisclosureSource(
        case_no=case.case_no,
        party=case.party,
        decision_no=decision.decision_no,
        decided_on=decision.decided_on,
        outcome=decision.outcome,
        kinds=decision.kinds,
        fine_fen=decision.fine_fen,
        confiscation_fen=decision.confiscation_fen,
        violation=case.violation,
        legal_basis=case.legal_basis,
        location=case.location,
        withdrawn=case.publication.withdrawn_on is not None
        or case.publication.set_aside is not None,
    )


class ReportService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        statistics: StatisticsService,
        case_files: CaseFileService,
        settings: SettingsService,
    ) -> None:
        super().__init__(ctx)
        self._statistics = statistics
        self._case_files = case_files
        self._settings = settings

    # -- view-models ------------------------------------------------------------------------
    def letterhead(self, title: str) -> Letterhead:
        current = self._settings.current()
        generated = self._clock.now().astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        return Letterhead(
            organisation=current.organisation,
            squad=current.squad,
            title=title,
            generated_at=generated,
            audit_head=AuditLog(self._db).head(),
        )

    def case_summary(self, case_no: str, as_of: dt.date | None = None) -> CaseSummaryView:
        view = self._case_files.view(case_no, as_of)
        case = view.case
        reviews = tuple(
            ReviewLine(
                round_no=r.round_no,
                reviewer=r.reviewer,
                reviewed_on=r.reviewed_on,
                opinion=r.opinion.label,
                state=ReviewState.IMPORTED if r.imported else ReviewState.UNSIGNED,
                note=r.note,
            )
            for r in case.reviews
        )
        return CaseSummaryView(
            letterhead=self.letterhead(f"案件摘要 {case.case_no}"),
            case=case,
            as_of=view.as_of,
            clocks=view.clocks,
            major_reasons=view.major.labels if view.major.major else (),
            reviews=reviews,
        )

    def public_case(self, case_no: str) -> PublicCaseView:
        """The de-identified version; refused when the decision is not to be published."""
        case = self._case_files.find(case_no)
        source = disclosure_source(case)
        entry = None if source is None else self._disclose(source)
        if source is None or entry is None:
            reason = (withheld(source) if source else None) or Withheld.NOT_A_PENALTY
            raise DomainError(
                "report.not_public",
                "case_no",
                {"case_no": case.case_no, "reason": WITHHELD_LABELS[reason]},
            )
        return PublicCaseView(self.letterhead(f"行政处罚决定信息公开 {entry.decision_no}"), entry)

    def _disclose(self, source: DisclosureSource) -> DisclosureEntry | None:
        """The published entry under the squad's settings (authority, how names appear)."""
        current = self._settings.current()
        return disclose(
            source,
            current.organisation,
            name_style(current.public_name_style),
            business_full_name=current.public_business_full_name,
        )

    def annual(self, year: int) -> AnnualReportView:
        figures = self._statistics.annual(year)
        breakdown = self._statistics.breakdown(year)
        return AnnualReportView(
            letterhead=self.letterhead(f"{year}年度行政执法统计"),
            figures=figures,
            breakdown=breakdown,
            table=official_table(figures, breakdown.reduced_penalty),
        )

    def disclosure(self, year: int) -> DisclosureList:
        if not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        entries: list[DisclosureEntry] = []
        skipped: Counter[Withheld] = Counter()
        for source in DisclosureRepository(self._db).penalty_decisions(year):
            reason = withheld(source)
            entry = self._disclose(source)
            if reason is not None or entry is None:
                skipped[reason or Withheld.NOT_A_PENALTY] += 1
            else:
                entries.append(entry)
        return DisclosureList(year, tuple(entries), dict(skipped))

    def check_full_copy(self, case_no: str) -> None:
        """Refuse, before anything is built, an internal case summary that could not be logged.

        The internal PDF keeps the full identity number and address, so who made a copy, when,
        and whether it was made goes into the audit log (DOMAIN §8, PIPL). A session that
        cannot write (read-only, or accounts without a login) is refused here; nothing is
        written. The outcome is logged by :meth:`record_full_copy` once it is known.
        """
        with write_transaction(self._db):
            self._case_files.find(case_no)

    def record_full_copy(
        self, case_no: str, outcome: str = "ok", detail: Mapping[str, object] | None = None
    ) -> None:
        """Log the internal case summary's outcome: ``ok`` only after the PDF was made (the
        bytes exist; the CLI has written its file), else ``failed`` with the error's code,
        or ``cancelled`` when the user dropped a PDF before it was shown."""
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            case = self._case_files.find(case_no)
            AuditLog(self._db).append(
                AuditEntry(
                    at,
                    self._user,
                    "report.case_full",
                    "general_case",
                    case.case_no,
                    outcome,
                    dict(detail or {}),
                )
            )

    def save_full_copy(
        self, case_no: str, path: Path, as_of: dt.date | None = None
    ) -> tuple[Path, int]:
        """Make the internal case summary, write it to ``path`` and log it (the CLI's way).

        Refused before anything is built when the copy could not be logged; a failure to build
        or to write is logged as ``failed``; the file stays only once ``ok`` is logged.
        """
        self.check_output(path, ".pdf")  # refused before anything is logged
        self.check_full_copy(case_no)
        try:
            data = self.case_pdf(case_no, as_of=as_of)
            written = self.save(path, data, ".pdf")
        except Exception as exc:
            code = exc.code if isinstance(exc, DomainError | StorageError) else type(exc).__name__
            with contextlib.suppress(DomainError, StorageError):  # the first error is the news
                self.record_full_copy(case_no, "failed", {"error": code})
            raise
        try:
            self.record_full_copy(case_no)
        except BaseException:
            written.unlink(missing_ok=True)  # no copy stays without its record
            raise
        return written, len(data)

    # -- bytes ------------------------------------------------------------------------------
    def case_pdf(
        self, case_no: str, *, public: bool = False, as_of: dt.date | None = None
    ) -> bytes:
        if public:
            return renderers.case_summary.render_public_case(self.public_case(case_no))
        return renderers.case_summary.render_case_summary(self.case_summary(case_no, as_of))

    def annual_pdf(self, year: int) -> bytes:
        return renderers.annual_totals.render_annual_totals(self.annual(year))

    def due_list_pdf(self, listing: DueList, items: Sequence[DueItem] | None = None) -> bytes:
        """The due list as printed (待办事项清单), its items in the order shown."""
        shown = tuple(listing.items if items is None else items)
        view = renderers.due_list.DueListView(self.letterhead("待办事项清单"), listing, shown)
        return renderers.due_list.render_due_list(view)

    def structure_list_pdf(self, as_of: dt.date, rows: Sequence[Sequence[str]]) -> bytes:
        """The 违法建筑 list as printed (违法建筑清单): the window's cells, in its order."""
        view = renderers.structure_list.StructureListView(
            self.letterhead("违法建筑清单"), as_of, tuple(tuple(r) for r in rows)
        )
        return renderers.structure_list.render_structure_list(view)

    def withdrawals_csv(self, year: int) -> tuple[bytes, int]:
        """The publications withdrawn in ``year`` (撤回公示), de-identified; and their count."""
        if not 1949 <= year <= 9999:
            raise DomainError("list.year", "year", {"year": year})
        current = self._settings.current()
        style = name_style(current.public_name_style)
        rows = [
            withdrawal_row(s, style, business_full_name=current.public_business_full_name)
            for s in PublicationRepository(self._db).withdrawals(year)
        ]
        return render_rows_csv(WITHDRAWAL_HEADERS, rows), len(rows)

    def disclosure_csv(self, year: int) -> tuple[bytes, DisclosureList]:
        listing = self.disclosure(year)
        return render_disclosure_csv(listing.entries), listing

    def check_output(self, path: Path, suffix: str) -> None:
        """Refuse a destination before anything is done for it: the database, its companion
        files and its backups, or a name without ``suffix``."""
        refuse_database_files(Path(path), database_path(self._db))
        if Path(path).suffix.lower() != suffix:
            raise DomainError("report.suffix", "path", {"path": str(path), "suffix": suffix})
        check_output_place(Path(path))

    def save(self, path: Path, data: bytes, suffix: str) -> Path:
        """Write the bytes whole or not at all (a temporary file renamed into place)."""
        self.check_output(path, suffix)
        return write_output(Path(path), database_path(self._db), bytes_saver(data))
