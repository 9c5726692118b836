"""``doc list NO``, ``doc make NO KIND -o FILE.docx``: 执法文书 from the case data (DOMAIN §16)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.text_arguments import add_case_version, case_version
from chuansha_enforce.domain.documents.documents import DocumentKind, document_kind
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.case_versions import edited_as_read

if TYPE_CHECKING:
    from chuansha_enforce.services.container import Services
    from chuansha_enforce.services.document_service import DocumentState


def _add_parsers(commands: Any) -> None:
    doc = commands.add_parser("doc", help="执法文书（.docx，可在 WPS 或 Word 中修改打印）")
    steps = doc.add_subparsers(dest="doc_command", required=True, metavar="COMMAND")
    listing = steps.add_parser("list", help="案件可制作的文书及其状态")
    listing.add_argument("number", metavar="NO", help="案件编号（简易程序：决定书编号）")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    make = steps.add_parser("make", help="制作一份文书")
    make.add_argument("number", metavar="NO", help="案件编号（简易程序：决定书编号）")
    kinds = "、".join(k.label for k in DocumentKind)
    make.add_argument("kind", metavar="KIND", help=f"文书种类（名称或代码）：{kinds}")
    make.add_argument("-o", "--output", required=True, help="输出文件 .docx")
    add_case_version(make)  # a document made from a stale view of the case is refused


def _state_text(state: DocumentState, lang: Lang) -> str:
    if state.missing:
        return render("doc.state_missing", {"missing": "、".join(state.missing)}, lang)
    if state.made is not None:
        made = state.made.first_made_on.isoformat()
        number = f"（{state.made.document_no}）" if state.made.document_no else ""
        return render("doc.state_made", {"made": made, "number": number}, lang)
    return render("doc.state_can_make", None, lang)


def _cmd_doc(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    documents = services.documents
    if args.doc_command == "list":
        states = documents.states(args.number)
        if args.json:
            rows = [
                {
                    "kind": s.kind.value,
                    "title": s.kind.label,
                    "can_make": s.can_make,
                    "missing": list(s.missing),
                    "document_no": s.made.document_no if s.made else None,
                    "first_made_at": s.made.first_made_at if s.made else None,
                }
                for s in states
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
            return 0
        for state in states:
            print(f"{state.kind.value}\t{state.kind.label}\t{_state_text(state, lang)}", file=out)
        return 0
    kind = document_kind(args.kind)
    with edited_as_read(args.number, case_version(args)):
        made = documents.make(args.number, kind, Path(args.output))
    params = {"kind": kind.label, "document_no": made.document_no or "—", "path": made.path}
    print(render("document.made", params, lang), file=out)
    return 0


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"doc": _cmd_doc},
    needs_existing_db=frozenset({"doc"}),
)
