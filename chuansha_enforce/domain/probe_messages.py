"""Catalogue entries for bad input found by exploratory probing of the command line: field
labels a refusal named only by the program's key (a setting's name, a text field held to its
length), and the sentences of the rules the probing added; merged into ``messages``."""

from __future__ import annotations

from chuansha_enforce.domain.settings import LABELS as SETTING_LABELS

PROBE_FIELDS: dict[str, tuple[str, str]] = {
    # a setting is named as the settings window and ``settings show`` name it
    **{name: (label, name.replace("_", " ")) for name, label in SETTING_LABELS.items()},
    "reminder_statement": ("催告后陈述申辩", "statement after the reminder"),
    "legal_representative": ("法定代表人", "legal representative"),
    "party_address": ("当事人地址", "party's address"),
    "statement": ("陈述申辩", "statement"),
}

PROBE_MESSAGES: dict[str, tuple[str, str]] = {
    "storage.foreign_database": (
        "{path} 是其他程序的 SQLite 数据库，不是本程序的案件库，未做任何改动。"
        "请用 --db 指定案件库文件（新建案件库请指定一个还不存在的文件名）",
        "{path} is another program's SQLite database, not a case book of this program;"
        " nothing was changed. Give the case book with --db (a new one: a file name not yet"
        " in use)",
    ),
    "ledger.folder": (
        "{name} 是一个文件夹，不是台账文件；请选择其中的 .xlsx 或 .csv 文件",
        "{name} is a folder, not a ledger file: choose an .xlsx or .csv file in it",
    ),
    "file_review.veto_points": (
        "第 {row} 项“{item}”是否决项，不扣分（只写项目编码，可加 ::说明）",
        "item {row} “{item}” is a veto item and takes no points (give its code, or CODE::NOTE)",
    ),
    "account.none_yet": (
        "此数据库尚无账户（单用户方式，无需登录）；要管理账户，请先添加第一个账户（管理员）："
        "user add 名称 --role admin",
        "this database has no accounts yet (single-user mode, no login): add the first"
        " account, an administrator, first: user add NAME --role admin",
    ),
    "officer.cancelled_before_issue": (
        "注销日期早于发证日期",
        "the cancellation is before the issue date",
    ),
    "dispute.nothing_new": (
        "{kind}案号 {number} 没有新的登记内容：请填写与已登记不同的答复日期、开庭日期、"
        "负责人是否出庭、结果、结果日期或备注",
        "{kind} {number}: nothing new to record; give a reply, hearing, leader's appearance,"
        " outcome, outcome date or notes that differ from those recorded",
    ),
}
