"""Ledger rows to domain records, checked by the same domain rules as the GUI and the CLI.

Every problem in a row is collected (not just the first) as a ``LedgerIssue`` naming the
sheet, the Excel row and the header; warnings (an overdue decision, a major-case flag that
disagrees with the classifier) are kept apart and never block the import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from chuansha_enforce.domain import case_rules
from chuansha_enforce.domain.case_file import Certificate, Decision, ReviewRound
from chuansha_enforce.domain.deadlines import decision_due
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.major_case import MajorFacts, MajorThresholds, assess_major
from chuansha_enforce.domain.money import format_fen
from chuansha_enforce.domain.records import (
    GeneralCaseRecord,
    ImportedReview,
    OfficerRecord,
    PartyRecord,
    PaymentRecord,
    SimpleDecisionRecord,
)
from chuansha_enforce.domain.simple_rules import SimpleLimits, check_simple_decision
from chuansha_enforce.domain.work_calendar import WorkCalendar
from chuansha_enforce.ledger.sheets import LedgerIssue, RawRow
from chuansha_enforce.ledger.values import (
    cell_text,
    parse_bool,
    parse_choice,
    parse_date,
    parse_money,
    parse_names,
    parse_officer_ref,
)

OUTCOME_WORDS = {o.label: o for o in Outcome if o is not Outcome.PENALTY}

# Where a rule's field code points in each sheet.
GENERAL_HEADERS = {
    "case_no": "案件编号",
    "decision_no": "决定书文号",
    "cause": "案由",
    "violation": "违法行为",
    "legal_basis": "法律依据",
    "party_kind": "当事人类型",
    "party_name": "当事人",
    "id_number": "证件号码",
    "location": "违法地点",
    "officers": "承办人",
    "filed_on": "立案日期",
    "hearing": "听证",
    "major": "重大案件",
    "reviewer": "法制审核人",
    "reviewed_on": "法制审核日期",
    "opinion": "法制审核结论",
    "decided_on": "决定日期",
    "kinds": "处罚种类",
    "no_penalty_reason": "不予处罚理由",
    "fine": "罚款金额",
    "confiscation": "没收金额",
    "served_on": "送达日期",
    "paid_on": "缴款日期",
    "amount": "实缴金额",
    "closed_on": "结案日期",
    "notes": "备注",
}
SIMPLE_HEADERS = {
    "decision_no": "决定书编号",
    "party_kind": "当事人类型",
    "party_name": "当事人",
    "id_number": "证件号码",
    "cause": "案由",
    "violation": "违法行为",
    "location": "违法地点",
    "officers": "执法人员",
    "decided_on": "决定日期",
    "kinds": "处罚种类",
    "fine": "罚款金额",
    "collected_on_spot": "当场收缴",
    "on_spot_reason": "备注",
    "paid_on": "缴款日期",
    "notes": "备注",
}
OFFICER_HEADERS = {
    "officer_name": "姓名",
    "certificate_no": "执法证号",
    "issued_on": "发证日期",
    "expires_on": "有效期至",
    "status": "状态",
    "cancelled_on": "注销日期",
}


@dataclass
class ImportContext:
    """What rows are checked against: the database's and the file's officers and numbers."""

    today: dt.date
    calendar: WorkCalendar
    thresholds: MajorThresholds = field(default_factory=MajorThresholds)
    limits: SimpleLimits = field(default_factory=SimpleLimits)
    certificates: dict[str, Certificate] = field(default_factory=dict)
    case_numbers: dict[str, str] = field(default_factory=dict)  # number -> where it is
    decision_numbers: dict[str, str] = field(default_factory=dict)
    simple_numbers: dict[str, str] = field(default_factory=dict)
    # Where a number already is in the database ("数据库中的案件 …"), or None.
    case_in_db: Callable[[str], str | None] = lambda _number: None
    decision_in_db: Callable[[str], str | None] = lambda _number: None
    simple_in_db: Callable[[str], str | None] = lambda _number: None
    _next_id: int = -1

    def where_case(self, number: str) -> str | None:
        return self.case_numbers.get(number) or self.case_in_db(number)

    def where_decision(self, number: str) -> str | None:
        return self.decision_numbers.get(number) or self.decision_in_db(number)

    def where_simple(self, number: str) -> str | None:
        return self.simple_numbers.get(number) or self.simple_in_db(number)

    def add_officer(self, officer: OfficerRecord) -> None:
        self.certificates[officer.certificate_no] = Certificate(
            self._next_id,
            officer.name,
            officer.certificate_no,
            officer.issued_on,
            officer.expires_on,
            officer.status,
            officer.cancelled_on,
        )
        self._next_id -= 1

    def by_name(self, name: str) -> list[Certificate]:
        return [c for c in self.certificates.values() if c.officer_name == name]


class _Row:
    """Parses one row's cells, turning each failure into an issue on its header."""

    def __init__(self, sheet: str, row: RawRow, headers: Mapping[str, str]) -> None:
        self.sheet = sheet
        self.row = row
        self.headers = headers
        self.errors: list[LedgerIssue] = []
        self.warnings: list[LedgerIssue] = []

    def header(self, key: str | None) -> str | None:
        return self.headers.get(key or "", key)

    def issue(self, error: DomainError, key: str | None, *, warning: bool = False) -> None:
        target = self.warnings if warning else self.errors
        header = self.header(error.field or key)
        target.append(LedgerIssue(self.sheet, self.row.row, header, error.code, error.params))

    def raw(self, key: str) -> object:
        value = self.row.cells.get(self.headers[key])
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def get(self, key: str, parse: Callable[[object], object], *, required: bool = False) -> object:
        value = self.raw(key)
        if value is None:
            if required:
                self.issue(DomainError("ledger.required"), key)
            return None
        try:
            return parse(value)
        except DomainError as error:
            self.issue(error, key)
            return None

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.get(key, cell_text, required=required)
        return value if isinstance(value, str) and value else None

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.get(key, parse_date, required=required)
        return value if isinstance(value, dt.date) else None

    def money(self, key: str) -> int | None:
        value = self.get(key, parse_money)
        return value if isinstance(value, int) else None

    def check(self, rule: Callable[[], object]) -> bool:
        try:
            rule()
        except DomainError as error:
            self.issue(error, None)
            return False
        return True


