"""Catalogue entries for the gates before a decision (DOMAIN §12; merged into ``messages``)."""

from __future__ import annotations

GATE_FIELDS: dict[str, tuple[str, str]] = {
    "facts": ("违法事实", "facts"),
    "legal_basis": ("处罚依据", "legal basis"),
    "waived_on": ("放弃听证日期", "date of the written waiver"),
    "hearing_notice_on": ("听证通知日期", "hearing notice date"),
    "participants": ("参加人员", "participants"),
    "violation_on": ("违法行为发生（终了）日期", "date the act happened (or ended)"),
    "complex_reason": ("复杂案件理由", "reason the case is complex"),
    "changed_on": ("变更日期", "date of the change"),
    "statement_kind": ("陈述申辩情况", "statement"),
    "outcome": ("决定结果", "outcome"),
}

GATE_MESSAGES: dict[str, tuple[str, str]] = {
    "notice.kinds_required": (
        "告知须写明拟作出的处罚种类（行政处罚法第四十四条）",
        "the notice must state the proposed penalty kinds (APL art. 44)",
    ),
    "notice.fine_amount": (
        "拟处罚种类含罚款时须写明拟罚款金额，不含罚款时不填金额（行政处罚法第四十四条）",
        "a proposed fine needs its amount, and only a proposed fine has one (APL art. 44)",
    ),
    "notice.hearing_right_required": (
        "拟作出的处罚（{reasons}）当事人有权要求听证，告知时须告知听证权利（行政处罚法第六十三条）",
        "the proposed penalty ({reasons}) carries a hearing right the notice must state "
        "(APL art. 63)",
    ),
    "statement.no_notice": (
        "尚未告知，不能记录陈述申辩（行政处罚法第四十四条）",
        "no advance notice yet: nothing to state against (APL art. 44)",
    ),
    "decision.notice_incomplete": (
        "告知未写明拟作出的处罚种类和金额，须重新告知后才能作出处罚决定（行政处罚法第四十四条、第六十二条）",
        "the notice states no proposed penalty: notify again before deciding (APL arts. 44, 62)",
    ),
    "decision.statement_period": (
        "陈述申辩期限至{until}，期满或当事人陈述申辩、书面放弃后才能作出决定（行政处罚法第四十四条、第六十二条）",
        "the statement period runs until {until}; decide after it, or once the party has "
        "stated or waived in writing (APL arts. 44, 62)",
    ),
    "decision.heavier_than_notice": (
        "决定重于告知的拟处罚；不得因当事人陈述申辩而加重处罚，有新的事实须重新告知（行政处罚法第四十五条、第六十二条）",
        "the decision is heavier than the notice proposed; defence never makes it heavier and "
        "new facts need a new notice (APL arts. 45, 62)",
    ),
    "decision.hearing_request_period": (
        "听证申请期限至{until}，期满或当事人书面放弃听证后才能作出决定（行政处罚法第六十四条）",
        "the hearing request period runs until {until}; decide after it or after a written "
        "waiver (APL art. 64)",
    ),
    "decision.hearing_pending": (
        "当事人已申请听证，听证举行后才能作出决定（行政处罚法第六十三条、第六十四条）",
        "the party asked for a hearing: decide only after it is held (APL arts. 63, 64)",
    ),
    "decision.discussion_required": (
        "{reasons}：作出决定前须经集体讨论（行政处罚法第五十七条第二款）",
        "{reasons}: a collective discussion must come before the decision (APL art. 57②)",
    ),
    "decision.review_differs": (
        "决定与第{round}轮法制审核的拟处理意见不同，须就新的拟处理意见重新法制审核（行政处罚法第五十八条）",
        "the decision differs from the proposal review round {round} agreed to: review it again "
        "(APL art. 58)",
    ),
    "hearing.request_late": (
        "听证申请日期{date}已过申请期限（至{until}，行政处罚法第六十四条）",
        "the request of {date} is after the request period ending {until} (APL art. 64)",
    ),
    "hearing.notice_too_short": (
        "听证通知须在举行{days}个工作日前送达，举行日期最早为{earliest}（行政处罚法第六十四条）",
        "the hearing notice must be served {days} working days before it; the earliest "
        "hearing date is {earliest} (APL art. 64)",
    ),
    "discussion.too_few": (
        "集体讨论至少须有{min}名负责人参加（行政处罚法第五十七条第二款）",
        "a collective discussion needs at least {min} leaders (APL art. 57②)",
    ),
    "extension.first_too_long": (
        "首次延长办案期限最多{max}日（行政处罚法第六十条）",
        "the first extension is at most {max} days (APL art. 60)",
    ),
    "extension.needs_discussion": (
        "再次延长办案期限须经集体讨论（{since}之后尚无讨论记录，行政处罚法第六十条）",
        "a further extension needs a collective discussion (none since {since}; APL art. 60)",
    ),
    "filing.violation_after_discovery": (
        "违法行为日期晚于发现日期",
        "the act is dated after it was discovered",
    ),
    "filing.time_barred": (
        "违法行为（{date}）在{years}年内未被发现，不再给予行政处罚（行政处罚法第三十六条）",
        "the act ({date}) went undiscovered for {years} years and is no longer punished "
        "(APL art. 36)",
    ),
    "officers.change_same": (
        "变更后的承办人与原承办人相同",
        "the new handling officers are the same as before",
    ),
    "officers.ambiguous": (
        "有多名执法人员名为{name}，请写成“姓名(执法证号)”",
        "several officers are named {name}: write “name(certificate no)”",
    ),
    "officers.unknown_name": (
        "执法人员名册中没有{name}",
        "no officer named {name} in the registry",
    ),
    "case.already_complex": ("本案已标记为复杂案件", "the case is already marked complex"),
    "cli.choice": (
        "“{value}”不是可选的值（可选：{choices}）",
        "“{value}” is not one of: {choices}",
    ),
}
