"""The forced-demolition steps after a 责令限期拆除 order (DOMAIN §13) as forms: the district
government's 责成, the statements after the 催告, the 强制拆除决定, the 公告, the carrying out
(with its time and witnesses) and the party's own removal. Whether each is open, and why not,
is ``available_steps``'s answer; the 催告 itself is the ``remind`` step."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from chuansha_enforce.domain.cases.case_file import CaseFile
from chuansha_enforce.domain.demolition.forced_demolition import has_order, parse_time
from chuansha_enforce.domain.demolition.forced_demolition_steps import (
    CarryOut,
    DemolitionAnnouncement,
    DistrictAuthority,
    ReminderStatement,
    ReminderStatementKind,
)
from chuansha_enforce.services.case_file_service import StepResult
from chuansha_enforce.services.container import Services
from ui.case_step import Step
from ui.step_form import Field, FormValues, Kind

FORCED_KEYS = frozenset(
    {"authority", "remind_statement", "enforce", "announce", "carry_out", "removed"}
)


def _witnesses(text: str) -> tuple[str, ...]:
    return tuple(
        p.strip() for p in text.replace("，", ",").replace("、", ",").split(",") if p.strip()
    )


def demolition_reminder_field(case: CaseFile) -> list[Field]:
    """The 催告 form's choice on a case with an order: the order's 催告 (行政强制法 35, 44),
    not the fine's; ticked when no fine is left to remind of."""
    if not has_order(case):
        return []
    label = QCoreApplication.translate("ForcedSteps", "催告拆除（责令限期拆除决定）")
    ticked = case.money_decided_fen <= 0 or case.reminder is not None
    return [Field("demolition", label, Kind.BOOL, default=ticked)]


def authority_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "authority_document",
                QCoreApplication.translate("ForcedSteps", "责成文件（文号或名称）"),
            ),
            Field("authority_on", QCoreApplication.translate("ForcedSteps", "责成日期"), Kind.DATE),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        authority = DistrictAuthority(v.text("authority_document"), v.date("authority_on"))
        return s.case_files.record_authority(no, authority)

    return Step("authority", QCoreApplication.translate("ForcedSteps", "区政府责成"), fields, apply)


def remind_statement_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "statement_kind",
                QCoreApplication.translate("ForcedSteps", "陈述申辩情况"),
                Kind.CHOICE,
                [(k.label, k) for k in ReminderStatementKind],
            ),
            Field("statement_on", QCoreApplication.translate("ForcedSteps", "记录日期"), Kind.DATE),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        kind = v.choice("statement_kind")
        assert isinstance(kind, ReminderStatementKind)
        return s.case_files.record_reminder_statement(
            no, ReminderStatement(v.date("statement_on"), kind)
        )

    return Step(
        "remind_statement",
        QCoreApplication.translate("ForcedSteps", "催告后陈述申辩"),
        fields,
        apply,
    )


def enforce_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("enforced_on", QCoreApplication.translate("ForcedSteps", "决定日期"), Kind.DATE)
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        return s.case_files.decide_forced_demolition(no, v.date("enforced_on"))

    return Step("enforce", QCoreApplication.translate("ForcedSteps", "强制拆除决定"), fields, apply)


def announce_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("announced_on", QCoreApplication.translate("ForcedSteps", "公告日期"), Kind.DATE),
            Field(
                "announce_until",
                QCoreApplication.translate("ForcedSteps", "限期自行拆除至"),
                Kind.DATE,
            ),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        announcement = DemolitionAnnouncement(v.date("announced_on"), v.date("announce_until"))
        return s.case_files.announce_demolition(no, announcement)

    return Step(
        "announce", QCoreApplication.translate("ForcedSteps", "强制拆除公告"), fields, apply
    )


def carry_out_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field("carried_on", QCoreApplication.translate("ForcedSteps", "实施日期"), Kind.DATE),
            Field(
                "carried_at",
                QCoreApplication.translate("ForcedSteps", "开始时间（时:分）"),
                placeholder="09:00",
            ),
            Field(
                "witnesses",
                QCoreApplication.translate("ForcedSteps", "见证人（逗号分隔，至少2人）"),
            ),
            Field(
                "rest_day_confirmed",
                QCoreApplication.translate("ForcedSteps", "确认在休息日实施"),
                Kind.BOOL,
            ),
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        s.case_files.check_carry_out_day(v.date("carried_on"), v.flag("rest_day_confirmed"))
        carry = CarryOut(
            v.date("carried_on"),
            parse_time(v.text("carried_at"), "carried_at"),
            _witnesses(v.text("witnesses")),
        )
        return s.case_files.carry_out_demolition(no, carry)

    return Step(
        "carry_out", QCoreApplication.translate("ForcedSteps", "实施强制拆除"), fields, apply
    )


def removed_step() -> Step:
    def fields(c: CaseFile) -> list[Field]:
        return [
            Field(
                "removed_on", QCoreApplication.translate("ForcedSteps", "自行拆除日期"), Kind.DATE
            )
        ]

    def apply(s: Services, no: str, v: FormValues) -> StepResult:
        return s.case_files.record_removal(no, v.date("removed_on"))

    return Step("removed", QCoreApplication.translate("ForcedSteps", "自行拆除"), fields, apply)


def forced_rows(case: CaseFile) -> list[tuple[str, str, str]]:
    """The timeline's rows for the steps after the order (the 催告 on a demolition order too):
    (date, what, detail)."""
    f = case.forced
    rows: list[tuple[str, str, str]] = []
    if f.reminder is not None:
        until = QCoreApplication.translate("ForcedSteps", "拆除期限 %1").replace(
            "%1", f.reminder.until.isoformat()
        )
        what = QCoreApplication.translate("ForcedSteps", "催告拆除")
        rows.append((f.reminder.served_on.isoformat(), what, until))
    if f.statement is not None:
        what = QCoreApplication.translate("ForcedSteps", "催告后陈述申辩")
        rows.append((f.statement.on.isoformat(), what, f.statement.kind.label))
    if f.authority is not None:
        what = QCoreApplication.translate("ForcedSteps", "区政府责成")
        rows.append((f.authority.on.isoformat(), what, f.authority.document))
    if f.decided_on is not None:
        what = QCoreApplication.translate("ForcedSteps", "强制拆除决定")
        rows.append((f.decided_on.isoformat(), what, ""))
    if f.announcement is not None:
        until = QCoreApplication.translate("ForcedSteps", "限期自行拆除至 %1").replace(
            "%1", f.announcement.until.isoformat()
        )
        what = QCoreApplication.translate("ForcedSteps", "强制拆除公告")
        rows.append((f.announcement.on.isoformat(), what, until))
    if f.carried_out is not None:
        detail = (
            QCoreApplication.translate("ForcedSteps", "%1 开始，见证人：%2")
            .replace("%1", f.carried_out.at.strftime("%H:%M"))
            .replace("%2", "、".join(f.carried_out.witnesses))
        )
        what = QCoreApplication.translate("ForcedSteps", "实施强制拆除")
        rows.append((f.carried_out.on.isoformat(), what, detail))
    if f.removed_on is not None:
        what = QCoreApplication.translate("ForcedSteps", "自行拆除")
        rows.append((f.removed_on.isoformat(), what, ""))
    return rows


def forced_steps() -> list[Step]:
    """In the order of DOMAIN §13, after the 催告."""
    return [
        remind_statement_step(),
        authority_step(),
        enforce_step(),
        announce_step(),
        carry_out_step(),
        removed_step(),
    ]
