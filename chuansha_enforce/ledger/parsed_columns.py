"""A sheet's cells parsed column by column, each distinct value once, every failure located.

A ledger repeats itself: a hundred thousand cases share a few hundred dates, a handful of
kinds and amounts, a few thousand names. Each column keeps a memo from cell value to parse
result, and the column is mapped through it in C (``map`` over ``dict.__getitem__``): only a
value not seen before runs the parser. Rows come back as tuples in the order of the specs,
an empty cell as ``None``; a row with a value that does not parse or a required value that
is missing gets its issues (in column order) and ``None`` in place of the bad value, so the
rules can still report everything else that is wrong in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import repeat
from typing import Final

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import MULTILINE_FIELDS
from chuansha_enforce.ledger.limits import MAX_SHORT_CHARS
from chuansha_enforce.ledger.sheets import IssueList, LedgerIssue, RawSheet
from chuansha_enforce.ledger.values import cell_text, normalise_line, normalise_text


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """``key`` is the field code rules use; ``parse`` raises ``DomainError`` for a bad value
    and may return ``None`` for a value that means nothing (a list of no names); it gets
    strings trimmed and normalised, never empty. The default is text (``cell_text``).
    ``unique`` marks a text column whose values differ in every row (numbers): not memoised.
    ``max_chars`` is the longest text a cell of the column may hold (``limits``).
    """

    key: str
    header: str
    parse: Callable[[object], object] = cell_text
    required: bool = False
    unique: bool = False
    max_chars: int = MAX_SHORT_CHARS

    def __post_init__(self) -> None:
        if self.unique and self.parse is not cell_text:
            raise ValueError(f"only a text column can be unique: {self.key}")


class SheetIssues:
    """Where a sheet's errors and warnings go, each located at row and header."""

    __slots__ = ("error_count", "errors", "headers", "sheet", "warnings")

    def __init__(
        self,
        sheet: str,
        headers: Mapping[str, str],
        errors: list[LedgerIssue],
        warnings: list[LedgerIssue],
    ) -> None:
        self.sheet = sheet
        self.headers = headers
        self.errors = errors
        self.warnings = warnings
        self.error_count = 0
        """Errors added so far (``errors`` may keep only the first of them)."""

    def add(self, row: int, error: DomainError, key: str | None, *, warning: bool = False) -> None:
        """The issue ``error`` on ``row``, at the header of its field (else of ``key``)."""
        field = error.field or key
        header = self.headers.get(field or "", field)
        issue = LedgerIssue(self.sheet, row, header, error.code, error.params)
        if warning:
            self.warnings.append(issue)
        else:
            self.error_count += 1
            self.errors.append(issue)

    def keeps_more(self) -> bool:
        """Would another error be kept (not only counted)?"""
        errors = self.errors
        return not isinstance(errors, IssueList) or len(errors) < errors.keep

    def count_error(self) -> None:
        """One more error past those kept (``keeps_more`` is false): counted only."""
        self.error_count += 1
        if isinstance(self.errors, IssueList):
            self.errors.total += 1


class _Failed:
    """A cell whose value does not parse. The error is made again from the cell when it is
    reported, and only while errors are still kept: a column wrong in every one of a
    hundred thousand cells holds no hundred thousand errors."""

    __slots__ = ()


FAILED = _Failed()
_MEMO_FAILURES = 1_000
"""Values that failed remembered per column (more are parsed again when met again)."""
_MEMO_VALUES = 20_000
"""Values remembered per column: a ledger repeats a few thousand dates, names and amounts;
a column of a hundred thousand different values would only double its memory."""


def _detached(error: BaseException) -> DomainError:
    """``error`` without its traceback, nor those of the errors it was raised from: they
    hold the parsers' frames, and with them reference cycles that no collector frees while
    an import runs (it pauses the cyclic collector), a few hundred bytes each failing cell."""
    link: BaseException | None = error
    while link is not None:
        link.__traceback__ = None
        link = link.__context__
    assert isinstance(error, DomainError)
    return error


class _Memo(dict[object, object]):
    """Parse results by cell value. Strings and dates are keys as they are; any other value
    is keyed with its type, because ``True == 1 == 1.0`` as dictionary keys while a TRUE
    cell, the number 1 and 1.0 are not the same cell (``TRUE`` is no amount of money).
    A column whose numbers are all of one type and none ``bool`` (``cells`` tells, when the
    first number is met: the usual column of amounts) keys them as they are too, so that
    they are looked up in C."""

    __slots__ = (
        "_as_they_are", "_failures", "_max_chars", "_normalise", "_parse", "_typed", "cells",
        "failed",
    )  # fmt: skip

    def __init__(
        self,
        parse: Callable[[object], object],
        max_chars: int,
        normalise: Callable[[str], str] = normalise_text,
    ) -> None:
        super().__init__()
        self._parse = parse
        self._normalise = normalise
        self._max_chars = max_chars
        self._typed: dict[tuple[type, object], object] = {}
        self._failures = 0
        self._as_they_are: bool | None = None
        self.cells: Sequence[object] = ()
        self.failed = False

    def error_of(self, value: object) -> DomainError:
        """The error of a cell that failed (``FAILED`` in its column)."""
        result = self._result(value)
        assert isinstance(result, DomainError)
        return result

    def _checked(self, value: object) -> tuple[object, bool]:
        """The result for ``value`` (``FAILED`` for an error), and whether to remember it."""
        result = self._result(value)
        if isinstance(result, DomainError):
            self.failed = True
            self._failures += 1
            return FAILED, self._failures <= _MEMO_FAILURES
        return result, len(self) + len(self._typed) < _MEMO_VALUES

    def _result(self, value: object) -> object:
        if isinstance(value, str):
            value = self._normalise(value)
            if not value:
                return None
            if len(value) > self._max_chars:
                params = {"length": len(value), "max": self._max_chars}
                return DomainError("ledger.cell_too_long", None, params)
        elif value is None:
            return None
        try:
            return self._parse(value)
        except DomainError as error:
            return _detached(error)

    def __missing__(self, value: object) -> object:
        kind = value.__class__
        result, keep = self._checked(value)
        if kind is str or kind is dt.date:
            if keep:
                self[value] = result
            return result
        if self._as_they_are is None:
            self._as_they_are = _numbers_of_one_kind(self.cells)
        if self._as_they_are:
            if keep:
                self[value] = result
            return result
        key = (kind, value)
        if key in self._typed:
            return self._typed[key]
        if keep:
            self._typed[key] = result
        return result


