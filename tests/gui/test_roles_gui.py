"""The window offers each role only its own work (DOMAIN §9)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.disputes.disputes import DisputedAct, DisputeKind, DisputeRecord
from tests.conftest import NOW
from tests.review_setup import make_accounts, open_as
from ui.main_window import MainWindow


@pytest.fixture(scope="module")
def office(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roles-gui") / "office.db"
    shutil.copy(demo_db, path)
    make_accounts(path, FixedClock(NOW))
    with open_as(path, FixedClock(NOW), "clerk") as services:
        services.disputes.add(
            DisputeRecord(
                DisputeKind.LITIGATION, "(2026)沪0115行初9号", "张三", DisputedAct.PENALTY,
                "浦东新区人民法院", dt.date(2026, 11, 20),
            )
        )  # fmt: skip
    return path


def _enabled(window: MainWindow) -> dict[str, bool]:
    actions = {a.text(): a.isEnabled() for a in window.findChildren(QAction)}
    return {
        "new case": actions["立案(&N)…"],
        "import": actions["导入台账(&I)…"],
        "backup": actions["备份(&B)…"],
        "settings": actions["业务设置(&O)…"],
        "register officer": window.officer_registry.register_button.isEnabled(),
        "save simple": window.simple_entry.save_button.isEnabled(),
        "draw": window.file_review.draw_button.isEnabled(),
        "score": window.file_review.score_button.isEnabled(),
        "rectify": window.file_review.rectify_button.isEnabled(),
        "record dispute": window.disputes.add_button.isEnabled(),
    }


@pytest.mark.parametrize(
    ("user", "allowed"),
    [
        ("clerk", {"new case", "import", "save simple", "rectify", "record dispute"}),
        ("zhou", {"draw", "score"}),
        ("admin", {"import", "backup", "settings", "register officer", "draw"}),
        (None, {"new case", "import", "backup", "settings", "register officer",
                "save simple", "draw", "score", "rectify", "record dispute"}),
    ],
)  # fmt: skip
def test_each_role_sees_its_own_actions(
    qtbot: QtBot,
    tmp_path: Path,
    *,
    office: Path,
    demo_db: Path,
    user: str | None,
    allowed: set[str],
) -> None:
    path = tmp_path / "office.db"
    shutil.copy(office if user else demo_db, path)
    with open_as(path, FixedClock(NOW), user) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        enabled = _enabled(window)
        window.close()
    assert {name for name, on in enabled.items() if on} == allowed


@pytest.mark.parametrize(("user", "records"), [("clerk", True), ("zhou", False), ("admin", False)])
def test_every_role_reads_the_disputes_and_clerks_record_their_progress(
    qtbot: QtBot, tmp_path: Path, *, office: Path, user: str, records: bool
) -> None:
    path = tmp_path / "office.db"
    shutil.copy(office, path)
    with open_as(path, FixedClock(NOW), user) as services:
        window = MainWindow(
            services, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(window)
        panel = window.disputes
        numbers = [panel.table.item(r, 1).text() for r in range(panel.table.rowCount())]
        assert "(2026)沪0115行初9号" in numbers  # beside the demo's own disputes
        panel.table.selectRow(numbers.index("(2026)沪0115行初9号"))
        assert "(2026)沪0115行初9号" in panel.detail.text()
        assert panel.update_button.isEnabled() is records
        assert (panel.open_update() is not None) is records
        window.close()
