"""Catalogue entries for publication, its withdrawal, closing with money unpaid and the due
list (merged into ``messages``)."""

from __future__ import annotations

PUBLICATION_FIELDS: dict[str, tuple[str, str]] = {
    "published_on": ("公示日期", "publication date"),
    "withdrawn_on": ("撤回公示日期", "withdrawal date"),
    "withdrawal_reason": ("撤回公示原因", "reason for the withdrawal"),
    "close_reason_kind": ("未缴清结案理由", "reason for closing unpaid"),
    "close_approved_by": ("批准人（法制审核员）", "approved by (legal reviewer)"),
    "set_aside_on": ("决定被撤销、变更或确认违法的日期", "date the decision was set aside"),
    "due_days": ("待办天数（工作日）", "days ahead (working days)"),
}

PUBLICATION_MESSAGES: dict[str, tuple[str, str]] = {
    "clock.publication_withdrawal_due": ("撤回公示期限", "publication withdrawal due"),
    "clock_state.unrecorded": ("未记录（启用前）", "not recorded (before the program)"),
    "publication.not_publishable": (
        "只有作出处罚决定（警告以外、非未成年人）的案件需要公示（三项制度，DOMAIN §8）",
        "only penalty decisions (other than a warning alone, not of a minor) are published",
    ),
    "publication.already_published": (
        "该决定已于{date}公示",
        "the decision was published on {date}",
    ),
    "publication.set_aside": (
        "该决定已于{date}被{by}，不再公示（行政处罚法第四十八条第二款）",
        "the decision was set aside on {date} ({by}); it is not published (APL 48②)",
    ),
    "publication.not_published": (
        "该决定尚未公示，无需撤回（先记录公示日期）",
        "the decision was never published; there is nothing to withdraw",
    ),
    "publication.already_withdrawn": (
        "该决定的公示已于{date}撤回",
        "the publication was withdrawn on {date}",
    ),
    "publication.set_aside_undecided": (
        "案件{case_no}尚未作出决定，无从撤销或变更",
        "case {case_no} has no decision to set aside",
    ),
    "publication.unrecorded": (
        "未填公示日期：按本程序启用前的历史决定导入，不计公示期限、不列入待办（如已公示，请补记公示日期）",
        "no publication date: imported as history from before the program; its publication "
        "is not tracked and not listed as due (record the date if it was published)",
    ),
    "case.close_unpaid": (
        "尚有{outstanding}元未缴纳，只能以下列理由之一结案：{choices}"
        "（申请法院强制执行见《行政强制法》第五十三条，终结执行见第四十条）",
        "{outstanding} yuan is unpaid: a case closes unpaid only for one of: {choices}"
        " (court enforcement: Administrative Coercion Law Art. 53; ending it: Art. 40)",
    ),
    "case.close_other_text": (
        "以“其他”理由在尚有{outstanding}元未缴纳时结案，须写明具体理由",
        "closing with {outstanding} yuan unpaid for “other” needs the reason written out",
    ),
    "case.close_other_approval": (
        "以“其他”理由在未缴清时结案，须经法制审核员批准（填写批准人）",
        "closing unpaid for “other” needs a legal reviewer's approval (name the approver)",
    ),
    "case.close_approver_not_reviewer": (
        "“{name}”不是法制审核员账户，不能批准以“其他”理由结案",
        "“{name}” is not a legal reviewer account and cannot approve closing for “other”",
    ),
    "cli.withdrawal_count": ("撤回公示：{count}件", "publications withdrawn: {count}"),
    "cli.due_heading": (
        "待办（{as_of}，至{until}到期及已逾期）：共{count}项",
        "due as of {as_of} (by {until}, and overdue): {count} items",
    ),
    "due.days": (
        "天数应为 0 到 {max} 之间的整数",
        "the number of days must be a whole number from 0 to {max}",
    ),
}
