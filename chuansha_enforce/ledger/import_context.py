"""What ledger rows are checked against: officers and numbers already known, in the database
or earlier in the file; and the results of pure domain rules for values seen before.

The domain rules are the GUI's own (``case_rules.check_party``, ``assess_major``,
``decision_due``); a ledger only asks them about the same party, the same facts or the same
filing date many times, so each distinct question is put to them once per import.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field

from chuansha_enforce.domain.calendar.deadlines import DECISION_CALENDAR_DAYS, decision_due
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases import case_rules
from chuansha_enforce.domain.cases.case_file import Certificate, Decision
from chuansha_enforce.domain.cases.case_gates import GateRules
from chuansha_enforce.domain.cases.discretion import Benchmark
from chuansha_enforce.domain.cases.major_case import (
    MajorAssessment,
    MajorFacts,
    MajorThresholds,
    assess_major,
)
from chuansha_enforce.domain.enums import HearingState, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.domain.reports.personal_data import FreeTextScan
from chuansha_enforce.domain.simple_procedure.simple_rules import SimpleLimits

NumbersInDatabase = Callable[[Collection[str]], Mapping[str, str]]
"""Of these numbers, those already in the database -> where (``数据库中的案件 …``)."""


def _none_in_database(_numbers: Collection[str]) -> Mapping[str, str]:
    return {}


MajorKey = tuple[PartyType, int, int, frozenset[PenaltyKind], HearingState, bool, bool, bool]
"""(party kind, fine, confiscation, kinds, hearing, crime transfer, demolition order,
减轻处罚)."""


@dataclass(frozen=True, slots=True)
class OfficerTeam:
    """A case row's officer references resolved once, whatever the row's date, while no
    certificate is added (``row_mapping._case_officers``)."""

    found: list[Certificate] | None
    """The certificates named (``None``: no references, or one is not known)."""
    unknown: DomainError | None
    """Why a reference is not known."""
    dated: bool
    """A name has several certificates: the row's date picks one (resolved per row)."""
    days: tuple[dt.date, dt.date | None] | None = None
    """The span in which ``case_rules.check_officers`` surely passes
    (``case_rules.officers_valid_days``)."""

    def valid_on(self, day: dt.date) -> bool:
        """Surely no complaint of ``case_rules.check_officers`` on ``day`` (false: ask it)."""
        if self.days is None:
            return False
        first, last = self.days
        return first <= day and (last is None or day <= last)


PartyKey = tuple[PartyType, str, str | None, str | None, str | None]
"""Kind, name, ID number, address, legal representative: one party check each."""


@dataclass
class HistoryRows:
    """Rows decided before ``gates_from`` that lack gate columns: one warning per sheet."""

    rows: int = 0
    first: int = 0
    columns: list[str] = field(default_factory=list)

    def note(self, row: int, missing: list[str]) -> None:
        self.rows += 1
        self.first = self.first or row
        columns = self.columns
        for column in missing:
            if column not in columns:
                columns.append(column)