def _check_date(
    r: _Row, key: str, day: dt.date | None, *, earlier: dt.date | None, what: str, today: dt.date
) -> None:
    if day is None:
        return
    try:
        if earlier is not None:
            case_rules.not_before(day, earlier, key, what)
        case_rules.not_future(day, today, key)
    except DomainError as error:
        r.issue(error, key)


def _party_kind(value: object) -> PartyType:
    return PartyType.from_label(parse_choice(value, [k.label for k in PartyType]))


def _officers(r: _Row, ctx: ImportContext, on: dt.date | None) -> list[Certificate] | None:
    names = r.get("officers", parse_names, required=True)
    if not isinstance(names, list):
        return None
    found: list[Certificate] = []
    for text in names:
        try:
            name, number = parse_officer_ref(str(text))
        except DomainError as error:
            r.issue(error, "officers")
            return None
        if number is not None:
            cert = ctx.certificates.get(number)
            if cert is None or cert.officer_name != name:
                r.issue(DomainError("ledger.officer_unknown", None, {"officer": text}), "officers")
                return None
            found.append(cert)
            continue
        candidates = ctx.by_name(name)
        if on is not None and len(candidates) > 1:
            candidates = [c for c in candidates if c.valid_on(on)] or candidates
        if not candidates:
            r.issue(DomainError("ledger.officer_unknown", None, {"officer": name}), "officers")
            return None
        if len(candidates) > 1:
            r.issue(DomainError("ledger.officer_ambiguous", None, {"officer": name}), "officers")
            return None
        found.append(candidates[0])
    return found


