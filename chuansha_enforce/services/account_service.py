"""Accounts: adding users, logging in with lockout, and checking a password again.

A database with no accounts runs single-user. The first account needs no login and must be
an administrator; every later one is added by a logged-in administrator.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import sqlite_utils

from chuansha_enforce.domain.accounts.accounts import (
    Account,
    LockoutPolicy,
    LoginState,
    Permission,
    Role,
    after_failure,
    after_success,
    check_new_account,
    check_not_locked,
    check_password_policy,
    check_user_name,
    require,
)
from chuansha_enforce.domain.clock import today_in_china, utc_timestamp
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_line
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.services.credentials import (
    PasswordCost,
    hash_password,
    new_chain_key,
    new_key_pair,
    password_matches,
    seal_private_key,
    unlock_private_key,
    unwrap_chain_key,
    wrap_chain_key,
)
from chuansha_enforce.services.entered_text import held_to_length
from chuansha_enforce.services.password_policy import common_passwords
from chuansha_enforce.services.settings_service import SettingsService
from chuansha_enforce.storage.accounts.user_repository import (
    NewKeys,
    NewUserRow,
    StoredUser,
    UserRepository,
)
from chuansha_enforce.storage.connection import database_path, write_transaction
from chuansha_enforce.storage.safety import chain_key
from chuansha_enforce.storage.safety.audit_log import AuditEntry, AuditLog
from chuansha_enforce.storage.safety.write_guard import login_bookkeeping

if TYPE_CHECKING:
    from chuansha_enforce.domain.cases.case_file import Certificate


@dataclass(frozen=True, slots=True)
class AccountState:
    """One account as the administrator's list shows it."""

    account: Account
    disabled: bool
    failed_logins: int
    locked_until: dt.datetime | None
    officer: str | None
    """The linked registry officer as ``姓名(执法证号)``, or None."""
    must_change: bool = False
    """The password was set by an administrator and not yet changed by its owner."""

    @property
    def state_code(self) -> str:
        """The catalogue code of the state a list shows."""
        if self.disabled:
            return "account.state_disabled"
        return "account.state_must_change" if self.must_change else "account.state_normal"


@dataclass(frozen=True, slots=True)
class NewUser:
    name: str
    role: Role
    password: str
    display_name: str | None = None
    qualification_no: str | None = None


def accounts_in_use(db: sqlite_utils.Database) -> bool:
    """Once any account exists, writes name their user and reviews must be signed."""
    return UserRepository(db).count() > 0


