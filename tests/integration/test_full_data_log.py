"""Copies that carry full personal data are logged before they are made (DOMAIN §8).

The internal case summary (PDF) and the ledger export hold full identity numbers and
addresses; the public version and the 双公示 list do not. With accounts, nobody makes a
logged copy without logging in.
"""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.errors import DomainError
from tests.cli_clock import main
from tests.conftest import NOW
from tests.review_setup import PASSWORDS, make_accounts, open_as


@pytest.fixture
def office(demo_book_copy: Path | str) -> Path | str:
    """The demo with accounts, on a file and on a server database."""
    path = demo_book_copy
    make_accounts(path, FixedClock(NOW))
    return path


def _logged(path: Path | str, action: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(user, object_id, detail) for user, object_id, _outcome, detail in _log(path, action)]


def _log(path: Path | str, action: str) -> list[tuple[str, str, str, dict[str, object]]]:
    with open_as(path, FixedClock(NOW)) as svc:
        rows = svc._db.execute(
            "SELECT user, object_id, outcome, detail FROM audit_log WHERE action = ? ORDER BY id",
            [action],
        ).fetchall()
    return [
        (user, object_id, outcome, json.loads(detail or "{}"))
        for user, object_id, outcome, detail in rows
    ]


def _a_published_case(path: Path | str) -> str:
    """A case whose decision is published (so its public version can be made)."""
    with open_as(path, FixedClock(NOW)) as svc:
        for row in svc.cases.list_page(after=None, limit=500).rows:
            try:
                svc.reports.public_case(row.case_no)
            except DomainError:
                continue
            return row.case_no
    raise AssertionError("the demo has no published decision")


def test_a_full_case_summary_is_logged_and_needs_a_login(
    office: Path | str,
    tmp_path: Path | str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_no = _a_published_case(office)
    pdf = tmp_path / "summary.pdf"
    assert main(["--db", str(office), "report", "case", case_no, "-o", str(pdf)]) == 1
    assert "登录" in capsys.readouterr().err
    assert not pdf.exists()
    public = tmp_path / "public.pdf"
    command = ["report", "case", case_no, "--public", "-o", str(public)]
    assert main(["--db", str(office), *command]) == 0  # no login needed, nothing logged
    assert _logged(office, "report.case_full") == []
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    as_clerk = ["--db", str(office), "--user", "clerk"]
    assert main([*as_clerk, "report", "case", case_no, "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert _log(office, "report.case_full") == [("clerk", case_no, "ok", {})]
    capsys.readouterr()
    assert main(["--db", str(office), "verify"]) == 0


def test_a_full_case_summary_that_was_not_made_is_logged_as_failed(
    office: Path | str,
    tmp_path: Path | str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_no = _a_published_case(office)
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    as_clerk = ["--db", str(office), "--user", "clerk", "report", "case", case_no]
    wrong = tmp_path / "summary.txt"
    assert main([*as_clerk, "-o", str(wrong)]) == 1
    assert ".pdf" in capsys.readouterr().err
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert main([*as_clerk, "-o", str(blocked / "summary.pdf")]) == 1
    assert "文件夹不存在" in capsys.readouterr().err
    assert not wrong.exists()
    # A wrong name or a place that cannot be written is refused before anything is built or
    # logged; a copy whose writing then fails (the disk filled up) is logged as failed.

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("chuansha_enforce.services.output_files.write_atomically", disk_full)
    assert main([*as_clerk, "-o", str(tmp_path / "summary.pdf")]) == 1
    assert "磁盘已满" in capsys.readouterr().err
    assert _log(office, "report.case_full") == [
        ("clerk", case_no, "failed", {"error": "output.disk_full"}),
    ]


def test_a_ledger_export_is_logged_and_needs_a_login(
    office: Path | str,
    tmp_path: Path | str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "台账.xlsx"
    export = ["export", "ledger", "--year", "2024", "-o", str(out)]
    assert main(["--db", str(office), *export]) == 1
    assert "登录" in capsys.readouterr().err
    assert not out.exists()
    assert _logged(office, "ledger.export") == []
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    assert main(["--db", str(office), "--user", "clerk", *export]) == 0
    assert out.stat().st_size > 0
    ((user, name, detail),) = _logged(office, "ledger.export")
    assert (user, name, detail["year"]) == ("clerk", "台账.xlsx", 2024)
    assert isinstance(detail["general_cases"], int)
    assert detail["general_cases"] > 0
