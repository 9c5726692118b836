"""``case correct`` and ``officer correct``: 更正 one recorded field with a reason.

The fields are named in Chinese (the help lists them; an unknown one is refused with the
list). The same service as the window's 更正… checks the new value by the rules of entry:
exit 0 with one audited write, or exit 1 with the refusal and nothing written.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from chuansha_enforce.cli.say import say
from chuansha_enforce.cli.text_arguments import add_case_version
from chuansha_enforce.domain.corrections.corrections import (
    CASE_FIELDS,
    OFFICER_FIELDS,
    FieldSpec,
    field_labels,
)
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import Services
from chuansha_enforce.services.correction_service import CorrectionResult


def correction_options(parser: argparse.ArgumentParser, fields: tuple[FieldSpec, ...]) -> None:
    """``--field`` (its Chinese names listed), ``--value`` and ``--reason``."""
    parser.add_argument("--field", required=True, help="更正项目：" + field_labels(fields))
    parser.add_argument("--value", required=True, help="新值（日期 YYYY-MM-DD，金额单位：元）")
    parser.add_argument("--reason", required=True, help="更正理由（必填，记入审计日志）")


def add_case_parser(case_commands: Any) -> None:
    parser = case_commands.add_parser("correct", help="更正一项已登记的内容（须写明理由）")
    parser.add_argument("case_no", metavar="NO", help="案件编号")
    add_case_version(parser)
    correction_options(parser, CASE_FIELDS)
    parser.add_argument(
        "--payment", type=int, help="更正第几笔缴款（缴款日期、缴款金额、票据号；默认最后一笔）"
    )


def add_officer_parser(officer_commands: Any) -> None:
    parser = officer_commands.add_parser("correct", help="更正执法人员或执法证信息（管理员）")
    parser.add_argument("certificate_no", metavar="CERTIFICATE_NO", help="执法证号")
    correction_options(parser, OFFICER_FIELDS)


def print_result(out: TextIO, lang: Lang, result: CorrectionResult, record: str) -> None:
    """What was corrected, and what it sets going (a new review round, a republication)."""
    empty = render("cli.empty_value", lang=lang)
    say(out, lang, "cli.corrected", record=record, label=result.label,
        before=result.before or empty, after=result.after or empty)  # fmt: skip
    if result.superseded_round is not None:
        say(out, lang, "cli.correction_superseded", round=result.superseded_round)
    if result.affects_publication:
        say(out, lang, "cli.correction_publication")


def run_case(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    result = services.corrections.correct_case(
        args.case_no, args.field, args.value, args.reason, payment=args.payment
    )
    print_result(out, lang, result, args.case_no.strip())
    return 0


def run_officer(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    result = services.corrections.correct_officer(
        args.certificate_no, args.field, args.value, args.reason
    )
    print_result(out, lang, result, args.certificate_no.strip())
    return 0
