"""Write the default 执法文书 templates to ``resources/templates/`` (the .docx are committed).

    .venv/bin/python packaging/make_templates.py

Layout after GB/T 9704 practice: A4, margins 37/35/28/26 mm, title 宋体 三号 bold centred, body
仿宋_GB2312 三号, signature lines 四号; every run names its East-Asian font (``w:eastAsia``) and
size, so WPS and Word print the same. The placeholders are docxtpl (Jinja2) tags over the
view-models of ``chuansha_enforce/reports/document_views.py``. A squad adapts wording,
letterhead or the seal's place by editing a copy in WPS/Word and putting it in the user
``templates`` folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "templates"

FANGSONG = "仿宋_GB2312"
SONGTI = "宋体"
SANHAO = Pt(16)
SIHAO = Pt(14)

HEAD = [
    ("org", "{{ head.organisation }}"),
    ("title", "{{ head.title }}"),
    ("no", "{{ head.document_no }}"),
]
SIGN = [
    ("blank", ""),
    ("seal", "（印章）"),
    ("sign", "{{ head.organisation }}"),
    ("sign", "{{ head.date }}"),
]
PARTY = [
    ("body", "当事人：{{ head.party_name }}（{{ head.party_kind }}）"),
    ("body", "证件号码：{{ head.party_id_number }}"),
    ("body", "住所（地址）：{{ head.party_address }}"),
    ("p", "{%p if head.legal_representative %}"),
    ("body", "法定代表人（负责人）：{{ head.legal_representative }}"),
    ("p", "{%p endif %}"),
]
TO_PARTY = [("plain", "{{ head.party_name }}：")]

TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "filing_approval": [
        ("org", "{{ head.organisation }}"),
        ("title", "{{ head.title }}"),
        ("no", "案件编号：{{ head.case_no }}"),
        ("body", "案由：{{ head.cause }}"),
        *PARTY,
        ("body", "发现线索日期：{{ clue_on }}"),
        ("body", "违法地点：{{ location }}"),
        ("body", "违法事实：{{ facts }}"),
        ("body", "法律依据：{{ legal_basis }}"),
        ("body", "承办人：{{ officers }}"),
        ("body", "立案日期：{{ filed_on }}"),
        ("small", "承办人意见：                签名：          日期："),
        ("small", "承办机构负责人意见：        签名：          日期："),
        ("small", "机关负责人审批意见：        签名：          日期："),
    ],
    "advance_notice": [
        *HEAD,
        *TO_PARTY,
        ("body", "经查，{{ facts }}。"),
        (
            "body",
            "你（单位）的上述行为违反了{{ provision_violated }}的规定。依据{{ penalty_provision }}"
            "的规定，本机关拟对你（单位）作出如下行政处罚：{{ proposed_penalty }}。",
        ),
        (
            "body",
            "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行"
            "陈述和申辩。如有陈述、申辩意见，应当自收到本告知书之日起{{ statement_days }}内向"
            "本机关提出；逾期未提出的，视为放弃上述权利。",
        ),
        ("p", "{%p if hearing_right %}"),
        ("body", "{{ hearing_text }}"),
        ("p", "{%p endif %}"),
        ("body", "案件编号：{{ head.case_no }}"),
        *SIGN,
    ],
    "hearing_notice": [
        *HEAD,
        *TO_PARTY,
        (
            "body",
            "根据你（单位）于{{ requested_on }}提出的听证申请，本机关定于{{ hearing_date }}"
            "就{{ head.cause }}一案举行听证，由{{ presiding }}主持听证。",
        ),
        (
            "body",
            "请你（单位）按时出席，可以委托一至二人代理，并携带身份证明和有关证据。"
            "无正当理由不出席听证的，视为放弃听证权利。你（单位）认为主持人与本案有直接"
            "利害关系的，有权申请回避。",
        ),
        ("body", "案件编号：{{ head.case_no }}"),
        *SIGN,
    ],
    "penalty_decision": [
        *HEAD,
        *PARTY,
        ("body", "{{ head.cause }}一案，本机关依法立案调查。经查明：{{ facts }}。"),
        ("body", "以上事实有{{ evidence }}为证。"),
        (
            "body",
            "当事人的上述行为违反了{{ provision_violated }}的规定。依据{{ penalty_provision }}"
            "的规定，本机关决定对当事人作出如下行政处罚：{{ penalty }}。",
        ),
        ("body", "{{ correction }}"),
        ("body", "{{ payment }}"),
        ("body", "{{ remedy }}"),
        *SIGN,
    ],
    "no_penalty_decision": [
        *HEAD,
        *PARTY,
        ("body", "{{ head.cause }}一案，本机关依法立案调查。经查明：{{ facts }}。"),
        ("body", "以上事实有{{ evidence }}为证。"),
        (
            "body",
            "鉴于{{ reason }}，依据{{ legal_basis }}和《中华人民共和国行政处罚法》的有关规定，"
            "本机关决定对当事人不予行政处罚。",
        ),
        ("body", "{{ remedy }}"),
        *SIGN,
    ],
    "simple_decision": [
        *HEAD,
        *PARTY,
        ("body", "违法事实：{{ facts }}。"),
        ("body", "证据：{{ evidence }}。"),
        (
            "body",
            "当事人的上述行为违反了{{ provision_violated }}的规定。依据{{ penalty_provision }}"
            "和《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚：{{ penalty }}。",
        ),
        ("body", "{{ correction }}"),
        ("body", "{{ payment }}"),
        ("body", "{{ remedy }}"),
        ("body", "执法人员：{{ officers }}"),
        ("small", "当事人签名：                日期："),
        *SIGN,
    ],
    "correction_order": [
        *HEAD,
        *TO_PARTY,
        ("body", "经查，{{ facts }}。上述行为违反了{{ provision_violated }}的规定。"),
        ("body", "{{ order }}"),
        ("body", "{{ remedy }}"),
        *SIGN,
    ],
    "demolition_order": [
        *HEAD,
        *TO_PARTY,
        ("body", "经查，{{ facts }}。上述行为违反了{{ provision_violated }}的规定。"),
        ("body", "{{ order }}"),
        ("body", "{{ remedy }}"),
        *SIGN,
    ],
    "service_receipt": [
        ("p", "{%p for r in receipts %}"),
        ("p", "{%p if not loop.first %}"),
        ("break", ""),
        ("p", "{%p endif %}"),
        ("org", "{{ head.organisation }}"),
        ("title", "{{ head.title }}"),
        ("body", "案件编号：{{ head.case_no }}"),
        ("body", "送达文书：{{ r.title }}"),
        ("body", "文书编号：{{ r.document_no }}"),
        ("body", "受送达人：{{ head.party_name }}"),
        ("body", "送达地点：{{ r.place }}"),
        ("body", "送达方式：{{ r.method }}"),
        ("body", "送达日期：{{ r.served_on }}"),
        ("small", "受送达人签名或者盖章：                日期："),
        ("small", "送达人签名：                          日期："),
        ("small", "见证人签名：                          日期："),
        ("small", "备注：{{ r.note }}"),
        ("p", "{%p endfor %}"),
    ],
    "payment_reminder": [
        *HEAD,
        *TO_PARTY,
        (
            "body",
            "本机关于{{ decided_on }}作出{{ decision_no }}行政处罚决定书，对你（单位）处以罚款"
            "{{ fine }}，该决定书已于{{ served_on }}送达。缴款期限已于{{ due_on }}届满，"
            "至今尚有{{ outstanding }}未缴纳。",
        ),
        (
            "body",
            "根据《中华人民共和国行政强制法》第三十五条、第四十五条和《中华人民共和国行政处罚法》"
            "第七十二条的规定，现催告你（单位）自收到本催告书之日起十日内缴纳上述罚款及加处罚款"
            "（截至本催告书作出之日，加处罚款{{ surcharge }}）。",
        ),
        (
            "body",
            "你（单位）有权进行陈述和申辩，可以自收到本催告书之日起三日内向本机关提出。"
            "逾期仍不履行的，本机关将依法申请人民法院强制执行。",
        ),
        *SIGN,
    ],
    "deferral_decision": [
        *HEAD,
        *TO_PARTY,
        (
            "body",
            "本机关于{{ decided_on }}作出{{ decision_no }}行政处罚决定书，对你（单位）处以罚款"
            "{{ fine }}，该决定书已于{{ served_on }}送达，尚有{{ owed }}未缴纳。",
        ),
        (
            "body",
            "你（单位）申请{{ manner }}缴纳罚款。经审查，根据《中华人民共和国行政处罚法》"
            "第六十六条第二款的规定，本机关决定同意你（单位）{{ manner }}缴纳，期限如下：",
        ),
        ("p", "{%p for i in instalments %}"),
        ("body", "{{ i.label }}：{{ i.due_on }}前缴纳{{ i.amount }}；"),
        ("p", "{%p endfor %}"),
        (
            "body",
            "请按上述期限缴纳。逾期不缴纳的，本机关将依照《中华人民共和国行政处罚法》第七十二条"
            "的规定每日按罚款数额的百分之三加处罚款，并依法申请人民法院强制执行。",
        ),
        *SIGN,
    ],
    "demolition_reminder": [
        *HEAD,
        *TO_PARTY,
        ("body", "经查，{{ facts }}。"),
        (
            "body",
            "本机关于{{ decided_on }}作出{{ order_no }}责令限期拆除决定，责令你（单位）于"
            "{{ deadline }}前自行拆除，该决定已于{{ served_on }}送达。拆除期限届满，你（单位）"
            "未自行拆除，在法定期限内未申请行政复议或者提起行政诉讼（或者已经审结）。",
        ),
        (
            "body",
            "根据《中华人民共和国行政强制法》第三十五条的规定，现催告你（单位）于{{ until }}前"
            "自行拆除上述违法建筑物、构筑物或者设施（履行方式：自行拆除并清理现场）。"
            "逾期仍不履行的，本机关将依法作出强制拆除决定。",
        ),
        (
            "body",
            "根据《中华人民共和国行政强制法》第三十六条的规定，你（单位）有权进行陈述和申辩，"
            "可以在收到本催告书后向本机关提出。",
        ),
        *SIGN,
    ],
    "forced_decision": [
        *HEAD,
        *PARTY,
        ("body", "经查，{{ facts }}。上述行为违反了{{ provision_violated }}的规定。"),
        (
            "body",
            "本机关作出{{ order_no }}责令限期拆除决定，责令你（单位）于{{ deadline }}前自行拆除。"
            "你（单位）逾期未拆除，在法定期限内未申请行政复议或者提起行政诉讼（或者已经审结）。"
            "本机关于{{ reminder }}送达催告书，你（单位）的陈述申辩情况：{{ statement }}。"
            "经催告，你（单位）仍未履行。",
        ),
        ("body", "{{ authority }}根据{{ basis }}的规定，本机关决定：{{ method }}"),
        ("body", "{{ remedy }}"),
        *SIGN,
    ],
    "forced_announcement": [
        *HEAD,
        (
            "body",
            "{{ head.party_name }}：经查，{{ facts }}（地点：{{ location }}）。"
            "本机关已于{{ decided_on }}作出{{ decision_no }}强制拆除决定。",
        ),
        (
            "body",
            "根据《中华人民共和国行政强制法》第四十四条的规定，现予公告：限你（单位）于"
            "{{ until }}前自行拆除上述违法建筑物、构筑物或者设施。逾期不拆除的，本机关将依法"
            "实施强制拆除。",
        ),
        ("body", "特此公告。"),
        *SIGN,
    ],
    "closing_approval": [
        ("org", "{{ head.organisation }}"),
        ("title", "{{ head.title }}"),
        ("no", "案件编号：{{ head.case_no }}"),
        ("body", "案由：{{ head.cause }}"),
        *PARTY,
        ("body", "决定书文号：{{ decision_no }}"),
        ("body", "决定日期：{{ decided_on }}"),
        ("body", "处理结果：{{ outcome }}"),
        ("body", "执行情况：{{ performance }}"),
        ("body", "结案日期：{{ closed_on }}"),
        ("body", "结案理由：{{ close_reason }}"),
        ("small", "承办人意见：                签名：          日期："),
        ("small", "机关负责人审批意见：        签名：          日期："),
    ],
}


def _run(paragraph, text: str, font: str, size: Pt, *, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = size
    run.font.bold = bold
    r_pr = run._element.get_or_add_rPr()
    r_pr.get_or_add_rFonts().set(qn("w:eastAsia"), font)


def _paragraph(doc, style: str, text: str) -> None:  # type: ignore[no-untyped-def]
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(28)  # fixed 28 pt, GB/T 9704's 22 lines a page
    if style in ("org", "title"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, SONGTI, SANHAO, bold=True)
    elif style == "no":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, FANGSONG, SANHAO)
    elif style in ("body",):
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Pt(32)  # two characters
        _run(p, text, FANGSONG, SANHAO)
    elif style == "plain":
        _run(p, text, FANGSONG, SANHAO)
    elif style == "small":
        _run(p, text, FANGSONG, SIHAO)
    elif style in ("seal", "sign"):
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(64)  # four characters from the right margin
        _run(p, text, FANGSONG, SANHAO)
    elif style == "break":
        _run(p, "", FANGSONG, SANHAO)
        p.runs[0].add_break(WD_BREAK.PAGE)
    elif style in ("p", "blank"):
        _run(p, text, FANGSONG, SANHAO)
    else:
        raise ValueError(style)


def make(name: str, lines: list[tuple[str, str]], folder: Path) -> Path:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.name = FANGSONG
    normal.font.size = SANHAO
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FANGSONG)
    # A fixed creation stamp keeps the committed files reproducible byte for byte in content.
    doc.core_properties.author = "chuansha-enforce"
    doc.core_properties.title = name
    for style, text in lines:
        _paragraph(doc, style, text)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    doc.save(str(path))
    return path


def main(argv: list[str]) -> int:
    """``make_templates.py [FOLDER [NAME ...]]``: every template, or the ones named."""
    folder = Path(argv[1]) if len(argv) > 1 else OUT
    names = argv[2:] or list(TEMPLATES)
    for name in names:
        print(make(name, TEMPLATES[name], folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
