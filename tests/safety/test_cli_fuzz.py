"""Hypothesis drives every command of the CLI (found by walking the parser) with odd arguments.

Whatever it types: no traceback, exit status 0, 1 or 2, and a failed command leaves the
database file byte for byte as it was. Files a command writes go to a scratch folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chuansha_enforce.cli.login import NEW_PASSWORD_ENV, PASSWORD_ENV
from chuansha_enforce.cli.main import _parser
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.cli_clock import main as cli_main
from tests.conftest import NOW, database_digest

Command = tuple[tuple[str, ...], list[argparse.Action]]


def leaf_commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[Command]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        own = [a for a in parser._actions if not isinstance(a, argparse._HelpAction)]
        return [(path, own)]
    found: list[Command] = []
    for name, child in subs[0].choices.items():
        found.extend(leaf_commands(child, (*path, name)))
    return found


COMMANDS = [c for c in leaf_commands(_parser()) if c[0]]
TEXT = st.text(
    alphabet=st.sampled_from("川执立〔2024〕号0123456789-_.,;:/\\ \t'\"%*?张三abcXYZ\u3000é€"),
    max_size=24,
)
INTS = st.one_of(
    st.integers(-5, 30),
    st.sampled_from([0, 1948, 2023, 2024, 2025, 9999, 10000, 10**12, -(10**9)]),
)


@pytest.fixture(scope="module")
def scratch(demo_db: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="chuansha-fuzz-"))
    with build_services(demo_db, FixedClock(NOW)) as services:
        manifest = services.backups.backup(folder / "kept")
    assert manifest.path is not None
    shutil.copyfile(manifest.path, folder / "cases.db")
    build_services(folder / "cases.db", FixedClock(NOW)).close()  # into WAL mode once, up front
    (folder / "notes.txt").write_text("不是台账", encoding="utf-8")
    (folder / "out").mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _paths(folder: Path) -> st.SearchStrategy[str]:
    names = st.sampled_from(["a.xlsx", "b.csv", "c.pdf", "d.db", "子目录/e.xlsx", "", "f"])
    fixed = [
        str(folder / "notes.txt"),
        str(folder / "missing.xlsx"),
        str(folder / "out"),
        str(next((folder / "kept").glob("*.db"))),
        str(folder / "cases.db"),
    ]
    return st.one_of(st.sampled_from(fixed), names.map(lambda n: str(folder / "out" / n)))


def _value(action: argparse.Action, folder: Path) -> st.SearchStrategy[str]:
    words = " ".join([*action.option_strings, action.dest])
    if any(key in words for key in ("output", "file", "path")):
        return _paths(folder)
    if action.choices:
        return st.one_of(st.sampled_from([str(c) for c in action.choices]), TEXT)
    if action.type is int:
        return st.one_of(INTS.map(str), TEXT)
    return st.one_of(TEXT, st.sampled_from(["川执立〔2024〕000001号", "2024-02-30", "2024-06-01"]))


@st.composite
def argv(draw: st.DrawFn, folder: Path) -> list[str]:
    path, actions = draw(st.sampled_from(COMMANDS))
    words = list(path)
    for action in actions:
        if not action.option_strings:  # positional: always (sometimes left out)
            if draw(st.integers(0, 9)) > 0:
                words.append(draw(_value(action, folder)))
        elif draw(st.booleans()):
            words.append(draw(st.sampled_from(action.option_strings)))
            if action.nargs != 0:
                words.append(draw(_value(action, folder)))
    if draw(st.integers(0, 9)) == 0:
        words.insert(draw(st.integers(0, len(words))), draw(st.one_of(TEXT, st.just("--bogus"))))
    lang = draw(st.sampled_from([[], ["--lang", "en"]]))
    return ["--db", str(folder / "cases.db"), *lang, *words]


@pytest.fixture
def passwords() -> Iterator[None]:
    """Commands that ask for a password read it from the environment, never a prompt."""
    saved = {name: os.environ.get(name) for name in (PASSWORD_ENV, NEW_PASSWORD_ENV)}
    os.environ[PASSWORD_ENV] = "错误的密码"
    os.environ[NEW_PASSWORD_ENV] = "fuzz-password-1"
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_arguments_give_a_message_not_a_traceback(
    data: st.DataObject, scratch: Path, passwords: None
) -> None:
    args = data.draw(argv(scratch))
    before = database_digest(scratch / "cases.db")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main(args, out)
        except SystemExit as stop:  # argparse: usage error (2), --help/--version (0)
            code = stop.code if isinstance(stop.code, int) else 1
    assert code in (0, 1, 2), (args, err.getvalue())
    assert "Traceback" not in err.getvalue()
    if code != 0:
        assert database_digest(scratch / "cases.db") == before, (args, err.getvalue())
