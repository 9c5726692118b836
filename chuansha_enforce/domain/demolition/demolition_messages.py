"""Catalogue entries for demolition orders and no-penalty education (DOMAIN §13, APL 33;
merged into ``messages``)."""

from __future__ import annotations

DEMOLITION_FIELDS: dict[str, tuple[str, str]] = {
    "demolition_deadline": ("拆除期限", "demolition deadline"),
    "educated_on": ("教育日期", "date of the education"),
    "education": ("教育情况", "education given"),
}

DEMOLITION_MESSAGES: dict[str, tuple[str, str]] = {
    "notice.proposal_required": (
        "告知须写明拟作出的处罚种类或责令限期拆除决定（行政处罚法第四十四条）",
        "the notice must state the proposed penalty kinds or demolition order (APL art. 44)",
    ),
    "decision.demolition_deadline_required": (
        "责令限期拆除决定须写明拆除期限（城乡规划法第六十四条、第六十五条）",
        "a demolition order needs its deadline (Urban and Rural Planning Law arts. 64, 65)",
    ),
    "decision.demolition_deadline_too_early": (
        "拆除期限 {deadline} 须在决定日期 {decided_on} 之后",
        "the demolition deadline {deadline} must fall after the decision date {decided_on}",
    ),
    "decision.demolition_with_outcome": (
        "“{outcome}”的决定不能同时责令限期拆除；责令限期拆除可与处罚并处，或单独作出（仅责令限期拆除）",
        "a “{outcome}” decision cannot carry a demolition order; an order goes with a penalty "
        "or alone (order only)",
    ),
    "decision.demolition_not_noticed": (
        "告知未提出责令限期拆除，须重新告知后才能作出（行政处罚法第四十四条、第六十二条）",
        "the notice proposed no demolition order: notify again before ordering it "
        "(APL arts. 44, 62)",
    ),
    "cli.deadline_without_order": (
        "--deadline 是责令限期拆除的期限，须与 --demolition 或 --order-only 一起使用",
        "--deadline is a demolition order's deadline: use it with --demolition or --order-only",
    ),
    "ledger.deadline_without_order": (
        "填写了拆除期限，但“责令限期拆除”不是“是”",
        "a demolition deadline is given but 责令限期拆除 is not 是",
    ),
    "education.not_apl33": (
        "只有依行政处罚法第三十三条不予处罚（轻微违法及时改正、首违不罚、无主观过错）的案件记录教育；"
        "本案为：{what}",
        "education is recorded only with a no-penalty decision under APL art. 33 (minor and "
        "corrected, first violation, no fault); this case: {what}",
    ),
    "education.recorded": (
        "本案已于 {date} 记录教育情况",
        "the education was already recorded on {date}",
    ),
    "education.before_decision": (
        "教育日期 {date} 不能早于不予处罚决定日期 {decided_on}",
        "the education date {date} cannot precede the no-penalty decision of {decided_on}",
    ),
}
