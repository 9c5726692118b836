"""``doc make`` for a case of the million-case demo: the 行政处罚决定书 and every document the
case can have, in-process (best and median of ``BENCH_RUNS``, default 3; target under 0.5 s for
one document), and the installed command end to end (process start included).

The database is ``figures.database()``, migrated first when older (``bench_statistics``).
Each run writes into a temporary folder; the made documents are recorded in that database
(their numbers are issued once, so running it again reuses them).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench_statistics import RUNS, line, migrate_if_needed, timed
from figures import BIN, database, record, run_measured

from chuansha_enforce.domain.documents.documents import DocumentKind
from chuansha_enforce.services.container import build_services


def main() -> None:
    path = database()
    migrate_if_needed(path)
    with build_services(path, check_integrity=False) as svc:
        case_no = svc._db.execute(
            "SELECT case_no FROM general_cases WHERE outcome = 'penalty' AND fine_fen > 0"
            " AND served_on IS NOT NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        print(f"case {case_no} ({RUNS} runs)")
        with tempfile.TemporaryDirectory(prefix="chuansha-docs-") as scratch:
            out = Path(scratch)

            def decision() -> None:
                svc.documents.make(case_no, DocumentKind.PENALTY_DECISION, out / "d.docx")

            def every() -> None:
                for state in svc.documents.states(case_no):
                    if state.can_make:
                        svc.documents.make(case_no, state.kind, out / f"{state.kind.value}.docx")

            took = timed(decision)
            line("doc make 行政处罚决定书 (in-process)", took)
            record("doc make 行政处罚决定书 (in-process)", f"{took[0]:.3f} s", "< 0.5 s")
            took = timed(every)
            line("doc make every document of the case", took)
            record("doc make every document of a case", f"{took[0]:.3f} s", "—")
    with tempfile.TemporaryDirectory(prefix="chuansha-docs-") as scratch:
        argv = [str(BIN / "chuansha-enforce"), "--db", str(path), "doc", "make", case_no,
                "penalty_decision", "-o", str(Path(scratch) / "d.docx")]  # fmt: skip
        seconds, _, peak = run_measured(argv)
        print(f"chuansha-enforce doc make (process): {seconds:.2f} s, peak {peak:.0f} MiB")
        record("chuansha-enforce doc make (process)", f"{seconds:.2f} s", "—")


if __name__ == "__main__":
    main()
