"""The 台账 sheets and their headers (LEDGER_FORMAT.md), and what reading one yields.

Headers are the contract with the clerks: they are named here exactly once, in the order
LEDGER_FORMAT.md lists them. ``required`` is the "yes" of that table; columns required only
"when …" are checked per row by the caller, not at header level.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from types import MappingProxyType
from typing import Final

from chuansha_enforce.domain.enums import EnumMap
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.ledger.discretion_cells import DISCRETION_HEADERS
from chuansha_enforce.ledger.forced_cells import FORCED_HEADERS
from chuansha_enforce.ledger.limits import MAX_ISSUES_SHOWN
from chuansha_enforce.ledger.values import normalise_text


class SheetKind(StrEnum):
    """A sheet of the ledger; the value is the sheet name (and the CSV kind)."""

    OFFICERS = "执法人员"
    GENERAL_CASES = "一般程序案件"
    SIMPLE_DECISIONS = "简易程序案件"
    RECONSIDERATIONS = "行政复议"
    LAWSUITS = "行政诉讼"
    BENCHMARKS = "裁量基准"


@dataclass(frozen=True)
class HeaderSpec:
    name: str
    required: bool


def _specs(*pairs: tuple[str, bool]) -> tuple[HeaderSpec, ...]:
    return tuple(HeaderSpec(name, required) for name, required in pairs)


OFFICER_HEADERS: Final = _specs(
    ("姓名", True),
    ("执法证号", True),
    ("发证日期", True),
    ("有效期至", False),
    ("状态", False),
    ("注销日期", False),
)

GENERAL_CASE_HEADERS: Final = _specs(
    ("案件编号", True),
    ("决定书文号", False),
    ("案由", True),
    ("违法行为", False),
    ("法律依据", False),
    ("当事人类型", True),
    ("当事人", True),
    ("证件号码", False),
    ("违法地点", False),
    ("承办人", True),
    ("立案日期", True),
    ("听证", False),
    ("重大案件", False),
    ("法制审核人", False),
    ("法制审核日期", False),
    ("法制审核结论", False),
    ("决定日期", False),
    ("处罚种类", False),
    ("不予处罚理由", False),
    ("罚款金额", False),
    ("没收金额", False),
    ("送达日期", False),
    ("缴款日期", False),
    ("实缴金额", False),
    ("结案日期", False),
    ("违法行为发生日期", False),
    ("发现日期", False),
    ("告知日期", False),
    ("拟处罚种类", False),
    ("拟罚款金额", False),
    ("陈述申辩", False),
    ("听证日期", False),
    ("听证主持人", False),
    ("集体讨论日期", False),
    ("延长期限至", False),
    *((header, False) for header in DISCRETION_HEADERS.values()),
    ("当事人地址", False),
    ("法定代表人", False),
    ("送达方式", False),
    ("公示日期", False),
    ("责令限期拆除", False),
    ("拆除期限", False),
    *((header, False) for header in FORCED_HEADERS.values()),
    ("备注", False),
)

SIMPLE_DECISION_HEADERS: Final = _specs(
    ("决定书编号", True),
    ("当事人类型", True),
    ("当事人", True),
    ("证件号码", False),
    ("案由", True),
    ("违法行为", False),
    ("违法地点", False),
    ("执法人员", True),
    ("决定日期", True),
    ("处罚种类", True),
    ("罚款金额", False),
    ("法律依据", False),
    ("当场收缴", False),
    ("缴款日期", False),
    ("加处罚款", False),
    ("票据号", False),
    ("交回机关日期", False),
    ("存入银行日期", False),
    ("备案日期", False),
    ("备注", False),
)

RECONSIDERATION_SHEET_HEADERS: Final = _specs(
    ("复议案号", True),
    ("申请人", True),
    ("被申请行为", True),
    ("案件编号", False),
    ("复议机关", True),
    ("收到申请日期", True),
    ("答复日期", False),
    ("结果", False),
    ("结果日期", False),
    ("备注", False),
)

LAWSUIT_SHEET_HEADERS: Final = _specs(
    ("诉讼案号", True),
    ("原告", True),
    ("被诉行为", True),
    ("案件编号", False),
    ("法院", True),
    ("审级", False),
    ("收到起诉状日期", True),
    ("答辩日期", False),
    ("开庭日期", False),
    ("负责人出庭", False),
    ("结果", False),
    ("结果日期", False),
    ("备注", False),
)

BENCHMARK_SHEET_HEADERS: Final = _specs(
    ("违法行为", True),
    ("法律依据", True),
    ("情节", True),
    ("法定下限", True),
    ("法定上限", True),
    ("罚款下限", True),
    ("罚款上限", True),
    ("依据文件", False),
    ("生效日期", True),
)

HEADERS: Final[Mapping[SheetKind, tuple[HeaderSpec, ...]]] = EnumMap(
    SheetKind,
    {
        SheetKind.OFFICERS: OFFICER_HEADERS,
        SheetKind.GENERAL_CASES: GENERAL_CASE_HEADERS,
        SheetKind.SIMPLE_DECISIONS: SIMPLE_DECISION_HEADERS,
        SheetKind.RECONSIDERATIONS: RECONSIDERATION_SHEET_HEADERS,
        SheetKind.LAWSUITS: LAWSUIT_SHEET_HEADERS,
        SheetKind.BENCHMARKS: BENCHMARK_SHEET_HEADERS,
    },
)


def header_names(kind: SheetKind) -> tuple[str, ...]:
    """Every header of ``kind`` in LEDGER_FORMAT order (the order an export writes)."""
    return tuple(spec.name for spec in HEADERS[kind])


def required_headers(kind: SheetKind) -> tuple[str, ...]:
    return tuple(spec.name for spec in HEADERS[kind] if spec.required)


_EMPTY: Final[Mapping[str, object]] = MappingProxyType({})


@dataclass(frozen=True)
class LedgerIssue:
    """One problem in a ledger file, located as precisely as it can be.

    ``sheet`` is the name messages use for the sheet (the xlsx sheet name, or the CSV file
    name); ``row`` is the row number Excel shows; ``header`` the column's header. Any of them
    is ``None`` when the problem is not that specific (an unreadable file has none).
    """

    sheet: str | None
    row: int | None
    header: str | None
    code: str
    params: Mapping[str, object] = field(default_factory=lambda: _EMPTY, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    @classmethod
    def from_error(
        cls, sheet: str | None, row: int | None, header: str | None, error: DomainError
    ) -> LedgerIssue:
        """The issue for a value parser's ``DomainError`` found at ``sheet``/``row``/``header``."""
        return cls(sheet, row, header, error.code, error.params)

    def text(self, lang: Lang = "zh") -> str:
        """``一般程序案件 第5行 罚款金额：<message>``; in English
        ``一般程序案件 row 5, 罚款金额: <message>``."""
        message = render(self.code, self.params, lang)
        zh = lang == "zh"
        place: list[str] = []
        if self.sheet is not None:
            place.append(self.sheet)
        if self.row is not None:
            place.append(f"第{self.row}行" if zh else f"row {self.row}")
        where = " ".join(place)
        if self.header is not None:
            if where:
                where += " " if zh else ", "
            where += self.header
        if not where:
            return message
        return f"{where}{'：' if zh else ': '}{message}"


