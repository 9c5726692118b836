"""执法文书 made from recorded cases and read back from the .docx (DOMAIN §16, issue 22).

Each kind of decided case (fine, warning, no penalty, demolition, simple procedure before and
after 2024-01-01) makes every document it can; the text is read back with python-docx and
checked for the APL 59 / 52 items with the case's own values, no placeholder left, the remedy
wording of its procedure and date, and the amounts in 大写.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import etree

from chuansha_enforce.domain.cases.case_file import (
    AdvanceNotice,
    Decision,
    Discussion,
    EvidenceItem,
    Hearing,
    StatementKind,
)
from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.domain.documents.documents import DocumentKind
from chuansha_enforce.domain.enums import (
    EvidenceKind,
    HearingState,
    NoPenaltyReason,
    Outcome,
    PartyType,
    PenaltyKind,
    ReviewOpinion,
    ServiceMethod,
)
from chuansha_enforce.domain.errors import DomainError
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord, SimpleDecisionRecord
from chuansha_enforce.services.case_file_service import NewCase
from chuansha_enforce.services.container import Services, build_services
from tests.backend_book import book
from tests.conftest import database_digest
from tests.notices import notice
from tests.server_backend import is_server

D = dt.date
NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)  # 2024-06-28 in Shanghai
COMPANY = PartyRecord(
    PartyType.LEGAL_PERSON,
    "上海川沙某某餐饮管理有限公司",
    "91350100M000100Y43",
    "上海市浦东新区川沙路100号",
    "王五",
)
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号")
BASIS = "《上海市市容环境卫生管理条例》第二十五条第五项；《上海市市容环境卫生管理条例》第四十八条"
REMEDY_EITHER = (
    "如不服本决定，可以自收到本决定书之日起六十日内向上海市浦东新区人民政府申请行政复议，"
    "或者在六个月内依法向上海市浦东新区人民法院提起行政诉讼。"
)
REMEDY_FIRST = (
    "如不服本决定，应当自收到本决定书之日起六十日内向上海市浦东新区人民政府申请行政复议；"
    "对行政复议决定不服的，可以依法向上海市浦东新区人民法院提起行政诉讼。"
)
PAYMENT = (
    "当事人应当自收到本决定书之日起十五日内，持本决定书到指定的代收银行网点或者通过电子缴款渠道"
    "缴纳罚款。到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额"
    "不超过罚款的数额。"
)
PENALTY = DocumentKind.PENALTY_DECISION
CORRECTION = DocumentKind.CORRECTION_ORDER
PLACEHOLDER = re.compile(r"\{\{|\}\}|\{%|%\}")


@pytest.fixture
def svc(backend: Path | str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Services]:
    """On both backends (tests/server_backend): a file in ``data/``, or a server database whose
    templates folder is this PC's folder for it (in the user data folder, here under tmp_path)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    where = backend if is_server(backend) else tmp_path / "data" / "cases.db"
    with build_services(where, FixedClock(NOW)) as services:
        services.officers.register(OfficerRecord("王建国", "31150001", D(2018, 3, 1)))
        services.officers.register(OfficerRecord("李明", "31150002", D(2019, 5, 10)))
        yield services


def _file(svc: Services, no: str, party: PartyRecord, **changes: object) -> None:
    fields: dict[str, object] = {
        "case_no": no,
        "party": party,
        "cause": f"{party.name}超出门窗经营案",
        "filed_on": D(2024, 3, 4),
        "officer_certificates": ("31150001", "31150002"),
        "violation": "2024年3月1日在川沙路100号店铺门外摆放餐桌经营",
        "legal_basis": BASIS,
        "location": "川沙路100号",
        "clue_on": D(2024, 3, 1),
    }
    fields.update(changes)
    svc.case_files.file_case(NewCase(**fields))  # type: ignore[arg-type]
    # the evidence the decisions list (APL 59), in the order obtained whatever the order typed
    svc.case_files.record_evidence(
        no, EvidenceItem(EvidenceKind.AUDIO_VISUAL, "现场照片6张", D(2024, 3, 5))
    )
    svc.case_files.record_evidence(
        no, EvidenceItem(EvidenceKind.INSPECTION_RECORD, "现场检查笔录一份", D(2024, 3, 1))
    )


