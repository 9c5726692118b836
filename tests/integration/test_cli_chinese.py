"""Issue 21 §4: in Chinese mode every CLI command speaks Chinese.

Every command's help and usage errors, and the real output of every command family, are
scanned for English words. What may stay in Latin letters: codes and numbers, file names and
paths, the allow-listed units and formats (PDF, JSON, …), and in help texts the command,
option and choice names a user types.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from chuansha_enforce.cli.main import _parser
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.file_review.file_review_scoring import DEFAULT_SHEET
from chuansha_enforce.domain.review.review_checklist import CHECKLIST
from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS
from tests.cli_clock import main
from tests.conftest import NOW
from tests.review_setup import CASE_NO, PASSWORDS, prepared
from tests.server_backend import is_server

ALLOWED = frozenset(
    {"PDF", "pdf", "CSV", "csv", "JSON", "xlsx", "docx", "SQLite", "ID", "URL", "db", "WPS", "Word"}
)
"""Units and formats a clerk reads as they are."""
WORD = re.compile(r"[A-Za-z]{2,}")
SEPARATORS = re.compile(r"[\s，。；：、（）()\[\]{}|,:;'\"“”=<>≥…]+")


def _parsers(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield (), parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                for path, found in _parsers(child):
                    yield (name, *path), found


def _typed_words() -> frozenset[str]:
    """Command, option and choice names: what a user types, shown as they are in help."""
    typed: set[str] = set()
    for path, parser in _parsers(_parser()):
        typed.update(WORD.findall(" ".join(path)))
        for action in parser._actions:
            typed.update(WORD.findall(" ".join(action.option_strings)))
            typed.update(WORD.findall(" ".join(str(c) for c in action.choices or ())))
    typed |= set(CHECKLIST)  # the review items' codes (--problem evidence=…)
    return frozenset(typed | {"chuansha", "enforce", "YYYY", "MM", "DD", "backups"})


def english_words(text: str, allowed: frozenset[str] = ALLOWED) -> list[str]:
    """The English words of ``text`` that are not codes, numbers or file names."""
    found = []
    for token in SEPARATORS.split(text):
        if not WORD.search(token):
            continue
        if "/" in token or re.search(r"[\d_]", token) or re.search(r"\.[a-z]{2,4}$", token):
            continue  # a path, a code (0001_initial, CHUANSHA_ENFORCE_DB), a file name
        found += [word for word in WORD.findall(token) if word not in allowed]
    return found


def test_the_scan_finds_english_and_lets_codes_and_files_pass() -> None:
    assert english_words("  decision_due: 2026-08-31 (pending)") == ["pending"]
    assert english_words("用法：chuansha-enforce stats") == ["chuansha", "enforce", "stats"]
    assert english_words("已生成 /tmp/x/年报.pdf（1,024 字节）；JSON 输出；0001_initial") == []


HELP_PATHS = [path for path, _ in _parsers(_parser())]


@pytest.mark.parametrize("path", HELP_PATHS, ids=lambda p: " ".join(p) or "top")
def test_every_help_is_chinese(path: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*path, "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：chuansha-enforce")
    assert english_words(out, ALLOWED | _typed_words()) == []


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        ([], "chuansha-enforce：错误：缺少必须给出的参数：命令"),
        (["case"], "chuansha-enforce case：错误：缺少必须给出的参数：子命令"),
        (["stats"], "chuansha-enforce stats：错误：缺少必须给出的参数：--year"),
        (
            ["case", "list", "--year", "x"],
            "chuansha-enforce case list：错误：参数 --year：'x' 不是整数",
        ),
        (["case", "list", "--bogus"], "chuansha-enforce：错误：无法识别的参数：--bogus"),
        (
            ["sample", "--year", "2024", "--count", "1", "--percent", "3"],
            "chuansha-enforce sample：错误：参数 --percent：不能与参数 --count 同时给出",
        ),
        (
            ["report", "x"],
            "chuansha-enforce report：错误：参数 子命令：'x' 不是可选的值，可选：'annual', 'case'",
        ),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：chuansha-enforce")
    assert err.splitlines()[-1] == said


def test_english_mode_keeps_argparse_english(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "en", "stats"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (
        "chuansha-enforce stats: error: the following arguments are required: --year"
    )


@pytest.fixture
def copy(demo_book_copy: Path | str) -> Path | str:
    """A private copy of the demo, on a file and on a server database."""
    return demo_book_copy


def _said(capsys: pytest.CaptureFixture[str], *argv: str, code: int = 0) -> str:
    assert main(list(argv)) == code, capsys.readouterr()
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_every_command_family_prints_chinese(
    copy: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ("--db", str(copy))
    case_no = _said(capsys, *db, "case", "list", "--limit", "1").split("\t")[0]
    simple_no = _said(capsys, *db, "simple", "list", "--limit", "1").split("\t")[0]
    outputs = [
        _said(capsys, *db, "init"),
        _said(capsys, *db, "stats", "--year", "2024"),
        _said(capsys, *db, "case", "list", "--limit", "3"),
        _said(capsys, *db, "case", "list", "--overdue", "--limit", "3"),
        _said(capsys, *db, "case", "show", case_no),
        _said(capsys, *db, "officer", "list"),
        _said(capsys, *db, "settings", "show"),
        _said(capsys, *db, "export", "ledger", "--year", "2024", "-o", str(tmp_path / "台账.xlsx")),
        _said(capsys, *db, "export", "disclosure", "--year", "2024", "-o", str(tmp_path / "d.csv")),
        _said(capsys, *db, "report", "annual", "--year", "2024", "-o", str(tmp_path / "a.pdf")),
        _said(capsys, *db, "sample", "--year", "2024", "--count", "2", "--seed", "7"),
        _said(capsys, *db, "file-review", "list"),
        _said(capsys, *db, "file-review", "show", "1"),
        _said(capsys, *db, "file-review", "sheet"),
        _said(capsys, *db, "file-review", "defects", "1"),
        _said(capsys, *db, "dispute", "list"),
        _said(capsys, *db, "verify"),
        # on a server: a pg_dump, verified by a restore into a scratch database
        _said(capsys, *db, "backup", "-o", str(tmp_path / "备份")),
        _said(capsys, *db, "case", "trash"),
        _said(capsys, *db, "import", str(tmp_path / "台账.xlsx"), "--dry-run", code=1),
        _said(capsys, *db, "case", "show", "没有这件", code=1),
        _said(capsys, *db, "simple", "list", "--limit", "5"),
        _said(capsys, *db, "simple", "show", simple_no),
        _said(capsys, *db, "simple", "handover", simple_no, code=1),
    ]
    assert "按随机种子 7 抽取，同一数据、同一种子结果相同" in outputs[10]
    assert "作出决定期限：" in outputs[4]
    # codes a user types: setting names (settings set), score items (file-review score --finding)
    codes = " ".join([*SETTING_LABELS, *(item.code for item in DEFAULT_SHEET.items)])
    for said in outputs:
        # the book's location (a server's address) is data, as a file's path is
        plain = said.replace(str(copy), "") if is_server(copy) else said
        assert english_words(plain, ALLOWED | frozenset(WORD.findall(codes))) == [], said


def test_accounts_and_legal_review_print_chinese(
    backend: Path | str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = backend
    prepared(path, FixedClock(NOW))
    db = ("--db", str(path))
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["clerk"])
    queue = _said(capsys, *db, "--user", "clerk", "review", "queue")
    assert queue.split("\t")[-1] == "待审核\n"
    monkeypatch.setenv("CHUANSHA_ENFORCE_PASSWORD", PASSWORDS["admin"])
    outputs = [
        queue,
        _said(capsys, *db, "--user", "admin", "user", "list"),
        _said(capsys, *db, "--user", "admin", "user", "disable", "wang"),
        _said(capsys, *db, "review", "show", CASE_NO),
    ]
    login_names = frozenset(PASSWORDS)  # the accounts' user names: data, typed at login
    for said in outputs:
        assert english_words(said, ALLOWED | login_names) == [], said


def test_help_columns_line_up_by_display_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Chinese character takes two columns: the help texts still start in one column."""
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["case", "show", "--help"])
    assert capsys.readouterr().out.splitlines()[-4:] == [
        "选项：",
        "  -h, --help    显示本帮助并退出",
        "  --as-of 日期  按此日期计算（YYYY-MM-DD，默认今天）",
        "  --json        以 JSON 输出（金额单位：分）",
    ]
    with pytest.raises(SystemExit):
        main(["dispute", "add", "--help"])
    lines = capsys.readouterr().out.splitlines()
    at = lines.index("  --applicant 申请人或原告")  # too wide: its help on the next line
    assert lines[at - 1 : at + 3] == [
        "  --no 编号             复议案号或诉讼案号",
        "  --applicant 申请人或原告",
        "                        申请人或原告",
        "  --act 行为            被申请（被诉）行为：行政处罚、行政强制、政府信息公开、其他",
    ]