def officer_from_row(
    sheet: str, row: RawRow, ctx: ImportContext
) -> tuple[OfficerRecord | None, _Row]:
    r = _Row(sheet, row, OFFICER_HEADERS)
    name = r.text("officer_name", required=True)
    number = r.text("certificate_no", required=True)
    issued = r.date("issued_on", required=True)
    expires = r.date("expires_on")
    status_text = r.get("status", lambda v: parse_choice(v, [s.label for s in CertificateStatus]))
    status = (
        CertificateStatus.from_label(status_text)
        if isinstance(status_text, str)
        else CertificateStatus.VALID
    )
    cancelled = r.date("cancelled_on")
    if number is not None and number in ctx.certificates:
        r.issue(
            DomainError("officer.certificate_taken", None, {"certificate_no": number}),
            "certificate_no",
        )
    if status is CertificateStatus.CANCELLED and cancelled is None:
        r.issue(DomainError("officer.cancellation_date"), "cancelled_on")
    if issued is not None and expires is not None and expires < issued:
        r.issue(DomainError("officer.expires_before_issue"), "expires_on")
    if r.errors or name is None or number is None or issued is None:
        return None, r
    officer = OfficerRecord(
        name,
        number,
        issued,
        expires,
        status,
        cancelled if status is CertificateStatus.CANCELLED else None,
    )
    ctx.add_officer(officer)
    return officer, r


def _decision(r: _Row, decided: dt.date | None) -> Decision | None:
    words = r.get("kinds", parse_names)
    fine = r.money("fine") or 0
    confiscation = r.money("confiscation") or 0
    reason_text = r.get(
        "no_penalty_reason", lambda v: parse_choice(v, [x.label for x in NoPenaltyReason])
    )
    if decided is None:
        if words or fine or confiscation:
            r.issue(DomainError("ledger.decision_without_date"), "decided_on")
        return None
    if not isinstance(words, list) or not words:
        r.issue(DomainError("ledger.required"), "kinds")
        return None
    outcomes = [OUTCOME_WORDS[w] for w in words if w in OUTCOME_WORDS]
    if outcomes and len(words) > 1:
        r.issue(
            DomainError("ledger.outcome_alone", None, {"value": "、".join(map(str, words))}),
            "kinds",
        )
        return None
    kinds: set[PenaltyKind] = set()
    for word in words:
        if word in OUTCOME_WORDS:
            continue
        try:
            kinds.add(PenaltyKind.from_label(str(word)))
        except ValueError:
            allowed = "、".join([k.label for k in PenaltyKind] + list(OUTCOME_WORDS))
            r.issue(
                DomainError("ledger.choice", None, {"value": word, "allowed": allowed}), "kinds"
            )
            return None
    decision = Decision(
        decision_no=r.text("decision_no"),
        decided_on=decided,
        outcome=outcomes[0] if outcomes else Outcome.PENALTY,
        kinds=frozenset(kinds),
        no_penalty_reason=NoPenaltyReason.from_label(reason_text)
        if isinstance(reason_text, str)
        else None,
        fine_fen=fine,
        confiscation_fen=confiscation,
    )
    if not r.check(lambda: case_rules.check_decision_content(decision)):
        return None
    return decision


