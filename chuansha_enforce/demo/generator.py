"""Deterministic synthetic officers, general cases and simple decisions (DOMAIN §1, §5, §6, §11).

Pure: every choice comes from ``random.Random`` instances seeded from the plan; no clock, no
global random, no set iteration. The data set is "as of" 31 December of ``last_year``: nothing
happens after that day, so recent cases are still open and some fines are still outstanding.

Late payments are calendar-proof: a partial surcharge (3 % of the fine a day) is generated only
when the 15th day after service is a Monday–Friday in March, July, August, November or 1–28
December (no holiday or make-up working day falls there in any year), so the deadline never
moves and any correct work calendar agrees; other late payers pay so late that the surcharge is
capped at the fine. A payment's ``amount_fen`` is fine plus confiscated gains; the surcharge is
apart.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate

from chuansha_enforce.demo import catalogue as cat
from chuansha_enforce.domain.accounts.identity import resident_id_check_char, uscc_check_char
from chuansha_enforce.domain.after_decision.enforcement_steps import PaymentReminder
from chuansha_enforce.domain.calendar.work_calendar import WorkCalendar
from chuansha_enforce.domain.cases.major_case import MajorFacts, MajorThresholds, assess_major
from chuansha_enforce.domain.demolition.forced_demolition import area_of
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ForcedDemolition,
    ReminderStatement,
    ReminderStatementKind,
    StructureArea,
)
from chuansha_enforce.domain.enums import (
    HEAVY_PENALTY_KINDS,
    CertificateStatus,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
)
from chuansha_enforce.domain.records import (
    GeneralCaseRecord,
    ImportedReview,
    OfficerRecord,
    PartyRecord,
    PaymentRecord,
    SimpleDecisionRecord,
)
from chuansha_enforce.domain.text_input import made_clean

__all__ = ["DemoPlan", "generate_officers", "iter_general_cases", "iter_simple_decisions"]

MIN_AGE_DAYS = 6576  # more than 18 years in any calendar
MAX_AGE_DAYS = 25900  # less than 71 years in any calendar
_KINDS = (
    PartyType.NATURAL_PERSON,
    PartyType.INDIVIDUAL_BUSINESS,
    PartyType.LEGAL_PERSON,
    PartyType.OTHER_ORGANISATION,
)
_REUSE = (0.08, 0.3, 0.3, 0.5)  # chance that a party is a repeat offender, by kind
_BIG_RUN = 20_000  # records; beyond this the cast of parties is bounded
_BIG_POOL = 200  # parties remembered per violation and kind in a big run
_BEFORE_1977 = dt.date(1977, 1, 1).toordinal()  # older locals carry the 川沙县 area code
_FINE = frozenset({PenaltyKind.FINE})
_WARNING = frozenset({PenaltyKind.WARNING})
_WARNING_FINE = frozenset({PenaltyKind.WARNING, PenaltyKind.FINE})
_FINE_GAINS = frozenset({PenaltyKind.FINE, PenaltyKind.CONFISCATE_GAINS})
_DEMOLITION_DAYS = 15  # the shortest period an order gives (settings.demolition_period_days)
_NONE: frozenset[PenaltyKind] = frozenset()
_GAINS = frozenset({"超出门窗和外墙经营", "占道设摊", "擅自占用道路堆放物品"})
_CHANNELS = ("银行缴款", "银行缴款", "网上缴款", "网上缴款", "POS机刷卡")
# Legal reviewers (法制审核员): qualified staff who are not enforcement officers here.
_REVIEWERS = ("周明远", "沈佳怡", "陆文斌")
_SMALLEST_MAJOR_FEN = min(MajorThresholds().individual_fen, MajorThresholds().organisation_fen)
_ALNUM = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 alphabet, for organisation-code bodies
_PERSON_SIMPLE = ((20, 5), (50, 35), (100, 35), (150, 8), (200, 17))  # yuan, weight
_ORG_SIMPLE = ((200, 30), (300, 25), (500, 25), (1000, 10), (2000, 6), (3000, 4))
# The generator's text comes from the catalogue and is clean: its many records skip the
# cleaning (text_input.made_clean; the unit tests check that cleaning would change nothing).
_case = made_clean(GeneralCaseRecord)
_payment = made_clean(PaymentRecord)
_review = made_clean(ImportedReview)


@dataclass(frozen=True)
class DemoPlan:
    """What to generate; ``general_cases=None`` means a township's volume (~200 filed a year)."""

    seed: int = 2023
    first_year: int = 2021
    last_year: int = 2025
    general_cases: int | None = None
    simple_per_year: int = 300
    officers: int = 53

    def __post_init__(self) -> None:
        if not 1900 <= self.first_year <= self.last_year <= 9000:
            raise ValueError("need 1900 <= first_year <= last_year <= 9000")
        if not 3 <= self.officers <= 9000:
            raise ValueError("need 3 to 9000 officers")
        if (self.general_cases is not None and self.general_cases < 0) or self.simple_per_year < 0:
            raise ValueError("counts cannot be negative")


