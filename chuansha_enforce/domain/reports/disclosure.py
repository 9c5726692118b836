"""Published penalty information (双公示, DOMAIN §8), built from structured data only.

Nothing here copies free text as typed: the 违法行为类型 is the violation's catalogue name
(``domain.violation_catalogue``), the 处罚依据 the law's title and article(s) read from the
typed basis, and the 违法事实 is composed from these and, for organisations only, the place.
Natural persons appear as surname + 某; ID numbers, home addresses, phone numbers and bank
accounts are never in an entry (the entry has no field for them). As a second line of defence
every published field is scanned (``domain.personal_data``) and a field holding personal data
is withheld with what and why in its place. Minors' cases and warning-only decisions are not
published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from chuansha_enforce.domain.accounts.identity import resident_id_birth_date, validate_uscc
from chuansha_enforce.domain.cases.violation_catalogue import catalogue_name, law_and_articles
from chuansha_enforce.domain.enums import CONFISCATION_KINDS, Outcome, PartyType, PenaltyKind
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import fen_to_wan_yuan, format_fen
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.personal_data import find_personal_data, withheld_text

ADULT_AGE = 18

_COMPOUND_SURNAME_PAIRS = (
    "欧阳司马上官诸葛东方皇甫尉迟公孙慕容长孙宇文司徒夏侯轩辕令狐独孤南宫西门"
    "端木百里呼延澹台公冶太史申屠闻人万俟钟离宗政濮阳淳于单于赫连拓跋"
)
COMPOUND_SURNAMES = frozenset(
    _COMPOUND_SURNAME_PAIRS[i : i + 2] for i in range(0, len(_COMPOUND_SURNAME_PAIRS), 2)
)


class NameStyle(StrEnum):
    SURNAME_MOU = "surname_mou"  # 张某
    SURNAME_MOU_PER_CHAR = "surname_mou_per_char"  # 张某某


class Withheld(StrEnum):
    """Why a decision is not published."""

    NOT_A_PENALTY = "not_a_penalty"
    MINOR = "minor"
    WARNING_ONLY = "warning_only"
    WITHDRAWN = "withdrawn"  # revoked, changed or declared unlawful: withdrawn (APL 48②)


@dataclass(frozen=True, slots=True)
class DisclosureSource:
    """A decided general case as the disclosure rules need it (internal: full data)."""

    case_no: str
    party: PartyRecord
    decision_no: str | None
    decided_on: dt.date
    outcome: Outcome
    kinds: frozenset[PenaltyKind]
    fine_fen: int
    confiscation_fen: int
    violation: str | None
    legal_basis: str | None
    location: str | None
    withdrawn: bool = False  # withdrawn, or set aside and to be withdrawn (APL 48②)


@dataclass(frozen=True, slots=True)
class DisclosureEntry:
    """One published line: the 双公示 fields and nothing else."""

    party_name: str
    party_category: str
    credit_code: str
    decision_no: str
    violation_type: str
    facts: str
    basis: str
    penalty_kinds: str
    penalty_content: str
    fine_wan: Decimal
    confiscation_wan: Decimal
    decided_on: dt.date
    authority: str


FIELDS: tuple[tuple[str, str], ...] = (
    ("party_name", "行政相对人名称"),
    ("party_category", "行政相对人类别"),
    ("credit_code", "统一社会信用代码"),
    ("decision_no", "行政处罚决定书文号"),
    ("violation_type", "违法行为类型"),
    ("facts", "违法事实"),
    ("basis", "处罚依据"),
    ("penalty_kinds", "处罚类别"),
    ("penalty_content", "处罚内容"),
    ("fine_wan", "罚款金额（万元）"),
    ("confiscation_wan", "没收违法所得、没收非法财物的金额（万元）"),
    ("decided_on", "处罚决定日期"),
    ("authority", "处罚机关"),
)
"""Field name and its published column heading, in the published order."""

NOT_IN_CATALOGUE = "（未公开：违法行为未列入违法行为目录，原文不公开）"
BASIS_NOT_READ = "（未公开：未能读出“《法律名称》第X条”，原文不公开）"
_UNSCANNED = frozenset({"credit_code", "fine_wan", "confiscation_wan", "decided_on"})
"""Fields made by the program from validated values (a credit code may be all digits)."""


def mask_person_name(name: str, style: NameStyle = NameStyle.SURNAME_MOU) -> str:
    """Surname + 某 (``张某``), or one 某 per given-name character (``张某某``)."""
    text = "".join(name.split())
    if not text:
        return "某"
    surname = text[:2] if text[:2] in COMPOUND_SURNAMES and len(text) > 2 else text[:1]
    given = max(len(text) - len(surname), 1)
    return surname + ("某" * given if style is NameStyle.SURNAME_MOU_PER_CHAR else "某")


def _credit_code(party: PartyRecord) -> str | None:
    """The party's unified social credit code, when it has one (public registration data)."""
    if party.kind is PartyType.NATURAL_PERSON or not party.id_number:
        return None
    try:
        return validate_uscc(party.id_number)
    except DomainError:
        return None


def is_person(party: PartyRecord) -> bool:
    """A natural person, or an individual business known only by its owner's resident ID."""
    return party.kind is PartyType.NATURAL_PERSON or (
        party.kind is PartyType.INDIVIDUAL_BUSINESS and _credit_code(party) is None
    )