def general_case_from_row(
    sheet: str, row: RawRow, ctx: ImportContext
) -> tuple[GeneralCaseRecord | None, _Row]:
    r = _Row(sheet, row, GENERAL_HEADERS)
    case_no = r.text("case_no", required=True)
    cause = r.text("cause", required=True)
    kind = r.get("party_kind", _party_kind, required=True)
    name = r.text("party_name", required=True)
    filed = r.date("filed_on", required=True)
    officers = _officers(r, ctx, filed)
    hearing_text = r.get("hearing", lambda v: parse_choice(v, [h.label for h in HearingState]))
    hearing = (
        HearingState.from_label(hearing_text)
        if isinstance(hearing_text, str)
        else HearingState.NONE
    )
    major_text = r.get("major", parse_bool)
    reviewer = r.text("reviewer")
    reviewed = r.date("reviewed_on")
    opinion_text = r.get("opinion", lambda v: parse_choice(v, [o.label for o in ReviewOpinion]))
    decided = r.date("decided_on")
    served = r.date("served_on")
    paid_on = r.date("paid_on")
    paid = r.money("amount")
    closed = r.date("closed_on")
    decision = _decision(r, decided)
    party = None
    if isinstance(kind, PartyType) and name:
        party = PartyRecord(kind, name, r.text("id_number"))
        try:
            party = case_rules.check_party(party, ctx.today)
        except DomainError as error:
            r.issue(error, "id_number")
    if case_no:
        where = ctx.where_case(case_no)
        if where is not None:
            r.issue(
                DomainError("ledger.case_exists", None, {"case_no": case_no, "where": where}),
                "case_no",
            )
    if decision is not None and decision.decision_no:
        where = ctx.where_decision(decision.decision_no)
        if where is not None:
            r.issue(
                DomainError(
                    "ledger.decision_exists",
                    None,
                    {"decision_no": decision.decision_no, "where": where},
                ),
                "decision_no",
            )
    if filed is not None:
        r.check(lambda: case_rules.not_future(filed, ctx.today, "filed_on"))
        if officers:
            r.check(lambda: case_rules.check_officers(officers, filed))
    # Dates in order: filing ≤ decision ≤ service ≤ payment; closing after the decision.
    order = [
        ("decided_on", decided, "filed_on", filed, "立案日期"),
        ("served_on", served, "decided_on", decided, "决定日期"),
        ("paid_on", paid_on, "served_on", served, "送达日期"),
        ("closed_on", closed, "decided_on", decided, "决定日期"),
        ("reviewed_on", reviewed, "filed_on", filed, "立案日期"),
    ]
    for key, day, _earlier_key, earlier, what in order:
        _check_date(r, key, day, earlier=earlier, what=what, today=ctx.today)
    if served is not None and decided is None:
        r.issue(DomainError("case.not_decided", None, {"case_no": case_no or ""}), "served_on")
    if closed is not None and decided is None:
        r.issue(DomainError("case.close_undecided", None, {"case_no": case_no or ""}), "closed_on")
    if (paid or paid_on) and not (paid and paid_on):
        r.issue(DomainError("ledger.payment_incomplete"), "amount" if paid_on else "paid_on")
    review = None
    if reviewed is not None or reviewer or opinion_text:
        if not reviewer:
            r.issue(DomainError("ledger.required"), "reviewer")
        if reviewed is None:
            r.issue(DomainError("ledger.required"), "reviewed_on")
        if not isinstance(opinion_text, str):
            r.issue(DomainError("ledger.required"), "opinion")
        if reviewer and officers:
            r.check(lambda: case_rules.check_reviewer(reviewer, officers))
        if reviewer and reviewed and isinstance(opinion_text, str):
            review = ImportedReview(reviewer, reviewed, ReviewOpinion.from_label(opinion_text))
    payments: tuple[PaymentRecord, ...] = ()
    if decision is not None and paid and paid_on:
        due = decision.fine_fen + decision.confiscation_fen
        if decision.outcome is not Outcome.PENALTY or due == 0:
            r.issue(DomainError("payment.nothing_due", None, {"case_no": case_no or ""}), "amount")
        elif paid > due + decision.fine_fen:
            limit = format_fen(due + decision.fine_fen)
            r.issue(DomainError("ledger.paid_too_much", None, {"max": limit}), "amount")
        else:
            principal = min(paid, due)
            payments = (PaymentRecord(paid_on, principal, paid - principal, "台账导入"),)
    if party is not None and decision is not None:
        facts = MajorFacts(
            party.kind,
            decision.fine_fen,
            decision.confiscation_fen,
            decision.kinds,
            hearing,
            crime_transfer=decision.outcome is Outcome.TRANSFER_JUDICIAL,
        )
        major = assess_major(facts, ctx.thresholds)
        latest = (
            None
            if review is None
            else ReviewRound(1, review.reviewer, review.reviewed_on, review.opinion, imported=True)
        )
        r.check(lambda: case_rules.check_review_gate(major, latest, decision.decided_on, "opinion"))
        if isinstance(major_text, bool) and major_text != major.major:
            r.issue(
                DomainError(
                    "ledger.major_mismatch", None, {"computed": "是" if major.major else "否"}
                ),
                "major",
                warning=True,
            )
    if filed is not None:
        deadline = decision_due(filed, ctx.calendar).value
        if (decided or ctx.today) > deadline:
            r.issue(
                DomainError("ledger.decision_late", None, {"due": deadline.isoformat()}),
                "decided_on",
                warning=True,
            )
    if r.errors or not (case_no and cause and party and filed and officers):
        return None, r
    ctx.case_numbers[case_no] = f"{sheet} 第{row.row}行"
    if decision is not None and decision.decision_no:
        ctx.decision_numbers[decision.decision_no] = f"{sheet} 第{row.row}行"
    record = GeneralCaseRecord(
        case_no=case_no,
        party=party,
        cause=cause,
        officer_certificates=tuple(o.certificate_no for o in officers),
        filed_on=filed,
        violation=r.text("violation"),
        legal_basis=r.text("legal_basis"),
        location=r.text("location"),
        hearing=hearing,
        decision_no=decision.decision_no if decision else None,
        decided_on=decision.decided_on if decision else None,
        outcome=decision.outcome if decision else None,
        penalty_kinds=decision.kinds if decision else frozenset(),
        no_penalty_reason=decision.no_penalty_reason if decision else None,
        fine_fen=decision.fine_fen if decision else 0,
        confiscation_fen=decision.confiscation_fen if decision else 0,
        served_on=served,
        closed_on=closed,
        payments=payments,
        notes=r.text("notes"),
        review=review,
    )
    return record, r


