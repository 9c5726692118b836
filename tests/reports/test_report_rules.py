"""Pure rules behind the reports: the official table, violation ranking, de-identification."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from chuansha_enforce.domain.accounts.identity import resident_id_check_char
from chuansha_enforce.domain.cases.case_file import AdvanceNotice, Decision
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.enums import Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord
from chuansha_enforce.domain.reports.disclosure import (
    DisclosureSource,
    NameStyle,
    Withheld,
    disclose,
    is_minor,
    mask_person_name,
    name_style,
    withheld,
)
from chuansha_enforce.domain.reports.statistics import (
    AnnualFigures,
    GeneralFigures,
    KindFigures,
    OfficerFigures,
    PaymentFigures,
    SimpleFigures,
)
from chuansha_enforce.domain.reports.statistics_breakdown import official_table, rank_violations
from chuansha_enforce.reports.disclosure import render_disclosure_csv
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import build_services
from tests.conftest import NOW

D = dt.date


def _figures() -> AnnualFigures:
    return AnnualFigures(
        year=2024,
        general=GeneralFigures(
            filed=10,
            closed=12,
            decided=9,
            fines_decided_fen=0,
            confiscated_decided_fen=0,
            no_penalty=2,
            overdue_open=0,
            open_at_start=5,
            open_at_end=3,
        ),
        simple=SimpleFigures(decided=7, fines_decided_fen=70_000, warnings=3),
        payments=PaymentFigures(collected_fen=0, outstanding_fen=0),
        officers=OfficerFigures(valid_at_year_end=0, issued_in_year=0, cancelled_in_year=0),
        by_kind={
            PenaltyKind.FINE: KindFigures(5, 1_234_567),
            PenaltyKind.SUSPEND_BUSINESS: KindFigures(2, 5_000_000),
        },
    )


def test_the_official_table_counts_general_and_simple_apart_then_adds_them() -> None:
    table = official_table(_figures(), reduced_penalty=1)
    general, simple, total = table.rows
    fine = table.kinds.index(PenaltyKind.FINE)
    suspend = table.kinds.index(PenaltyKind.SUSPEND_BUSINESS)
    warning = table.kinds.index(PenaltyKind.WARNING)
    assert (general.by_kind[fine], general.by_kind[suspend], general.cases) == (5, 2, 7)
    assert (simple.by_kind[warning], simple.by_kind[fine], simple.cases) == (3, 4, 7)
    assert total.cases == 14
    assert total.by_kind[fine] == 9
    assert (general.no_penalty, general.reduced_penalty) == (2, 1)
    # 万元, rounded once from the exact fen total: 62,345.67 元 -> 6.2346 万元
    assert general.money_wan == Decimal("6.2346")
    assert simple.money_wan == Decimal("0.0700")
    assert total.money_wan == Decimal("6.3046")


def test_violations_rank_by_filed_and_the_rest_adds_up() -> None:
    filed = {f"v{i:02d}": 20 - i for i in range(15)} | {None: 4}
    money = {"v00": 100, "v14": 7, "only_decided": 50}
    top, other = rank_violations(filed, money, top=10)
    assert [v.violation for v in top][:3] == ["v00", "v01", "v02"]
    assert len(top) == 10
    assert sum(v.filed for v in top) + other.filed == sum(filed.values())
    assert sum(v.money_decided_fen for v in top) + other.money_decided_fen == 157


@pytest.mark.parametrize(
    ("name", "style", "shown"),
    [
        ("张三", NameStyle.SURNAME_MOU, "张某"),
        ("张三丰", NameStyle.SURNAME_MOU_PER_CHAR, "张某某"),
        ("欧阳修文", NameStyle.SURNAME_MOU, "欧阳某"),
        ("欧阳", NameStyle.SURNAME_MOU, "欧某"),
    ],
)
def test_person_names_become_surname_and_mou(name: str, style: NameStyle, shown: str) -> None:
    assert mask_person_name(name, style) == shown


PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号202室")
COMPANY = PartyRecord(PartyType.LEGAL_PERSON, "上海某某有限公司", "91350100M000100Y43", "某路1号")


def _source(
    party: PartyRecord, kinds: set[PenaltyKind], on: dt.date | None = None
) -> DisclosureSource:
    return DisclosureSource(
        case_no="川执立〔2024〕1号",
        party=party,
        decision_no="沪浦川执罚〔2024〕1号",
        decided_on=on or D(2024, 5, 6),
        outcome=Outcome.PENALTY,
        kinds=frozenset(kinds),
        fine_fen=123_456,
        confiscation_fen=0,
        violation="占道设摊",
        legal_basis="《条例》第二十五条",
        location="川沙路1号",
    )


def test_a_person_is_published_without_name_id_or_place() -> None:
    entry = disclose(_source(PERSON, {PenaltyKind.FINE}), "某镇人民政府")
    assert entry is not None
    text = " ".join(str(getattr(entry, f)) for f in entry.__slots__)
    assert "张三" not in text
    assert "11010519491231002X" not in text
    assert "川沙路1号" not in text
    assert entry.party_name == "张某"
    assert entry.credit_code == ""
    assert entry.fine_wan == Decimal("0.1235")
    assert entry.penalty_content == "罚款人民币1,234.56元"


def test_an_organisation_keeps_its_name_code_and_place() -> None:
    entry = disclose(_source(COMPANY, {PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS}), "镇政府")
    assert entry is not None
    assert entry.party_name == COMPANY.name
    assert entry.credit_code == "91350100M000100Y43"
    assert "违法地点：川沙路1号" in entry.facts
    assert entry.penalty_kinds == "罚款、没收违法所得"


def test_minors_and_warnings_are_withheld() -> None:
    body = "11010520080101001"
    child = PartyRecord(PartyType.NATURAL_PERSON, "李四", body + resident_id_check_char(body))
    assert is_minor(child, D(2024, 5, 6))
    assert not is_minor(child, D(2026, 1, 1))
    assert withheld(_source(child, {PenaltyKind.FINE})) is Withheld.MINOR
    assert withheld(_source(PERSON, {PenaltyKind.WARNING})) is Withheld.WARNING_ONLY
    assert withheld(_source(PERSON, {PenaltyKind.WARNING, PenaltyKind.FINE})) is None
    assert disclose(_source(child, {PenaltyKind.FINE}), "镇政府") is None


def test_the_csv_has_a_bom_the_headers_and_no_formula_cells() -> None:
    party = PartyRecord(PartyType.LEGAL_PERSON, "=HYPERLINK(1)", "91350100M000100Y43")
    entry = disclose(_source(party, {PenaltyKind.FINE}), "镇政府")
    assert entry is not None
    data = render_disclosure_csv([entry]).decode("utf-8")
    assert data.startswith("\ufeff行政相对人名称,")
    assert "'=HYPERLINK(1)" in data
    assert "0.1235" in data


SHOP = PartyRecord(
    PartyType.INDIVIDUAL_BUSINESS, "浦东新区川沙新镇阿强副食品商店", "11010519491231002X"
)


def test_the_settings_choose_how_people_and_shops_are_named() -> None:
    shop = _source(SHOP, {PenaltyKind.FINE})
    masked = disclose(shop, "镇政府")
    assert masked is not None
    assert masked.party_name == "浦某"  # known only by the owner's resident ID: a person
    full = disclose(shop, "镇政府", business_full_name=True)
    assert full is not None
    assert full.party_name == SHOP.name
    assert "11010519491231002X" not in " ".join(str(getattr(full, f)) for f in full.__slots__)
    per_char = disclose(_source(PERSON, {PenaltyKind.FINE}), "镇政府", name_style("张某某"))
    assert per_char is not None
    assert per_char.party_name == "张某"  # 张三: one given-name character
    assert name_style("张某") is NameStyle.SURNAME_MOU


def test_the_disclosure_follows_the_settings(backend: Path | str) -> None:
    with build_services(backend, FixedClock(NOW)) as services:
        for officer in (OfficerRecord("王建国", "31150001", D(2018, 3, 1)),
                        OfficerRecord("李明", "31150002", D(2019, 5, 10))):  # fmt: skip
            services.officers.register(officer)
        for no, party in (("1", PartyRecord(PartyType.NATURAL_PERSON, "欧阳明远")), ("2", SHOP)):
            case_no = f"川执立〔2026〕{no}号"
            services.case_files.file_case(
                NewCase(case_no, party, "占道设摊案", D(2026, 10, 9), ("31150001", "31150002"))
            )
            notice = AdvanceNotice(
                D(2026, 10, 12),
                proposed_kinds=frozenset({PenaltyKind.FINE}),
                proposed_fine_fen=20_000,
                facts="占道设摊",
                basis="《上海市市容环境卫生管理条例》第二十四条",
            )
            services.case_files.record_notice(case_no, notice)
            services.case_files.decide(
                case_no,
                Decision(
                    f"沪浦川执罚〔2026〕{no}号",
                    D(2026, 10, 20),
                    Outcome.PENALTY,
                    frozenset({PenaltyKind.FINE}),
                    fine_fen=20_000,
                ),
            )
        names = [e.party_name for e in services.reports.disclosure(2026).entries]
        assert sorted(names) == ["欧阳某", "浦某"]
        services.settings.set("public_name_style", "张某某")
        services.settings.set("public_business_full_name", "是")
        names = [e.party_name for e in services.reports.disclosure(2026).entries]
        assert sorted(names) == ["欧阳某某", SHOP.name]
        with pytest.raises(DomainError) as refused:
            services.settings.set("public_name_style", "全名")
        assert refused.value.code == "settings.invalid"
