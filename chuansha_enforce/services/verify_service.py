"""``verify``: the file's integrity, the whole audit chain and every review signature.

The report lists each broken record (table, id, what failed); an empty list means all hold.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import sqlite_utils

from chuansha_enforce.services.signature_check import SignatureProblem, signature_problems
from chuansha_enforce.storage.accounts.user_repository import UserRepository
from chuansha_enforce.storage.reports import year_summary
from chuansha_enforce.storage.review.review_repository import ReviewRepository
from chuansha_enforce.storage.safety import chain_key, seals
from chuansha_enforce.storage.safety.audit_log import GENESIS_HASH
from chuansha_enforce.storage.safety.integrity import (
    audit_hashes,
    audit_records,
    chain_state,
    integrity_messages,
)
from chuansha_enforce.storage.server.pg_database import PgDatabase
from chuansha_enforce.storage.server.pg_seal_tracking import tracking_state

Problem = SignatureProblem  # (table, id, what)
ChainKeyState = Literal["unkeyed", "checked", "not_checked"]
"""Single-user (or accounts made before the chain key): the plain chain only; the keyed
chain's MACs checked with the key the logged-in account unwrapped; keyed, but nobody
logged in, so the MACs could not be checked."""


@dataclass(frozen=True, slots=True)
class RestoreNotice:
    """A restore recorded in the chain: shown by every ``verify``, whatever its outcome."""

    record_id: int
    user: str
    backup: str
    replaced_heads: int


@dataclass(frozen=True, slots=True)
class VerifyReport:
    problems: tuple[Problem, ...]
    audit_records: int
    signatures: int
    chain_head: str
    restores: tuple[RestoreNotice, ...] = ()
    chain_key: ChainKeyState = "unkeyed"

    @property
    def ok(self) -> bool:
        return not self.problems


class VerifyService:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def _restores(self) -> tuple[tuple[RestoreNotice, ...], set[str]]:
        """The logged restores, and the chain heads they say they replaced.

        The chain has no secret: anyone able to write the file could append a restore record
        of their own. So the replaced heads excuse only heads kept with backup manifests (which
        such a person could delete as easily), never a head given with ``--expect-head``, and
        every restore is shown by ``verify`` for a person to judge.
        """
        notices: list[RestoreNotice] = []
        replaced: set[str] = set()
        for record in audit_records(self._db, "database.restore"):
            heads = record.detail.get("superseded_heads")
            named = [str(h) for h in heads] if isinstance(heads, list) else []
            replaced.update(named)
            backup = str(record.detail.get("from") or "?")
            notices.append(RestoreNotice(record.id, record.user, backup, len(named)))
        return tuple(notices), replaced

    def run(
        self,
        expected_heads: Iterable[tuple[str, str]] = (),
        backup_heads: Iterable[tuple[str, str]] = (),
    ) -> VerifyReport:
        """Heads are (where it was kept, hash) pairs that must still be in the chain:
        ``expected_heads`` always (kept offline by a person), ``backup_heads`` (from backup
        manifests) unless a logged restore replaced them."""
        problems: list[Problem] = [
            Problem("database", "-", f"integrity_check: {message}")
            for message in integrity_messages(self._db)
        ]
        keyed = UserRepository(self._db).any_chain_key()
        key = chain_key.key_for(self._db.conn) if keyed else None
        state = chain_state(self._db, key, self._keyed_from() if keyed else None)
        count, head = state.count, state.head
        problems += [Problem("audit_log", str(b.id), b.what) for b in state.breaks]
        problems += self._seal_problems(state.seals)
        problems += self._tracking_problems()
        # The per-year sums the annual totals read: recomputed from the cases.
        problems += [
            Problem("year_summary", year, what)
            for year, what in year_summary.problems(self._db.conn)
        ]
        # The empty chain's head (a file written before its first audit record) starts every
        # chain: a backup or a person may have kept it, and it is never missing.
        hashes = audit_hashes(self._db) | {GENESIS_HASH}
        restores, replaced = self._restores()
        wanted = [(source, head, hashes) for source, head in expected_heads]
        wanted += [(source, head, hashes | replaced) for source, head in backup_heads]
        for source, expected, known in wanted:
            if expected.strip() and expected.strip() not in known:
                what = (
                    f"chain head {expected.strip()[:12]}… kept in {source} is not in the audit"
                    " log (newest records deleted, or restored from an older backup)"
                )
                problems.append(Problem("audit_log", "head", what))
        signatures = self._signature_problems(hashes)
        problems += signatures[0]
        problems += self._user_problems()
        key_state: ChainKeyState = "unkeyed" if not keyed else "checked" if key else "not_checked"
        return VerifyReport(tuple(problems), count, signatures[1], head, restores, key_state)

    def _keyed_from(self) -> int:
        """The first record that must carry a MAC: the first account's making."""
        first = next(audit_records(self._db, "user.add"), None)
        return 0 if first is None else first.id

    def _seal_problems(self, vouched: str | None) -> list[Problem]:
        """Every row that differs from its seal, and seals that differ from the chain's sum."""
        conn = self._db.conn
        problems = [Problem(p.table, p.key, p.what) for p in seals.seal_problems(conn)]
        if vouched is not None and int(vouched, 16) != seals.seal_sum(conn):
            what = (
                "seals differ from the seal sum the newest audit record vouches for"
                " (seals rewritten outside the program, or the newest records deleted)"
            )
            problems.append(Problem("row_seals", "-", what))
        return problems

    def _tracking_problems(self) -> list[Problem]:
        """A server's seal tracking triggers that are missing or switched off, by name: the
        program's writes since are not sealed (each open by the owner's login makes them
        again and switches them on)."""
        if not isinstance(self._db, PgDatabase):
            return []
        state = tracking_state(self._db)
        missing = "seal tracking trigger missing: the program's writes to this table are not sealed"
        off = (
            "seal tracking trigger switched off (ALTER TABLE … DISABLE TRIGGER): the program's"
            " writes to this table are not sealed"
        )
        return [Problem("seal_tracking", name, missing) for name in state.missing] + [
            Problem("seal_tracking", name, off) for name in state.disabled
        ]

    def _signature_problems(self, hashes: set[str]) -> tuple[list[Problem], int]:
        reviews, users = ReviewRepository(self._db), UserRepository(self._db)
        if not users.table_exists():
            return [], 0
        problems: list[Problem] = []
        signed = reviews.signatures()
        by_id = {s.id: s for s in signed}
        for sig in signed:
            problems += signature_problems(sig, reviews, users)
            if sig.chain_head not in hashes:
                what = "audit-chain head at signing is not in the audit log"
                problems.append(Problem("review_signatures", str(sig.id), what))
        signed_rounds = {s.round_id for s in signed}
        for round_id in reviews.rounds_by_program_reviewers():
            if round_id not in signed_rounds:
                what = "round made by an account has no signature"
                problems.append(Problem("legal_review_rounds", str(round_id), what))
        logged: set[int] = set()
        for record in audit_records(self._db, "review.sign"):
            sig_id = int(str(record.detail.get("signature_id", 0)))
            logged.add(sig_id)
            found = by_id.get(sig_id)
            if found is None:
                what = f"signature {sig_id} named by audit record {record.id} is missing"
                problems.append(Problem("review_signatures", str(sig_id), what))
            elif found.payload_hash != record.detail.get("payload_hash"):
                what = f"payload hash differs from audit record {record.id}"
                problems.append(Problem("review_signatures", str(sig_id), what))
        for sig in signed:
            if sig.id not in logged:
                what = "no audit record of this signing"
                problems.append(Problem("review_signatures", str(sig.id), what))
        return problems, len(signed)

    def _user_problems(self) -> list[Problem]:
        """Every account's key as the audit log recorded it: the current public key is the
        one its making or its latest new key pair (a reset, the owner's first change after
        it) recorded, and every retired key is one
        the log recorded for that account before (none slipped in to vouch for a forgery)."""
        users = UserRepository(self._db)
        if not users.table_exists():
            return []
        recorded: dict[str, list[str]] = {}
        made = [
            r
            for action in ("user.add", "user.password_reset", "user.password")
            for r in audit_records(self._db, action)
            if action == "user.add" or "public_key" in r.detail  # (a plain change keeps its key)
        ]
        for r in sorted(made, key=lambda r: r.id):
            recorded.setdefault(str(r.object_id), []).append(str(r.detail.get("public_key", "")))
        problems = []
        by_id = {u.account.id: u for u in users.all()}
        for user in by_id.values():
            keys = recorded.get(user.account.name, [])
            if not keys or keys[-1] != user.public_key.hex():
                what = "public key differs from the one recorded when the account was made"
                what += " or its password last reset"
                problems.append(Problem("users", str(user.account.id), what))
        for key in users.retired_keys():
            owner = by_id.get(key.user_id)
            history = recorded.get(owner.account.name, [])[:-1] if owner else []
            if key.public_key.hex() not in history:
                what = "retired public key was never recorded as this account's key"
                problems.append(Problem("user_retired_keys", str(key.user_id), what))
        return problems