def _cum(weights: Sequence[float]) -> tuple[list[float], float]:
    cum = list(accumulate(weights))
    return cum, cum[-1]


_SURNAMES = [s for s, _ in cat.SURNAMES]
_SURNAME_CUM, _SURNAME_TOTAL = _cum([w for _, w in cat.SURNAMES])


def _person_name(rnd: Callable[[], float], male: bool) -> str:
    chars = cat.GIVEN_MALE if male else cat.GIVEN_FEMALE
    n = len(chars)
    given = chars[int(rnd() * n)]
    if rnd() < 0.85:
        second = chars[int(rnd() * n)]
        given += second if second != given else chars[(chars.index(second) + 1) % n]
    return _SURNAMES[bisect(_SURNAME_CUM, rnd() * _SURNAME_TOTAL)] + given


def _weekday_in(rng: random.Random, year: int) -> dt.date:
    day = dt.date(year, 1, 1) + dt.timedelta(days=int(rng.random() * 360))
    return day + dt.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


def generate_officers(plan: DemoPlan) -> list[OfficerRecord]:
    """``plan.officers`` certificates: about two new and one cancelled a year, never too few."""
    rng = random.Random(f"{plan.seed}:officers")
    n, years, first = plan.officers, plan.last_year - plan.first_year + 1, plan.first_year
    new = min(2 * years, n // 3)
    issued = [_weekday_in(rng, first - 1 - int(rng.random() * 8)) for _ in range(n - new)]
    issued += [_weekday_in(rng, first + i // 2) for i in range(new)]
    names: list[str] = []
    while len(names) < n:
        name = _person_name(rng.random, rng.random() < 0.7)
        if name in _REVIEWERS:  # a reviewer is never one of the officers
            continue
        if name not in names or len(names) > 2000:
            names.append(name)
    # Indices below n - new hold certificates older than the plan; 0 and 1 never lapse.
    old = list(range(2, n - new))
    rng.shuffle(old)
    ends = {i: _weekday_in(rng, first + j) for j, i in enumerate(old[: min(years, n // 5)])}
    rest = old[len(ends) :]
    if n >= 20:  # and one cancelled before the period
        i = min(rest, key=lambda i: (issued[i], i))
        ends[i] = min(issued[i] + dt.timedelta(days=400), dt.date(first - 1, 12, 31))
    suspended = rest[-1] if n >= 30 else -1
    lapsing = set(rest[: n // 10]) - set(ends)
    number = 1 + int(rng.random() * 40)
    gap = max(1, min(4, (9999 - number) // n))
    officers = []
    for i in sorted(range(n), key=lambda i: (issued[i], i)):
        status = CertificateStatus.VALID
        if i in ends:
            status = CertificateStatus.CANCELLED
        elif i == suspended:
            status = CertificateStatus.SUSPENDED
        expires = issued[i] + dt.timedelta(days=3652) if i in lapsing else None
        certificate = f"3115{number:04d}"
        officers.append(
            OfficerRecord(names[i], certificate, issued[i], expires, status, ends.get(i))
        )
        number += 1 + int(rng.random() * gap)
    return officers


class _Roster:
    """Who holds a valid certificate on each day of the period, and until when."""

    def __init__(self, officers: Sequence[OfficerRecord], start: int, end: int) -> None:
        self.start = start
        self.certs: list[str] = []
        self.last: list[int] = []  # last valid day: the expiry and cancellation days are not
        issued: list[int] = []
        for o in officers:
            if o.status is CertificateStatus.SUSPENDED:
                continue
            last = 10**7 if o.expires_on is None else o.expires_on.toordinal() - 1
            if o.status is CertificateStatus.CANCELLED or o.cancelled_on is not None:
                last = min(last, o.cancelled_on.toordinal() - 1 if o.cancelled_on else 0)
            issued.append(o.issued_on.toordinal())
            self.certs.append(o.certificate_no)
            self.last.append(last)
        spans = list(zip(issued, self.last, strict=True))
        changes = sorted(
            {start}
            | {a for a, _ in spans if start < a <= end}
            | {b + 1 for _, b in spans if start < b + 1 <= end}
        )
        self.pools: list[tuple[int, ...]] = []
        self.day_pool: list[int] = []  # index into pools, by day - start
        for k, change in enumerate(changes):
            pool = tuple(i for i, (a, b) in enumerate(spans) if a <= change <= b)
            if len(pool) < 2:
                when = dt.date.fromordinal(change)
                raise ValueError(f"fewer than two officers hold valid certificates on {when}")
            stop = changes[k + 1] if k + 1 < len(changes) else end + 1
            self.day_pool.extend([len(self.pools)] * (stop - change))
            self.pools.append(pool)
        # Ready-made pairs per day for squads of up to 80 (the common case), shared per pool.
        by_pool = [self._pairs(pool) if len(pool) <= 80 else None for pool in self.pools]
        self.day_pairs = [by_pool[pid] for pid in self.day_pool]

    def _pairs(self, pool: tuple[int, ...]) -> tuple[list[tuple[str, ...]], list[int]]:
        certs, last = self.certs, self.last
        ordered = [(i, j) for i in pool for j in pool if i != j]
        teams: list[tuple[str, ...]] = [(certs[i], certs[j]) for i, j in ordered]
        return teams, [min(last[i], last[j]) for i, j in ordered]

    def team(self, rnd: Callable[[], float], day: int, until: int) -> tuple[str, ...]:
        """Two (one time in ten three) distinct officers valid from ``day`` through ``until``."""
        ready = self.day_pairs[day - self.start]
        if ready is not None:
            pairs, lasts = ready
            k = int(rnd() * len(pairs))
            if lasts[k] >= until:
                return pairs[k] if rnd() >= 0.1 else self._add_third(rnd, day, pairs[k], until)
        pool = self.pools[self.day_pool[day - self.start]]
        candidates = [i for i in pool if self.last[i] >= until]
        if len(candidates) < 2:  # nobody lasts that long: valid on the day is the rule
            candidates = list(pool)
        first = int(rnd() * len(candidates))
        second = (first + 1 + int(rnd() * (len(candidates) - 1))) % len(candidates)
        team = (self.certs[candidates[first]], self.certs[candidates[second]])
        return self._add_third(rnd, day, team, until) if rnd() < 0.1 else team

    def _add_third(
        self, rnd: Callable[[], float], day: int, team: tuple[str, ...], until: int
    ) -> tuple[str, ...]:
        pool = self.pools[self.day_pool[day - self.start]]
        for _ in range(8):
            i = pool[int(rnd() * len(pool))]
            if self.last[i] >= until and self.certs[i] not in team:
                return (*team, self.certs[i])
        return team


_ORG_VALUES = {c: int(c, 36) for c in _ALNUM}


def _gb11714(body8: str) -> str:
    """GB 11714 organisation-code check character for an 8-character body."""
    v = [_ORG_VALUES[c] for c in body8]
    total = 3 * v[0] + 7 * v[1] + 9 * v[2] + 10 * v[3] + 5 * v[4] + 8 * v[5] + 4 * v[6] + 2 * v[7]
    return "0123456789X0"[11 - total % 11]


def _picker(pairs: Sequence[tuple[str, int]]) -> tuple[list[str], list[float], float]:
    return [a for a, _ in pairs], *_cum([w for _, w in pairs])


class _Parties:
    """New parties and repeat offenders, with valid identity numbers unique per stream.

    Streams (0 general, 1 simple) never collide: resident-ID sequence numbers 002–399 against
    402–799, organisation codes even against odd serials.
    """

    def __init__(self, rng: random.Random, stream: int, big: bool) -> None:
        self.rnd, self.stream = rng.random, stream
        # Big runs (load tests) keep a bounded cast and mostly repeat it: identity numbers are
        # slow to make, and a township has only so many shops anyway.
        self.cap = _BIG_POOL if big else 10**9
        self.seen: set[str] = set()
        self.pools: dict[int, list[tuple[PartyRecord, str, int]]] = {}
        self.serial = [0, 0, 0]
        self.offset = [int(self.rnd() * 10**6) for _ in range(3)]
        self.shanghai = _picker(cat.SHANGHAI_OTHER_AREAS)
        self.migrant = _picker(cat.MIGRANT_AREAS)
        self.ymd: dict[int, str] = {}

    def get(
        self, vi: int, kind: int, day: int, trades: tuple[str, ...], phrase: str
    ) -> tuple[PartyRecord, str]:
        """A party of ``_KINDS[kind]`` for violation ``vi`` on ``day``, and the 案由."""
        pool = self.pools.setdefault(vi * 4 + kind, [])
        rnd, size = self.rnd, len(pool)
        if size and rnd() < (_REUSE[kind] if size < self.cap else 0.97):
            party, cause, born = pool[int(rnd() * size)]
            if day - born <= MAX_AGE_DAYS:
                return party, cause
        born = day  # organisations do not age
        if kind == 0:
            party, born = self.person(day)
            short = party.name
        elif kind == 1:
            party, short = self.shop(trades)
        else:
            party = self.company(trades) if kind == 2 else self.institution()
            short = party.name
        cause = f"{short}{phrase}案"
        if size < self.cap:
            pool.append((party, cause, born))
        else:
            pool[int(rnd() * size)] = (party, cause, born)
        return party, cause

    def person(self, day: int) -> tuple[PartyRecord, int]:
        rnd = self.rnd
        male = rnd() < 0.7
        name = _person_name(rnd, male)
        while True:
            born = day - MIN_AGE_DAYS - int(rnd() * (MAX_AGE_DAYS - MIN_AGE_DAYS))
            r = rnd()
            if r < 0.4:
                area = cat.CHUANSHA_COUNTY_AREA if born < _BEFORE_1977 else cat.PUDONG_AREA
            else:
                areas, cum, total = self.shanghai if r < 0.5 else self.migrant
                area = areas[bisect(cum, rnd() * total)]
            ymd = self.ymd.get(born)
            if ymd is None:
                d = dt.date.fromordinal(born)
                ymd = self.ymd[born] = f"{d.year:04d}{d.month:02d}{d.day:02d}"
            seq = 2 + 2 * int(rnd() * 199) + self.stream * 400 + male  # odd: male
            first17 = f"{area}{ymd}{seq:03d}"
            if first17 not in self.seen:
                break
        self.seen.add(first17)
        address = None
        if rnd() < 0.5:
            if rnd() < 0.6:
                street = cat.STREETS[int(rnd() * len(cat.STREETS))]
                lane, no = 1 + int(rnd() * 900), 1 + int(rnd() * 60)
                room = 100 * (1 + int(rnd() * 6)) + 1 + int(rnd() * 4)
                address = f"{cat.ADDRESS_PREFIX}{street}{lane}弄{no}号{room}室"
            else:
                village = cat.VILLAGES[int(rnd() * len(cat.VILLAGES))]
                group, no = 1 + int(rnd() * 12), 1 + int(rnd() * 180)
                address = f"{cat.ADDRESS_PREFIX}{village}{group}组{no}号"
        id_number = first17 + resident_id_check_char(first17)
        return PartyRecord(PartyType.NATURAL_PERSON, name, id_number, address), born

    def _serial(self, family: int, modulus: int) -> int:
        """Distinct pseudo-random numbers per family and stream (an affine permutation)."""
        x = 2 * self.serial[family] + self.stream
        self.serial[family] += 1
        return (x * 7_777_777 + self.offset[family]) % modulus

    def _uscc(self, prefix: str, body8: str) -> str:
        rnd = self.rnd
        area = "310115" if rnd() < 0.85 else "310000" if rnd() < 0.7 else "310104"
        first17 = f"{prefix}{area}{body8}{_gb11714(body8)}"
        return first17 + uscc_check_char(first17)

    def _ma_body(self) -> str:
        y, chars = self._serial(0, 31**5), ["MA1"]
        for _ in range(5):
            y, c = divmod(y, 31)
            chars.append(_ALNUM[c])
        return "".join(chars)

    def _brand(self) -> str:
        rnd, first, second = self.rnd, cat.BRAND_FIRST, cat.BRAND_SECOND
        return first[int(rnd() * len(first))] + second[int(rnd() * len(second))]

    def shop(self, trades: tuple[str, ...]) -> tuple[PartyRecord, str]:
        rnd = self.rnd
        if rnd() < 0.3:
            brand = _person_name(rnd, rnd() < 0.6)
        elif rnd() < 0.5:
            brand = cat.SHOP_BRANDS[int(rnd() * len(cat.SHOP_BRANDS))]
        else:
            brand = self._brand()
        trades = trades or cat.SHOP_TRADES
        short = brand + trades[int(rnd() * len(trades))]
        uscc = self._uscc("92", self._ma_body())
        return PartyRecord(PartyType.INDIVIDUAL_BUSINESS, cat.TOWN_PREFIX + short, uscc), short

    def company(self, trades: tuple[str, ...]) -> PartyRecord:
        rnd = self.rnd
        trades = trades or cat.COMPANY_TRADES
        name = f"上海{self._brand()}{trades[int(rnd() * len(trades))]}有限公司"
        if rnd() < 0.05:
            name += "川沙分公司"
        body = self._ma_body() if rnd() < 0.6 else f"6{self._serial(1, 10**7):07d}"
        return PartyRecord(PartyType.LEGAL_PERSON, name, self._uscc("91", body))

    def institution(self) -> PartyRecord:
        kinds = cat.INSTITUTION_KINDS
        name = f"上海市浦东新区{self._brand()}{kinds[int(self.rnd() * len(kinds))]}"
        body = f"425{self._serial(2, 10**5):05d}"
        return PartyRecord(PartyType.OTHER_ORGANISATION, name, self._uscc("12", body))


def _fine_table(rng: random.Random, low: int, high: int) -> list[int]:
    """200 fines in fen, drawn the way squads use discretion: mostly the minimum, round sums."""
    step = 50 if high <= 500 else 100 if high <= 10000 else 1000
    fines = []
    for _ in range(200):
        u = rng.random()
        if u < 0.6:
            yuan = low
        elif u < 0.95:
            x = rng.random()
            yuan = low + int((high - low) * (x**3 if u < 0.88 else x))
            yuan = max(low, yuan - yuan % step)
        else:
            yuan = low + int(rng.random() * (high - low + 1))
        fines.append(yuan * 100)
    return fines


def _calendar_proof(day: dt.date) -> bool:
    """A Monday–Friday in a stretch that has no holiday or make-up working day in any year."""
    return day.weekday() < 5 and (day.month in (3, 7, 8, 11) or (day.month == 12 and day.day < 29))


def _filing_days(year: int) -> list[int]:
    """Working days, roughly: Monday–Friday except the fixed-date holidays."""
    first, last = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
    closed = {(1, 1), (5, 1), (5, 2), (5, 3)} | {(10, d) for d in range(1, 8)}
    days = (dt.date.fromordinal(o) for o in range(first, last + 1) if (o + 6) % 7 < 5)
    return [d.toordinal() for d in days if (d.month, d.day) not in closed]


def _counts(rng: random.Random, plan: DemoPlan) -> list[int]:
    years = plan.last_year - plan.first_year + 1
    if plan.general_cases is None:
        return [185 + int(rng.random() * 40) for _ in range(years)]
    share, extra = divmod(plan.general_cases, years)
    return [share + (i < extra) for i in range(years)]


def _setup(
    plan: DemoPlan, officers: Sequence[OfficerRecord], stream: str
) -> tuple[random.Random, _Roster, list[dt.date], list[str]]:
    start = dt.date(plan.first_year, 1, 1).toordinal()
    end = dt.date(plan.last_year, 12, 31).toordinal()
    roster = _Roster(officers, start, end)
    rng = random.Random(f"{plan.seed}:{stream}")
    rnd, streets = rng.random, cat.STREETS
    places = [f"{streets[int(rnd() * len(streets))]}{1 + int(rnd() * 1999)}号" for _ in range(4096)]
    return rng, roster, [dt.date.fromordinal(o) for o in range(start, end + 1)], places


def iter_general_cases(
    plan: DemoPlan, officers: Sequence[OfficerRecord]
) -> Iterator[GeneralCaseRecord]:
    """General-procedure cases in filing order; exactly ``plan.general_cases`` when it is set."""
    return _general_cases(plan, *_setup(plan, officers, "general"))


def iter_simple_decisions(
    plan: DemoPlan, officers: Sequence[OfficerRecord]
) -> Iterator[SimpleDecisionRecord]:
    """Simple-procedure decisions in date order, about ``plan.simple_per_year`` a year."""
    return _simple_decisions(plan, *_setup(plan, officers, "simple"))


def _general_cases(
    plan: DemoPlan, rng: random.Random, roster: _Roster, dates: list[dt.date], places: list[str]
) -> Iterator[GeneralCaseRecord]:
    rnd, team, start = rng.random, roster.team, roster.start
    end = start + len(dates) - 1
    total = sum(counts := _counts(rng, plan))
    party_for = _Parties(rng, 0, total > _BIG_RUN).get
    rows = []
    for vi, v in enumerate(cat.VIOLATIONS):
        rows.append(
            (
                vi,
                v.name,
                v.legal_basis,
                v.cause_phrase,
                [_KINDS.index(k) for k, _ in v.parties],
                *_cum([w for _, w in v.parties]),
                _fine_table(rng, *v.fine_yuan) if v.fine_yuan else [],
                v.fine_yuan is not None and v.fine_yuan[1] <= 5000,
                v.name in _GAINS,
                v.company_trades,
                v.shop_trades,
            )
        )
    vcum, vtotal = _cum([v.weight for v in cat.VIOLATIONS])
    decision_seq: dict[int, int] = {}
    receipt = 3_100_000_000 + int(rnd() * 10**8)
    penalty, no_penalty, held = Outcome.PENALTY, Outcome.NO_PENALTY, HearingState.HELD
    # Enum members looked up once (a class attribute of an enum costs a dozen plain reads).
    order_only, judicial, no_hearing = (
        Outcome.ORDER_ONLY,
        Outcome.TRANSFER_JUDICIAL,
        HearingState.NONE,
    )
    years = range(plan.first_year, plan.last_year + 1)
    for year, count in zip(years, counts, strict=True):
        days = _filing_days(year)
        m, case_prefix = len(days), f"川执立〔{year}〕"
        for seq in range(1, count + 1):
            filed = days[int((seq - 1 + rnd()) * m / count)]
            (
                vi,
                violation,
                basis,
                phrase,
                pkinds,
                pcum,
                ptotal,
                fines,
                small,
                gains,
                companies,
                shops,
            ) = rows[bisect(vcum, rnd() * vtotal)]
            kind = pkinds[bisect(pcum, rnd() * ptotal)]
            party, cause = party_for(vi, kind, filed, companies if kind == 2 else shops, phrase)
            outcome, kinds, reason, fine, gained = penalty, _NONE, None, 0, 0
            notes, hearing = None, no_hearing
            r = rnd()
            if r < 0.01:
                outcome = Outcome.WITHDRAWN
            elif r < 0.016:
                outcome = Outcome.TRANSFER_OTHER
            elif not fines:  # an illegal structure: an order, not a penalty (DOMAIN §13)
                outcome, notes = order_only, "责令限期拆除违法建筑"
            elif r < 0.066:
                outcome, notes = no_penalty, "当事人已及时改正，已对其进行教育"
                reason = (
                    NoPenaltyReason.FIRST_VIOLATION if r < 0.04 else NoPenaltyReason.MINOR_CORRECTED
                )
            elif r < 0.1 and small:
                kinds = _WARNING
            else:
                kinds, fine = _FINE, fines[int(rnd() * 200)]
                r = rnd()
                if r < 0.03 and small:
                    kinds = _WARNING_FINE
                elif r < 0.06 and gains:
                    kinds, gained = _FINE_GAINS, (1 + int(rnd() * 30)) * 10000
                if max(fine, gained) >= (500_000 if kind < 2 else 5_000_000):
                    r = rnd()
                    hearing = held if r < 0.2 else HearingState.WAIVED if r < 0.6 else hearing
            ordered = outcome is order_only
            lawful = outcome is penalty or outcome is no_penalty or ordered
            if not lawful:
                delay = 5 + int(rnd() * 35)
            elif (r := rnd()) < 0.02:  # over 90 days: half approved extensions, half overdue
                delay = 91 + int(rnd() * 29)
                if r < 0.01:
                    notes = "经批准延长办案期限" + (f"；{notes}" if notes else "")
            else:
                delay = 7 + int(rnd() * 70) + (14 if hearing is held else 0)
            decided = filed + delay
            weekday = (decided + 6) % 7
            if weekday >= 5:
                decided += 7 - weekday
                if delay <= 90 and decided - filed > 90:
                    decided -= 3
            officers = team(rnd, filed, min(decided, end))
            case_no, place = f"{case_prefix}{seq:06d}号", places[int(rnd() * 4096)]
            if decided > end:  # still under investigation on the last day
                yield _case(
                    case_no, party, cause, officers, dates[filed - start], violation, basis, place
                )
                continue
            decision_no = served = closed = published = None
            decided_on = dates[decided - start]
            payments: tuple[PaymentRecord, ...] = ()
            if not lawful:
                closed = decided + int(rnd() * 5)
            else:
                dyear = decided_on.year
                dseq = decision_seq[dyear] = decision_seq.get(dyear, 0) + 1
                decision_no = f"沪浦川执罚〔{dyear}〕{dseq:06d}号"
                if outcome is penalty and kinds is not _WARNING:
                    published = _published(decided, dseq, end)
                served = decided if rnd() < 0.4 else decided + 1 + int(rnd() * 7)
                if served > end:
                    served = None
                elif fine:
                    r, surcharge, paid = rnd(), 0, end + 1
                    if r < 0.82:
                        paid = served + int(rnd() * 16)
                    elif r < 0.92 and served + 15 <= end:
                        late = 50 + int(rnd() * 40)
                        if _calendar_proof(dates[served + 15 - start]):
                            late = 1 + int(rnd() * 40)
                        paid, surcharge = served + 15 + late, min(fine, fine * 3 * late // 100)
                    if paid <= end:
                        receipt += 1 + int(rnd() * 9)
                        channel = _CHANNELS[int(rnd() * 5)]
                        payments = (
                            _payment(
                                dates[paid - start],
                                fine + gained,
                                surcharge,
                                channel,
                                f"沪财非税{receipt}",
                            ),
                        )
                        closed = paid + 1 + int(rnd() * 10)
                elif ordered:
                    closed = served + 30 + int(rnd() * 150) if rnd() < 0.85 else None
                else:
                    closed = served + 1 + int(rnd() * 20)
            review = deadline = notice_on = discussed_on = None
            if ordered:
                # Every order is major (DOMAIN §3): noticed, reviewed, discussed, then decided;
                # dated from the case's own figures, so the random stream stays as it was.
                deadline = decided_on + dt.timedelta(days=_DEMOLITION_DAYS + seq % 16)
                notice_on = dates[max(filed, decided - 10) - start]
                discussed_on = dates[max(filed, decided - 1) - start]
                review = _review(
                    _REVIEWERS[seq % len(_REVIEWERS)],
                    dates[max(filed, decided - 2) - start],
                    ReviewOpinion.AGREE,
                )
            # Most cases are small: ask the classifier only when one of its tests could hold.
            maybe_major = not ordered and (
                fine + gained >= _SMALLEST_MAJOR_FEN
                or hearing is not no_hearing
                or not kinds.isdisjoint(HEAVY_PENALTY_KINDS)
                or outcome is judicial
            )
            if (
                maybe_major
                and assess_major(
                    MajorFacts(
                        party.kind,
                        fine,
                        gained,
                        kinds,
                        hearing,
                        crime_transfer=outcome is judicial,
                    )
                ).major
            ):
                # A major case is decided only after an agreed legal review (APL 58).
                reviewed = max(filed, decided - 1 - int(rnd() * 4))
                review = _review(
                    _REVIEWERS[int(rnd() * len(_REVIEWERS))],
                    dates[reviewed - start],
                    ReviewOpinion.AGREE,
                )
            forced = None
            if deadline is not None and served is not None:
                closing = None if closed is None or closed > end else dates[closed - start]
                forced = _forced(seq, dates[served - start], deadline, closing,
                                 last=dates[-1], area=area_of(violation, cause, basis))  # fmt: skip
            yield _case(
                case_no,
                party,
                cause,
                officers,
                dates[filed - start],
                violation,
                basis,
                place,
                hearing,
                decision_no,
                decided_on,
                outcome,
                kinds,
                reason,
                fine,
                gained,
                None if served is None else dates[served - start],
                None if closed is None or closed > end else dates[closed - start],
                payments,
                notes,
                review,
                published_on=None if published is None else dates[published - start],
                demolition_deadline=deadline,
                notice_on=notice_on,
                discussed_on=discussed_on,
                forced=forced,
            )


_WORKING = WorkCalendar()
_WITNESSES = (("村委会干部张某", "村民李某"), ("居委会干部王某", "物业管理人员陈某"))


def _working_on_or_after(day: dt.date) -> dt.date:
    while not _WORKING.is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _forced(
    seq: int,
    served: dt.date,
    deadline: dt.date,
    closed: dt.date | None,
    *,
    last: dt.date,
    area: StructureArea,
) -> ForcedDemolition | None:
    """What followed a served order (DOMAIN §13), from the case's own figures (the random
    stream stays as it was): two of three closed orders the party removed itself before the
    closing; every other open order goes the whole way by the book, each step as far as the
    plan's last day: 催告 200 days after service (the order's and the six-month lawsuit
    period have run), statements, the 责成 for an urban structure, the decision after the
    催告's ten days with its review and discussion, a 公告 of ten days, the carrying out on
    the next working day (never a holiday), in working hours, with two witnesses."""
    if closed is not None:
        if seq % 3 == 0:
            return None
        return ForcedDemolition(removed_on=max(served, closed - dt.timedelta(days=1 + seq % 5)))
    if seq % 2:
        return None
    day = served + dt.timedelta(days=200)
    if day > last:
        return None

    def upto(when: dt.date) -> dt.date | None:
        return when if when <= last else None

    until = day + dt.timedelta(days=10)
    stated = ReminderStatementKind.STATED if seq % 4 == 0 else ReminderStatementKind.SILENT
    heard = upto(day + dt.timedelta(days=3) if seq % 4 == 0 else until + dt.timedelta(days=1))
    authority_on = upto(day + dt.timedelta(days=5))
    decided = upto(_working_on_or_after(until + dt.timedelta(days=2)))
    posted = upto(_working_on_or_after(until + dt.timedelta(days=5)))
    announced_until = posted + dt.timedelta(days=10) if posted else None
    carried = (
        upto(_working_on_or_after(announced_until + dt.timedelta(days=1)))
        if (announced_until)
        else None
    )
    return ForcedDemolition(
        reminder=PaymentReminder(day, until),
        statement=None if heard is None else ReminderStatement(heard, stated),
        authority=None
        if area is StructureArea.RURAL or authority_on is None
        else DistrictAuthority(f"浦府责拆〔{authority_on.year}〕{seq % 97 + 1}号", authority_on),
        decided_on=decided,
        announcement=None
        if posted is None or announced_until is None
        else DemolitionAnnouncement(posted, announced_until),
        carried_out=None
        if carried is None
        else CarryOut(carried, dt.time(9 + seq % 6, 0), _WITNESSES[seq % 2]),
    )


class _SimpleAfter:
    """What follows a simple decision: payment (a few late, with 加处罚款), receipt, cash
    hand-over to the agency and the bank, 备案. Its own random stream, so the decisions
    themselves are those of earlier versions.

    Calendar-proof like the general cases: on time is within 2 calendar days (2 or 3 working
    days always reach that far), late is at least 15 days after (no holiday run is that
    long); a partial surcharge only when the due date is a ``_calendar_proof`` day, else the
    payment is so late that the surcharge is capped at the fine.
    """

    LATE_PAYERS = 0.08
    LATE_DUTY = 0.07

    def __init__(self, rng: random.Random, dates: list[dt.date], start: int, end: int) -> None:
        self._rnd, self._dates, self._start, self._end = rng.random, dates, start, end
        self._receipt = 3_100_000

    def _day(self, ordinal: int | None) -> dt.date | None:
        if ordinal is None or ordinal > self._end:
            return None
        return self._dates[ordinal - self._start]

    def _done(self, since: int) -> int:
        rnd = self._rnd
        return since + (15 + int(rnd() * 10) if rnd() < self.LATE_DUTY else int(rnd() * 3))

    def __call__(
        self, decision: SimpleDecisionRecord, day: int, paid: int | None
    ) -> SimpleDecisionRecord:
        rnd, surcharge = self._rnd, 0
        due = day + 15
        if paid is not None and not decision.collected_on_spot and rnd() < self.LATE_PAYERS:
            late = 50 + int(rnd() * 40)
            if due <= self._end and _calendar_proof(self._dates[due - self._start]):
                late = 1 + int(rnd() * 40)
            paid = due + late
            surcharge = min(decision.fine_fen, decision.fine_fen * 3 * late // 100)
        paid_on = self._day(paid)
        receipt = agency = bank = None
        if paid_on is not None:
            self._receipt += 1 + int(rnd() * 5)
            receipt = f"沪财罚{self._receipt}"
        if decision.collected_on_spot:
            agency = self._done(day)
            bank = self._done(agency)
        return replace(
            decision,
            paid_on=paid_on,
            surcharge_fen=surcharge if paid_on is not None else 0,
            receipt_no=receipt,
            cash_to_agency_on=self._day(agency),
            cash_to_bank_on=self._day(bank) if self._day(agency) else None,
            filed_with_agency_on=self._day(self._done(day)),
        )


def _published(decided: int, seq: int, end: int) -> int | None:
    """公示: 1 to 6 calendar days after the decision (so within the 7 working days), one in
    97 a fortnight late; None while it is still to come after the last generated day. Drawn
    from the decision's number, not the random stream, so every other figure stays put."""
    day = decided + (14 if seq % 97 == 0 else 1 + seq % 6)
    return None if day > end else day


def _simple_fines(low: int, high: int, cap: int, weighted: Sequence[tuple[int, int]]) -> list[int]:
    return [yuan * 100 for yuan, w in weighted if low <= yuan <= min(high, cap) for _ in range(w)]


def _simple_decisions(
    plan: DemoPlan, rng: random.Random, roster: _Roster, dates: list[dt.date], places: list[str]
) -> Iterator[SimpleDecisionRecord]:
    rnd, team, start = rng.random, roster.team, roster.start
    end = start + len(dates) - 1
    years = plan.last_year - plan.first_year + 1
    party_for = _Parties(rng, 1, plan.simple_per_year * years > _BIG_RUN).get
    rows = []
    for vi, v in enumerate(cat.VIOLATIONS):
        if v.simple_weight and v.fine_yuan:
            people = _simple_fines(*v.fine_yuan, 200, _PERSON_SIMPLE)  # 个体户 count as citizens
            orgs = _simple_fines(*v.fine_yuan, 3000, _ORG_SIMPLE) or people
            rows.append(
                (
                    vi,
                    v,
                    [_KINDS.index(k) for k, _ in v.parties],
                    *_cum([w for _, w in v.parties]),
                    people,
                    orgs,
                )
            )
    vcum, vtotal = _cum([row[1].simple_weight for row in rows])
    warning, fined = PenaltyKind.WARNING, PenaltyKind.FINE
    after = _SimpleAfter(random.Random(f"simple-after-{plan.seed}"), dates, start, end)
    for year in range(plan.first_year, plan.last_year + 1):
        count = plan.simple_per_year + int(plan.simple_per_year * (rnd() * 0.04 - 0.02))
        first = dt.date(year, 1, 1).toordinal()
        m, prefix = dt.date(year, 12, 31).toordinal() - first + 1, f"沪浦川执简〔{year}〕"
        for seq in range(1, count + 1):
            day = first + int((seq - 1 + rnd()) * m / count)
            vi, v, pkinds, pcum, ptotal, people, orgs = rows[bisect(vcum, rnd() * vtotal)]
            kind = pkinds[bisect(pcum, rnd() * ptotal)]
            trades = v.company_trades if kind == 2 else v.shop_trades
            party, cause = party_for(vi, kind, day, trades, v.cause_phrase)
            penalty_kind, fine, paid = warning, 0, None
            if rnd() >= 0.2:
                table = people if kind < 2 else orgs
                penalty_kind, fine = fined, table[int(rnd() * len(table))]
            on_spot = 0 < fine <= 10000 and rnd() < 0.5
            if on_spot:
                paid = day
            elif fine and rnd() < 0.94:
                paid = day + 1 + int(rnd() * 15)
            decided = SimpleDecisionRecord(
                f"{prefix}{seq:06d}号",
                party,
                cause,
                team(rnd, day, day),
                dates[day - start],
                penalty_kind,
                v.name,
                places[int(rnd() * 4096)],
                fine,
                on_spot,
                None,
                legal_basis=v.legal_basis,  # printed on its 当场行政处罚决定书 (APL 52)
            )
            yield after(decided, day, paid)
