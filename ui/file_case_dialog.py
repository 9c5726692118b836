"""立案: filing a new general-procedure case."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.enums import PartyType
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.records import PartyRecord
from chuansha_enforce.domain.reports.personal_data import personal_data_warning
from chuansha_enforce.services.case_file_service import NewCase, StepResult
from chuansha_enforce.services.container import Services
from ui.step_form import Field, FormValues, Kind, StepForm


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileCaseDialog", text)


def file_case_form(
    services: Services, lang: Lang = "zh", parent: QWidget | None = None
) -> StepForm:
    today = today_in_china(services.clock)
    officers = [
        (c.officer_name, c.certificate_no)
        for c in services.officers.certificates()
        if c.valid_on(today)
    ]
    recent = services.officers.recent_case_officers()
    first, second = (*recent, None, None)[:2]
    fields = [
        Field(
            "case_no",
            QCoreApplication.translate("FileCaseDialog", "案件编号"),
            placeholder=QCoreApplication.translate("FileCaseDialog", "留空则自动编号"),
        ),
        Field("filed_on", QCoreApplication.translate("FileCaseDialog", "立案日期"), Kind.DATE),
        Field(
            "clue_on",
            QCoreApplication.translate("FileCaseDialog", "线索发现日期"),
            Kind.OPTIONAL_DATE,
        ),
        Field(
            "party_kind",
            QCoreApplication.translate("FileCaseDialog", "当事人类型"),
            Kind.CHOICE,
            [(k.label, k) for k in PartyType],
        ),
        Field("party_name", QCoreApplication.translate("FileCaseDialog", "当事人")),
        Field(
            "id_number",
            QCoreApplication.translate("FileCaseDialog", "证件号码"),
            placeholder=QCoreApplication.translate("FileCaseDialog", "身份证号或统一社会信用代码"),
        ),
        Field("party_address", QCoreApplication.translate("FileCaseDialog", "当事人住所（地址）")),
        Field(
            "legal_representative",
            QCoreApplication.translate("FileCaseDialog", "法定代表人（负责人）"),
            placeholder=QCoreApplication.translate("FileCaseDialog", "单位当事人填写"),
        ),
        Field("cause", QCoreApplication.translate("FileCaseDialog", "案由")),
        Field("violation", QCoreApplication.translate("FileCaseDialog", "违法行为")),
        Field("legal_basis", QCoreApplication.translate("FileCaseDialog", "法律依据")),
        Field("location", QCoreApplication.translate("FileCaseDialog", "违法地点")),
        Field(
            "officers",
            QCoreApplication.translate("FileCaseDialog", "承办人一"),
            Kind.OFFICER,
            officers,
            default=first,
        ),
        Field(
            "officers_2",
            QCoreApplication.translate("FileCaseDialog", "承办人二"),
            Kind.OFFICER,
            officers,
            default=second,
        ),
    ]

    def submit(v: FormValues) -> StepResult:
        kind = v.choice("party_kind")
        assert isinstance(kind, PartyType)
        chosen = tuple(str(c) for c in (v.choice("officers"), v.choice("officers_2")) if c)
        return services.case_files.file_case(
            NewCase(
                case_no=v.text("case_no"),
                party=PartyRecord(
                    kind,
                    v.text("party_name"),
                    v.text("id_number") or None,
                    v.text("party_address") or None,
                    v.text("legal_representative") or None,
                ),
                cause=v.text("cause"),
                filed_on=v.date("filed_on"),
                officer_certificates=chosen,
                violation=v.text("violation") or None,
                legal_basis=v.text("legal_basis") or None,
                location=v.text("location") or None,
                clue_on=v.optional_date("clue_on"),
            )
        )

    form = StepForm(
        QCoreApplication.translate("FileCaseDialog", "立案"),
        fields,
        submit,
        today=today,
        lang=lang,
        parent=parent,
    )

    def warning(v: FormValues) -> str:
        kind = v.choice("party_kind")
        texts = {key: v.text(key) for key in ("cause", "violation", "legal_basis", "location")}
        return personal_data_warning(
            texts, v.text("party_name"), kind if isinstance(kind, PartyType) else None, lang
        )

    form.warn_while_typing(
        ("party_kind", "party_name", "cause", "violation", "legal_basis", "location"), warning
    )
    return form
