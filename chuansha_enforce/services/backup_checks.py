"""The checks a restore makes, the same for a file's backup and a server's dump: the copy
against the manifest kept beside it, the refusal naming ``verify``'s first problem, and the
chain heads of later backups that the restored chain replaces."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.storage.safety.audit_log import GENESIS_HASH
from chuansha_enforce.storage.safety.backup import (
    BackupManifest,
    FileVerdict,
    manifest_mismatch,
    manifest_path,
)

if TYPE_CHECKING:
    from chuansha_enforce.services.verify_service import VerifyReport


def check_manifest(
    source: Path,
    label: BackupManifest | None,
    *,
    accept_unverified: bool,
    copy: Path | None = None,
    verdict: FileVerdict | None = None,
) -> None:
    """The backup ``source`` (or its ``copy``) against the manifest ``label`` kept beside it:
    size, SHA-256, and with ``verdict`` chain head and schema version. No manifest refuses
    unless the caller accepts the backup unverified."""
    if label is None:
        if not accept_unverified:
            params = {"path": str(source), "manifest": manifest_path(source).name}
            raise DomainError("restore.no_manifest", "path", params)
        return
    mismatch = manifest_mismatch(label, copy or source, verdict)
    if mismatch is not None:
        what, expected, actual = mismatch
        params = {"path": str(source), "what": what, "expected": expected, "actual": actual}
        raise DomainError("restore.manifest_mismatch", "path", params)


def refuse_problems(report: VerifyReport, code: str, source: Path) -> None:
    """Refuse (``code``) naming ``verify``'s first problem with the copy of ``source``."""
    if report.problems:
        first = report.problems[0]
        params = {"path": str(source), "table": first.table, "id": first.id}
        raise DomainError(code, "path", {**params, "detail": first.what})


def superseded_heads(backups: Iterable[BackupManifest], kept: set[str]) -> list[str]:
    """Chain heads kept with ``backups`` that the restored chain (its hashes ``kept``) does
    not contain.

    After a restore from an older backup, the heads kept with later backups (and with the
    pre-restore copy just made) are no longer in the audit log; the restore record lists
    them so that ``verify`` knows they were replaced by a logged restore, not deleted.
    """
    heads = {m.audit_head for m in backups if m.audit_head}
    return sorted(heads - kept - {GENESIS_HASH})  # the empty chain's head starts them all
