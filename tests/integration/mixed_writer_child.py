"""A clerk's PC in the mixed concurrency test: files cases and takes them through their steps.

Run as ``python tests/integration/mixed_writer_child.py DB COUNT TAG``: logs in, prints
``READY`` and waits for a line on stdin (so the PCs write at once), then makes COUNT writes on
one case book (a server database or a file) shared with the other PCs, as the clerk ``clerk``
and the legal reviewer ``zhou`` (two logins, the tests' fixed clock): filings, notices,
hearings, 事先告知书 made (each numbered), review submissions and sign-offs, decisions,
service and payments.
Each write is made from the case as this PC read it just before (its version), as the window
makes it, so a case another PC changed meanwhile is refused. Prints ``ACK kind case_no
[number]`` after each write that returned (committed), ``NAK kind case_no message`` after a
refusal (a sentence: the stale version, a rule, a busy database); anything else is a
traceback and a failed run.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chuansha_enforce.domain.cases.case_file import (  # noqa: E402
    AdvanceNotice,
    CaseFile,
    Decision,
    Discussion,
    Hearing,
)
from chuansha_enforce.domain.clock import FixedClock  # noqa: E402
from chuansha_enforce.domain.documents.documents import DocumentKind  # noqa: E402
from chuansha_enforce.domain.enums import (  # noqa: E402
    HearingState,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.messages import render  # noqa: E402
from chuansha_enforce.domain.records import PartyRecord, PaymentRecord  # noqa: E402
from chuansha_enforce.services.case_file_service import NewCase  # noqa: E402
from chuansha_enforce.services.case_versions import edited_as_read  # noqa: E402
from chuansha_enforce.services.container import Services  # noqa: E402
from chuansha_enforce.services.errors import DomainError, StorageError  # noqa: E402
from chuansha_enforce.services.review_service import SignRequest  # noqa: E402
from tests.conftest import NOW  # noqa: E402
from tests.review_setup import PASSWORDS, open_as  # noqa: E402

D = dt.date
TODAY = D(2026, 11, 27)
FINE = 600_000  # 6,000 元 on a person: a major case, so the decision needs a signed review
PAID = 200_000  # paid in three parts
BASIS = "《上海市市容环境卫生管理条例》第二十四条"
OPEN_SHARED = 6
"""Each PC works on the newest open cases of the book, shared with the others: some of its
edits meet another PC's edit of the same case."""


def _next_write(case: CaseFile, submitted: Callable[[], bool]) -> str | None:
    """The case's next step on its way to being closed (None: closed)."""
    if case.notice is None:
        return "notice"
    if case.hearing is None or case.hearing.state is HearingState.NONE:
        return "hearing"
    if not case.discussions:
        return "discuss"
    if case.decision is None:
        return "decide" if case.reviews else "sign" if submitted() else "submit"
    if case.served_on is None:
        return "serve"
    if case.paid_fen < FINE:
        return "pay"
    return None if case.closed_on is not None else "close"


def _write(kind: str, no: str, clerk: Services, reviewer: Services, folder: Path) -> str:
    """Make one write; return the number it issued, if any."""
    steps = clerk.case_files
    if kind == "doc":  # the numbered 事先告知书, made from the case as this PC read it
        made = clerk.documents.make(no, DocumentKind.ADVANCE_NOTICE, folder / "告知书.docx")
        return str(made.document_no)
    if kind == "notice":
        steps.record_notice(no, AdvanceNotice(
            D(2026, 10, 20), hearing_offered=True, proposed_kinds=frozenset({PenaltyKind.FINE}),
            proposed_fine_fen=FINE, facts="占道设摊", basis=BASIS,
        ))  # fmt: skip
    elif kind == "hearing":
        steps.record_hearing(no, Hearing(HearingState.WAIVED, waived_on=D(2026, 10, 21)))
    elif kind == "discuss":
        steps.record_discussion(no, Discussion(D(2026, 10, 26), "同意罚款六千元",
                                               ("镇长", "分管副镇长", "执法队长")))  # fmt: skip
    elif kind == "submit":
        clerk.reviews.submit(no, ["调查终结报告", "处罚决定书（草稿）"])
    elif kind == "sign":
        request = SignRequest(ReviewOpinion.AGREE, None, (), PASSWORDS["zhou"])
        return str(reviewer.reviews.sign(no, request).round.round_id)
    elif kind == "decide":
        decision = Decision(None, TODAY, Outcome.PENALTY, frozenset({PenaltyKind.FINE}),
                            fine_fen=FINE)  # fmt: skip
        decided = steps.decide(no, decision).case.decision
        assert decided is not None
        return str(decided.decision_no)
    elif kind == "serve":
        steps.serve(no, TODAY, ServiceMethod.DIRECT)
    elif kind == "pay":
        case = steps.find(no)
        amount = min(PAID, FINE - case.paid_fen)
        steps.record_payment(no, PaymentRecord(TODAY, amount, 0, "银行缴款", None))
    else:
        steps.close(no, TODAY)
    return ""