FINE_NO = "川执立〔2024〕1号"
WARNING_NO = "川执立〔2024〕2号"
NO_PENALTY_NO = "川执立〔2024〕3号"
DEMOLITION_NO = "川执立〔2024〕4号"


def _fine_case(svc: Services) -> None:
    """An organisation fined 1,005.30 元 after a hearing; served, unpaid, overdue by June."""
    _file(svc, FINE_NO, COMPANY)
    svc.case_files.record_notice(
        FINE_NO,
        notice(
            D(2024, 3, 20),
            frozenset({PenaltyKind.FINE, PenaltyKind.WARNING}),
            100_530,
            stated_on=D(2024, 3, 21),
            hearing_offered=True,
        ),
    )
    svc.case_files.record_hearing(
        FINE_NO,
        Hearing(HearingState.HELD, D(2024, 3, 22), D(2024, 3, 25), D(2024, 4, 3), "赵法制"),
    )
    svc.case_files.record_review(  # a hearing makes the case major: legal review first
        FINE_NO, reviewer="钱审核", reviewed_on=D(2024, 4, 8), opinion=ReviewOpinion.AGREE
    )
    svc.case_files.record_discussion(
        FINE_NO, Discussion(D(2024, 4, 9), "同意罚款", ("镇长", "分管副镇长", "执法队长"))
    )
    svc.case_files.decide(
        FINE_NO,
        Decision(
            "沪浦川执罚〔2024〕000001号",
            D(2024, 4, 10),
            Outcome.PENALTY,
            frozenset({PenaltyKind.FINE, PenaltyKind.WARNING}),
            fine_fen=100_530,
        ),
    )
    svc.case_files.serve(FINE_NO, D(2024, 4, 12), ServiceMethod.DIRECT)


def _warning_case(svc: Services) -> None:
    _file(svc, WARNING_NO, PERSON)
    svc.case_files.record_notice(
        WARNING_NO,
        notice(D(2024, 3, 20), frozenset({PenaltyKind.WARNING}), stated_on=D(2024, 3, 21)),
    )
    svc.case_files.decide(
        WARNING_NO,
        Decision(
            "沪浦川执罚〔2024〕000002号",
            D(2024, 4, 10),
            Outcome.PENALTY,
            frozenset({PenaltyKind.WARNING}),
        ),
    )
    svc.case_files.serve(WARNING_NO, D(2024, 4, 11), ServiceMethod.ON_THE_SPOT)
    svc.case_files.close(WARNING_NO, D(2024, 4, 15))


def _no_penalty_case(svc: Services) -> None:
    _file(svc, NO_PENALTY_NO, PERSON)
    svc.case_files.record_notice(
        NO_PENALTY_NO,
        notice(D(2024, 3, 20), frozenset({PenaltyKind.WARNING}), stated_on=D(2024, 3, 21)),
    )
    svc.case_files.decide(
        NO_PENALTY_NO,
        Decision(
            "沪浦川执罚〔2024〕000003号",
            D(2024, 4, 10),
            Outcome.NO_PENALTY,
            no_penalty_reason=NoPenaltyReason.FIRST_VIOLATION,
        ),
    )


def _simple(svc: Services, number: str, day: dt.date, fine_fen: int) -> None:
    svc.simple.record(
        SimpleDecisionRecord(
            decision_no=number,
            party=PERSON,
            cause="张三占道设摊",
            officer_certificates=("31150001", "31150002"),
            decided_on=day,
            penalty_kind=PenaltyKind.FINE,
            violation="在川沙路2号占用道路设摊经营",
            location="川沙路2号",
            fine_fen=fine_fen,
            legal_basis="《上海市市容环境卫生管理条例》第二十五条第二项",
        )
    )


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


