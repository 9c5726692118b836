"""The wording rules of the 执法文书: 大写 amounts, the remedy by procedure and date, the
two provisions of a legal basis, and the kind names."""

from __future__ import annotations

import datetime as dt

import pytest

from chuansha_enforce.domain.documents.documents import (
    DocumentKind,
    amount_text,
    document_kind,
    remedy_text,
    split_basis,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.money import fen_to_chinese_upper

BODY, COURT = "上海市浦东新区人民政府", "上海市浦东新区人民法院"


@pytest.mark.parametrize(
    ("fen", "upper"),
    [
        (100_530, "壹仟零伍元叁角整"),  # the example
        (20_000, "贰佰元整"),
        (100_537, "壹仟零伍元叁角柒分"),  # never 整 after 分
        (100_507, "壹仟零伍元零柒分"),
        (1_000_000_010, "壹仟万元壹角整"),  # the optional 零 before 角 stays out
        (10, "壹角整"),
    ],
)
def test_document_amounts_write_zheng_after_jiao(fen: int, upper: str) -> None:
    assert fen_to_chinese_upper(fen, zheng_after_jiao=True) == upper


def test_the_plain_form_is_unchanged() -> None:
    assert fen_to_chinese_upper(100_530) == "壹仟零伍元叁角"


def test_amount_text_gives_figures_and_capitals() -> None:
    assert amount_text(100_530) == "人民币1,005.30元（大写：壹仟零伍元叁角整）"


def test_remedy_for_on_the_spot_decisions_from_2024_puts_reconsideration_first() -> None:
    before = remedy_text(simple=True, decided_on=dt.date(2023, 12, 31), body=BODY, court=COURT)
    after = remedy_text(simple=True, decided_on=dt.date(2024, 1, 1), body=BODY, court=COURT)
    general = remedy_text(simple=False, decided_on=dt.date(2024, 6, 1), body=BODY, court=COURT)
    assert "或者在六个月内依法向上海市浦东新区人民法院提起行政诉讼" in before
    assert before == general
    assert after.startswith(
        "如不服本决定，应当自收到本决定书之日起六十日内向上海市浦东新区人民政府申请行政复议；"
        "对行政复议决定不服的，可以依法向上海市浦东新区人民法院提起行政诉讼。"
    )
    assert "六个月" not in after


def test_a_legal_basis_splits_into_the_provision_violated_and_the_penalty_provision() -> None:
    assert split_basis("《甲》第一条；《甲》第九条") == ("《甲》第一条", "《甲》第九条")
    assert split_basis("《乙》第二十五条第五项") == ("《乙》第二十五条第五项",) * 2
    assert split_basis("《丙》第三条；") == ("《丙》第三条；",) * 2


def test_kinds_by_code_or_title() -> None:
    assert document_kind(" 送达回证 ") is DocumentKind.SERVICE_RECEIPT
    assert document_kind("payment_reminder") is DocumentKind.PAYMENT_REMINDER
    with pytest.raises(DomainError) as caught:
        document_kind("罚单")
    assert caught.value.code == "document.unknown_kind"
    assert "service_receipt（送达回证）" in str(caught.value.params["choices"])
