"""Hypothesis: a ledger in any accepted value form imports, exports and imports again with
the same annual totals (money with 角 and 分, every date form of LEDGER_FORMAT)."""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.ledger_files import OFFICERS, ledger
from tests.server_backend import book_copy

NOW = dt.datetime(2025, 3, 1, 2, 0, tzinfo=dt.UTC)
EXCEL_EPOCH = dt.date(1899, 12, 30)


def date_forms(day: dt.date) -> st.SearchStrategy[object]:
    return st.sampled_from(
        [
            day,
            day.isoformat(),
            f"{day.year}/{day.month}/{day.day}",
            f"{day.year}.{day.month}.{day.day}",
            f"{day.year}年{day.month}月{day.day}日",
            float((day - EXCEL_EPOCH).days),
        ]
    )


def money_forms(fen: int) -> st.SearchStrategy[object]:
    yuan = Decimal(fen) / 100
    return st.sampled_from([yuan, f"{yuan:.2f}", f"{yuan:,.2f}", f"{yuan:.2f}元", str(yuan)])


@st.composite
def cases(draw: st.DrawFn) -> tuple[list[dict[str, object]], int]:
    rows, total = [], 0
    for n in range(draw(st.integers(1, 6))):
        filed = dt.date(2024, 1, 2) + dt.timedelta(days=draw(st.integers(0, 300)))
        decided = filed + dt.timedelta(days=draw(st.integers(1, 60)))
        served = decided + dt.timedelta(days=draw(st.integers(0, 7)))
        fine = draw(st.integers(1, 499_999))  # under the major-case threshold: no review needed
        total += fine
        row: dict[str, object] = {
            "案件编号": f"R{n}",
            "决定书文号": f"D{n}",
            "案由": "占道设摊案",
            "当事人类型": "自然人",
            "当事人": f"张{n}",
            "承办人": "王建国、李明",
            "立案日期": draw(date_forms(filed)),
            "决定日期": draw(date_forms(decided)),
            "处罚种类": "罚款",
            "罚款金额": draw(money_forms(fine)),
            "送达日期": draw(date_forms(served)),
        }
        if draw(st.booleans()):
            paid = served + dt.timedelta(days=draw(st.integers(0, 10)))
            row["缴款日期"] = draw(date_forms(paid))
            row["实缴金额"] = draw(money_forms(fine))
            if draw(st.booleans()):
                row["结案日期"] = draw(date_forms(paid + dt.timedelta(days=1)))
        rows.append(row)
    return rows, total


@pytest.fixture(scope="module")
def empty(module_backend: Path | str) -> Path | str:
    """An empty book (migrated), copied twice per example; on a file and on a server."""
    build_services(module_backend, FixedClock(NOW)).close()
    return module_backend


@settings(max_examples=25, deadline=None)
@given(cases())
def test_any_value_form_survives_import_export_import(
    empty: Path | str,
    tmp_path_factory: pytest.TempPathFactory,
    drawn: tuple[list[dict[str, object]], int],
) -> None:
    rows, total_fen = drawn
    with (
        tempfile.TemporaryDirectory() as folder,
        book_copy(empty, tmp_path_factory) as a,
        book_copy(empty, tmp_path_factory) as b,
    ):
        base = Path(folder)
        source = ledger(base / "in.xlsx", officers=OFFICERS, cases=rows, simple=[])
        with build_services(a, FixedClock(NOW)) as first:
            report = first.ledger.import_file(source)
            assert report.errors == (), [i.text() for i in report.errors]
            first.ledger.export_ledger(base / "out.xlsx", 2024)
            expected = first.statistics.annual(2024).to_json()
        with build_services(b, FixedClock(NOW)) as second:
            again = second.ledger.import_file(base / "out.xlsx")
            assert again.errors == ()
            assert second.statistics.annual(2024).to_json() == expected
        general = expected["general"]
        assert isinstance(general, dict)
        assert general["filed"] == len(rows)
        assert general["fines_decided_fen"] == total_fen  # 角 and 分 kept exactly
