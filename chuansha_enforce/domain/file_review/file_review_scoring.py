"""Scoring a reviewed case file against a score sheet (案卷评查评分, DOMAIN §4).

A sheet has veto items (any one fails the file outright: score 0, 不合格), file-form items
and content items. A finding is one defect against one item with the points it costs; the
deductions of one item never exceed the item's cap, and neither part goes below zero.
Grades follow the sheet's cut-offs, each boundary inclusive (default 优秀 ≥ 90, 良好 ≥ 80,
合格 ≥ 60, otherwise 不合格).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from chuansha_enforce.domain.enums import LabelledEnum
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.text_input import clean_text


class ItemKind(LabelledEnum):
    VETO = "veto", "否决项"
    FORM = "form", "案卷形式"
    CONTENT = "content", "案卷内容"


class Grade(LabelledEnum):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


@dataclass(frozen=True, slots=True)
class SheetItem:
    code: str
    kind: ItemKind
    label: str
    points: int = 0
    """Deduction for one defect (0 for a veto item)."""
    cap: int = 0
    """Most this item can cost in total (0 for a veto item)."""


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    items: tuple[SheetItem, ...]
    form_total: int = 20
    content_total: int = 80
    excellent_min: int = 90
    good_min: int = 80
    pass_min: int = 60

    def item(self, code: str) -> SheetItem:
        for item in self.items:
            if item.code == code:
                return item
        raise DomainError("file_review.unknown_item", "item", {"code": code})

    def of_kind(self, kind: ItemKind) -> tuple[SheetItem, ...]:
        return tuple(item for item in self.items if item.kind is kind)

    def to_json(self) -> dict[str, object]:
        return {
            "form_total": self.form_total,
            "content_total": self.content_total,
            "excellent_min": self.excellent_min,
            "good_min": self.good_min,
            "pass_min": self.pass_min,
            "items": [
                {
                    "code": i.code,
                    "kind": i.kind.value,
                    "label": i.label,
                    "points": i.points,
                    "cap": i.cap,
                }
                for i in self.items
            ],
        }


def _veto(code: str, label: str) -> SheetItem:
    return SheetItem(code, ItemKind.VETO, label)


def _form(code: str, label: str, cap: int) -> SheetItem:
    return SheetItem(code, ItemKind.FORM, label, points=1, cap=cap)


def _content(code: str, label: str, points: int, cap: int) -> SheetItem:
    return SheetItem(code, ItemKind.CONTENT, label, points=points, cap=cap)


DEFAULT_SHEET = ScoreSheet(
    items=(
        _veto("unlawful_subject", "执法主体不合法"),
        _veto("unqualified_officer", "执法人员无执法资格"),
        _veto("not_transferred", "应当移送而未移送"),
        _veto("insufficient_evidence", "主要证据不足"),
        _veto("unclear_facts", "违法事实不清"),
        _veto("wrong_characterisation", "定性错误"),
        _veto("wrong_law", "适用法律错误"),
        _veto("unlawful_procedure", "违反法定程序"),
        _veto("fewer_than_two", "执法人员少于两人"),
        _form("templates", "未使用统一规范的执法文书", 4),
        _form("forms_filled", "文书填写不规范、不完整", 4),
        _form("one_case_one_file", "未做到一案一卷", 3),
        _form("cover_index_pages", "卷皮、卷内目录、页码不全", 3),
        _form("order", "未按立案、调查、审查、决定、送达顺序装订", 3),
        _form("numbering", "文书编号不规范", 3),
        _content("late_filing", "立案不及时", 1, 5),
        _content("no_investigation_report", "无调查终结报告", 3, 3),
        _content("notice_missing", "未告知陈述申辩或听证权利", 2, 4),
        _content("no_service_receipt", "无送达回证", 2, 4),
        _content("evidence_form", "证据材料不规范（来源、签名、日期）", 2, 10),
        _content("record_defects", "询问、检查笔录不规范", 2, 10),
        _content("decision_content", "处罚决定书内容不完整", 2, 10),
        _content("discretion", "未说明自由裁量理由", 2, 6),
        _content("execution", "执行情况记录不全", 2, 6),
        _content("late_closing", "结案不及时", 1, 5),
        _content("other", "其他缺陷", 1, 80),
    )
)


def sheet_from_json(data: Mapping[str, object]) -> ScoreSheet:
    """A sheet from its stored form, every value checked."""
    try:
        raw_items = data["items"]
        if not isinstance(raw_items, list):
            raise TypeError
        items = tuple(
            SheetItem(
                code=str(item["code"]).strip(),
                kind=ItemKind(str(item["kind"])),
                label=str(item["label"]).strip(),
                points=_int(item.get("points", 0)),
                cap=_int(item.get("cap", 0)),
            )
            for item in raw_items
        )
        sheet = ScoreSheet(
            items=items,
            form_total=_int(data.get("form_total", 20)),
            content_total=_int(data.get("content_total", 80)),
            excellent_min=_int(data.get("excellent_min", 90)),
            good_min=_int(data.get("good_min", 80)),
            pass_min=_int(data.get("pass_min", 60)),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DomainError("file_review.sheet_invalid", "sheet", {"detail": str(exc)}) from None
    check_sheet(sheet)
    return sheet


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{value!r} 不是整数")
    return value


def check_sheet(sheet: ScoreSheet) -> None:
    def bad(detail: str) -> DomainError:
        return DomainError("file_review.sheet_invalid", "sheet", {"detail": detail})

    codes = [item.code for item in sheet.items]
    if not codes or any(not code for code in codes) or len(set(codes)) != len(codes):
        raise bad("评查项目编码不能为空或重复")
    if any(not item.label for item in sheet.items):
        raise bad("评查项目名称不能为空")
    for item in sheet.items:
        if item.kind is ItemKind.VETO and (item.points or item.cap):
            raise bad(f"否决项“{item.label}”不扣分")
        if item.kind is not ItemKind.VETO and not 0 < item.points <= item.cap:
            raise bad(f"“{item.label}”的每处扣分须大于 0 且不超过上限")
    if (
        sheet.form_total < 0
        or sheet.content_total < 0
        or sheet.form_total + sheet.content_total != 100
    ):
        raise bad("案卷形式与案卷内容的分值之和须为 100")
    if not 0 < sheet.pass_min < sheet.good_min < sheet.excellent_min <= 100:
        raise bad("等次分数线须满足 0 < 合格 < 良好 < 优秀 ≤ 100")


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect found in a file: the item, what it costs (None: the item's points), a note."""

    item_code: str
    points: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class ScoredFinding:
    item: SheetItem
    points: int
    note: str


