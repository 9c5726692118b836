"""Who may sign a legal review of a case: a qualified reviewer, independent of the case."""

from __future__ import annotations

from collections.abc import Sequence

from chuansha_enforce.domain.accounts.accounts import Account, Permission, require
from chuansha_enforce.domain.cases.case_file import Certificate
from chuansha_enforce.domain.cases.case_rules import check_reviewer
from chuansha_enforce.domain.errors import DomainError


def check_signer(
    account: Account | None,
    officers: Sequence[Certificate],
    presiding: str | None,
    presiding_officer_id: int | None = None,
) -> Account:
    """The reviewer role, a qualification number on record, and neither a handling officer
    nor the hearing's presiding officer.

    Identity is the registry's where the account is linked to a registry officer (DOMAIN §3,
    issue 17 §4): it is that officer whatever its display name, compared by registry id with
    the case's officers and the presiding officer the registry knows. The names are compared
    as well, by ``name_key`` (NFKC, no invisible characters, no spaces), for what the
    registry does not know (an account not linked, a name typed on a paper record); two
    people sharing one name are thus kept apart by the stricter rule, never let through."""
    if account is None:
        raise DomainError("auth.login_required", "user")
    require(account, Permission.SIGN_REVIEW)
    if not (account.qualification_no or "").strip():
        raise DomainError("review.qualification_required", "qualification_no")
    me = account.officer_id
    if me is not None:
        shown = account.display_name
        if any(o.officer_id == me for o in officers):
            raise DomainError("review.reviewer_is_officer", "reviewer", {"name": shown})
        if presiding is not None and presiding_officer_id == me:
            raise DomainError("review.reviewer_presided", "reviewer", {"name": shown})
    for name in dict.fromkeys((account.display_name, account.name)):
        check_reviewer(name, officers, presiding)
    return account
