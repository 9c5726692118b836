"""执法文书 (DOMAIN §16): which documents a case can have, their view-models, and making them.

Each document is built from the recorded case (never re-keyed), refused with the missing steps
when the case is not that far, numbered once when first made, written whole or not at all,
and logged (the documents carry the party's full personal data).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from chuansha_enforce.domain.accounts.accounts import Permission, require
from chuansha_enforce.domain.cases.case_deadlines import CaseClocks
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.evidence_rules import evidence_text
from chuansha_enforce.domain.cases.service_rules import service_note
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.demolition.forced_demolition import structure_area
from chuansha_enforce.domain.demolition.forced_demolition_steps import StructureArea
from chuansha_enforce.domain.documents.documents import (
    FORCED_KINDS,
    GENERAL_KINDS,
    NUMBER_KINDS,
    DocumentKind,
    amount_text,
    chinese_date,
    is_demolition,
    missing_steps,
    outstanding_fen,
    payment_text,
    penalty_text,
    proposal,
    remedy_text,
    split_basis,
)
from chuansha_enforce.domain.enums import EnumMap, Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import PartyRecord, SimpleDecisionRecord
from chuansha_enforce.domain.settings import Settings
from chuansha_enforce.reports.document_views import (
    REQUIRED_FIELDS,
    AdvanceNoticeView,
    ClosingApprovalView,
    DecisionView,
    DeferralDecisionView,
    DemolitionReminderView,
    DocumentHead,
    DocumentView,
    FilingApprovalView,
    ForcedAnnouncementView,
    ForcedDecisionView,
    HearingNoticeView,
    InstalmentLine,
    NoPenaltyDecisionView,
    OrderView,
    PaymentReminderView,
    ServedDocument,
    ServiceReceiptView,
)
from chuansha_enforce.resource_paths import resources_dir
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.numbering_service import NumberingService
from chuansha_enforce.services.output_files import (
    bytes_saver,
    check_output_place,
    refuse_database_files,
    write_output,
)
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.connection import database_path, write_transaction
from chuansha_enforce.storage.documents.document_repository import (
    DocumentRepository,
    MadeDocument,
    SimpleDecisionRow,
)
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog

DOCX = ".docx"
TEMPLATES_FOLDER = "templates"
CORRECTION = "责令当事人立即改正上述违法行为。"
ENFORCEMENT_LAW = "《中华人民共和国行政强制法》第三十七条、第四十四条"
FORCED_BASIS = EnumMap(
    StructureArea,
    {
        StructureArea.URBAN: "《中华人民共和国城乡规划法》第六十八条、" + ENFORCEMENT_LAW,
        StructureArea.RURAL: "《中华人民共和国城乡规划法》第六十五条、" + ENFORCEMENT_LAW,
    },
)
FORCED_METHOD = (
    "由本机关依法组织强制拆除上述违法建筑物、构筑物或者设施。本机关将予以公告，"
    "公告期满当事人仍未自行拆除的，于公告期满后择日实施，不在夜间或者法定节假日实施。"
)
BLANK = "—"


def default_templates_dir() -> Path:
    return resources_dir() / TEMPLATES_FOLDER


def user_templates_dir(db_path: Path) -> Path:
    """The squad's own templates: ``templates/`` in the user data folder, beside the database."""
    return db_path.parent / TEMPLATES_FOLDER


@dataclass(frozen=True, slots=True)
class DocumentState:
    """One line of a case's 文书 menu: can it be made, and was it."""

    kind: DocumentKind
    missing: tuple[str, ...]
    made: MadeDocument | None

    @property
    def can_make(self) -> bool:
        return not self.missing


@dataclass(frozen=True, slots=True)
class MadeFile:
    path: Path
    kind: DocumentKind
    document_no: str | None
    size: int


def _payment_due(clocks: CaseClocks) -> dt.date | None:
    """The last day to pay as the case's clocks count it (APL 67, holidays considered)."""
    return next((c.due for c in clocks.clocks if c.name == "payment_due"), None)


def _text(value: str | None) -> str:
    return value if value else BLANK