def make_all(svc: Services, number: str, folder: Path) -> dict[DocumentKind, str]:
    """Every document the case can have, made; returns each one's text."""
    out: dict[DocumentKind, str] = {}
    for state in svc.documents.states(number):
        if state.can_make:
            path = folder / f"{state.kind.value}.docx"
            svc.documents.make(number, state.kind, path)
            text = text_of(path)
            assert PLACEHOLDER.search(text) is None, (state.kind, text)
            out[state.kind] = text
    return out


def test_a_fined_organisation_gets_every_document_with_the_apl_59_items(
    svc: Services, tmp_path: Path
) -> None:
    _fine_case(svc)
    made = make_all(svc, FINE_NO, tmp_path)
    assert set(made) == {
        DocumentKind.FILING_APPROVAL,
        DocumentKind.ADVANCE_NOTICE,
        DocumentKind.HEARING_NOTICE,
        DocumentKind.PENALTY_DECISION,
        DocumentKind.CORRECTION_ORDER,
        DocumentKind.SERVICE_RECEIPT,
        DocumentKind.PAYMENT_REMINDER,
    }
    decision = made[DocumentKind.PENALTY_DECISION]
    for item in (
        "上海市浦东新区川沙新镇人民政府",  # the agency
        "行政处罚决定书",
        "沪浦川执罚〔2024〕000001号",  # the case's 决定书文号
        "当事人：上海川沙某某餐饮管理有限公司（法人）",
        "住所（地址）：上海市浦东新区川沙路100号",
        "法定代表人（负责人）：王五",
        "经查明：2024年3月1日在川沙路100号店铺门外摆放餐桌经营。",
        "以上事实有1. 勘验笔录、现场笔录：现场检查笔录一份（2024-03-01）；"
        "2. 视听资料：现场照片6张（2024-03-05）为证。",
        "违反了《上海市市容环境卫生管理条例》第二十五条第五项的规定",
        "依据《上海市市容环境卫生管理条例》第四十八条的规定",
        "警告；罚款人民币1,005.30元（大写：壹仟零伍元叁角整）",
        PAYMENT,
        REMEDY_EITHER,
        "（印章）",
        "2024年4月10日",
    ):
        assert item in decision, item
    notice = made[DocumentKind.ADVANCE_NOTICE]
    assert "沪浦川执告〔2024〕000001号" in notice
    assert "有权要求举行听证" in notice  # the notice offered a hearing
    assert "3个工作日" in notice
    hearing = made[DocumentKind.HEARING_NOTICE]
    assert "定于2024年4月3日" in hearing
    assert "由赵法制主持听证" in hearing
    receipts = made[DocumentKind.SERVICE_RECEIPT]
    assert receipts.count("送达回证") == 2  # one per document served
    assert "送达文书：行政处罚事先告知书" in receipts
    assert "文书编号：沪浦川执告〔2024〕000001号" in receipts
    assert "送达文书：行政处罚决定书" in receipts
    assert "送达方式：直接送达" in receipts
    assert "送达日期：2024年4月12日" in receipts
    reminder = made[DocumentKind.PAYMENT_REMINDER]
    assert "尚有人民币1,005.30元（大写：壹仟零伍元叁角整）未缴纳" in reminder
    # 4-27 was a Saturday off; the Sunday 4-28 was worked (2024 May Day), so the period ends then.
    assert "缴款期限已于2024年4月28日届满" in reminder
    # 2024-04-28 .. 06-28 is 62 days late: the surcharge has reached the fine (day 34).
    assert "加处罚款人民币1,005.30元（大写：壹仟零伍元叁角整）" in reminder


