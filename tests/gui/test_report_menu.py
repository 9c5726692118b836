"""The 报表 menu: a report built in the background, previewed through QtPdf, printed, saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from chuansha_enforce.services.container import Services
from ui.main_window import MainWindow
from ui.report_preview import ReportPreview


def _window(qtbot: QtBot, services: Services, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    return window


def test_the_annual_report_is_previewed_printed_and_saved_as_the_same_bytes(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "报表(&R)" in titles
    with qtbot.waitSignal(window.report_menu.ready, timeout=60_000) as shown:
        window.report_menu.annual(2024)
    preview = shown.args[0]
    assert isinstance(preview, ReportPreview)
    qtbot.addWidget(preview)
    assert preview.data == demo_services.reports.annual_pdf(2024)
    assert preview.document.pageCount() >= 2
    # printing paints the same pages (to a PDF printer here)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    preview.print_to(printer)
    assert printed.stat().st_size > 10_000
    saved = tmp_path / "annual.pdf"
    assert preview.save_as(saved)
    assert saved.read_bytes() == preview.data
    preview.close()
    window.close()


def test_a_case_report_for_the_selected_case_and_an_error(
    qtbot: QtBot, demo_copy_services: Services, tmp_path: Path
) -> None:
    demo_services = demo_copy_services  # making a full case summary writes its audit record
    window = _window(qtbot, demo_services, tmp_path)
    window.case_view.selectRow(0)
    case_no = window.report_menu.selected_case_no()
    assert case_no == window.case_model.case_at(0).case_no
    expected = demo_services.reports.case_pdf(case_no)  # (its footer: the audit head before)
    with qtbot.waitSignal(window.report_menu.ready, timeout=60_000) as shown:
        window.report_menu.case(case_no)
    preview = shown.args[0]
    qtbot.addWidget(preview)
    assert preview.data == expected
    preview.close()
    logged = demo_services._db.execute(
        "SELECT object_id, outcome FROM audit_log WHERE action = 'report.case_full'"
    ).fetchall()
    assert logged == [(case_no, "ok")]  # the full-data copy, logged once it was made
    with qtbot.waitSignal(window.report_menu.failed, timeout=60_000) as failed:
        window.report_menu.case("川执立〔1999〕1号")
    assert "找不到案件" in failed.args[0]
    assert window.report_menu.error_box is not None
    window.report_menu.error_box.close()
    window.close()


def test_a_case_summary_cancelled_before_it_is_shown_is_logged_as_cancelled(
    qtbot: QtBot, demo_copy_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_copy_services, tmp_path)
    case_no = window.case_model.case_at(0).case_no
    window.report_menu.case(case_no)
    assert window.report_menu.progress is not None
    cancel = window.report_menu.progress.findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "取消"
    cancel.click()

    def logged() -> list[tuple[str, str]]:
        return demo_copy_services._db.execute(
            "SELECT object_id, outcome FROM audit_log WHERE action = 'report.case_full'"
        ).fetchall()

    qtbot.waitUntil(lambda: logged() != [], timeout=60_000)
    assert logged() == [(case_no, "cancelled")]  # no copy reached the user
    assert window.report_menu.preview is None
    window.close()


def test_the_disclosure_export_writes_the_csv(
    qtbot: QtBot, demo_services: Services, tmp_path: Path
) -> None:
    window = _window(qtbot, demo_services, tmp_path)
    path = tmp_path / "双公示.csv"
    assert window.report_menu.export_disclosure(path, 2024)
    assert path.read_bytes() == demo_services.reports.disclosure_csv(2024)[0]
    assert "已导出" in window.statusBar().currentMessage()
    window.close()
