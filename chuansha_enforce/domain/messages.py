"""The message catalogue: one sentence per error code, Chinese first, English available.

The CLI and the GUI both render errors through here, so they always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

FIELDS: Mapping[str, tuple[str, str]] = {
    "amount": ("金额", "amount"),
    "fine": ("罚款金额", "fine"),
    "id_number": ("证件号码", "ID number"),
    "limit": ("每页条数", "page size"),
    "year": ("年度", "year"),
    "cases": ("案件数", "number of cases"),
    "seed": ("随机种子", "seed"),
    "db": ("数据库", "database"),
}

MESSAGES: Mapping[str, tuple[str, str]] = {
    # money
    "money.empty": ("金额不能为空", "the amount is empty"),
    "money.invalid": ("“{value}”不是有效的金额", "“{value}” is not a valid amount"),
    "money.too_many_decimals": ("金额最多两位小数（到分）", "at most two decimals (fen)"),
    "money.negative": ("金额不能为负数", "the amount cannot be negative"),
    "money.too_large": ("金额超出可处理范围", "the amount is too large"),
    # identity numbers
    "id.resident.length": ("居民身份证号码应为18位", "a resident ID has 18 characters"),
    "id.resident.format": (
        "居民身份证号码前17位应为数字，末位为数字或X",
        "a resident ID is 17 digits and a digit or X",
    ),
    "id.resident.birth_date": (
        "居民身份证号码中的出生日期{date}不存在",
        "the birth date {date} in the resident ID does not exist",
    ),
    "id.resident.checksum": (
        "居民身份证号码校验位不正确",
        "the resident ID check character is wrong",
    ),
    "id.uscc.length": (
        "统一社会信用代码应为18位",
        "a unified social credit code has 18 characters",
    ),
    "id.uscc.format": (
        "统一社会信用代码含有不允许的字符（不使用I、O、S、V、Z）",
        "the credit code has a character outside its alphabet (no I, O, S, V, Z)",
    ),
    "id.uscc.checksum": (
        "统一社会信用代码校验位不正确",
        "the unified social credit code check character is wrong",
    ),
    "id.party.invalid": (
        "个体工商户的证件号码既不是有效的统一社会信用代码，也不是有效的居民身份证号码",
        "an individual business's number is neither a valid credit code nor a valid resident ID",
    ),
    # calendar
    "calendar.fallback": (
        "{year}年的法定节假日安排尚未载入，日期按周一至周五推算，请核对或在设置中补录调休安排",
        "the {year} holiday schedule is not loaded; dates were counted Monday to Friday — "
        "check them or enter the schedule in the settings",
    ),
    "calendar.uncovered": (
        "内置日历只包含到{last}年的法定节假日和调休安排。未来90天内涉及{year}年的期限暂按周一至周五推算，"
        "并会标注提醒；国务院公布{year}年安排后，请在设置中录入。",
        "the built-in calendar ends with {last}; deadlines in {year} within the next 90 days are "
        "counted Monday to Friday and marked. Enter the {year} schedule once it is published",
    ),
    # lists and demo
    "list.limit": ("每页条数应在1到{max}之间", "the page size must be between 1 and {max}"),
    "list.year": ("年度“{year}”不正确", "the year “{year}” is not valid"),
    "demo.cases": ("演示案件数应在1到{max}之间", "the number of demo cases must be 1 to {max}"),
    "demo.not_empty": (
        "数据库中已有执法人员或案件，演示数据只能写入空数据库",
        "the database already holds officers or cases; demo data goes into an empty database",
    ),
    "cli.no_database": (
        "数据库文件 {path} 不存在。请先运行 init 或 demo，或用 --db 指定文件",
        "the database {path} does not exist; run init or demo first, or pass --db",
    ),
    # storage (environment problems)
    "storage.error": ("数据库文件出错：{detail}（{path}）", "database error: {detail} ({path})"),
    "storage.newer": (
        "数据库 {path} 由更新版本的程序写入（未知的升级：{migrations}），"
        "本版本不能打开。请安装新版本。",
        "{path} was written by a newer version (unknown migrations: {migrations}); "
        "install the newer version to open it",
    ),
    "storage.corrupt": (
        "数据库 {path} 已损坏。请从备份恢复（备份在数据库所在文件夹的 backups 目录）。",
        "{path} is damaged; restore it from a backup (the backups folder beside it)",
    ),
    "storage.locked": (
        "数据库 {path} 正被另一个程序使用，请稍后再试",
        "{path} is in use by another program; try again shortly",
    ),
    "storage.read_only": (
        "数据库 {path} 不能写入（只读文件或没有权限）",
        "{path} cannot be written (read-only file or no permission)",
    ),
    "storage.disk_full": (
        "磁盘已满，未能写入 {path}。请清理磁盘后重试，已有数据未受影响。",
        "the disk is full; nothing was written to {path}. Free some space and try again",
    ),
    "storage.not_a_database": (
        "{path} 不是本程序的数据库文件",
        "{path} is not a database file of this program",
    ),
    "storage.missing": ("找不到数据库文件 {path}", "the database file {path} was not found"),
}


def field_label(field: str, lang: Lang = "zh") -> str:
    labels = FIELDS.get(field)
    if labels is None:
        return field
    return labels[LANGS.index(lang)]


def render(
    code: str,
    params: Mapping[str, object] | None = None,
    lang: Lang = "zh",
    field: str | None = None,
) -> str:
    """The sentence for ``code``, with its field named in front when there is one."""
    texts = MESSAGES.get(code)
    if texts is None:
        text = code
    else:
        template = texts[LANGS.index(lang)]
        try:
            text = template.format_map(dict(params or {}))
        except (KeyError, IndexError, ValueError):
            text = template
    if field:
        separator = "：" if lang == "zh" else ": "
        return f"{field_label(field, lang)}{separator}{text}"
    return text