def test_a_warning_has_no_payment_and_closes_with_its_approval_form(
    svc: Services, tmp_path: Path
) -> None:
    _warning_case(svc)
    made = make_all(svc, WARNING_NO, tmp_path)
    assert DocumentKind.PAYMENT_REMINDER not in made
    decision = made[DocumentKind.PENALTY_DECISION]
    assert "本机关决定对当事人作出如下行政处罚：警告。" in decision
    assert "缴纳罚款" not in decision
    assert "法定代表人" not in decision  # a person has none
    assert REMEDY_EITHER in decision
    closing = made[DocumentKind.CLOSING_APPROVAL]
    assert "结案日期：2024年4月15日" in closing
    assert "执行情况：无罚没款" in closing


def test_no_penalty_decision(svc: Services, tmp_path: Path) -> None:
    _no_penalty_case(svc)
    made = make_all(svc, NO_PENALTY_NO, tmp_path)
    assert DocumentKind.PENALTY_DECISION not in made
    text = made[DocumentKind.NO_PENALTY_DECISION]
    assert "不予行政处罚决定书" in text
    assert "沪浦川执罚〔2024〕000003号" in text
    assert "鉴于首违不罚" in text
    assert "本机关决定对当事人不予行政处罚。" in text
    assert REMEDY_EITHER in text


def test_a_demolition_case_gets_the_demolition_order_not_the_correction_order(
    svc: Services, tmp_path: Path
) -> None:
    _file(svc, DEMOLITION_NO, PERSON, demolition_order=True, violation="在宅基地上擅自搭建彩钢板房")
    made = make_all(svc, DEMOLITION_NO, tmp_path)
    assert DocumentKind.CORRECTION_ORDER not in made
    order = made[DocumentKind.DEMOLITION_ORDER]
    assert "责令限期拆除通知书" in order
    assert "沪浦川执拆〔2024〕000001号" in order
    assert "自收到本通知书之日起15日内自行拆除" in order


@pytest.mark.parametrize(
    ("day", "remedy"),
    [(D(2023, 12, 29), REMEDY_EITHER), (D(2024, 1, 2), REMEDY_FIRST)],
)
def test_on_the_spot_decision_remedy_depends_on_the_date(
    svc: Services, tmp_path: Path, day: dt.date, remedy: str
) -> None:
    number = f"沪浦川执简〔{day.year}〕000007号"
    _simple(svc, number, day, 20_000)
    states = svc.documents.states(number)
    assert [(s.kind, s.can_make) for s in states] == [(DocumentKind.SIMPLE_DECISION, True)]
    made = make_all(svc, number, tmp_path)
    text = made[DocumentKind.SIMPLE_DECISION]
    for item in (
        "当场行政处罚决定书",
        number,
        "当事人：张三（自然人）",
        "证件号码：11010519491231002X",
        "川沙路2号",
        "在川沙路2号占用道路设摊经营",
        "违反了《上海市市容环境卫生管理条例》第二十五条第二项的规定",
        "罚款人民币200.00元（大写：贰佰元整）",
        "执法人员：王建国、李明",
        remedy,
    ):
        assert item in text, item


def test_a_document_waiting_for_steps_is_refused_with_them(svc: Services, tmp_path: Path) -> None:
    _file(svc, FINE_NO, COMPANY)
    states = {s.kind: s for s in svc.documents.states(FINE_NO)}
    assert states[DocumentKind.FILING_APPROVAL].can_make
    assert states[DocumentKind.PENALTY_DECISION].missing == ("处罚决定", "决定书文号")
    assert states[DocumentKind.CLOSING_APPROVAL].missing == ("结案",)
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as caught:
        svc.documents.make(FINE_NO, DocumentKind.ADVANCE_NOTICE, tmp_path / "n.docx")
    assert caught.value.code == "document.missing_steps"
    assert caught.value.params["steps"] == "告知、拟处罚内容"
    assert not (tmp_path / "n.docx").exists()
    assert database_digest(book(svc)) == before


