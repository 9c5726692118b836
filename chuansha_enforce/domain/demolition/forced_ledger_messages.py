"""Catalogue entries for the forced-demolition columns of the ledger (DOMAIN §13; merged into
``messages``)."""

from __future__ import annotations

FORCED_LEDGER_FIELDS: dict[str, tuple[str, str]] = {}

FORCED_LEDGER_MESSAGES: dict[str, tuple[str, str]] = {
    "ledger.forced_without_order": (
        "强制拆除的各步骤须有责令限期拆除决定（责令限期拆除=是，并写明拆除期限）",
        "forced-demolition steps need a demolition order (责令限期拆除=是 with its deadline)",
    ),
    "ledger.forced_pair": (
        "须与“{with}”一并填写",
        "must be filled in together with “{with}”",
    ),
    "ledger.forced_prerequisite": (
        "须先有{need}：自 {gates_from} 起决定的案件，强制拆除各步骤须依次进行"
        "（行政强制法第三十五条至第四十四条）",
        "needs {need} first: for cases decided from {gates_from} the forced-demolition steps "
        "follow in order (Administrative Coercion Law arts. 35–44)",
    ),
    "ledger.forced_prerequisite_history": (
        "缺少{need}（{gates_from} 之前决定的案件，作为历史记录导入）",
        "{need} is missing (decided before {gates_from}: imported as history)",
    ),
    "ledger.forced_period": (
        "期限须晚于{start}",
        "the period must end after {start}",
    ),
    "ledger.forced_witnesses": (
        "至少须有 {n} 名见证人（现场笔录，行政强制法第四十四条）",
        "at least {n} witnesses are needed (on-site record)",
    ),
    "ledger.forced_both_ends": (
        "已填强制拆除日期，不能同时填自行拆除日期",
        "a structure demolished by force was not also removed by the party",
    ),
    "ledger.time": (
        "“{value}”不是时间（如 09:00）",
        "“{value}” is not a time (e.g. 09:00)",
    ),
}
