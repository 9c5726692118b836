"""Optimistic versions for the edits around a case (issue 23), on a file and on a server.

Disputes (行政复议/诉讼 attached to a case), 文书 made for a case and a review's submission
and extension change what the case shows: each claims the case's version first. Made from a
stale view of the case (``--version N``) it is refused with "已被他人修改，请刷新后再试" and
nothing is written; made from the version the case is at, it passes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import database_digest
from tests.integration.test_case_versions import (
    NO,
    STALE,
    _book,
    _cli,
    _version,
    installed_stale_then_fresh,
)

DISPUTE = ["dispute", "add", "--kind", "复议", "--no", "浦府复字〔2026〕第12号",
           "--applicant", "张三", "--body", "浦东新区人民政府", "--received", "2026-11-20",
           "--case", NO]  # fmt: skip


@pytest.fixture
def book(backend: str | Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str | Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    _book(backend)
    return backend


def _refused(book: str | Path, *args: str) -> None:
    """The command, made from a stale version, is refused with the sentence; nothing moves."""
    before = database_digest(book)
    code, out, err = _cli(book, *args)
    assert (code, out, err.strip()) == (1, "", STALE)
    assert database_digest(book) == before


def test_dispute_edits_claim_the_case_version(book: str | Path) -> None:
    assert _cli(book, "case", "complex", NO, "--reason", "涉及多个违法主体")[0] == 0
    assert _version(book) == 1
    _refused(book, *DISPUTE, "--version", "0")
    assert json.loads(_cli(book, "dispute", "list", "--json")[1]) == []
    code, out, _err = _cli(book, *DISPUTE, "--version", "1", "--json")
    assert code == 0
    added = json.loads(out)
    assert (added["case_no"], added["case_version"]) == (NO, 2)  # the add raised it
    dispute_id = str(added["id"])
    assert _version(book) == 2
    _refused(book, "dispute", "update", dispute_id, "--replied", "2026-11-25", "--version", "1")
    assert _cli(book, "dispute", "update", dispute_id, "--replied", "2026-11-25",
                "--version", "2")[0] == 0  # fmt: skip
    assert _version(book) == 3
    correct = ["dispute", "correct", dispute_id, "--field", "申请人", "--value", "张叁",
               "--reason", "笔误"]  # fmt: skip
    _refused(book, *correct, "--version", "2")
    assert _cli(book, *correct, "--version", "3")[0] == 0
    assert _cli(book, "dispute", "update", dispute_id, "--notes", "已答复")[0] == 0  # no version
    assert _version(book) == 5
    shown = json.loads(_cli(book, "dispute", "show", dispute_id, "--json")[1])
    assert (shown["applicant"], shown["replied_on"], shown["case_version"]) == (
        "张叁",
        "2026-11-25",
        5,
    )


def test_a_document_made_from_a_stale_view_is_refused(book: str | Path, tmp_path: Path) -> None:
    target = tmp_path / "立案审批表.docx"
    make = ["doc", "make", NO, "filing_approval", "-o", str(target)]
    assert _cli(book, "case", "complex", NO, "--reason", "涉及多个违法主体")[0] == 0
    _refused(book, *make, "--version", "0")
    assert not target.exists()
    assert _cli(book, *make, "--version", "1")[0] == 0
    assert target.stat().st_size > 0
    assert _version(book) == 2
    made = json.loads(_cli(book, "doc", "list", NO, "--json")[1])
    assert [m["kind"] for m in made if m["first_made_at"]] == ["filing_approval"]


def test_review_submission_and_extension_carry_the_version(book: str | Path) -> None:
    submit = ["review", "submit", NO, "-m", "调查终结报告"]
    _refused(book, *submit, "--version", "1")
    assert json.loads(_cli(book, "review", "queue", "--json")[1]) == []
    assert _cli(book, *submit, "--version", "0")[0] == 0
    queue = json.loads(_cli(book, "review", "queue", "--json")[1])
    assert [(q["case_no"], q["version"]) for q in queue] == [(NO, 1)]
    extend = ["review", "extend", NO, "--approved-by", "赵队长", "--reason", "案情复杂"]
    _refused(book, *extend, "--version", "0")
    assert _cli(book, *extend, "--version", "1")[0] == 0
    queue = json.loads(_cli(book, "review", "queue", "--json")[1])
    assert [(q["extended"], q["version"]) for q in queue] == [(True, 2)]


def test_the_installed_command_refuses_a_stale_dispute_update(
    book: str | Path, tmp_path: Path
) -> None:
    """``dispute update --version N`` in the installed command's own process: refused with the
    sentence and exit 1, nothing written, when the case moved on; the version read passes."""
    code, out, _err = _cli(book, *DISPUTE, "--json")
    assert code == 0
    dispute_id = str(json.loads(out)["id"])  # the case now at version 1
    update = ["dispute", "update", dispute_id, "--replied", "2026-11-25"]
    installed_stale_then_fresh(book, tmp_path, update)