def _party_head(party: PartyRecord) -> dict[str, str]:
    organisation = party.kind in (PartyType.LEGAL_PERSON, PartyType.OTHER_ORGANISATION)
    return {
        "party_name": party.name,
        "party_kind": party.kind.label,
        "party_id_number": _text(party.id_number),
        "party_address": _text(party.address),
        "legal_representative": (party.legal_representative or "") if organisation else "",
    }


class DocumentService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        case_files: CaseFileService,
        settings: SettingsService,
        numbering: NumberingService,
        templates: Path | None = None,
        user_templates: Path | None = None,
    ) -> None:
        super().__init__(ctx)
        self._case_files = case_files
        self._settings = settings
        self._numbering = numbering
        self._documents = DocumentRepository(ctx.db)
        self._templates = templates or default_templates_dir()
        self._user_templates = user_templates

    # -- what can be made ---------------------------------------------------------------
    def _simple(self, number: str) -> SimpleDecisionRow | None:
        return self._documents.simple_decision(number.strip())

    def _case(self, number: str) -> CaseFile:
        return self._case_files.find(number)

    def _missing(self, kind: DocumentKind, case: CaseFile, clocks: CaseClocks) -> tuple[str, ...]:
        return missing_steps(kind, case, today_in_china(self._clock), _payment_due(clocks))

    def states(self, number: str) -> list[DocumentState]:
        """Every kind the case (or simple decision) offers, with its state."""
        today = today_in_china(self._clock)
        simple = self._simple(number)
        if simple is not None:
            made = self._documents.made(simple.decision.decision_no)
            missing = () if simple.decision.legal_basis else ("处罚依据",)
            kind = DocumentKind.SIMPLE_DECISION
            return [DocumentState(kind, missing, made.get(kind.value))]
        seen = self._case_files.view(number, today)
        made = self._documents.made(seen.case.case_no)
        demolition = is_demolition(seen.case)  # forced demolition follows only an order
        return [
            DocumentState(kind, self._missing(kind, seen.case, seen.clocks), made.get(kind.value))
            for kind in GENERAL_KINDS
            if demolition or kind not in FORCED_KINDS
        ]

    # -- view-models --------------------------------------------------------------------
    def view(self, number: str, kind: DocumentKind, document_no: str | None = None) -> DocumentView:
        """The view-model of one document, refused with the steps it still waits for."""
        today = today_in_china(self._clock)
        settings = self._settings.current()
        simple = self._simple(number)
        if simple is not None:
            if kind is not DocumentKind.SIMPLE_DECISION:  # nothing else is made for one
                raise DomainError(
                    "document.simple_decision_only",
                    "document_kind",
                    {"case_no": number, "kind": kind.label},
                )
            if not simple.decision.legal_basis:
                raise self._refusal(number, kind, ("处罚依据",))
            return self._simple_view(simple, settings)
        seen = self._case_files.view(number, today)
        if kind is DocumentKind.SIMPLE_DECISION:
            params = {"case_no": seen.case.case_no, "kind": kind.label}
            raise DomainError("document.simple_kind_for_case", "document_kind", params)
        missing = self._missing(kind, seen.case, seen.clocks)
        if missing:
            raise self._refusal(seen.case.case_no, kind, missing)
        made = self._documents.made(seen.case.case_no)
        return _CaseViews(seen.case, seen.clocks, settings, today, document_no or "", made).build(
            kind
        )

    @staticmethod
    def _refusal(number: str, kind: DocumentKind, missing: tuple[str, ...]) -> DomainError:
        return DomainError(
            "document.missing_steps",
            "document_kind",
            {"case_no": number, "kind": kind.label, "steps": "、".join(missing)},
        )

    def _simple_view(self, row: SimpleDecisionRow, settings: Settings) -> DecisionView:
        d: SimpleDecisionRecord = row.decision
        violated, provision = split_basis(d.legal_basis or "")
        if d.penalty_kind is PenaltyKind.FINE:
            penalty = f"罚款{amount_text(d.fine_fen)}"
            payment = (
                "罚款已由执法人员当场收缴，并出具专用票据。"
                if d.collected_on_spot
                else payment_text(settings.payment_method)
            )
        else:
            penalty, payment = PenaltyKind.WARNING.label, "警告自本决定书送达之日起生效。"
        facts = "，".join(
            x for x in (chinese_date(d.decided_on), d.location, d.violation or d.cause) if x
        )
        return DecisionView(
            head=DocumentHead(
                organisation=settings.organisation,
                title=DocumentKind.SIMPLE_DECISION.label,
                document_no=d.decision_no,
                case_no=d.decision_no,
                cause=d.cause,
                date=chinese_date(d.decided_on),
                **_party_head(d.party),
            ),
            facts=facts,
            evidence="执法人员现场检查所见及当事人陈述",
            provision_violated=violated,
            penalty_provision=provision,
            penalty=penalty,
            payment=payment,
            correction=CORRECTION,
            remedy=remedy_text(
                simple=True,
                decided_on=d.decided_on,
                body=settings.reconsideration_body,
                court=settings.court,
            ),
            officers="、".join(row.officer_names),
        )

    # -- making -------------------------------------------------------------------------
    def check_output(self, path: Path) -> None:
        refuse_database_files(Path(path), database_path(self._db))
        if Path(path).suffix.lower() != DOCX:
            raise DomainError("report.suffix", "path", {"path": str(path), "suffix": DOCX})
        check_output_place(Path(path))

    def _number(self, number: str, kind: DocumentKind, made: MadeDocument | None) -> str | None:
        """The document's 文号: the one issued when first made, else a new one (needs the
        caller's write transaction); the decisions carry the case's own numbers."""
        if made is not None:
            return made.document_no
        number_kind = NUMBER_KINDS[kind]
        if number_kind is None:
            return None
        year = today_in_china(self._clock).year
        return self._numbering.issue_within(number_kind, year, number)

    def make(
        self,
        number: str,
        kind: DocumentKind,
        path: Path,
    ) -> MadeFile:
        """Fill the kind's template for the case and write it to ``path`` (whole or not at
        all). The number is issued, the document recorded and logged in one transaction, so a
        refused template or a failed write leaves the database as it was. A general case's
        document is made from what the case shows: its version is claimed first (refused when
        the case is no longer at the version an ``edited_as_read`` of its number names)."""
        require(self._acting, Permission.RECORD_CASES)
        self.check_output(path)
        self.view(number, kind)  # refused before any number is issued
        at = utc_timestamp(self._clock)
        written: Path | None = None
        try:
            with write_transaction(self._db):
                simple = self._simple(number)
                if simple is None:
                    reference = self._case_files.claim_edit(number).case_no
                else:
                    reference = simple.decision.decision_no
                made = self._documents.made(reference).get(kind.value)
                document_no = self._number(reference, kind, made)
                view = self.view(number, kind, document_no)
                from chuansha_enforce.reports.docx_render import render_docx  # noqa: PLC0415

                data = render_docx(self.template(kind), view, REQUIRED_FIELDS[kind.value])
                written = write_output(Path(path), database_path(self._db), bytes_saver(data))
                document_no = document_no or view.head.document_no or None  # a decision's own
                self._documents.record_made(reference, kind.value, document_no, at)
                AuditLog(self._db).append(
                    AuditEntry(
                        at,
                        self._user,
                        "document.make",
                        "simple_decision" if simple else "general_case",
                        reference,
                        "ok",
                        {"kind": kind.value, "document_no": document_no},
                    )
                )
        except BaseException:
            if written is not None:
                with contextlib.suppress(OSError):
                    written.unlink()  # no document stays without its record
            raise
        return MadeFile(written, kind, document_no, len(data))

    def template(self, kind: DocumentKind) -> Path:
        """The template in use: the squad's own copy when there is one, else the shipped one."""
        name = f"{kind.value}{DOCX}"
        if self._user_templates is not None and (self._user_templates / name).is_file():
            return self._user_templates / name
        return self._templates / name


