"""The violation catalogue (DOMAIN §11) and the legal basis as law + article.

The public outputs never copy the 违法行为 or 法律依据 text as typed (DOMAIN §8): the violation
is published by its catalogue name, found in the typed text by its name or a usual wording;
the legal basis by the law's title and article(s) read from the typed text. Whatever else the
clerk typed around them (a name, a phone number, a home address) is not carried over.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

CATALOGUE: Final[dict[str, tuple[str, ...]]] = {
    # catalogue name: other wordings a clerk uses for it
    "超出门窗和外墙经营": ("跨门营业", "超出门窗外墙经营", "出店经营"),
    "占道设摊": ("占用道路设摊", "占道经营", "占路设摊", "无证设摊", "乱设摊"),
    "擅自占用道路堆放物品": ("占用道路堆放物品", "占道堆物"),
    "未按批准要求设置户外广告": ("擅自设置户外广告",),
    "未按批准要求设置招牌、灯箱": ("擅自设置招牌", "擅自设置灯箱"),
    "乱张贴、乱涂写": ("乱张贴", "乱涂写", "乱刻画"),
    "运输渣土未密闭": ("渣土车辆未密闭", "运输建筑渣土车辆未密闭"),
    "工地未设封闭围栏": ("未设置封闭围栏",),
    "擅自倾倒建筑垃圾、工程渣土": ("擅自倾倒建筑垃圾", "擅自倾倒工程渣土", "偷倒渣土"),
    "单位未分类投放生活垃圾": ("单位未按规定分类投放生活垃圾",),
    "个人混合投放生活垃圾": ("混合投放生活垃圾",),
    "物业管理区域内违法搭建": ("违法搭建建筑物、构筑物", "违法搭建"),
    "乡村违法建设": ("未取得乡村建设规划许可证进行建设",),
    "夜间违规施工": ("夜间施工", "夜间违规进行产生噪声的建筑施工作业"),
    "宠物粪便未即时清除": ("未即时清除宠物粪便",),
}

_WORDINGS: Final = sorted(
    ((wording, name) for name, others in CATALOGUE.items() for wording in (name, *others)),
    key=lambda pair: -len(pair[0]),
)
_NUMBER: Final = "[0-9零〇一二三四五六七八九十百千]+"
_ARTICLE_RE: Final = re.compile(
    rf"《[^《》0-9\s]{{2,40}}》第{_NUMBER}条(?:之[一二三四五六七八九十]+)?"
    rf"(?:第{_NUMBER}[款项目])*"
)


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@lru_cache(maxsize=4096)
def catalogue_name(text: str | None) -> str | None:
    """The catalogue violation the typed text names (its longest wording wins), or None.
    (Remembered per text: a ledger asks it for each of its rows' few distinct violations.)"""
    plain = _plain(text or "")
    for wording, name in _WORDINGS:
        if wording in plain:
            return name
    return None


def law_and_articles(text: str | None) -> str | None:
    """``《法律》第X条第Y项`` parts of the typed legal basis, joined with 、; None when none."""
    found = _ARTICLE_RE.findall(_plain(text or ""))
    return "、".join(dict.fromkeys(found)) or None
