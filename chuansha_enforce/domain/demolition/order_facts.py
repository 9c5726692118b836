"""What the forced-demolition clocks of a served 责令限期拆除 order run from (a plain record:
the rules are ``forced_clocks``; the case window reads it from the whole file, the case list
from its row, so both decide a case's colour the same way)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.demolition.forced_demolition_steps import ForcedDemolition


@dataclass(frozen=True, slots=True)
class OrderFacts:
    """The order's deadline, the day it counts as served (public notice 60 days later) and
    the steps recorded since."""

    deadline: dt.date
    served_on: dt.date
    steps: ForcedDemolition


def order_facts(
    deadline: dt.date | None, served_on: dt.date | None, steps: ForcedDemolition
) -> OrderFacts | None:
    """The facts of an order served (None without an order or before service); ``served_on``
    is the effective service date (``case_deadlines.effective_service``)."""
    if deadline is None or served_on is None:
        return None
    return OrderFacts(deadline, served_on, steps)