class IssueList(list[LedgerIssue]):
    """Issues as they are reported: every one counted (``total``), only the first ``keep``
    kept, so that a file wrong in every one of millions of cells costs no more memory than
    one wrong in a few (the total is always told)."""

    def __init__(self, keep: int = MAX_ISSUES_SHOWN) -> None:
        super().__init__()
        self.keep = keep
        self.total = 0

    def append(self, issue: LedgerIssue, /) -> None:
        self.total += 1
        if len(self) < self.keep:
            super().append(issue)

    def extend(self, issues: Iterable[LedgerIssue], /) -> None:
        for issue in issues:
            self.append(issue)


@dataclass(frozen=True)
class RawRow:
    """One non-blank data row: ``row`` as Excel shows it, ``cells`` keyed by trimmed header.

    Every recognised header of the sheet has a key; an empty cell is ``""``. Values keep the
    native cell type from xlsx (``str``, ``float``, ``int``, ``bool``, ``date``, ``datetime``,
    ``time``, ``timedelta``); CSV values are always ``str``. Strings are trimmed and
    NFKC-normalised (full-width digits and letters become half-width).
    """

    row: int
    cells: Mapping[str, object]


@dataclass(frozen=True, eq=False)
class RawSheet:
    """A sheet as read: ``name`` is what messages call it (sheet name, or CSV file name).

    ``headers`` are the recognised headers in column order (unknown, duplicate and blank
    headers are reported as issues and left out). ``row_numbers`` are the non-blank data
    rows as Excel numbers them, and ``columns`` holds each header's cells for those rows, top
    to bottom, exactly as the file has them: strings are not trimmed yet, so that a reader
    of many rows (the import) cleans each distinct value once (``normalise_text``).
    ``rows`` gives the same cells row by row, cleaned.
    """

    kind: SheetKind
    name: str
    headers: tuple[str, ...]
    row_numbers: tuple[int, ...] = ()
    columns: Mapping[str, Sequence[object]] = field(default_factory=dict)

    @cached_property
    def rows(self) -> tuple[RawRow, ...]:
        """The rows with their cells by header, strings trimmed and normalised."""
        headers = self.headers
        cleaned = [
            [normalise_text(v) if isinstance(v, str) else v for v in self.columns.get(header, ())]
            for header in headers
        ]
        return tuple(
            RawRow(number, dict(zip(headers, values, strict=True)))
            for number, values in zip(self.row_numbers, zip(*cleaned, strict=True), strict=True)
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawSheet):
            return NotImplemented
        mine = (self.kind, self.name, self.headers, self.rows)
        return mine == (other.kind, other.name, other.headers, other.rows)

    __hash__ = None  # type: ignore[assignment]
