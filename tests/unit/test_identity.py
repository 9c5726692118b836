"""Identity numbers (DOMAIN §6): resident ID, USCC, party IDs and masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chuansha_enforce.domain.accounts.identity import (
    RESIDENT_CHECK_CHARS,
    USCC_ALPHABET,
    id_number_for_list,
    mask_id_number,
    normalise_id_text,
    resident_id_birth_date,
    resident_id_check_char,
    resident_id_is_male,
    uscc_check_char,
    validate_party_id,
    validate_resident_id,
    validate_uscc,
)
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.errors import DomainError

VALID_RESIDENT = ["11010519491231002X", "440524188001010014"]
VALID_USCC = ["91350100M000100Y43", "91110000600037341L", "9144030071526726XG"]


def _code(error: pytest.ExceptionInfo[DomainError]) -> str:
    return error.value.code


def test_normalise_id_text() -> None:
    assert normalise_id_text(" ９１３５０１００Ｍ０００１００Ｙ４３ ") == "91350100M000100Y43"
    assert normalise_id_text("110105 1949\u30001231\t002x\n") == "11010519491231002X"


@pytest.mark.parametrize("text", VALID_RESIDENT)
def test_valid_resident_ids(text: str) -> None:
    assert validate_resident_id(text) == text
    assert resident_id_check_char(text[:17]) == text[17]


def test_lower_case_x_accepted_and_stored_upper_case() -> None:
    assert validate_resident_id("11010519491231002x") == "11010519491231002X"


def test_full_width_resident_id_accepted() -> None:
    assert validate_resident_id("１１０１０５１９４９１２３１００２ｘ") == "11010519491231002X"


def test_impossible_birth_date_with_passing_checksum() -> None:
    text = "310115199002290018"
    assert resident_id_check_char(text[:17]) == text[17]  # the checksum itself passes
    with pytest.raises(DomainError) as info:
        validate_resident_id(text, "party_id")
    assert _code(info) == "id.resident.birth_date"
    assert info.value.field == "party_id"
    assert info.value.params == {"date": "1990-02-29"}


def test_birth_date_too_early() -> None:
    first17 = "11010517991231002"  # born 1799-12-31
    with pytest.raises(DomainError) as info:
        validate_resident_id(first17 + resident_id_check_char(first17))
    assert _code(info) == "id.resident.birth_date"
    assert info.value.params == {"date": "1799-12-31"}


def test_birth_date_in_the_future_when_today_given() -> None:
    first17 = "11010520300101001"
    text = first17 + resident_id_check_char(first17)
    assert validate_resident_id(text) == text  # no clock: only checked against a given today
    with pytest.raises(DomainError) as info:
        validate_resident_id(text, today=date(2025, 6, 1))
    assert _code(info) == "id.resident.birth_date"
    assert info.value.params == {"date": "2030-01-01"}


@pytest.mark.parametrize(
    ("text", "length"), [("", 0), ("11010519491231002", 17), ("11010519491231002X1", 19)]
)
def test_resident_id_length(text: str, length: int) -> None:
    with pytest.raises(DomainError) as info:
        validate_resident_id(text)
    assert _code(info) == "id.resident.length"
    assert info.value.params["length"] == length


@pytest.mark.parametrize(
    ("text", "position"),
    [("1101051949123100XX", 17), ("A1010519491231002X", 1), ("11010519491231002Y", 18)],
)
def test_resident_id_format(text: str, position: int) -> None:
    with pytest.raises(DomainError) as info:
        validate_resident_id(text)
    assert _code(info) == "id.resident.format"
    assert info.value.params == {"position": position}


def test_resident_id_checksum() -> None:
    with pytest.raises(DomainError) as info:
        validate_resident_id("110105194912310021")
    assert _code(info) == "id.resident.checksum"
    assert info.value.params == {"expected": "X", "actual": "1"}


def test_birth_date_and_sex() -> None:
    assert resident_id_birth_date("11010519491231002x") == date(1949, 12, 31)
    assert resident_id_birth_date("440524188001010014") == date(1880, 1, 1)
    assert resident_id_is_male("11010519491231002X") is False  # 17th digit 2
    assert resident_id_is_male("440524188001010014") is True  # 17th digit 1
    with pytest.raises(DomainError):
        resident_id_birth_date("310115199002290018")


def test_check_char_rejects_bad_prefix() -> None:
    with pytest.raises(DomainError) as info:
        resident_id_check_char("1234")
    assert _code(info) == "id.resident.length"
    with pytest.raises(DomainError) as info:
        resident_id_check_char("1101051949123100X")
    assert _code(info) == "id.resident.format"
    with pytest.raises(DomainError) as info:
        uscc_check_char("91350100M000100Y")
    assert _code(info) == "id.uscc.length"
    with pytest.raises(DomainError) as info:
        uscc_check_char("91350100I000100Y4")
    assert _code(info) == "id.uscc.format"


@pytest.mark.parametrize("text", VALID_USCC)
def test_valid_uscc(text: str) -> None:
    assert validate_uscc(text) == text
    assert validate_uscc(text.lower()) == text
    assert uscc_check_char(text[:17]) == text[17]


@pytest.mark.parametrize(
    "text",
    ["９１３５０１００Ｍ０００１００Ｙ４３", "91350100 M000100Y43", " 9135 0100\u3000M000 100Y43 "],
)
def test_uscc_normalised(text: str) -> None:
    assert validate_uscc(text) == "91350100M000100Y43"


@pytest.mark.parametrize("bad", "IOSVZ")
def test_uscc_letters_outside_alphabet(bad: str) -> None:
    with pytest.raises(DomainError) as info:
        validate_uscc("91350100" + bad + "000100Y43")
    assert _code(info) == "id.uscc.format"
    assert info.value.params == {"position": 9, "char": bad}


def test_uscc_length_and_checksum() -> None:
    with pytest.raises(DomainError) as info:
        validate_uscc("91350100M000100Y4")
    assert _code(info) == "id.uscc.length"
    with pytest.raises(DomainError) as info:
        validate_uscc("91350100M000100Y44", "org_code")
    assert _code(info) == "id.uscc.checksum"
    assert info.value.field == "org_code"
    assert info.value.params == {"expected": "3", "actual": "4"}


def test_party_id_by_kind() -> None:
    assert validate_party_id(PartyType.NATURAL_PERSON, "11010519491231002x") == (
        "11010519491231002X"
    )
    assert validate_party_id(PartyType.LEGAL_PERSON, VALID_USCC[0]) == VALID_USCC[0]
    assert validate_party_id(PartyType.OTHER_ORGANISATION, VALID_USCC[1]) == VALID_USCC[1]
    with pytest.raises(DomainError) as info:
        validate_party_id(PartyType.NATURAL_PERSON, VALID_USCC[0])
    assert _code(info).startswith("id.resident.")
    with pytest.raises(DomainError) as info:
        validate_party_id(PartyType.LEGAL_PERSON, VALID_RESIDENT[0])
    assert _code(info) == "id.uscc.checksum"


def test_individual_business_takes_either() -> None:
    kind = PartyType.INDIVIDUAL_BUSINESS
    assert validate_party_id(kind, "９１３５０１００Ｍ０００１００Ｙ４３") == VALID_USCC[0]
    assert validate_party_id(kind, "11010519491231002x") == "11010519491231002X"
    with pytest.raises(DomainError) as info:
        validate_party_id(kind, "310115199002290018", "licence_no")
    assert _code(info) == "id.party.invalid"
    assert info.value.field == "licence_no"
    assert info.value.params == {
        "kind": "individual_business",
        "uscc_error": "id.uscc.checksum",
        "resident_error": "id.resident.birth_date",
    }
    with pytest.raises(DomainError) as info:
        validate_party_id(kind, "12345")
    assert info.value.params["resident_error"] == "id.resident.length"


def test_mask_id_number() -> None:
    assert mask_id_number("310115199001011238") == "310115********1238"
    assert mask_id_number("91350100M000100Y43") == "913501********0Y43"
    assert mask_id_number("11010519491231002x") == "110105********002X"
    assert mask_id_number("12345678901") == "123456*8901"
    assert mask_id_number("1234567890") == "********90"
    assert mask_id_number("123456789") == "*******89"
    assert mask_id_number("123") == "*23"
    assert mask_id_number("12") == "**"
    assert mask_id_number("") == ""


# Resident prefixes: area code, a real birth date, three-digit sequence.
RESIDENT_PREFIXES = st.builds(
    lambda area, born, seq: f"{area:06d}{born:%Y%m%d}{seq:03d}",
    st.integers(min_value=110_000, max_value=659_999),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.integers(min_value=0, max_value=999),
)


@given(RESIDENT_PREFIXES, st.sampled_from(sorted(set(RESIDENT_CHECK_CHARS))))
def test_resident_check_char_property(first17: str, other: str) -> None:
    check = resident_id_check_char(first17)
    assert validate_resident_id(first17 + check) == first17 + check
    assert validate_resident_id(first17 + check.lower()) == first17 + check
    if other != check:
        with pytest.raises(DomainError) as info:
            validate_resident_id(first17 + other)
        assert _code(info) == "id.resident.checksum"


@given(st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17), st.sampled_from(USCC_ALPHABET))
def test_uscc_check_char_property(first17: str, other: str) -> None:
    check = uscc_check_char(first17)
    assert validate_uscc(first17 + check) == first17 + check
    if other != check:
        with pytest.raises(DomainError) as info:
            validate_uscc(first17 + other)
        assert _code(info) == "id.uscc.checksum"


@given(st.text(max_size=30))
def test_garbage_raises_only_domain_errors(text: str) -> None:
    for kind in PartyType:
        try:
            outcome = validate_party_id(kind, text)
        except DomainError as error:
            outcome = error.code
        assert outcome.startswith("id.") or len(outcome) == 18


def test_lists_mask_people_but_not_credit_codes() -> None:
    assert id_number_for_list(PartyType.NATURAL_PERSON, "11010519491231002X") == (
        "110105********002X"
    )
    assert id_number_for_list(PartyType.LEGAL_PERSON, "91350100M000100Y43") == "91350100M000100Y43"
    assert id_number_for_list(PartyType.INDIVIDUAL_BUSINESS, "440524188001010014") == (
        "440524********0014"
    )
    shop = "92310115MA1K3L8P2" + uscc_check_char("92310115MA1K3L8P2")
    assert id_number_for_list(PartyType.INDIVIDUAL_BUSINESS, shop) == shop
    assert id_number_for_list(PartyType.LEGAL_PERSON, None) is None
