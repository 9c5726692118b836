"""The process the crash tests kill: real writes through the services, acknowledged one by one.

Run as ``python tests/safety/writer_child.py DB LEDGER_DIR``. It imports the program once and
then serves rounds: for each ``run ROUND SEED`` line on stdin it forks a worker and prints
``PID n``; the worker opens the database through ``build_services`` and writes until it is
killed, printing ``ACK …`` after each committed write (and ``INTENT import …`` before an
import starts); when the worker is gone this process prints ``REAPED ROUND STATUS``.
Forking a warm process keeps a kill round to milliseconds instead of a fresh interpreter.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from chuansha_enforce.domain.clock import FixedClock  # noqa: E402
from chuansha_enforce.domain.enums import PartyType  # noqa: E402
from chuansha_enforce.domain.pinyin_initials import search_keys  # noqa: E402
from chuansha_enforce.domain.records import OfficerRecord, PartyRecord  # noqa: E402
from chuansha_enforce.ledger.reader import read_ledger  # noqa: E402
from chuansha_enforce.services.case_file_service import NewCase  # noqa: E402
from chuansha_enforce.services.container import Services, build_services  # noqa: E402
from tests.ledger_files import CASE, ledger, with_  # noqa: E402

NOW = dt.datetime(2024, 6, 28, 2, 0, tzinfo=dt.UTC)
OFFICERS = (
    OfficerRecord("王建国", "31150001", dt.date(2018, 3, 1)),
    OfficerRecord("李明", "31150002", dt.date(2019, 5, 10)),
)
PERSON = PartyRecord(PartyType.NATURAL_PERSON, "张三", "11010519491231002X", "川沙路1号")


def case_no(round_no: int, seq: int, item: int = 0) -> str:
    return f"川执立〔2024〕{round_no:05d}{seq:04d}{item:03d}号"


def set_up(db: Path) -> None:
    """The database every round writes into: migrated, with two officers."""
    with build_services(db, FixedClock(NOW)) as services:
        for officer in OFFICERS:
            services.officers.register(officer)


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _file_case(services: Services, number: str) -> None:
    services.case_files.file_case(
        NewCase(
            case_no=number,
            party=PERSON,
            cause="张三占道设摊案",
            filed_on=dt.date(2024, 3, 4),
            officer_certificates=("31150001", "31150002"),
            violation="占道设摊",
            clue_on=dt.date(2024, 3, 1),
        )
    )


def _import(services: Services, ledger_dir: Path, round_no: int, seq: int, size: int) -> None:
    rows = [
        with_(
            CASE,
            案件编号=case_no(round_no, seq, item),
            决定书文号=f"沪浦川执罚〔2024〕{round_no:05d}{seq:04d}{item:03d}号",
        )
        for item in range(size)
    ]
    path = ledger(ledger_dir / f"r{round_no}-{seq}.xlsx", officers=[], cases=rows, simple=[])
    report = services.ledger.import_file(path)
    if not report.written:
        raise SystemExit(f"import refused: {[i.text('en') for i in report.errors][:3]}")


def work(db: Path, ledger_dir: Path, round_no: int, seed: int) -> None:
    rng = random.Random(seed)
    with build_services(db, FixedClock(NOW)) as services:
        if services.read_only:
            raise SystemExit(f"opened read-only: {services.read_only_reason}")
        for seq in range(1_000_000):
            pick = rng.random()
            if pick < 0.55:
                number = case_no(round_no, seq)
                _file_case(services, number)
                _say(f"ACK case {number}")
            elif pick < 0.75:
                cert = f"7{round_no:05d}{seq:04d}"
                services.officers.register(OfficerRecord("测试员", cert, dt.date(2020, 1, 1)))
                _say(f"ACK officer {cert}")
            else:
                size = rng.randint(3, 30)
                _say(f"INTENT import {round_no}-{seq} {size}")
                _import(services, ledger_dir, round_no, seq, size)
                _say(f"ACK import {round_no}-{seq} {size}")


def warm_up(ledger_dir: Path) -> None:
    """Load the spreadsheet and pinyin tables once here, so each forked worker does not; and
    the services the workers use, which the program imports on their first use."""
    for name in ("ledger_service", "officer_service", "case_file_service"):
        importlib.import_module(f"chuansha_enforce.services.{name}")
    search_keys("张三")
    read_ledger(ledger(ledger_dir / "warm-up.xlsx", cases=[with_(CASE, 案件编号="预热")]))


def serve(db: Path, ledger_dir: Path) -> None:
    warm_up(ledger_dir)
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] == "quit":
            return
        round_no, seed = int(command[1]), int(command[2])
        pid = os.fork()
        if pid == 0:  # the worker
            code = 0
            try:
                work(db, ledger_dir, round_no, seed)
            except BaseException as exc:  # report, then leave without Python's clean-up
                print(f"worker failed: {exc!r}", file=sys.stderr, flush=True)
                code = 3
            os._exit(code)
        _say(f"PID {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"REAPED {round_no} {status}")


if __name__ == "__main__":
    if sys.argv[1] == "setup":
        set_up(Path(sys.argv[2]))
    else:
        serve(Path(sys.argv[1]), Path(sys.argv[2]))
