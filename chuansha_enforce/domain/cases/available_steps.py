"""Which case steps are open now, and why not: one answer for the window, the CLI and tests.

A step that is not open carries the ``DomainError`` its service would raise, so the reason
shown beside a disabled button is the catalogue's sentence the refusal would print. The gates
that depend on a date (DOMAIN §12) are checked when the step is recorded with its date.
"""

from __future__ import annotations

from collections.abc import Callable

from chuansha_enforce.domain.cases.case_deadlines import publication_required
from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.cases.case_gates import review_superseded
from chuansha_enforce.domain.errors import DomainError

STEP_KEYS = (
    "evidence",
    "notice",
    "statement",
    "hearing",
    "review",
    "discussion",
    "complex",
    "extension",
    "officers",
    "decide",
    "serve_attempt",
    "serve",
    "pay",
    "pause",
    "instalments",
    "remind",
    "court_apply",
    "court_ruling",
    "close",
    "publish",
    "withdraw_publication",
)

STEP_TITLES = {
    "evidence": "登记证据",
    "notice": "告知",
    "statement": "陈述申辩",
    "hearing": "听证",
    "review": "法制审核",
    "discussion": "集体讨论",
    "complex": "标记复杂案件",
    "extension": "延长办案期限",
    "officers": "变更承办人",
    "decide": "作出决定",
    "serve_attempt": "送达未成功",
    "serve": "送达",
    "pay": "缴款",
    "pause": "复议或诉讼期间",
    "instalments": "延期（分期）缴纳",
    "remind": "催告",
    "court_apply": "申请法院强制执行",
    "court_ruling": "法院裁定",
    "close": "结案",
    "publish": "公示",
    "withdraw_publication": "撤回公示",
}


def _undecided(case: CaseFile) -> DomainError | None:
    if case.decision is not None:
        return DomainError("case.already_decided", None, {"case_no": case.case_no})
    return None


def _statement(case: CaseFile) -> DomainError | None:
    if case.notice is None:
        return _undecided(case) or DomainError("statement.no_notice", None)
    return _undecided(case)


def _hearing(case: CaseFile) -> DomainError | None:
    if case.notice is None or not case.notice.hearing_offered:
        return _undecided(case) or DomainError("hearing.not_offered", None)
    return _undecided(case)


def _complex(case: CaseFile) -> DomainError | None:
    if case.complex_reason:
        return _undecided(case) or DomainError("case.already_complex", None)
    return _undecided(case)


def _decided(case: CaseFile) -> DomainError | None:
    if case.decision is None:
        return DomainError("case.not_decided", None, {"case_no": case.case_no})
    return None


def _serve(case: CaseFile) -> DomainError | None:
    if case.served_on is not None:
        return DomainError("case.already_served", None, {"date": case.served_on.isoformat()})
    return _decided(case)


def _open(case: CaseFile) -> DomainError | None:
    if case.closed_on is not None:
        return DomainError("case.already_closed", None, {"date": case.closed_on.isoformat()})
    return None


def _pay(case: CaseFile) -> DomainError | None:
    if case.money_decided_fen <= 0:
        return _decided(case) or DomainError("payment.nothing_due", None, {"case_no": case.case_no})
    if case.served_on is None:
        return DomainError("payment.before_service", None)
    return _open(case)


def _after_decision(case: CaseFile) -> DomainError | None:
    return _decided(case) or _open(case)


def _instalments(case: CaseFile) -> DomainError | None:
    if case.instalment_plan is not None:
        params = {"date": case.instalment_plan.approved_on.isoformat()}
        return DomainError("enforcement.plan_exists", None, params)
    return _pay(case)


def _remind(case: CaseFile) -> DomainError | None:
    if case.reminder is not None:
        params = {"date": case.reminder.served_on.isoformat()}
        return DomainError("enforcement.reminder_exists", None, params)
    return _pay(case)


def _court_apply(case: CaseFile) -> DomainError | None:
    if case.court is not None:
        params = {"date": case.court.applied_on.isoformat()}
        return DomainError("enforcement.applied_already", None, params)
    if case.reminder is None:
        return _pay(case) or DomainError("enforcement.no_reminder", None)
    return _open(case)


def _court_ruling(case: CaseFile) -> DomainError | None:
    if case.court is None:
        return DomainError("enforcement.not_applied", None)
    if case.court.ruling_on is not None:
        params = {"date": case.court.ruling_on.isoformat()}
        return DomainError("enforcement.ruled_already", None, params)
    return None


def _publish(case: CaseFile) -> DomainError | None:
    """Open for a published kind of decision not yet published nor set aside (closed or not:
    publication does not wait for the case to close)."""
    publication = case.publication
    if case.decision is None or not publication_required(case):
        return _decided(case) or DomainError("publication.not_publishable", None)
    if publication.published_on is not None:
        date = publication.published_on.isoformat()
        return DomainError("publication.already_published", None, {"date": date})
    set_aside = publication.set_aside
    if set_aside is not None:
        params = {"date": set_aside.on.isoformat(), "by": set_aside.reason}
        return DomainError("publication.set_aside", None, params)
    return None


def _withdraw(case: CaseFile) -> DomainError | None:
    publication = case.publication
    if publication.published_on is None:
        return DomainError("publication.not_published", None)
    if publication.withdrawn_on is not None:
        date = publication.withdrawn_on.isoformat()
        return DomainError("publication.already_withdrawn", None, {"date": date})
    return None


_RULES: dict[str, Callable[[CaseFile], DomainError | None]] = {
    "evidence": _undecided,
    "notice": _undecided,
    "statement": _statement,
    "hearing": _hearing,
    "review": _undecided,
    "discussion": _undecided,
    "complex": _complex,
    "extension": _undecided,
    "officers": _undecided,
    "decide": _undecided,
    "serve_attempt": _serve,
    "serve": _serve,
    "pay": _pay,
    "pause": _after_decision,
    "instalments": _instalments,
    "remind": _remind,
    "court_apply": _court_apply,
    "court_ruling": _court_ruling,
    "close": _after_decision,
    "publish": _publish,
    "withdraw_publication": _withdraw,
}


def available_steps(case: CaseFile) -> dict[str, DomainError | None]:
    """Each step of ``STEP_KEYS``: None when it is open, else why not. After a correction
    that superseded the review, only a new review round is open."""
    superseded = review_superseded(case)
    if superseded is not None:
        return {key: None if key == "review" else superseded for key in STEP_KEYS}
    return {key: _RULES[key](case) for key in STEP_KEYS}
