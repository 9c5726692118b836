"""``doc list`` and ``doc make`` as a user runs them: in-process with the fixed clock, and the
installed command in its own process on a fresh demo book (nothing there depends on today); on
both backends (a file and a server database, tests/server_backend)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
from pypdf import PdfReader

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.container import build_services
from tests.backend_book import another_book, by_hand
from tests.cli_clock import main
from tests.conftest import database_digest
from tests.integration.test_documents import FINE_NO, NOW, D, _fine_case, _simple, text_of

EXE = Path(sys.executable).with_name("chuansha-enforce")
SIMPLE_NO = "沪浦川执简〔2024〕000008号"


def _fine_db(path: Path | str) -> Path | str:
    with build_services(path, FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        _fine_case(svc)
    return path


def test_doc_list_and_make_in_process(backend: Path | str, tmp_path: Path) -> None:
    db = _fine_db(backend)
    out = io.StringIO()
    assert main(["--db", str(db), "doc", "list", FINE_NO], out) == 0
    lines = out.getvalue().splitlines()
    assert "penalty_decision\t行政处罚决定书\t可制作" in lines
    assert "closing_approval\t结案审批表\t尚缺：结案" in lines
    assert "deferral_decision\t延期（分期）缴纳决定书\t尚缺：延期（分期）缴纳批准" in lines
    target = tmp_path / "决定书.docx"
    out = io.StringIO()
    assert (
        main(["--db", str(db), "doc", "make", FINE_NO, "行政处罚决定书", "-o", str(target)], out)
        == 0
    )
    assert out.getvalue().strip() == f"已生成行政处罚决定书（沪浦川执罚〔2024〕000001号）：{target}"
    assert "壹仟零伍元叁角整" in text_of(target)
    out = io.StringIO()
    assert main(["--db", str(db), "doc", "list", FINE_NO], out) == 0
    assert (
        "penalty_decision\t行政处罚决定书\t已制作于 2026-11-27（沪浦川执罚〔2024〕000001号）"
        in out.getvalue()
    )


def test_doc_make_refusals_name_the_reason_and_change_nothing(
    backend: Path | str, tmp_path: Path
) -> None:
    db = _fine_db(backend)
    before = database_digest(db)
    err = io.StringIO()
    sys_stderr, sys.stderr = sys.stderr, err
    try:
        code = main(
            ["--db", str(db), "doc", "make", FINE_NO, "结案审批表", "-o", str(tmp_path / "a.docx")]
        )
        unknown = main(
            ["--db", str(db), "doc", "make", FINE_NO, "罚单", "-o", str(tmp_path / "b.docx")]
        )
    finally:
        sys.stderr = sys_stderr
    assert (code, unknown) == (1, 1)
    assert f"{FINE_NO} 还不能制作结案审批表：尚缺 结案" in err.getvalue()
    assert "没有“罚单”这种文书" in err.getvalue()
    assert not (tmp_path / "a.docx").exists()
    assert database_digest(db) == before


def test_doc_make_as_an_installed_command(backend: Path | str, tmp_path: Path) -> None:
    db = backend
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [str(EXE), "--db", str(db), *args],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert "Traceback" not in result.stderr, result.stderr
        return result

    assert run("demo", "--cases", "5", "--seed", "3").returncode == 0
    with by_hand(db) as conn:
        case_no, party = conn.execute(
            "SELECT c.case_no, p.name FROM general_cases c JOIN parties p ON p.id = c.party_id"
            " ORDER BY c.id LIMIT 1"
        ).fetchone()
    target = tmp_path / "立案审批表.docx"
    made = run("doc", "make", case_no, "filing_approval", "-o", str(target))
    assert made.returncode == 0, made.stderr
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert f"案件编号：{case_no}" in text
    assert f"当事人：{party}" in text
    wrong = run("doc", "make", case_no, "filing_approval", "-o", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 1
    assert ".docx" in wrong.stderr


def test_the_ledger_carries_the_address_and_the_legal_representative(
    backend: Path | str, tmp_path: Path
) -> None:
    """Exported from the case record, imported into an empty file, printed on the decision."""
    db = _fine_db(backend)
    with build_services(db, FixedClock(NOW)) as first:
        first.ledger.export_ledger(tmp_path / "台账.xlsx", 2024)
    with (
        another_book(backend, tmp_path, "b.db") as empty,
        build_services(empty, FixedClock(NOW)) as second,
    ):
        report = second.ledger.import_file(tmp_path / "台账.xlsx")
        assert report.errors == ()
        party = second.case_files.find(FINE_NO).party
        assert (party.address, party.legal_representative) == ("上海市浦东新区川沙路100号", "王五")


def test_the_internal_case_summary_names_the_legal_representative(backend: Path | str) -> None:
    db = _fine_db(backend)
    with build_services(db, FixedClock(NOW)) as svc:
        data = svc.reports.case_pdf(FINE_NO)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "法定代表人（负责人）" in text
    assert "王五" in text


def test_a_document_of_the_other_procedure_is_refused_as_not_applying(
    tmp_path: Path,
) -> None:
    """The installed command: a simple decision makes only its 当场行政处罚决定书, a general
    case never makes one; each refusal says so (not "尚缺 处罚决定") and changes nothing."""
    db = tmp_path / "book.db"
    with build_services(db, FixedClock(NOW)) as svc:
        svc.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        svc.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        _fine_case(svc)
        _simple(svc, SIMPLE_NO, D(2024, 1, 2), 20_000)
    before = database_digest(db)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}

    def refused(number: str, kind: str) -> str:
        result = subprocess.run(
            [str(EXE), "--db", str(db), "doc", "make", number, kind, "-o",
             str(tmp_path / "x.docx")],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 1, result.stdout
        assert "Traceback" not in result.stderr
        return result.stderr.strip()

    assert refused(SIMPLE_NO, "立案审批表") == (
        "文书种类：沪浦川执简〔2024〕000008号 是简易程序决定，只制作当场行政处罚决定书，"
        "不制作立案审批表"
    )
    assert refused(FINE_NO, "当场行政处罚决定书") == (
        "文书种类：当场行政处罚决定书只用于简易程序决定；川执立〔2024〕1号 是一般程序案件，"
        "请选择其他文书（doc list 列出可制作的文书）"
    )
    assert not (tmp_path / "x.docx").exists()
    assert database_digest(db) == before