_EQUAL_ACROSS_TYPES: Final = frozenset({int, float, Decimal})
"""Numbers of these types are equal dictionary keys when their values are (``bool`` too)."""


def _numbers_of_one_kind(cells: Sequence[object]) -> bool:
    """No two cells of ``cells`` of different types are equal as dictionary keys."""
    kinds = set(map(type, cells))
    return bool not in kinds and len(kinds & _EQUAL_ACROSS_TYPES) <= 1


def _normaliser(spec: ColumnSpec) -> Callable[[str], str]:
    """A text column's cells cleaned by the rule of the record field they become (one line,
    or free text keeping its line breaks): the records take them as they are
    (``text_input.clean_already``). Other columns' cells are parsed from ``normalise_text``."""
    if spec.parse is not cell_text or spec.key in MULTILINE_FIELDS:
        return normalise_text
    return normalise_line


class ParsedSheet:
    """The cells of ``sheet`` parsed by ``specs``; :meth:`rows` yields them row by row."""

    def __init__(self, sheet: RawSheet, specs: Sequence[ColumnSpec], issues: SheetIssues) -> None:
        self._sheet = sheet
        self._specs = tuple(specs)
        self._issues = issues
        count = len(sheet.row_numbers)
        self._columns: dict[str, Sequence[object]] = {}
        self._memos: dict[str, _Memo] = {}
        self._flagged: set[int] = set()
        for spec in self._specs:
            cells = sheet.columns.get(spec.header)
            if cells is None:  # an optional column the sheet does not have
                column: Sequence[object] = tuple(repeat(None, count))
            else:
                normalise = _normaliser(spec)
                memo = self._memos[spec.key] = _Memo(spec.parse, spec.max_chars, normalise)
                memo.cells = cells
                if spec.unique:  # a memo of strings would only grow: each one is new
                    most = spec.max_chars
                    column = [
                        (normalise(v) or None) if v.__class__ is str and len(v) <= most else memo[v]
                        for v in cells
                    ]
                else:
                    column = list(map(memo.__getitem__, cells))
                if memo.failed:
                    self._flagged.update(i for i, v in enumerate(column) if v is FAILED)
            if spec.required and None in column:
                self._flagged.update(i for i, v in enumerate(column) if v is None)
            self._columns[spec.key] = column

    def texts(self, key: str) -> set[str]:
        """The distinct strings parsed in column ``key`` (numbers to look up, say)."""
        return {value for value in self._columns[key] if isinstance(value, str)}

    def loud_rows(self, keys: Sequence[str], loud: Callable[[str, str], bool]) -> set[int]:
        """The row numbers with a text in columns ``keys`` that is ``loud`` (each distinct
        text of a column asked once, as ``loud(key, text)``)."""
        noisy: set[int] = set()
        row_numbers = self._sheet.row_numbers
        for key in keys:
            column = self._columns[key]
            texts = {v for v in column if v.__class__ is str}
            flagged = {t for t in texts if loud(key, t)}
            if flagged:
                noisy.update(row_numbers[i] for i, v in enumerate(column) if v in flagged)
        return noisy

    def rows(self) -> Iterator[tuple[int, tuple[object, ...]]]:
        """``(row number, values)`` per row, values in the order of the specs; a row's parse
        issues are added just before it is yielded."""
        row_numbers = self._sheet.row_numbers
        columns = [self._columns[spec.key] for spec in self._specs]
        flagged = self._flagged
        for index, (row, values) in enumerate(
            zip(row_numbers, zip(*columns, strict=True), strict=True)
        ):
            if index in flagged:
                yield row, self._report(index, row, values)
            else:
                yield row, values

    def _report(self, index: int, row: int, values: tuple[object, ...]) -> tuple[object, ...]:
        """The row's parse issues added; its bad values made ``None``."""
        issues = self._issues
        cleaned: list[object] = []
        for spec, value in zip(self._specs, values, strict=True):
            if value is FAILED:
                if issues.keeps_more():
                    raw = self._sheet.columns[spec.header][index]
                    issues.add(row, self._memos[spec.key].error_of(raw), spec.key)
                else:
                    issues.count_error()
                cleaned.append(None)
                continue
            if value is None and spec.required:
                issues.add(row, DomainError("ledger.required"), spec.key)
            cleaned.append(value)
        return tuple(cleaned)
