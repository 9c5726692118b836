"""``user add|passwd|disable|list|reset-password|link``: accounts (the first needs no login;
later ones an admin). ``account`` is the same group under its other name."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.login import NEW_PASSWORD_ENV, PASSWORD_ENV, new_password, password_for
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.accounts.accounts import Role
from chuansha_enforce.domain.clock import CHINA_TZ
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.account_service import NewUser
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    user = commands.add_parser(
        "user",
        aliases=["account"],
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
    reset = sub.add_parser(
        "reset-password",
        help="重置他人的密码（管理员）",
        description=f"管理员重置另一账户的密码：新密码取自 {NEW_PASSWORD_ENV} 或提示输入两次，"
        "须符合密码规则。该账户换发新的签名密钥，原私钥不再可用；原公钥永久保留，"
        "此前的签名仍可验证。重置记入审计日志（谁重置了谁）。",
    )
    reset.add_argument("name", metavar="NAME", help="用户名")
    link = sub.add_parser(
        "link",
        help="把账户关联到执法人员名录中的同一人（管理员）",
        description="关联后，法制审核的回避检查与听证主持人检查按名录编号比对，"
        "不再只看姓名的写法。",
    )
    link.add_argument("name", metavar="NAME", help="用户名")
    target = link.add_mutually_exclusive_group(required=True)
    target.add_argument("--officer", help="执法人员：姓名(执法证号)、执法证号或名录中唯一的姓名")
    target.add_argument("--none", action="store_true", help="取消关联")
    listing = sub.add_parser("list", help="列出账户（角色、状态、锁定、失败次数、关联的执法人员）")
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
        me = services.accounts.acting()
        services.accounts.change_password(
            me.name, password_for(me.name), new_password(me.name, "change")
        )
        say(out, lang, "cli.password_changed")
        return 0
    if args.user_command == "disable":
        services.accounts.disable_user(args.name)
        say(out, lang, "cli.user_disabled", name=args.name)
        return 0
    if args.user_command == "reset-password":
        account = services.accounts.reset_password(
            args.name, new_password(args.name.strip(), "change")
        )
        say(out, lang, "cli.password_reset", name=account.name)
        return 0
    if args.user_command == "link":
        account = services.accounts.link_officer(args.name, None if args.none else args.officer)
        if args.none:
            say(out, lang, "cli.officer_unlinked", name=account.name)
        else:
            officer = next(
                s.officer
                for s in services.accounts.account_states()
                if s.account.name == account.name
            )
            say(out, lang, "cli.officer_linked", name=account.name, officer=officer)
        return 0
    return _list(args, services, out, lang)


def _list(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    states = services.accounts.account_states()
    if args.json:
        rows = [
            {
                "name": s.account.name,
                "display_name": s.account.display_name,
                "role": s.account.role.value,
                "qualification_no": s.account.qualification_no,
                "disabled": s.disabled,
                "must_change_password": s.must_change,
                "failed_logins": s.failed_logins,
                "locked_until": s.locked_until.isoformat() if s.locked_until else None,
                "officer": s.officer,
            }
            for s in states
        ]
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    for s in states:
        a = s.account
        state = render(s.state_code, {}, lang)
        locked = (
            s.locked_until.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M") if s.locked_until else ""
        )
        cells = [a.name, a.display_name, a.role.label, a.qualification_no or "", state,
                 locked, str(s.failed_logins), s.officer or ""]  # fmt: skip
        print("\t".join(cells), file=out)
    return 0


def _needs_a_book(args: argparse.Namespace) -> bool:
    """Every user command but ``add`` works on accounts already in a case book: on a missing
    or empty file it is refused as a read is, instead of making a book only to refuse there
    (``add`` makes the first account, and the book, on a new file)."""
    return bool(args.user_command != "add")


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"user": _cmd_user, "account": _cmd_user},
    reads_existing_db=_needs_a_book,
)
