"""``simple correct NO --field 项目 --value 新值 --reason 理由``: 更正 a simple decision.

``add_parser(subparsers)`` adds the command to the ``simple`` group's sub-commands and
``handler`` runs it; the same rules as the simple-entry form check the corrected decision.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from chuansha_enforce.cli.correct_commands import correction_options, print_result
from chuansha_enforce.cli.text_arguments import add_simple_version, simple_version
from chuansha_enforce.domain.corrections.corrections import SIMPLE_FIELDS
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.case_versions import simple_edited_as_read
from chuansha_enforce.services.container import Services

COMMAND = "correct"


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        COMMAND, help="更正一件简易程序决定的一项内容（须写明理由）"
    )
    parser.add_argument("decision_no", metavar="DECISION_NO", help="决定书文号")
    add_simple_version(parser)
    correction_options(parser, SIMPLE_FIELDS)
    return parser


def handler(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    with simple_edited_as_read(args.decision_no, simple_version(args)):
        result = services.corrections.correct_simple(
            args.decision_no, args.field, args.value, args.reason
        )
    print_result(out, lang, result, args.decision_no.strip())
    return 0
