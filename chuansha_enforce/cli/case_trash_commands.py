"""``case delete NO --reason R``, ``case undelete NO`` and ``case trash [--json]``.

They hang under the ``case`` command of ``main``; deleting moves a case into the trash (it
keeps its number and comes back whole with ``undelete``).
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_number, add_case_version
from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services

SUBCOMMANDS = frozenset({"delete", "undelete", "trash"})
WRITING = frozenset({"delete", "undelete"})
"""These write: the start-up integrity check runs first (``case`` itself only reads)."""


def add_parsers(case_commands: Any) -> None:
    delete = case_commands.add_parser("delete", help="删除案件（移入回收站，可恢复）")
    add_case_number(delete)
    add_case_version(delete)
    delete.add_argument("--reason", required=True, help="删除理由（必填，最多 200 字）")
    undelete = case_commands.add_parser("undelete", help="从回收站恢复案件")
    undelete.add_argument("case_no", metavar="NO", help="案件编号")
    add_case_version(undelete)
    trash = case_commands.add_parser("trash", help="回收站中的案件（最近删除的在前）")
    trash.add_argument("--json", action="store_true", help="以 JSON 输出")


def run(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    command = args.case_command
    if command == "delete":
        services.trash.delete(args.case_no, args.reason)
        say(out, lang, "cli.trash_deleted", no=args.case_no.strip())
        return 0
    if command == "undelete":
        services.trash.undelete(args.case_no)
        say(out, lang, "cli.trash_restored", no=args.case_no.strip())
        return 0
    listing = services.trash.listing()
    if args.json:
        rows = [
            {
                "case_no": t.case_no,
                "party": t.party_name,
                "cause": t.cause,
                "filed_on": t.filed_on.isoformat(),
                "deleted_at": t.deleted_at,
                "deleted_by": t.deleted_by,
                "reason": t.reason,
            }
            for t in listing
        ]
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for t in listing:
        print(
            f"{t.case_no}\t{t.party_name}\t{china_time(t.deleted_at)}\t{t.deleted_by}\t{t.reason}",
            file=out,
        )
    return 0
