"""A 告知 as DOMAIN §12 wants it in test fixtures: the proposed penalty, its facts and basis."""

from __future__ import annotations

import datetime as dt

from chuansha_enforce.domain.cases.case_file import AdvanceNotice
from chuansha_enforce.domain.enums import PenaltyKind

FACTS = "占道设摊"
BASIS = "《上海市市容环境卫生管理条例》第二十四条"


def notice(
    served_on: dt.date,
    kinds: frozenset[PenaltyKind] = frozenset({PenaltyKind.FINE}),
    fine_fen: int = 0,
    *,
    stated_on: dt.date | None = None,
    hearing_offered: bool = False,
) -> AdvanceNotice:
    """Proposing ``kinds`` (and ``fine_fen``); ``stated_on`` records the party's statement."""
    return AdvanceNotice(
        served_on,
        hearing_offered=hearing_offered,
        statement_on=stated_on,
        proposed_kinds=kinds,
        proposed_fine_fen=fine_fen,
        facts=FACTS,
        basis=BASIS,
    )
