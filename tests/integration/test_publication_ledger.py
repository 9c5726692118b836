"""The ledger's 公示日期 (LEDGER_FORMAT.md) and the cut-over to the program.

A decision imported without a 公示日期 is history from before the program: nobody can say
whether the squad published it, so it is listed in the import warnings (sheet, row, header),
its clock reads 未记录（启用前）, and it never shows as late nor on the due list; otherwise a
squad importing its old ledger would see every historic decision overdue. Recording the date
later makes it an ordinary publication. The column survives export → import unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chuansha_enforce.domain.cases.case_deadlines import ClockState
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import another_book
from tests.conftest import NOW
from tests.ledger_files import CASE, ledger, with_

D = dt.date
PUBLISHED = "川执立〔2024〕000001号"
HISTORY = "川执立〔2024〕000002号"


@pytest.fixture
def book(backend: Path | str) -> Path | str:
    """The case book the ledger is imported into: a file or a server database."""
    return backend


@pytest.fixture
def second_book(backend: Path | str, tmp_path: Path) -> Iterator[Path | str]:
    """A second, empty case book on the same backend as ``book``."""
    with another_book(backend, tmp_path, "b.db") as other:
        yield other


def _rows() -> list[dict[str, object]]:
    history = with_(
        CASE,
        案件编号=HISTORY,
        决定书文号="沪浦川执罚〔2024〕000002号",
        公示日期=None,
        缴款日期=None,
        实缴金额=None,
        结案日期=None,
    )
    return [CASE, history]  # CASE: published 2024-04-15, decided 04-10


def _state(svc: Services, case_no: str) -> ClockState:
    clocks = svc.case_files.view(case_no).clocks.clocks
    return next(c.state for c in clocks if c.name == "disclosure_due")


def test_history_without_a_publication_date_is_warned_about_and_never_due(
    book: Path | str, tmp_path: Path
) -> None:
    with build_services(book, FixedClock(NOW)) as svc:
        report = svc.ledger.import_file(ledger(tmp_path / "in.xlsx", cases=_rows()))
        assert report.errors == ()
        unrecorded = [w for w in report.warnings if w.code == "publication.unrecorded"]
        assert [(w.sheet, w.row, w.header) for w in unrecorded] == [("一般程序案件", 3, "公示日期")]
        assert "不计公示期限" in unrecorded[0].text()
        assert svc.case_files.find(PUBLISHED).publication.published_on == D(2024, 4, 15)
        assert _state(svc, PUBLISHED) is ClockState.MET
        assert _state(svc, HISTORY) is ClockState.UNRECORDED
        due = svc.publications.due_list(days=5)
        # an unpaid fine is followed up (the 催告, the court) whether history or not; only the
        # publication of history is not due
        assert [(i.reference, i.kind.value) for i in due.items] == [
            (HISTORY, "payment_due"),
            (HISTORY, "reminder_due"),
            (HISTORY, "court_application_by"),
        ]
        # Recorded later: an ordinary publication, late by the 7-working-day rule.
        svc.publications.publish(HISTORY, D(2024, 4, 30))
        assert _state(svc, HISTORY) is ClockState.MISSED


def test_the_publication_date_survives_export_and_import(
    book: Path | str, second_book: Path | str, tmp_path: Path
) -> None:
    with build_services(book, FixedClock(NOW)) as svc:
        svc.ledger.import_file(ledger(tmp_path / "in.xlsx", cases=_rows()))
        svc.ledger.export_ledger(tmp_path / "out.xlsx", 2024)
    sheet = load_workbook(tmp_path / "out.xlsx")["一般程序案件"]
    header = [c.value for c in sheet[1]]
    column = header.index("公示日期")
    values = {row[0].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert values[PUBLISHED].date() == D(2024, 4, 15)
    assert values[HISTORY] is None
    with build_services(second_book, FixedClock(NOW)) as again:
        report = again.ledger.import_file(tmp_path / "out.xlsx")
        assert report.errors == ()
        assert again.case_files.find(PUBLISHED).publication.published_on == D(2024, 4, 15)
        assert _state(again, PUBLISHED) is ClockState.MET
        assert _state(again, HISTORY) is ClockState.UNRECORDED


def test_a_publication_date_before_the_decision_or_without_a_penalty_is_refused(
    book: Path | str, tmp_path: Path
) -> None:
    early = with_(CASE, 公示日期=D(2024, 4, 9))
    none = with_(CASE, 案件编号="X2", 决定书文号="Y2", 处罚种类="撤销立案", 罚款金额=None,
                 缴款日期=None, 实缴金额=None, 送达日期=None)  # fmt: skip
    with build_services(book, FixedClock(NOW)) as svc:
        report = svc.ledger.import_file(ledger(tmp_path / "bad.xlsx", cases=[early, none]))
        found = {(e.row, e.header, e.code) for e in report.errors}
        assert found == {
            (2, "公示日期", "date.too_early"),
            (3, "公示日期", "publication.not_publishable"),
        }
        assert not report.written
