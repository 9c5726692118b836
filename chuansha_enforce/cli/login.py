"""``--user NAME``: the password comes from ``CHUANSHA_ENFORCE_PASSWORD`` or a prompt."""

from __future__ import annotations

import argparse
import getpass
import os
from typing import Literal, TextIO

from chuansha_enforce.cli.command_group import Handler
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.errors import DatabaseReadOnlyError
from chuansha_enforce.services.session import Login

PASSWORD_ENV = "CHUANSHA_ENFORCE_PASSWORD"
NEW_PASSWORD_ENV = "CHUANSHA_ENFORCE_NEW_PASSWORD"


def password_for(name: str) -> str:
    """The logged-in user's password (again when signing: every call asks)."""
    given = os.environ.get(PASSWORD_ENV)
    if given is not None:
        return given
    return getpass.getpass(f"{name} 的密码：")


def cli_login(name: str | None) -> Login | None:
    if name is None:
        return None
    return Login(name.strip(), password_for(name.strip()))


def new_password(name: str, why: Literal["add", "change"] = "add") -> str:
    """A new password (a new account's, or a reset's): ``CHUANSHA_ENFORCE_NEW_PASSWORD`` or
    typed twice."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given is not None:
        return given
    asked = f"新账户 {name} 的密码：" if why == "add" else f"账户 {name} 的新密码："
    first = getpass.getpass(asked)
    if getpass.getpass("再输入一次：") != first:
        raise DomainError("account.password_mismatch", "password")
    return first


def run_logged(
    handler: Handler, args: argparse.Namespace, services: Services, out: TextIO, lang: Lang
) -> int:
    """Run a command; a write refused because nobody logged in says so plainly."""
    try:
        return handler(args, services, out, lang)
    except DatabaseReadOnlyError:
        if services.session.login_required:
            raise DomainError("auth.login_required", "user") from None
        raise