class AccountService(ContextService):
    def __init__(
        self,
        ctx: ServiceContext,
        *,
        settings: SettingsService,
        cost: PasswordCost,
        read_only: bool = False,
        uncounted_checks: bool = False,
    ) -> None:
        super().__init__(ctx)
        self._read_only = read_only
        self._uncounted_checks = uncounted_checks
        self._settings = settings
        self._cost = cost
        self._session = ctx.acting
        self._users = UserRepository(ctx.db)

    @property
    def session(self) -> Account | None:
        """Who is logged in; ``None`` in single-user mode (or not logged in)."""
        return self._session

    def has_accounts(self) -> bool:
        return self._users.count() > 0

    def acting(self) -> Account:
        """Who is logged in to manage accounts; refused naming why when nobody is: the book
        has no account yet (nobody could log in), or nobody logged in."""
        if self._session is None:
            if not self.has_accounts():
                raise DomainError("account.none_yet", "user")
            raise DomainError("auth.login_required", "user")
        return self._session

    def users(self) -> list[Account]:
        return [u.account for u in self._users.all()] if self._users.table_exists() else []

    def policy(self) -> LockoutPolicy:
        current = self._settings.current()
        return LockoutPolicy(current.login_max_failures, current.lockout_minutes)

    # -- adding ---------------------------------------------------------------------------
    @held_to_length
    def add_user(self, new: NewUser) -> Account:
        name = check_user_name(new.name)
        display = clean_line(new.display_name or "") or name  # (a password is never cleaned)
        qualification = clean_line(new.qualification_no or "") or None
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            first = self._users.count() == 0
            if not first:
                if self._session is None:
                    raise DomainError("auth.login_required", "user")
                require(self._session, Permission.MANAGE_USERS)
            check_new_account(
                role=new.role,
                qualification_no=qualification,
                first=first,
                password=new.password,
                name=name,
                common=common_passwords(),
            )
            if self._users.by_name(name) is not None:
                raise DomainError("account.name_taken", "user", {"name": name})
            keys = new_key_pair(name, new.password, self._cost)
            row = NewUserRow(
                name=name,
                display_name=display,
                role=new.role,
                qualification_no=qualification,
                password_hash=hash_password(new.password, self._cost),
                key_algorithm=keys.algorithm,
                public_key=keys.public_key,
                private_key_enc=keys.private_key_enc,
                key_kdf=keys.kdf,
            )
            user_id = self._users.add(row, at)
            if first and self._users.has_chain_keys_column():
                chain_key.remember(self._db.conn, new_chain_key())
            self.wrap_chain_key_for(user_id, name, new.password)
            actor = self._session.name if self._session else name
            detail = {
                "role": new.role.value,
                "display_name": display,
                "qualification_no": qualification,
                "key_algorithm": keys.algorithm,
                "public_key": keys.public_key.hex(),
            }
            AuditLog(self._db).append(AuditEntry(at, actor, "user.add", "user", name, "ok", detail))
        return Account(user_id, name, display, new.role, qualification)

    # -- logging in -----------------------------------------------------------------------
    # -- changing -------------------------------------------------------------------------
    def change_password(self, name: str, old_password: str, new_password: str) -> None:
        """The account's own password (the old one proves it); the signing key is re-sealed
        under the new password, so earlier signatures stay verifiable with the same key.

        After an administrator's reset the account gets a key pair of its own instead (the
        administrator knew the password that sealed the reset's key): the reset's key is
        retired unused, the new public key recorded, and the account may sign again."""
        check_password_policy(new_password, name.strip(), common_passwords())
        if new_password == old_password:
            raise DomainError("account.password_unchanged", "password")
        user = self.check_password(name.strip(), old_password, action="user.password")
        after_reset = self._users.reset_pending(user.account.id)
        detail: dict[str, object] = {}
        if after_reset:
            keys = new_key_pair(user.account.name, new_password, self._cost)
            sealed_key, kdf = keys.private_key_enc, keys.kdf
            detail = {
                "after_reset": True,
                "key_algorithm": keys.algorithm,
                "public_key": keys.public_key.hex(),
                "retired_public_key": user.public_key.hex(),
            }
        else:
            private = unlock_private_key(
                user.account.name, old_password, user.private_key_enc, user.key_kdf
            )
            if private is None:  # the password opened the account but not its key: damaged
                raise DomainError("account.key_unreadable", "user", {"name": user.account.name})
            sealed = seal_private_key(user.account.name, private, new_password, self._cost)
            sealed_key, kdf = sealed.private_key_enc, sealed.kdf
        key = self._chain_key_of(user, old_password)
        at = utc_timestamp(self._clock)
        password_hash = hash_password(new_password, self._cost)
        with write_transaction(self._db):
            if after_reset:
                new = NewKeys(password_hash, keys.algorithm, keys.public_key, sealed_key, kdf)
                self._users.replace_keys(user, new, at)
                self._users.clear_reset(user.account.id)
            else:
                self._users.change_password(
                    user.account.id,
                    password_hash=password_hash,
                    private_key_enc=sealed_key,
                    key_kdf=kdf,
                    at=at,
                )
            if key is not None:
                chain_key.remember(self._db.conn, key)
            self.wrap_chain_key_for(user.account.id, user.account.name, new_password)
            self._audit(at, user.account.name, "user.password", "ok", detail)

    def must_change_password(self, account: Account) -> bool:
        """Whether ``account`` still has a password an administrator set (it signs nothing
        until its owner changes it)."""
        return self._users.reset_pending(account.id)

    def reset_password(self, name: str, new_password: str) -> Account:
        """An administrator gives another account a new password and a NEW signing key pair.

        The old private key is not opened (nobody here knows the old password) and its sealed
        copy is overwritten, so nobody holds it; the old public key is kept as retired for
        good, so every earlier signature still verifies. The audit chain's key is wrapped for
        the new password; the record names who reset whom and the new public key."""
        admin = self.acting()
        require(admin, Permission.MANAGE_USERS)
        target = name.strip()
        if target == admin.name:
            raise DomainError("account.reset_own", "user", {"name": target})
        check_password_policy(new_password, target, common_passwords())
        keys = new_key_pair(target, new_password, self._cost)
        new = NewKeys(
            hash_password(new_password, self._cost),
            keys.algorithm,
            keys.public_key,
            keys.private_key_enc,
            keys.kdf,
        )
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            user = self._users.by_name(target)
            if user is None or user.disabled:
                raise DomainError("account.unknown", "user", {"name": name})
            if self._users.any_chain_key() and chain_key.key_for(self._db.conn) is None:
                raise DomainError("account.chain_key_missing", "user", {"name": target})
            self._users.replace_keys(user, new, at)
            self._users.mark_reset(user.account.id, at, admin.name)
            self.wrap_chain_key_for(user.account.id, target, new_password)
            detail: dict[str, object] = {
                "user": target,
                "reset_by": admin.name,
                "key_algorithm": keys.algorithm,
                "public_key": keys.public_key.hex(),
                "retired_public_key": user.public_key.hex(),
            }
            self._audit(at, admin.name, "user.password_reset", "ok", detail, account=target)
        found = self._users.by_name(target)
        assert found is not None
        return found.account

    @held_to_length
    def link_officer(self, name: str, officer: str | None) -> Account:
        """An administrator links an account to the registry's officer who is the same person
        (``姓名(执法证号)``, a certificate number or a name the registry knows once); ``None``
        removes the link. Audited with before and after."""
        admin = self.acting()
        require(admin, Permission.MANAGE_USERS)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            user = self._users.by_name(name.strip())
            if user is None:
                raise DomainError("account.unknown", "user", {"name": name})
            registry = _certificates(self._db)
            cert = None
            if officer is not None:
                cert = _officer_named(registry, officer, today_in_china(self._clock))
                if cert is None:
                    raise DomainError("account.officer_unknown", "officer", {"name": officer})
            before = _officer_label(registry, user.account.officer_id)
            self._users.link_officer(user.account.id, cert.officer_id if cert else None, at)
            detail: dict[str, object] = {
                "user": user.account.name,
                "before": before,
                "after": None if cert is None else _label(cert),
                "officer_id": None if cert is None else cert.officer_id,
            }
            self._audit(at, admin.name, "user.officer", "ok", detail, account=user.account.name)
        found = self._users.by_name(user.account.name)
        assert found is not None
        return found.account

    def account_states(self) -> list[AccountState]:
        """Every account with its state, for administrators (role, disabled, lock, failures,
        the linked officer)."""
        if not self._users.table_exists():
            return []
        registry = _certificates(self._db)
        return [
            AccountState(
                u.account,
                u.disabled,
                u.login.failed,
                u.login.locked_until,
                _officer_label(registry, u.account.officer_id),
                self._users.reset_pending(u.account.id),
            )
            for u in self._users.all()
        ]

    def disable_user(self, name: str) -> None:
        """An administrator switches an account off; it is never deleted (its signatures and
        audit records keep naming it). The last administrator cannot be disabled."""
        admin = self.acting()
        require(admin, Permission.MANAGE_USERS)
        at = utc_timestamp(self._clock)
        with write_transaction(self._db):
            user = self._users.by_name(name.strip())
            if user is None or user.disabled:
                raise DomainError("account.unknown", "user", {"name": name})
            admins = [
                u for u in self._users.all() if u.account.role is Role.ADMIN and not u.disabled
            ]
            if user.account.role is Role.ADMIN and len(admins) == 1:
                raise DomainError("account.last_admin", "user", {"name": user.account.name})
            self._users.disable(user.account.id, at)
            detail: dict[str, object] = {"user": user.account.name}
            self._audit(at, admin.name, "user.disable", "ok", detail, account=user.account.name)

    def login(self, name: str, password: str) -> Account:
        """Check the password; wrong ones count, and the limit locks the account. The
        audit chain's key, wrapped for this account, is unwrapped and kept with the
        connection, so every record written from now on is MACed."""
        user = self.check_password(name.strip(), password, action="auth.login")
        key = self._chain_key_of(user, password)
        if key is not None:
            chain_key.remember(self._db.conn, key)
            chain_key.remember_file(database_path(self._db), key)
        return user.account

    # -- the audit chain's key ------------------------------------------------------------
    def _chain_key_of(self, user: StoredUser, password: str) -> bytes | None:
        wrapped = self._users.chain_key(user.account.id)
        if wrapped is None:
            return None
        return unwrap_chain_key(user.account.name, password, wrapped[0], wrapped[1])

    def wrap_chain_key_for(self, user_id: int, name: str, password: str) -> None:
        """Wrap the chain key this connection holds (its logged-in account unwrapped it)
        under ``password`` for the account: a new account, a changed password, and a
        password reset (call this inside the reset's write transaction, before its audit
        record). Nothing happens while the chain is unkeyed (no key held)."""
        key = chain_key.key_for(self._db.conn)
        if key is None or not self._users.has_chain_keys_column():
            return
        wrapped, kdf = wrap_chain_key(name, key, password, self._cost)
        self._users.set_chain_key(user_id, wrapped, kdf)

    def check_password(self, name: str, password: str, *, action: str) -> StoredUser:
        """The stored user when ``password`` is theirs and the account may act now.

        A failure is written (and committed) before the error is raised, so lockout holds
        even though the caller's own work is refused; where a failure could not be written
        (a read-only connection, a busy file) the password is not checked at all.
        """
        now = self._clock.now()
        at = utc_timestamp(self._clock)
        failure: DomainError | None = None
        if self._read_only and not self._uncounted_checks:
            # A failure here could not be counted (another process holds the writer lock, or
            # the file is read-only): no password is checked, so none can be guessed here.
            raise DomainError("auth.unrecordable", "user", {"name": name})
        if self._read_only:
            # Only the restore's check on the file it replaces (``services.restore_authority``):
            # it cannot count failures, and still refuses locked accounts.
            user = self._users.by_name(name) if self._users.table_exists() else None
            if user is None or user.disabled:
                raise DomainError("auth.bad_password", "password")
            check_not_locked(name, user.login, now)
            if not password_matches(user.password_hash, password):
                raise DomainError("auth.bad_password", "password")
            return user
        with login_bookkeeping(self._db), write_transaction(self._db):
            user = self._users.by_name(name) if self._users.table_exists() else None
            if user is None or user.disabled:
                self._audit(at, name, action, "failed", {"reason": "unknown or disabled"})
                failure = DomainError("auth.bad_password", "password")
            elif user.login.locked_at(now):
                # Logged, and the password is not even checked while the account is locked.
                self._audit(at, name, action, "refused", {"reason": "locked"})
                failure = _locked_error(name, user.login, now)
            elif password_matches(user.password_hash, password):
                if user.login != after_success():
                    # The account row changes: the audit record seals it (MACed with the
                    # chain key this password unwraps).
                    self._users.save_login_state(user.account.id, after_success(), at)
                    key = self._chain_key_of(user, password)
                    if key is not None:
                        chain_key.remember(self._db.conn, key)
                    detail: dict[str, object] = {"after": action}
                    self._audit(at, name, "user.failures_cleared", "ok", detail)
            else:
                failure = self._count_failure(user, now, at, action)
        if failure is not None:
            raise failure
        assert user is not None
        return user

    def _count_failure(
        self, user: StoredUser, now: dt.datetime, at: str, action: str
    ) -> DomainError:
        state: LoginState = after_failure(user.login, now, self.policy())
        self._users.save_login_state(user.account.id, state, at)
        locked = state.locked_at(now)
        detail: dict[str, object] = {"failed": state.failed, "locked": locked}
        self._audit(at, user.account.name, action, "failed", detail)
        if locked:
            return _locked_error(user.account.name, state, now)
        return DomainError("auth.bad_password", "password")

    def _audit(
        self,
        at: str,
        name: str,
        action: str,
        outcome: str,
        detail: dict[str, object],
        *,
        account: str | None = None,
    ) -> None:
        """One audit record by ``name`` about ``account`` (default: their own account)."""
        entry = AuditEntry(at, name, action, "user", account or name, outcome, detail)
        AuditLog(self._db).append(entry)


def _certificates(db: sqlite_utils.Database) -> list[Certificate]:
    """The officers' registry (its module is loaded here: logging in does not need it)."""
    from chuansha_enforce.storage.cases.case_file_repository import (  # noqa: PLC0415
        CaseFileRepository,
    )

    return CaseFileRepository(db).certificates()


def _officer_named(registry: list[Certificate], officer: str, on: dt.date) -> Certificate | None:
    from chuansha_enforce.services.certificate_lookup import officer_named  # noqa: PLC0415

    return officer_named(registry, officer, on, "officer")


def _label(cert: Certificate) -> str:
    return f"{cert.officer_name}({cert.certificate_no})"


def _officer_label(registry: list[Certificate], officer_id: int | None) -> str | None:
    """The officer's newest certificate as ``姓名(执法证号)``."""
    held = [c for c in registry if officer_id is not None and c.officer_id == officer_id]
    return _label(max(held, key=lambda c: c.issued_on)) if held else None


def _locked_error(name: str, state: LoginState, now: dt.datetime) -> DomainError:
    try:
        check_not_locked(name, state, now)
    except DomainError as error:
        return error
    raise AssertionError("not locked")  # pragma: no cover - callers check locked_at first
