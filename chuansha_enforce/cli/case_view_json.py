"""The ``case show --json`` object (a stable contract: scripts rely on its keys)."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.accounts.identity import id_number_for_list
from chuansha_enforce.domain.cases.available_steps import available_steps
from chuansha_enforce.domain.cases.case_deadlines import case_instalments
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.discretion import DiscretionChoice
from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.demolition.forced_demolition import has_order, structure_area
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.case_file_service import CaseView


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def case_view_json(view: CaseView, lang: Lang = "zh") -> dict[str, object]:
    case = view.case
    decision = case.decision
    proof = case.service_proof
    return {
        "case_no": case.case_no,
        "version": case.version,  # an edit may carry it: ``--version N`` (issue 23)
        "status": case.status.label,
        "as_of": view.as_of.isoformat(),
        "party": {
            "kind": case.party.kind.label,
            "name": case.party.name,
            "id_number": id_number_for_list(case.party.kind, case.party.id_number),
        },
        "cause": case.cause,
        "violation": case.violation,
        "legal_basis": case.legal_basis,
        "location": case.location,
        "clue_on": case.clue_on.isoformat() if case.clue_on else None,
        "filed_on": case.filed_on.isoformat(),
        "officers": [
            {"name": o.officer_name, "certificate_no": o.certificate_no} for o in case.officers
        ],
        "notice_on": case.notice.served_on.isoformat() if case.notice else None,
        "notice_discretion": discretion_json(view.notice_discretion),
        "hearing": case.hearing_state.label,
        "reviews": [
            {
                "round": r.round_no,
                "reviewer": r.reviewer,
                "reviewed_on": r.reviewed_on.isoformat(),
                "opinion": r.opinion.label,
                "imported": r.imported,
            }
            for r in case.reviews
        ],
        "decision": None
        if decision is None
        else {
            "decision_no": decision.decision_no,
            "decided_on": decision.decided_on.isoformat(),
            "outcome": decision.outcome.label,
            "kinds": [k.label for k in sorted(decision.kinds, key=lambda k: k.severity)],
            "no_penalty_reason": decision.no_penalty_reason.label
            if decision.no_penalty_reason
            else None,
            "fine_fen": decision.fine_fen,
            "confiscation_fen": decision.confiscation_fen,
            "demolition_deadline": decision.demolition_deadline.isoformat()
            if decision.demolition_deadline
            else None,
            "discretion": discretion_json(view.discretion),
        },
        "education": None
        if case.education is None
        else {"on": case.education.given_on.isoformat(), "how": case.education.how},
        "served_on": case.served_on.isoformat() if case.served_on else None,
        "service_method": case.service_method.label if case.service_method else None,
        "evidence": [
            {
                "kind": e.kind.label,
                "description": e.description,
                "obtained_on": e.obtained_on.isoformat(),
            }
            for e in case.evidence
        ],
        "service_attempts": [
            {
                "attempted_on": a.attempted_on.isoformat(),
                "method": a.method.label,
                "result": a.result.label,
                "note": a.note,
            }
            for a in case.service_attempts
        ],
        "service_witness": proof.witness if proof else None,
        "service_recorded": bool(proof and proof.recorded),
        "service_consent_on": proof.consent_on.isoformat() if proof and proof.consent_on else None,
        "payments": [
            {
                "paid_on": p.paid_on.isoformat(),
                "amount_fen": p.amount_fen,
                "surcharge_fen": p.surcharge_fen,
                "channel": p.channel,
                "receipt_no": p.receipt_no,
            }
            for p in case.payments
        ],
        "instalments": None
        if case.instalment_plan is None
        else {
            "approved_on": case.instalment_plan.approved_on.isoformat(),
            "items": [
                {
                    "due_on": i.due_on.isoformat(),
                    "amount_fen": i.amount_fen,
                    "paid_on": i.paid_on.isoformat() if i.paid_on else None,
                    "days_late": i.days_late,
                    "surcharge_fen": i.surcharge_fen,
                }
                for i in case_instalments(case, view.as_of)
            ],
        },
        "reminder": None
        if case.reminder is None
        else {
            "served_on": case.reminder.served_on.isoformat(),
            "until": case.reminder.until.isoformat(),
        },
        "court": None
        if case.court is None
        else {
            "applied_on": case.court.applied_on.isoformat(),
            "ruling_on": case.court.ruling_on.isoformat() if case.court.ruling_on else None,
            "ruling": case.court.ruling,
        },
        "forced_demolition": forced_demolition_json(case),
        "closed_on": case.closed_on.isoformat() if case.closed_on else None,
        "major": view.major.major,
        "major_reasons": list(view.major.labels),
        "deadlines": view.clocks.due_dates(),
        "deadline_states": {c.name: c.state.value for c in view.clocks.clocks},
        "calendar_warnings": [
            {"year": w.year, "message": render("calendar.fallback", {"year": w.year}, lang)}
            for w in view.clocks.warnings
        ],
        "paid_fen": case.paid_fen,
        "days_late": view.clocks.days_late,
        "publication": {
            "published_on": _iso(case.publication.published_on),
            "unrecorded": case.publication.unrecorded,
            "set_aside_on": _iso(
                case.publication.set_aside.on if case.publication.set_aside else None
            ),
            "withdrawn_on": _iso(case.publication.withdrawn_on),
            "withdrawal_reason": case.publication.withdrawal_reason,
        },
        "close_reason": case.close_reason,
        "close_reason_kind": case.close_reason_kind.label if case.close_reason_kind else None,
        "surcharge_fen": view.clocks.surcharge_fen,
        "amount_due_fen": view.clocks.amount_due_fen,
        "needs_new_review": case.needs_new_review,
        "corrections": [
            {
                "at": china_time(c.at),
                "user": c.user,
                "field": c.label,
                "before": c.before,
                "after": c.after,
                "reason": c.reason,
                "superseded_round": c.superseded_round,
                "affects_publication": c.affects_publication,
            }
            for c in case.corrections
        ],
        # each case step: null when it is open now, else why not (available_steps)
        "steps": {
            key: None if why is None else render(why.code, why.params, lang)
            for key, why in available_steps(case).items()
        },
    }


def discretion_json(choice: DiscretionChoice | None) -> dict[str, object] | None:
    """情节 (``circumstance``), 裁量调整 (``deviation``: 从轻/减轻/从重) and its reason
    (DOMAIN §17); None when nothing is recorded."""
    if choice is None:
        return None
    return {
        "circumstance": choice.circumstance,
        "deviation": choice.deviation.label if choice.deviation else None,
        "reason": choice.reason,
    }


def forced_demolition_json(case: CaseFile) -> dict[str, object] | None:
    """The steps after a demolition order (DOMAIN §13); None without an order."""
    if not has_order(case):
        return None
    f = case.forced
    return {
        "structure_area": structure_area(case).label,
        "reminder": None
        if f.reminder is None
        else {"served_on": f.reminder.served_on.isoformat(), "until": f.reminder.until.isoformat()},
        "statement": None
        if f.statement is None
        else {"on": f.statement.on.isoformat(), "kind": f.statement.kind.label},
        "authority": None
        if f.authority is None
        else {"document": f.authority.document, "on": f.authority.on.isoformat()},
        "decided_on": _iso(f.decided_on),
        "announcement": None
        if f.announcement is None
        else {"on": f.announcement.on.isoformat(), "until": f.announcement.until.isoformat()},
        "carried_out": None
        if f.carried_out is None
        else {
            "on": f.carried_out.on.isoformat(),
            "at": f.carried_out.at.strftime("%H:%M"),
            "witnesses": list(f.carried_out.witnesses),
        },
        "removed_on": _iso(f.removed_on),
    }
