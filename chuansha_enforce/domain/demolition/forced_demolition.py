"""Forced demolition by the book (DOMAIN §13; 行政强制法 35–37, 43, 44; 城乡规划法 64, 65, 68).

Six gates, in order, after a 责令限期拆除 order:

1. the order served, with a reasonable period (at least ``demolition_min_days`` after the
   decision and after service: never a deadline before the service date);
2. the period passed without compliance, and the reconsideration (60 days) and lawsuit
   (6 months) periods after service passed — or the application decided (44); a pending
   application in the disputes register holds every later step;
3. the 催告 (35, the same record as a fine's: ``case remind``) and the statements after it (36);
4. the 强制拆除决定 (37) after the 催告's deadline and the statements, with a legal review
   agreed and a collective discussion held after the 催告 (a major decision, DOMAIN §3), and
   for an urban structure the district government's 责成 recorded before it (城乡规划法 68);
5. the 公告 giving a last period (44; at least ``announcement_min_days``);
6. carried out after the 公告's period, never at night (``night_start``–``night_end``) nor on a
   statutory holiday (43); other rest days are warned about; at least two witnesses.

Which earlier steps each step needs is one table, ``forced_prerequisites.FORCED_PREREQUISITES``
(the ledger's import reads it too). The party's own removal (自行拆除) ends the sequence at any
point. Where the structure stands is read from the case's violation: 乡村违法建设
(乡村建设规划许可证, 城乡规划法 65) is rural, the town demolishes it itself; any other
structure counts as urban and needs the 责成.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.after_decision.enforcement import NOTHING_TO_ENFORCE, remedies_end
from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.case_deadlines import (
    DUE_SOON_DEFAULT,
    Clock,
    duty_facts,
    effective_service_date,
)
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.case_rules import not_before, not_future
from chuansha_enforce.domain.demolition.forced_clocks import order_clocks
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ReminderStatement,
    ReminderStatementKind,
    StructureArea,
)
from chuansha_enforce.domain.demolition.forced_prerequisites import (
    FORCED_PREREQUISITES,
    LACKING_CODES,
    RECORDED_CODES,
    recorded_on,
)
from chuansha_enforce.domain.disputes.disputes import DisputeRecord
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.settings import Settings

MIN_WITNESSES = 2
RURAL_MARKERS = ("乡村违法建设", "乡村建设规划许可证")

FORCED_STEPS = ("authority", "remind_statement", "enforce", "announce", "carry_out", "removed")
"""The steps of the sequence besides the 催告 itself (``remind``, shared with fines)."""


@dataclass(frozen=True, slots=True)
class ForcedRules:
    """The settings the gates read (domain.settings)."""

    min_days: int = 7
    announcement_min_days: int = 3
    night_start: dt.time = dt.time(22, 0)
    night_end: dt.time = dt.time(6, 0)


def forced_rules(settings: Settings) -> ForcedRules:
    return ForcedRules(
        min_days=settings.demolition_min_days,
        announcement_min_days=settings.announcement_min_days,
        night_start=dt.time.fromisoformat(settings.night_start),
        night_end=dt.time.fromisoformat(settings.night_end),
    )


def structure_area(case: CaseFile) -> StructureArea:
    return area_of(case.violation, case.cause, case.legal_basis)


def area_of(violation: str | None, cause: str, legal_basis: str | None) -> StructureArea:
    """Rural when the violation is 乡村违法建设 or the basis is 城乡规划法 65; else urban."""
    text = f"{violation or ''} {cause}"
    basis = legal_basis or ""
    article_65 = "城乡规划法" in basis and "第六十五条" in basis
    rural = article_65 or any(m in text for m in RURAL_MARKERS)
    return StructureArea.RURAL if rural else StructureArea.URBAN


def has_order(case: CaseFile) -> bool:
    return case.decision is not None and case.decision.demolition_deadline is not None


def _deadline(case: CaseFile) -> dt.date:
    assert case.decision is not None
    assert case.decision.demolition_deadline is not None
    return case.decision.demolition_deadline


# -- gate 1: the order's period -------------------------------------------------------------
def check_order_period(
    decided_on: dt.date, deadline: dt.date, served_on: dt.date | None, rules: ForcedRules
) -> None:
    """At least ``min_days`` from the decision, and from service when it is served."""
    for start, what in ((decided_on, "决定日期"), (served_on, "送达日期")):
        if start is None:
            continue
        if deadline < start + dt.timedelta(days=rules.min_days):
            params = {"deadline": deadline.isoformat(), "start": start.isoformat(),
                      "what": what, "days": rules.min_days}  # fmt: skip
            raise DomainError("forced.period_too_short", "demolition_deadline", params)


# -- what is missing (no dates): the window's answer and the first check of each step ----------
def _base(case: CaseFile) -> DomainError | None:
    if not has_order(case):
        return DomainError("forced.no_order", None, {"case_no": case.case_no})
    if effective_service_date(case) is None:
        return DomainError("forced.not_served", None)
    if case.closed_on is not None:
        return DomainError("case.already_closed", None, {"date": case.closed_on.isoformat()})
    forced = case.forced
    if forced.removed_on is not None:
        return DomainError("forced.removed", None, {"date": forced.removed_on.isoformat()})
    if forced.carried_out is not None:
        return DomainError("forced.carried_out", None, {"date": forced.carried_out.on.isoformat()})
    return None


def _done(day: dt.date | None, key: str) -> DomainError | None:
    return None if day is None else DomainError(key, None, {"date": day.isoformat()})


def forced_refusal(case: CaseFile, step: str) -> DomainError | None:
    """Why ``step`` cannot be recorded on ``case`` now, before any date is looked at: the
    first of its prerequisites (``FORCED_PREREQUISITES``) not recorded, or the step itself
    recorded already."""
    base = _base(case)
    if base is not None:
        return base
    needs = FORCED_PREREQUISITES[structure_area(case)][step]
    if needs is None:  # the one step an area never takes: the 责成 of a rural structure
        return DomainError("forced.authority_rural", None)
    forced = case.forced
    for need in needs:
        if recorded_on(forced, need) is None:
            return DomainError(LACKING_CODES[need], None)
    done = RECORDED_CODES.get(step)
    return None if done is None else _done(recorded_on(forced, step), done)


def _refuse(case: CaseFile, step: str) -> None:
    refusal = forced_refusal(case, step)
    if refusal is not None:
        raise refusal


# -- gates 2 and 3: the 催告 and the statements -------------------------------------------------
def remedies_until(
    case: CaseFile, disputes: Sequence[DisputeRecord], calendar: WorkCalendar
) -> dt.date | None:
    """The last day of the review and lawsuit periods (None while one is pending)."""
    served = effective_service_date(case)
    if served is None:
        return None
    end = remedies_end(served, disputes, calendar)
    return None if end is None else end.value


def check_demolition_reminder(
    case: CaseFile,
    reminder: PaymentReminder,
    today: dt.date,
    disputes: Sequence[DisputeRecord],
    calendar: WorkCalendar,
) -> None:
    """A 催告 only once the order's period and the review and lawsuit periods have run."""
    _refuse(case, "remind")
    not_future(reminder.served_on, today, "served_on")
    deadline = _deadline(case)
    if reminder.served_on <= deadline:
        params = {"date": reminder.served_on.isoformat(), "deadline": deadline.isoformat()}
        raise DomainError("forced.order_period_running", "served_on", params)
    if any(d.outcome in NOTHING_TO_ENFORCE for d in disputes):
        raise DomainError("forced.order_revoked", "served_on")
    end = remedies_until(case, disputes, calendar)
    if end is None:
        raise DomainError("forced.dispute_pending", "served_on")
    if reminder.served_on <= end:
        params = {"date": reminder.served_on.isoformat(), "end": end.isoformat()}
        raise DomainError("forced.remedies_running", "served_on", params)
    if reminder.until <= reminder.served_on:
        params = {"date": reminder.until.isoformat(), "served": reminder.served_on.isoformat()}
        raise DomainError("enforcement.reminder_until", "until", params)


