"""A backup altered after it was taken is not restored (issue 17 §2): the staged copy must match
the manifest beside it (size, SHA-256, chain head, schema version) and pass the full verify;
a backup without a manifest is restored only when accepted unverified, and that is logged."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path

import pytest

from chuansha_enforce.cli.login import PASSWORD_ENV
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.services.backup_service import BackupService
from chuansha_enforce.storage.safety.backup import file_sha256, manifest_path
from tests.cli_clock import main as cli_main
from tests.conftest import database_digest
from tests.review_setup import PASSWORDS, open_as, prepared

# The guarding triggers an attacker drops; the per-year sums' upkeep stays, so the sums follow
# the rows changed (verify's recomputation of them is tested in test_year_summary.py).
GUARDS = "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT GLOB 'year_summary_*'"


def _attack(path: Path, *statements: str) -> None:
    """Raw SQL with the guarding triggers dropped, as an attacker with the file would."""
    conn = sqlite3.connect(path)
    triggers = [r[0] for r in conn.execute(GUARDS)]
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


FINE_TO_ONE_FEN = "UPDATE general_cases SET fine_fen = 1"
CLERK_TO_ADMIN = "UPDATE users SET role = 'admin' WHERE name = 'clerk'"


@pytest.fixture
def backed_up(db_path: Path, clock: FixedClock, tmp_path: Path) -> Path:
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        manifest = svc.backups.backup(tmp_path / "usb")
    assert manifest.path is not None
    return manifest.path


def _refused(db_path: Path, clock: FixedClock, backup: Path, **kwargs: bool) -> DomainError:
    before = database_digest(db_path)
    with pytest.raises(DomainError) as caught:
        BackupService(db_path, clock).restore(backup, user="admin", **kwargs)
    assert database_digest(db_path) == before
    assert not db_path.with_name(db_path.name + ".restoring").exists()
    return caught.value


def test_a_backup_with_a_lowered_fine_and_a_promoted_clerk_is_refused(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    _attack(backed_up, FINE_TO_ONE_FEN, CLERK_TO_ADMIN)
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.manifest_mismatch"
    assert error.params["what"] == "SHA-256"


def test_a_changed_backup_of_the_same_size_is_refused_by_its_digest(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    size = backed_up.stat().st_size
    _attack(backed_up, CLERK_TO_ADMIN)
    assert backed_up.stat().st_size == size  # (one page changes, the file keeps its size)
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.manifest_mismatch"
    assert error.params["what"] == "SHA-256"


def test_a_manifest_rewritten_for_an_other_chain_is_refused(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    data = json.loads(manifest_path(backed_up).read_text("utf-8"))
    data["audit_head"] = "0" * 64
    manifest_path(backed_up).write_text(json.dumps(data), "utf-8")
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.manifest_mismatch"
    assert error.params["what"] == "操作日志链头"


def test_a_forged_signature_fails_the_verify_of_the_staged_copy(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    # The attacker also rewrites the manifest's size and digest: the full verify still refuses.
    _attack(backed_up, "UPDATE users SET public_key = zeroblob(32) WHERE name = 'clerk'")
    data = json.loads(manifest_path(backed_up).read_text("utf-8"))
    data["size_bytes"] = backed_up.stat().st_size
    data["sha256"] = file_sha256(backed_up)
    manifest_path(backed_up).write_text(json.dumps(data), "utf-8")
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.verify_failed"
    assert error.params["table"] == "users"


def test_without_a_manifest_only_an_accepted_unverified_restore_runs_and_is_logged(
    db_path: Path,
    clock: FixedClock,
    backed_up: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORDS["admin"])
    manifest_path(backed_up).unlink()
    assert _refused(db_path, clock, backed_up).code == "restore.no_manifest"
    assert cli_main(["--db", str(db_path), "--user", "admin", "restore", str(backed_up)]) == 1
    assert "--accept-unverified" in capsys.readouterr().err
    args = ["--db", str(db_path), "--user", "admin", "restore", "--accept-unverified"]
    assert cli_main([*args, str(backed_up)]) == 0
    conn = sqlite3.connect(db_path)
    detail = conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'database.restore' ORDER BY id DESC"
    ).fetchone()[0]
    conn.close()
    assert json.loads(detail)["unverified"] == "no manifest, --accept-unverified"


def test_a_good_backup_restores_and_verifies_clean(
    db_path: Path, clock: FixedClock, backed_up: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORDS["admin"])
    BackupService(db_path, clock).restore(backed_up, user="admin")
    out = io.StringIO()
    assert cli_main(["--db", str(db_path), "--user", "admin", "verify"], out) == 0, out.getvalue()


def test_verify_checks_every_kept_backup_against_its_manifest(
    db_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORDS["admin"])
    prepared(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        kept = svc.backups.backup().path  # the default folder: the one verify looks at
        other = svc.backups.backup(label="weekly").path
    assert kept is not None
    assert other is not None
    args = ["--db", str(db_path), "--user", "admin", "verify"]
    out = io.StringIO()
    assert cli_main(args, out) == 0, out.getvalue()
    _attack(kept, FINE_TO_ONE_FEN, CLERK_TO_ADMIN)
    manifest_path(other).unlink()
    out = io.StringIO()
    assert cli_main(args, out) == 1
    text = out.getvalue()
    assert f"{kept.name}" in text
    assert "SHA-256 differs from its manifest" in text
    assert f"{other.name}" in text
    assert "no manifest beside it" in text
    out = io.StringIO()
    assert cli_main([*args, "--no-backups"], out) == 0, out.getvalue()


def test_a_backup_grown_after_it_was_taken_is_refused_by_its_size(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    with backed_up.open("ab") as grown:
        grown.write(b"\0" * 4096)
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.manifest_mismatch"
    assert error.params["what"] == "大小（字节）"


def test_a_manifest_naming_another_schema_version_is_refused(
    db_path: Path, clock: FixedClock, backed_up: Path
) -> None:
    data = json.loads(manifest_path(backed_up).read_text("utf-8"))
    data["schema_version"] = "0013_documents"
    manifest_path(backed_up).write_text(json.dumps(data), "utf-8")
    error = _refused(db_path, clock, backed_up)
    assert error.code == "restore.manifest_mismatch"
    assert error.params["what"] == "数据库结构版本"
