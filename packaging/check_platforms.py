"""Check that the pinned set installs, from binary wheels, on every platform we ship for.

    .venv/bin/python packaging/check_platforms.py [constraints.txt]     (or: make check-platforms)

Office PCs are Windows 10/11 x64 and, in government offices, UOS 20 / Kylin V10 (glibc 2.28,
x86_64). For each target this asks pip (``--dry-run`` with ``--platform``, ``--python-version
3.11``, ``--only-binary=:all:``; nothing is installed) for a wheel of every pin in
``constraints.txt`` that applies there, and fails naming the pins that have none.

Two things pip's platform options do not do by themselves, done here:

- pip takes ``--platform manylinux_2_28_x86_64`` literally, while pip on a glibc 2.28 machine
  also accepts manylinux_2_27 … manylinux_2_5 (and manylinux2014/2010/1): all of them are passed.
- pip evaluates environment markers for the machine it runs on, not for ``--platform``; so the
  dependency closure is walked here with the target's markers (``sys_platform == "win32"`` …),
  from the wheels' own metadata, and every package it needs must be pinned (a Windows-only
  dependency such as pefile or colorama needs a pin with a marker, else Windows would take
  whatever version is newest on the day).

A pure-Python package that publishes only an sdist fails here too: the bundle is built from
wheels on each platform, so pick a version (or a package) that has a ``py3-none-any`` wheel.
Needs network access to the package index. Exits 1 on any failure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYTHON_VERSION = "3.11"
GLIBC_MINOR = 28  # UOS 20 / Kylin V10


@dataclass(frozen=True)
class Target:
    name: str
    platforms: tuple[str, ...]
    markers: dict[str, str]


def manylinux_platforms(arch: str, glibc_minor: int) -> tuple[str, ...]:
    """The platform tags pip accepts on a glibc 2.<glibc_minor> machine, newest first."""
    tags = [f"manylinux_2_{minor}_{arch}" for minor in range(glibc_minor, 4, -1)]
    legacy = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}
    tags += [f"{alias}_{arch}" for minor, alias in legacy.items() if minor <= glibc_minor]
    return tuple(tags)


PYTHON_MARKERS = {
    "python_version": PYTHON_VERSION,
    "python_full_version": f"{PYTHON_VERSION}.0",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}
TARGETS = (
    Target(
        "manylinux_2_28_x86_64",
        manylinux_platforms("x86_64", GLIBC_MINOR),
        {
            **PYTHON_MARKERS,
            "sys_platform": "linux",
            "platform_system": "Linux",
            "os_name": "posix",
            "platform_machine": "x86_64",
        },
    ),
    Target(
        "win_amd64",
        ("win_amd64",),
        {
            **PYTHON_MARKERS,
            "sys_platform": "win32",
            "platform_system": "Windows",
            "os_name": "nt",
            "platform_machine": "AMD64",
        },
    ),
)


def applies(marker: Marker | None, target: Target, extra: str = "") -> bool:
    return marker is None or marker.evaluate({**target.markers, "extra": extra})


def read_pins(path: Path) -> list[Requirement]:
    pins = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split(" #", 1)[0].strip()
        if not text or text.startswith("#"):
            continue
        pin = Requirement(text)
        specs = list(pin.specifier)
        if len(specs) != 1 or specs[0].operator != "==":
            raise SystemExit(f"{path.name}: {text!r} is not an exact pin (name==version)")
        pins.append(pin)
    return pins


def project_requirements() -> tuple[str, list[Requirement]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    # dev: the bundle is built on each platform with the dev tools (PyInstaller) installed
    reqs += [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return project["name"], reqs


def resolve_wheels(pins: list[Requirement], target: Target, scratch: Path) -> dict[str, Any]:
    """pip's choice of wheel for each pin on the target, or a failure naming the pins."""
    report = scratch / f"{target.name}.json"
    argv = [
        sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
        "--no-deps", "--only-binary=:all:", "--python-version", PYTHON_VERSION,
        "--implementation", "cp", "--abi", f"cp{PYTHON_VERSION.replace('.', '')}",
        "--target", str(scratch / "target"), "--report", str(report),
    ]  # fmt: skip
    for platform in target.platforms:
        argv += ["--platform", platform]
    argv += [f"{pin.name}=={version_of(pin)}" for pin in pins]
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        # pip stops at the first pin without a wheel and names it
        missing = [
            line
            for line in result.stderr.splitlines()
            if line.startswith(("ERROR: Could not find", "ERROR: No matching"))
        ] or result.stderr.splitlines()[-5:]
        raise CheckFailed("\n".join(missing))
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def version_of(pin: Requirement) -> Version:
    return Version(next(iter(pin.specifier)).version)


class CheckFailed(Exception):
    pass


def unpinned_needs(
    target: Target,
    pinned: dict[NormalizedName, Version],
    metadata: dict[NormalizedName, list[Requirement]],
    project: tuple[str, list[Requirement]],
) -> list[str]:
    """Walk the target's dependency closure with its markers; what is needed but not pinned."""
    problems: list[str] = []
    name, requirements = project
    todo: list[tuple[str, Requirement, str]] = [(name, req, "dev") for req in requirements]
    seen: set[tuple[NormalizedName, str]] = set()
    while todo:
        parent, req, extra = todo.pop()
        if not applies(req.marker, target, extra):
            continue
        dep = canonicalize_name(req.name)
        if dep not in pinned:
            problems.append(f"{parent} needs {req} but constraints.txt pins no {dep}")
            continue
        if not req.specifier.contains(pinned[dep], prereleases=True):
            problems.append(f"{parent} needs {req}; constraints.txt pins {dep}=={pinned[dep]}")
        for wanted in ("", *sorted(req.extras)):
            if (dep, wanted) in seen:
                continue
            seen.add((dep, wanted))
            todo += [(dep, sub, wanted) for sub in metadata.get(dep, [])]
    return problems


def check_target(target: Target, pins: list[Requirement], scratch: Path) -> list[str]:
    here = [pin for pin in pins if applies(pin.marker, target)]
    report = resolve_wheels(here, target, scratch)
    metadata: dict[NormalizedName, list[Requirement]] = {}
    for item in report["install"]:
        meta = item["metadata"]
        wheel = item["download_info"]["url"].rsplit("/", 1)[-1]
        print(f"  {meta['name']}=={meta['version']}: {wheel}")
        metadata[canonicalize_name(meta["name"])] = [
            Requirement(r) for r in meta.get("requires_dist", [])
        ]
    pinned = {canonicalize_name(pin.name): version_of(pin) for pin in here}
    return unpinned_needs(target, pinned, metadata, project_requirements())


def main(argv: list[str]) -> int:
    constraints = Path(argv[0]) if argv else ROOT / "constraints.txt"
    pins = read_pins(constraints)
    failed = False
    with tempfile.TemporaryDirectory(prefix="check-platforms-") as tmp:
        for target in TARGETS:
            print(f"{target.name} (Python {PYTHON_VERSION}, binary wheels only):")
            try:
                problems = check_target(target, pins, Path(tmp))
            except CheckFailed as exc:
                problems = [f"no wheel for a pin:\n{exc}"]
            for problem in problems:
                print(f"  FAIL {problem}")
            failed = failed or bool(problems)
            if not problems:
                print(f"  ok  every pin has a wheel for {target.name}, and every need is pinned")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
