"""Catalogue entries for corrections (更正; merged into ``messages``)."""

from __future__ import annotations

CORRECTION_FIELDS: dict[str, tuple[str, str]] = {
    "value": ("新值", "new value"),
    "payment": ("第几笔缴款", "payment number"),
    "violation": ("违法行为", "violation"),
    "legal_basis": ("法律依据", "legal basis"),
    "location": ("地点", "location"),
    "address": ("当事人地址", "party address"),
    "facts": ("违法事实", "facts"),
    "status": ("状态", "status"),
    "record": ("更正对象", "record"),
}

CORRECTION_MESSAGES: dict[str, tuple[str, str]] = {
    "correction.unknown_field": (
        "不能更正“{value}”；可更正的项目：{choices}",
        "“{value}” cannot be corrected; the fields are: {choices}",
    ),
    "correction.unchanged": (
        "{label}已经是“{value}”，无需更正",
        "{label} is already “{value}”: nothing to correct",
    ),
    "correction.no_step": (
        "尚未登记{label}所在的环节，请先登记该环节（更正只改已登记的内容）",
        "the step holding {label} is not recorded yet: record the step (a correction changes"
        " only what is recorded)",
    ),
    "correction.no_payment": (
        "没有第{n}笔缴款（本案共{count}笔）",
        "there is no payment {n} (the case has {count})",
    ),
    "correction.paid_more": (
        "已缴{paid}元，多于更正后的应缴{due}元；请先更正缴款记录",
        "{paid} yuan is paid, more than the {due} yuan due after the correction; correct the"
        " payments first",
    ),
    "correction.cancel_by_date": (
        "注销请更正“注销日期”（填写注销日期即为注销）",
        "to cancel a certificate correct its cancellation date",
    ),
    "correction.simple_not_found": (
        "没有决定书文号为{decision_no}的简易程序决定",
        "no simple-procedure decision numbered {decision_no}",
    ),
    "correction.officer_not_found": (
        "没有执法证号为{certificate_no}的执法人员",
        "no officer holds certificate {certificate_no}",
    ),
    "cli.corrected": (
        "已更正 {record} 的{label}：{before} → {after}",
        "corrected {label} of {record}: {before} → {after}",
    ),
    "cli.empty_value": ("（空）", "(empty)"),
    "cli.case_correction": (
        "更正 {at}　{label}：{before} → {after}（理由：{reason}；{user}）",
        "correction {at}  {label}: {before} → {after} (reason: {reason}; {user})",
    ),
    "cli.correction_superseded": (
        "第{round}轮法制审核所审核的内容已改变，该轮审核失效：须重新提交法制审核，经新一轮审核后才能继续",
        "what review round {round} approved has changed: the round is superseded; submit the"
        " case for a new review round before going on",
    ),
    "cli.correction_publication": (
        "该决定的公示内容已改变：须撤回原公示并重新公示",
        "the published decision changed: withdraw its publication and publish it again",
    ),
    "review.superseded": (
        "案件{case_no}的第{round}轮法制审核已因更正（{label}）失效，须重新提交法制审核并经新一轮审核后才能继续",
        "legal review round {round} of case {case_no} was superseded by a correction ({label});"
        " submit the case for a new review round before going on",
    ),
}
