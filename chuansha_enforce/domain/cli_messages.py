"""Catalogue entries for what the command line prints (merged into ``messages``).

Every sentence the CLI prints comes from here, Chinese first, so no command writes a
Chinese and an English print of its own. The names of a case's clocks and of their states,
and the states of the legal-review queue, are here too: ``case show`` prints 作出决定期限
（未到期）, never the code ``decision_due (pending)``.
"""

from __future__ import annotations

CLI_MESSAGES: dict[str, tuple[str, str]] = {
    # the database and its data
    "cli.migrated": ("{path}：已升级 {done}", "{path}: migrated {done}"),
    "cli.up_to_date": ("{path}：无需升级", "{path}: up to date"),
    "cli.demo_skipped": ("数据库已有案件，未写入演示数据", "cases exist; nothing written"),
    "cli.demo_written": (
        "已写入演示数据：执法人员 {officers} 名，一般程序案件 {general} 件，"
        "简易程序决定 {simple} 件，用时 {seconds} 秒",
        "demo data written: {officers} officers, {general} general cases, "
        "{simple} simple decisions in {seconds} s",
    ),
    "cli.warning": ("提醒：{text}", "warning: {text}"),
    "cli.notice": ("提示：{text}", "notice: {text}"),
    "cli.import_warnings_not_listed": (
        "共 {n} 条提醒，只列出了前 {shown} 条",
        "{n} warnings in all; only the first {shown} are listed",
    ),
    "cli.import_errors_not_listed": (
        "（只列出了前 {shown} 处）",
        " (only the first {shown} are listed)",
    ),
    "cli.import_failed": (
        "发现 {n} 处错误，未写入任何数据",
        "{n} errors; nothing was written",
    ),
    "cli.imported": ("已导入", "imported"),
    "cli.import_checked": ("检查通过（未写入）", "checked (nothing written)"),
    "cli.import_counts": (
        "{verb}：执法人员 {officers} 名，一般程序案件 {general} 件，"
        "简易程序决定 {simple} 件，{disputes}提醒 {warnings} 条",
        "{verb}: {officers} officers, {general} general cases, "
        "{simple} simple decisions, {disputes}{warnings} warnings",
    ),
    "cli.import_disputes": ("行政复议和行政诉讼 {n} 件，", "{n} disputes, "),
    "cli.exported": (
        "已导出 {path}：执法人员 {officers} 名，一般程序案件 {general} 件，"
        "简易程序决定 {simple} 件",
        "exported {path}: {officers} officers, {general} general cases, {simple} simple decisions",
    ),
    "cli.written": (
        "已生成 {path}（{size} 字节，用时 {seconds} 秒）",
        "written {path} ({size} bytes in {seconds} s)",
    ),
    "cli.disclosure_counts": (
        "公开 {published} 条，不公开 {withheld} 条（未成年人、仅予警告）",
        "{published} published, {withheld} withheld (minors, warnings)",
    ),
    "cli.stats": (
        "{year}年：一般案件立案 {filed} 起，结案 {closed} 起"
        "（年初未结 {open_at_start} 起，年末未结 {open_at_end} 起），"
        "作出处罚决定 {decided} 起，处罚金额 {fines} 元，"
        "不予处罚 {no_penalty} 起，年末逾期未决 {overdue_open} 起；"
        "简易案件 {simple} 起，处罚金额 {simple_fines} 元；"
        "执法证 {certificates} 张（注销 {cancelled}，新办 {issued}）；"
        "法制审核 {reviews} 起；案卷评查 {sampled} 件；"
        "收缴罚没款 {collected} 元，年末未缴 {outstanding} 元。",
        "{year}: general cases filed {filed}, closed {closed}, decided {decided}, "
        "fines decided {fines} yuan; simple decisions {simple}, fines {simple_fines} yuan; "
        "certificates {certificates}; collected {collected}, outstanding {outstanding} yuan.",
    ),
    # cases
    "cli.case_clock": ("  {name}：{due}（{state}）", "  {name}: {due} ({state})"),
    "cli.case_major": ("  重大案件：{reasons}", "  major case: {reasons}"),
    "cli.case_open_steps": ("  可办理：{steps}", "  steps open now: {steps}"),
    "cli.case_amounts": (
        "  加处罚款 {surcharge} 元，应缴 {due} 元（截至 {as_of}）",
        "  surcharge {surcharge} yuan, due {due} yuan (as of {as_of})",
    ),
    "cli.True": ("是", "yes"),
    "cli.False": ("否", "no"),
    "cli.list_separator": ("、", ", "),
    "cli.no_fine": ("—", "-"),
    "cli.trash_deleted": ("已将案件{no}移入回收站", "case {no} moved to the trash"),
    "cli.trash_restored": ("已从回收站恢复案件{no}", "case {no} taken back from the trash"),
    "clock.filing_due": ("立案期限", "filing due"),
    "clock.decision_due": ("作出决定期限", "decision due"),
    "clock.statement_due": ("陈述申辩期限", "statement due"),
    "clock.hearing_request_due": ("申请听证期限", "hearing request due"),
    "clock.service_due": ("送达期限", "service due"),
    "clock.disclosure_due": ("公示期限", "disclosure due"),
    "clock.payment_due": ("缴款期限", "payment due"),
    "clock_state.pending": ("未到期", "pending"),
    "clock_state.due_soon": ("即将到期", "due soon"),
    "clock_state.overdue": ("已逾期", "overdue"),
    "clock_state.met": ("按期完成", "met"),
    "clock_state.missed": ("逾期完成", "missed"),
    # accounts, backups
    "cli.user_added": (
        "已添加账户 {name}（{display}，{role}）",
        "account {name} added ({display}, {role_code})",
    ),
    "cli.password_changed": ("密码已修改", "password changed"),
    "cli.user_disabled": ("已停用账户 {name}", "{name} disabled"),
    "cli.backed_up": (
        "已备份到 {path}（已通过完整性检查）：{contents}",
        "backed up to {path} (integrity checked): {contents}",
    ),
    "cli.restored": (
        "已用 {source}（备份于北京时间 {taken}，结构版本 {schema}）恢复 {db}：{contents}",
        "restored {db} from {source} (taken {taken} Beijing time, schema {schema}): {contents}",
    ),
    "cli.restore_kept_damaged": (
        "无法读取的原文件副本已保存为 {path}",
        "a raw copy of the unreadable file is saved as {path}",
    ),
    "cli.restore_kept_previous": (
        "恢复前的数据库已保存为 {path}",
        "the database as it was is saved as {path}",
    ),
    "cli.restore_upgrades_next": (
        "下次打开时会自动升级数据库结构（升级前另作备份）",
        "the next open upgrades the database structure (after a backup)",
    ),
    # legal review
    "cli.review_submitted": (
        "{no} 已报送法制审核，审核期限 {due}",
        "{no} submitted for legal review, due {due}",
    ),
    "cli.review_extended": (
        "{no} 审核期限延长至 {due}",
        "{no}: legal review due date extended to {due}",
    ),
    "cli.review_signed": (
        "{no} 第{round}轮法制审核：{opinion}（已签署）",
        "{no} legal review round {round}: {opinion} (signed)",
    ),
    "cli.review_round": ("第{round}轮", "round {round}"),
    "review_state.open": ("待审核", "open"),
    "review_state.due_soon": ("即将到期", "due soon"),
    "review_state.overdue": ("已逾期", "overdue"),
    "signature.valid": ("签名有效", "signature valid"),
    "signature.invalid": ("签名无效", "signature invalid"),
    "signature.unsigned": ("未签名", "unsigned"),
    "signature.imported": ("台账导入（无签名）", "imported from the ledger (no signature)"),
    # case-file review
    "cli.sample_drawn": (
        "第 {id} 批：{year} 年可抽案卷 {population} 件，抽取 {files} 件（{stratify}，"
        "按随机种子 {seed} 抽取，同一数据、同一种子结果相同）",
        "sample {id}: {files} of {population} files of {year} ({stratify_code}, drawn with "
        "seed {seed}: the same data and seed give the same files)",
    ),
    "cli.sample_row": (
        "{id}\t{year}\t种子 {seed}\t{files} 件（已评 {scored}）\t{drawn_at}",
        "{id}\t{year}\tseed {seed}\t{files} files ({scored} scored)\t{drawn_at}",
    ),
    "cli.file_unscored": ("未评", "not scored"),
    "cli.file_defects": ("问题 {n}（未整改 {open}）", "{n} defects ({open} open)"),
    "cli.sheet_cost": ("每处扣 {points} 分，最多扣 {cap} 分", "{points} per defect, at most {cap}"),
    "cli.sheet_cost_judged": ("评查人酌定扣分，最多扣 {cap} 分", "as judged, at most {cap}"),
    "cli.sheet_grades": (
        "等次：优秀 ≥ {excellent}，良好 ≥ {good}，合格 ≥ {passed}，否则或有否决项为不合格",
        "grades: excellent ≥ {excellent}, good ≥ {good}, pass ≥ {passed}, "
        "otherwise or with a veto item: fail",
    ),
    "cli.file_scored": (
        "案卷形式 {form} 分，案卷内容 {content} 分，总分 {total} 分，{grade}{veto}",
        "form {form}, content {content}, total {total}: {grade}{veto}",
    ),
    "cli.file_veto": ("（否决项：{items}）", " (veto: {items})"),
    "cli.defect_rectified": ("已整改 {date}", "rectified {date}"),
    "cli.defect_open": ("未整改", "open"),
    "cli.defect_veto": ("否决", "veto"),
    "cli.defect_cost": ("扣 {points} 分", "-{points}"),
    "cli.rectified": ("已登记整改", "rectification recorded"),
}
