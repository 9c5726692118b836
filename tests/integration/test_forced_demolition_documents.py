"""The documents of forced demolition (DOMAIN §13, §16; 行政强制法 35, 37, 44): 拆除催告书,
强制拆除决定书 and 强制拆除公告, each made from its recorded step and refused before it, read
back from the .docx. The case is the urban order of ``tests.forced_walk`` walked as
``test_forced_demolition_cli`` walks it (the fixed clock is 2026-11-27: the 文号 are of 2026)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

from tests.conftest import database_digest
from tests.forced_walk import NO, OFFICERS, ORDER, RURAL, URBAN, run_step
from tests.gate_walk import book_with
from tests.integration.test_forced_demolition_cli import (
    ANNOUNCE,
    AUTHORITY,
    ENFORCE,
    MAJOR,
    REMIND,
    STATED,
    TO_ANNOUNCEMENT,
    TO_DECISION,
)

EXE = Path(sys.executable).with_name("chuansha-enforce")


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def walked(tmp_path: Path, steps: Sequence[Sequence[str]]) -> Path:
    db = book_with(tmp_path / "cases.db", OFFICERS)
    for argv in steps:
        assert run_step(db, argv) == 0, argv
    return db


def make(capsys: pytest.CaptureFixture[str], db: Path, kind: str, path: Path) -> tuple[int, str]:
    code = run_step(db, ["doc", "make", NO, kind, "-o", str(path)])
    out, err = capsys.readouterr()
    return code, err or out


REFUSALS = [
    # (steps taken, kind, the steps the refusal names)
    ([URBAN, *ORDER], "拆除催告书", "拆除催告（case remind）"),
    ([URBAN, *ORDER, REMIND, STATED, AUTHORITY], "强制拆除决定书", "强制拆除决定（case enforce）"),
    (TO_DECISION, "强制拆除公告", "强制拆除公告（case announce）"),
    ([URBAN, *ORDER[:4]], "强制拆除决定书",
     "责令限期拆除决定（含拆除期限）、强制拆除决定（case enforce）"),
]  # fmt: skip


@pytest.mark.parametrize(("steps", "kind", "missing"), REFUSALS)
def test_each_document_is_refused_before_its_step_and_nothing_changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    steps: list[list[str]],
    kind: str,
    missing: str,
) -> None:
    db = walked(tmp_path, steps)
    before = database_digest(db)
    target = tmp_path / "x.docx"
    code, said = make(capsys, db, kind, target)
    assert code == 1
    assert said.strip() == f"文书种类：{NO} 还不能制作{kind}：尚缺 {missing}"
    assert not target.exists()
    assert database_digest(db) == before


def test_the_three_documents_print_the_recorded_steps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = walked(tmp_path, TO_ANNOUNCEMENT)
    code, out = run_step(db, ["doc", "list", NO]), capsys.readouterr().out
    assert code == 0
    assert "demolition_reminder\t拆除催告书\t可制作" in out
    assert "forced_decision\t强制拆除决定书\t可制作" in out
    assert "forced_announcement\t强制拆除公告\t可制作" in out
    order = tmp_path / "order.docx"
    assert make(capsys, db, "责令限期拆除通知书", order)[0] == 0
    reminder = tmp_path / "reminder.docx"
    code, said = make(capsys, db, "拆除催告书", reminder)
    assert code == 0, said
    assert said.strip() == f"已生成拆除催告书（沪浦川执拆催〔2026〕000001号）：{reminder}"
    text = text_of(reminder)
    assert "沪浦川执拆催〔2026〕000001号" in text
    assert "本机关于2023年2月9日作出沪浦川执拆〔2026〕000001号责令限期拆除决定" in text
    assert "于2023年3月10日前自行拆除，该决定已于2023年2月10日送达" in text
    assert "现催告你（单位）于2023年8月21日前" in text
    assert "有权进行陈述和申辩" in text
    assert text.rstrip().endswith("2023年8月11日")
    decision = tmp_path / "decision.docx"
    code, said = make(capsys, db, "forced_decision", decision)
    assert code == 0, said
    text = text_of(decision)
    assert "强制拆除决定书\n沪浦川执强拆〔2026〕000001号" in text
    assert "当事人：张三（自然人）" in text
    assert (
        "本机关于2023年8月11日送达催告书，你（单位）的陈述申辩情况：已陈述申辩（2023年8月15日）"
        in text
    )
    assert (
        "经区人民政府责成（浦府责拆〔2023〕5号，2023年8月18日），根据《中华人民共和国城乡规划法》"
        "第六十八条、《中华人民共和国行政强制法》第三十七条、第四十四条的规定" in text
    )
    assert "不在夜间或者法定节假日实施" in text
    assert "六十日内向上海市浦东新区人民政府申请行政复议" in text
    assert text.rstrip().endswith("2023年8月22日")
    notice = tmp_path / "notice.docx"
    code, said = make(capsys, db, "强制拆除公告", notice)
    assert code == 0, said
    text = text_of(notice)
    assert "沪浦川执拆告〔2026〕000001号" in text
    assert "本机关已于2023年8月22日作出沪浦川执强拆〔2026〕000001号强制拆除决定" in text
    assert "限你（单位）于2023年9月25日前自行拆除" in text
    assert text.rstrip().endswith("2023年9月20日")
    # made again: the same 文号 (never reused, never renumbered)
    again = tmp_path / "again.docx"
    assert make(capsys, db, "强制拆除公告", again)[0] == 0
    assert "沪浦川执拆告〔2026〕000001号" in text_of(again)


def test_a_rural_structure_is_demolished_by_the_town_without_a_district_authority(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = walked(tmp_path, [RURAL, *ORDER, REMIND, STATED, *MAJOR, ENFORCE])
    decision = tmp_path / "decision.docx"
    code, said = make(capsys, db, "强制拆除决定书", decision)
    assert code == 0, said
    text = text_of(decision)
    assert "责成" not in text
    assert "根据《中华人民共和国城乡规划法》第六十五条、《中华人民共和国行政强制法》" in text
    assert "你（单位）的陈述申辩情况：已陈述申辩（2023年8月15日）" in text
    assert ANNOUNCE[1] == "announce"


def test_the_installed_command_makes_the_announcement_only_after_it_is_recorded(
    tmp_path: Path,
) -> None:
    db = walked(tmp_path, TO_DECISION)
    target = tmp_path / "公告.docx"

    def doc_make() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(EXE), "--db", str(db), "doc", "make", NO, "强制拆除公告", "-o", str(target)],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    before = database_digest(db)
    refused = doc_make()
    assert refused.returncode == 1
    assert f"{NO} 还不能制作强制拆除公告：尚缺 强制拆除公告（case announce）" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert database_digest(db) == before
    assert not target.exists()
    assert run_step(db, ANNOUNCE) == 0
    made = doc_make()
    assert made.returncode == 0, made.stderr
    assert "限你（单位）于2023年9月25日前自行拆除" in text_of(target)


def test_the_service_receipt_names_the_order_and_the_reminder_not_a_penalty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = walked(tmp_path, [URBAN, *ORDER, REMIND])
    assert make(capsys, db, "拆除催告书", tmp_path / "reminder.docx")[0] == 0
    receipt = tmp_path / "receipt.docx"
    code, said = make(capsys, db, "送达回证", receipt)
    assert code == 0, said
    text = text_of(receipt)
    assert "行政处罚决定书" not in text  # an order alone is no penalty (DOMAIN §13)
    assert "送达文书：责令限期拆除通知书" in text
    assert "送达方式：直接送达" in text
    assert "送达日期：2023年2月10日" in text
    assert "送达文书：拆除催告书\n文书编号：沪浦川执拆催〔2026〕000001号" in text
    assert "送达日期：2023年8月11日" in text
