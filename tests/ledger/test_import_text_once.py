"""The import cleans each distinct text once, by the rule of the field it becomes, and builds
its records without cleaning them again: the records are exactly those the ordinary
constructors make (``dataclasses.replace`` runs their cleaning again); the personal-data scan
that remembers texts finds what the scan of one row finds."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.records import GeneralCaseRecord, PartyRecord
from chuansha_enforce.domain.reports.personal_data import (
    FreeTextScan,
    find_personal_data,
    free_text_findings,
)
from chuansha_enforce.domain.text_input import clean_already, made_clean
from chuansha_enforce.ledger.import_context import ImportContext
from chuansha_enforce.ledger.reader import read_ledger
from chuansha_enforce.ledger.row_mapping import general_cases_of, officers_of
from chuansha_enforce.ledger.sheets import LedgerIssue, SheetKind
from tests.ledger_files import CASE, ledger, with_

DIRTY = with_(
    CASE,
    案件编号="川执立〔２０２４〕000001号\u200b",
    决定书文号="沪浦川执罚〔2024〕\n000001号",
    案由="张三\t占道设摊案\u202e",
    当事人="张\r\n三",
    违法地点="川沙路\u3000８８号 ",
    违法行为="占道\r\n设摊\x1b经营",
    备注="第一行\r\n第二行\u2028第三行",
)


SECOND = with_(CASE, 案件编号="川执立〔2024〕000002号", 决定书文号="沪浦川执罚〔2024〕000002号")


def _records(path: Path) -> tuple[list[GeneralCaseRecord | None], list[LedgerIssue]]:
    sheets, issues = read_ledger(path)
    assert issues == []
    ctx = ImportContext(today=dt.date(2024, 12, 20), calendar=WorkCalendar())
    errors: list[LedgerIssue] = []
    warnings: list[LedgerIssue] = []
    by_kind = {sheet.kind: sheet for sheet in sheets}
    list(officers_of(by_kind[SheetKind.OFFICERS], ctx, errors, warnings))
    cases = list(general_cases_of(by_kind[SheetKind.GENERAL_CASES], ctx, errors, warnings))
    assert errors == []
    return cases, warnings


def test_the_records_hold_the_text_their_constructors_would(tmp_path: Path) -> None:
    cases, _ = _records(ledger(tmp_path / "dirty.xlsx", cases=[DIRTY]))
    (case,) = cases
    assert case is not None
    assert dataclasses.replace(case) == case  # cleaning it again changes nothing
    assert dataclasses.replace(case.party) == case.party
    assert case.case_no == "川执立〔2024〕000001号"
    assert case.decision_no == "沪浦川执罚〔2024〕 000001号"  # one line: the break a space
    assert case.cause == "张三 占道设摊案"
    assert case.party.name == "张 三"
    assert case.location == "川沙路\u300088号"
    assert case.violation == "占道\n设摊经营"  # free text keeps its line break
    assert case.notes == "第一行\n第二行\n第三行"


def test_records_built_inside_clean_already_keep_their_text_and_only_there() -> None:
    with clean_already():
        kept = PartyRecord(PartyType.NATURAL_PERSON, " 张三\u200b")
    cleaned = PartyRecord(PartyType.NATURAL_PERSON, " 张三\u200b")
    assert kept.name == " 张三\u200b"
    assert cleaned.name == "张三"
    # the same trust as the demo's constructor (text_input.made_clean): one mechanism
    assert made_clean(PartyRecord)(PartyType.NATURAL_PERSON, " 张三\u200b") == kept


def test_the_trusted_import_equals_the_ordinary_constructors_row_by_row(tmp_path: Path) -> None:
    """Each record the import built under the trust, rebuilt field by field by the ordinary
    constructors (which clean), is the same record."""
    cases, _ = _records(ledger(tmp_path / "two.xlsx", cases=[DIRTY, SECOND]))
    for case in cases:
        assert case is not None
        party = PartyRecord(*(getattr(case.party, f.name) for f in dataclasses.fields(PartyRecord)))
        rebuilt = GeneralCaseRecord(
            **{f.name: getattr(case, f.name) for f in dataclasses.fields(GeneralCaseRecord)}
            | {"party": party}
        )
        assert rebuilt == case


TEXTS = [
    None,
    "",
    "占道设摊",
    "张三占道设摊",
    "联系电话 5898 1234",
    "当事人手机13812345678",
    "身份证11010519491231002X",
    "川沙路88弄8号",
    "七灶村3组张 三",
    "卡号6222 0212 3456 7890 123",
]


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        (PartyType.NATURAL_PERSON, "张三"),
        (PartyType.NATURAL_PERSON, "张"),
        (PartyType.INDIVIDUAL_BUSINESS, "张三"),
        (PartyType.LEGAL_PERSON, "张三"),
        (None, None),
    ],
)
def test_the_scan_of_many_rows_finds_what_one_row_finds(
    kind: PartyType | None, name: str | None
) -> None:
    scan = FreeTextScan()
    for _ in range(2):  # the second time from what it remembers
        for text in TEXTS:
            texts = dict.fromkeys(("cause", "violation", "legal_basis", "location", "notes"), text)
            expected = {}
            for field, value in texts.items():
                person = kind in (PartyType.NATURAL_PERSON, PartyType.INDIVIDUAL_BUSINESS)
                names = (
                    [name] if kind is PartyType.NATURAL_PERSON and name and field != "cause" else []
                )
                hits = find_personal_data(
                    value, names=names, addresses=person and field != "location"
                )
                if hits:
                    expected[field] = hits
            assert scan.findings(texts, name, kind) == expected
            assert free_text_findings(texts, name, kind) == expected


def test_the_rows_left_out_of_the_scan_are_those_it_would_find_nothing_in(
    tmp_path: Path,
) -> None:
    """The import scans a row only when one of its texts holds something (or its party is a
    natural person, whose name may be anywhere): its warnings are the per-row scan's."""
    rows: list[dict[str, object]] = []
    parties = [("自然人", "张三"), ("个体工商户", "张三五金店"), ("法人", "上海某某公司")]
    for kind, name in parties:
        for text in ["占道设摊", "张三占道设摊", "联系电话 5898 1234", "川沙路88弄8号"]:
            for column in ("违法行为", "违法地点", "备注"):
                n = len(rows) + 1
                rows.append(with_(CASE, 案件编号=f"川执立〔2024〕{n:06d}号",
                                  决定书文号=f"沪浦川执罚〔2024〕{n:06d}号", 当事人类型=kind,
                                  当事人=name, 证件号码=None, **{column: text}))  # fmt: skip
    cases, warnings = _records(ledger(tmp_path / "scan.xlsx", cases=rows))
    expected = []
    for row, case in enumerate(cases, start=2):
        assert case is not None
        texts = {"cause": case.cause, "violation": case.violation,
                 "legal_basis": case.legal_basis, "location": case.location,
                 "notes": case.notes}  # fmt: skip
        for field in free_text_findings(texts, case.party.name, case.party.kind):
            expected.append((row, field))
    found = [(w.row, w.header) for w in warnings if w.code == "ledger.personal_data"]
    headers = {"cause": "案由", "violation": "违法行为", "legal_basis": "法律依据",
               "location": "违法地点", "notes": "备注"}  # fmt: skip
    assert found == [(row, headers[field]) for row, field in expected]
    assert len(found) > 10  # (each kind of party warned of something)
