"""Catalogue entries for the ledger's discretion and service columns (情节, 裁量调整, 裁量理由,
送达方式; LEDGER_FORMAT, DOMAIN §14 and §17), merged into ``messages``."""

from __future__ import annotations

LEDGER_DISCRETION_FIELDS: dict[str, tuple[str, str]] = {}

LEDGER_DISCRETION_MESSAGES: dict[str, tuple[str, str]] = {
    "ledger.reason_without_deviation": (
        "裁量理由只随裁量调整（从轻、减轻或从重）填写",
        "a reason belongs to a deviation (从轻, 减轻 or 从重)",
    ),
    "ledger.discretion_undecided": (
        "情节和裁量调整随处罚决定记录，本行没有决定日期",
        "a circumstance or deviation goes with a decision; the row has no decision date",
    ),
    "ledger.service_method_without_date": (
        "填写送达方式时须填写送达日期",
        "a service method needs its service date",
    ),
    "ledger.service_unproved": (
        "自 {gates_from} 起决定的案件，{method}须有{needs}（{articles}），台账不能记录："
        "请在程序中登记该送达（case serve-attempt / case serve）",
        "for cases decided from {gates_from}, {method} needs {needs} ({articles}), which a "
        "ledger cannot carry: record the service in the program (case serve-attempt / case serve)",
    ),
    "ledger.service_unproved_history": (
        "{method}的{needs}未在台账中记录（{gates_from} 之前决定的案件，作为历史记录导入）",
        "{method}: {needs} not in the ledger (decided before {gates_from}: imported as history)",
    ),
}
