"""Who may sign a legal review of a case: a qualified reviewer, independent of the case."""

from __future__ import annotations

from collections.abc import Sequence

from chuansha_enforce.domain.accounts import Account, Permission, require
from chuansha_enforce.domain.case_file import Certificate
from chuansha_enforce.domain.case_rules import check_reviewer
from chuansha_enforce.domain.errors import DomainError


def check_signer(
    account: Account | None, officers: Sequence[Certificate], presiding: str | None
) -> Account:
    """The reviewer role, a qualification number on record, and neither a handling officer
    nor the hearing's presiding officer (by account name or by the name shown on records)."""
    if account is None:
        raise DomainError("auth.login_required", "user")
    require(account, Permission.SIGN_REVIEW)
    if not (account.qualification_no or "").strip():
        raise DomainError("review.qualification_required", "qualification_no")
    for name in dict.fromkeys((account.display_name, account.name)):
        check_reviewer(name, officers, presiding)
    return account
