"""The message catalogue: one sentence per error code, Chinese first, English available.

The CLI and the GUI both render errors through here, so they always say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from chuansha_enforce.domain.accounts.account_messages import ACCOUNT_FIELDS, ACCOUNT_MESSAGES
from chuansha_enforce.domain.accounts.account_officer_messages import (
    ACCOUNT_OFFICER_FIELDS,
    ACCOUNT_OFFICER_MESSAGES,
)
from chuansha_enforce.domain.after_decision.enforcement_messages import (
    ENFORCEMENT_FIELDS,
    ENFORCEMENT_MESSAGES,
)
from chuansha_enforce.domain.after_decision.publication_messages import (
    PUBLICATION_FIELDS,
    PUBLICATION_MESSAGES,
)
from chuansha_enforce.domain.badinput_messages import BADINPUT_FIELDS, BADINPUT_MESSAGES
from chuansha_enforce.domain.cases.discretion_messages import DISCRETION_FIELDS, DISCRETION_MESSAGES
from chuansha_enforce.domain.cases.discretion_step_messages import (
    DISCRETION_STEP_FIELDS,
    DISCRETION_STEP_MESSAGES,
)
from chuansha_enforce.domain.cases.find_messages import FIND_FIELDS, FIND_MESSAGES
from chuansha_enforce.domain.cases.gate_detail_messages import (
    GATE_DETAIL_FIELDS,
    GATE_DETAIL_MESSAGES,
)
from chuansha_enforce.domain.cases.gate_messages import GATE_FIELDS, GATE_MESSAGES
from chuansha_enforce.domain.cases.ledger_discretion_messages import (
    LEDGER_DISCRETION_FIELDS,
    LEDGER_DISCRETION_MESSAGES,
)
from chuansha_enforce.domain.cases.linked_case_messages import LINKED_CASE_MESSAGES
from chuansha_enforce.domain.cases.service_messages import SERVICE_FIELDS, SERVICE_MESSAGES
from chuansha_enforce.domain.cases.version_messages import VERSION_FIELDS, VERSION_MESSAGES
from chuansha_enforce.domain.cli_messages import CLI_MESSAGES
from chuansha_enforce.domain.corrections.correction_messages import (
    CORRECTION_FIELDS,
    CORRECTION_MESSAGES,
)
from chuansha_enforce.domain.demolition.demolition_messages import (
    DEMOLITION_FIELDS,
    DEMOLITION_MESSAGES,
)
from chuansha_enforce.domain.demolition.forced_demolition_messages import (
    FORCED_FIELDS,
    FORCED_MESSAGES,
)
from chuansha_enforce.domain.demolition.forced_ledger_messages import (
    FORCED_LEDGER_FIELDS,
    FORCED_LEDGER_MESSAGES,
)
from chuansha_enforce.domain.demolition.forced_ui_messages import (
    FORCED_UI_FIELDS,
    FORCED_UI_MESSAGES,
)
from chuansha_enforce.domain.disputes.dispute_messages import DISPUTE_FIELDS, DISPUTE_MESSAGES
from chuansha_enforce.domain.documents.document_messages import DOCUMENT_FIELDS, DOCUMENT_MESSAGES
from chuansha_enforce.domain.file_access_messages import FILE_ACCESS_MESSAGES
from chuansha_enforce.domain.migrate_messages import MIGRATE_MESSAGES
from chuansha_enforce.domain.presenter_messages import PRESENTER_MESSAGES
from chuansha_enforce.domain.probe_messages import PROBE_FIELDS, PROBE_MESSAGES
from chuansha_enforce.domain.restore_generation_messages import RESTORE_GENERATION_MESSAGES
from chuansha_enforce.domain.retry_messages import RETRY_MESSAGES
from chuansha_enforce.domain.seal_tracking_messages import SEAL_TRACKING_MESSAGES
from chuansha_enforce.domain.server_backup_messages import (
    SERVER_BACKUP_MESSAGES,
    SERVER_CONNECT_FIELDS,
    SERVER_CONNECT_MESSAGES,
)
from chuansha_enforce.domain.server_messages import SERVER_MESSAGES
from chuansha_enforce.domain.simple_procedure.simple_payment_messages import (
    SIMPLE_PAYMENT_FIELDS,
    SIMPLE_PAYMENT_MESSAGES,
)
from chuansha_enforce.domain.simple_procedure.simple_version_messages import (
    SIMPLE_VERSION_MESSAGES,
)

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

FIELDS: Mapping[str, tuple[str, str]] = {
    **PROBE_FIELDS,
    **BADINPUT_FIELDS,
    **SERVER_CONNECT_FIELDS,
    **ACCOUNT_FIELDS,
    **ACCOUNT_OFFICER_FIELDS,
    **DISPUTE_FIELDS,
    **GATE_FIELDS,
    **SERVICE_FIELDS,
    **DISCRETION_FIELDS,
    **DISCRETION_STEP_FIELDS,
    **LEDGER_DISCRETION_FIELDS,
    **FIND_FIELDS,
    **GATE_DETAIL_FIELDS,
    **DOCUMENT_FIELDS,
    **DEMOLITION_FIELDS,
    **SIMPLE_PAYMENT_FIELDS,
    **ENFORCEMENT_FIELDS,
    **FORCED_FIELDS,
    **FORCED_LEDGER_FIELDS,
    **FORCED_UI_FIELDS,
    **CORRECTION_FIELDS,
    **PUBLICATION_FIELDS,
    **VERSION_FIELDS,
    "amount": ("金额", "amount"),
    "fine": ("罚款金额", "fine"),
    "id_number": ("证件号码", "ID number"),
    "limit": ("每页条数", "page size"),
    "year": ("年度", "year"),
    "override_day": ("调休日期", "override date"),
    "override_note": ("调休说明", "override note"),
    "cases": ("案件数", "number of cases"),
    "seed": ("随机种子", "seed"),
    "db": ("数据库", "database"),
    "case_no": ("案件编号", "case number"),
    "cause": ("案由", "cause"),
    "filed_on": ("立案日期", "filing date"),
    "clue_on": ("线索发现日期", "date the clue was found"),
    "officers": ("承办人", "handling officers"),
    "party_name": ("当事人", "party"),
    "party_kind": ("当事人类型", "party type"),
    "notice_on": ("告知日期", "advance notice date"),
    "statement_on": ("陈述申辩日期", "statement date"),
    "hearing": ("听证", "hearing"),
    "requested_on": ("听证申请日期", "hearing request date"),
    "held_on": ("举行日期", "date held"),
    "presiding": ("听证主持人", "presiding officer"),
    "reviewer": ("法制审核人", "legal reviewer"),
    "reviewed_on": ("法制审核日期", "legal review date"),
    "opinion": ("法制审核结论", "legal review opinion"),
    "minutes": ("讨论记录", "minutes"),
    "approved_by": ("批准人", "approved by"),
    "approved_on": ("批准日期", "approval date"),
    "reason": ("理由", "reason"),
    "days": ("延长天数", "days"),
    "kinds": ("处罚种类", "penalty kinds"),
    "confiscation": ("没收金额", "confiscation"),
    "decision_no": ("决定书文号", "decision number"),
    "no_penalty_reason": ("不予处罚理由", "reason for no penalty"),
    "decided_on": ("决定日期", "decision date"),
    "served_on": ("送达日期", "service date"),
    "service_method": ("送达方式", "service method"),
    "paid_on": ("缴款日期", "payment date"),
    "surcharge": ("加处罚款", "late surcharge"),
    "channel": ("缴款方式", "payment channel"),
    "receipt_no": ("票据号", "receipt number"),
    "pause_start": ("暂停起始日期", "pause start"),
    "pause_end": ("暂停结束日期", "pause end"),
    "closed_on": ("结案日期", "closing date"),
    "close_reason": ("结案说明", "closing note"),
    "as_of": ("计算日期", "as-of date"),
    "template": ("编号模板", "number template"),
    "setting": ("设置", "setting"),
    "form_no": ("表单编号", "form number"),
    "path": ("文件", "file"),
    "query": ("搜索内容", "search"),
    "number": ("编号", "number"),
    "collected_on_spot": ("当场收缴", "collected on the spot"),
    "on_spot_reason": ("当场收缴理由", "reason for collecting on the spot"),
    "officer_name": ("姓名", "name"),
    "certificate_no": ("执法证号", "certificate number"),
    "issued_on": ("发证日期", "issue date"),
    "expires_on": ("有效期至", "expiry date"),
    "cancelled_on": ("注销日期", "cancellation date"),
    "count": ("抽查件数", "number of files"),
    "percent": ("抽查比例（%）", "percentage"),
    "stratify": ("分层方式", "stratification"),
    "sample": ("抽查批次", "sample"),
    "file": ("评查案卷", "reviewed file"),
    "item": ("评查项目", "score-sheet item"),
    "points": ("扣分", "points deducted"),
    "sheet": ("评分标准", "score sheet"),
    "note": ("说明", "note"),
    "defect": ("问题", "defect"),
    "rectification": ("整改情况", "rectification"),
    "rectified_on": ("整改日期", "rectification date"),
}

MESSAGES: Mapping[str, tuple[str, str]] = {
    **PROBE_MESSAGES,
    **BADINPUT_MESSAGES,
    **ACCOUNT_MESSAGES,
    **ACCOUNT_OFFICER_MESSAGES,
    **CLI_MESSAGES,
    **FILE_ACCESS_MESSAGES,
    **SERVER_MESSAGES,
    **SEAL_TRACKING_MESSAGES,
    **RESTORE_GENERATION_MESSAGES,
    **RETRY_MESSAGES,
    **MIGRATE_MESSAGES,
    **SERVER_BACKUP_MESSAGES,
    **SERVER_CONNECT_MESSAGES,
    **DISPUTE_MESSAGES,
    **GATE_MESSAGES,
    **FIND_MESSAGES,
    **GATE_DETAIL_MESSAGES,
    **DOCUMENT_MESSAGES,
    **DEMOLITION_MESSAGES,
    **PRESENTER_MESSAGES,
    **SERVICE_MESSAGES,
    **DISCRETION_MESSAGES,
    **DISCRETION_STEP_MESSAGES,
    **LEDGER_DISCRETION_MESSAGES,
    **SIMPLE_PAYMENT_MESSAGES,
    **ENFORCEMENT_MESSAGES,
    **FORCED_MESSAGES,
    **FORCED_LEDGER_MESSAGES,
    **FORCED_UI_MESSAGES,
    **CORRECTION_MESSAGES,
    **PUBLICATION_MESSAGES,
    **VERSION_MESSAGES,
    **LINKED_CASE_MESSAGES,
    **SIMPLE_VERSION_MESSAGES,
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
    "calendar.override_unknown": ("{day} 不在调休表中", "{day} is not in the override table"),
    "calendar.uncovered": (
        "内置日历只包含到{last}年的法定节假日和调休安排。未来90天内涉及{year}年的期限暂按周一至周五推算，"
        "并会标注提醒；国务院公布{year}年安排后，请在设置中录入。",
        "the built-in calendar ends with {last}; deadlines in {year} within the next 90 days are "
        "counted Monday to Friday and marked. Enter the {year} schedule once it is published",
    ),
    # dates and values
    "date.future": ("日期{date}晚于今天", "the date {date} is in the future"),
    "date.too_early": (
        "日期{date}早于{what}（{earliest}）",
        "the date {date} is before the {what} ({earliest})",
    ),
    "date.invalid": ("“{value}”不是有效的日期", "“{value}” is not a valid date"),
    "value.required": ("必须填写", "is required"),
    # officers
    "officers.too_few": (
        "至少需要{min}名持有效执法证的执法人员",
        "at least {min} certified officers",
    ),
    "officers.invalid_on": (
        "{name}（执法证号{certificate_no}）在{date}没有有效的执法证",
        "{name} (certificate {certificate_no}) holds no valid certificate on {date}",
    ),
    "officers.unknown": (
        "找不到执法证号为{certificate_no}的执法人员",
        "no officer with certificate {certificate_no}",
    ),
    "officer.certificate_taken": (
        "执法证号{certificate_no}已登记",
        "certificate {certificate_no} is already registered",
    ),
    "officer.expires_before_issue": ("有效期早于发证日期", "expiry is before the issue date"),
    "officer.cancellation_date": (
        "状态为“注销”时必须填写注销日期，其他状态不填",
        "a cancelled certificate needs its date",
    ),
    # general-procedure steps
    "case.case_no_taken": ("案件编号{case_no}已存在", "case number {case_no} already exists"),
    "case.not_found": ("找不到案件{case_no}", "no case {case_no}"),
    "case.in_trash": (
        "案件{case_no}在回收站中（恢复后才能查看或办理）",
        "case {case_no} is in the trash (take it back to see or work on it)",
    ),
    "restore.cancelled": ("未登录，未恢复备份", "no login: nothing was restored"),
    "trash.reason_required": ("删除案件须写明理由", "give the reason for deleting the case"),
    "trash.reason_too_long": (
        "删除理由不能超过 {max} 个字",
        "the reason for deleting may have at most {max} characters",
    ),
    "trash.signed": (
        "案件{case_no}有已签名的法制审核记录，不能删除（已签名的记录不得删改）",
        "case {case_no} has a signed legal review and cannot be deleted (signed records are"
        " never deleted or changed)",
    ),
    "trash.sampled": (
        "案件{case_no}已抽入案卷评查，不能删除",
        "case {case_no} was drawn for a case-file review and cannot be deleted",
    ),
    "trash.decided": (
        "案件{case_no}已作出决定或已有缴款，不能删除；请更正有关记录（案件窗口“更正…”，"
        "或命令 case correct {case_no} --field 项目 --value 新值 --reason 理由）",
        "case {case_no} has a decision or a payment and cannot be deleted; correct the record"
        " instead (“Correct…” in the case window, or case correct {case_no} --field NAME"
        " --value VALUE --reason TEXT)",
    ),
    "case.case_no_in_trash": (
        "案件编号{case_no}已被回收站中的案件使用（编号不重复使用；可从回收站恢复该案件）",
        "the case number {case_no} belongs to a case in the trash (numbers are never reused;"
        " take that case back instead)",
    ),
    "trash.already": ("案件{case_no}已在回收站中", "case {case_no} is already in the trash"),
    "trash.not_there": ("回收站中没有案件{case_no}", "case {case_no} is not in the trash"),
    "case.clue_after_filing": (
        "线索发现日期{date}不能晚于立案日期",
        "the clue date {date} is after filing",
    ),
    "case.already_decided": (
        "案件{case_no}已作出决定，不能再记录此步骤",
        "case {case_no} is already decided",
    ),
    "case.not_decided": ("案件{case_no}尚未作出决定", "case {case_no} is not decided yet"),
    "case.already_served": ("决定书已于{date}送达", "the decision was served on {date}"),
    "case.already_closed": ("案件已于{date}结案", "the case was closed on {date}"),
    "case.close_undecided": (
        "案件{case_no}尚未作出决定，不能结案",
        "case {case_no} cannot close undecided",
    ),
    "case.close_unserved": (
        "决定书尚未送达，不能结案",
        "the decision has not been served; it cannot close",
    ),
    "hearing.not_offered": (
        "尚未告知当事人听证权利，不能记录听证",
        "no hearing right was notified",
    ),
    "hearing.presiding_is_investigator": (
        "{name}是本案承办人，不能主持听证",
        "{name} handles this case and cannot preside",
    ),
    "hearing.notice_after_hearing": (
        "听证通知日期晚于举行日期",
        "the hearing notice is after the hearing",
    ),
    "review.reviewer_is_officer": (
        "{name}是本案承办人，不能审核本案",
        "{name} handles this case and cannot review it",
    ),
    "review.reviewer_presided": (
        "{name}主持了本案听证，不能审核本案",
        "{name} presided the hearing and cannot review",
    ),
    "extension.days": ("延长天数应在1到{max}之间", "the extension must be 1 to {max} days"),
    # decisions
    "decision.kinds_required": (
        "处罚决定至少要有一种处罚种类",
        "a penalty needs at least one kind",
    ),
    "decision.reason_with_penalty": (
        "只有不予处罚决定才填写不予处罚理由",
        "only a no-penalty outcome has a reason for it",
    ),
    "decision.fine_required": ("处罚种类含罚款时，罚款金额必须大于零", "a fine must be above zero"),
    "decision.fine_without_kind": (
        "处罚种类不含罚款，罚款金额应为零",
        "no fine among the kinds: the fine must be zero",
    ),
    "decision.confiscation_without_kind": (
        "处罚种类不含没收，没收金额应为零",
        "no confiscation among the kinds: it must be zero",
    ),
    "decision.outcome_has_penalty": (
        "“{outcome}”不能有处罚种类或金额",
        "“{outcome}” has no penalty kinds or amounts",
    ),
    "decision.no_penalty_reason_required": ("不予处罚必须选择理由", "no penalty needs its reason"),
    "decision.number_taken": (
        "决定书号{decision_no}已被{holder}使用（决定书文号与简易程序决定书编号共用一套编号）",
        "decision number {decision_no} is already used by {holder}",
    ),
    "decision.without_notice": (
        "未告知当事人拟作出的处罚，不得作出处罚决定（行政处罚法第六十二条）",
        "no penalty decision without the advance notice (APL art. 62)",
    ),
    "decision.before_hearing": ("决定日期早于听证日期", "the decision is dated before the hearing"),
    "decision.review_required": (
        "重大案件（{reasons}）须经法制审核同意后才能作出决定（行政处罚法第五十八条）",
        "a major case ({reasons}) needs an agreed legal review before the decision (APL art. 58)",
    ),
    # simple procedure
    "simple.kind": (
        "简易程序只能作出警告或罚款（行政处罚法第五十一条）",
        "a simple decision is a warning or a fine (APL art. 51)",
    ),
    "simple.fine_over_limit": (
        "简易程序对{party_kind}罚款不得超过{limit}元（行政处罚法第五十一条），应按一般程序办理",
        "a simple fine on a {party_kind} is at most {limit} yuan (APL art. 51); use the general "
        "procedure",
    ),
    "simple.on_spot_without_fine": ("只有罚款才能当场收缴", "only a fine can be collected"),
    "simple.on_spot_not_allowed": (
        "罚款超过100元，只有写明事后难以执行的理由才能当场收缴（行政处罚法第六十八条）",
        "over 100 yuan may be collected on the spot only with the reason it would be hard "
        "to collect later (APL art. 68)",
    ),
    "simple.on_spot_date": (
        "当场收缴的缴款日期应为决定当日",
        "money collected on the spot is paid on the decision day",
    ),
    # ledger import rules
    "ledger.required": ("必须填写", "is required"),
    "ledger.officer_unknown": (
        "找不到执法人员“{officer}”（执法人员表或数据库中都没有）",
        "no officer “{officer}” in the officers sheet or the database",
    ),
    "ledger.officer_ambiguous": (
        "有多名执法人员叫“{officer}”，请写成 姓名(执法证号)",
        "several officers are called “{officer}”; write name(certificate number)",
    ),
    "ledger.case_exists": ("案件编号{case_no}已存在（{where}）", "case {case_no} exists ({where})"),
    "ledger.decision_exists": (
        "决定书编号{decision_no}已存在（{where}）",
        "decision {decision_no} exists ({where})",
    ),
    "ledger.decision_without_date": (
        "填写了处罚种类或金额，但没有决定日期",
        "kinds or amounts are given without a decision date",
    ),
    "ledger.outcome_alone": (
        "“{value}”：不予处罚、撤销立案、移送只能单独填写",
        "“{value}”: that outcome stands alone",
    ),
    "ledger.payment_incomplete": (
        "缴款日期和实缴金额应同时填写",
        "the payment date and amount go together",
    ),
    "ledger.paid_too_much": (
        "实缴金额超过罚没款与法定最高加处罚款之和（{max}元）",
        "paid more than the fine plus the largest lawful surcharge ({max} yuan)",
    ),
    "ledger.major_mismatch": (
        "“重大案件”一栏与程序判断不一致（程序判断为：{computed}），以程序判断为准",
        "the 重大案件 column disagrees with the classifier ({computed}); the classifier is used",
    ),
    "ledger.personal_data": (
        "{field}含{what}：内部记录照录，公开输出（双公示、公开版）不含此栏原文",
        "{field} holds {what}: the internal record keeps it; public outputs never print it",
    ),
    "ledger.decision_late": (
        "决定超过90日办案期限（应于{due}前作出）",
        "decided after the 90-day limit (due {due})",
    ),
    "ledger.nothing": ("文件中没有可导入的工作表", "the file holds no sheet to import"),
    "ledger.officers_need_admin": (
        "文件含 {count} 名新执法人员：执法人员只能由管理员登记，{name}（{role}）不能导入此表"
        "（请管理员导入，或删去执法人员表、只导入已登记人员办理的案件）",
        "the file brings {count} new officers: only an administrator registers officers, and"
        " {name} ({role}) may not import it (ask an administrator, or leave out the officers"
        " sheet and import only cases of officers already on record)",
    ),
    "ledger.cases_need_clerk": (
        "文件含 {count} 件案件和简易程序决定：案件由内勤登记，{name}（{role}）不能导入"
        "（请内勤导入；管理员可只导入执法人员表）",
        "the file brings {count} cases and simple decisions: clerks record cases, and {name}"
        " ({role}) may not import them (ask a clerk; an administrator may import the officers"
        " sheet alone)",
    ),
    "ledger.export_suffix": ("导出文件应为 .xlsx：{path}", "the export file must be .xlsx: {path}"),
    # search
    "search.too_long": ("搜索内容最多{max}个字", "a search is at most {max} characters"),
    # settings
    "settings.unknown": ("没有名为“{name}”的设置", "there is no setting “{name}”"),
    "settings.invalid": ("“{value}”不是“{name}”的有效值", "“{value}” is not valid for “{name}”"),
    "settings.out_of_range": (
        "“{name}”应在{low}至{high}之间（填的是“{value}”）",
        "“{name}” must be from {low} to {high} (given “{value}”)",
    ),
    # numbering
    "numbering.template": (
        "编号模板“{template}”应包含一次{{year}}和一次{{seq}}，"
        "例如 沪浦川执罚〔{{year}}〕{{seq:06d}}号",
        "the template “{template}” needs {{year}} and one {{seq}}, e.g. X〔{{year}}〕{{seq:06d}}",
    ),
    "numbering.not_issued": (
        "编号{number}未由本程序发放或已作废",
        "{number} was not issued or is void",
    ),
    # simple forms
    "forms.run": (
        "表单编号应以数字结尾，一次最多{max}张",
        "a form number ends in digits; at most {max}",
    ),
    "forms.taken": ("这些表单编号已在库：{numbers}", "these form numbers exist: {numbers}"),
    "forms.unknown": ("表单{form_no}不在表单库中", "form {form_no} is not in the stock"),
    "forms.not_in_stock": ("表单{form_no}已使用或已作废", "form {form_no} is used or void"),
    # payments
    "payment.nothing_due": ("案件{case_no}没有应缴的罚没款", "case {case_no} has nothing to pay"),
    "payment.before_service": (
        "决定书送达前不能登记缴款",
        "no payment before the decision is served",
    ),
    "payment.amount_required": ("缴款金额必须大于零", "the amount must be above zero"),
    "payment.over_paid": (
        "缴款超出应缴金额：尚欠{left}元",
        "more than is due: {left} yuan is left",
    ),
    "payment.surcharge_too_high": (
        "加处罚款不得超出罚款数额：最多还可收{max}元",
        "the surcharge cannot exceed the fine: {max} left",
    ),
    # ledger files
    "ledger.format": (
        "{name} 不是 .xlsx 或 .csv 文件。请在 Excel 中另存为“Excel 工作簿(*.xlsx)”或 CSV 后再导入",
        "{name} is not an .xlsx or .csv file; save it from Excel as an Excel workbook (*.xlsx) "
        "or CSV and import that",
    ),
    "ledger.not_found": ("找不到文件 {name}", "the file {name} was not found"),
    "ledger.unreadable": (
        "无法读取 {name}：文件已损坏，或不是有效的 {format} 文件",
        "{name} cannot be read: it is damaged or not a valid {format} file",
    ),
    "ledger.encoding": (
        "无法识别 {name} 的文字编码。请在 Excel 中另存为“CSV UTF-8”后再导入",
        "the text encoding of {name} is not recognised; save it from Excel as “CSV UTF-8”",
    ),
    "ledger.empty": ("{name} 中没有任何内容", "{name} has no content"),
    "ledger.sheet_unknown": (
        "工作表名称“{name}”不符，只能是：{allowed}。请改名或删除该工作表",
        "the sheet name “{name}” is not one of {allowed}; rename or delete the sheet",
    ),
    "ledger.sheet_unknown_hidden": (
        "隐藏的工作表“{name}”名称不符，只能是：{allowed}。请取消隐藏后改名或删除",
        "the hidden sheet “{name}” is not one of {allowed}; unhide it, then rename or delete it",
    ),
    "ledger.sheet_too_large": (
        "工作表“{name}”的数据区域过大（{rows}行×{columns}列，最多{max}个单元格）。"
        "请删除末尾多余的行和列，或把台账分成几个文件后再导入",
        "the sheet “{name}” spans too much ({rows} rows × {columns} columns; at most {max} "
        "cells); delete the unused rows and columns at its end, or split the ledger into files",
    ),
    "ledger.workbook_too_large": (
        "{name} 各工作表的数据区域合计超过{max}个单元格的上限，不予导入。请把台账分成几个文件",
        "the sheets of {name} span more than {max} cells in all; split the ledger into several "
        "files",
    ),
    "ledger.sheet_part_too_large": (
        "工作表“{sheet}”解压后有{size} MB，超过{max} MB的上限，不予导入。请把台账分成几个文件",
        "the sheet “{sheet}” is {size} MB once unpacked, over the limit of {max} MB; split the "
        "ledger into several files",
    ),
    "ledger.part_too_large": (
        "{name} 中的 {part} 解压后有{size} MB，超过{max} MB的上限，不是正常的台账文件，不予导入",
        "{part} in {name} is {size} MB once unpacked, over the limit of {max} MB: not an "
        "ordinary ledger, refused",
    ),
    "ledger.shared_text_too_large": (
        "工作表“{sheet}”各单元格的文字合计超过{max} MB的上限（单元格文字过长或大量重复），不予导入",
        "the cells of the sheet “{sheet}” hold more than {max} MB of text in all (cells too long "
        "or repeated too often); refused",
    ),
    "ledger.too_many_parts": (
        "{name} 含有{count}个部件，超过{max}个的上限，不是正常的台账文件，不予导入",
        "{name} holds {count} parts, over the limit of {max}: not an ordinary ledger, refused",
    ),
    "ledger.file_too_large": (
        "{name} 有{size} MB，超过{max} MB的上限，不予导入。请把台账分成几个文件",
        "{name} is {size} MB, over the limit of {max} MB; split the ledger into several files",
    ),
    "ledger.cells_too_many": (
        "{name} 的单元格超过{max}个的上限，不予导入。请把台账分成几个文件",
        "{name} has more than {max} cells, over the limit; split the ledger into several files",
    ),
    "ledger.cell_too_long": (
        "内容有{length}个字，超过本列{max}个字的上限",
        "the cell holds {length} characters, over this column's limit of {max}",
    ),
    "ledger.sheet_duplicate": (
        "有不止一个名为“{name}”的工作表",
        "there is more than one sheet named “{name}”",
    ),
    "ledger.csv_kind": (
        "无法从第1行的表头判断这是哪一种台账（{kinds}）",
        "the headers in row 1 do not tell which ledger this is ({kinds})",
    ),
    "ledger.header_row": (
        "第1行应为表头，但这一行是空的",
        "row 1 must hold the headers but is empty",
    ),
    "ledger.header_row_moved": (
        "表头应在第1行，却在第{row}行：请删除表头上方的标题行或空行",
        "the headers must be in row 1 but are in row {row}; delete the title or blank rows above",
    ),
    "ledger.header_unknown": (
        "“{header}”不是本表的表头；本表的表头有：{allowed}",
        "“{header}” is not a header of this sheet; its headers are: {allowed}",
    ),
    "ledger.header_duplicate": (
        "表头“{header}”出现了不止一次（第{columns}列）",
        "the header “{header}” appears more than once (columns {columns})",
    ),
    "ledger.header_missing": ("缺少必填列“{header}”", "the required column “{header}” is missing"),
    "ledger.header_blank": (
        "第{column}列有数据但没有表头",
        "column {column} holds data but has no header",
    ),
    "ledger.date": (
        "“{value}”不是有效的日期（如 2023-03-05、2023/3/5、2023年3月5日，"
        "年份在{min_year}到{max_year}之间）",
        "“{value}” is not a valid date (e.g. 2023-03-05, 2023/3/5, 2023年3月5日; "
        "a year from {min_year} to {max_year})",
    ),
    "ledger.bool": ("“{value}”应填“是”或“否”", "“{value}” should be 是 (yes) or 否 (no)"),
    "ledger.choice": (
        "“{value}”不是可选的值，应为：{allowed}",
        "“{value}” is not one of: {allowed}",
    ),
    "ledger.officer": (
        "“{value}”应写作“姓名”或“姓名(执法证号)”",
        "“{value}” should be a name, or a name with the certificate number in brackets",
    ),
    # lists and demo
    "list.limit": ("每页条数应在1到{max}之间", "the page size must be between 1 and {max}"),
    "list.year": ("年度“{year}”不正确", "the year “{year}” is not valid"),
    "demo.cases": ("演示案件数应在1到{max}之间", "the number of demo cases must be 1 to {max}"),
    "demo.not_empty": (
        "数据库中已有执法人员或案件，演示数据只能写入空数据库",
        "the database already holds officers or cases; demo data goes into an empty database",
    ),
    # reports
    "report.not_public": (
        "案件{case_no}没有可公开的处罚信息（{reason}）",
        "case {case_no} has no penalty information to publish ({reason})",
    ),
    "report.suffix": (
        "文件名应以 {suffix} 结尾：{path}",
        "the file name must end in {suffix}: {path}",
    ),
    # output files (reports, exports, lists)
    "output.database_file": (
        "不能保存到 {path}：那是数据库文件本身、它的附属文件或它的备份，写入会毁掉数据。"
        "请另选文件名或文件夹",
        "cannot save to {path}: it is the database file itself, one of its companion files "
        "or one of its backups, and writing it would destroy the data; choose another name "
        "or folder",
    ),
    "output.write_failed": ("无法写入 {path}：{detail}", "cannot write {path}: {detail}"),
    "output.disk_full": (
        "磁盘已满，未能写入 {path}。请清理磁盘后重试",
        "the disk is full; {path} was not written. Free some space and try again",
    ),
    "output.read_only": (
        "{path} 所在的存储介质是只读的，不能写入。请另选位置",
        "{path} is on a read-only medium and cannot be written; choose another place",
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
    "storage.read_only_medium": (
        "数据库 {path} 所在的存储介质是只读的（如写保护的U盘、光盘），本程序以只读方式打开："
        "可以查看，不能修改。如需修改，请把数据库复制到可写的磁盘上再打开。",
        "{path} is on a read-only medium (a write-protected USB stick, a CD); it was opened "
        "read-only: you can look but not change. To make changes, copy it to a writable disk",
    ),
    "storage.disk_full_on_open": (
        "磁盘已满，数据库 {path} 以只读方式打开：可以查看，不能修改。"
        "请清理磁盘后重新打开，已有数据未受影响。",
        "the disk is full, so {path} was opened read-only: you can look but not change. "
        "Free some space and open it again; the data is unaffected",
    ),
    "storage.not_a_database": (
        "{path} 不是本程序的数据库文件",
        "{path} is not a database file of this program",
    ),
    "storage.missing": ("找不到数据库文件 {path}", "the database file {path} was not found"),
    "storage.in_use": (
        "另一个程序（进程 {pid}）正在使用数据库 {path}，本程序以只读方式打开：可以查看，不能修改。"
        "请在那个程序中修改，或关闭它后重新打开本程序。",
        "another copy of the program (process {pid}) is using {path}; this one opened it "
        "read-only: you can look but not change. Make changes there, or close it and reopen",
    ),
    "storage.network": (
        "数据库 {path} 在网络位置上（{kind}）。网络共享上的文件锁不可靠，写入可能损坏数据库，"
        "因此只能查看，不能修改。请把数据库放在本机磁盘上，用备份在各电脑间传递。",
        "{path} is on a network location ({kind}); file locking there is unreliable and "
        "writing could damage the database, so it is opened read-only. Keep the database on "
        "a local disk and move copies between computers as backups",
    ),
    "storage.check_failed": (
        "数据库 {path} 未通过完整性检查（{detail}）。最新的完好备份是 {backup}："
        '请在图形界面中按提示恢复，或运行 chuansha-enforce restore "{backup}"。',
        "{path} failed its integrity check ({detail}). The newest good backup is {backup}: "
        'restore it when the program offers, or run chuansha-enforce restore "{backup}"',
    ),
    "storage.check_failed_no_backup": (
        "数据库 {path} 未通过完整性检查（{detail}），{folder} 中没有完好的备份。"
        "请勿再使用此文件，并联系维护人员。",
        "{path} failed its integrity check ({detail}) and {folder} holds no good backup; "
        "stop using the file and call for support",
    ),
    # backups and restore
    "backup.not_a_folder": (
        "{path} 是一个文件，不是文件夹；请指定备份要放入的文件夹",
        "{path} is a file, not a folder; give the folder to put the backup in",
    ),
    "backup.read_only_medium": (
        "{path} 在只读的存储介质上，备份不能放在那里。请另选一个可写的文件夹"
        "（命令行：backup -o 文件夹）",
        "{path} is on a read-only medium and cannot hold the backup; choose a writable "
        "folder (command line: backup -o FOLDER)",
    ),
    "restore.missing": ("找不到备份文件 {path}", "the backup file {path} was not found"),
    "restore.same_file": (
        "{path} 就是当前数据库本身，不能用它恢复",
        "{path} is the current database itself; it cannot be restored over itself",
    ),
    "restore.live_file": (
        "{path} 旁边有未并入的 -wal 文件：它是正在使用或未正常关闭的数据库，"
        "不是备份。请选择备份文件",
        "{path} has an unmerged -wal file beside it: it is a live database, not a backup; "
        "choose a backup file",
    ),
    "restore.not_a_database": (
        "{path} 不是数据库文件，未做任何改动",
        "{path} is not a database file; nothing was changed",
    ),
    "restore.damaged": (
        "备份文件 {path} 已损坏（{detail}），未做任何改动",
        "the backup {path} is damaged ({detail}); nothing was changed",
    ),
    "restore.not_ours": (
        "{path} 不是本程序的数据库或备份，未做任何改动",
        "{path} is not a database or backup of this program; nothing was changed",
    ),
    "restore.newer": (
        "备份 {path} 由更新版本的程序写入（未知的升级：{migrations}），"
        "请先安装新版本，未做任何改动",
        "the backup {path} was written by a newer version (unknown migrations: {migrations}); "
        "install it first. Nothing was changed",
    ),
    "restore.chain_broken": (
        "备份 {path} 的操作日志链在第 {record} 条处断开（记录可能被改动过），"
        "不能用于恢复，未做任何改动",
        "the audit chain of {path} breaks at record {record} (it may have been altered); "
        "it cannot be restored. Nothing was changed",
    ),
    "restore.no_manifest": (
        "备份 {path} 旁没有清单文件（{manifest}），无法核对它是否被改动过，未做任何改动"
        "（确认来源可靠时，命令行可加 --accept-unverified 恢复，此举会记入操作日志）",
        "the backup {path} has no manifest ({manifest}) to check it against; nothing was "
        "changed (if you trust its source, --accept-unverified restores it and is logged)",
    ),
    "restore.manifest_mismatch": (
        "备份 {path} 与其清单不符（{what}：清单为 {expected}，文件为 {actual}），"
        "备份可能被改动过，不能用于恢复，未做任何改动",
        "the backup {path} does not match its manifest ({what}: manifest {expected}, file "
        "{actual}); it may have been altered and cannot be restored. Nothing was changed",
    ),
    "restore.verify_failed": (
        "备份 {path} 未通过校验（{table} {id}：{detail}），不能用于恢复，未做任何改动",
        "the backup {path} fails verify ({table} {id}: {detail}); it cannot be restored. "
        "Nothing was changed",
    ),
    # case-file review
    "file_review.size_choice": (
        "请给出抽查件数或抽查比例（二者选一）",
        "give either a number of files or a percentage, not both",
    ),
    "file_review.count": ("抽查件数至少为 1", "the number of files must be at least 1"),
    "file_review.percent": ("抽查比例须在 1 到 100 之间", "the percentage must be 1 to 100"),
    "file_review.seed": (
        "随机种子须为 0 到 {max} 的整数",
        "the seed must be an integer 0 to {max}",
    ),
    "file_review.stratify": (
        "分层方式只能是 none、violation 或 officer",
        "stratification must be none, violation or officer",
    ),
    "file_review.year": (
        "评查年度须在 {min} 年到 {max} 年之间",
        "the review year must be between {min} and {max}",
    ),
    "file_review.empty_population": (
        "{year} 年没有可抽查的已结案卷",
        "there are no closed files to sample in {year}",
    ),
    "file_review.no_sample": ("找不到抽查批次 {id}", "sample {id} does not exist"),
    "file_review.no_file": ("找不到评查案卷 {id}", "reviewed file {id} does not exist"),
    "file_review.no_defect": ("找不到问题记录 {id}", "defect {id} does not exist"),
    "file_review.unknown_item": (
        "评分标准中没有项目“{code}”",
        "the score sheet has no item “{code}”",
    ),
    "file_review.points": (
        "第 {row} 项“{item}”的扣分须大于 0 且不超过 {cap} 分",
        "item {row} “{item}”: the deduction must be above 0 and at most {cap}",
    ),
    "file_review.finding_format": (
        "“{value}”应写成“项目编码[:扣分[:说明]]”，扣分为整数",
        "“{value}” must read ITEM[:POINTS[:NOTE]] with whole points",
    ),
    "file_review.sheet_invalid": ("评分标准有误：{detail}", "the score sheet is invalid: {detail}"),
    "file_review.rescore_rectified": (
        "案卷 {no} 已有问题整改完毕，不能重新评分",
        "file {no} has rectified defects and cannot be scored again",
    ),
    "file_review.already_rectified": (
        "案卷 {no} 的这个问题已于 {date} 整改",
        "this defect of file {no} was already rectified on {date}",
    ),
    "value.too_long": ("最多 {max} 个字", "at most {max} characters"),
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
