"""The seals' tracking triggers on a server (docs/SERVER.md, "Seals on a server"): the owner
drops one with plain SQL; the next open by a clerk's login (the app role, which may not make
triggers) only reads and says why, and ``verify`` names the missing trigger; the next open by
the owner's login makes it again and logs which were missing, so the clerk writes sealed again."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg
import pytest

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.messages import render
from chuansha_enforce.services.container import build_services, upgraded_and_checked
from chuansha_enforce.services.errors import StorageError
from chuansha_enforce.services.session import Session
from tests.conftest import NOW
from tests.integration.test_server_mode import FILE, NO, _cli, _officers
from tests.server_backend import Squad, server_digest

pytestmark = pytest.mark.pg

GONE = ["seal_general_cases_i", "seal_officers_u"]


def _triggers(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'seal\\_%'")
        return {str(r[0]) for r in rows}


def _last_record(url: str) -> tuple[str, str, dict[str, object]]:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            'SELECT action, "user", detail FROM audit_log ORDER BY id DESC LIMIT 1'
        ).fetchone()
    assert row is not None
    detail = row[2] if isinstance(row[2], dict) else json.loads(row[2])
    return str(row[0]), str(row[1]), detail


@pytest.fixture
def book(squad: Squad, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Squad:
    """An owner's case book with its roster, a clerk in the app role, two tracking triggers
    dropped by the owner with plain SQL."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return _clerks_book(
        squad,
        "DROP TRIGGER seal_general_cases_i ON general_cases",
        "DROP TRIGGER seal_officers_u ON officers",
    )


def _clerks_book(squad: Squad, *owners_sql: str) -> Squad:
    """``init``, a clerk in the app role, the roster; then the owner's plain SQL."""
    assert _cli(squad.owner_url, "init")[0] == 0
    with psycopg.connect(squad.owner_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {squad.clerk} LOGIN IN ROLE chuansha_enforce_app")
    _officers(squad.clerk_url)
    with psycopg.connect(squad.owner_url, autocommit=True) as owner:
        for sql in owners_sql:
            owner.execute(sql)
    return squad


def _clerk_only_reads(
    book: Squad, sentence: str, code: str, capsys: pytest.CaptureFixture[str]
) -> str:
    """The clerk's write is refused with ``sentence`` (nothing written), a read works and
    says it as a notice, a service's write says the same; returns the book's digest."""
    digest = server_digest(book.owner_url)
    capsys.readouterr()
    assert _cli(book.clerk_url, *FILE) == (1, "")
    assert capsys.readouterr().err == sentence + "\n"
    assert server_digest(book.owner_url) == digest  # nothing written, no trigger touched
    assert _cli(book.clerk_url, "case", "list") == (0, "")  # reads still work
    assert capsys.readouterr().err == f"提示：{sentence}\n"
    with build_services(book.clerk_url, FixedClock(NOW)) as services:
        assert services.read_only
        assert services.read_only_reason is not None
        assert services.read_only_reason.code == code
        with pytest.raises(StorageError) as refused:  # a service's write says the same
            services.settings.set("due_soon_working_days", "2")
        assert render(refused.value.code, refused.value.params, "zh") == sentence
    return digest


def test_a_clerks_login_only_reads_and_says_to_open_once_as_the_owner(
    book: Squad, capsys: pytest.CaptureFixture[str]
) -> None:
    sentence = (
        f"服务器上的案件库 {book.clerk_url} 缺少封印跟踪触发器（seal_general_cases_i、"
        "seal_officers_u），此时写入的记录不会被封印，所以本机只能查看，不能修改。"
        "请管理员用数据库所有者的账号打开一次此案件库：程序会重建这些触发器并记入操作日志"
    )
    digest = _clerk_only_reads(book, sentence, "storage.seal_tracking_missing", capsys)
    assert set(GONE).isdisjoint(_triggers(book.owner_url))
    code, said = _cli(book.clerk_url, "verify")
    assert code == 1
    what = "seal tracking trigger missing: the program's writes to this table are not sealed"
    assert [line for line in said.splitlines() if line.startswith("seal_tracking")] == [
        f"seal_tracking\t{name}\t{what}" for name in GONE
    ]
    assert server_digest(book.owner_url) == digest


def test_the_owners_open_makes_them_again_and_logs_which_were_missing(book: Squad) -> None:
    with build_services(book.owner_url, FixedClock(NOW)) as services:
        assert not services.read_only
    assert set(GONE) <= _triggers(book.owner_url)
    assert _last_record(book.owner_url) == (
        "database.seal_tracking",
        "单用户",
        {"missing": GONE},
    )
    heads = _cli(book.owner_url, "verify")
    assert heads[0] == 0, heads[1]
    assert _cli(book.clerk_url, *FILE) == (0, f"{NO}\n")  # the clerk writes again, sealed
    code, said = _cli(book.clerk_url, "verify")
    assert code == 0, said
    with psycopg.connect(book.owner_url) as conn:  # one repair record: the next open is quiet
        row = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'database.seal_tracking'"
        ).fetchone()
    assert row == (1,)


