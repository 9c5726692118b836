"""Catalogue entries for the 执法文书 (merged into ``messages``)."""

from __future__ import annotations

DOCUMENT_FIELDS: dict[str, tuple[str, str]] = {
    "document_kind": ("文书种类", "document kind"),
    "document_template": ("文书模板", "document template"),
}

DOCUMENT_MESSAGES: dict[str, tuple[str, str]] = {
    "document.missing_steps": (
        "{case_no} 还不能制作{kind}：尚缺 {steps}",
        "{kind} cannot be made for {case_no} yet: missing {steps}",
    ),
    "document.simple_decision_only": (
        "{case_no} 是简易程序决定，只制作当场行政处罚决定书，不制作{kind}",
        "{case_no} is a simple-procedure decision: only its on-the-spot penalty decision is"
        " made, not {kind}",
    ),
    "document.simple_kind_for_case": (
        "{kind}只用于简易程序决定；{case_no} 是一般程序案件，"
        "请选择其他文书（doc list 列出可制作的文书）",
        "{kind} is made only for simple-procedure decisions; {case_no} is a general-procedure"
        " case: choose another document (doc list names those that can be made)",
    ),
    "document.unknown_kind": (
        "没有“{value}”这种文书，可选：{choices}",
        "there is no document kind “{value}”; choose one of: {choices}",
    ),
    "document.template_missing": (
        "找不到文书模板 {template}",
        "the document template {template} is missing",
    ),
    "document.template_variable": (
        "文书模板 {template} 使用了不存在的变量“{variable}”，未生成文书；请改正模板中的变量名",
        "the document template {template} uses the unknown variable “{variable}”; "
        "nothing was made: correct the variable's name in the template",
    ),
    "document.template_left_out": (
        "文书模板 {template} 缺少必须载明的内容：{variable}，未生成文书",
        "the document template {template} leaves out what the document must state: "
        "{variable}; nothing was made",
    ),
    "document.template_placeholder": (
        "文书模板 {template} 中有未填写的占位符（{variable}），未生成文书",
        "the document template {template} leaves a placeholder unfilled ({variable}); "
        "nothing was made",
    ),
    "document.template_syntax": (
        "文书模板 {template} 第 {line} 行的占位符写法有误（{reason}），未生成文书",
        "the document template {template} has a malformed placeholder on line {line} "
        "({reason}); nothing was made",
    ),
    "document.template_unreadable": (
        "文书模板 {template} 不是可读的 .docx 文件",
        "the document template {template} is not a readable .docx file",
    ),
    "document.made": (
        "已生成{kind}（{document_no}）：{path}",
        "made the {kind} ({document_no}): {path}",
    ),
}
