"""packaging/check_platforms.py: the platform tags and markers it checks the pins against.

The pip resolution itself needs the network; `make check-platforms` runs it in `.ci/run`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "check_platforms.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_platforms", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_platforms"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


cp = _load()
LINUX, WINDOWS = cp.TARGETS


def test_a_glibc_2_28_machine_accepts_every_older_manylinux_tag() -> None:
    tags = cp.manylinux_platforms("x86_64", 28)
    assert tags[:2] == ("manylinux_2_28_x86_64", "manylinux_2_27_x86_64")
    assert "manylinux_2_5_x86_64" in tags
    assert "manylinux2014_x86_64" in tags
    assert "manylinux1_x86_64" in tags
    assert "manylinux_2_29_x86_64" not in tags
    assert "manylinux_2_34_x86_64" not in tags
    assert len(tags) == 27  # 2_28 … 2_5, and the three legacy names


def test_the_targets_are_the_office_platforms() -> None:
    assert LINUX.name == "manylinux_2_28_x86_64"
    assert LINUX.platforms[0] == "manylinux_2_28_x86_64"
    assert WINDOWS.platforms == ("win_amd64",)


def test_pins_with_markers_apply_only_on_their_platform(tmp_path: Path) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text(
        'colorama==0.4.6; sys_platform == "win32"\n# a comment\n\npytest==9.2.0\n',
        encoding="utf-8",
    )
    pins = cp.read_pins(constraints)
    assert [str(pin) for pin in pins] == [
        'colorama==0.4.6; sys_platform == "win32"',
        "pytest==9.2.0",
    ]
    assert [pin.name for pin in pins if cp.applies(pin.marker, WINDOWS)] == ["colorama", "pytest"]
    assert [pin.name for pin in pins if cp.applies(pin.marker, LINUX)] == ["pytest"]


def test_a_windows_only_need_must_be_pinned() -> None:
    """pip on Linux evaluates markers for Linux; the check walks them for Windows itself."""
    project = ("app", [Requirement("pytest>=8"), Requirement("hypothesis; extra == 'dev'")])
    metadata = {
        canonicalize_name("pytest"): [
            Requirement('colorama>=0.4; sys_platform == "win32"'),
            Requirement("pluggy>=1.5"),
        ],
        canonicalize_name("pluggy"): [Requirement("pytest; extra == 'testing'")],
        canonicalize_name("hypothesis"): [],
    }
    pinned = {
        canonicalize_name("pytest"): Version("9.2.0"),
        canonicalize_name("pluggy"): Version("1.4"),
        canonicalize_name("hypothesis"): Version("6.170.17"),
    }
    assert cp.unpinned_needs(LINUX, pinned, metadata, project) == [
        "pytest needs pluggy>=1.5; constraints.txt pins pluggy==1.4"
    ]
    assert sorted(cp.unpinned_needs(WINDOWS, pinned, metadata, project)) == [
        'pytest needs colorama>=0.4; sys_platform == "win32" but constraints.txt pins no colorama',
        "pytest needs pluggy>=1.5; constraints.txt pins pluggy==1.4",
    ]


def test_a_range_is_not_a_pin(tmp_path: Path) -> None:
    constraints = tmp_path / "constraints.txt"
    constraints.write_text("pytest>=9\n", encoding="utf-8")
    with pytest.raises(SystemExit) as raised:
        cp.read_pins(constraints)
    assert str(raised.value) == "constraints.txt: 'pytest>=9' is not an exact pin (name==version)"
