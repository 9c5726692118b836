"""The command line's text arguments, cleaned as every text input is (``domain.text_input``).

Called once on the parsed arguments, before any command runs, so no command can forget it.
File paths are left as given (a file name is the file system's, not ours to change), and
so would be a password.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Final

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.text_input import clean_value
from chuansha_enforce.domain.text_limits import MAX_SHORT_CHARS, MAX_TEXT_CHARS

PATH_ARGUMENTS: Final = frozenset({"db", "file", "output"})
RECORD_NUMBER_MAX: Final = 2**63 - 1
"""The largest whole number a record can carry (SQLite's INTEGER): a larger one names no record."""


def clean_arguments(args: argparse.Namespace) -> argparse.Namespace:
    """``args`` with every text value (and list of texts) cleaned, paths excepted."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS or "password" in name:
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, name, [clean_value(name, v) for v in value])
        else:
            setattr(args, name, clean_value(name, value))
    return args


SHORT_ARGUMENTS: Final = {
    "party": "party_name",
    "party_name": "party_name",
    "id_number": "id_number",
    "address": "address",
    "number": "number",
    "doc_no": "decision_no",
    "decision_no": "decision_no",
    "receipt": "receipt_no",
    "receipt_no": "receipt_no",
    "presiding": "presiding",
    "approved_by": "approved_by",
    "witness": "service_witness",
    "display": "display",
    "name": "name",
    "qualification": "qualification",
    "certificate_no": "certificate_no",
}
"""Names and numbers: as long as a ledger's short column holds (``ledger.limits``), so what is
entered here exports and imports back; the field each is named by in a refusal."""
UNCHECKED_LENGTH: Final = PATH_ARGUMENTS | {"url", "heads", "case_version", "simple_version"}


def check_text_lengths(args: argparse.Namespace) -> None:
    """Refuse a text argument longer than the ledger holds for it (a name or number
    ``MAX_SHORT_CHARS``, any other text ``MAX_TEXT_CHARS``), naming its field."""
    for name, value in vars(args).items():
        if name in UNCHECKED_LENGTH or "password" in name:
            continue
        if name == "value" and getattr(args, "field", None) is not None:
            continue  # a correction's new value: checked for the field it corrects
        texts = value if isinstance(value, list) else [value]
        most = MAX_SHORT_CHARS if name in SHORT_ARGUMENTS else MAX_TEXT_CHARS
        if any(isinstance(t, str) and len(t) > most for t in texts):
            field = SHORT_ARGUMENTS.get(name, name)
            raise DomainError("value.too_long", field, {"max": most})


def check_whole_numbers(args: argparse.Namespace) -> None:
    """Refuse a whole-number option too large for any record (a register id, a count), naming
    its field, before it reaches the database (which cannot even compare it)."""
    for name, value in vars(args).items():
        if type(value) is int and abs(value) > RECORD_NUMBER_MAX:
            raise DomainError("badinput.number_too_large", name, {"value": value})


def add_case_number(parser: argparse.ArgumentParser) -> None:
    """The positional case number ``NO``; short forms ("000002", "2026-2", a decision number)
    are taken for the one case they match (``CaseSearchService.resolve``, before the command
    runs; several matches are listed and refused)."""
    parser.add_argument("case_no", metavar="NO", help="案件编号（可只写末尾序号，如 2026-2）")
    parser.set_defaults(case_short_form=True)


def add_case_version(parser: argparse.ArgumentParser) -> None:
    """``--version N``: the case's version as read (``case show --json``); the edit is refused
    when the case changed since (``services.case_versions``)."""
    parser.add_argument(
        "--version", dest="case_version", help="读取时的案件版本号（他人已修改则拒绝）"
    )


def add_simple_version(parser: argparse.ArgumentParser) -> None:
    """``--version N`` of a simple decision's edit: its version as read (``simple show
    --json``); the edit is refused when the decision changed since."""
    parser.add_argument(
        "--version", dest="simple_version", help="读取时的决定版本号（他人已修改则拒绝）"
    )


def case_version(
    args: argparse.Namespace, dest: str = "case_version", invalid: str = "case.version_invalid"
) -> int | None:
    """The ``--version`` given, as a whole number of 0 or more (None when not given)."""
    text = getattr(args, dest, None)
    if text is None:
        return None
    if not text.strip().isdigit():
        raise DomainError(invalid, "version", {"value": text})
    if int(text.strip()) > RECORD_NUMBER_MAX:
        raise DomainError("badinput.version_too_large", "version", {"value": text})
    return int(text.strip())


def simple_version(args: argparse.Namespace) -> int | None:
    """A simple decision's ``--version`` given, as a whole number (None when not given)."""
    return case_version(args, "simple_version", "simple.version_invalid")


def parse_date(text: str | None, field: str) -> dt.date | None:
    """An optional ``YYYY-MM-DD`` option; anything else is refused naming ``field``."""
    if text is None:
        return None
    try:
        return iso_day(text)
    except ValueError:
        raise DomainError("date.invalid", field, {"value": text}) from None
