"""The officer registry: certificates with their dates and status, registering one and
correcting one (更正…, administrators, with a reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chuansha_enforce.domain.accounts.accounts import Permission
from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.corrections.corrections import OFFICER_FIELDS
from chuansha_enforce.domain.enums import CertificateStatus
from chuansha_enforce.domain.messages import Lang
from chuansha_enforce.domain.records import OfficerRecord
from chuansha_enforce.services.changes import Changes
from chuansha_enforce.services.container import Services
from ui.correction_form import correction_form
from ui.step_form import Field, FormValues, Kind, StepForm


class OfficerRegistryWidget(QWidget):
    changed = Signal(object)  # the Changes of a registration

    def __init__(self, services: Services, lang: Lang = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("officerRegistry")
        self._services = services
        self._lang = lang
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("officerTable")
        self.table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("OfficerRegistry", "姓名"),
                QCoreApplication.translate("OfficerRegistry", "执法证号"),
                QCoreApplication.translate("OfficerRegistry", "发证日期"),
                QCoreApplication.translate("OfficerRegistry", "有效期至"),
                QCoreApplication.translate("OfficerRegistry", "状态"),
                QCoreApplication.translate("OfficerRegistry", "注销日期"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.register_button = QPushButton(
            QCoreApplication.translate("OfficerRegistry", "登记执法人员…"), self
        )
        self.register_button.setObjectName("registerOfficer")
        self.register_button.clicked.connect(self.open_register)
        self.register_button.setEnabled(services.may(Permission.MANAGE_OFFICERS))
        self.correct_button = QPushButton(
            QCoreApplication.translate("OfficerRegistry", "更正…"), self
        )
        self.correct_button.setObjectName("correctOfficer")
        self.correct_button.setToolTip(
            QCoreApplication.translate(
                "OfficerRegistry", "更正选中执法人员的姓名或执法证信息（管理员；写明理由）"
            )
        )
        self.correct_button.clicked.connect(self.open_correction)
        self.correct_button.setEnabled(services.may(Permission.MANAGE_OFFICERS))
        buttons = QHBoxLayout()
        buttons.addWidget(self.register_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.form: StepForm | None = None
        self.reload()

    def reload(self) -> None:
        certificates = self._services.officers.certificates()
        today = today_in_china(self._services.clock)
        self.table.setRowCount(len(certificates))
        for row, c in enumerate(certificates):
            values = [
                c.officer_name,
                c.certificate_no,
                c.issued_on.isoformat(),
                c.expires_on.isoformat() if c.expires_on else "",
                c.status_label(today),
                c.cancelled_on.isoformat() if c.cancelled_on else "",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()

    def open_register(self) -> StepForm:
        fields = [
            Field("officer_name", QCoreApplication.translate("OfficerRegistry", "姓名")),
            Field("certificate_no", QCoreApplication.translate("OfficerRegistry", "执法证号")),
            Field(
                "issued_on", QCoreApplication.translate("OfficerRegistry", "发证日期"), Kind.DATE
            ),
            Field(
                "expires_on",
                QCoreApplication.translate("OfficerRegistry", "有效期至"),
                Kind.OPTIONAL_DATE,
            ),
            Field(
                "status",
                QCoreApplication.translate("OfficerRegistry", "状态"),
                Kind.CHOICE,
                [(s.label, s) for s in CertificateStatus],
            ),
            Field(
                "cancelled_on",
                QCoreApplication.translate("OfficerRegistry", "注销日期"),
                Kind.OPTIONAL_DATE,
            ),
        ]

        def submit(v: FormValues) -> Changes:
            status = v.choice("status")
            assert isinstance(status, CertificateStatus)
            return self._services.officers.register(
                OfficerRecord(
                    v.text("officer_name"),
                    v.text("certificate_no"),
                    v.date("issued_on"),
                    v.optional_date("expires_on"),
                    status,
                    v.optional_date("cancelled_on"),
                )
            )

        form = StepForm(
            QCoreApplication.translate("OfficerRegistry", "登记执法人员"),
            fields,
            submit,
            today=today_in_china(self._services.clock),
            lang=self._lang,
            parent=self,
        )
        return self._show_form(form)

    def open_correction(self) -> StepForm:
        """更正… of the selected certificate (the first when none is selected)."""
        row = max(self.table.currentRow(), 0)
        item = self.table.item(row, 1)
        number = item.text() if item is not None else ""
        corrections = self._services.corrections
        extra = Field(
            "certificate_no",
            QCoreApplication.translate("OfficerRegistry", "执法证号"),
            default=number,
        )

        def which(v: FormValues) -> str:
            return v.text("certificate_no")

        form = correction_form(
            self._services,
            QCoreApplication.translate("OfficerRegistry", "更正执法人员信息"),
            OFFICER_FIELDS,
            lambda v, spec: corrections.correct_officer(
                which(v), spec.key, v.text("value"), v.text("reason")
            ),
            current=lambda spec: corrections.officer_value(number, spec),
            extra=(extra,),
            history=corrections.officer_corrections(number),
            lang=self._lang,
            parent=self,
        )
        return self._show_form(form)

    def _show_form(self, form: StepForm) -> StepForm:
        form.accepted.connect(self._registered)
        self.form = form
        form.open()
        return form

    def _registered(self) -> None:
        self.reload()
        if self.form is not None:
            self.changed.emit(self.form.result_value)
