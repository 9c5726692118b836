"""Static tables behind the demo data: violations (DOMAIN §11), names, shops, streets, areas.

Everything here is synthetic and only meant to look like a township's case book: the shop,
company and village names are made up, and any likeness to a real party is a coincidence.
"""

from __future__ import annotations

from dataclasses import dataclass

from chuansha_enforce.domain.enums import PartyType

NP = PartyType.NATURAL_PERSON
IB = PartyType.INDIVIDUAL_BUSINESS
LP = PartyType.LEGAL_PERSON
OO = PartyType.OTHER_ORGANISATION

SHIRONG = "《上海市市容环境卫生管理条例》"
LAJI = "《上海市生活垃圾管理条例》"


@dataclass(frozen=True, slots=True)
class Violation:
    """One row of DOMAIN §11 with what the generator needs to draw realistic cases."""

    name: str
    cause_phrase: str  # how the 案由 says it after the party's name
    legal_basis: str
    fine_yuan: tuple[int, int] | None  # legal range, both ends inclusive; None: no fine
    parties: tuple[tuple[PartyType, int], ...]  # who typically commits it, with weights
    weight: int  # relative frequency among general-procedure cases
    simple_weight: int = 0  # relative frequency among simple decisions; 0 = never simple
    company_trades: tuple[str, ...] = ()  # 行业 for companies committing it (() = generic)
    shop_trades: tuple[str, ...] = ()  # 行业 for shops committing it (() = generic)


_BUILDERS = ("建筑工程", "建设工程", "市政工程", "装饰工程", "土石方工程", "房地产开发")
_HAULIERS = ("渣土运输", "运输", "物流", "土石方工程", "建筑工程")

