"""Catalogue entries for simple-procedure payments, cash hand-over and 备案 (merged into
``messages``)."""

from __future__ import annotations

SIMPLE_PAYMENT_FIELDS: dict[str, tuple[str, str]] = {
    "cash_to_agency_on": ("交回机关日期", "date the cash reached the agency"),
    "cash_to_bank_on": ("存入银行日期", "date the cash was paid into the bank"),
    "filed_with_agency_on": ("备案日期", "filing date"),
    "simple_decision": ("简易程序决定书编号", "simple decision number"),
    "location": ("违法地点", "place of the violation"),
}

SIMPLE_PAYMENT_MESSAGES: dict[str, tuple[str, str]] = {
    "simple.unknown": (
        "没有编号为{decision_no}的简易程序决定",
        "there is no simple decision numbered {decision_no}",
    ),
    "simple.paid_on_spot": (
        "决定{decision_no}的罚款已当场收缴，不再登记缴款（交回、存入银行请用 simple handover）",
        "the fine of {decision_no} was collected on the spot (record the hand-over instead)",
    ),
    "simple.already_paid": (
        "决定{decision_no}已于{paid_on}缴款",
        "decision {decision_no} was paid on {paid_on}",
    ),
    "simple.surcharge_without_late_payment": (
        "只有逾期缴纳的罚款才有加处罚款",
        "only a fine paid late carries a surcharge",
    ),
    "simple.receipt_without_payment": (
        "尚未缴款或收缴，不能登记票据号",
        "no receipt number before the money was paid or collected",
    ),
    "simple.cash_not_on_spot": (
        "只有当场收缴的罚款才有交回机关和存入银行日期",
        "only cash collected on the spot is handed over and paid into the bank",
    ),
    "simple.bank_before_agency": (
        "存入银行前须先登记交回机关日期",
        "record the hand-over to the agency before the bank deposit",
    ),
    "simple.handover_empty": (
        "请至少填写票据号、交回机关日期、存入银行日期或备案日期之一",
        "give a receipt number, a hand-over, bank or filing date",
    ),
    "simple.receipt_missing": ("未登记票据号", "no receipt number"),
    "simple.flag": ("{name}{state}", "{name} {state}"),
    # CLI sentences
    "cli.simple_added": (
        "已登记简易程序决定 {decision_no}",
        "recorded simple decision {decision_no}",
    ),
    "cli.simple_paid": (
        "已登记 {decision_no} 缴款：罚款 {fine} 元，加处罚款 {surcharge} 元（缴款期限 {due}）",
        "recorded payment of {decision_no}: fine {fine} yuan, surcharge {surcharge} yuan"
        " (due {due})",
    ),
    "cli.simple_handover": (
        "已登记 {decision_no} 的票据、交回和备案情况",
        "recorded the receipt, hand-over and filing of {decision_no}",
    ),
    "cli.simple_amounts": (
        "  加处罚款 {surcharge} 元，应缴 {due} 元（截至 {as_of}）",
        "  surcharge {surcharge} yuan, due {due} yuan (as of {as_of})",
    ),
    "cli.simple_no_receipt": (
        "  当场收缴的罚款尚未登记票据号",
        "  cash collected on the spot has no receipt number yet",
    ),
    "clock.cash_to_agency_due": ("交回机关期限", "hand-over to the agency due"),
    "clock.cash_to_bank_due": ("存入银行期限", "bank deposit due"),
    "clock.agency_filing_due": ("备案期限", "filing with the agency due"),
}
