"""Catalogue entries for accounts, legal review and ``verify`` (merged into ``messages``)."""

from __future__ import annotations

ACCOUNT_FIELDS: dict[str, tuple[str, str]] = {
    "user": ("用户", "user"),
    "role": ("角色", "role"),
    "password": ("密码", "password"),
    "display_name": ("姓名", "display name"),
    "qualification_no": ("法律职业资格证号", "legal qualification number"),
    "findings": ("审核要点", "checklist findings"),
    "reasons": ("审核意见理由", "reasons for the opinion"),
    "materials": ("报送材料", "materials submitted"),
    "signature": ("签名", "signature"),
}

ACCOUNT_MESSAGES: dict[str, tuple[str, str]] = {
    "auth.forbidden": ("{name}（{role}）无权进行此操作", "{name} ({role}) may not do this"),
    "auth.login_required": (
        "此数据库已建立账户，写入前须登录（命令行：--user 用户名）",
        "this database has accounts: log in before writing (command line: --user NAME)",
    ),
    "auth.bad_password": ("用户名或密码错误", "wrong user name or password"),
    "auth.locked": (
        "账户{name}因连续输错密码已锁定，请于{until}后再试",
        "account {name} is locked after repeated wrong passwords; try again after {until}",
    ),
    "auth.unrecordable": (
        "数据库正由另一个程序写入（或位于只读位置）：输错密码将无法计入失败次数，"
        "故此处不核对密码、不能登录{name}；请在正在使用数据库的程序中操作，或关闭它后再试",
        "the database is being written by another program (or is read-only): a wrong password "
        "could not be counted, so no password is checked and {name} cannot log in here; use "
        "the program that has the database open, or close it and try again",
    ),
    "auth.disabled": ("账户{name}已停用", "account {name} is disabled"),
    "auth.no_accounts": (
        "此数据库尚无账户，以单用户方式运行，不需要 --user",
        "this database has no accounts yet (single-user mode); --user is not needed",
    ),
    "account.bad_name": (
        "用户名“{name}”无效：2到32个字母、数字、汉字或 _ . -",
        "user name “{name}” is invalid: 2 to 32 letters, digits, Chinese characters or _ . -",
    ),
    "account.name_taken": ("用户名{name}已存在", "user name {name} is taken"),
    "account.unknown": ("没有可用的账户{name}", "there is no active account {name}"),
    "account.last_admin": (
        "{name}是最后一个管理员，不能停用",
        "{name} is the last administrator and cannot be disabled",
    ),
    "account.password_unchanged": ("新密码不能与原密码相同", "the new password must differ"),
    "account.key_unreadable": (
        "账户{name}的签名密钥无法用此密码打开，请联系管理员",
        "the signing key of {name} does not open with this password; ask the administrator",
    ),
    "account.first_must_be_admin": (
        "第一个账户必须是管理员（之后由管理员添加其他账户）",
        "the first account must be an administrator (who then adds the others)",
    ),
    "account.password_too_short": (
        "密码至少{min}个字符",
        "the password needs at least {min} characters",
    ),
    "account.password_is_name": (
        "密码不能与用户名相同",
        "the password must not be the user name",
    ),
    "account.password_one_char": (
        "密码不能由同一个字符重复组成",
        "the password must not be one character repeated",
    ),
    "account.password_common": (
        "这是最常见的一万个密码之一，容易被猜中，请换一个",
        "this is one of the 10,000 most common passwords and easily guessed; choose another",
    ),
    "account.password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    "account.role_unknown": (
        "角色应为 clerk、reviewer 或 admin",
        "role is clerk, reviewer or admin",
    ),
    "review.qualification_required": (
        "法制审核员须登记国家统一法律职业资格证号（行政处罚法第五十八条）",
        "a legal reviewer needs the national legal qualification number on record (APL art. 58)",
    ),
    "review.unknown_item": ("没有审核要点“{item}”", "there is no checklist item “{item}”"),
    "review.duplicate_item": ("审核要点“{item}”重复", "checklist item “{item}” is repeated"),
    "review.problem_needs_note": (
        "审核要点“{item}”有问题，须写明问题",
        "checklist item “{item}” has a problem: say what it is",
    ),
    "review.reasons_required": (
        "审核结论为“{opinion}”时须写明理由",
        "the opinion “{opinion}” needs its reasons",
    ),
    "review.agree_with_problems": (
        "审核要点有问题（{items}），不能出具“同意”意见",
        "checklist problems ({items}): the opinion cannot be “agree”",
    ),
    "review.materials_required": ("须列出报送审核的材料", "list the materials submitted"),
    "review.opinion_unknown": (
        "审核结论应为：同意、建议补充调查、建议修改后再报、不同意",
        "the opinion is one of: 同意, 建议补充调查, 建议修改后再报, 不同意",
    ),
    "review.not_submitted": (
        "案件{case_no}没有待审核的报送，请先报送法制审核",
        "case {case_no} has no pending submission for legal review; submit it first",
    ),
    "review.already_pending": (
        "案件{case_no}已报送法制审核，尚待审核",
        "case {case_no} is already waiting for legal review",
    ),
    "review.already_extended": (
        "本次审核期限已延长过一次",
        "this review's time limit was already extended once",
    ),
    "review.signature_required": (
        "已启用账户：法制审核须由法制审核员在程序中签署，不能直接录入",
        "accounts are in use: a legal review is signed in the program by a reviewer, not typed in",
    ),
    "review.signature_invalid": (
        "案件{case_no}第{round}轮法制审核的签名验证不通过，不能据此作出决定",
        "the signature of review round {round} of case {case_no} does not verify; "
        "no decision on it",
    ),
}
