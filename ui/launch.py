"""``make run``: start the GUI on the user's database when it has cases, else on a separate
demo database filled on first run (demo cases never go into the user's own file); it says
where each lives.

On a Linux machine without a display, say how to run it instead of letting Qt abort,
and prove the program starts with an offscreen ``--smoke`` run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from chuansha_enforce.services.database_location import resolve_db_path

DEMO_FILE = "demo-cases.db"


def has_display(environ: dict[str, str] | os._Environ[str]) -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    if environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0"
    " libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0"
)
"""The Debian (UOS, Kylin) packages Qt's xcb platform plugin loads; a desktop install has them,
a minimal or server install often does not."""

NO_DISPLAY = f"""\
没有可用的显示器（未设置 DISPLAY / WAYLAND_DISPLAY），无法打开窗口。
  · 在虚拟显示器上运行：xvfb-run -a .venv/bin/chuansha-enforce-gui
    （Debian/UOS/麒麟：apt-get install xvfb {XCB_PACKAGES}）
  · 或只检查能否启动：QT_QPA_PLATFORM=offscreen .venv/bin/chuansha-enforce-gui --smoke
No display (DISPLAY / WAYLAND_DISPLAY unset): run it under Xvfb as above, or use --smoke.
现在以 offscreen 方式做一次启动检查 / Running an offscreen start-up check now:"""


def has_cases(cli: str, db: Path) -> bool:
    """Whether the user's database holds cases (asked read-only of the CLI)."""
    if not db.exists():
        return False
    listed = subprocess.run(
        [cli, "--db", str(db), "case", "list", "--limit", "1"],
        capture_output=True,
        text=True,
        check=False,
    )
    return bool(listed.stdout.strip())


def choose_database(cli: str, real: Path, demo_args: Sequence[str] = ()) -> tuple[Path, str]:
    """The file to open and what to tell the user: the user's own file when it has cases,
    else the demo file beside it (filled once). The user's file is never written here."""
    if has_cases(cli, real):
        return real, f"打开您的数据库：{real}"
    demo = real.with_name(DEMO_FILE)
    # A file that cannot take the demo (damaged, say) still opens in the GUI, which offers
    # its recovery; the CLI has already said what is wrong.
    subprocess.run([cli, "--db", str(demo), "demo", "--if-empty", *demo_args], check=False)
    return demo, (
        f"打开演示数据库：{demo}（演示案件只在这里）\n"
        f"您的数据库：{real}（尚无案件；导入台账或录入案件后，make run 会打开它）"
    )


def main() -> int:
    bin_dir = os.path.dirname(sys.executable)
    cli = os.path.join(bin_dir, "chuansha-enforce")
    gui = os.path.join(bin_dir, "chuansha-enforce-gui")
    db, said = choose_database(cli, resolve_db_path(None))
    print(said, flush=True)
    if has_display(os.environ):
        return subprocess.run([gui, "--db", str(db), *sys.argv[1:]], check=False).returncode
    print(NO_DISPLAY, flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [gui, "--db", str(db), "--smoke", *sys.argv[1:]]
    return subprocess.run(command, env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
