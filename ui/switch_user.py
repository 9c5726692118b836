"""Who is logged in (the status bar) and 切换用户 (issue 21 §3)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chuansha_enforce.services.container import Services


def user_text(services: Services) -> str:
    """当前用户：周律（法制审核员）; 单用户模式 while the database has no accounts."""
    account = services.session.account
    if account is not None:
        text = QCoreApplication.translate("SwitchUser", "当前用户：%1（%2）")
        return text.replace("%1", account.display_name or account.name).replace(
            "%2", account.role.label
        )
    if services.session.login_required:
        return QCoreApplication.translate("SwitchUser", "未登录（只读）")
    return QCoreApplication.translate("SwitchUser", "单用户模式")
