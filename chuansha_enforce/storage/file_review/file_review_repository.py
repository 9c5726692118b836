"""Case-file review samples, their files, scores and defect records (案卷评查)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.file_review.file_review_records import (
    FindingRow,
    NewFinding,
    SampledFileRow,
    SampleRow,
)

NO_VIOLATION = "（未填违法行为）"
NO_OFFICER = "（无承办人）"


@dataclass(frozen=True, slots=True)
class PopulationRow:
    file_no: str
    procedure: str
    row_id: int
    violation: str
    officer: str


_FILE_COLUMNS = (
    "f.id, f.sample_id, f.position, f.procedure, f.file_no, f.stratum,"
    " coalesce(pg.name, ps.name, ''), coalesce(g.cause, s.cause, ''),"
    " f.total, f.grade, coalesce(f.vetoed, 0), f.scored_at,"
    " (SELECT count(*) FROM file_review_findings d WHERE d.file_id = f.id),"
    " (SELECT count(*) FROM file_review_findings d WHERE d.file_id = f.id"
    "   AND d.rectified_on IS NULL)"
    " FROM file_review_files f"
    " LEFT JOIN general_cases g ON g.id = f.case_id"
    " LEFT JOIN parties pg ON pg.id = g.party_id"
    " LEFT JOIN simple_decisions s ON s.id = f.simple_id"
    " LEFT JOIN parties ps ON ps.id = s.party_id"
)

_FINDING_COLUMNS = (
    "d.id, d.file_id, f.file_no, d.item_code, d.kind, d.item_label, d.points, d.note,"
    " d.rectified_on, d.rectification"
    " FROM file_review_findings d JOIN file_review_files f ON f.id = d.file_id"
)


def _file_row(row: Sequence[object]) -> SampledFileRow:
    return SampledFileRow(
        id=int(row[0]),  # type: ignore[call-overload]
        sample_id=int(row[1]),  # type: ignore[call-overload]
        position=int(row[2]),  # type: ignore[call-overload]
        procedure=str(row[3]),
        file_no=str(row[4]),
        stratum=str(row[5]),
        party_name=str(row[6]),
        cause=str(row[7]),
        total=None if row[8] is None else int(row[8]),  # type: ignore[call-overload]
        grade=None if row[9] is None else str(row[9]),
        vetoed=bool(row[10]),
        scored_at=None if row[11] is None else str(row[11]),
        defects=int(row[12]),  # type: ignore[call-overload]
        open_defects=int(row[13]),  # type: ignore[call-overload]
    )


def _finding_row(row: Sequence[object]) -> FindingRow:
    return FindingRow(
        id=int(row[0]),  # type: ignore[call-overload]
        file_id=int(row[1]),  # type: ignore[call-overload]
        file_no=str(row[2]),
        item_code=str(row[3]),
        kind=str(row[4]),
        item_label=str(row[5]),
        points=int(row[6]),  # type: ignore[call-overload]
        note=str(row[7]),
        rectified_on=None if row[8] is None else str(row[8]),
        rectification=None if row[9] is None else str(row[9]),
    )


class FileReviewRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    # -- population -----------------------------------------------------------------------

    def population(
        self, year: int, *, include_simple: bool, exclude_sampled: bool
    ) -> list[PopulationRow]:
        """Closed general files of the year (and simple decisions of the year when asked).

        A file's officer is the one whose certificate number sorts first: a stable key, so
        the same data gives the same strata in any database (row ids differ).
        """
        not_sampled = (
            " AND NOT EXISTS (SELECT 1 FROM file_review_files x WHERE x.file_no = {no})"
            if exclude_sampled
            else ""
        )
        general = (
            "SELECT g.case_no, 'general', g.id, coalesce(nullif(trim(g.violation), ''), ?),"
            " coalesce((SELECT o.name FROM general_case_officers l"
            "   JOIN certificates c ON c.id = l.certificate_id"
            "   JOIN officers o ON o.id = c.officer_id"
            "   WHERE l.case_id = g.id ORDER BY c.certificate_no LIMIT 1), ?)"
            " FROM general_cases g WHERE g.closed_year = ? AND g.deleted_at IS NULL"
            + not_sampled.format(no="g.case_no")
        )
        rows = list(self._db.execute(general, (NO_VIOLATION, NO_OFFICER, year)).fetchall())
        if include_simple:
            simple = (
                "SELECT s.decision_no, 'simple', s.id, coalesce(nullif(trim(s.violation), ''), ?),"
                " coalesce((SELECT o.name FROM simple_decision_officers l"
                "   JOIN certificates c ON c.id = l.certificate_id"
                "   JOIN officers o ON o.id = c.officer_id"
                "   WHERE l.decision_id = s.id ORDER BY c.certificate_no LIMIT 1), ?)"
                " FROM simple_decisions s WHERE s.decided_year = ? AND s.deleted_at IS NULL"
                + not_sampled.format(no="s.decision_no")
            )
            rows.extend(self._db.execute(simple, (NO_VIOLATION, NO_OFFICER, year)).fetchall())
        return [PopulationRow(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4])) for r in rows]

    # -- score sheet ----------------------------------------------------------------------

    def current_sheet(self) -> dict[str, object] | None:
        row = self._db.execute(
            "SELECT sheet FROM file_review_sheets ORDER BY id DESC LIMIT 1"
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def add_sheet(self, sheet: dict[str, object], *, at: str, by: str) -> int:
        cursor = self._db.execute(
            "INSERT INTO file_review_sheets (sheet, created_at, created_by) VALUES (?, ?, ?)",
            (json.dumps(sheet, ensure_ascii=False, sort_keys=True), at, by),
        )
        return int(cursor.lastrowid or 0)

    # -- samples --------------------------------------------------------------------------

    def add_sample(
        self,
        *,
        year: int,
        seed: int,
        rule: dict[str, object],
        sheet: dict[str, object],
        population: int,
        at: str,
        by: str,
    ) -> int:
        cursor = self._db.execute(
            "INSERT INTO file_review_samples (year, seed, rule, sheet, population, drawn_at,"
            " drawn_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                year,
                seed,
                json.dumps(rule, ensure_ascii=False, sort_keys=True),
                json.dumps(sheet, ensure_ascii=False, sort_keys=True),
                population,
                at,
                by,
            ),
        )
        return int(cursor.lastrowid or 0)

    def add_files(self, sample_id: int, files: Iterable[tuple[str, str, int, str]]) -> None:
        """Files as (procedure, file number, row id, stratum), in draw order."""
        self._db.conn.executemany(
            "INSERT INTO file_review_files (sample_id, position, procedure, case_id, simple_id,"
            " file_no, stratum) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sample_id,
                    position,
                    procedure,
                    row_id if procedure == "general" else None,
                    row_id if procedure == "simple" else None,
                    file_no,
                    stratum,
                )
                for position, (procedure, file_no, row_id, stratum) in enumerate(files, start=1)
            ],
        )

    def samples(self, year: int | None = None, *, sample_id: int | None = None) -> list[SampleRow]:
        """The samples, newest first: all, those of ``year``, or the one ``sample_id``."""
        where = ""
        params: tuple[int, ...] = ()
        if sample_id is not None:
            where, params = " WHERE s.id = ?", (sample_id,)
        elif year is not None:
            where, params = " WHERE s.year = ?", (year,)
        rows = self._db.execute(
            "SELECT s.id, s.year, s.seed, s.rule, s.sheet, s.population, s.drawn_at, s.drawn_by,"
            " (SELECT count(*) FROM file_review_files f WHERE f.sample_id = s.id),"
            " (SELECT count(*) FROM file_review_files f WHERE f.sample_id = s.id"
            "   AND f.grade IS NOT NULL)"
            f" FROM file_review_samples s{where} ORDER BY s.id DESC",
            params,
        ).fetchall()
        return [
            SampleRow(
                id=int(r[0]),
                year=int(r[1]),
                seed=int(r[2]),
                rule=dict(json.loads(r[3])),
                sheet=dict(json.loads(r[4])),
                population=int(r[5]),
                drawn_at=str(r[6]),
                drawn_by=str(r[7]),
                files=int(r[8]),
                scored=int(r[9]),
            )
            for r in rows
        ]

    def sample(self, sample_id: int) -> SampleRow | None:
        found = self.samples(sample_id=sample_id)
        return found[0] if found else None

    def files(self, sample_id: int) -> list[SampledFileRow]:
        rows = self._db.execute(
            f"SELECT {_FILE_COLUMNS} WHERE f.sample_id = ? ORDER BY f.position", (sample_id,)
        ).fetchall()
        return [_file_row(r) for r in rows]

    def file(self, file_id: int) -> SampledFileRow | None:
        row = self._db.execute(f"SELECT {_FILE_COLUMNS} WHERE f.id = ?", (file_id,)).fetchone()
        return None if row is None else _file_row(row)

    # -- scores and defects ---------------------------------------------------------------

    def findings(self, file_id: int) -> list[FindingRow]:
        rows = self._db.execute(
            f"SELECT {_FINDING_COLUMNS} WHERE d.file_id = ? ORDER BY d.id", (file_id,)
        ).fetchall()
        return [_finding_row(r) for r in rows]

    def defects(self, sample_id: int, *, open_only: bool = False) -> list[FindingRow]:
        still_open = " AND d.rectified_on IS NULL" if open_only else ""
        rows = self._db.execute(
            f"SELECT {_FINDING_COLUMNS} WHERE f.sample_id = ?{still_open}"
            " ORDER BY f.position, d.id",
            (sample_id,),
        ).fetchall()
        return [_finding_row(r) for r in rows]

    def finding(self, finding_id: int) -> FindingRow | None:
        row = self._db.execute(
            f"SELECT {_FINDING_COLUMNS} WHERE d.id = ?", (finding_id,)
        ).fetchone()
        return None if row is None else _finding_row(row)

    def record_score(
        self,
        file_id: int,
        *,
        score: tuple[int, int, int, bool, str],
        findings: Sequence[NewFinding],
        at: str,
        by: str,
    ) -> None:
        """Replace the file's findings and store its score (form, content, total, veto, grade)."""
        form, content, total, vetoed, grade = score
        self._db.execute("DELETE FROM file_review_findings WHERE file_id = ?", (file_id,))
        self._db.conn.executemany(
            "INSERT INTO file_review_findings (file_id, item_code, kind, item_label, points,"
            " note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(file_id, f.item_code, f.kind, f.item_label, f.points, f.note, at) for f in findings],
        )
        self._db.execute(
            "UPDATE file_review_files SET form_score = ?, content_score = ?, total = ?,"
            " vetoed = ?, grade = ?, scored_at = ?, scored_by = ? WHERE id = ?",
            (form, content, total, int(vetoed), grade, at, by, file_id),
        )

    def rectify(self, finding_id: int, *, on: str, rectification: str) -> None:
        self._db.execute(
            "UPDATE file_review_findings SET rectified_on = ?, rectification = ? WHERE id = ?",
            (on, rectification, finding_id),
        )

    # -- annual figures -------------------------------------------------------------------

    def annual_counts(self, year: int) -> tuple[int, dict[str, int]]:
        """Distinct files sampled for the year, and graded files by their latest grade.

        A file drawn into two samples of a year is one file reviewed, counted once.
        """
        sampled = self._db.execute(
            "SELECT count(DISTINCT f.file_no) FROM file_review_files f"
            " JOIN file_review_samples s ON s.id = f.sample_id WHERE s.year = ?",
            (year,),
        ).fetchone()[0]
        # Each file's latest grade (the row with its newest scored_at); a window, not SQLite's
        # bare column beside max(), so the server says it the same way.
        grades = dict(
            self._db.execute(
                "SELECT grade, count(*) FROM (SELECT f.grade, row_number() OVER"
                "  (PARTITION BY f.file_no ORDER BY f.scored_at DESC) AS latest"
                "  FROM file_review_files f JOIN file_review_samples s ON s.id = f.sample_id"
                "  WHERE s.year = ? AND f.grade IS NOT NULL) AS graded"
                " WHERE latest = 1 GROUP BY grade",
                (year,),
            ).fetchall()
        )
        return int(sampled), {str(k): int(v) for k, v in grades.items()}
