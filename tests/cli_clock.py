"""The CLI as tests call it in-process: the same ``main`` with the tests' fixed clock.

No test may depend on the real date; the command line takes its clock only from here
(there is no option or variable a user could set).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from chuansha_enforce.cli.main import main as real_main
from chuansha_enforce.domain.clock import FixedClock
from tests.conftest import NOW


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    return real_main(argv, out, clock=FixedClock(NOW))