VIOLATIONS: tuple[Violation, ...] = (
    Violation(
        "超出门窗和外墙经营",
        "超出门窗和外墙经营",
        f"{SHIRONG}第二十五条第五项",
        (50, 500),
        ((IB, 75), (LP, 15), (NP, 10)),
        12,
        35,
        ("餐饮管理", "商贸", "超市"),
    ),
    Violation(
        "占道设摊",
        "占用道路设摊经营",
        f"{SHIRONG}第二十五条第二项",
        (50, 500),
        ((NP, 85), (IB, 15)),
        10,
        35,
    ),
    Violation(
        "擅自占用道路堆放物品",
        "擅自占用道路堆放物品",
        f"{SHIRONG}第二十五条第三项",
        (500, 5000),
        ((IB, 40), (LP, 40), (NP, 20)),
        12,
        0,
        ("建材", "商贸", "物流", "装饰工程"),
        ("建材商行", "五金店", "废品回收站"),
    ),
    Violation(
        "未按批准要求设置户外广告",
        "未按批准要求设置户外广告",
        f"{SHIRONG}第二十条第二项",
        (5000, 50000),
        ((LP, 85), (IB, 15)),
        2,
        0,
        ("广告", "文化传媒", "房地产开发", "汽车销售服务"),
    ),
    Violation(
        "未按批准要求设置招牌、灯箱",
        "未按批准要求设置招牌、灯箱",
        f"{SHIRONG}第二十条第二项",
        (500, 5000),
        ((IB, 60), (LP, 40)),
        6,
        0,
        ("餐饮管理", "商贸", "广告"),
    ),
    Violation(
        "乱张贴、乱涂写",
        "乱张贴、乱涂写",
        f"{SHIRONG}第二十四条",
        (50, 500),
        ((NP, 55), (LP, 35), (IB, 10)),
        4,
        10,
        ("广告", "家政服务", "教育科技", "房地产经纪"),
        ("开锁服务部", "家电维修部"),
    ),
    Violation(
        "运输渣土未密闭",
        "运输建筑渣土车辆未密闭",
        f"{SHIRONG}第二十七条第二项",
        (1000, 10000),
        ((LP, 80), (IB, 10), (NP, 10)),
        12,
        0,
        _HAULIERS,
        ("运输服务部",),
    ),
    Violation(
        "工地未设封闭围栏",
        "施工工地未设置封闭围栏",
        f"{SHIRONG}第三十三条",
        (3000, 30000),
        ((LP, 95), (OO, 5)),
        5,
        0,
        _BUILDERS,
    ),
    Violation(
        "擅自倾倒建筑垃圾、工程渣土",
        "擅自倾倒建筑垃圾、工程渣土",
        f"{SHIRONG}第四十四条第四项",
        (5000, 50000),
        ((LP, 60), (NP, 30), (IB, 10)),
        6,
        0,
        (*_HAULIERS, "装饰工程"),
        ("装潢服务部", "运输服务部"),
    ),
    Violation(
        "单位未分类投放生活垃圾",
        "未按规定分类投放生活垃圾",
        f"{LAJI}第五十七条第一款",
        (5000, 50000),
        ((LP, 70), (IB, 20), (OO, 10)),
        6,
        0,
        ("餐饮管理", "物业管理", "酒店管理", "商贸", "食品"),
    ),
    Violation(
        "个人混合投放生活垃圾",
        "混合投放生活垃圾",
        f"{LAJI}第五十七条第二款",
        (50, 200),
        ((NP, 100),),
        3,
        12,
    ),
    Violation(
        "物业管理区域内违法搭建",
        "在物业管理区域内违法搭建建筑物、构筑物",
        "《上海市住宅物业管理规定》第八十四条",
        (10000, 100000),
        ((NP, 90), (LP, 10)),
        4,
        0,
        ("商贸", "实业"),
    ),
    Violation(
        "乡村违法建设",
        "在乡村规划区内未取得乡村建设规划许可证进行建设",
        "《中华人民共和国城乡规划法》第六十五条",
        None,
        ((NP, 90), (LP, 10)),
        22,
        0,
        ("实业", "农业发展", "物流"),
    ),
    Violation(
        "夜间违规施工",
        "夜间违规进行产生噪声的建筑施工作业",
        "《中华人民共和国噪声污染防治法》第七十七条",
        (10000, 100000),
        ((LP, 95), (OO, 5)),
        4,
        0,
        _BUILDERS,
    ),
    Violation(
        "宠物粪便未即时清除",
        "未即时清除宠物粪便",
        f"{SHIRONG}第三十六条第三项",
        (20, 200),
        ((NP, 100),),
        1,
        8,
    ),
)

VIOLATIONS_BY_NAME: dict[str, Violation] = {v.name: v for v in VIOLATIONS}
SIMPLE_VIOLATIONS: tuple[Violation, ...] = tuple(v for v in VIOLATIONS if v.simple_weight)

