"""Which case a typed short case number means (issue 21 §2).

A short form is the end of a number ("000002", "2"), with some of what comes before it
("2026-2", "〔2026〕2号", "立2026-2"). When it fits the case numbers of some cases and the
decision numbers of others, the case numbers win: a case number was asked for.
"""

from __future__ import annotations

import re
import unicodedata

_TAIL = "号 )）]】"
_RUNS = re.compile(r"[0-9]+|[^\W\d_]+")


def _split(text: str) -> tuple[str, int] | None:
    """(text before the sequence number, the sequence number); None without end digits."""
    body = unicodedata.normalize("NFKC", text).strip().rstrip(_TAIL)
    digits = len(body) - len(body.rstrip("0123456789"))
    if not digits:
        return None
    return body[: len(body) - digits], int(body[len(body) - digits :])


def fits_case_number(typed: str, case_no: str) -> bool:
    """Whether ``typed`` is a short form of ``case_no`` itself: the same sequence number,
    and the letters and digits typed before it all in the number's text before it."""
    short, number = _split(typed), _split(case_no)
    if short is None or number is None or short[1] != number[1]:
        return False
    head = short[0].translate(str.maketrans("", "", "年第"))
    return all(run in number[0] for run in _RUNS.findall(head))