def test_a_write_made_while_the_triggers_were_gone_stays_named_after_the_repair(
    book: Squad,
) -> None:
    """A session opened before the drop writes unsealed; making the triggers again later
    does not hide that: ``verify`` still names the row (the repair record says why)."""
    with build_services(book.owner_url, FixedClock(NOW)) as early:  # repairs GONE at open
        with psycopg.connect(book.owner_url, autocommit=True) as owner:
            for suffix in "iud":
                owner.execute(f"DROP TRIGGER seal_settings_{suffix} ON settings")
        early.settings.set("due_soon_working_days", "2")  # not sealed
    code, said = _cli(book.clerk_url, "verify")
    assert code == 1
    named = [line.split("\t")[:2] for line in said.splitlines() if "\t" in line]
    assert ["settings", "due_soon_working_days"] in named
    assert [["seal_tracking", f"seal_settings_{s}"] for s in "diu"] == [
        n for n in named if n[0] == "seal_tracking"
    ]
    with build_services(book.owner_url, FixedClock(NOW)):
        pass
    assert _last_record(book.owner_url)[2] == {
        "missing": ["seal_settings_d", "seal_settings_i", "seal_settings_u"]
    }
    code, said = _cli(book.clerk_url, "verify")
    assert code == 1
    named = [line.split("\t")[:2] for line in said.splitlines() if "\t" in line]
    assert ["settings", "due_soon_working_days"] in named
    assert not [n for n in named if n[0] == "seal_tracking"]


def test_a_restore_brings_the_book_up_as_an_owners_open_does_and_a_clerk_changes_nothing(
    book: Squad,
) -> None:
    """``upgraded_and_checked`` (what the window's restore runs after putting a dump in
    place): the owner's login makes the dropped triggers again and logs which were missing,
    under the session's user; the clerk's login may not, so nothing is written."""
    digest = server_digest(book.owner_url)
    session = Session(None, "admin", login_required=False)
    upgraded_and_checked(book.clerk_url, FixedClock(NOW), session)
    assert server_digest(book.owner_url) == digest
    assert set(GONE).isdisjoint(_triggers(book.owner_url))
    upgraded_and_checked(book.owner_url, FixedClock(NOW), session)
    assert set(GONE) <= _triggers(book.owner_url)
    assert _last_record(book.owner_url) == ("database.seal_tracking", "admin", {"missing": GONE})


# -- switched off rather than dropped (ALTER TABLE … DISABLE TRIGGER) ------------------------

OFF = ["seal_general_cases_i", "seal_officers_u"]
OFF_WHAT = (
    "seal tracking trigger switched off (ALTER TABLE … DISABLE TRIGGER): the program's writes"
    " to this table are not sealed"
)


def _switched_off(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT tgname FROM pg_trigger WHERE tgname LIKE 'seal\\_%' AND tgenabled <> 'O'"
        )
        return {str(r[0]) for r in rows}


def _tracking_lines(said: str) -> list[str]:
    return [line for line in said.splitlines() if line.startswith("seal_tracking")]


