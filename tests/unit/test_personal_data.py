"""The scan that withholds personal data from public fields, and the catalogue it relies on."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.cases.violation_catalogue import catalogue_name, law_and_articles
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.disclosure import DisclosureSource, disclose
from chuansha_enforce.domain.reports.personal_data import Finding, FreeTextScan, find_personal_data

F = Finding


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("身份证310115198503171230", {F.RESIDENT_ID}),
        ("身份证31011519850317123X", {F.RESIDENT_ID}),
        ("身份证310115198503171239（校验位错）", {F.RESIDENT_ID}),
        ("老证310115850317123", {F.RESIDENT_ID}),
        ("手机138 1234 5678", {F.PHONE}),
        ("手机１３８１２３４５６７８", {F.PHONE}),
        ("手机138\u200b12345678", {F.PHONE}),
        ("座机021-58981234", {F.PHONE}),
        ("座机(021)58981234", {F.PHONE}),
        ("电话5898 1234", {F.PHONE}),
        ("卡号6222 0212 3456 7890 123", {F.BANK_CARD}),
        ("处罚决定日期2024-03-01，罚款人民币1,000.00元", set()),
        ("沪浦川执罚〔2024〕000123号", set()),
        ("《上海市市容环境卫生管理条例》第二十五条第二项", set()),
    ],
)
def test_numbers_are_found_in_any_form(text: str, found: set[Finding]) -> None:
    assert find_personal_data(text) == found


def test_names_and_house_addresses() -> None:
    assert find_personal_data("王 小\u200b明在此设摊", names=["王小明"]) == {F.PERSON_NAME}
    assert find_personal_data("王小明在此设摊", names=[]) == set()
    for address in ("川沙路88弄8号", "3号楼502室", "七灶村3组", "新川路一百号"):
        assert find_personal_data(address, addresses=True) == {F.HOME_ADDRESS}, address
        assert find_personal_data(address) == set()


@pytest.mark.parametrize(
    ("field", "text", "could"),
    [
        ("notes", "联系电话13812345678", True),  # a number: for every party
        ("cause", "身份证310115198503171230", True),
        ("notes", "当事人住川沙路88弄8号", True),  # an address: only for a person (below)
        ("location", "川沙路88弄8号", False),  # the place of the violation, not a home
        ("notes", "王小明在此设摊", False),  # only a name: the row's own party is asked
        ("notes", "未按规定设置店招店牌", False),  # nothing for any party
        ("notes", "", False),
    ],
)
def test_could_find_asks_for_any_party_but_a_name(field: str, text: str, could: bool) -> None:
    assert FreeTextScan().could_find(field, text) is could


def test_an_address_is_found_only_for_a_person_and_a_name_only_with_its_party() -> None:
    scan = FreeTextScan()
    address = (("notes", "当事人住川沙路88弄8号"),)
    assert scan.findings_in(address, None, PartyType.INDIVIDUAL_BUSINESS) == {
        "notes": {F.HOME_ADDRESS}
    }
    assert scan.findings_in(address, None, PartyType.LEGAL_PERSON) == {}
    assert scan.findings_in(address, None, PartyType.OTHER_ORGANISATION) == {}
    name = (("notes", "王小明在此设摊"),)
    assert scan.findings_in(name, "王小明", PartyType.NATURAL_PERSON) == {"notes": {F.PERSON_NAME}}
    assert scan.findings_in(name, None, PartyType.NATURAL_PERSON) == {}


def test_the_catalogue_name_and_the_law_and_article_are_read_from_typed_text() -> None:
    typed = "王小明（身份证310115198503171230，电话13812345678）在其住所川沙路88弄8号占道设摊"
    assert catalogue_name(typed) == "占道设摊"
    assert catalogue_name("跨门营业") == "超出门窗和外墙经营"
    assert catalogue_name("随地吐痰") is None
    basis = "依据《上海市市容环境卫生管理条例》第二十五条第二项（王小明，13812345678）"
    assert law_and_articles(basis) == "《上海市市容环境卫生管理条例》第二十五条第二项"
    assert law_and_articles("市容条例25条") is None


def _source(party: PartyRecord, **typed: str) -> DisclosureSource:
    return DisclosureSource(
        case_no="川执立〔2024〕1号",
        party=party,
        decision_no="沪浦川执罚〔2024〕1号",
        decided_on=dt.date(2024, 5, 6),
        outcome=Outcome.PENALTY,
        kinds=frozenset({PenaltyKind.FINE}),
        fine_fen=50_000,
        confiscation_fen=0,
        violation=typed.get("violation", "占道设摊"),
        legal_basis=typed.get("basis", "《上海市市容环境卫生管理条例》第二十五条第二项"),
        location=typed.get("location", "川沙路88号"),
    )


def test_every_public_field_is_scanned_and_says_what_was_withheld() -> None:
    person = PartyRecord(PartyType.NATURAL_PERSON, "王小明", "310115198503171230", "川沙路1号")
    entry = disclose(_source(person, basis="《王小明条例》第三条"), "川沙新镇人民政府")
    assert entry is not None
    assert entry.party_name == "王某"
    assert entry.facts == "王某有占道设摊的违法行为。"  # a person's place is never published
    assert entry.basis == "（已隐去：含自然人姓名）"
    company = PartyRecord(PartyType.LEGAL_PERSON, "上海川沙物流有限公司13812345678")
    entry = disclose(_source(company, location="川沙路88号（电话021-58981234）"), "川沙")
    assert entry is not None
    assert entry.party_name == "（已隐去：含电话号码）"
    assert entry.facts == "（已隐去：含电话号码）"  # (it holds the name)
    plain = PartyRecord(PartyType.LEGAL_PERSON, "上海川沙物流有限公司")
    entry = disclose(_source(plain, location="川沙路88号（电话021-58981234）"), "川沙")
    assert entry is not None
    assert (
        entry.facts
        == "上海川沙物流有限公司有占道设摊的违法行为，违法地点：（已隐去：含电话号码）。"
    )
    entry = disclose(_source(plain, violation="随地吐痰"), "川沙")
    assert entry is not None
    assert entry.facts == "上海川沙物流有限公司有违法行为，违法地点：川沙路88号。"
    assert entry.violation_type == "（未公开：违法行为未列入违法行为目录，原文不公开）"
