"""A minimal ``simple`` command group holding ``simple correct`` only.

The full ``simple add/list/show/pay/handover`` group is another change; when it lands it adds
``simple_correct_command.add_parser`` to its sub-commands and this module goes.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from chuansha_enforce.cli import simple_correct_command
from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    simple = commands.add_parser("simple", help="简易程序决定")
    steps = simple.add_subparsers(dest="simple_command", required=True, metavar="SUBCOMMAND")
    simple_correct_command.add_parser(steps)


def _cmd_simple(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    return simple_correct_command.handler(args, services, out, lang)


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"simple": _cmd_simple},
    needs_existing_db=frozenset({"simple"}),
)
