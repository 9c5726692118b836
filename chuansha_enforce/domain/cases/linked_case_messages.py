"""Catalogue entries of the case a form links to, shown as it is read (issue 23, merged into
``messages``): the 复议诉讼 登记 form shows the case its typed number means, and a new dispute
is recorded from the version read with it."""

from __future__ import annotations

LINKED_CASE_MESSAGES: dict[str, tuple[str, str]] = {
    "dispute.linked_case": (
        "关联案件：{case_no}　{party}　{cause}",
        "linked case: {case_no}  {party}  {cause}",
    ),
}
