"""Catalogue entries of the server's seal tracking check and of the window's restore of a
dump (merged into ``messages``)."""

from __future__ import annotations

SEAL_TRACKING_MESSAGES: dict[str, tuple[str, str]] = {
    "storage.seal_tracking_missing": (
        "服务器上的案件库 {path} 缺少封印跟踪触发器（{triggers}），此时写入的记录不会被封印，"
        "所以本机只能查看，不能修改。请管理员用数据库所有者的账号打开一次此案件库："
        "程序会重建这些触发器并记入操作日志",
        "the case book on {path} lacks its seal tracking triggers ({triggers}); writes now would"
        " not be sealed, so this PC can only look, not change. An administrator should open the"
        " book once with the database owner's login: the program makes them again and logs it",
    ),
    "storage.seal_tracking_disabled": (
        "服务器上的案件库 {path} 的封印跟踪触发器（{triggers}）已被停用，此时写入的记录不会被"
        "封印，所以本机只能查看，不能修改。请管理员用数据库所有者的账号打开一次此案件库："
        "程序会重新启用这些触发器并记入操作日志",
        "the case book on {path} has its seal tracking triggers ({triggers}) switched off;"
        " writes now would not be sealed, so this PC can only look, not change. An administrator"
        " should open the book once with the database owner's login: the program switches them"
        " on again and logs it",
    ),
    "storage.seal_tracking_broken": (
        "服务器上的案件库 {path} 缺少封印跟踪触发器（{missing}），另有一些已被停用（{disabled}），"
        "此时写入的记录不会被封印，所以本机只能查看，不能修改。请管理员用数据库所有者的账号打开"
        "一次此案件库：程序会重建并重新启用这些触发器并记入操作日志",
        "the case book on {path} lacks seal tracking triggers ({missing}) and has others switched"
        " off ({disabled}); writes now would not be sealed, so this PC can only look, not change."
        " An administrator should open the book once with the database owner's login: the"
        " program makes them again, switches them on and logs it",
    ),
}
