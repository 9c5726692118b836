"""Check a built bundle (``make dist``) the way a clerk's PC would run it; builds nothing.

    python3 packaging/check_bundle.py [dist/chuansha-enforce]      (or: make check-dist)

Standard library only, so any Python 3 can run it. The bundle's programs run with a bare
environment (``env -i PATH=/usr/bin:/bin``, a fresh HOME, no project venv) and a fontconfig
that knows no fonts, so the Chinese text must come from the bundled font:

- the folder holds both programs, the font and its licence, our .qm, Qt's qtbase_zh_CN.qm, and
  none of the Qt modules / libraries the program does not use;
- the frozen CLI fills a temporary database (``demo``), prints ``stats --year 2025`` (text and
  JSON) and writes the annual PDF;
- the frozen GUI starts offscreen on it (``--smoke --screenshot``): the case list loads, the
  bundled font is the application font, Qt's translator comes from inside the bundle and Qt's
  standard buttons say 确定 / 取消; ``--lang en`` loads our English .qm.

Prints what it checked and exits 1 on the first failure.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GUI = "chuansha-enforce-gui"
CLI = "chuansha-enforce"
YEAR = "2025"
REQUIRED = (
    "resources/fonts/wqy-microhei.ttc",
    "resources/fonts/COPYRIGHT.txt",
    "resources/fonts/LICENSE-Apache-2.0.txt",
    "resources/translations/chuansha_enforce_en.qm",
    "resources/templates/penalty_decision.docx",  # 执法文书
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/QtPdf.abi3.so",  # the report preview
    "PySide6/QtPdfWidgets.abi3.so",
)
UNUSED = ("QtQml", "QtQuick", "QtWebEngine", "Qt3D", "QtMultimedia", "tkinter", "_tkinter")


class CheckFailed(Exception):
    pass


def check(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)
    print(f"  ok  {what}")


def run(argv: list[str], env: dict[str, str], timeout: float = 180) -> str:
    result = subprocess.run(
        argv, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise CheckFailed(
            f"{' '.join(argv)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
    return result.stdout


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        raise CheckFailed(f"{path} is not a PNG")
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def bare_env(tmp: Path) -> dict[str, str]:
    """No venv, no user settings, and a fontconfig without any font (a PC without CJK fonts)."""
    fonts_conf = tmp / "no-fonts.conf"
    fonts_conf.write_text(
        "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
        f"<dir>{tmp / 'no-fonts'}</dir><cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    home = tmp / "home"
    home.mkdir()
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(fonts_conf),
    }


def check_layout(bundle: Path) -> Path:
    print(f"bundle {bundle}")
    for program in (GUI, CLI):
        check((bundle / program).is_file(), f"{program} is in the folder")
    internal = bundle / "_internal"
    internal = internal if internal.is_dir() else bundle  # PyInstaller < 6 had no _internal
    for relative in REQUIRED:
        check((internal / relative).is_file(), f"{relative} is bundled")
    qt_qms = sorted(p.name for p in (internal / "PySide6/Qt/translations").glob("*.qm"))
    check(qt_qms == ["qtbase_zh_CN.qm"], f"only Qt's Chinese translation is bundled: {qt_qms}")
    unused = sorted(
        str(p.relative_to(internal))
        for p in internal.rglob("*")
        if p.name.startswith(UNUSED)
        or p.name.startswith(
            ("libQt6Qml", "libQt6Quick", "libQt6WebEngine", "libQt6Multimedia", "libQt6Virtual")
        )
        or p.name == "libqtvirtualkeyboardplugin.so"  # PySide6-Addons' (build.spec leaves it)
    )
    check(not unused, f"no unused Qt module or tkinter {unused if unused else ''}".rstrip())
    return internal


def report_system_requirements(internal: Path) -> None:
    """What an offscreen run cannot show: the glibc the bundle needs, and X11 libraries the
    build machine did not have (so they are not bundled and the target PC must provide them)."""
    if not sys.platform.startswith("linux"):
        return
    needed = max(
        (
            tuple(int(part) for part in match.split(b"."))
            for lib in internal.rglob("*.so*")
            if lib.is_file()
            for match in re.findall(rb"GLIBC_(2\.\d+(?:\.\d+)?)\x00", lib.read_bytes())
        ),
        default=(0,),
    )
    print(f"  info  the bundle needs glibc >= {'.'.join(map(str, needed))} on the target PC")
    xcb = internal / "PySide6/Qt/plugins/platforms/libqxcb.so"
    if not (xcb.is_file() and shutil.which("ldd")):
        return
    ldd = subprocess.run(
        ["ldd", str(xcb)],
        env={"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(internal)},
        capture_output=True,
        text=True,
        check=False,
    )
    missing = sorted({line.split()[0] for line in ldd.stdout.splitlines() if "not found" in line})
    if missing:
        print(
            f"  warn  the X11 plugin needs {', '.join(missing)}, absent on the build machine and"
            " so not bundled: the target PC must have them (libxcb-icccm4, libxcb-keysyms1)"
        )


def check_cli(bundle: Path, db: Path, out: Path, env: dict[str, str]) -> None:
    cli = str(bundle / CLI)
    print(run([cli, "--db", str(db), "demo"], env).strip())
    text = run([cli, "--db", str(db), "stats", "--year", YEAR], env).strip()
    print(text)
    check(text.startswith(f"{YEAR}年："), f"frozen CLI prints the {YEAR} totals in Chinese")
    stats = json.loads(run([cli, "--db", str(db), "stats", "--year", YEAR, "--json"], env))
    check(stats["year"] == int(YEAR), "stats --json names the year")
    check(stats["general"]["filed"] > 0, f"general.filed = {stats['general']['filed']}")
    check(stats["general"]["fines_decided_fen"] > 0, "general.fines_decided_fen > 0")
    pdf = out / "annual.pdf"
    run([cli, "--db", str(db), "report", "annual", "--year", YEAR, "-o", str(pdf)], env)
    check(pdf.read_bytes()[:5] == b"%PDF-", f"report annual wrote a PDF ({pdf.stat().st_size} B)")


def check_gui(
    bundle: Path, internal: Path, db: Path, shot: Path, env: dict[str, str]
) -> dict[str, Any]:
    gui = str(bundle / GUI)
    out = run([gui, "--db", str(db), "--smoke", "--screenshot", str(shot)], env)
    report = json.loads(out.strip().splitlines()[-1])
    print(json.dumps(report, ensure_ascii=False))
    check(report["rows_loaded"] > 0, f"the case list loaded {report['rows_loaded']} rows")
    check(report["font"] == "WenQuanYi Micro Hei", f"application font {report['font']}")
    check(report["qt_buttons"] == ["确定", "取消"], f"Qt's buttons say {report['qt_buttons']}")
    qt_qm = [Path(p) for p in report["translators"]]
    check(
        any(p.name == "qtbase_zh_CN.qm" and p.is_relative_to(internal.resolve()) for p in qt_qm),
        "Qt's translator was loaded from inside the bundle",
    )
    width, height = png_size(shot)
    check(width >= 600 and height >= 400, f"screenshot {shot} is {width}×{height}")
    english = json.loads(
        run([gui, "--db", str(db), "--lang", "en", "--smoke"], env).strip().splitlines()[-1]
    )
    check(
        any(Path(p).name == "chuansha_enforce_en.qm" for p in english["translators"]),
        "--lang en loads our English translation",
    )
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "chuansha-enforce"))
    parser.add_argument("--screenshot", help="keep the GUI screenshot here (default: temporary)")
    args = parser.parse_args(argv)
    bundle = Path(args.bundle).resolve()
    with tempfile.TemporaryDirectory(prefix="check-bundle-") as folder:
        tmp = Path(folder)
        env = bare_env(tmp)
        db = tmp / "cases.db"
        shot = Path(args.screenshot).resolve() if args.screenshot else tmp / "smoke.png"
        try:
            internal = check_layout(bundle)
            report_system_requirements(internal)
            check_cli(bundle, db, tmp, env)
            check_gui(bundle, internal, db, shot, env)
        except (CheckFailed, OSError, subprocess.TimeoutExpired, KeyError, ValueError) as exc:
            print(f"FAILED: {exc}", file=sys.stderr)
            return 1
    print("bundle OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
