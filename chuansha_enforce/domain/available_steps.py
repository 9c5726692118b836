"""Which case steps are open now, and why not: one answer for the window, the CLI and tests.

A step that is not open carries the ``DomainError`` its service would raise, so the reason
shown beside a disabled button is the catalogue's sentence the refusal would print. The gates
that depend on a date (DOMAIN §12) are checked when the step is recorded with its date.
"""

from __future__ import annotations

from collections.abc import Callable

from chuansha_enforce.domain.case_file import CaseFile
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.order_rules import education_refusal

STEP_KEYS = (
    "notice",
    "statement",
    "hearing",
    "review",
    "discussion",
    "complex",
    "extension",
    "officers",
    "decide",
    "educate",
    "serve",
    "pay",
    "pause",
    "close",
)

STEP_TITLES = {
    "notice": "告知",
    "statement": "陈述申辩",
    "hearing": "听证",
    "review": "法制审核",
    "discussion": "集体讨论",
    "complex": "标记复杂案件",
    "extension": "延长办案期限",
    "officers": "变更承办人",
    "decide": "作出决定",
    "educate": "教育",
    "serve": "送达",
    "pay": "缴款",
    "pause": "复议或诉讼期间",
    "close": "结案",
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


_RULES: dict[str, Callable[[CaseFile], DomainError | None]] = {
    "notice": _undecided,
    "statement": _statement,
    "hearing": _hearing,
    "review": _undecided,
    "discussion": _undecided,
    "complex": _complex,
    "extension": _undecided,
    "officers": _undecided,
    "decide": _undecided,
    "educate": education_refusal,
    "serve": _serve,
    "pay": _pay,
    "pause": _after_decision,
    "close": _after_decision,
}


def available_steps(case: CaseFile) -> dict[str, DomainError | None]:
    """Each step of ``STEP_KEYS``: None when it is open, else why not."""
    return {key: _RULES[key](case) for key in STEP_KEYS}
