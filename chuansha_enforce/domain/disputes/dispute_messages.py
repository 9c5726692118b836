"""Catalogue entries for reconsiderations and lawsuits (merged into ``messages``)."""

from __future__ import annotations

DISPUTE_FIELDS: dict[str, tuple[str, str]] = {
    "dispute_no": ("复议或诉讼案号", "reconsideration or lawsuit number"),
    "dispute_kind": ("类别", "kind"),
    "dispute_body": ("复议机关或法院", "reviewing body or court"),
    "dispute_id": ("复议诉讼登记号", "dispute register id"),
    "applicant": ("申请人或原告", "applicant or plaintiff"),
    "disputed_act": ("被申请（被诉）行为", "disputed act"),
    "instance": ("审级", "instance"),
    "received_on": ("收到日期", "received on"),
    "replied_on": ("答复或答辩日期", "reply or defence date"),
    "hearing_on": ("开庭日期", "hearing date"),
    "leader_appeared": ("负责人出庭", "leader appeared"),
    "outcome": ("结果", "outcome"),
    "outcome_on": ("结果日期", "outcome date"),
    "notes": ("备注", "notes"),
    "field": ("更正项目", "field"),
}

DISPUTE_MESSAGES: dict[str, tuple[str, str]] = {
    "value.choice": (
        "“{value}”不是可选的值，应为：{choices}",
        "“{value}” is not one of: {choices}",
    ),
    "dispute.instance_litigation": (
        "行政复议没有审级（一审、二审、再审只用于行政诉讼）",
        "a reconsideration has no instance (first, second, retrial are for lawsuits)",
    ),
    "dispute.leader_without_hearing": (
        "负责人出庭只能与开庭日期一起登记",
        "a leader's appearance is recorded with a hearing date only",
    ),
    "dispute.date_without_outcome": (
        "填写了结果日期，但没有结果",
        "an outcome date was given without an outcome",
    ),
    "dispute.hearing_reconsideration": (
        "开庭日期只用于行政诉讼",
        "hearing dates are for lawsuits only",
    ),
    "dispute.number_taken": (
        "{kind}案号 {number}（{instance}）已登记",
        "{kind} number {number} ({instance}) is already in the register",
    ),
    "dispute.not_found": ("复议诉讼登记号 {id} 不存在", "there is no dispute with id {id}"),
    "dispute.case_unknown": (
        "案件编号或决定书编号 {case_no} 不在本数据库中",
        "case or decision number {case_no} is not in this database",
    ),
    "dispute.concluded": (
        "{kind}案号 {number} 已于 {date} 作出结果，不能再改；如有错误请更正",
        "{kind} {number} was concluded on {date} and cannot be changed; correct it instead",
    ),
    "cli.dispute_added": (
        "已登记{kind} {number}（登记号 {id}），答复（答辩）期限 {due}",
        "recorded {kind} {number} (id {id}); reply due {due}",
    ),
    "cli.dispute_updated": (
        "已更新{kind} {number}（登记号 {id}）",
        "updated {kind} {number} (id {id})",
    ),
    "cli.dispute_corrected": (
        "已更正{kind} {number}（登记号 {id}）的{field}",
        "corrected {field} of {kind} {number} (id {id})",
    ),
    "cli.dispute_pending": ("未审结（答复期限 {due}）", "pending (reply due {due})"),
}