def test_numbers_are_issued_once_and_making_is_logged(svc: Services, tmp_path: Path) -> None:
    _fine_case(svc)
    first = svc.documents.make(FINE_NO, DocumentKind.CORRECTION_ORDER, tmp_path / "a.docx")
    again = svc.documents.make(FINE_NO, DocumentKind.CORRECTION_ORDER, tmp_path / "b.docx")
    assert first.document_no == again.document_no == "沪浦川执改〔2024〕000001号"
    state = {s.kind: s for s in svc.documents.states(FINE_NO)}[DocumentKind.CORRECTION_ORDER]
    assert state.made is not None
    assert state.made.times_made == 2
    rows = svc._db.execute(
        "SELECT object_id, outcome, detail FROM audit_log WHERE action = 'document.make'"
    ).fetchall()
    logged = '{"document_no": "沪浦川执改〔2024〕000001号", "kind": "correction_order"}'
    assert [tuple(r) for r in rows] == [(FINE_NO, "ok", logged), (FINE_NO, "ok", logged)]


def _user_template(svc: Services, kind: DocumentKind) -> Path:
    folder = svc.db_path.parent / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{kind.value}.docx"
    shutil.copy(svc.documents.template(kind), target)
    return target


def _edited_template(svc: Services, kind: DocumentKind, old: str, new: str) -> Path:
    """The squad's copy of the shipped template with ``old`` replaced as WPS would save it."""
    target = _user_template(svc, kind)
    document = docx.Document(str(target))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.text = run.text.replace(old, new)
    document.save(str(target))
    return target


@pytest.mark.parametrize(
    "fault",
    [
        (PENALTY, "{{ penalty }}", "{{ penalti }}", "document.template_variable", "penalti"),
        (
            PENALTY,
            "{{ head.party_address }}",
            "{{ head.party_adress }}",
            "document.template_variable",
            "head.party_adress",
        ),
        (PENALTY, "{{ remedy }}", "", "document.template_left_out", "remedy"),
        (CORRECTION, "{{ order }}", "{{ order ", "document.template_syntax", None),
    ],
)
def test_a_faulty_user_template_gives_one_clear_error_and_changes_nothing(
    svc: Services, tmp_path: Path, fault: tuple[DocumentKind, str, str, str, str | None]
) -> None:
    kind, old, new, code, variable = fault
    _fine_case(svc)
    target = _edited_template(svc, kind, old, new)
    before = database_digest(book(svc))
    with pytest.raises(DomainError) as caught:
        svc.documents.make(FINE_NO, kind, tmp_path / "d.docx")
    assert caught.value.code == code
    assert caught.value.params["template"] == str(target)
    if variable is not None:
        assert caught.value.params["variable"] == variable
    assert not (tmp_path / "d.docx").exists()
    assert database_digest(book(svc)) == before  # no number was issued


