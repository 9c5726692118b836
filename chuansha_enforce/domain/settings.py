"""Business settings kept in the database. Every *default* of DOMAIN.md is one of these:
local practice we could not confirm, so the squad sees it and can change it."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.money import parse_yuan
from chuansha_enforce.domain.text_input import clean_line


@dataclass(frozen=True, slots=True)
class Settings:
    organisation: str = "上海市浦东新区川沙新镇人民政府"
    squad: str = "川沙新镇综合行政执法队"
    filing_working_days: int = 7  # file within 7 working days of the clue
    statement_working_days: int = 3  # time to state and defend after the notice
    due_soon_working_days: int = 3  # yellow flag
    review_working_days: int = 7  # legal review; +3 by approval
    review_extension_working_days: int = 3  # legal review extension by approval
    login_max_failures: int = 5  # wrong passwords in a row before the account locks
    lockout_minutes: int = 30  # how long a locked account stays locked
    idle_lock_minutes: int = 15  # the GUI locks after this long without input
    simple_filing_working_days: int = 3  # 简易程序决定备案
    major_individual_fen: int = 500_000  # 5,000 元 (Shanghai)
    major_organisation_fen: int = 5_000_000  # 50,000 元 (Shanghai)
    hearing_individual_fen: int = 500_000  # large fine: hearing right (Shanghai)
    hearing_organisation_fen: int = 5_000_000
    hearing_confiscation_fen: int = 5_000_000  # large confiscation: hearing right (APL 63)
    hearing_request_working_days: int = 5  # APL 64: the party asks within 5 working days
    hearing_notice_working_days: int = 7  # APL 64: notice at least 7 working days before
    discussion_for_major: bool = True  # DOMAIN §12: collective discussion before a major case
    discussion_min_participants: int = 3  # leaders at a collective discussion
    extension_first_max_days: int = 30  # first extension by the agency head
    individual_business_as_citizen: bool = True  # APL 51 limit for 个体工商户
    public_name_style: str = "张某"  # DOMAIN §8: how a person is named in published lists
    public_business_full_name: bool = False  # publish a 个体工商户's name in full
    # 执法文书 (DOMAIN §15, §16): the remedy names these; defaults to be confirmed locally.
    reconsideration_body: str = "上海市浦东新区人民政府"
    court: str = "上海市浦东新区人民法院"
    payment_method: str = "持本决定书到指定的代收银行网点或者通过电子缴款渠道"
    demolition_period_days: int = 15  # 责令限期拆除: the period the notice gives
    free_case_numbers: bool = False  # a typed case number need not follow the template
    # DOMAIN §12: ledger rows decided from this day on must carry their gate columns;
    # empty = the day the database was created (its first recorded change).
    gates_from: str = ""
    # 强制拆除 (DOMAIN §13; 行政强制法 43, 44): defaults to be confirmed locally.
    demolition_min_days: int = 7  # the shortest reasonable period an order may give
    announcement_min_days: int = 3  # the shortest last period a 强制拆除公告 gives
    night_start: str = "22:00"  # no forced demolition from here ...
    night_end: str = "06:00"  # ... to here (行政强制法 43)
    # DOMAIN §17 suggests the range but is silent on requiring it: off keeps older practice.
    discretion_required: bool = False  # a fine with a benchmark row needs its circumstance

    def to_mapping(self) -> dict[str, object]:
        return dataclasses.asdict(self)


LABELS: Mapping[str, str] = {
    "organisation": "处罚机关（文书署名）",
    "squad": "执法队名称",
    "filing_working_days": "发现线索后立案期限（工作日）",
    "statement_working_days": "陈述申辩期限（工作日）",
    "due_soon_working_days": "提前提醒（工作日）",
    "review_working_days": "法制审核期限（工作日）",
    "review_extension_working_days": "法制审核经批准可延长（工作日）",
    "login_max_failures": "连续输错密码几次后锁定账户",
    "lockout_minutes": "账户锁定时长（分钟）",
    "idle_lock_minutes": "无操作自动锁屏（分钟）",
    "simple_filing_working_days": "简易程序决定备案期限（工作日）",
    "major_individual_fen": "重大案件：对个人罚款（分）",
    "major_organisation_fen": "重大案件：对单位罚款（分）",
    "hearing_individual_fen": "听证：对个人较大数额罚款（分）",
    "hearing_organisation_fen": "听证：对单位较大数额罚款（分）",
    "hearing_confiscation_fen": "听证：较大数额没收（分）",
    "hearing_request_working_days": "听证申请期限（工作日）",
    "hearing_notice_working_days": "听证通知至少提前（工作日）",
    "discussion_for_major": "重大案件决定前须集体讨论",
    "discussion_min_participants": "集体讨论至少参加人数",
    "extension_first_max_days": "首次延长办案期限最多（日）",
    "individual_business_as_citizen": "简易程序中个体工商户按公民对待",
    "public_name_style": "公开信息中自然人的称谓（张某 或 张某某）",
    "public_business_full_name": "公开信息中个体工商户使用全称",
    "reconsideration_body": "行政复议机关（文书救济途径）",
    "court": "行政诉讼管辖法院（文书救济途径）",
    "payment_method": "罚款缴纳方式（决定书中的表述）",
    "demolition_period_days": "责令限期拆除通知书给予的期限（日）",
    "free_case_numbers": "允许不符合编号格式的案件编号（自由编号）",
    "gates_from": "台账中自此日起决定的案件须有告知、听证等程序记录（空=建库之日）",
    "demolition_min_days": "责令限期拆除的最短合理期限（日）",
    "announcement_min_days": "强制拆除公告的最短期限（日）",
    "night_start": "夜间开始（时:分，夜间不得强制拆除）",
    "night_end": "夜间结束（时:分）",
    "discretion_required": "有裁量基准的违法行为罚款须记录情节",
}

YUAN_LABELS: Mapping[str, str] = {
    "major_individual_fen": "重大案件：对个人罚款（元）",
    "major_organisation_fen": "重大案件：对单位罚款（元）",
    "hearing_individual_fen": "听证：对个人较大数额罚款（元）",
    "hearing_organisation_fen": "听证：对单位较大数额罚款（元）",
}
"""The money settings as the window shows them: typed in 元, kept in 分."""


def setting_from_yuan(name: str, text: str) -> int:
    """A money setting typed in 元, in 分; refused naming the setting as the window shows it."""
    try:
        return parse_yuan(text, "setting")
    except DomainError:
        params = {"name": YUAN_LABELS.get(name, name), "value": text}
        raise DomainError("settings.invalid", "setting", params) from None


# Text settings that take one of a few values.
CHOICES: Mapping[str, tuple[str, ...]] = {"public_name_style": ("张某", "张某某")}

_DAY_LIMITS = (0, 60)
_MONEY_LIMITS = (0, 10**12)
_SAFE_LIMITS = {"login_max_failures": (3, 10), "lockout_minutes": (5, 1440)}
"""Lockout settings that still lock (DOMAIN §9: 5 failures, 30 minutes): 0 failures or 0
minutes would switch the lockout off, more than 10 tries would invite guessing."""


DATE_SETTINGS = frozenset({"gates_from"})
"""Settings holding an ISO date; empty means their documented default."""


def _date_setting(text: str, params: Mapping[str, object]) -> str:
    if not text:
        return ""
    try:
        return iso_day(text.replace("/", "-")).isoformat()
    except ValueError:
        raise DomainError("settings.invalid", "setting", params) from None


def settings_from(stored: Mapping[str, object]) -> Settings:
    """Build settings from stored values over the defaults, checking every value."""
    base = Settings()
    values: dict[str, object] = {}
    for spec in dataclasses.fields(Settings):
        if spec.name not in stored:
            continue
        values[spec.name] = coerce(spec.name, stored[spec.name], type(getattr(base, spec.name)))
    unknown = sorted(set(stored) - {f.name for f in dataclasses.fields(Settings)})
    if unknown:
        raise DomainError("settings.unknown", "setting", {"name": "、".join(unknown)})
    return dataclasses.replace(base, **values)  # type: ignore[arg-type]


def coerce(name: str, value: object, kind: type) -> object:
    """Turn a stored or typed value into the setting's type, or refuse it clearly."""
    params = {"name": LABELS.get(name, name), "value": value}
    field = "setting"
    if kind is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "是", "y"):
            return True
        if text in ("0", "false", "no", "否", "n"):
            return False
        raise DomainError("settings.invalid", field, params)
    if kind is int:
        try:
            number = int(str(value).strip())
        except ValueError:
            raise DomainError("settings.invalid", field, params) from None
        if name in _SAFE_LIMITS:
            low, high = _SAFE_LIMITS[name]
            if not low <= number <= high:
                limits = {**params, "low": low, "high": high}
                raise DomainError("settings.out_of_range", field, limits)
            return number
        low, high = _MONEY_LIMITS if name.endswith("_fen") else _DAY_LIMITS
        if not low <= number <= high:
            raise DomainError("settings.invalid", field, params)
        return number
    text = clean_line(str(value))
    if name in DATE_SETTINGS:
        return _date_setting(text, params)
    if not text or (name in CHOICES and text not in CHOICES[name]):
        raise DomainError("settings.invalid", field, params)
    if name in TIME_SETTINGS:
        return _time_text(text, params)
    return text


TIME_SETTINGS = frozenset({"night_start", "night_end"})
"""Text settings that hold a time of day, ``HH:MM``."""


def _time_text(text: str, params: Mapping[str, object]) -> str:
    hour, colon, minute = text.replace("：", ":").partition(":")
    if not (colon and hour.isdigit() and minute.isdigit()):
        raise DomainError("settings.invalid", "setting", params)
    if not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59 and len(minute) == 2):
        raise DomainError("settings.invalid", "setting", params)
    return f"{int(hour):02d}:{minute}"
