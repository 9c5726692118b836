"""The GUI's entry point and composition root: ``chuansha-enforce-gui [--db PATH]``.

``--smoke [--screenshot FILE]`` opens the main window on the database, loads the case list,
prints timings as JSON and exits 0: how CI and a packaged build prove the GUI starts.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # the timings --smoke prints count from here

import argparse  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import sys  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from pathlib import Path  # noqa: E402

import platformdirs  # noqa: E402
from PySide6.QtCore import QModelIndex, QSettings, QTranslator  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from chuansha_enforce import __version__  # noqa: E402
from chuansha_enforce.domain.messages import Lang  # noqa: E402
from chuansha_enforce.services.container import Services, build_services  # noqa: E402
from chuansha_enforce.services.database_location import APP_NAME, resolve_db_path, server_url  # noqa: E402
from chuansha_enforce.services.errors import DomainError, StorageError  # noqa: E402
from ui.error_dialogs import error_text, show_error  # noqa: E402
from ui.main_window import MainWindow, select_first_row  # noqa: E402
from ui.qt_setup import (  # noqa: E402
    UI_LANGS,
    install_translators,
    register_bundled_font,
    route_qt_messages_to_log,
)
from ui.window_swap import dress_window  # noqa: E402

# Logging in, the idle lock, recovery and the start-up check are imported where they are
# used: not before the first paint unless that start needs them.

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chuansha-enforce-gui", description="案件台账（图形界面）"
    )
    parser.add_argument("--db", help="数据库文件")
    parser.add_argument("--lang", choices=UI_LANGS, default=None, help="界面语言（默认中文）")
    parser.add_argument("--smoke", action="store_true", help="启动、载入案件列表、输出用时后退出")
    parser.add_argument("--screenshot", help="与 --smoke 同用：把主窗口截图保存到此文件")
    parser.add_argument(
        "--smoke-scroll",
        type=int,
        default=0,
        metavar="N",
        help="与 --smoke 同用：退出前把案件列表滚动到至少 N 行（测内存）",
    )
    return parser


def _log_file() -> Path:
    folder = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "chuansha-enforce.log"


def _ms(since: float) -> float:
    return round((time.perf_counter() - since) * 1000, 1)


def create_application(argv: Sequence[str], lang: Lang) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    register_bundled_font(app)
    install_translators(app, lang)
    return app


def open_services(db: str | None, *, check_integrity: bool = False) -> Services:
    """The window opens without waiting for the quick check; ``StartupCheck`` runs it."""
    return build_services(server_url(db) or resolve_db_path(db), check_integrity=check_integrity)


def qt_button_texts() -> list[str]:
    """What Qt's standard OK / Cancel buttons say: 确定 / 取消 once qtbase_zh_CN is loaded."""
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    try:
        return [box.button(b).text() for b in (box.StandardButton.Ok, box.StandardButton.Cancel)]
    finally:
        box.deleteLater()


def scroll_case_list(window: MainWindow, rows: int) -> float:
    """Page the case list until ``rows`` are loaded (or it ends), show the last; ms taken."""
    started = time.perf_counter()
    model = window.case_model
    while model.rowCount() < rows and model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        window.case_view.scrollToBottom()
        QApplication.processEvents()
    return _ms(started)


def _smoke_report(
    window: MainWindow,
    services: Services,
    args: argparse.Namespace,
    app_ready: float,
    services_ms: float,
) -> int:
    """--smoke: the start-up timings and facts as one JSON line, then close."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shown_ms = _ms(STARTED)
    shown_cpu_ms = round(time.process_time() * 1000, 1)  # the process's CPU until the paint
    scrolled: dict[str, float] = {}
    if args.smoke_scroll:
        scrolled["scroll_ms"] = scroll_case_list(window, args.smoke_scroll)
    if args.screenshot:
        window.grab().save(args.screenshot)
    print(
        json.dumps(
            {
                "app_ready_ms": app_ready,
                "services_ms": services_ms,
                "window_painted_ms": shown_ms,
                "window_painted_cpu_ms": shown_cpu_ms,
                "rows_loaded": window.case_model.rowCount(),
                "cases_total": services.cases.count(),
                "font": app.font().family(),
                "qt_buttons": qt_button_texts(),
                "translators": [
                    t.filePath() for t in app.findChildren(QTranslator) if t.filePath()
                ],
                "sqlite": services.sqlite_version,
                "db": services.location,
                **scrolled,
            },
            ensure_ascii=False,
        )
    )
    window.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    log_path = _log_file()
    logging.basicConfig(
        filename=str(log_path), level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s"
    )
    route_qt_messages_to_log(log_path)
    settings = QSettings(APP_NAME, APP_NAME)
    lang: Lang = args.lang or ("en" if settings.value("ui/lang") == "en" else "zh")
    app = create_application([sys.argv[0]], lang)
    app_ready = _ms(STARTED)
    if not args.smoke:
        from ui.crash_handler import install_crash_handler

        install_crash_handler(log_path)
    opened = time.perf_counter()
    try:
        services = open_services(args.db)
    except (DomainError, StorageError) as exc:
        if args.smoke:
            print(error_text(exc, lang), file=sys.stderr)
            return 1
        if isinstance(exc, DomainError):
            show_error(None, exc, lang)
            return 1
        from ui.startup_recovery import offer_restore

        db_path = resolve_db_path(args.db)
        recovered = offer_restore(exc, db_path, lang, lambda: open_services(args.db))
        if recovered is None:
            return 1
        services = recovered
    services_ms = _ms(opened)
    if services.session.login_required and not args.smoke:
        from ui.login_dialog import log_in_at_start

        logged_in = log_in_at_start(services, lang)
        if logged_in is None:
            return 0
        services = logged_in
    while True:
        with services:
            window = MainWindow(services, settings, lang, remember_geometry=not args.smoke)
            dress_window(window, services, lang)
            window.show()
            select_first_row(window)
            app.processEvents()
            if args.smoke:
                return _smoke_report(window, services, args, app_ready, services_ms)
            from ui.startup_check import StartupCheck  # after the paint

            check = StartupCheck(window)
            try:
                code = app.exec()
            finally:
                check.wait()
            if not window.switch_requested:
                return code
        # 切换用户: the window and its services are closed; whoever logs in gets a new one
        from ui.login_dialog import log_in_again

        again = log_in_again(services.server_url or services.db_path, lang)
        if again is None:
            return 0
        services = again


if __name__ == "__main__":
    raise SystemExit(main())
