"""Catalogue entries for service by the book (DOMAIN §14) and the evidence a case file holds
(APL 46; merged into ``messages``)."""

from __future__ import annotations

SERVICE_FIELDS: dict[str, tuple[str, str]] = {
    "attempted_on": ("送达尝试日期", "date of the attempt"),
    "attempt_result": ("尝试结果", "result of the attempt"),
    "service_witness": ("见证人", "witness"),
    "consent_on": ("电子送达同意日期", "date of consent to electronic service"),
    "evidence_kind": ("证据种类", "kind of evidence"),
    "evidence_description": ("证据内容", "what the evidence is"),
    "obtained_on": ("取证日期", "date obtained"),
}

SERVICE_MESSAGES: dict[str, tuple[str, str]] = {
    "evidence.after_decision": (
        "案件{case_no}已作出决定，不能再补充证据：应先查明事实、取得证据再作决定（行政处罚法第四十条）",
        "case {case_no} is decided: evidence is gathered before the decision (APL art. 40)",
    ),
    "evidence.too_long": ("不能超过 {max} 个字", "at most {max} characters"),
    "service.attempt_method": (
        "送达尝试只记录直接送达、留置送达、邮寄送达或委托送达（可选：{methods}）",
        "an attempt is recorded for direct, left-at-residence, postal or entrusted service "
        "(one of: {methods})",
    ),
    "service.notice_without_attempts": (
        "公告送达前须已尝试直接、留置、邮寄或委托送达并记录，或记录当事人下落不明"
        "（行政处罚法第六十一条，民事诉讼法第九十五条）；请先用“送达未成功”记录",
        "public-notice service only after direct, left-at-residence, postal or entrusted "
        "service was tried and recorded, or the party was recorded as not to be found "
        "(APL art. 61, Civil Procedure Law art. 95): record the attempt first",
    ),
    "service.left_without_witness": (
        "留置送达须有当事人所在基层组织或者所在单位的见证人，或以拍照、录像等方式记录送达过程"
        "（民事诉讼法第八十九条）",
        "service by leaving the document needs a witness from the party's grassroots "
        "organisation or employer, or a photo or video record (Civil Procedure Law art. 89)",
    ),
    "service.witness_not_used": (
        "见证人和拍照录像记录只用于留置送达",
        "a witness or photo/video record belongs to service by leaving the document only",
    ),
    "service.electronic_without_consent": (
        "电子送达须经当事人书面同意（送达地址确认书），请填写同意日期（行政处罚法第六十一条第二款）",
        "electronic service needs the party's written consent: give its date (APL art. 61(2))",
    ),
    "service.consent_after_service": (
        "当事人同意电子送达的日期 {date} 晚于送达日期 {served}（行政处罚法第六十一条第二款）",
        "the consent to electronic service ({date}) is later than the service ({served}) "
        "(APL art. 61(2))",
    ),
    "service.consent_not_used": (
        "电子送达同意日期只用于电子送达",
        "a consent date belongs to electronic service only",
    ),
}