@dataclass(frozen=True, slots=True)
class FileScore:
    form: int
    content: int
    total: int
    vetoed: bool
    grade: Grade
    findings: tuple[ScoredFinding, ...]

    @property
    def veto_labels(self) -> tuple[str, ...]:
        """Each veto item found, once, in the order first found (a veto listed twice, with
        two notes, still vetoes the file once)."""
        found = (f.item.label for f in self.findings if f.item.kind is ItemKind.VETO)
        return tuple(dict.fromkeys(found))


def grade_for(total: int, *, vetoed: bool, sheet: ScoreSheet) -> Grade:
    if vetoed or total < sheet.pass_min:
        return Grade.FAIL
    if total >= sheet.excellent_min:
        return Grade.EXCELLENT
    if total >= sheet.good_min:
        return Grade.GOOD
    return Grade.PASS


def score_file(sheet: ScoreSheet, findings: Iterable[Finding]) -> FileScore:
    """Score one file. Deductions per item stop at its cap; parts never go below zero."""
    scored: list[ScoredFinding] = []
    for index, finding in enumerate(findings, start=1):
        item = sheet.item(finding.item_code)
        if item.kind is ItemKind.VETO:
            if finding.points is not None:  # (typed, it would be dropped without a word)
                params = {"row": index, "item": item.label}
                raise DomainError("file_review.veto_points", "points", params)
            points = 0
        else:
            points = item.points if finding.points is None else finding.points
            if not 0 < points <= item.cap:
                raise DomainError(
                    "file_review.points",
                    "points",
                    {"row": index, "item": item.label, "cap": item.cap},
                )
        scored.append(ScoredFinding(item, points, clean_text(finding.note)))
    form = _part(sheet.form_total, scored, ItemKind.FORM)
    content = _part(sheet.content_total, scored, ItemKind.CONTENT)
    vetoed = any(f.item.kind is ItemKind.VETO for f in scored)
    total = 0 if vetoed else form + content
    return FileScore(
        form=form,
        content=content,
        total=total,
        vetoed=vetoed,
        grade=grade_for(total, vetoed=vetoed, sheet=sheet),
        findings=tuple(scored),
    )


def _part(full: int, findings: Sequence[ScoredFinding], kind: ItemKind) -> int:
    per_item: dict[str, int] = {}
    caps: dict[str, int] = {}
    for f in findings:
        if f.item.kind is kind:
            per_item[f.item.code] = per_item.get(f.item.code, 0) + f.points
            caps[f.item.code] = f.item.cap
    lost = sum(min(points, caps[code]) for code, points in per_item.items())
    return max(0, full - lost)
