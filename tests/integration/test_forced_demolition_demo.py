"""The demo's illegal structures (DOMAIN §13): some orders end in the party's own removal,
some go the whole way; every one carried out passes the §13 oracle of the sequence test (its
own restatement of the law), and the rule code agrees: nothing more can be recorded on it."""

from __future__ import annotations

import pytest

from chuansha_enforce.demo.generator import generate_officers, iter_general_cases
from chuansha_enforce.domain.cases.available_steps import available_steps
from chuansha_enforce.domain.demolition.forced_demolition import FORCED_STEPS, structure_area
from chuansha_enforce.domain.demolition.forced_demolition_steps import StructureArea
from chuansha_enforce.services.container import Services
from tests.conftest import SMALL_PLAN
from tests.integration.test_forced_demolition_sequences import lawful_history


@pytest.fixture
def demo_services(demo_book_services: Services) -> Services:
    """On the shared demo, on a file and on a server database (the test only reads)."""
    return demo_book_services


def test_the_demo_removes_some_and_demolishes_others_by_the_book(
    demo_services: Services,
) -> None:
    records = [c for c in iter_general_cases(SMALL_PLAN, generate_officers(SMALL_PLAN))
               if c.forced is not None]  # fmt: skip
    removed = [c for c in records if c.forced and c.forced.removed_on]
    carried = [c for c in records if c.forced and c.forced.carried_out]
    assert len(removed) >= 10
    assert len(carried) >= 3
    for record in carried:
        case = demo_services.case_files.find(record.case_no)
        urban = structure_area(case) is StructureArea.URBAN
        assert case.forced == record.forced
        assert lawful_history(case, urban) == [], record.case_no
        why = available_steps(case)
        assert all(why[key] is not None for key in FORCED_STEPS)
        assert why["remind"] is not None
    for record in removed:
        case = demo_services.case_files.find(record.case_no)
        assert case.forced.removed_on is not None
        assert case.decision is not None
        assert case.forced.removed_on >= case.decision.decided_on
        assert case.closed_on is not None
        assert case.forced.removed_on <= case.closed_on
