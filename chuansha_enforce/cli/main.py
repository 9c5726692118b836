"""The command line: ``chuansha-enforce [--db PATH] [--lang zh|en] COMMAND ...``.

Exit status 0 on success, 1 on a rule, input or database problem (message on stderr,
nothing written), 2 on usage errors (argparse).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from chuansha_enforce import __version__
from chuansha_enforce.cli import (
    account_commands,
    case_commands,
    data_commands,
    dispute_commands,
    doc_commands,
    file_review_commands,
    migrate_commands,
    office_commands,
    report_commands,
    review_commands,
    safety_commands,
    simple_commands,
)
from chuansha_enforce.cli.cli_parser import language_of, parser_class
from chuansha_enforce.cli.command_group import CommandGroup, Handler, PathHandler, ServerHandler
from chuansha_enforce.cli.login import cli_login, run_logged
from chuansha_enforce.cli.text_arguments import (
    check_text_lengths,
    check_whole_numbers,
    clean_arguments,
)
from chuansha_enforce.domain.clock import Clock
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import build_services
from chuansha_enforce.services.database_location import resolve_db_path, server_url
from chuansha_enforce.services.errors import DatabaseNoPermissionError, StorageError
from chuansha_enforce.services.system_clock import SystemClock

# Every command lives in a group module (one line each here); the order is the help's.
GROUPS: tuple[CommandGroup, ...] = (
    data_commands.GROUP,
    office_commands.GROUP,
    case_commands.GROUP,
    file_review_commands.GROUP,
    account_commands.GROUP,
    review_commands.GROUP,
    report_commands.GROUP,
    safety_commands.GROUP,
    dispute_commands.GROUP,
    simple_commands.GROUP,
    doc_commands.GROUP,
    migrate_commands.GROUP,
)


def _parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    """The whole command line; its own words (usage, headings, errors) in ``lang``."""
    parser = parser_class(lang)(
        prog="chuansha-enforce", description="综合行政执法队案件台账（命令行）"
    )
    parser.add_argument(
        "--db", help="数据库文件（默认：用户数据目录，或环境变量 CHUANSHA_ENFORCE_DB）"
    )
    parser.add_argument("--lang", choices=["zh", "en"], default="zh", help="输出语言")
    parser.add_argument(
        "--user",
        metavar="NAME",
        help="以此账户登录（密码取自环境变量 CHUANSHA_ENFORCE_PASSWORD，否则提示输入）；"
        "已建立账户的数据库，写入都须登录",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {__version__}", help="显示版本号并退出"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_parsers(commands)
    return parser


COMMANDS: dict[str, Handler] = {}
WRITES: dict[str, Callable[[argparse.Namespace], bool]] = {}
NEEDS_EXISTING_DB: frozenset[str] = frozenset()
READS_EXISTING_DB: dict[str, Callable[[argparse.Namespace], bool]] = {}
PATH_COMMANDS: dict[str, PathHandler] = {}
SERVER_COMMANDS: dict[str, ServerHandler] = {}
for _group in GROUPS:
    COMMANDS.update(_group.handlers)
    WRITES.update(dict.fromkeys(_group.handlers, _group.writes))
    NEEDS_EXISTING_DB |= _group.needs_existing_db
    READS_EXISTING_DB.update(dict.fromkeys(_group.handlers, _group.reads_existing_db))
    PATH_COMMANDS.update(_group.opens_database_itself)
    SERVER_COMMANDS.update(_group.opens_server_itself)


def writes(args: argparse.Namespace) -> bool:
    """Whether the command writes (then the start-up integrity check runs first): its group says."""
    return WRITES[args.command](args)


def needs_existing_db(args: argparse.Namespace) -> bool:
    """Whether the command must find a case book (it reads one) rather than make one."""
    reads = READS_EXISTING_DB.get(args.command)
    return args.command in NEEDS_EXISTING_DB or (reads is not None and reads(args))


def _empty_file(path: Path) -> bool:
    """A file of 0 bytes (and no write-ahead log with content): not yet a case book."""
    wal = path.with_name(path.name + "-wal")
    return (
        path.is_file()
        and path.stat().st_size == 0
        and not (wal.exists() and wal.stat().st_size > 0)
    )


def _may_look_at(db_path: Path) -> None:
    """Refuse a book the OS will not even say is there (a folder on its way this user may
    not enter), as that, not as a traceback of the first look at it."""
    try:
        db_path.stat()
    except PermissionError:
        raise DatabaseNoPermissionError(db_path) from None
    except OSError:
        pass


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, *, clock: Clock | None = None
) -> int:
    """Run one command. ``clock`` is for tests only (no option or variable sets the date)."""
    out = out or sys.stdout
    clock = clock or SystemClock()
    words = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(language_of(words))
    args = clean_arguments(parser.parse_args(words))  # text as every input (text_input)
    lang: Lang = args.lang
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    url = server_url(args.db)
    db_path = resolve_db_path(args.db)
    try:
        check_whole_numbers(args)
        check_text_lengths(args)
        if url is not None and args.command in SERVER_COMMANDS:
            return SERVER_COMMANDS[args.command](args, url, out, lang, clock)
        if url is not None and args.command in PATH_COMMANDS:
            raise DomainError("cli.server_command", "db", {"command": args.command})
        if url is None:
            _may_look_at(db_path)
        if url is None and db_path.is_dir():
            raise DomainError("badinput.db_is_folder", "db", {"path": str(db_path)})
        if url is None and needs_existing_db(args) and not db_path.exists():
            raise DomainError("cli.no_database", "db", {"path": str(db_path)})
        if url is None and needs_existing_db(args) and _empty_file(db_path):
            raise DomainError("badinput.db_empty", "db", {"path": str(db_path)})
        if args.command in PATH_COMMANDS:
            return PATH_COMMANDS[args.command](args, db_path, out, lang, clock)
        with build_services(
            url or db_path,
            clock,
            login=cli_login(args.user),
            check_integrity=writes(args),
        ) as services:
            if getattr(args, "case_short_form", False):
                args.case_no = services.search.resolve(args.case_no)
            code = run_logged(COMMANDS[args.command], args, services, out, lang)
            reason = services.read_only_reason
            if code == 0 and reason is not None:  # it only read: say why it could not write
                text = render(reason.code, reason.params, lang)
                print(render("cli.notice", {"text": text}, lang), file=sys.stderr)
            return code
    except DomainError as exc:
        print(render(exc.code, exc.params, lang, exc.field), file=sys.stderr)
        return 1
    except StorageError as exc:
        print(render(exc.code, exc.params, lang), file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
