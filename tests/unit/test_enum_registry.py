"""Each enum keeps its own labels, whatever else is loaded (issue 14, item 2).

``StrEnum`` members hash and compare as their code, so ``HearingState.NONE`` and
``Stratify.NONE`` (both ``"none"``) were one key of the old global ``LABELS`` dict: once the
file-review module was loaded, the hearing state 否 read 不分层. The probe loads every module
in a fresh interpreter and reports what it finds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from chuansha_enforce.domain.enums import EnumMap, HearingState, PartyType
from chuansha_enforce.domain.file_review.file_review_sampling import Stratify

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def probe() -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "enum_registry_probe.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    found: dict[str, object] = json.loads(result.stdout)
    return found


def test_every_module_loads_and_no_label_or_key_is_shared(probe: dict[str, object]) -> None:
    modules = probe["modules"]
    assert isinstance(modules, list)
    assert "chuansha_enforce.domain.file_review.file_review_sampling" in modules
    assert "ui.main_window" in modules
    assert probe["problems"] == []


def test_each_member_keeps_its_own_label_with_everything_loaded(probe: dict[str, object]) -> None:
    members = probe["members"]
    assert isinstance(members, dict)
    assert members["HearingState.NONE"] == "否"
    assert members["HearingState.HELD"] == "已听证"
    assert members["HearingState.WAIVED"] == "放弃听证"
    assert members["Stratify.NONE"] == "不分层"
    assert members["CertificateStatus.VALID"] == "有效"
    assert members["Grade.PASS"] == "合格"
    assert members["DocumentKind.SERVICE_RECEIPT"] == "送达回证"
    assert members["DocumentKind.FORCED_DECISION"] == "强制拆除决定书"
    assert members["Outcome.ORDER_ONLY"] == "仅责令限期拆除"
    assert len(members) == 156  # every member of every labelled enum was seen


def test_the_tables_keyed_by_members_are_per_class(probe: dict[str, object]) -> None:
    tables = probe["tables"]
    assert isinstance(tables, list)
    assert "chuansha_enforce.domain.accounts.accounts.ROLE_PERMISSIONS" in tables
    assert "chuansha_enforce.ledger.sheets.HEADERS" in tables


def test_an_enum_map_holds_one_enum_only() -> None:
    with pytest.raises(TypeError, match=r"Stratify\.NONE.* is not a member of HearingState"):
        EnumMap(HearingState, {HearingState.HELD: 1, Stratify.NONE: 2})  # type: ignore[dict-item]
    table = EnumMap(HearingState, {HearingState.NONE: "否"})
    assert table[HearingState.NONE] == "否"
    assert Stratify.NONE not in table
    assert "none" not in table
    with pytest.raises(KeyError):
        table[Stratify.NONE]  # type: ignore[index]


def test_equal_codes_of_two_enums_keep_two_labels() -> None:
    assert HearingState.NONE == Stratify.NONE  # the same code, "none"
    assert (HearingState.NONE.label, Stratify.NONE.label) == ("否", "不分层")
    assert HearingState.from_label("否") is HearingState.NONE
    assert Stratify.from_label("不分层") is Stratify.NONE
    with pytest.raises(ValueError, match="不分层"):
        HearingState.from_label("不分层")
    assert PartyType("legal_person").label == "法人"