def is_minor(party: PartyRecord, on: dt.date) -> bool:
    """Under 18 on ``on`` by the birth date in the resident ID (unknown counts as adult)."""
    if not is_person(party) or not party.id_number:
        return False
    try:
        born = resident_id_birth_date(party.id_number)
    except DomainError:
        return False
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return age < ADULT_AGE


def withheld(source: DisclosureSource) -> Withheld | None:
    """Why this decision is not published, or None when it is."""
    if source.outcome is not Outcome.PENALTY or not source.kinds:
        return Withheld.NOT_A_PENALTY
    if source.withdrawn:
        return Withheld.WITHDRAWN
    if is_minor(source.party, source.decided_on):
        return Withheld.MINOR
    if source.kinds <= {PenaltyKind.WARNING}:
        return Withheld.WARNING_ONLY
    return None


def public_name(
    party: PartyRecord,
    style: NameStyle = NameStyle.SURNAME_MOU,
    *,
    business_full_name: bool = False,
) -> str:
    """A person's surname + 某; an organisation's name whole; a 个体工商户 whole when the
    squad publishes them by full name (DOMAIN §8 setting), masked otherwise when it is known
    only by its owner's resident ID."""
    if business_full_name and party.kind is PartyType.INDIVIDUAL_BUSINESS:
        return party.name.strip()
    return mask_person_name(party.name, style) if is_person(party) else party.name.strip()


def name_style(setting: str) -> NameStyle:
    """The settings value (``张某`` / ``张某某``) as a style."""
    return NameStyle.SURNAME_MOU_PER_CHAR if setting == "张某某" else NameStyle.SURNAME_MOU


def party_category(party: PartyRecord) -> str:
    if party.kind is PartyType.NATURAL_PERSON:
        return "自然人"
    if party.kind is PartyType.INDIVIDUAL_BUSINESS:
        return "个体工商户"
    return "法人及非法人组织"


def penalty_content(kinds: frozenset[PenaltyKind], fine_fen: int, confiscation_fen: int) -> str:
    parts: list[str] = []
    confiscations = [k for k in sorted(kinds, key=lambda k: k.severity) if k in CONFISCATION_KINDS]
    for kind in sorted(kinds, key=lambda k: k.severity):
        if kind is PenaltyKind.FINE:
            parts.append(f"罚款人民币{format_fen(fine_fen)}元")
        elif kind in CONFISCATION_KINDS:
            if kind is confiscations[0]:
                what = "、".join(k.label for k in confiscations)
                parts.append(f"{what}，计人民币{format_fen(confiscation_fen)}元")
        else:
            parts.append(kind.label)
    return "；".join(parts)


def disclose(
    source: DisclosureSource,
    authority: str,
    style: NameStyle = NameStyle.SURNAME_MOU,
    *,
    business_full_name: bool = False,
) -> DisclosureEntry | None:
    """The published entry for a decision, or None when it is withheld."""
    if withheld(source) is not None:
        return None
    party = source.party
    name = public_name(party, style, business_full_name=business_full_name)
    names = _private_names(party, business_full_name=business_full_name)
    addresses = party.kind in {PartyType.NATURAL_PERSON, PartyType.INDIVIDUAL_BUSINESS}
    violation = catalogue_name(source.violation)
    facts = f"{name}有{violation}的违法行为" if violation else f"{name}有违法行为"
    place = (source.location or "").strip()
    if place and not addresses:  # a person's place may be their home
        found = find_personal_data(place, names=names)
        facts += f"，违法地点：{withheld_text(found) if found else place}"
    ordered = sorted(source.kinds, key=lambda k: k.severity)
    entry = DisclosureEntry(
        party_name=name,
        party_category=party_category(party),
        credit_code=_credit_code(party) or "",
        decision_no=source.decision_no or "",
        violation_type=violation or NOT_IN_CATALOGUE,
        facts=facts + "。",
        basis=law_and_articles(source.legal_basis) or BASIS_NOT_READ,
        penalty_kinds="、".join(k.label for k in ordered),
        penalty_content=penalty_content(source.kinds, source.fine_fen, source.confiscation_fen),
        fine_wan=fen_to_wan_yuan(source.fine_fen),
        confiscation_wan=fen_to_wan_yuan(source.confiscation_fen),
        decided_on=source.decided_on,
        authority=authority,
    )
    return _guarded(entry, names, addresses=addresses)


def _private_names(party: PartyRecord, *, business_full_name: bool) -> tuple[str, ...]:
    """The names that must not be published: a natural person's, and a 个体工商户's when it
    is published as surname + 某."""
    if party.kind is PartyType.NATURAL_PERSON:
        return (party.name,)
    if party.kind is PartyType.INDIVIDUAL_BUSINESS and is_person(party) and not business_full_name:
        return (party.name,)
    return ()


def _guarded(entry: DisclosureEntry, names: tuple[str, ...], *, addresses: bool) -> DisclosureEntry:
    """The entry with every field that holds personal data withheld, saying what and why."""
    changes: dict[str, str] = {}
    for field, _label in FIELDS:
        if field in _UNSCANNED:
            continue
        text = field_text(entry, field)
        found = find_personal_data(
            text, names=names, addresses=addresses and field != "decision_no"
        )
        if found:
            changes[field] = withheld_text(found)
    return replace(entry, **changes) if changes else entry  # type: ignore[arg-type]


def field_text(entry: DisclosureEntry, field: str) -> str:
    """A field as published text: dates ISO, money in 万元 with four decimals."""
    value = getattr(entry, field)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
