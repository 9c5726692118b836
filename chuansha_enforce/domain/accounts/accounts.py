"""Accounts, roles and what each role may do (DOMAIN §9); the lockout rule, clock injected."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from chuansha_enforce.domain.clock import CHINA_TZ
from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_line


class Role(StrEnum):
    CLERK = "clerk"
    REVIEWER = "reviewer"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = EnumMap(
    Role,
    {
        Role.CLERK: "内勤",
        Role.REVIEWER: "法制审核员",
        Role.ADMIN: "管理员",
    },
)


class Permission(StrEnum):
    MANAGE_USERS = "manage_users"
    SUBMIT_REVIEW = "submit_review"
    SIGN_REVIEW = "sign_review"
    APPROVE_REVIEW_EXTENSION = "approve_review_extension"
    RECORD_CASES = "record_cases"  # cases, their steps, simple decisions, forms, imports
    MANAGE_OFFICERS = "manage_officers"
    MANAGE_SETTINGS = "manage_settings"  # settings, number templates, the score sheet
    MANAGE_BACKUPS = "manage_backups"
    DRAW_SAMPLES = "draw_samples"
    SCORE_FILES = "score_files"
    RECTIFY_DEFECTS = "rectify_defects"
    CORRECT_RECORDS = "correct_records"  # 更正 of any recorded field, with a reason


# DOMAIN §9. Reading, statistics, reports and exports are open to every role.
ROLE_PERMISSIONS = EnumMap[Role, frozenset[Permission]](
    Role,
    {
        Role.CLERK: frozenset(
            {
                Permission.SUBMIT_REVIEW,
                Permission.RECORD_CASES,
                Permission.RECTIFY_DEFECTS,
                Permission.CORRECT_RECORDS,
            }
        ),
        Role.REVIEWER: frozenset(
            {Permission.SIGN_REVIEW, Permission.DRAW_SAMPLES, Permission.SCORE_FILES}
        ),
        Role.ADMIN: frozenset(
            {
                Permission.MANAGE_USERS,
                Permission.SUBMIT_REVIEW,
                Permission.APPROVE_REVIEW_EXTENSION,
                Permission.MANAGE_OFFICERS,
                Permission.MANAGE_SETTINGS,
                Permission.MANAGE_BACKUPS,
                Permission.DRAW_SAMPLES,
                Permission.CORRECT_RECORDS,
            }
        ),
    },
)

_NAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,32}$")


@dataclass(frozen=True, slots=True)
class Account:
    """Who is logged in (or a stored user, without secrets)."""

    id: int
    name: str
    display_name: str
    role: Role
    qualification_no: str | None = None
    officer_id: int | None = None
    """The officer registry's entry for the same person (linked by an administrator): the
    review and hearing checks compare this id, not the spelling of names."""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def require(account: Account | None, permission: Permission) -> None:
    """Refuse unless ``account`` may do ``permission``; ``None`` is single-user mode."""
    if account is not None and not account.can(permission):
        raise DomainError(
            "auth.forbidden", "user", {"name": account.name, "role": account.role.label}
        )


def check_user_name(name: str) -> str:
    clean = clean_line(name)
    if not _NAME.match(clean):
        raise DomainError("account.bad_name", "user", {"name": name})
    return clean


def check_new_account(
    *,
    role: Role,
    qualification_no: str | None,
    first: bool,
    password: str,
    name: str,
    common: frozenset[str],
) -> None:
    if first and role is not Role.ADMIN:
        raise DomainError("account.first_must_be_admin", "role")
    if role is Role.REVIEWER and not (qualification_no or "").strip():
        # APL 58: reviewing for the first time needs the national legal qualification.
        raise DomainError("review.qualification_required", "qualification_no")
    check_password_policy(password, name, common)


MIN_PASSWORD_LENGTH = 10


def check_password_policy(password: str, name: str, common: frozenset[str]) -> None:
    """At least 10 characters, not the user name, not one character repeated, not one of
    the 10,000 most common passwords (``common``, lower case; compared ignoring case)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise DomainError("account.password_too_short", "password", {"min": MIN_PASSWORD_LENGTH})
    folded = password.casefold()
    if folded == name.casefold() or folded.strip() == name.strip().casefold():
        raise DomainError("account.password_is_name", "password")
    if len(set(password)) == 1:
        raise DomainError("account.password_one_char", "password")
    if folded in common:
        raise DomainError("account.password_common", "password")


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    """Lock after ``max_failures`` wrong passwords in a row, for ``minutes`` (settings)."""

    max_failures: int = 5
    minutes: int = 30


@dataclass(frozen=True, slots=True)
class LoginState:
    failed: int
    locked_until: dt.datetime | None

    def locked_at(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until


def after_failure(state: LoginState, now: dt.datetime, policy: LockoutPolicy) -> LoginState:
    """One more wrong password: the count grows; reaching the limit locks and restarts it."""
    if state.locked_until is not None and now >= state.locked_until:
        state = LoginState(0, None)
    failed = state.failed + 1
    if failed >= policy.max_failures:
        return LoginState(0, now + dt.timedelta(minutes=policy.minutes))
    return LoginState(failed, state.locked_until)


def after_success() -> LoginState:
    return LoginState(0, None)


def check_not_locked(name: str, state: LoginState, now: dt.datetime) -> None:
    if state.locked_at(now):
        until = state.locked_until
        assert until is not None
        shown = until.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")
        raise DomainError("auth.locked", "user", {"name": name, "until": shown})
