"""Run in a fresh interpreter: load every module of the program, then report, as JSON, each
labelled enum member and every module-level table keyed by enum members.

A fresh process matters: a label that another module overwrites at import time (the old
global ``LABELS`` dict, where ``HearingState.NONE`` and ``Stratify.NONE`` were one key) only
shows once that module is loaded, whatever order the test suite happened to import things in.
"""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
import sys
from collections.abc import Mapping

from chuansha_enforce.domain.enums import EnumMap, LabelledEnum

PACKAGES = ("chuansha_enforce", "ui")


def _subclasses(cls: type[LabelledEnum]) -> list[type[LabelledEnum]]:
    found: list[type[LabelledEnum]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _labels() -> dict[str, str]:
    return {f"{c.__qualname__}.{m.name}": m.label for c in _subclasses(LabelledEnum) for m in c}


def main() -> None:
    before = _labels()  # only the enums module and what it needs are loaded yet
    modules: list[str] = []
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if info.name.endswith(".__main__"):  # runs the program
                continue
            importlib.import_module(info.name)
            modules.append(info.name)
    problems: list[str] = []
    members = {}
    for cls in _subclasses(LabelledEnum):
        for member in cls:
            key = f"{cls.__qualname__}.{member.name}"
            members[key] = member.label
            if cls.from_label(member.label) is not member:
                problems.append(f"{key}: label {member.label!r} does not lead back to it")
            if key in before and before[key] != member.label:
                problems.append(f"{key}: label {before[key]!r} became {member.label!r}")
    tables = []
    for name in sorted(sys.modules):
        if name.split(".")[0] not in PACKAGES:
            continue
        for attr, value in vars(sys.modules[name]).items():
            if not isinstance(value, Mapping):
                continue
            keys = [k for k in value if isinstance(k, enum.Enum)]
            if not keys:
                continue
            where = f"{name}.{attr}"
            classes = {type(k) for k in keys}
            if not isinstance(value, EnumMap):
                problems.append(f"{where}: a plain mapping keyed by enum members")
            if len(classes) > 1 or len(keys) != len(value):
                problems.append(f"{where}: keys of {sorted(c.__name__ for c in classes)} mixed")
            tables.append(where)
    print(
        json.dumps(
            {"modules": modules, "members": members, "tables": tables, "problems": problems},
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