# Surnames with rough weights (per ten thousand people), nudged towards Shanghai (沈 陆 顾 钱
# 倪 施 瞿 奚 are commoner here) and with some that trip up masking and sorting code: 曾 单 仇
# 查 区 朴 解 read differently as surnames, 欧阳 司马 are two characters.
SURNAMES: tuple[tuple[str, int], ...] = (
    ("王", 700),
    ("李", 650),
    ("张", 680),
    ("刘", 480),
    ("陈", 600),
    ("杨", 330),
    ("黄", 260),
    ("赵", 200),
    ("吴", 220),
    ("周", 210),
    ("徐", 250),
    ("孙", 150),
    ("马", 120),
    ("朱", 200),
    ("胡", 130),
    ("郭", 110),
    ("何", 110),
    ("高", 100),
    ("林", 100),
    ("罗", 90),
    ("郑", 90),
    ("梁", 80),
    ("谢", 80),
    ("宋", 75),
    ("唐", 90),
    ("许", 75),
    ("韩", 65),
    ("冯", 65),
    ("邓", 60),
    ("曹", 65),
    ("彭", 55),
    ("曾", 55),
    ("肖", 55),
    ("田", 50),
    ("董", 50),
    ("袁", 50),
    ("潘", 55),
    ("于", 45),
    ("蒋", 60),
    ("蔡", 55),
    ("余", 45),
    ("杜", 40),
    ("叶", 45),
    ("程", 40),
    ("苏", 40),
    ("魏", 40),
    ("吕", 40),
    ("丁", 45),
    ("任", 35),
    ("沈", 100),
    ("姚", 50),
    ("卢", 35),
    ("姜", 35),
    ("崔", 30),
    ("钟", 30),
    ("谭", 30),
    ("陆", 100),
    ("汪", 40),
    ("范", 35),
    ("金", 40),
    ("石", 30),
    ("廖", 25),
    ("贾", 25),
    ("夏", 35),
    ("韦", 20),
    ("付", 25),
    ("方", 30),
    ("白", 25),
    ("邹", 25),
    ("孟", 25),
    ("熊", 25),
    ("秦", 25),
    ("邱", 25),
    ("江", 30),
    ("尹", 20),
    ("薛", 25),
    ("闫", 20),
    ("段", 20),
    ("雷", 20),
    ("侯", 20),
    ("龙", 15),
    ("史", 20),
    ("陶", 25),
    ("黎", 15),
    ("贺", 20),
    ("顾", 80),
    ("毛", 20),
    ("郝", 15),
    ("龚", 25),
    ("邵", 25),
    ("万", 15),
    ("钱", 40),
    ("严", 25),
    ("倪", 35),
    ("施", 40),
    ("瞿", 20),
    ("奚", 10),
    ("乔", 10),
    ("单", 8),
    ("仇", 6),
    ("查", 6),
    ("区", 3),
    ("朴", 3),
    ("解", 5),
    ("欧阳", 6),
    ("司马", 2),
)

GIVEN_MALE: tuple[str, ...] = tuple(
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林建国峰海文志东成荣新春根福"
    "兴德金宝忠良晨阳翔亮松彬锋敏永江晓云家红"
)
GIVEN_FEMALE: tuple[str, ...] = tuple(
    "芳娜敏静丽艳娟霞秀英玲萍红燕梅琳婷雪慧颖倩洁莉华兰凤琴云桂芬佳欣怡悦璐婧晓春美玉珍菊月莲琼蓉"
)

# Resident ID areas (GB/T 2260 codes as first issued; IDs keep the code of first issue).
PUDONG_AREA = "310115"  # 浦东新区 (since 1993)
CHUANSHA_COUNTY_AREA = "310224"  # 川沙县, on the cards of older locals
SHANGHAI_OTHER_AREAS: tuple[tuple[str, int], ...] = (
    ("310101", 3),
    ("310104", 3),
    ("310105", 2),
    ("310106", 2),
    ("310107", 2),
    ("310109", 2),
    ("310110", 3),
    ("310112", 4),
    ("310113", 2),
    ("310114", 2),
    ("310116", 1),
    ("310117", 2),
    ("310118", 1),
    ("310120", 2),
    ("310151", 1),
    ("310225", 4),  # 南汇县
)
MIGRANT_AREAS: tuple[tuple[str, int], ...] = (
    ("340121", 4),
    ("341221", 5),
    ("341222", 5),
    ("341226", 4),
    ("341125", 3),
    ("342423", 3),
    ("340823", 3),  # 安徽
    ("320321", 3),
    ("320322", 3),
    ("320923", 4),
    ("320925", 3),
    ("321323", 3),
    ("321324", 3),
    ("320826", 3),  # 江苏
    ("411422", 3),
    ("411628", 3),
    ("410523", 2),
    ("412724", 2),  # 河南
    ("510722", 3),
    ("511321", 3),
    ("511623", 2),
    ("510921", 2),  # 四川
    ("330327", 2),
    ("362330", 2),
    ("430524", 2),
    ("421023", 2),
    ("370828", 1),  # 浙赣湘鄂鲁
)

