"""``make run``: fill the user's database with demo data on first run, then start the GUI.

On a Linux machine without a display, say how to run it instead of letting Qt abort,
and prove the program starts with an offscreen ``--smoke`` run.
"""

from __future__ import annotations

import os
import subprocess
import sys


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


def main() -> int:
    bin_dir = os.path.dirname(sys.executable)
    cli = os.path.join(bin_dir, "chuansha-enforce")
    gui = os.path.join(bin_dir, "chuansha-enforce-gui")
    # A file that cannot take the demo (damaged, say) still opens in the GUI, which offers
    # its recovery; the CLI has already said what is wrong.
    subprocess.run([cli, "demo", "--if-empty"], check=False)
    if has_display(os.environ):
        return subprocess.run([gui, *sys.argv[1:]], check=False).returncode
    print(NO_DISPLAY, flush=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([gui, "--smoke", *sys.argv[1:]], env=env, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())
