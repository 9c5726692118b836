"""Tampering with a real file behind the program's back: triggers dropped, data altered.

``verify`` (the CLI, exit 1) names each broken record: table, id and what failed. The tests
that need no backup run on both backends (on a server the owner alters rows through psycopg).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import ReviewOpinion
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.review.review_checklist import Finding
from chuansha_enforce.services.review_service import SignRequest
from chuansha_enforce.storage.safety.audit_log import AuditEntry, chain_hash
from tests.cli_clock import main
from tests.review_setup import BIG_FINE, CASE_NO, PASSWORDS, open_as, prepared
from tests.server_backend import is_server
from tests.tamper import attack


def _signed(db_path: Path, clock: FixedClock, opinion: ReviewOpinion) -> int:
    prepared(db_path, clock)
    with open_as(db_path, clock, "zhou") as svc:
        request = SignRequest(
            opinion, "证据不足", (Finding("evidence", False, "缺少现场照片"),), PASSWORDS["zhou"]
        )
        return svc.reviews.sign(CASE_NO, request).round.round_id


def _verify(capsys: pytest.CaptureFixture[str], db_path: Path) -> tuple[int, str]:
    code = main(["--db", str(db_path), "verify"])
    return code, capsys.readouterr().out


def _attacker(db_path: Path, *statements: str) -> None:
    """A raw connection that drops the guarding triggers first, as an attacker would."""
    attack(db_path, *statements)


def _guarded(db_path: Path, statement: str, match: str) -> None:
    """The guarding trigger refuses a raw change made without dropping it first."""
    if is_server(db_path):
        with psycopg.connect(str(db_path)) as conn, pytest.raises(psycopg.Error, match=match):
            conn.execute(statement.encode())
        return
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.IntegrityError, match=match):
        conn.execute(statement)
    conn.close()


@pytest.fixture
def both(backend: Path) -> Path:
    """A file, or a server database (tests/server_backend)."""
    return backend


ZEROS = {False: "zeroblob(64)", True: "decode(repeat('00', 64), 'hex')"}


def test_an_intact_file_verifies(
    capsys: pytest.CaptureFixture[str], both: Path, clock: FixedClock
) -> None:
    db_path = both
    _signed(db_path, clock, ReviewOpinion.DISAGREE)
    code, out = _verify(capsys, db_path)
    assert code == 0, out
    assert "全部通过" in out
    assert "审核签名 1 个验证通过" in out


def test_a_changed_signed_opinion_is_named(
    capsys: pytest.CaptureFixture[str], both: Path, clock: FixedClock
) -> None:
    db_path = both
    round_id = _signed(db_path, clock, ReviewOpinion.DISAGREE)
    _guarded(db_path, "UPDATE legal_review_rounds SET opinion = 'agree'", "signed legal review")
    _attacker(db_path, "UPDATE legal_review_rounds SET opinion = 'agree', note = NULL")
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert f"legal_review_rounds\t{round_id}\tsigned content changed" in out
    # The forged 同意 does not unlock the decision either.
    with open_as(db_path, clock, "clerk") as svc, pytest.raises(DomainError) as caught:
        svc.case_files.decide(CASE_NO, BIG_FINE)
    assert caught.value.code == "review.signature_invalid"


def test_changed_findings_and_forged_signatures_are_named(
    capsys: pytest.CaptureFixture[str], both: Path, clock: FixedClock
) -> None:
    db_path = both
    round_id = _signed(db_path, clock, ReviewOpinion.DISAGREE)
    _attacker(db_path, "UPDATE review_findings SET ok = 1, note = NULL WHERE item = 'evidence'")
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert f"legal_review_rounds\t{round_id}\tsigned content changed" in out
    _attacker(
        db_path,
        "UPDATE review_findings SET ok = 0, note = '缺少现场照片' WHERE item = 'evidence'",
        f"UPDATE review_signatures SET signature = {ZEROS[is_server(db_path)]}",
    )
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert "review_signatures\t1\tsignature does not verify" in out
    assert "signed content changed" not in out


def test_a_deleted_signature_is_named(
    capsys: pytest.CaptureFixture[str], both: Path, clock: FixedClock
) -> None:
    db_path = both
    round_id = _signed(db_path, clock, ReviewOpinion.DISAGREE)
    _attacker(
        db_path,
        "DELETE FROM review_signatures",
        "UPDATE legal_review_rounds SET opinion = 'agree'",
    )
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert f"legal_review_rounds\t{round_id}\tround made by an account has no signature" in out
    assert "review_signatures\t1\tsignature 1 named by audit record" in out


def test_audit_row_changes_and_deletions_are_named(
    capsys: pytest.CaptureFixture[str], both: Path, clock: FixedClock
) -> None:
    db_path = both
    _signed(db_path, clock, ReviewOpinion.DISAGREE)
    _guarded(db_path, "UPDATE audit_log SET \"user\" = 'someone' WHERE id = 3", "append-only")
    _attacker(db_path, "UPDATE audit_log SET \"user\" = 'someone' WHERE id = 3")
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert "audit_log\t3\tcontent does not match its hash" in out
    _attacker(db_path, "UPDATE audit_log SET \"user\" = 'admin' WHERE id = 3")  # put back
    assert _verify(capsys, db_path)[0] == 0
    _attacker(db_path, "DELETE FROM audit_log WHERE id = 5")
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert "audit_log\t6\tprevious hash does not match the record before" in out


def test_deleting_the_newest_audit_rows_is_found_against_a_backup(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FixedClock
) -> None:
    _signed(db_path, clock, ReviewOpinion.DISAGREE)
    with open_as(db_path, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 20)
    with open_as(db_path, clock) as svc:
        kept = svc.backups.backup().audit_head
    assert _verify(capsys, db_path)[0] == 0
    _attacker(db_path, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    # The remaining chain links on its own, but its newest record vouches for the seals as
    # they were before the deleted record's write …
    code, out = main(["--db", str(db_path), "verify", "--no-backups"]), capsys.readouterr().out
    assert code == 1, out
    assert "row_seals\t-\tseals differ from the seal sum the newest audit record" in out
    assert "发现 1 处问题" in out
    # … and the head kept with the backup is gone.
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert f"chain head {kept[:12]}" in out
    code = main(["--db", str(db_path), "verify", "--no-backups", "--expect-head", kept])
    assert code == 1


def test_a_logged_restore_explains_only_the_heads_it_replaced(
    capsys: pytest.CaptureFixture[str], db_path: Path, clock: FixedClock
) -> None:
    _signed(db_path, clock, ReviewOpinion.DISAGREE)
    with open_as(db_path, clock) as svc:
        older = svc.backups.backup(db_path.parent / "usb")
    assert older.path is not None
    with open_as(db_path, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 20)
        svc.backups.backup()  # its head is in the branch the restore will undo
        report = svc.backups.restore(older.path, user="admin", before_swap=svc.close)
    assert report.manifest.audit_head != older.audit_head
    code, out = _verify(capsys, db_path)
    assert code == 0, out  # the replaced heads are named by the restore record
    with open_as(db_path, clock, "admin") as svc:
        svc.settings.set("lockout_minutes", 25)
        kept = svc.backups.backup().audit_head
    # Deleting records made after the restore is still found against the newer backup.
    _attacker(db_path, "DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    code, out = _verify(capsys, db_path)
    assert code == 1
    assert f"chain head {kept[:12]}" in out
    # A forged restore record with a correct hash (the chain has no secret) excuses the
    # backup's head, but verify shows it for a person to judge, and a head kept offline
    # with --expect-head is never excused.
    conn = sqlite3.connect(db_path)
    prev = conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    forged = AuditEntry(
        "2026-11-27T03:00:00+00:00", "admin", "database.restore", "database", None, "ok",
        {"from": "x.db", "superseded_heads": [kept], "taken_at": None},
    )  # fmt: skip
    conn.close()
    _attacker(
        db_path,
        "INSERT INTO audit_log (at, user, action, object_type, object_id, outcome, detail,"
        f" prev_hash, hash) VALUES ('{forged.at}', 'admin', 'database.restore', 'database',"
        f" NULL, 'ok', '{json.dumps(dict(forged.detail), ensure_ascii=False, sort_keys=True)}',"
        f" '{prev}', '{chain_hash(prev, forged)}')",
    )
    code, out = _verify(capsys, db_path)
    assert "记录了一次恢复（admin，从 x.db，替换了 1 个较新的日志头）" in out
    # The backup's head is excused, but the forged record carries no seal sum, and the
    # deletion left seals the newest record does not vouch for.
    assert code == 1, out
    assert "audit_log\t14\tno seal sum after records that had one" in out  # (backups are logged)
    assert "row_seals\t-\tseals differ from the seal sum" in out
    assert f"chain head {kept[:12]}" not in out
    code = main(["--db", str(db_path), "verify", "--expect-head", kept])
    assert code == 1
    assert f"chain head {kept[:12]}" in capsys.readouterr().out
