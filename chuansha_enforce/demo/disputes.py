"""Demo reconsiderations and lawsuits: about the seed's numbers a year, scaled to the case volume.

The seed town (about 200 filed cases a year) had 10 reconsiderations and 14 lawsuits in 2023,
mostly withdrawn or rejected; the demo draws outcomes around that, with a few corrections and
losses so that the rates are not all zero. Disputes whose outcome would fall after the plan's
last year stay pending.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping, Sequence

from chuansha_enforce.demo.generator import DemoPlan
from chuansha_enforce.domain.disputes.disputes import (
    DisputedAct,
    DisputeKind,
    DisputeOutcome,
    DisputeRecord,
)

TOWN_CASES_PER_YEAR = 200
SEED_RECONSIDERATIONS = 10
SEED_LAWSUITS = 14
RECONSIDERATION_BODY = "上海市浦东新区人民政府"
COURT = "上海市浦东新区人民法院"
_O = DisputeOutcome
_RECON_OUTCOMES = (
    (_O.WITHDRAWN, 35), (_O.REJECTED, 40), (_O.UPHELD, 13), (_O.REVOKED, 4), (_O.CHANGED, 3),
    (_O.CONFIRMED_UNLAWFUL, 3), (_O.MEDIATED, 2),
)  # fmt: skip
_LIT_OUTCOMES = (
    (_O.WITHDRAWN, 10), (_O.CLAIM_REJECTED, 62), (_O.SUIT_DISMISSED, 14), (_O.REVOKED, 5),
    (_O.CONFIRMED_UNLAWFUL, 5), (_O.MEDIATED, 4),
)  # fmt: skip
_OTHER_ACTS = (DisputedAct.INFORMATION, DisputedAct.COERCION, DisputedAct.OTHER)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚"


def _pick(rng: random.Random, weighted: Sequence[tuple[DisputeOutcome, int]]) -> DisputeOutcome:
    return rng.choices([o for o, _ in weighted], weights=[w for _, w in weighted])[0]


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))


def _per_year(plan: DemoPlan, seed_count: int) -> int:
    years = plan.last_year - plan.first_year + 1
    cases = plan.general_cases if plan.general_cases is not None else TOWN_CASES_PER_YEAR * years
    scale = min(max(cases / (TOWN_CASES_PER_YEAR * years), 0.1), 5.0)
    return max(1, round(seed_count * scale))


def iter_disputes(
    plan: DemoPlan, decided: Mapping[int, Sequence[tuple[str, bool]]]
) -> Iterator[DisputeRecord]:
    """Disputes per year; ``decided`` gives each year's decision numbers (and whether simple)."""
    rng = random.Random(f"{plan.seed}:disputes")
    last_day = dt.date(plan.last_year, 12, 31)
    for year in range(plan.first_year, plan.last_year + 1):
        acts = decided.get(year, ())
        for kind, count in (
            (DisputeKind.RECONSIDERATION, _per_year(plan, SEED_RECONSIDERATIONS)),
            (DisputeKind.LITIGATION, _per_year(plan, SEED_LAWSUITS)),
        ):
            for n in range(1, count + 1):
                yield _one(rng, kind, year, n, acts=acts, last_day=last_day)


def _one(
    rng: random.Random,
    kind: DisputeKind,
    year: int,
    n: int,
    *,
    acts: Sequence[tuple[str, bool]],
    last_day: dt.date,
) -> DisputeRecord:
    received = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 330))
    if received.weekday() >= 5:
        received -= dt.timedelta(days=received.weekday() - 4)
    # Every draw is made whether or not it is used, so that which acts exist (the database's)
    # changes only the links, never the counts, dates or outcomes.
    link, pick, other = rng.random(), rng.random(), rng.random()
    case_no, simple = acts[int(pick * len(acts))] if acts and link < 0.7 else (None, False)
    recon = kind is DisputeKind.RECONSIDERATION
    outcome: DisputeOutcome | None = _pick(rng, _RECON_OUTCOMES if recon else _LIT_OUTCOMES)
    days = rng.randint(40, 90) if recon else rng.randint(60, 200)
    outcome_on: dt.date | None = received + dt.timedelta(days=days)
    hearing_on: dt.date | None = None
    leader: bool | None = None
    if not recon and outcome is not _O.WITHDRAWN:
        hearing_on = received + dt.timedelta(days=rng.randint(30, 55))
        leader = rng.random() < 0.93
    if outcome_on is not None and outcome_on > last_day:
        outcome, outcome_on = None, None
        if hearing_on is not None and hearing_on > last_day:
            hearing_on = leader = None
    return DisputeRecord(
        kind=kind,
        number=f"浦府复〔{year}〕{n}号" if recon else f"（{year}）沪0115行初{n}号",
        applicant=_name(rng),
        act=DisputedAct.PENALTY if case_no else _OTHER_ACTS[int(other * len(_OTHER_ACTS))],
        body=RECONSIDERATION_BODY if recon else COURT,
        received_on=received,
        case_no=case_no,
        simple_procedure=simple,
        replied_on=received + dt.timedelta(days=rng.randint(4, 9)),
        hearing_on=hearing_on,
        leader_appeared=leader,
        outcome=outcome,
        outcome_on=outcome_on,
    )
