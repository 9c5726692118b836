"""Resources are found in a checkout and inside a PyInstaller one-folder bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chuansha_enforce.resource_paths import FONT_FILE, font_path, resources_dir, translations_dir

CHECKOUT = Path(__file__).resolve().parents[2]


def _bundle(tmp_path: Path) -> Path:
    """The layout ``make dist`` produces: ``dist/chuansha-enforce/_internal/resources/...``."""
    internal = tmp_path / "chuansha-enforce" / "_internal"
    (internal / "resources" / "fonts").mkdir(parents=True)
    (internal / "resources" / "translations").mkdir()
    (internal / "resources" / "fonts" / FONT_FILE).write_bytes(b"ttcf")
    (internal / "resources" / "translations" / "chuansha_enforce_en.qm").write_bytes(b"qm")
    return internal


@pytest.fixture
def no_override(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.delenv("CHUANSHA_ENFORCE_RESOURCES", raising=False)
    return monkeypatch


def test_checkout_uses_the_resources_folder_beside_the_packages(
    no_override: pytest.MonkeyPatch,
) -> None:
    no_override.delattr(sys, "_MEIPASS", raising=False)
    assert resources_dir() == CHECKOUT / "resources"
    assert font_path().is_file()


def test_frozen_bundle_uses_the_bundle_folder(
    no_override: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    internal = _bundle(tmp_path)
    # What PyInstaller's bootloader sets before any of our code runs.
    no_override.setattr(sys, "frozen", True, raising=False)
    no_override.setattr(sys, "_MEIPASS", str(internal), raising=False)
    no_override.chdir(tmp_path)  # a clerk starts it from anywhere
    assert font_path() == internal / "resources" / "fonts" / FONT_FILE
    assert font_path().read_bytes() == b"ttcf"
    assert (translations_dir() / "chuansha_enforce_en.qm").read_bytes() == b"qm"
    assert CHECKOUT not in font_path().parents


def test_environment_override_wins_over_the_bundle(
    no_override: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    no_override.setattr(sys, "_MEIPASS", str(_bundle(tmp_path)), raising=False)
    elsewhere = tmp_path / "elsewhere"
    no_override.setenv("CHUANSHA_ENFORCE_RESOURCES", str(elsewhere))
    assert translations_dir() == elsewhere / "translations"
