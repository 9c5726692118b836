"""Catalogue entries for forced demolition (DOMAIN §13; merged into ``messages``)."""

from __future__ import annotations

FORCED_FIELDS: dict[str, tuple[str, str]] = {
    "authority_document": ("责成文件", "the district government's instruction"),
    "authority_on": ("责成日期", "date of the instruction"),
    "enforced_on": ("强制拆除决定日期", "date of the forced-demolition decision"),
    "announced_on": ("公告日期", "date of the public notice"),
    "announce_until": ("公告期限", "date the public notice gives"),
    "carried_on": ("实施日期", "date carried out"),
    "carried_at": ("实施时间", "time carried out"),
    "witnesses": ("见证人", "witnesses"),
    "removed_on": ("自行拆除日期", "date the party removed it"),
}

FORCED_MESSAGES: dict[str, tuple[str, str]] = {
    "forced.period_too_short": (
        "拆除期限 {deadline} 不合理：须在{what} {start} 之后至少 {days} 日（城乡规划法第六十四条）",
        "the demolition deadline {deadline} is unreasonable: at least {days} days after the "
        "{what} {start} are needed",
    ),
    "forced.no_order": (
        "案件 {case_no} 没有责令限期拆除决定，不能强制拆除（城乡规划法第六十八条）",
        "case {case_no} has no demolition order: nothing to demolish by force",
    ),
    "forced.not_served": (
        "责令限期拆除决定尚未送达（行政强制法第三十五条）",
        "the demolition order has not been served",
    ),
    "forced.removed": (
        "当事人已于 {date} 自行拆除，强制拆除程序已结束",
        "the party removed the structure on {date}: the sequence has ended",
    ),
    "forced.carried_out": (
        "已于 {date} 实施强制拆除，程序已结束",
        "the structure was demolished by force on {date}: the sequence has ended",
    ),
    "forced.reminded": (
        "已于 {date} 送达拆除催告书",
        "a demolition reminder was served on {date} already",
    ),
    "forced.authority_rural": (
        "乡、村庄规划区内的违法建设由乡镇人民政府自行拆除，无需区政府责成（城乡规划法第六十五条）",
        "a rural structure is demolished by the town itself: no district instruction is needed",
    ),
    "forced.authority_exists": (
        "已于 {date} 记录区政府责成",
        "the district government's instruction was recorded on {date} already",
    ),
    "forced.no_reminder": (
        "尚未送达催告书（行政强制法第三十五条）",
        "no reminder has been served (Administrative Coercion Law art. 35)",
    ),
    "forced.statement_exists": (
        "已于 {date} 记录催告后的陈述申辩",
        "the statements after the reminder were recorded on {date} already",
    ),
    "forced.no_statement": (
        "尚未记录当事人对催告的陈述申辩（行政强制法第三十六条）",
        "the party's statements after the reminder are not recorded "
        "(Administrative Coercion Law art. 36)",
    ),
    "forced.no_authority": (
        "城镇规划区内的违法建设须先记录区人民政府的责成，才能作出强制拆除决定（城乡规划法第六十八条）",
        "an urban structure needs the district government's instruction before a "
        "forced-demolition decision (Urban and Rural Planning Law art. 68)",
    ),
    "forced.decided": (
        "已于 {date} 作出强制拆除决定",
        "the forced-demolition decision was made on {date} already",
    ),
    "forced.not_decided": (
        "尚未作出强制拆除决定（行政强制法第三十七条）",
        "no forced-demolition decision yet (Administrative Coercion Law art. 37)",
    ),
    "forced.announced": (
        "已于 {date} 发布强制拆除公告",
        "the public notice was posted on {date} already",
    ),
    "forced.not_announced": (
        "尚未公告限期自行拆除（行政强制法第四十四条）",
        "no public notice giving a last period yet (Administrative Coercion Law art. 44)",
    ),
    "forced.order_period_running": (
        "{date} 拆除期限（{deadline}）尚未届满，不能催告（行政强制法第三十五条、第四十四条）",
        "on {date} the demolition period (to {deadline}) has not passed: no reminder yet "
        "(Administrative Coercion Law arts. 35, 44)",
    ),
    "forced.remedies_running": (
        "{date} 申请行政复议或提起行政诉讼的期限（至 {end}）尚未届满，"
        "不能催告（行政强制法第四十四条）",
        "on {date} the periods for reconsideration and lawsuit (to {end}) have not passed "
        "(Administrative Coercion Law art. 44)",
    ),
    "forced.dispute_pending": (
        "当事人申请的行政复议或提起的行政诉讼尚未审结，强制拆除程序中止（行政强制法第四十四条）",
        "a reconsideration or lawsuit is pending: every later step waits for its outcome "
        "(Administrative Coercion Law art. 44)",
    ),
    "forced.order_revoked": (
        "责令限期拆除决定已被撤销或确认无效，不能强制拆除",
        "the demolition order was revoked or declared void: nothing to enforce",
    ),
    "forced.statement_period_running": (
        "{date} 催告期限（{until}）尚未届满，不能记录期满未陈述申辩（行政强制法第三十六条）",
        "on {date} the reminder's period (to {until}) is still running "
        "(Administrative Coercion Law art. 36)",
    ),
    "forced.reminder_running": (
        "{date} 催告期限（{until}）尚未届满，不能作出强制拆除决定（行政强制法第三十七条）",
        "on {date} the reminder's period (to {until}) is still running: no decision yet "
        "(Administrative Coercion Law art. 37)",
    ),
    "forced.no_review": (
        "强制拆除决定属重大执法决定：须在催告（{since}）后经法制审核同意（行政强制法第三十七条、"
        "重大执法决定法制审核）",
        "a forced-demolition decision is major: a legal review agreeing to it after the "
        "reminder ({since}) is needed",
    ),
    "forced.no_discussion": (
        "强制拆除决定属重大执法决定：须在催告（{since}）后经集体讨论",
        "a forced-demolition decision is major: a collective discussion after the reminder "
        "({since}) is needed",
    ),
    "forced.announcement_too_short": (
        "公告期限 {date} 须在公告日期 {on} 之后至少 {days} 日（行政强制法第四十四条）",
        "the public notice must give at least {days} days after {on}; {date} is too early "
        "(Administrative Coercion Law art. 44)",
    ),
    "forced.announcement_running": (
        "{date} 公告期限（{until}）尚未届满，不能实施强制拆除（行政强制法第四十四条）",
        "on {date} the public notice's period (to {until}) is still running "
        "(Administrative Coercion Law art. 44)",
    ),
    "forced.time_invalid": (
        "“{value}”不是时间，应写作 时:分，如 09:30",
        "“{value}” is not a time: write HH:MM, e.g. 09:30",
    ),
    "forced.at_night": (
        "{at} 属夜间（{start}至{end}），不得实施强制拆除（行政强制法第四十三条）",
        "{at} is at night ({start} to {end}): no forced demolition "
        "(Administrative Coercion Law art. 43)",
    ),
    "forced.holiday": (
        "{date} 是法定节假日，不得实施强制拆除（行政强制法第四十三条）",
        "{date} is a statutory holiday: no forced demolition (Administrative Coercion Law art. 43)",
    ),
    "forced.witnesses": (
        "实施强制拆除须制作现场笔录，并有至少 {min} 名见证人",
        "a forced demolition needs an on-site record with at least {min} witnesses",
    ),
    "forced.rest_day": (
        "注意：实施日期是休息日（非法定节假日），请确认确有必要",
        "note: the day is a rest day (not a statutory holiday); make sure it is needed",
    ),
    "clock.demolition_deadline": ("拆除期限", "demolition deadline"),
    "clock.demolition_remedies_until": ("复议、诉讼期限届满", "review and lawsuit periods end"),
    "clock.demolition_reminder_from": ("可催告拆除之日", "demolition reminder possible from"),
    "clock.demolition_reminder_until": ("催告期限", "the reminder's period ends"),
    "clock.forced_decision_from": ("可作出强制拆除决定之日", "forced decision possible from"),
    "clock.demolition_announcement_until": ("公告期限", "the public notice's period ends"),
    "clock.carry_out_from": ("可实施强制拆除之日", "demolition possible from"),
}