def _pending(disputes: Sequence[DisputeRecord], field: str) -> None:
    if any(d.outcome in NOTHING_TO_ENFORCE for d in disputes):
        raise DomainError("forced.order_revoked", field)
    if any(d.pending for d in disputes):
        raise DomainError("forced.dispute_pending", field)


def check_reminder_statement(
    case: CaseFile, statement: ReminderStatement, today: dt.date,
    disputes: Sequence[DisputeRecord],
) -> None:  # fmt: skip
    _refuse(case, "remind_statement")
    _pending(disputes, "statement_on")
    reminder = case.forced.reminder
    assert reminder is not None
    not_future(statement.on, today, "statement_on")
    not_before(statement.on, reminder.served_on, "statement_on", "催告书送达日期")
    if statement.kind is ReminderStatementKind.SILENT and statement.on <= reminder.until:
        params = {"date": statement.on.isoformat(), "until": reminder.until.isoformat()}
        raise DomainError("forced.statement_period_running", "statement_on", params)


# -- gate 4: the 责成 and the 强制拆除决定 --------------------------------------------------------
def check_authority(case: CaseFile, authority: DistrictAuthority, today: dt.date) -> None:
    _refuse(case, "authority")
    if not authority.document.strip():
        raise DomainError("value.required", "authority_document")
    assert case.decision is not None
    not_future(authority.on, today, "authority_on")
    not_before(authority.on, case.decision.decided_on, "authority_on", "责令限期拆除决定日期")


def major_steps_after(case: CaseFile, since: dt.date, on: dt.date) -> DomainError | None:
    """A legal review agreed and a collective discussion held between ``since`` (the 催告)
    and ``on`` (the 强制拆除决定): it is a major decision of its own (DOMAIN §3)."""
    reviews = [r for r in case.reviews if since <= r.reviewed_on <= on]
    latest = max(reviews, key=lambda r: r.round_no, default=None)
    if latest is None or latest.opinion is not ReviewOpinion.AGREE:
        return DomainError("forced.no_review", "enforced_on", {"since": since.isoformat()})
    if not any(since <= d.held_on <= on for d in case.discussions):
        return DomainError("forced.no_discussion", "enforced_on", {"since": since.isoformat()})
    return None


