"""Catalogue entries for the steps after the decision (DOMAIN §14; merged into ``messages``)."""

from __future__ import annotations

ENFORCEMENT_FIELDS: dict[str, tuple[str, str]] = {
    "plan": ("分期计划", "instalment plan"),
    "until": ("催告履行期限", "date the reminder gives to pay"),
    "applied_on": ("申请强制执行日期", "date of the application to the court"),
    "ruling_on": ("法院裁定日期", "date of the court's ruling"),
    "ruling": ("法院裁定结果", "the court's ruling"),
}

ENFORCEMENT_MESSAGES: dict[str, tuple[str, str]] = {
    "cli.case_instalment": (
        "  第{n}期：{due} 应缴 {amount} 元，{paid}，加处罚款 {surcharge} 元",
        "  instalment {n}: {amount} yuan due {due}, {paid}, surcharge {surcharge} yuan",
    ),
    "cli.instalment_paid": ("{date}缴清", "paid in full on {date}"),
    "cli.instalment_owed": ("未缴清", "not paid in full"),
    "clock.reminder_due": ("催告", "payment reminder due"),
    "clock.court_application_from": ("可申请法院强制执行之日", "court application possible from"),
    "clock.court_application_by": ("申请法院强制执行期限", "court application due"),
    "enforcement.plan_exists": (
        "本案已于{date}批准延期（分期）缴纳，不能再次批准",
        "a postponement or instalment plan was approved on {date} already",
    ),
    "enforcement.plan_after_due": (
        "延期（分期）缴纳须在缴款期限（{due}）届满前批准（行政处罚法第六十六条）",
        "a postponement or instalments must be approved before the payment period ends "
        "({due}; APL art. 66)",
    ),
    "enforcement.plan_item": (
        "第{n}期“{value}”应写作 缴款期限:金额（元），如 2026-12-01:500",
        "instalment {n} “{value}” should read due-date:amount in yuan, e.g. 2026-12-01:500",
    ),
    "enforcement.plan_amount": (
        "第{n}期的金额须大于0",
        "instalment {n} needs an amount above 0",
    ),
    "enforcement.plan_order": (
        "第{n}期的缴款期限（{date}）须晚于{after}（批准日期或上一期的期限）",
        "instalment {n} falls due on {date}: it must be after {after} "
        "(the approval or the instalment before it)",
    ),
    "enforcement.plan_total": (
        "各期金额合计{total}元，应等于尚欠的罚没款{owed}元",
        "the instalments add up to {total} yuan; {owed} yuan is owed",
    ),
    "enforcement.reminder_exists": (
        "本案已于{date}送达催告书",
        "a payment reminder was served on {date} already",
    ),
    "enforcement.reminder_not_due": (
        "缴款期限尚未届满或罚没款已缴清，不能催告（行政强制法第三十五条、第五十四条）",
        "no due date has passed with money owed: nothing to remind of "
        "(Administrative Coercion Law arts. 35, 54)",
    ),
    "enforcement.reminder_until": (
        "催告履行期限（{date}）须晚于催告书送达日期（{served}）",
        "the reminder's date to pay ({date}) must be after it was served ({served})",
    ),
    "enforcement.applied_already": (
        "本案已于{date}申请法院强制执行",
        "the court was asked to enforce on {date} already",
    ),
    "enforcement.no_reminder": (
        "申请法院强制执行前须先送达催告书（行政强制法第五十四条）",
        "serve a payment reminder before applying to the court "
        "(Administrative Coercion Law art. 54)",
    ),
    "enforcement.paid_in_full": (
        "罚没款已缴清，无需申请法院强制执行",
        "the money is paid in full: nothing to ask the court to enforce",
    ),
    "enforcement.dispute_pending": (
        "本案的行政复议或行政诉讼尚未审结，不能申请法院强制执行",
        "a reconsideration or lawsuit about the case is still pending: "
        "the court cannot be asked yet",
    ),
    "enforcement.apply_too_early": (
        "{date}还不能申请法院强制执行：最早{opens}（催告书送达十个工作日后，"
        "且复议、诉讼期限届满；行政强制法第五十三条、第五十四条）",
        "{date} is too early to apply to the court: {opens} at the earliest "
        "(10 working days after the reminder and after the review and lawsuit periods)",
    ),
    "enforcement.not_applied": (
        "尚未申请法院强制执行，不能记录法院裁定",
        "no application to the court is recorded: no ruling to record",
    ),
    "enforcement.ruled_already": (
        "已于{date}记录法院裁定",
        "the court's ruling was recorded on {date} already",
    ),
}