def simple_decision_from_row(
    sheet: str, row: RawRow, ctx: ImportContext
) -> tuple[SimpleDecisionRecord | None, _Row]:
    r = _Row(sheet, row, SIMPLE_HEADERS)
    number = r.text("decision_no", required=True)
    kind = r.get("party_kind", _party_kind, required=True)
    name = r.text("party_name", required=True)
    cause = r.text("cause", required=True)
    decided = r.date("decided_on", required=True)
    officers = _officers(r, ctx, decided)
    kind_text = r.get("kinds", lambda v: parse_choice(v, ["警告", "罚款"]), required=True)
    fine = r.money("fine") or 0
    on_spot = r.get("collected_on_spot", parse_bool)
    paid_on = r.date("paid_on")
    notes = r.text("notes")
    where_simple = ctx.where_simple(number) if number else None
    if where_simple is not None:
        r.issue(
            DomainError(
                "ledger.decision_exists",
                None,
                {"decision_no": number, "where": where_simple},
            ),
            "decision_no",
        )
    if r.errors or not (
        number
        and isinstance(kind, PartyType)
        and name
        and cause
        and decided
        and officers
        and isinstance(kind_text, str)
    ):
        return None, r
    draft = SimpleDecisionRecord(
        decision_no=number,
        party=PartyRecord(kind, name, r.text("id_number")),
        cause=cause,
        officer_certificates=tuple(o.certificate_no for o in officers),
        decided_on=decided,
        penalty_kind=PenaltyKind.from_label(kind_text),
        violation=r.text("violation"),
        location=r.text("location"),
        fine_fen=fine,
        collected_on_spot=bool(on_spot),
        on_spot_reason=notes if on_spot else None,
        paid_on=paid_on,
        notes=notes,
    )
    try:
        record = check_simple_decision(
            draft, number_taken=False, officers=officers, limits=ctx.limits, today=ctx.today
        )
    except DomainError as error:
        r.issue(error, None)
        return None, r
    ctx.simple_numbers[number] = f"{sheet} 第{row.row}行"
    return record, r