def check_forced_decision(
    case: CaseFile, on: dt.date, today: dt.date, disputes: Sequence[DisputeRecord]
) -> None:
    _refuse(case, "enforce")
    _pending(disputes, "enforced_on")
    forced = case.forced
    assert forced.reminder is not None
    assert forced.statement is not None
    not_future(on, today, "enforced_on")
    if on <= forced.reminder.until:
        params = {"date": on.isoformat(), "until": forced.reminder.until.isoformat()}
        raise DomainError("forced.reminder_running", "enforced_on", params)
    not_before(on, forced.statement.on, "enforced_on", "陈述申辩记录日期")
    if forced.authority is not None and structure_area(case) is StructureArea.URBAN:
        not_before(on, forced.authority.on, "enforced_on", "区政府责成日期")
    missing = major_steps_after(case, forced.reminder.served_on, on)
    if missing is not None:
        raise missing


# -- gates 5 and 6: the 公告 and the carrying out ------------------------------------------------
def check_announcement(
    case: CaseFile, announcement: DemolitionAnnouncement, today: dt.date,
    disputes: Sequence[DisputeRecord], rules: ForcedRules,
) -> None:  # fmt: skip
    _refuse(case, "announce")
    _pending(disputes, "announced_on")
    decided = case.forced.decided_on
    assert decided is not None
    not_future(announcement.on, today, "announced_on")
    not_before(announcement.on, decided, "announced_on", "强制拆除决定日期")
    if announcement.until < announcement.on + dt.timedelta(days=rules.announcement_min_days):
        params = {"date": announcement.until.isoformat(), "on": announcement.on.isoformat(),
                  "days": rules.announcement_min_days}  # fmt: skip
        raise DomainError("forced.announcement_too_short", "announce_until", params)


def parse_time(text: str, field: str) -> dt.time:
    """``HH:MM`` (a full-width colon too)."""
    value = text.strip().replace("：", ":")
    try:
        hour, minute = value.split(":")
        return dt.time(int(hour), int(minute))
    except ValueError:
        raise DomainError("forced.time_invalid", field, {"value": text.strip()}) from None


def at_night(at: dt.time, rules: ForcedRules) -> bool:
    start, end = rules.night_start, rules.night_end
    if start <= end:
        return start <= at < end
    return at >= start or at < end


def check_carry_out(
    case: CaseFile, carry: CarryOut, today: dt.date, disputes: Sequence[DisputeRecord],
    *, calendar: WorkCalendar, rules: ForcedRules,
) -> tuple[str, ...]:  # fmt: skip
    """Refused at night, on a statutory holiday, before the 公告's period ran or with fewer
    than two witnesses; the warnings to show (a rest day that is no holiday)."""
    _refuse(case, "carry_out")
    _pending(disputes, "carried_on")
    announcement = case.forced.announcement
    assert announcement is not None
    not_future(carry.on, today, "carried_on")
    if carry.on <= announcement.until:
        params = {"date": carry.on.isoformat(), "until": announcement.until.isoformat()}
        raise DomainError("forced.announcement_running", "carried_on", params)
    if at_night(carry.at, rules):
        params = {"at": carry.at.strftime("%H:%M"), "start": rules.night_start.strftime("%H:%M"),
                  "end": rules.night_end.strftime("%H:%M")}  # fmt: skip
        raise DomainError("forced.at_night", "carried_at", params)
    if calendar.is_statutory_holiday(carry.on):
        raise DomainError("forced.holiday", "carried_on", {"date": carry.on.isoformat()})
    names = [w for w in carry.witnesses if w.strip()]
    if len(set(names)) < MIN_WITNESSES:
        raise DomainError("forced.witnesses", "witnesses", {"min": MIN_WITNESSES})
    if not calendar.is_working_day(carry.on):
        return ("forced.rest_day",)
    return ()


def check_removed(case: CaseFile, on: dt.date, today: dt.date) -> None:
    _refuse(case, "removed")
    assert case.decision is not None
    not_future(on, today, "removed_on")
    not_before(on, case.decision.decided_on, "removed_on", "责令限期拆除决定日期")


# -- the clocks -------------------------------------------------------------------------------
def forced_clocks(
    case: CaseFile,
    disputes: Sequence[DisputeRecord],
    as_of: dt.date,
    calendar: WorkCalendar,
    due_soon_days: int = DUE_SOON_DEFAULT,
) -> tuple[Clock, ...]:
    """Every date the sequence waits for (``case show --json`` deadlines): the order's
    deadline, the end of the review and lawsuit periods, the first day a 催告 may be served,
    the 催告's and the 公告's periods and the first day each next step may come; their states
    by the one rule of ``forced_clocks`` (the list's colours and the due list read it too)."""
    facts = duty_facts(case).order
    if facts is None:
        return ()
    return order_clocks(facts, disputes, as_of, calendar, due_soon_days)
