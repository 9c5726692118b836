"""The argument parser in the user's language: argparse's own words in Chinese.

argparse writes "usage:", "positional arguments", "options", "show this help message and
exit" and its error messages in English. In Chinese mode (the default) the parser and every
sub-parser are ``ChineseArgumentParser``: the headings, the help line, the placeholders
(``COMMAND`` reads 命令, ``--year YEAR`` reads ``--year 年度``) and the usage errors are Chinese.
Usage errors still exit with status 2. The language is read from the command line before the
parser is built (``language_of``), since ``--lang`` is parsed by that same parser.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import NoReturn

from chuansha_enforce.domain.messages import FIELDS, Lang, field_label

PLACEHOLDERS: dict[str, str] = {
    "KIND": "文书种类",
    "COMMAND": "命令",
    "SUBCOMMAND": "子命令",
    "WHAT": "导出内容",
    "NO": "案件编号",
    "DECISION_NO": "决定书编号",
    "FILE": "文件",
    "NAME": "名称",
    "SAMPLE": "批次号",
    "DEFECT": "问题号",
    "DIR": "文件夹",
    "ID": "登记号",
    "ITEM=问题": "要点=问题",
    "CERTIFICATE_NO": "执法证号",
    "URL": "服务器地址",
}
"""Placeholders the parsers name in English capitals, as a Chinese reader sees them."""

OPTION_PLACEHOLDERS: dict[str, str] = {
    "case_version": "版本号",
    "simple_version": "版本号",
    "output": "输出文件",
    "as_of": "日期",
    "material": "材料",
    "note": "说明",
    "reasons": "理由",
    "heads": "链头",
    "finding": "问题",
    "on": "日期",
    "text": "整改情况",
    "display": "姓名",
    "officer": "姓名(证号)",
    "qualification": "资格证号",
    "role": "角色",
    "kind": "类别",
    "act": "行为",
    "body": "机关或法院",
    "received": "收到日期",
    "replied": "答复日期",
    "hearing": "开庭日期",
    "outcome_on": "结果日期",
    "value": "新值",
    "name": "设置名",
    "limit": "件数",
    # the case steps
    "address": "地址",
    "basis": "依据",
    "conclusion": "结论",
    "deadline": "拆除期限",
    "how": "教育情况",
    "discovered": "发现日期",
    "doc_no": "文号",
    "filed": "立案日期",
    "five_year_reason": "理由",
    "held": "举行日期",
    "method": "方式",
    "no_penalty": "理由",
    "notice_served": "送达日期",
    "party": "当事人",
    "party_type": "当事人类型",
    "receipt": "票据号",
    "result": "结果",
    "circumstance": "情节",
    "deviation": "偏离",
    "deviation_reason": "理由",
    "description": "内容",
    "witness": "见证人",
    "consent_on": "同意日期",
    "requested": "申请日期",
    "served": "送达日期",
    "violation": "违法事实",
    "violation_date": "日期",
    "waived": "放弃日期",
    "document": "文件",
    "at": "时间",
}
"""What ``--output OUTPUT`` and its kind read in Chinese (other options use ``FIELDS``)."""

ERRORS: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.+)", "缺少必须给出的参数：{0}"),
    (r"one of the arguments (.+) is required", "须给出以下参数之一：{0}"),
    (r"invalid choice: (.+) \(choose from (.+)\)", "{0} 不是可选的值，可选：{1}"),
    (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
    (r"invalid int value: (.+)", "{0} 不是整数"),
    (r"invalid (\S+) value: (.+)", "{1} 不是有效的值"),
    (r"expected one argument", "后面须给出一个值"),
    (r"expected at least one argument", "后面须给出至少一个值"),
    (r"not allowed with argument (.+)", "不能与参数 {0} 同时给出"),
    (r"ambiguous option: (\S+) could match (.+)", "选项 {0} 有歧义，可能是 {1}"),
    (r"ignored explicit argument (.+)", "多余的值 {0}"),
)
"""argparse's usage errors (Python 3.11 wording) and their Chinese."""

_ARGUMENT = re.compile(r"argument (\S+?): (.*)", re.DOTALL)


def language_of(argv: Sequence[str]) -> Lang:
    """The ``--lang`` the command line asks for (Chinese unless it says ``en``)."""
    for position, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and argv[position + 1 : position + 2] == ["en"]:
            return "en"
        if word == "--lang=en":
            return "en"
    return "zh"


def _placeholder(name: str) -> str:
    return PLACEHOLDERS.get(name, name)


def _placeholders_in(text: str) -> str:
    return re.sub(r"\b[A-Z][A-Z_]+\b", lambda m: _placeholder(m.group(0)), text)


def chinese_error(message: str) -> str:
    """argparse's error ``message`` in Chinese (an unknown one is left as it is)."""
    found = _ARGUMENT.fullmatch(message)
    if found is not None:
        return f"参数 {_placeholder(found.group(1))}：{chinese_error(found.group(2))}"
    for pattern, chinese in ERRORS:
        matched = re.fullmatch(pattern, message, re.DOTALL)
        if matched is not None:
            return chinese.format(*(_placeholders_in(g) for g in matched.groups()))
    return message


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


class ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter with Chinese words, aligned by display width (argparse counts
    characters, so a column after ``--db 数据库`` would drift by one space per character)."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocation = self._format_action_invocation
            headers = [invocation(action)]
            headers += [invocation(sub) for sub in self._iter_indented_subactions(action)]
            widest = max(display_width(h) for h in headers) + self._current_indent
            self._action_max_length = max(self._action_max_length, widest)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = display_width(header) - len(header)
        start = self._current_indent + len(header)
        if not extra or text[start : start + 1] != " ":
            return text  # no Chinese in it, or its help already starts on the next line
        if text[start : start + extra + 2] == " " * (extra + 2):
            return text[:start] + text[start + extra :]  # the padding argparse over-counted
        help_position = min(self._action_max_length + 2, self._max_help_position)
        rest = text[start:].lstrip(" ")  # too wide to share its line: the help goes below
        return f"{text[:start]}\n{' ' * help_position}{rest}"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _get_default_metavar_for_optional(self, action: argparse.Action) -> str:
        if action.dest in OPTION_PLACEHOLDERS:
            return OPTION_PLACEHOLDERS[action.dest]
        if action.dest in FIELDS:
            return field_label(action.dest)
        return super()._get_default_metavar_for_optional(action)

    def _get_default_metavar_for_positional(self, action: argparse.Action) -> str:
        return OPTION_PLACEHOLDERS.get(action.dest, action.dest)

    def _metavar_formatter(
        self, action: argparse.Action, default_metavar: str
    ) -> Callable[[int], tuple[str, ...]]:
        english = super()._metavar_formatter(action, default_metavar)

        def chinese(tuple_size: int) -> tuple[str, ...]:
            return tuple(_placeholder(name) for name in english(tuple_size))

        return chinese


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words are Chinese (its sub-parsers are the same kind)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "显示本帮助并退出"

    def format_help(self) -> str:
        """The help, its headings closed by a Chinese colon (argparse writes ``:``)."""
        text = super().format_help()
        for title in ("位置参数", "选项"):
            text = text.replace(f"\n{title}:\n", f"\n{title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        """Usage, then ``程序：错误：…`` on stderr; exit status 2 as argparse's own."""
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{chinese_error(message)}\n")


def parser_class(lang: Lang) -> type[argparse.ArgumentParser]:
    return ChineseArgumentParser if lang == "zh" else argparse.ArgumentParser
