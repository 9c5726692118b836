"""The officer registry in the window: a certificate past its expiry date reads 已过期."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import Services
from ui.officer_registry import OfficerRegistryWidget

D = dt.date  # the conftest clock's day in Shanghai is 2026-11-27


def test_the_registry_shows_expired_certificates(qtbot: QtBot, services: Services) -> None:
    register = services.officers.register
    register(OfficerRecord("王建国", "31150001", D(2018, 3, 1), expires_on=D(2026, 11, 26)))
    register(OfficerRecord("李明", "31150002", D(2019, 5, 10), expires_on=D(2026, 11, 27)))
    widget = OfficerRegistryWidget(services)
    qtbot.addWidget(widget)
    table = widget.table
    rows = {
        table.item(row, 0).text(): (table.item(row, 3).text(), table.item(row, 4).text())
        for row in range(table.rowCount())
    }
    assert rows == {"王建国": ("2026-11-26", "已过期"), "李明": ("2026-11-27", "有效")}
