"""Reading a whole case file and writing its steps (inside the caller's transaction)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

import sqlite_utils

from chuansha_enforce.domain.after_decision.enforcement_steps import (
    CourtApplication,
    InstalmentPlan,
    PaymentReminder,
)
from chuansha_enforce.domain.after_decision.publication import UnpaidCloseReason
from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    CaseFile,
    Certificate,
    Decision,
    DecisionPause,
    Discussion,
    Education,
    Extension,
    Hearing,
    OfficerChange,
    Proposal,
    ReviewRound,
    StatementKind,
    SurchargePause,
)
from chuansha_enforce.domain.enums import (
    CertificateStatus,
    DecisionPauseKind,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PauseKind,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
    heaviest,
)
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord
from chuansha_enforce.storage.after_decision.enforcement_lookup import (
    applications_for,
    plans_for,
    reminders_for,
)
from chuansha_enforce.storage.after_decision.publication_repository import PublicationRepository
from chuansha_enforce.storage.cases.parties import insert_party
from chuansha_enforce.storage.cases.service_repository import ServiceRepository
from chuansha_enforce.storage.corrections.correction_repository import CorrectionRepository
from chuansha_enforce.storage.demolition.forced_demolition_repository import (
    forced_demolition,
)


def _d(text: object) -> dt.date | None:
    return dt.date.fromisoformat(str(text)) if text else None


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_CERT_COLUMNS = (
    "c.id, o.name, c.certificate_no, c.issued_on, c.expires_on, c.status, c.cancelled_on,"
    " c.officer_id"
)


def _certificate(row: Sequence[object]) -> Certificate:
    return Certificate(
        id=int(str(row[0])),
        officer_name=str(row[1]),
        certificate_no=str(row[2]),
        issued_on=dt.date.fromisoformat(str(row[3])),
        expires_on=_d(row[4]),
        status=CertificateStatus(str(row[5])),
        cancelled_on=_d(row[6]),
        officer_id=int(str(row[7])),
    )


def _kinds(text: object) -> frozenset[PenaltyKind]:
    return frozenset(PenaltyKind(k) for k in str(text or "").split(",") if k)


def _kinds_text(kinds: Iterable[PenaltyKind]) -> str:
    return ",".join(sorted(k.value for k in kinds))


class CaseFileRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- look-ups -------------------------------------------------------------------
    def certificates(self) -> list[Certificate]:
        rows = self._db.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates c JOIN officers o ON o.id = c.officer_id"
            " ORDER BY o.name, c.certificate_no"
        ).fetchall()
        return [_certificate(r) for r in rows]

    def certificates_by_number(self, numbers: Iterable[str]) -> dict[str, Certificate]:
        wanted = list(dict.fromkeys(numbers))
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        rows = self._db.execute(
            f"SELECT {_CERT_COLUMNS} FROM certificates c JOIN officers o ON o.id = c.officer_id"
            f" WHERE c.certificate_no IN ({marks})",
            wanted,
        ).fetchall()
        return {c.certificate_no: c for c in map(_certificate, rows)}

    def case_id(self, case_no: str) -> int | None:
        row = self._db.execute(
            "SELECT id FROM general_cases WHERE case_no = ? AND deleted_at IS NULL", [case_no]
        ).fetchone()
        return None if row is None else int(row[0])

    def case_no_exists(self, case_no: str) -> bool:
        query = "SELECT 1 FROM general_cases WHERE case_no = ?"
        return self._db.execute(query, [case_no]).fetchone() is not None

    def decision_no_exists(self, decision_no: str) -> bool:
        query = "SELECT 1 FROM general_cases WHERE decision_no = ?"
        return self._db.execute(query, [decision_no]).fetchone() is not None

    def overdue_candidates(self, as_of: dt.date, *, year: int | None = None) -> Iterator[int]:
        """Open cases that may have a missed duty on ``as_of`` (exact check by the caller),
        newest-filed first, filed in ``year`` when given; read as the caller goes on.

        Each period is at least as long in calendar days as its statutory count (extensions
        only lengthen the decision's), so this prefilter never drops a case really overdue.
        """

        def before(days: int) -> str:
            return (as_of - dt.timedelta(days=days)).isoformat()

        in_year = "" if year is None else f" AND filed_year = {int(year)}"
        rows = self._db.execute(
            "SELECT id FROM general_cases c WHERE deleted_at IS NULL AND closed_on IS NULL"
            f"{in_year} AND ("
            " (decided_on IS NULL AND filed_on < ?)"
            " OR (decided_on IS NOT NULL AND served_on IS NULL AND decided_on < ?)"
            " OR (served_on IS NOT NULL AND outcome = 'penalty' AND served_on < ?"
            "     AND fine_fen + confiscation_fen > (SELECT coalesce(sum(amount_fen), 0)"
            "         FROM payments p WHERE p.case_id = c.id))"
            " OR (served_on IS NOT NULL AND demolition_order = 1))"  # the order's clocks
            " ORDER BY filed_on DESC, id DESC",
            [before(90), before(7), before(15)],
        )
        return (int(r[0]) for r in rows)

    # -- the whole file -----------------------------------------------------------------
    def _legal_representative(self, case_id: int) -> str | None:
        row = self._db.execute(
            "SELECT p.legal_representative FROM general_cases c"
            " JOIN parties p ON p.id = c.party_id WHERE c.id = ?",
            [case_id],
        ).fetchone()
        return None if row is None else row[0]

    def load(self, case_id: int) -> CaseFile:
        db = self._db
        row = db.execute(
            "SELECT c.id, c.case_no, p.kind, p.name, p.id_number, p.address, c.cause,"
            " c.violation, c.legal_basis, c.location, c.filed_on, c.clue_on, c.hearing,"
            " c.decision_no, c.decided_on, c.outcome, c.no_penalty_reason, c.fine_fen,"
            " c.confiscation_fen, c.reduced_penalty, c.served_on, c.service_method,"
            " c.closed_on, c.close_reason, c.demolition_order, c.major_flag_reason, c.notes,"
            " c.complex_reason, c.violation_on, c.violation_continuing, c.five_year_reason,"
            # the version first, with the case's row: what is read after it is as new or newer
            # (never an older case beside a newer version: an edit from it would pass unseen)
            " (SELECT v.version FROM case_versions v WHERE v.case_id = c.id)"
            " FROM general_cases c JOIN parties p ON p.id = c.party_id WHERE c.id = ?",
            [case_id],
        ).fetchone()
        if row is None:
            raise KeyError(case_id)
        (cid, case_no, kind, name, id_number, address, cause, violation, legal_basis,
         location, filed_on, clue_on, hearing_state, decision_no, decided_on, outcome,
         no_penalty_reason, fine, confiscation, reduced, served_on, service_method,
         closed_on, close_reason, demolition, major_flag, notes, complex_reason, violation_on,
         continuing, five_year_reason, version) = row  # fmt: skip
        officers = tuple(
            _certificate(r)
            for r in db.execute(
                f"SELECT {_CERT_COLUMNS} FROM general_case_officers g"
                " JOIN certificates c ON c.id = g.certificate_id"
                " JOIN officers o ON o.id = c.officer_id WHERE g.case_id = ? ORDER BY c.id",
                [cid],
            )
        )
        kinds = frozenset(
            PenaltyKind(k)
            for (k,) in db.execute(
                "SELECT kind FROM general_case_penalties WHERE case_id = ?", [cid]
            )
        )
        notice_row = db.execute(
            "SELECT served_on, hearing_offered, statement_on, proposed_kinds, proposed_fine_fen,"
            " proposed_confiscation_fen, facts, basis, heavy_marked, statement_kind,"
            " proposed_demolition FROM advance_notices WHERE case_id = ?",
            [cid],
        ).fetchone()
        notice = (
            None
            if notice_row is None
            else AdvanceNotice(
                dt.date.fromisoformat(notice_row[0]),
                bool(notice_row[1]),
                _d(notice_row[2]),
                _kinds(notice_row[3]),
                int(notice_row[4]),
                int(notice_row[5]),
                notice_row[6],
                notice_row[7],
                bool(notice_row[8]),
                StatementKind(notice_row[9]) if notice_row[9] else None,
                bool(notice_row[10]),
            )
        )
        hearing_row = db.execute(
            "SELECT state, requested_on, notice_on, held_on, presiding, waived_on FROM hearings"
            " WHERE case_id = ?",
            [cid],
        ).fetchone()
        hearing = None
        if hearing_row is not None:
            hearing = Hearing(
                HearingState(hearing_row[0]),
                _d(hearing_row[1]),
                _d(hearing_row[2]),
                _d(hearing_row[3]),
                hearing_row[4],
                _d(hearing_row[5]),
            )
        elif hearing_state != HearingState.NONE.value:
            hearing = Hearing(HearingState(hearing_state))  # imported: the state only
        reviews = tuple(
            ReviewRound(
                r[0],
                r[1],
                dt.date.fromisoformat(r[2]),
                ReviewOpinion(r[3]),
                bool(r[4]),
                r[5],
                Proposal.from_text(r[6]),
            )
            for r in db.execute(
                "SELECT round_no, reviewer, reviewed_on, opinion, imported, note, proposal"
                " FROM legal_review_rounds WHERE case_id = ? ORDER BY round_no",
                [cid],
            )
        )
        discussions = tuple(
            Discussion(
                dt.date.fromisoformat(r[0]), r[1], tuple(p for p in (r[2] or "").split(",") if p)
            )
            for r in db.execute(
                "SELECT held_on, minutes, participants FROM collective_discussions"
                " WHERE case_id = ?"
                " ORDER BY held_on, id",
                [cid],
            )
        )
        extensions = tuple(
            Extension(r[0], dt.date.fromisoformat(r[1]), int(r[2]), r[3])
            for r in db.execute(
                "SELECT approved_by, approved_on, days, reason FROM decision_extensions"
                " WHERE case_id = ? ORDER BY approved_on, id",
                [cid],
            )
        )
        payments = tuple(
            PaymentRecord(dt.date.fromisoformat(r[0]), int(r[1]), int(r[2]), r[3], r[4])
            for r in db.execute(
                "SELECT paid_on, amount_fen, surcharge_fen, channel, receipt_no FROM payments"
                " WHERE case_id = ? ORDER BY paid_on, id",
                [cid],
            )
        )
        pauses = tuple(
            SurchargePause(
                PauseKind(r[0]), dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2])
            )
            for r in db.execute(
                "SELECT kind, start_on, end_on FROM surcharge_pauses WHERE case_id = ?"
                " UNION ALL SELECT kind, received_on, coalesce(outcome_on, '9999-12-31')"
                " FROM disputes WHERE case_no IN (?, ?)"
                " ORDER BY 2",
                [cid, case_no, decision_no or case_no],
            )
        )  # a pending dispute about the case pauses its surcharge (APL 73) until its outcome
        changes = tuple(
            OfficerChange(
                dt.date.fromisoformat(r[0]), tuple(r[1].split(",")), tuple(r[2].split(",")), r[3]
            )
            for r in db.execute(
                "SELECT changed_on, before_officers, after_officers, reason FROM officer_changes"
                " WHERE case_id = ? ORDER BY changed_on, id",
                [cid],
            )
        )
        order = db.execute(
            "SELECT deadline FROM demolition_orders WHERE case_id = ?", [cid]
        ).fetchone()
        taught = db.execute(
            "SELECT given_on, how FROM no_penalty_education WHERE case_id = ?", [cid]
        ).fetchone()
        plan, reminder, court = self._enforcement(cid)
        corrections = CorrectionRepository(db)
        decision_pauses = tuple(
            DecisionPause(
                DecisionPauseKind(r[0]),
                dt.date.fromisoformat(r[1]),
                dt.date.fromisoformat(r[2]),
                r[3],
            )
            for r in db.execute(
                "SELECT kind, start_on, end_on, reason FROM decision_pauses WHERE case_id = ?"
                " ORDER BY start_on, id",
                [cid],
            )
        )
        decision = None
        if decided_on is not None:
            decision = Decision(
                decision_no=decision_no,
                decided_on=dt.date.fromisoformat(decided_on),
                # an order alone is stored with no outcome (see schema_0019)
                outcome=Outcome(outcome) if outcome else Outcome.ORDER_ONLY,
                kinds=kinds,
                no_penalty_reason=NoPenaltyReason(no_penalty_reason) if no_penalty_reason else None,
                fine_fen=int(fine),
                confiscation_fen=int(confiscation),
                reduced_penalty=bool(reduced),
                demolition_deadline=_d(order[0]) if order else None,
            )
        publications = PublicationRepository(db)
        close_kind, close_approved_by = publications.closing(cid)
        return CaseFile(
            id=int(cid),
            case_no=case_no,
            party=PartyRecord(
                PartyType(kind), name, id_number, address, self._legal_representative(cid)
            ),
            cause=cause,
            filed_on=dt.date.fromisoformat(filed_on),
            officers=officers,
            violation=violation,
            legal_basis=legal_basis,
            location=location,
            clue_on=_d(clue_on),
            notice=notice,
            hearing=hearing,
            reviews=reviews,
            discussions=discussions,
            extensions=extensions,
            decision=decision,
            served_on=_d(served_on),
            service_method=ServiceMethod(service_method) if service_method else None,
            payments=payments,
            pauses=pauses,
            closed_on=_d(closed_on),
            close_reason=close_reason,
            demolition_order=bool(demolition),
            major_flag_reason=major_flag,
            notes=notes,
            complex_reason=complex_reason,
            violation_on=_d(violation_on),
            violation_continuing=bool(continuing),
            five_year_reason=five_year_reason,
            officer_changes=changes,
            education=Education(dt.date.fromisoformat(taught[0]), taught[1]) if taught else None,
            service_attempts=ServiceRepository(db).attempts(cid),
            service_proof=ServiceRepository(db).proof(cid),
            evidence=ServiceRepository(db).evidence(cid),
            instalment_plan=plan,
            reminder=reminder,
            court=court,
            corrections=corrections.for_case(cid),
            superseded_round=corrections.superseded_round(cid),
            publication=publications.publication(cid, case_no, decision_no),
            close_reason_kind=UnpaidCloseReason(close_kind) if close_kind else None,
            close_approved_by=close_approved_by,
            decision_pauses=decision_pauses,
            forced=forced_demolition(db, cid),
            version=int(version or 0),
        )

    def _enforcement(
        self, case_id: int
    ) -> tuple[InstalmentPlan | None, PaymentReminder | None, CourtApplication | None]:
        """The steps after the decision (DOMAIN §14): the plan, the 催告, the application."""
        ids = [case_id]
        plan = plans_for(self._db, ids).get(case_id)
        reminder = reminders_for(self._db, ids).get(case_id)
        court = applications_for(self._db, ids).get(case_id)
        return plan, reminder, court

    # -- writes -----------------------------------------------------------------------
    def insert_case(
        self,
        *,
        case_no: str,
        party: PartyRecord,
        cause: str,
        violation: str | None,
        legal_basis: str | None,
        location: str | None,
        filed_on: dt.date,
        clue_on: dt.date | None,
        officers: Sequence[Certificate],
        demolition_order: bool,
        major_flag_reason: str | None,
        notes: str | None,
        at: str,
        violation_on: dt.date | None = None,
        violation_continuing: bool = False,
        five_year_reason: str | None = None,
    ) -> int:
        db = self._db
        party_id = insert_party(db, party)
        case_id = db.execute(
            "INSERT INTO general_cases (case_no, party_id, cause, violation, legal_basis,"
            " location, filed_on, clue_on, demolition_order, major_flag_reason, notes,"
            " created_at, updated_at, violation_on, violation_continuing, five_year_reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case_no, party_id, cause, violation, legal_basis, location, filed_on.isoformat(),
             _iso(clue_on), int(demolition_order), major_flag_reason, notes, at, at,
             _iso(violation_on), int(violation_continuing), five_year_reason],
        ).lastrowid  # fmt: skip
        assert case_id is not None
        db.conn.executemany(
            "INSERT INTO general_case_officers (case_id, certificate_id) VALUES (?, ?)",
            [(case_id, o.id) for o in {o.id: o for o in officers}.values()],
        )
        return int(case_id)

    def _touch(self, case_id: int, at: str) -> None:
        self._db.execute("UPDATE general_cases SET updated_at = ? WHERE id = ?", [at, case_id])

    def save_notice(self, case_id: int, notice: AdvanceNotice, at: str) -> None:
        self._db.execute(
            "INSERT INTO advance_notices (case_id, served_on, hearing_offered, statement_on,"
            " created_at, proposed_kinds, proposed_fine_fen, proposed_confiscation_fen, facts,"
            " basis, heavy_marked, statement_kind, proposed_demolition)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (case_id) DO UPDATE SET"
            " served_on = excluded.served_on, hearing_offered = excluded.hearing_offered,"
            " statement_on = excluded.statement_on, proposed_kinds = excluded.proposed_kinds,"
            " proposed_fine_fen = excluded.proposed_fine_fen,"
            " proposed_confiscation_fen = excluded.proposed_confiscation_fen,"
            " facts = excluded.facts, basis = excluded.basis,"
            " heavy_marked = excluded.heavy_marked, statement_kind = excluded.statement_kind,"
            " proposed_demolition = excluded.proposed_demolition",
            [case_id, notice.served_on.isoformat(), int(notice.hearing_offered),
             _iso(notice.statement_on), at, _kinds_text(notice.proposed_kinds),
             notice.proposed_fine_fen, notice.proposed_confiscation_fen, notice.facts,
             notice.basis, int(notice.heavy_marked),
             notice.statement_kind.value if notice.statement_kind else None,
             int(notice.proposed_demolition)],
        )  # fmt: skip
        self._touch(case_id, at)

    def save_hearing(self, case_id: int, hearing: Hearing, at: str) -> None:
        self._db.execute(
            "INSERT INTO hearings (case_id, state, requested_on, notice_on, held_on, presiding,"
            " created_at, waived_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (case_id)"
            " DO UPDATE SET state = excluded.state, requested_on = excluded.requested_on,"
            " notice_on = excluded.notice_on, held_on = excluded.held_on,"
            " presiding = excluded.presiding, waived_on = excluded.waived_on",
            [case_id, hearing.state.value, _iso(hearing.requested_on), _iso(hearing.notice_on),
             _iso(hearing.held_on), hearing.presiding, at, _iso(hearing.waived_on)],
        )  # fmt: skip
        self._db.execute(
            "UPDATE general_cases SET hearing = ?, updated_at = ? WHERE id = ?",
            [hearing.state.value, at, case_id],
        )

    def add_review(self, case_id: int, review: ReviewRound, at: str) -> None:
        self._db.execute(
            "INSERT INTO legal_review_rounds (case_id, round_no, reviewer, reviewed_on, opinion,"
            " imported, note, created_at, proposal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [case_id, review.round_no, review.reviewer, review.reviewed_on.isoformat(),
             review.opinion.value, int(review.imported), review.note, at,
             review.proposal.text() if review.proposal else None],
        )  # fmt: skip
        self._touch(case_id, at)

    def add_discussion(self, case_id: int, discussion: Discussion, at: str) -> None:
        self._db.execute(
            "INSERT INTO collective_discussions (case_id, held_on, minutes, created_at,"
            " participants) VALUES (?, ?, ?, ?, ?)",
            [case_id, discussion.held_on.isoformat(), discussion.minutes, at,
             ",".join(discussion.participants) or None],
        )  # fmt: skip
        self._touch(case_id, at)

    def add_extension(self, case_id: int, extension: Extension, at: str) -> None:
        self._db.execute(
            "INSERT INTO decision_extensions (case_id, approved_by, approved_on, days, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, extension.approved_by, extension.approved_on.isoformat(), extension.days,
             extension.reason, at],
        )  # fmt: skip
        self._touch(case_id, at)

    def save_decision(self, case_id: int, decision: Decision, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET decision_no = ?, decided_on = ?, outcome = ?,"
            " heaviest_kind = ?, no_penalty_reason = ?, fine_fen = ?, confiscation_fen = ?,"
            " reduced_penalty = ?, updated_at = ? WHERE id = ?",
            [
                decision.decision_no,
                decision.decided_on.isoformat(),
                None if decision.outcome is Outcome.ORDER_ONLY else decision.outcome.value,
                heaviest(decision.kinds).value if decision.kinds else None,
                decision.no_penalty_reason.value if decision.no_penalty_reason else None,
                decision.fine_fen,
                decision.confiscation_fen,
                int(decision.reduced_penalty),
                at,
                case_id,
            ],
        )
        self._db.conn.executemany(
            "INSERT INTO general_case_penalties (case_id, kind) VALUES (?, ?)",
            [(case_id, kind.value) for kind in decision.kinds],
        )
        if decision.demolition_deadline is not None:
            self._db.execute(
                "INSERT INTO demolition_orders (case_id, decided_on, deadline, created_at)"
                " VALUES (?, ?, ?, ?)",
                [
                    case_id,
                    decision.decided_on.isoformat(),
                    decision.demolition_deadline.isoformat(),
                    at,
                ],
            )
            self._db.execute(
                "UPDATE general_cases SET demolition_order = 1 WHERE id = ?", [case_id]
            )

    def save_education(self, case_id: int, education: Education, at: str) -> None:
        self._db.execute(
            "INSERT INTO no_penalty_education (case_id, given_on, how, created_at)"
            " VALUES (?, ?, ?, ?)",
            [case_id, education.given_on.isoformat(), education.how, at],
        )
        self._touch(case_id, at)

    def save_service(
        self, case_id: int, served_on: dt.date, method: ServiceMethod, at: str
    ) -> None:
        self._db.execute(
            "UPDATE general_cases SET served_on = ?, service_method = ?, updated_at = ?"
            " WHERE id = ?",
            [served_on.isoformat(), method.value, at, case_id],
        )

    def add_payment(self, case_id: int, payment: PaymentRecord, at: str) -> None:
        self._db.execute(
            "INSERT INTO payments (case_id, paid_on, amount_fen, surcharge_fen, channel,"
            " receipt_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [case_id, payment.paid_on.isoformat(), payment.amount_fen, payment.surcharge_fen,
             payment.channel, payment.receipt_no, at],
        )  # fmt: skip
        self._touch(case_id, at)

    def add_pause(self, case_id: int, pause: SurchargePause, at: str) -> None:
        self._db.execute(
            "INSERT INTO surcharge_pauses (case_id, kind, start_on, end_on, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [case_id, pause.kind.value, pause.start.isoformat(), pause.end.isoformat(), at],
        )
        self._touch(case_id, at)

    def save_plan(self, case_id: int, plan: InstalmentPlan, at: str) -> None:
        self._db.execute(
            "INSERT INTO instalment_plans (case_id, approved_on, created_at) VALUES (?, ?, ?)",
            [case_id, plan.approved_on.isoformat(), at],
        )
        self._db.conn.executemany(
            "INSERT INTO instalments (case_id, due_on, amount_fen) VALUES (?, ?, ?)",
            [(case_id, i.due_on.isoformat(), i.amount_fen) for i in plan.instalments],
        )
        self._touch(case_id, at)

    def save_forced_step(
        self,
        case_id: int,
        step: str,
        on: dt.date,
        at: str,
        *,
        until: dt.date | None = None,
        time: dt.time | None = None,
        detail: str | None = None,
    ) -> None:
        """One step after a demolition order (DOMAIN §13; schema_0025)."""
        self._db.execute(
            "INSERT INTO forced_demolition_steps"
            " (case_id, step, on_date, until_on, at_time, detail, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [case_id, step, on.isoformat(), until.isoformat() if until else None,
             time.strftime("%H:%M") if time else None, detail, at],
        )  # fmt: skip
        self._touch(case_id, at)

    def save_reminder(self, case_id: int, reminder: PaymentReminder, at: str) -> None:
        self._db.execute(
            "INSERT INTO payment_reminders (case_id, served_on, until_on, created_at)"
            " VALUES (?, ?, ?, ?)",
            [case_id, reminder.served_on.isoformat(), reminder.until.isoformat(), at],
        )
        self._touch(case_id, at)

    def save_court_application(self, case_id: int, applied_on: dt.date, at: str) -> None:
        self._db.execute(
            "INSERT INTO court_applications (case_id, applied_on, created_at) VALUES (?, ?, ?)",
            [case_id, applied_on.isoformat(), at],
        )
        self._touch(case_id, at)

    def save_court_ruling(self, case_id: int, ruling_on: dt.date, ruling: str, at: str) -> None:
        self._db.execute(
            "UPDATE court_applications SET ruling_on = ?, ruling = ? WHERE case_id = ?",
            [ruling_on.isoformat(), ruling, case_id],
        )
        self._touch(case_id, at)

    def add_decision_pause(self, case_id: int, pause: DecisionPause, at: str) -> None:
        self._db.execute(
            "INSERT INTO decision_pauses (case_id, kind, start_on, end_on, reason, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, pause.kind.value, pause.start.isoformat(), pause.end.isoformat(),
             pause.reason, at],
        )  # fmt: skip
        self._touch(case_id, at)

    def save_closing(self, case_id: int, closed_on: dt.date, reason: str | None, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET closed_on = ?, close_reason = ?, updated_at = ? WHERE id = ?",
            [closed_on.isoformat(), reason, at, case_id],
        )

    def save_complex(self, case_id: int, reason: str, at: str) -> None:
        self._db.execute(
            "UPDATE general_cases SET complex_reason = ?, updated_at = ? WHERE id = ?",
            [reason, at, case_id],
        )

    def change_officers(
        self, case_id: int, change: OfficerChange, officers: Sequence[Certificate], at: str
    ) -> None:
        """变更承办人: the case's officers become ``officers``; the change is kept."""
        self._db.execute(
            "INSERT INTO officer_changes (case_id, changed_on, before_officers, after_officers,"
            " reason, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [case_id, change.changed_on.isoformat(), ",".join(change.before),
             ",".join(change.after), change.reason, at],
        )  # fmt: skip
        self._db.execute("DELETE FROM general_case_officers WHERE case_id = ?", [case_id])
        self._db.conn.executemany(
            "INSERT INTO general_case_officers (case_id, certificate_id) VALUES (?, ?)",
            [(case_id, o.id) for o in {o.id: o for o in officers}.values()],
        )
        self._touch(case_id, at)