def _submitted(clerk: Services, case: CaseFile) -> bool:
    return clerk.reviews.open_submission(case.case_no) is not None


def _file(clerk: Services, tag: str, i: int) -> str:
    new = NewCase(
        case_no="",
        party=PartyRecord(PartyType.NATURAL_PERSON, f"当事人{tag}{i}"),
        cause=f"当事人{tag}{i}占道设摊案",
        filed_on=D(2026, 10, 9),
        officer_certificates=("31150001", "31150002"),
        clue_on=D(2026, 10, 8),
        violation="占道设摊",  # the facts and the basis: its 事先告知书 can be made
        legal_basis=BASIS,
    )
    return clerk.case_files.file_case(new).case.case_no


def _open_cases(clerk: Services) -> list[str]:
    """The oldest open cases among the newest 30 (so cases go on to be closed)."""
    rows = clerk.cases.list_page(limit=30).rows
    return [r.case_no for r in rows if r.status.label != "已结案"][-OPEN_SHARED:]


def _logged_in(book: Any, name: str) -> Services:
    """Log in; on a file another PC's write refuses a login for a moment (a wrong password
    could not be counted then): the clerk tries again, as a person would."""
    for _attempt in range(100):
        try:
            return open_as(book, FixedClock(NOW), name)
        except DomainError as exc:
            if exc.code != "auth.unrecordable":
                raise
            time.sleep(0.05)
    return open_as(book, FixedClock(NOW), name)


def run(
    db: str, count: int, tag: str, say: Callable[[str], object], ready: Callable[[], object]
) -> None:
    """The PC ``tag``'s COUNT writes, each said as ``ACK …`` or ``NAK …``; ``ready`` is called
    once logged in and returns when every PC is."""
    rng = random.Random(tag)
    book: Any = db if "://" in db else Path(db)  # a server's URL, or a file
    with (
        _logged_in(book, "clerk") as clerk,
        _logged_in(book, "zhou") as reviewer,
        tempfile.TemporaryDirectory(prefix="mixed-doc-") as documents,
    ):
        ready()
        shared: list[str] = []
        for i in range(count):
            kind, no, number = "file", "-", ""
            try:
                if i % 16 == 0 or len(shared) < OPEN_SHARED // 2:
                    shared = _open_cases(clerk)  # the list as this PC shows it, now and then
                case = None
                if len(shared) >= OPEN_SHARED // 2 and rng.random() >= 0.15:
                    no = rng.choice(shared)
                    case = clerk.case_files.find(no)  # what this PC shows
                    kind = _next_write(case, lambda c=case: _submitted(clerk, c)) or "file"
                    if kind != "file" and case.notice is not None and rng.random() < 0.1:
                        kind = "doc"
                if case is None or kind == "file":  # a new case (or the one read was closed)
                    kind, no = "file", _file(clerk, tag, i)
                    shared.append(no)
                else:
                    with edited_as_read(no, case.version):
                        number = _write(kind, no, clerk, reviewer, Path(documents))
            except (DomainError, StorageError) as exc:
                said = render(exc.code, exc.params, "zh", getattr(exc, "field", None))
                say(f"NAK {kind} {no} {said}")
                continue
            say(f"ACK {kind} {no} {number}")


def _ready() -> None:
    print("READY", flush=True)  # logged in: the test says go on stdin when every PC is
    sys.stdin.readline()


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]), sys.argv[3], lambda line: print(line, flush=True), _ready)
