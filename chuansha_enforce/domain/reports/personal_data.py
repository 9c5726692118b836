"""Personal data in text: the second line of defence before anything is published (DOMAIN §8).

The public outputs are built from structured fields; this scan looks at every text they are
about to publish and names what it finds, so the field is withheld with its reason instead of
printed. It also warns the clerk (ledger import, the window) when a free-text field holds
such data; the internal record keeps it.

Found, whatever the spacing, full-width digits or zero-width characters in between:

- a resident ID (18 characters, the last may be X, or the old 15 digits; check digit or not);
- a phone number: a mobile (11 digits from 13–19), a landline with its area code
  (``021-58981234``, ``(021)58981234``), or 7–8 digits after 电话/手机/联系/tel;
- a bank card number (13–19 digits);
- a natural person's name recorded on the case;
- a house address (``川沙路88弄8号``, ``3号楼502室``, ``七灶村3组``), looked for only where the
  party is a person (an organisation's registered place is publishable).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import Final, NamedTuple

from chuansha_enforce.domain.enums import EnumMap, PartyType
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.domain.text_input import clean_line


class Finding(StrEnum):
    RESIDENT_ID = "resident_id"
    PHONE = "phone"
    BANK_CARD = "bank_card"
    PERSON_NAME = "person_name"
    HOME_ADDRESS = "home_address"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: Final = EnumMap(
    Finding,
    {
        Finding.RESIDENT_ID: "身份证号码",
        Finding.PHONE: "电话号码",
        Finding.BANK_CARD: "银行卡号",
        Finding.PERSON_NAME: "自然人姓名",
        Finding.HOME_ADDRESS: "住址",
    },
)

_RUN_RE: Final = re.compile(r"(?<![0-9])[0-9](?:[ \-()]{0,2}[0-9])*(?:[ \-]?[Xx])?(?![0-9])")
_MOBILE_STARTS: Final = frozenset(f"1{d}" for d in "3456789")
_ISO_DATE_RE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PHONE_WORD_RE: Final = re.compile(r"(?:电话|手机|联系|座机|tel|TEL|Tel|☎)[^0-9]{0,4}$")
_CN_NUMBER: Final = "[0-9零〇一二三四五六七八九十百千两]+"
_ADDRESS_RE: Final = re.compile(
    rf"(?<![第0-9零〇一二三四五六七八九十百千两]){_CN_NUMBER}"
    r"(?:号楼|号|弄|支弄|室|幢|栋|单元|层|组)"
    rf"|[\u4e00-\u9fff](?:路|街|巷|弄|大道|公路){_CN_NUMBER}"
)


def _plain(text: str) -> str:
    """NFKC (full-width digits and brackets as ASCII) without invisible characters."""
    return unicodedata.normalize("NFKC", clean_line(text))


def _number_findings(text: str) -> set[Finding]:
    found: set[Finding] = set()
    for match in _RUN_RE.finditer(text):
        run = match.group()
        if _ISO_DATE_RE.fullmatch(run):
            continue
        digits = re.sub(r"[ \-()]", "", run)
        ends_x = digits[-1:] in {"X", "x"}
        n = len(digits)
        if n == 18 or (n == 15 and not ends_x):
            found.add(Finding.RESIDENT_ID)
        elif ends_x:
            continue
        elif (n == 11 and digits[:2] in _MOBILE_STARTS) or (digits[0] == "0" and 10 <= n <= 12):
            found.add(Finding.PHONE)
        elif 13 <= n <= 19:
            found.add(Finding.BANK_CARD)
        elif 7 <= n <= 8 and _PHONE_WORD_RE.search(text[: match.start()]):
            found.add(Finding.PHONE)
    return found


class _TextFacts(NamedTuple):
    """What a text holds whoever the case is about: numbers, its letters without spaces (to
    look for names in) and whether it reads like a house address."""

    numbers: frozenset[Finding]
    squeezed: str
    address: bool


_NOTHING: Final = _TextFacts(frozenset(), "", False)


def _text_facts(text: str | None) -> _TextFacts:
    if not text:
        return _NOTHING
    plain = _plain(text)
    squeezed = "".join(plain.split())
    found = _number_findings(plain)
    return _TextFacts(frozenset(found), squeezed, _ADDRESS_RE.search(squeezed) is not None)


def _person(name: str) -> str:
    """A name as it is looked for in a squeezed text."""
    return "".join(_plain(name).split())


def _findings(facts: _TextFacts, persons: Iterable[str], addresses: bool) -> frozenset[Finding]:
    found = set(facts.numbers)
    for person in persons:
        if len(person) >= 2 and person in facts.squeezed:
            found.add(Finding.PERSON_NAME)
    if addresses and facts.address:
        found.add(Finding.HOME_ADDRESS)
    return frozenset(found)


def find_personal_data(
    text: str | None, *, names: Iterable[str] = (), addresses: bool = False
) -> frozenset[Finding]:
    """What personal data ``text`` holds: numbers always, ``names`` (of the natural persons on
    the case) as written, house addresses when ``addresses`` (the party is a person)."""
    if not text:
        return frozenset()
    return _findings(_text_facts(text), [_person(name) for name in names], addresses)


def labels(found: Iterable[Finding]) -> str:
    """The findings in a fixed order, as ``身份证号码、电话号码``."""
    chosen = set(found)
    return "、".join(f.label for f in Finding if f in chosen)


def withheld_text(found: Iterable[Finding]) -> str:
    """What a withheld public field says instead of its text."""
    return f"（已隐去：含{labels(found)}）"


FREE_TEXT_LABELS: Final = {
    "cause": "案由",
    "violation": "违法行为",
    "legal_basis": "法律依据",
    "location": "违法地点",
    "notes": "备注",
}
"""The free-text fields of a case the clerk is warned about, with their column names."""


def free_text_findings(
    texts: Mapping[str, str | None], party_name: str | None, kind: PartyType | None
) -> dict[str, frozenset[Finding]]:
    """Per free-text field, the personal data it holds (the clerk is warned; the internal
    record keeps it). The 案由 names the party by custom, so a name there is not reported;
    the 违法地点 is a place, so an address there is not reported."""
    return FreeTextScan(memo=0).findings(texts, party_name, kind)


_MOST_SCANNED: Final = PartyType.INDIVIDUAL_BUSINESS
"""The party kind whose texts are scanned for the most, a name aside (DOMAIN §8: a person's
house address counts, an organisation's registered place does not)."""


class FreeTextScan:
    """``free_text_findings`` for many rows (a ledger import): each distinct text is looked at
    once, up to ``memo`` of them (a ledger repeats its legal bases, facts and places)."""

    __slots__ = ("_facts", "_memo", "_persons")

    def __init__(self, memo: int = 50_000) -> None:
        self._memo = memo
        self._facts: dict[str, _TextFacts] = {}
        self._persons: dict[str, str] = {}

    def _facts_of(self, text: str) -> _TextFacts:
        facts = self._facts.get(text)
        if facts is None:
            facts = _text_facts(text)
            if len(self._facts) < self._memo:
                self._facts[text] = facts
        return facts

    def findings(
        self, texts: Mapping[str, str | None], party_name: str | None, kind: PartyType | None
    ) -> dict[str, frozenset[Finding]]:
        """As ``free_text_findings``."""
        return self.findings_in(texts.items(), party_name, kind)

    def findings_in(
        self,
        texts: Iterable[tuple[str, str | None]],
        party_name: str | None,
        kind: PartyType | None,
    ) -> dict[str, frozenset[Finding]]:
        """As :meth:`findings`, the texts given as (field, text) pairs."""
        person = kind is PartyType.NATURAL_PERSON or kind is PartyType.INDIVIDUAL_BUSINESS
        name = None
        if party_name and kind is PartyType.NATURAL_PERSON:
            name = self._persons.get(party_name)
            if name is None:
                name = _person(party_name)
                if len(self._persons) < self._memo:
                    self._persons[party_name] = name
            if len(name) < 2:
                name = None  # too short to be told from other words
        found: dict[str, frozenset[Finding]] = {}
        remembered = self._facts.get
        for field, text in texts:
            if not text:
                continue
            facts = remembered(text) or self._facts_of(text)
            named = name is not None and field != "cause" and name in facts.squeezed
            addresses = person and field != "location"
            if facts.numbers or named or (addresses and facts.address):
                found[field] = _findings(facts, [name] if named and name else [], addresses)
        return found

    def could_find(self, field: str, text: str) -> bool:
        """Could ``text`` in ``field`` give a finding for any party, a natural person's name
        aside (that is the row's own, looked for with its party)? Asked as of an 个体工商户:
        a person, so its house addresses count, but without a name."""
        return bool(self.findings_in(((field, text),), None, _MOST_SCANNED))


def personal_data_warning(
    texts: Mapping[str, str | None], party_name: str | None, kind: PartyType | None, lang: Lang
) -> str:
    """The window's warning for free-text fields holding personal data (empty: none)."""
    return "\n".join(
        render("ledger.personal_data", {"field": FREE_TEXT_LABELS[f], "what": labels(found)}, lang)
        for f, found in free_text_findings(texts, party_name, kind).items()
    )