@dataclass
class ImportContext:
    """One import's view of the database and of the rows accepted so far."""

    today: dt.date
    calendar: WorkCalendar
    thresholds: MajorThresholds = field(default_factory=MajorThresholds)
    limits: SimpleLimits = field(default_factory=SimpleLimits)
    certificates: dict[str, Certificate] = field(default_factory=dict)
    case_numbers: dict[str, str] = field(default_factory=dict)  # number -> where in the file
    decision_numbers: dict[str, str] = field(default_factory=dict)
    simple_numbers: dict[str, str] = field(default_factory=dict)
    cases_in_db: NumbersInDatabase = _none_in_database
    decisions_in_db: NumbersInDatabase = _none_in_database
    simples_in_db: NumbersInDatabase = _none_in_database
    gates_from: dt.date | None = None
    """Rows decided on or after it must carry their gate columns (None: every row is history)."""
    gate_rules: GateRules = field(default_factory=GateRules)
    history: HistoryRows = field(default_factory=HistoryRows)
    benchmarks: tuple[Benchmark, ...] = ()
    """The discretion benchmark table a fine is checked against (DOMAIN §17; the shipped
    defaults are the domain's)."""
    discretion_required: bool = False
    """The setting: a fine of a row decided from ``gates_from`` needs its 情节."""
    free_text: FreeTextScan = field(default_factory=FreeTextScan)
    """The personal-data scan of the free-text cells, each distinct text once."""
    _next_id: int = -1
    _known_cases: Mapping[str, str] = field(default_factory=dict)
    _known_decisions: Mapping[str, str] = field(default_factory=dict)
    _known_simples: Mapping[str, str] = field(default_factory=dict)
    _by_name: dict[str, list[Certificate]] | None = None
    _parties: dict[PartyKey, PartyRecord | DomainError] = field(default_factory=dict)
    _majors: dict[MajorKey, MajorAssessment] = field(default_factory=dict)
    _decision_due: dict[dt.date, dt.date] = field(default_factory=dict)
    _decision_content: dict[tuple[object, ...], DomainError | None] = field(default_factory=dict)
    officer_teams: dict[object, OfficerTeam] = field(default_factory=dict)
    """A case row's officers by their references (``row_mapping``); forgotten when a
    certificate is added, since the answer depends only on the certificates known."""

    # ------------------------------------------------------------------ numbers

    def look_up_numbers(
        self,
        *,
        cases: Collection[str] = (),
        decisions: Collection[str] = (),
        simples: Collection[str] = (),
    ) -> None:
        """Ask the database once which of a sheet's numbers it already holds."""
        if cases:
            self._known_cases = self.cases_in_db(cases)
        if decisions:
            self._known_decisions = self.decisions_in_db(decisions)
        if simples:
            self._known_simples = self.simples_in_db(simples)

    def where_case(self, number: str) -> str | None:
        return self.case_numbers.get(number) or self._known_cases.get(number)

    def where_decision(self, number: str) -> str | None:
        """Where a decision number is already used: 决定书文号 and 简易程序决定书编号 share one
        number space (LEDGER_FORMAT), in the file and in the database alike."""
        return (
            self.decision_numbers.get(number)
            or self.simple_numbers.get(number)
            or self._known_decisions.get(number)
            or self._known_simples.get(number)
        )

    def where_simple(self, number: str) -> str | None:
        return self.where_decision(number)

    # ------------------------------------------------------------------ officers

    def add_certificate(self, certificate: Certificate) -> None:
        self.certificates[certificate.certificate_no] = certificate
        self._by_name = None
        self.officer_teams.clear()

    def add_officer(self, officer: OfficerRecord) -> None:
        self.add_certificate(
            Certificate(
                self._next_id,
                officer.name,
                officer.certificate_no,
                officer.issued_on,
                officer.expires_on,
                officer.status,
                officer.cancelled_on,
            )
        )
        self._next_id -= 1

    def by_name(self, name: str) -> list[Certificate]:
        if self._by_name is None:
            index: dict[str, list[Certificate]] = {}
            for certificate in self.certificates.values():
                index.setdefault(certificate.officer_name, []).append(certificate)
            self._by_name = index
        return self._by_name.get(name, [])

    # ------------------------------------------------------------------ domain rules, once each

    def checked_party(
        self,
        kind: PartyType,
        name: str,
        id_number: str | None,
        address: str | None = None,
        legal_representative: str | None = None,
    ) -> PartyRecord | DomainError:
        """``case_rules.check_party`` of this party: the cleaned record, or what is wrong."""
        key = (kind, name, id_number, address, legal_representative)
        found = self._parties.get(key)
        if found is None:
            party = PartyRecord(kind, name, id_number, address, legal_representative)
            try:
                found = case_rules.check_party(party, self.today)
            except DomainError as error:
                found = error.with_traceback(None)
            self._parties[key] = found
        return found

    def major(self, key: MajorKey) -> MajorAssessment:
        """``assess_major`` of ``MajorKey``'s facts."""
        found = self._majors.get(key)
        if found is None:
            kind, fine, confiscation, kinds, hearing, transfer, order, reduced = key
            facts = MajorFacts(kind, fine, confiscation, kinds, hearing, reduced_penalty=reduced,
                               demolition_order=order, crime_transfer=transfer)  # fmt: skip
            found = self._majors[key] = assess_major(facts, self.thresholds)
        return found

    def decision_content(self, decision: Decision) -> DomainError | None:
        """``case_rules.check_decision_content`` of ``decision``: what is wrong, or ``None``.
        Asked once for each combination of the facts the rule reads."""
        deadline = decision.demolition_deadline
        key = (
            decision.outcome,
            decision.kinds,
            decision.no_penalty_reason,
            decision.fine_fen,
            decision.confiscation_fen,
            decision.reduced_penalty,
            bool((decision.decision_no or "").strip()),
            deadline,
            None if deadline is None else decision.decided_on,
        )
        try:
            return self._decision_content[key]
        except KeyError:
            pass
        try:
            case_rules.check_decision_content(decision)
            found = None
        except DomainError as error:
            found = error.with_traceback(None)
        self._decision_content[key] = found
        return found

    def decision_due(self, filed_on: dt.date, extended_to: dt.date | None = None) -> dt.date:
        """The last day to decide a case filed on ``filed_on`` (``deadlines.decision_due``),
        or the later deadline the row's 延长期限至 gives (extensions and paused time)."""
        if extended_to is not None:
            days = (extended_to - filed_on).days - DECISION_CALENDAR_DAYS
            if days > 0:
                return decision_due(filed_on, self.calendar, days).value
        found = self._decision_due.get(filed_on)
        if found is None:
            found = self._decision_due[filed_on] = decision_due(filed_on, self.calendar).value
        return found