def test_a_user_template_that_moves_the_seal_is_used(svc: Services, tmp_path: Path) -> None:
    _fine_case(svc)
    target = _user_template(svc, DocumentKind.PENALTY_DECISION)
    document = docx.Document(str(target))
    seal = next(p for p in document.paragraphs if p.text == "（印章）")
    assert seal.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    seal.alignment = WD_ALIGN_PARAGRAPH.CENTER
    seal.runs[0].text = "（印章：居中）"
    document.save(str(target))
    out = tmp_path / "d.docx"
    svc.documents.make(FINE_NO, DocumentKind.PENALTY_DECISION, out)
    made = docx.Document(str(out))
    moved = next(p for p in made.paragraphs if p.text == "（印章：居中）")
    assert moved.alignment == WD_ALIGN_PARAGRAPH.CENTER


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_fonts(path: Path) -> set[tuple[str, str]]:
    """(East-Asian font, size in half-points) of every run of the document."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    seen: set[tuple[str, str]] = set()
    for run in root.findall(f".//{W}r"):
        fonts = run.find(f"{W}rPr/{W}rFonts")
        size = run.find(f"{W}rPr/{W}sz")
        east_asian = fonts.get(f"{W}eastAsia") if fonts is not None else None
        half_points = size.get(f"{W}val") if size is not None else None
        seen.add((east_asian or "none", half_points or "none"))
    return seen


def test_every_run_names_its_east_asian_font_and_size(svc: Services, tmp_path: Path) -> None:
    _fine_case(svc)
    _warning_case(svc)
    out = tmp_path / "d.docx"
    svc.documents.make(FINE_NO, DocumentKind.PENALTY_DECISION, out)
    # 宋体 三号 for the agency and the title, 仿宋_GB2312 三号 for the text.
    assert _run_fonts(out) == {("宋体", "32"), ("仿宋_GB2312", "32")}
    # Every other document too; signature lines of forms are 仿宋_GB2312 四号.
    for number in (FINE_NO, WARNING_NO):
        for state in svc.documents.states(number):
            if state.can_make:
                path = tmp_path / f"{state.kind.value}.docx"
                svc.documents.make(number, state.kind, path)
                assert _run_fonts(path) <= {
                    ("宋体", "32"),
                    ("仿宋_GB2312", "32"),
                    ("仿宋_GB2312", "28"),
                }, state.kind
    with zipfile.ZipFile(out) as archive:
        section = etree.fromstring(archive.read("word/document.xml")).find(f".//{W}sectPr")
    page = section.find(f"{W}pgSz")
    margins = section.find(f"{W}pgMar")
    assert (page.get(f"{W}w"), page.get(f"{W}h")) == ("11906", "16838")  # A4 in twips
    assert [margins.get(f"{W}{side}") for side in ("top", "bottom", "left", "right")] == [
        "2098",  # 37 mm
        "1984",  # 35 mm
        "1587",  # 28 mm
        "1474",  # 26 mm
    ]
    title = next(p for p in docx.Document(str(out)).paragraphs if p.text == "行政处罚决定书")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_an_unreadable_user_template_is_refused(svc: Services, tmp_path: Path) -> None:
    _fine_case(svc)
    target = _user_template(svc, DocumentKind.CORRECTION_ORDER)
    target.write_bytes(b"not a docx")
    with pytest.raises(DomainError) as caught:
        svc.documents.make(FINE_NO, DocumentKind.CORRECTION_ORDER, tmp_path / "a.docx")
    assert caught.value.code == "document.template_unreadable"
    assert not (tmp_path / "a.docx").exists()


def test_a_decided_order_prints_its_own_deadline(svc: Services, tmp_path: Path) -> None:
    """An order decided with a deadline (DOMAIN §13): the notice names that day, not the
    setting's default period; the case was not marked a demolition case when filed."""
    _file(svc, DEMOLITION_NO, PERSON, violation="在宅基地上擅自搭建彩钢板房")
    files = svc.case_files
    files.record_notice(DEMOLITION_NO, AdvanceNotice(D(2024, 4, 1), proposed_demolition=True,
                                                     facts="擅自搭建", basis=BASIS))  # fmt: skip
    files.record_statement(DEMOLITION_NO, StatementKind.WAIVED, D(2024, 4, 2))
    files.record_review(DEMOLITION_NO, reviewer="周律", reviewed_on=D(2024, 4, 3),
                        opinion=ReviewOpinion.AGREE)  # fmt: skip
    files.record_discussion(DEMOLITION_NO, Discussion(D(2024, 4, 3), "同意", ("甲", "乙", "丙")))
    files.decide(DEMOLITION_NO, Decision(None, D(2024, 4, 8), Outcome.ORDER_ONLY,
                                         demolition_deadline=D(2024, 5, 8)))  # fmt: skip
    made = make_all(svc, DEMOLITION_NO, tmp_path)
    assert DocumentKind.CORRECTION_ORDER not in made
    order = made[DocumentKind.DEMOLITION_ORDER]
    assert "责令你（单位）于2024年5月8日前自行拆除上述违法建筑物、构筑物或者设施" in order
    assert "15日内" not in order
