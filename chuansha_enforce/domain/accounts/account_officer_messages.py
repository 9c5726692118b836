"""Catalogue entries for password resets and accounts linked to the officer registry (merged
into ``messages``)."""

from __future__ import annotations

ACCOUNT_OFFICER_FIELDS: dict[str, tuple[str, str]] = {
    "officer": ("执法人员", "officer"),
}

ACCOUNT_OFFICER_MESSAGES: dict[str, tuple[str, str]] = {
    "account.reset_own": (
        "不能重置自己的密码：请用“修改密码”（须输入原密码）",
        "you cannot reset your own password: change it instead (with the old password)",
    ),
    "account.chain_key_missing": (
        "当前登录的账户未持有审计链密钥，无法为{name}的新密码加封；请由持有密钥的管理员重置",
        "the logged-in account holds no audit-chain key to wrap for {name}'s new password;"
        " ask an administrator who holds it",
    ),
    "account.must_change_password": (
        "账户{name}的密码由管理员重置，须先用“修改密码”设定自己的密码（换发只属于本人的签名密钥）才能签名",
        "the password of {name} was reset by an administrator: change it first (which issues a"
        " signing key only you hold) before signing",
    ),
    "account.officer_unknown": (
        "执法人员名录中没有“{name}”（可写 姓名(执法证号)）",
        "the officer registry has no “{name}” (write name(certificate no))",
    ),
    "cli.password_reset": (
        "已重置账户 {name} 的密码并换发新的签名密钥（原有签名仍可验证）",
        "the password of {name} is reset and a new signing key issued (earlier signatures"
        " still verify)",
    ),
    "cli.officer_linked": (
        "账户 {name} 已关联执法人员 {officer}",
        "account {name} is linked to officer {officer}",
    ),
    "cli.officer_unlinked": (
        "账户 {name} 已取消关联执法人员",
        "account {name} is no longer linked to an officer",
    ),
    "account.state_normal": ("正常", "active"),
    "account.state_disabled": ("已停用", "disabled"),
    "account.state_must_change": ("须本人改密码", "must change password"),
}
