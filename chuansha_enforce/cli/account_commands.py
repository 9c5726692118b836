"""``user add|passwd|disable|list``: accounts (the first needs no login; later ones an admin)."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.login import NEW_PASSWORD_ENV, PASSWORD_ENV, new_password, password_for
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.accounts import Role
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    user = commands.add_parser(
        "user",
        help="账户（内勤、法制审核员、管理员）",
        description="账户管理。第一个账户无需登录且必须是管理员；"
        "之后须由管理员以 --user 登录后添加。",
    )
    sub = user.add_subparsers(dest="user_command", required=True, metavar="SUBCOMMAND")
    add = sub.add_parser(
        "add",
        help="添加账户",
        description=f"添加账户。新账户的密码取自环境变量 {NEW_PASSWORD_ENV}，否则提示输入两次。",
    )
    add.add_argument("name", metavar="NAME", help="用户名（登录用）")
    add.add_argument(
        "--role",
        required=True,
        choices=[r.value for r in Role],
        help="clerk 内勤 | reviewer 法制审核员 | admin 管理员",
    )
    add.add_argument("--display", help="姓名（默认同用户名；审核记录上显示此姓名）")
    add.add_argument("--qualification", help="法律职业资格证号（法制审核员必填）")
    sub.add_parser(
        "passwd",
        help="修改自己的密码（须以 --user 登录）",
        description=f"修改登录账户自己的密码：原密码取自 {PASSWORD_ENV} 或提示输入，"
        f"新密码取自 {NEW_PASSWORD_ENV} 或提示输入两次。签名密钥随之改用新密码保护。",
    )
    disable = sub.add_parser("disable", help="停用账户（管理员；账户不会删除）")
    disable.add_argument("name", metavar="NAME", help="用户名")
    listing = sub.add_parser("list", help="列出账户")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")


def _cmd_user(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    if args.user_command == "add":
        account = services.accounts.add_user(
            NewUser(
                name=args.name,
                role=Role(args.role),
                password=new_password(args.name),
                display_name=args.display,
                qualification_no=args.qualification,
            )
        )
        say(out, lang, "cli.user_added", name=account.name, display=account.display_name,
            role=account.role.label, role_code=account.role.value)  # fmt: skip
        return 0
    if args.user_command == "passwd":
        me = services.session.account
        if me is None:
            raise DomainError("auth.login_required", "user")
        services.accounts.change_password(me.name, password_for(me.name), new_password(me.name))
        say(out, lang, "cli.password_changed")
        return 0
    if args.user_command == "disable":
        services.accounts.disable_user(args.name)
        say(out, lang, "cli.user_disabled", name=args.name)
        return 0
    accounts = services.accounts.users()
    if args.json:
        rows = [
            {
                "name": a.name,
                "display_name": a.display_name,
                "role": a.role.value,
                "qualification_no": a.qualification_no,
            }
            for a in accounts
        ]
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for a in accounts:
        print(f"{a.name}\t{a.display_name}\t{a.role.label}\t{a.qualification_no or ''}", file=out)
    return 0


GROUP = CommandGroup(add_parsers=_add_parsers, handlers={"user": _cmd_user})