# Streets and villages of 川沙新镇 used for locations and home addresses.
STREETS: tuple[str, ...] = (
    "川沙路",
    "华夏东路",
    "妙境路",
    "南桥路",
    "新川路",
    "城南路",
    "川环南路",
    "黄楼路",
    "川黄路",
    "川六公路",
    "川南奉公路",
    "华川路",
    "新德路",
    "北市街",
    "南市街",
    "中市街",
    "西门路",
    "华夏二路",
)
VILLAGES: tuple[str, ...] = (
    "七灶村",
    "连民村",
    "界龙村",
    "新春村",
    "汤店村",
    "纯新村",
    "杜尹村",
    "大洪村",
    "长丰村",
    "民义村",
)
TOWN_PREFIX = "浦东新区川沙新镇"
ADDRESS_PREFIX = "上海市浦东新区川沙新镇"

# Two-character 字号 for companies and shops, built as first + second character.
BRAND_FIRST: tuple[str, ...] = tuple(
    "鑫宏恒锦华川申浦东新顺永嘉汇晟骏瑞中建安佳德盛祥宝云泰启协金福"
)
BRAND_SECOND: tuple[str, ...] = tuple("旺达通程川城兴盛捷源鑫业丰驰鹏居境润益和冠帆合航力发隆鼎茂")

# Shop (个体工商户) names: 浦东新区川沙新镇 + 字号 + 行业.
SHOP_BRANDS: tuple[str, ...] = (
    "阿芳",
    "老王",
    "鑫旺",
    "福满",
    "顺发",
    "好运来",
    "金鼎",
    "兴隆",
    "利民",
    "惠民",
    "红红",
    "小李",
    "佳佳",
    "盛源",
    "聚福",
    "丰收",
    "百味",
    "乐家",
    "天天",
    "晨光",
    "永康",
    "嘉禾",
    "和美",
    "宏达",
    "新星",
    "明珠",
    "阿强",
    "小杨",
    "老街",
    "川味",
)
SHOP_TRADES: tuple[str, ...] = (
    "小吃店",
    "面馆",
    "水果店",
    "便利店",
    "烟杂店",
    "五金店",
    "饭店",
    "理发店",
    "早餐店",
    "生鲜店",
    "副食品商店",
    "汽车修理部",
    "服装店",
    "点心店",
    "馄饨店",
    "熟食店",
    "花店",
    "茶叶店",
    "电动车行",
    "日用品商店",
    "蔬菜店",
    "快餐店",
    "麻辣烫店",
    "烧烤店",
    "奶茶店",
)

# Companies: 上海 + 字号 + 行业 + 有限公司.
COMPANY_BRANDS: tuple[str, ...] = (
    "鑫旺",
    "宏达",
    "恒通",
    "锦程",
    "华川",
    "川城",
    "申川",
    "浦兴",
    "东盛",
    "新川",
    "顺捷",
    "永盛",
    "嘉源",
    "汇鑫",
    "晟达",
    "骏业",
    "瑞丰",
    "中驰",
    "建鹏",
    "安居",
    "佳境",
    "德润",
    "盛川",
    "川益",
    "祥和",
    "宝冠",
    "云帆",
    "泰合",
    "启航",
    "协力",
)
COMPANY_TRADES: tuple[str, ...] = (
    "商贸",
    "实业",
    "建筑工程",
    "物业管理",
    "餐饮管理",
    "物流",
    "科技",
    "广告",
    "装饰工程",
    "环境工程",
    "食品",
    "酒店管理",
)

# 事业单位 (USCC prefix 12): 上海市浦东新区 + 字号 + kind.
INSTITUTION_KINDS: tuple[str, ...] = (
    "幼儿园",
    "学校",
    "社区卫生服务站",
    "文化活动中心",
    "敬老院",
    "农业技术服务站",
)
