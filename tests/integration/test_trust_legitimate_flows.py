"""Issue 17, done when: the legitimate flows on a keyed database (import, password change,
password reset, an officer link, backup and restore) each leave a file that ``verify`` passes
clean with the chain key checked; and an edit of the new tables made outside the program
(a link removed to escape the independence check) is named."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.session import Login
from tests.ledger_files import ledger
from tests.review_setup import CHEAP, PASSWORDS, make_accounts, open_as
from tests.server_backend import is_server


def _clean(path: Path | str, clock: FixedClock, name: str = "admin", password: str = "") -> None:
    login = Login(name, password or PASSWORDS[name])
    with build_services(path, clock, login=login, password_cost=CHEAP) as svc:
        report = svc.verify()
        assert [(p.table, p.id, p.what) for p in report.problems] == []
        assert report.chain_key == "checked"


def test_each_legitimate_flow_verifies_clean_and_keyed(
    backend: Path | str, clock: FixedClock, tmp_path: Path
) -> None:
    """On a file and on a server database; backup and restore on the file only (a server's
    own backups apply there: ``backup`` says so)."""
    db_path = backend
    make_accounts(db_path, clock)
    _clean(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:  # officers are the administrator's
        report = svc.ledger.import_file(ledger(tmp_path / "人员.xlsx", cases=[], simple=[]))
        assert report.written, report.errors
    _clean(db_path, clock)
    with open_as(db_path, clock, "clerk") as svc:  # cases are the clerk's
        report = svc.ledger.import_file(ledger(tmp_path / "台账.xlsx", officers=[]))
        assert report.written, report.errors
        assert report.general_cases == 1
    _clean(db_path, clock)
    with open_as(db_path, clock, "zhou") as svc:
        svc.accounts.change_password("zhou", PASSWORDS["zhou"], "zhou-changed-pass-8")
    _clean(db_path, clock, "zhou", "zhou-changed-pass-8")
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.reset_password("clerk", "clerk-reset-pass-8")
    _clean(db_path, clock, "clerk", "clerk-reset-pass-8")
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.link_officer("wang", svc.officers.certificates()[0].certificate_no)
    _clean(db_path, clock)
    if is_server(db_path):
        return
    with open_as(db_path, clock, "admin") as svc:
        saved = svc.backups.backup(tmp_path / "usb")
    assert saved.path is not None
    with open_as(db_path, clock, "admin") as svc:
        svc.accounts.link_officer("wang", None)
        svc.backups.restore(saved.path, user="admin", before_swap=svc.close)
    _clean(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:  # the restored file holds the link again
        linked = {s.account.name: s.officer for s in svc.accounts.account_states()}
        assert linked["wang"] is not None


def test_a_link_removed_outside_the_program_is_named(db_path: Path, clock: FixedClock) -> None:
    """File-only: the edit is made with sqlite3, and a server keeps no row seals yet."""
    make_accounts(db_path, clock)
    with open_as(db_path, clock, "admin") as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)))
        svc.accounts.link_officer("wang", "王建国(31150001)")
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM account_officers")
    conn.commit()
    conn.close()
    with open_as(db_path, clock, "admin") as svc:
        problems = [(p.table, p.what) for p in svc.verify().problems]
    assert problems == [("account_officers", "row is missing (deleted outside the program)")]
