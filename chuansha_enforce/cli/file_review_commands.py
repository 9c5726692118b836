"""``sample`` and ``file-review``: draw a case-file review sample, score files, rectify defects."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

from chuansha_enforce.cli.command_group import CommandGroup
from chuansha_enforce.cli.say import say
from chuansha_enforce.domain.clock import china_time
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.file_review.file_review_sampling import SampleRule, Stratify
from chuansha_enforce.domain.file_review.file_review_scoring import Finding, Grade, ItemKind
from chuansha_enforce.domain.iso_dates import iso_day
from chuansha_enforce.domain.messages import Lang, render
from chuansha_enforce.services.container import Services


def _add_parsers(commands: Any) -> None:
    sample = commands.add_parser(
        "sample",
        help="抽取案卷评查样本（可复现：同一数据、同一种子得到同一批案卷）",
        description="从某年结案的一般程序案卷中抽取评查样本并保存；种子和抽样规则随样本保存。",
    )
    sample.add_argument("--year", type=int, required=True, help="结案年度")
    size = sample.add_mutually_exclusive_group(required=True)
    size.add_argument("--count", type=int, help="抽查件数")
    size.add_argument("--percent", type=int, help="抽查比例（1–100）")
    sample.add_argument("--seed", type=int, default=None, help="随机种子（默认按当前时间生成）")
    sample.add_argument(
        "--stratify",
        choices=[s.value for s in Stratify],
        default=Stratify.NONE.value,
        help="分层：none 不分层，violation 按违法行为类别，officer 按承办人",
    )
    sample.add_argument("--include-simple", action="store_true", help="同时抽查当年简易程序案卷")
    sample.add_argument("--exclude-sampled", action="store_true", help="不含以前已抽查的案卷")
    sample.add_argument("--json", action="store_true", help="以 JSON 输出（seed 和 cases）")

    review = commands.add_parser("file-review", help="案卷评查：样本、评分、整改")
    sub = review.add_subparsers(dest="file_review_command", required=True, metavar="SUBCOMMAND")
    listing = sub.add_parser("list", help="列出抽查批次")
    listing.add_argument("--year", type=int, default=None, help="年度")
    listing.add_argument("--json", action="store_true", help="以 JSON 输出")
    show = sub.add_parser("show", help="一个批次的案卷、得分和等次")
    show.add_argument("sample_id", type=int, metavar="SAMPLE", help="批次号")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    sheet = sub.add_parser("sheet", help="当前评分标准")
    sheet.add_argument("--json", action="store_true", help="以 JSON 输出")
    score = sub.add_parser("score", help="给一件案卷评分（问题逐条列出）")
    score.add_argument(
        "file_id", type=int, metavar="FILE", help="评查案卷号（见 file-review show）"
    )
    score.add_argument(
        "--finding",
        action="append",
        default=[],
        metavar="项目[:扣分[:说明]]",
        help="一处问题：评分标准的项目编码，可带扣分和说明；可重复；不给则为无问题",
    )
    defects = sub.add_parser("defects", help="一个批次的问题清单")
    defects.add_argument("sample_id", type=int, metavar="SAMPLE", help="批次号")
    defects.add_argument("--open", action="store_true", help="只列未整改的问题")
    defects.add_argument("--json", action="store_true", help="以 JSON 输出")
    pdf = sub.add_parser("pdf", help="抽查案卷清单或问题整改清单（PDF）")
    pdf.add_argument("sample_id", type=int, metavar="SAMPLE", help="批次号")
    pdf.add_argument(
        "--list",
        dest="which",
        choices=["sample", "defects"],
        default="sample",
        help="sample 抽查案卷清单（默认），defects 问题整改清单",
    )
    pdf.add_argument("-o", "--output", required=True, help="输出文件 .pdf")
    rectify = sub.add_parser("rectify", help="登记一处问题已整改")
    rectify.add_argument("defect_id", type=int, metavar="DEFECT", help="问题号（见 defects）")
    rectify.add_argument("--on", required=True, help="整改日期 YYYY-MM-DD")
    rectify.add_argument("--text", required=True, help="整改情况")


def _dump(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _cmd_sample(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    reviews = services.file_reviews
    rule = SampleRule(
        year=args.year,
        seed=reviews.default_seed() if args.seed is None else args.seed,
        count=args.count,
        percent=args.percent,
        stratify=Stratify(args.stratify),
        include_simple=args.include_simple,
        exclude_sampled=args.exclude_sampled,
    )
    drawn = reviews.draw(rule)
    if args.json:
        _dump(
            {
                "sample_id": drawn.sample.id,
                "seed": rule.seed,
                "population": drawn.sample.population,
                "rule": rule.to_json(),
                "cases": [f.file_no for f in drawn.files],
            },
            out,
        )
        return 0
    say(out, lang, "cli.sample_drawn", id=drawn.sample.id, year=rule.year,
        population=drawn.sample.population, files=len(drawn.files), seed=rule.seed,
        stratify=rule.stratify.label, stratify_code=rule.stratify.value)  # fmt: skip
    for f in drawn.files:
        print(f"{f.position}\t{f.id}\t{f.file_no}\t{f.stratum}\t{f.party_name}", file=out)
    return 0


def _cmd_file_review(args: argparse.Namespace, services: Services, out: TextIO, lang: Lang) -> int:
    reviews = services.file_reviews
    command = args.file_review_command
    if command == "list":
        samples = reviews.samples(args.year)
        if args.json:
            _dump(
                [
                    {
                        "id": s.id,
                        "year": s.year,
                        "seed": s.seed,
                        "rule": s.rule,
                        "population": s.population,
                        "files": s.files,
                        "scored": s.scored,
                        "drawn_at": s.drawn_at,
                        "drawn_by": s.drawn_by,
                    }
                    for s in samples
                ],
                out,
            )
            return 0
        for s in samples:
            say(out, lang, "cli.sample_row", id=s.id, year=s.year, seed=s.seed, files=s.files,
                scored=s.scored, drawn_at=china_time(s.drawn_at))  # fmt: skip
        return 0
    if command == "show":
        sheet = reviews.sheet_of(args.sample_id)
        files = reviews.files(args.sample_id)
        if args.json:
            _dump(
                [
                    {
                        "id": f.id,
                        "position": f.position,
                        "file_no": f.file_no,
                        "procedure": f.procedure,
                        "stratum": f.stratum,
                        "total": f.total,
                        "grade": f.grade,
                        "vetoed": f.vetoed,
                        "defects": f.defects,
                        "open_defects": f.open_defects,
                    }
                    for f in files
                ],
                out,
            )
            return 0
        del sheet
        for f in files:
            grade = (
                render("cli.file_unscored", lang=lang) if f.grade is None else Grade(f.grade).label
            )
            total = render("cli.no_fine", lang=lang) if f.total is None else str(f.total)
            defects = render("cli.file_defects", {"n": f.defects, "open": f.open_defects}, lang)
            print(
                f"{f.position}\t{f.id}\t{f.file_no}\t{f.party_name}\t{total}\t{grade}\t{defects}",
                file=out,
            )
        return 0
    if command == "sheet":
        current = reviews.current_sheet()
        if args.json:
            _dump(current.to_json(), out)
            return 0
        for kind in ItemKind:
            print(f"【{kind.label}】", file=out)
            for item in current.of_kind(kind):
                cost = "" if kind is ItemKind.VETO else "\t" + _cost(item.points, item.cap, lang)
                print(f"  {item.code}\t{item.label}{cost}", file=out)
        say(out, lang, "cli.sheet_grades", excellent=current.excellent_min,
            good=current.good_min, passed=current.pass_min)  # fmt: skip
        return 0
    if command == "score":
        result = reviews.score(args.file_id, [_finding(text) for text in args.finding])
        vetoes = {"items": "、".join(result.veto_labels)}
        veto = render("cli.file_veto", vetoes, lang) if result.vetoed else ""
        say(out, lang, "cli.file_scored", form=result.form, content=result.content,
            total=result.total, grade=result.grade.label, veto=veto)  # fmt: skip
        return 0
    if command == "defects":
        rows = reviews.defects(args.sample_id, open_only=args.open)
        if args.json:
            _dump(
                [
                    {
                        "id": d.id,
                        "file_no": d.file_no,
                        "item": d.item_code,
                        "kind": d.kind,
                        "label": d.item_label,
                        "points": d.points,
                        "note": d.note,
                        "rectified_on": d.rectified_on,
                        "rectification": d.rectification,
                    }
                    for d in rows
                ],
                out,
            )
            return 0
        for d in rows:
            state = (
                render("cli.defect_rectified", {"date": d.rectified_on}, lang)
                if d.rectified_on
                else render("cli.defect_open", lang=lang)
            )
            cost = (
                render("cli.defect_veto", lang=lang)
                if d.kind == ItemKind.VETO.value
                else render("cli.defect_cost", {"points": d.points}, lang)
            )
            print(f"{d.id}\t{d.file_no}\t{d.item_label}\t{cost}\t{d.note}\t{state}", file=out)
        return 0
    if command == "pdf":
        if args.which == "sample":
            title = "案卷评查抽查清单"
            data = reviews.sample_list_pdf(args.sample_id, services.reports.letterhead(title))
        else:
            title = "案卷评查问题整改清单"
            data = reviews.rectification_list_pdf(
                args.sample_id, services.reports.letterhead(title)
            )
        saved = services.reports.save(Path(args.output), data, ".pdf")
        print(f"{saved}", file=out)
        return 0
    # rectify
    reviews.rectify(args.defect_id, _date(args.on), args.text)
    say(out, lang, "cli.rectified")
    return 0


def _cost(points: int, cap: int, lang: Lang) -> str:
    """每处扣 2 分，最多扣 10 分; an item without fixed points is judged (never "-0 分")."""
    if points:
        return render("cli.sheet_cost", {"points": points, "cap": cap}, lang)
    return render("cli.sheet_cost_judged", {"cap": cap}, lang)


def _finding(text: str) -> Finding:
    code, _, rest = text.partition(":")
    points_text, _, note = rest.partition(":")
    points: int | None = None
    if points_text.strip():
        try:
            points = int(points_text)
        except ValueError:
            raise DomainError("file_review.finding_format", "points", {"value": text}) from None
    return Finding(code.strip(), points, note)


def _date(text: str) -> dt.date:
    try:
        return iso_day(text)
    except ValueError:
        raise DomainError("date.invalid", "rectified_on", {"value": text}) from None


GROUP = CommandGroup(
    add_parsers=_add_parsers,
    handlers={"sample": _cmd_sample, "file-review": _cmd_file_review},
    needs_existing_db=frozenset({"sample", "file-review"}),
)