class _CaseViews:
    """The view-models of a general case's documents, as of ``today``."""

    def __init__(  # noqa: PLR0917
        self,
        case: CaseFile,
        clocks: CaseClocks,
        settings: Settings,
        today: dt.date,
        number: str,
        made: dict[str, MadeDocument],
    ) -> None:
        self.case = case
        self.clocks = clocks
        self.settings = settings
        self.today = today
        self.number = number
        self.made = made

    def head(
        self, kind: DocumentKind, day: dt.date | None, number: str | None = None
    ) -> DocumentHead:
        c = self.case
        return DocumentHead(
            organisation=self.settings.organisation,
            title=kind.label,
            document_no=number if number is not None else self.number,
            case_no=c.case_no,
            cause=c.cause,
            date=chinese_date(day or self.today),
            **_party_head(c.party),
        )

    def remedy(self, decided_on: dt.date) -> str:
        return remedy_text(
            simple=False,
            decided_on=decided_on,
            body=self.settings.reconsideration_body,
            court=self.settings.court,
        )

    def build(self, kind: DocumentKind) -> DocumentView:
        c = self.case
        violated, provision = split_basis(c.legal_basis or "")
        facts = _text(c.violation)
        decision = c.decision
        if kind is DocumentKind.FILING_APPROVAL:
            return FilingApprovalView(
                head=self.head(kind, c.filed_on, c.case_no),
                clue_on=chinese_date(c.clue_on) if c.clue_on else BLANK,
                filed_on=chinese_date(c.filed_on),
                location=_text(c.location),
                facts=facts,
                legal_basis=_text(c.legal_basis),
                officers="、".join(
                    f"{o.officer_name}（执法证号{o.certificate_no}）" for o in c.officers
                ),
            )
        if kind is DocumentKind.ADVANCE_NOTICE:
            assert c.notice is not None
            proposed = proposal(c)
            assert proposed is not None
            return AdvanceNoticeView(
                head=self.head(kind, c.notice.served_on),
                facts=facts,
                provision_violated=violated,
                penalty_provision=provision,
                proposed_penalty=penalty_text(proposed),
                statement_days=f"{self.settings.statement_working_days}个工作日",
                hearing_right=c.notice.hearing_offered,
                hearing_text=(
                    "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权"
                    "要求举行听证。如要求听证，应当自收到本告知书之日起五个工作日内向本机关提出；"
                    "逾期未提出的，视为放弃听证权利。"
                ),
            )
        if kind is DocumentKind.HEARING_NOTICE:
            hearing = c.hearing
            assert hearing is not None
            assert hearing.notice_on
            assert hearing.held_on
            return HearingNoticeView(
                head=self.head(kind, hearing.notice_on),
                hearing_date=chinese_date(hearing.held_on),
                presiding=_text(hearing.presiding),
                requested_on=chinese_date(hearing.requested_on) if hearing.requested_on else BLANK,
            )
        if kind is DocumentKind.PENALTY_DECISION:
            assert decision is not None
            assert decision.decision_no
            return DecisionView(
                head=self.head(kind, decision.decided_on, decision.decision_no),
                facts=facts,
                evidence=evidence_text(c),
                provision_violated=violated,
                penalty_provision=provision,
                penalty=penalty_text(decision),
                payment=(
                    payment_text(self.settings.payment_method)
                    if decision.fine_fen + decision.confiscation_fen
                    else "本决定自送达之日起生效。"
                ),
                correction=CORRECTION,
                remedy=self.remedy(decision.decided_on),
                officers="、".join(o.officer_name for o in c.officers),
            )
        if kind is DocumentKind.NO_PENALTY_DECISION:
            assert decision is not None
            assert decision.decision_no
            reason = decision.no_penalty_reason
            return NoPenaltyDecisionView(
                head=self.head(kind, decision.decided_on, decision.decision_no),
                facts=facts,
                evidence=evidence_text(c),
                legal_basis=_text(c.legal_basis),
                reason=reason.label if reason else BLANK,
                remedy=self.remedy(decision.decided_on),
            )
        if kind in (DocumentKind.CORRECTION_ORDER, DocumentKind.DEMOLITION_ORDER):
            deadline = c.decision.demolition_deadline if c.decision else None
            if deadline is not None:  # the decided order's own deadline (DOMAIN §13)
                order = (
                    f"根据上述规定，责令你（单位）于{deadline.year}年{deadline.month}月"
                    f"{deadline.day}日前自行拆除上述违法建筑物、构筑物或者设施。"
                    "逾期不拆除的，本机关将依法处理。"
                )
            elif is_demolition(c):
                days = self.settings.demolition_period_days
                order = (
                    f"根据上述规定，责令你（单位）自收到本通知书之日起{days}日内自行拆除上述违法"
                    "建筑物、构筑物或者设施。逾期不拆除的，本机关将依法处理。"
                )
            else:
                order = "根据上述规定，责令你（单位）立即改正上述违法行为。"
            return OrderView(
                head=self.head(kind, None),
                facts=facts,
                provision_violated=violated,
                order=order,
                remedy=self.remedy(self.today),
            )
        if kind is DocumentKind.SERVICE_RECEIPT:
            return ServiceReceiptView(head=self.head(kind, None, ""), receipts=self.receipts())
        if kind is DocumentKind.PAYMENT_REMINDER:
            due = _payment_due(self.clocks)
            assert decision is not None
            assert c.served_on is not None
            assert due is not None
            return PaymentReminderView(
                head=self.head(kind, None),
                decision_no=_text(decision.decision_no),
                decided_on=chinese_date(decision.decided_on),
                served_on=chinese_date(c.served_on),
                fine=amount_text(c.money_decided_fen),
                outstanding=amount_text(outstanding_fen(c)),
                due_on=chinese_date(due),
                surcharge=amount_text(self.clocks.surcharge_fen),
            )
        if kind is DocumentKind.DEFERRAL_DECISION:
            plan = c.instalment_plan
            assert decision is not None
            assert c.served_on is not None
            assert plan is not None
            single = len(plan.instalments) == 1
            return DeferralDecisionView(
                head=self.head(kind, plan.approved_on),
                decision_no=_text(decision.decision_no),
                decided_on=chinese_date(decision.decided_on),
                served_on=chinese_date(c.served_on),
                fine=amount_text(c.money_decided_fen),
                owed=amount_text(plan.total_fen),
                manner="延期" if single else "分期",
                instalments=tuple(
                    InstalmentLine(
                        "缴款期限" if single else f"第{n}期",
                        chinese_date(item.due_on),
                        amount_text(item.amount_fen),
                    )
                    for n, item in enumerate(plan.instalments, start=1)
                ),
            )
        if kind in FORCED_KINDS:
            return self.forced(kind)
        if kind is DocumentKind.CLOSING_APPROVAL:
            assert c.closed_on is not None
            return ClosingApprovalView(
                head=self.head(kind, c.closed_on, c.case_no),
                decision_no=_text(decision.decision_no if decision else None),
                decided_on=chinese_date(decision.decided_on) if decision else BLANK,
                outcome=self.outcome(),
                performance=self.performance(),
                closed_on=chinese_date(c.closed_on),
                close_reason=_text(c.close_reason),
            )
        raise DomainError("document.missing_steps", "document_kind", {"case_no": c.case_no,
                          "kind": kind.label, "steps": "处罚决定"})  # fmt: skip

    def order_no(self) -> str:
        """The 责令限期拆除 order's number: its notice's 文号 when made, else the decision's."""
        made = self.made.get(DocumentKind.DEMOLITION_ORDER.value)
        decision = self.case.decision
        return _text(made.document_no if made else decision.decision_no if decision else None)

    def forced(
        self, kind: DocumentKind
    ) -> DemolitionReminderView | ForcedDecisionView | ForcedAnnouncementView:
        """The documents of forced demolition, from the recorded steps (DOMAIN §13)."""
        c = self.case
        forced = c.forced
        decision = c.decision
        assert decision is not None
        assert decision.demolition_deadline is not None
        facts = _text(c.violation)
        if kind is DocumentKind.DEMOLITION_REMINDER:
            reminder = forced.reminder
            assert reminder is not None
            served = c.served_on
            return DemolitionReminderView(
                head=self.head(kind, reminder.served_on),
                facts=facts,
                order_no=self.order_no(),
                decided_on=chinese_date(decision.decided_on),
                served_on=chinese_date(served) if served else BLANK,
                deadline=chinese_date(decision.demolition_deadline),
                until=chinese_date(reminder.until),
            )
        assert forced.decided_on is not None
        if kind is DocumentKind.FORCED_DECISION:
            violated, _ = split_basis(c.legal_basis or "")
            area = structure_area(c)
            authority = forced.authority
            reminder = forced.reminder
            statement = forced.statement
            return ForcedDecisionView(
                head=self.head(kind, forced.decided_on),
                facts=facts,
                provision_violated=violated,
                order_no=self.order_no(),
                deadline=chinese_date(decision.demolition_deadline),
                reminder=chinese_date(reminder.served_on) if reminder else BLANK,
                statement=(
                    f"{statement.kind.label}（{chinese_date(statement.on)}）"
                    if statement
                    else BLANK
                ),
                authority=(
                    f"经区人民政府责成（{authority.document}，{chinese_date(authority.on)}），"
                    if area is StructureArea.URBAN and authority is not None
                    else ""
                ),
                basis=FORCED_BASIS[area],
                method=FORCED_METHOD,
                remedy=self.remedy(forced.decided_on),
            )
        announcement = forced.announcement
        assert announcement is not None
        made = self.made.get(DocumentKind.FORCED_DECISION.value)
        return ForcedAnnouncementView(
            head=self.head(kind, announcement.on),
            facts=facts,
            location=_text(c.location),
            decision_no=_text(made.document_no if made else None),
            decided_on=chinese_date(forced.decided_on),
            until=chinese_date(announcement.until),
        )

    def outcome(self) -> str:
        decision = self.case.decision
        if decision is None:
            return BLANK
        if decision.outcome is Outcome.PENALTY:
            return penalty_text(decision)
        if decision.outcome is Outcome.NO_PENALTY and decision.no_penalty_reason:
            return f"不予处罚（{decision.no_penalty_reason.label}）"
        return decision.outcome.label

    def performance(self) -> str:
        c = self.case
        if c.money_decided_fen == 0:
            return "无罚没款"
        paid = f"已缴纳{amount_text(c.paid_fen)}"
        if c.surcharge_paid_fen:
            paid += f"，加处罚款{amount_text(c.surcharge_paid_fen)}"
        return paid

    def receipts(self) -> tuple[ServedDocument, ...]:
        c = self.case
        place = _text(c.party.address)
        out: list[ServedDocument] = []
        if c.notice is not None:
            notice = self.made.get(DocumentKind.ADVANCE_NOTICE.value)
            out.append(
                ServedDocument(
                    DocumentKind.ADVANCE_NOTICE.label,
                    _text(notice.document_no if notice else None),
                    chinese_date(c.notice.served_on),
                    BLANK,
                    place,
                )
            )
        if c.decision is not None and c.served_on is not None:
            kind = (
                DocumentKind.NO_PENALTY_DECISION
                if c.decision.outcome is Outcome.NO_PENALTY
                else DocumentKind.DEMOLITION_ORDER  # an order alone is no penalty (§13)
                if c.decision.outcome is Outcome.ORDER_ONLY
                else DocumentKind.PENALTY_DECISION
            )
            number = (
                self.order_no()
                if kind is DocumentKind.DEMOLITION_ORDER
                else _text(c.decision.decision_no)
            )
            method = c.service_method.label if c.service_method else BLANK
            out.append(
                ServedDocument(
                    kind.label,
                    number,
                    chinese_date(c.served_on),
                    method,
                    place,
                    service_note(c),
                )
            )
        reminder = c.forced.reminder
        if reminder is not None:  # the 催告书 on the order is served too (行政强制法 35, 38)
            made = self.made.get(DocumentKind.DEMOLITION_REMINDER.value)
            out.append(
                ServedDocument(
                    DocumentKind.DEMOLITION_REMINDER.label,
                    _text(made.document_no if made else None),
                    chinese_date(reminder.served_on),
                    BLANK,
                    place,
                )
            )
        return tuple(out)