@pytest.fixture
def off_book(squad: Squad, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Squad:
    """The same book, its two tracking triggers switched off by the owner with plain SQL
    (one ``DISABLE TRIGGER``, one ``ENABLE REPLICA TRIGGER``: neither fires in the program's
    sessions), none dropped."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _clerks_book(
        squad,
        "ALTER TABLE general_cases DISABLE TRIGGER seal_general_cases_i",
        "ALTER TABLE officers ENABLE REPLICA TRIGGER seal_officers_u",
    )
    assert _switched_off(squad.owner_url) == set(OFF)
    return squad


def test_a_clerks_login_on_switched_off_triggers_only_reads_and_says_so(
    off_book: Squad, capsys: pytest.CaptureFixture[str]
) -> None:
    sentence = (
        f"服务器上的案件库 {off_book.clerk_url} 的封印跟踪触发器（seal_general_cases_i、"
        "seal_officers_u）已被停用，此时写入的记录不会被封印，所以本机只能查看，不能修改。"
        "请管理员用数据库所有者的账号打开一次此案件库：程序会重新启用这些触发器并记入操作日志"
    )
    digest = _clerk_only_reads(off_book, sentence, "storage.seal_tracking_disabled", capsys)
    assert _switched_off(off_book.owner_url) == set(OFF)
    code, said = _cli(off_book.clerk_url, "verify")
    assert code == 1
    assert _tracking_lines(said) == [f"seal_tracking\t{name}\t{OFF_WHAT}" for name in OFF]
    assert server_digest(off_book.owner_url) == digest


def test_the_owners_open_switches_them_on_again_and_logs_which_were_off(off_book: Squad) -> None:
    with build_services(off_book.owner_url, FixedClock(NOW)) as services:
        assert not services.read_only
    assert _switched_off(off_book.owner_url) == set()
    assert _last_record(off_book.owner_url) == (
        "database.seal_tracking",
        "单用户",
        {"missing": [], "disabled": OFF},
    )
    code, said = _cli(off_book.owner_url, "verify")
    assert code == 0, said
    assert _cli(off_book.clerk_url, *FILE) == (0, f"{NO}\n")  # the clerk writes, sealed
    code, said = _cli(off_book.clerk_url, "verify")
    assert code == 0, said
    with psycopg.connect(off_book.owner_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'database.seal_tracking'"
        ).fetchone()
    assert row == (1,)


def test_one_dropped_and_one_switched_off_are_both_said_and_both_repaired(
    off_book: Squad, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(off_book.owner_url, autocommit=True) as owner:
        owner.execute("DROP TRIGGER seal_settings_d ON settings")
    capsys.readouterr()
    assert _cli(off_book.clerk_url, *FILE) == (1, "")
    assert capsys.readouterr().err == (
        f"服务器上的案件库 {off_book.clerk_url} 缺少封印跟踪触发器（seal_settings_d），"
        "另有一些已被停用（seal_general_cases_i、seal_officers_u），此时写入的记录不会被封印，"
        "所以本机只能查看，不能修改。请管理员用数据库所有者的账号打开一次此案件库："
        "程序会重建并重新启用这些触发器并记入操作日志\n"
    )
    code, said = _cli(off_book.clerk_url, "--lang", "en", "verify")
    assert code == 1
    missing = "seal tracking trigger missing: the program's writes to this table are not sealed"
    assert _tracking_lines(said) == [f"seal_tracking\tseal_settings_d\t{missing}"] + [
        f"seal_tracking\t{name}\t{OFF_WHAT}" for name in OFF
    ]
    with build_services(off_book.owner_url, FixedClock(NOW)):
        pass
    assert _last_record(off_book.owner_url)[2] == {"missing": ["seal_settings_d"], "disabled": OFF}
    assert "seal_settings_d" in _triggers(off_book.owner_url)
    assert _switched_off(off_book.owner_url) == set()
    code, said = _cli(off_book.clerk_url, "verify")
    assert code == 0, said


def test_a_write_made_while_a_trigger_was_switched_off_stays_named_after_the_repair(
    off_book: Squad,
) -> None:
    """A session opened before the owner switched the settings' triggers off writes
    unsealed; switching them on again later does not hide that."""
    with build_services(off_book.owner_url, FixedClock(NOW)) as early:  # repairs OFF at open
        with psycopg.connect(off_book.owner_url, autocommit=True) as owner:
            for suffix in "iud":
                owner.execute(f"ALTER TABLE settings DISABLE TRIGGER seal_settings_{suffix}")
        early.settings.set("due_soon_working_days", "2")  # not sealed
    code, said = _cli(off_book.clerk_url, "verify")
    assert code == 1
    named = [line.split("\t")[:2] for line in said.splitlines() if "\t" in line]
    assert ["settings", "due_soon_working_days"] in named
    settings_off = [f"seal_settings_{s}" for s in "diu"]
    assert [n[1] for n in named if n[0] == "seal_tracking"] == settings_off
    with build_services(off_book.owner_url, FixedClock(NOW)):
        pass
    assert _last_record(off_book.owner_url)[2] == {"missing": [], "disabled": settings_off}
    code, said = _cli(off_book.clerk_url, "verify")
    assert code == 1
    named = [line.split("\t")[:2] for line in said.splitlines() if "\t" in line]
    assert ["settings", "due_soon_working_days"] in named
    assert not [n for n in named if n[0] == "seal_tracking"]
