"""Text as typed, pasted or imported, made safe to store and to print (one rule for every path).

Whatever the way in (the window, the CLI, a ledger xlsx or CSV), a text value is:

- NFC-normalised (a composed and a decomposed 张 are the same name);
- without C0/C1 control characters (ESC, BEL, NUL… — an xlsx carries them as ``_x001B_``);
  a tab becomes a space; a line break becomes a space, except in free-text fields
  (``MULTILINE_FIELDS``: facts, notes, reasons), which keep ``\\n``;
- without bidirectional overrides, embeddings, isolates and marks (U+202A–U+202E,
  U+2066–U+2069, U+200E, U+200F, U+061C), which can make a published name read backwards;
- without zero-width characters (U+200B–U+200D, U+2060, U+FEFF);
- trimmed, so a value of only spaces or zero-width characters is empty and a required
  field refuses it as missing.

The input records (``domain.records``, the case steps of ``domain.case_file``, the service
inputs) call :func:`clean_fields` from ``__post_init__``: a record cannot be built with
unclean text, whichever path builds it. The ledger reader cleans every cell the same way
(``ledger.values.normalise_text``) before it decides whether a required cell is empty.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import unicodedata
from collections.abc import Callable
from typing import Final, ParamSpec, TypeVar

MULTILINE_FIELDS: Final = frozenset(
    {
        "violation",
        "legal_basis",
        "notes",
        "note",
        "minutes",
        "reason",
        "close_reason",
        "major_flag_reason",
        "on_spot_reason",
    }
)
"""Free-text fields: they may keep line breaks (``\\n``)."""

# Removed outright: C0 controls but tab and line breaks, DEL, C1 controls, bidi controls
# and marks, zero-width characters.
_REMOVED: Final = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
    "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
)
_REMOVED_RE: Final = re.compile(f"[{_REMOVED}]")
_BREAK_RE: Final = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_STR_RE: Final = re.compile(r"\bstr\b")
_LINE_RE: Final = re.compile(f"[{_REMOVED}]|\r\n|[\t\r\n\x85\u2028\u2029]")


def clean_line(text: str) -> str:
    """A one-line value: controls and invisible characters gone, breaks and tabs spaces."""
    if text.isprintable():  # (no control, format or separator character: the usual case)
        return _nfc(text).strip()
    if _LINE_RE.search(text) is not None:
        text = _LINE_RE.sub(lambda m: "" if _REMOVED_RE.fullmatch(m.group()) else " ", text)
    return _nfc(text).strip()


def clean_text(text: str) -> str:
    """A free-text value: as :func:`clean_line`, but line breaks are kept (as ``\\n``)."""
    if text.isprintable():
        return _nfc(text).strip()
    if _LINE_RE.search(text) is not None:
        text = _BREAK_RE.sub("\n", _REMOVED_RE.sub("", text)).replace("\t", " ")
    return _nfc(text).strip()


def name_key(name: str) -> str:
    """What two names are compared by when no registry identity is at hand: NFKC (full-width
    and compatibility forms folded), no invisible characters, no spaces at all, case folded.
    ``周律``, ``周 律``, ``周律\u200b`` and ``周\u3000律`` are one person's name."""
    text = unicodedata.normalize("NFKC", _REMOVED_RE.sub("", name))
    return "".join(text.split()).casefold()


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def is_clean(text: str, *, multiline: bool = False) -> bool:
    """Whether ``text`` is already as the rule leaves it."""
    return text == (clean_text(text) if multiline else clean_line(text))


def clean_value(name: str, value: object) -> object:
    """The value of field ``name`` cleaned: text, or a tuple of texts; anything else as is."""
    if isinstance(value, str):
        return clean_text(value) if name in MULTILINE_FIELDS else clean_line(value)
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        return tuple(clean_line(v) for v in value)
    return value


class _Trust(threading.local):
    depth = 0


_TRUST: Final = _Trust()
"""The one mark of trusted text: while this thread's depth is above 0, records built take their
text as given (``clean_fields`` returns at once). Raised by ``clean_already`` (a block) and by
``made_clean`` (one constructor call); nothing else skips the cleaning."""

P = ParamSpec("P")
R = TypeVar("R")


class clean_already:
    """Records built inside (by this thread) take their text as given, not cleaned again.

    For a caller whose every text went through this module's rule for its field already,
    each distinct value once: the ledger import (``ledger.parsed_columns``), which would
    otherwise clean a hundred thousand rows' text twice. One instance may be entered again
    and again. Never hold it across a ``yield``: the code the generator yields to would be
    trusted too."""

    __slots__ = ()

    def __enter__(self) -> None:
        _TRUST.depth += 1

    def __exit__(self, *_exc: object) -> None:
        _TRUST.depth -= 1


def made_clean(record: Callable[P, R]) -> Callable[P, R]:
    """A constructor of ``record`` that builds it as ``clean_already`` does: the text as given.

    Only for text the program makes itself from its own catalogue and knows clean: the demo
    generator's cases, payments and reviews (the cleaning was a fifth of the time it takes
    to generate a million cases). What it returns is an ordinary ``record``; the trust lasts
    for the one call, so records the caller builds between two calls are cleaned as usual.
    ``tests/unit/test_demo_generator.py`` checks that cleaning changes none of the
    generator's records."""
    trust = _TRUST

    def made(*args: P.args, **kwargs: P.kwargs) -> R:
        trust.depth += 1
        try:
            return record(*args, **kwargs)
        finally:
            trust.depth -= 1

    return made


def clean_fields(record: object) -> None:
    """Clean every text field of a (frozen) dataclass in place; call it from ``__post_init__``."""
    if _TRUST.depth:
        return
    kind = type(record)
    fields = _TEXT_FIELDS.get(kind)
    if fields is None:
        fields = _TEXT_FIELDS[kind] = _text_fields(kind)
    for name, clean in fields:
        value = getattr(record, name)
        if value is None:
            continue
        cleaned = clean(value) if value.__class__ is str else clean_value(name, value)
        if cleaned != value:
            object.__setattr__(record, name, cleaned)


_TEXT_FIELDS: dict[type, tuple[tuple[str, Callable[[str], str]], ...]] = {}


def _text_fields(kind: type) -> tuple[tuple[str, Callable[[str], str]], ...]:
    """The fields of dataclass ``kind`` that may hold text (every one but numbers, dates…),
    each with its rule."""
    return tuple(
        (f.name, clean_text if f.name in MULTILINE_FIELDS else clean_line)
        for f in dataclasses.fields(kind)
        if _may_hold_text(f.type)
    )


def _may_hold_text(annotation: object) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return _STR_RE.search(text) is not None
