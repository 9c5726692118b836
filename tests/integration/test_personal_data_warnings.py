"""A ledger whose free-text cells hold personal data imports with a warning per cell; the
internal record keeps the text, the public outputs do not carry it (issue 17 §1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chuansha_enforce.domain.clock import FixedClock
from chuansha_enforce.services.container import build_services
from tests.ledger_files import CASE, SIMPLE, ledger, with_

NOW = dt.datetime(2024, 12, 20, 2, 0, tzinfo=dt.UTC)
TYPED = "张三（身份证310115198503171230，电话13812345678）在其住所川沙路88弄8号占道设摊"


def test_the_import_warns_about_each_free_text_cell_with_personal_data(
    backend: Path | str, tmp_path: Path
) -> None:
    case = with_(
        CASE,
        违法行为=TYPED,
        法律依据="《上海市市容环境卫生管理条例》第二十五条第二项",
        违法地点="川沙路88弄门口",
        备注="联系张三 6222 0212 3456 7890 123",
    )
    simple = with_(SIMPLE, 备注="李四手机13912345678")
    path = ledger(tmp_path / "pii.xlsx", cases=[case], simple=[simple])
    with build_services(backend, FixedClock(NOW)) as svc:
        report = svc.ledger.import_file(path)
        assert report.errors == ()
        found = sorted(
            (w.sheet, w.row, w.header, w.params["what"])
            for w in report.warnings
            if w.code == "ledger.personal_data"
        )
        assert found == [
            ("一般程序案件", 2, "备注", "银行卡号、自然人姓名"),
            ("一般程序案件", 2, "违法行为", "身份证号码、电话号码、自然人姓名、住址"),
            ("简易程序案件", 2, "备注", "电话号码、自然人姓名"),
        ]
        stored = svc.case_files.find("川执立〔2024〕000001号")
        assert stored.violation == TYPED  # the internal record keeps it
        data, _listing = svc.reports.disclosure_csv(2024)
        text = data.decode("utf-8-sig")
        assert "占道设摊" in text
        assert "13812345678" not in text
        assert "张三" not in text
