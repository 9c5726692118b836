"""What a command-group module gives the dispatcher.

A group module defines ``GROUP = CommandGroup(add_parsers=..., handlers=..., writes=...)``
and is listed once in ``chuansha_enforce.cli.main.GROUPS``; the dispatcher does the rest
(database, error doors, exit status). Each group says itself which of its commands write
(there is no central list): a writing command runs the start-up integrity check first.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from chuansha_enforce.domain.messages import Lang

if TYPE_CHECKING:
    from chuansha_enforce.domain.clock import Clock
    from chuansha_enforce.services.container import Services

Handler = Callable[[argparse.Namespace, "Services", TextIO, Lang], int]
PathHandler = Callable[[argparse.Namespace, Path, TextIO, Lang, "Clock"], int]
ServerHandler = Callable[[argparse.Namespace, str, TextIO, Lang, "Clock"], int]


def always_writes(args: argparse.Namespace) -> bool:
    """The safe default: the command may write, so the start-up check runs first."""
    del args
    return True


def only_reads(args: argparse.Namespace) -> bool:
    """The group's commands only read (they skip the start-up quick check)."""
    del args
    return False


def never_needs_a_book(args: argparse.Namespace) -> bool:
    """No sub-command beyond ``needs_existing_db`` needs an existing case book."""
    del args
    return False


@dataclass(frozen=True)
class CommandGroup:
    add_parsers: Callable[[Any], None]
    """Adds this group's sub-commands to the top-level ``add_subparsers`` action."""
    handlers: dict[str, Handler]
    """Top-level command name -> handler."""
    needs_existing_db: frozenset[str] = field(default_factory=frozenset)
    """Commands that must not create a database that is not there."""
    reads_existing_db: Callable[[argparse.Namespace], bool] = never_needs_a_book
    """Whether the parsed command of a group outside ``needs_existing_db`` needs a book that
    is there: it only reads (``settings show``), or changes what only a book holds (``user
    passwd``). It is refused, as those are, on a missing or empty file instead of making it a
    case book."""
    opens_database_itself: dict[str, PathHandler] = field(default_factory=dict)
    """Commands given the database path instead of services (``restore`` of a damaged file)."""
    opens_server_itself: dict[str, ServerHandler] = field(default_factory=dict)
    """The same for a server case book (given its address): ``restore`` of a pg_dump backup."""
    writes: Callable[[argparse.Namespace], bool] = always_writes
    """Whether the parsed command writes. Reading commands skip the start-up quick check
    (about 2 s on a million cases): they change nothing. Copies with full personal data
    count as writing: they are audited first."""
