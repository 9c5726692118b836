"""Bulk inserts with ``executemany`` inside the caller's one transaction.

sqlite-utils' ``insert_all`` commits every batch (about 10× slower for a million rows and
not all-or-nothing), so the bulk paths write here, in chunks, without committing.

The writer keeps the case search up to date itself (``refresh_case_search``): after each
``add_general_cases`` / ``add_simple_decisions``, or once at the end of a ``bulk_load`` /
``indexes_rebuilt_after`` block (after the indexes are back, which the refresh reads).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import TypeVar

import sqlite_utils

from chuansha_enforce.domain.demolition.forced_demolition_steps import ForcedDemolition
from chuansha_enforce.domain.enums import Outcome, PenaltyKind, heaviest
from chuansha_enforce.domain.records import (
    GeneralCaseRecord,
    OfficerRecord,
    PartyRecord,
    SimpleDecisionRecord,
)
from chuansha_enforce.storage.cases.case_search_index import refresh_case_search
from chuansha_enforce.storage.cases.discretion_repository import DECISION_TABLE
from chuansha_enforce.storage.reports import year_summary
from chuansha_enforce.storage.safety import seals

T = TypeVar("T")
Written = Callable[[int], bool]
"""Told the rows written so far after each chunk; False stops the load (``LoadCancelled``)."""


class LoadCancelled(Exception):
    """The caller asked to stop: raised inside its transaction, which then writes nothing."""


CHUNK = 20_000
BULK_CACHE_KIB = 256 * 1024
SORT_CACHE_KIB = 16 * 1024
SORT_THREADS = 2
"""Helper threads for ``CREATE INDEX`` sorting (the office PCs have at least two cores)."""
BULK_TABLES = (
    "parties",
    "general_cases",
    "general_case_officers",
    "general_case_penalties",
    "payments",
    "legal_review_rounds",
    "advance_notices",
    "hearings",
    "collective_discussions",
    "decision_extensions",
    "simple_decisions",
    "simple_decision_officers",
    "case_evidence",
    "simple_surcharges",
    "demolition_orders",
    "forced_demolition_steps",
    DECISION_TABLE,
)
"""The tables ``add_general_cases``, ``add_simple_decisions`` and ``add_demo_evidence`` write."""
REBUILD_SHARE = 4
"""Indexes are rebuilt after a load of at least 1/REBUILD_SHARE of the rows already there
(a rule of thumb: into an empty database a 100,000-case ledger loads about a third faster)."""


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


MAX_VARIABLES = 999
"""Placeholders in one statement: SQLite's smallest build limit (newer builds allow 32,766)."""


@functools.lru_cache(maxsize=256)
def values_sql(sql: str, rows: int) -> str:
    """``sql`` (an ``INSERT … VALUES (?, …)`` of one row) made to insert ``rows`` rows."""
    head, _, one = sql.rpartition(" VALUES ")
    return f"{head} VALUES {', '.join([one] * rows)}"


def insert_rows(conn: sqlite3.Connection, sql: str, rows: Sequence[Sequence[object]]) -> None:
    """``executemany(sql, rows)``, on a file many rows to a statement: the same rows in the
    same order (so the same rowids), with a fifth less work per row than one statement each.
    A server gets ``executemany`` itself."""
    if not isinstance(conn, sqlite3.Connection):
        conn.executemany(sql, rows)
        return
    if not rows:
        return
    per = max(1, MAX_VARIABLES // len(rows[0]))
    whole = len(rows) - len(rows) % per
    if whole:
        flat = chain.from_iterable
        conn.executemany(
            values_sql(sql, per),
            [tuple(flat(rows[at : at + per])) for at in range(0, whole, per)],
        )
    if whole < len(rows):
        rest = rows[whole:]
        conn.execute(values_sql(sql, len(rest)), tuple(chain.from_iterable(rest)))


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


class _IsoDays(dict[dt.date | None, str | None]):
    """The ISO text of each day, made once (a load has a few thousand distinct days);
    ``None`` stays ``None``."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, day: dt.date | None) -> str | None:
        assert day is not None
        text = self[day] = day.isoformat()
        return text


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a load runs: the records and rows of a chunk hold
    no reference cycles, and each chunk that survives a collection made the collector walk
    the growing heap again (a tenth of a million-case demo's time). On again after it."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _load(items: Iterable[T], write: Callable[[list[T]], None], written: Written | None) -> int:
    """Write ``items`` chunk by chunk (the collector paused); how many there were."""
    count = 0
    with _collector_paused():
        for chunk in _chunks(items, CHUNK):
            write(chunk)
            count += len(chunk)
            if written is not None and not written(count):
                raise LoadCancelled
    return count


_PARTIES_INSERT = (
    "INSERT INTO parties (id, kind, name, id_number, address, legal_representative)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


class _GateRows:
    """The steps before a decision a ledger row gives (notice, hearing, discussion,
    extension), collected per chunk and written with it."""

    def __init__(self) -> None:
        self.notices: list[tuple[object, ...]] = []
        self.hearings: list[tuple[object, ...]] = []
        self.discussions: list[tuple[object, ...]] = []
        self.extensions: list[tuple[object, ...]] = []

    def add(self, cid: int, case: GeneralCaseRecord, at: str) -> None:
        g = case.gates
        assert g is not None
        if g.notice_on is not None:
            kinds = ",".join(sorted(k.value for k in g.proposed_kinds)) or None
            self.notices.append(
                (cid, g.notice_on.isoformat(), int(g.hearing_offered), at, kinds,
                 g.proposed_fine_fen, g.proposed_confiscation_fen, case.violation,
                 case.legal_basis, g.statement)
            )  # fmt: skip
        if g.hearing_on is not None or g.presiding is not None:
            self.hearings.append((cid, case.hearing.value, _iso(g.hearing_on), g.presiding, at))
        if g.discussed_on is not None:
            self.discussions.append((cid, g.discussed_on.isoformat(), "台账导入", at))
        if g.extension_days > 0:
            self.extensions.append(
                (cid, "台账导入", _iso(g.extension_approved_on), g.extension_days, "台账导入", at)
            )

    def write(self, conn: sqlite3.Connection) -> None:
        insert_rows(
            conn,
            "INSERT INTO advance_notices (case_id, served_on, hearing_offered, created_at,"
            " proposed_kinds, proposed_fine_fen, proposed_confiscation_fen, facts, basis,"
            " statement_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.notices,
        )
        insert_rows(
            conn,
            "INSERT INTO hearings (case_id, state, held_on, presiding, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            self.hearings,
        )
        insert_rows(
            conn,
            "INSERT INTO collective_discussions (case_id, held_on, minutes, created_at)"
            " VALUES (?, ?, ?, ?)",
            self.discussions,
        )
        insert_rows(
            conn,
            "INSERT INTO decision_extensions (case_id, approved_by, approved_on, days, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?)",
            self.extensions,
        )


def _outcome_code(outcome: Outcome | None) -> str | None:
    """An order alone is stored with no outcome (see schema_0019_demolition_orders)."""
    if outcome is None or outcome is Outcome.ORDER_ONLY:
        return None
    return outcome._value_


class _DecisionSteps:
    """The notice, discussion, demolition order of bulk-loaded cases (few: written plainly)."""

    def __init__(self, at: str) -> None:
        self._at = at
        self.orders: list[tuple[object, ...]] = []
        self.notices: list[tuple[object, ...]] = []
        self.discussions: list[tuple[object, ...]] = []
        self.forced: list[tuple[object, ...]] = []
        self.reviews: list[tuple[object, ...]] = []
        self.discretion: list[tuple[object, ...]] = []

    def add(self, cid: int, case: GeneralCaseRecord) -> None:
        if case.discretion is not None:
            d = case.discretion  # where ``case decide`` keeps it (DiscretionRepository)
            deviation = None if d.deviation is None else d.deviation._value_
            self.discretion.append((cid, d.circumstance, deviation, d.reason, self._at))
        if case.forced is not None:
            self._add_forced(cid, case, case.forced)
        if case.demolition_deadline is not None and case.decided_on is not None:
            self.orders.append((cid, case.decided_on.isoformat(),
                                case.demolition_deadline.isoformat(), self._at))  # fmt: skip
        if case.notice_on is not None:
            kinds = ",".join(sorted(k._value_ for k in case.penalty_kinds)) or None
            self.notices.append((cid, case.notice_on.isoformat(), self._at, kinds, case.fine_fen,
                                 case.confiscation_fen, int(case.demolition_deadline is not None),
                                 case.cause, case.legal_basis))  # fmt: skip
        if case.discussed_on is not None:
            self.discussions.append((cid, case.discussed_on.isoformat(), DISCUSSION_MINUTES,
                                     self._at, DISCUSSION_PARTICIPANTS))  # fmt: skip

    def _add_forced(self, cid: int, case: GeneralCaseRecord, f: ForcedDemolition) -> None:
        """The steps after the order (schema_0025); a 强制拆除决定 with its own review round
        and collective discussion on its day (DOMAIN §13)."""
        at = self._at

        def row(step: str, on: dt.date, until: dt.date | None = None,
                time: str | None = None, detail: str | None = None) -> None:  # fmt: skip
            self.forced.append((cid, step, on.isoformat(), _iso(until), time, detail, at))

        if f.reminder is not None:
            row("reminder", f.reminder.served_on, f.reminder.until)
        if f.statement is not None:
            row("statement", f.statement.on, detail=f.statement.kind.value)
        if f.authority is not None:
            row("authority", f.authority.on, detail=f.authority.document)
        if f.decided_on is not None:
            row("decision", f.decided_on)
            reviewer = case.review.reviewer if case.review else "法制审核人员"
            day = f.decided_on.isoformat()
            self.reviews.append((cid, 2 if case.review else 1, reviewer, day, "agree", 1, at))
            self.discussions.append((cid, day, FORCED_MINUTES, at, DISCUSSION_PARTICIPANTS))
        if f.announcement is not None:
            row("announcement", f.announcement.on, f.announcement.until)
        if f.carried_out is not None:
            done = f.carried_out
            row("carried_out", done.on, time=done.at.strftime("%H:%M"),
                detail="\n".join(done.witnesses))  # fmt: skip
        if f.removed_on is not None:
            row("removed", f.removed_on)

    def write(self, conn: sqlite3.Connection) -> None:
        insert_rows(
            conn,
            f"INSERT INTO {DECISION_TABLE} (case_id, circumstance, deviation, reason,"
            " created_at) VALUES (?, ?, ?, ?, ?)",
            self.discretion,
        )
        insert_rows(
            conn,
            "INSERT INTO legal_review_rounds (case_id, round_no, reviewer, reviewed_on,"
            " opinion, imported, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.reviews,
        )
        insert_rows(
            conn,
            "INSERT INTO forced_demolition_steps (case_id, step, on_date, until_on, at_time,"
            " detail, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            self.forced,
        )
        insert_rows(
            conn,
            "INSERT INTO demolition_orders (case_id, decided_on, deadline, created_at)"
            " VALUES (?, ?, ?, ?)",
            self.orders,
        )
        insert_rows(
            conn,
            "INSERT INTO advance_notices (case_id, served_on, created_at, proposed_kinds,"
            " proposed_fine_fen, proposed_confiscation_fen, proposed_demolition, facts, basis)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self.notices,
        )
        insert_rows(
            conn,
            "INSERT INTO collective_discussions (case_id, held_on, minutes, created_at,"
            " participants) VALUES (?, ?, ?, ?, ?)",
            self.discussions,
        )


DISCUSSION_MINUTES = "经集体讨论，同意按拟定意见作出决定"
DISCUSSION_PARTICIPANTS = "分管副镇长,执法队长,法制员"
FORCED_MINUTES = "经集体讨论，同意作出强制拆除决定"


class BulkWriter:
    """Writes records; the caller owns the transaction (see ``write_transaction``)."""

    def __init__(self, db: sqlite_utils.Database, created_at: str) -> None:
        if not db.conn.in_transaction:
            raise RuntimeError("BulkWriter needs an open write transaction")
        self._db = db
        self._conn = db.conn
        self._at = created_at
        self._loads = 0
        """Open ``bulk_load`` / ``indexes_rebuilt_after`` blocks: the refresh waits for them."""
        # Bulk rows are sealed by blocks when the load's audit record is written, not row
        # by row by the tracking triggers (about a fifth of a load's time).
        seals.bulk_begin(db, BULK_TABLES)
        self._heaviest_codes: dict[frozenset[PenaltyKind], str] = {}
        self._iso_days = _IsoDays()
        # A million-row load maintains several indexes; with SQLite's default 2 MB page
        # cache most of the time goes to re-reading index pages. The pragma lasts for
        # this connection only and costs nothing until pages are actually cached.
        self._conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")

    @contextlib.contextmanager
    def indexes_rebuilt_after(self, tables: Iterable[str]) -> Iterator[None]:
        """Drop the tables' secondary indexes, load, then build them again in one pass.

        Sorting a million keys once is far cheaper than a million random B-tree inserts.
        The stored CREATE INDEX text is replayed exactly; all inside the caller's
        transaction, so a failure leaves both data and indexes as they were. Then the search
        takes in the rows written in the block (reading the rebuilt indexes).
        """
        with self._one_search_refresh():
            yield from self._rebuilding(tables)

    def _rebuilding(self, tables: Iterable[str]) -> Iterator[None]:
        names = tuple(tables)
        marks = ", ".join("?" for _ in names)
        indexes = self._conn.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({marks})",
            names,
        ).fetchall()
        for name, _sql in indexes:
            self._conn.execute(f'DROP INDEX "{name}"')
        yield
        # With a small page cache SQLite's sorter writes sorted runs to temporary files, and
        # with helper threads it sorts and merges them on the other cores: about a fifth off
        # the rebuild of a million cases (benchmarks/bench_write_floor.py), no change at 100,000.
        self._conn.execute(f"PRAGMA threads = {SORT_THREADS}")
        self._conn.execute(f"PRAGMA cache_size = -{SORT_CACHE_KIB}")
        try:
            for _name, sql in indexes:
                self._conn.execute(sql)
        finally:
            self._conn.execute("PRAGMA threads = 0")
            self._conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")

    def bulk_load(self, new_rows: int) -> contextlib.AbstractContextManager[None]:
        """Index upkeep for a load of about ``new_rows`` cases and decisions.

        A load that is a large share of the rows already there gets ``indexes_rebuilt_after``;
        a small one into a big database keeps the indexes and updates them row by row, since a
        rebuild would sort all the old keys again.
        """
        there = self._next_id("general_cases") + self._next_id("simple_decisions") - 2
        if new_rows > 0 and new_rows * REBUILD_SHARE >= there:
            return self.indexes_rebuilt_after(BULK_TABLES)
        return self._one_search_refresh()

    @contextlib.contextmanager
    def _one_search_refresh(self) -> Iterator[None]:
        """The adds inside leave the search alone; it takes all their rows in at the end."""
        self._loads += 1
        try:
            yield
        finally:
            self._loads -= 1
        self._refresh_search()

    def _refresh_search(self) -> None:
        if not self._loads:
            refresh_case_search(self._db)

    def _heaviest(self, kinds: frozenset[PenaltyKind]) -> str | None:
        """The code a decision is counted under; a handful of combinations, so cached."""
        code = self._heaviest_codes.get(kinds)
        if code is None and kinds:
            code = self._heaviest_codes[kinds] = heaviest(kinds)._value_
        return code

    def _next_id(self, table: str) -> int:
        return int(
            self._conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
        )

    def certificate_ids(self) -> dict[str, int]:
        return dict(self._conn.execute("SELECT certificate_no, id FROM certificates").fetchall())

    def add_officers(self, officers: Iterable[OfficerRecord]) -> int:
        count = 0
        for officer in officers:
            cursor = self._conn.execute(
                "INSERT INTO officers (name, created_at) VALUES (?, ?)", (officer.name, self._at)
            )
            self._conn.execute(
                "INSERT INTO certificates (officer_id, certificate_no, issued_on, expires_on,"
                " status, cancelled_on) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    cursor.lastrowid,
                    officer.certificate_no,
                    officer.issued_on.isoformat(),
                    _iso(officer.expires_on),
                    officer.status.value,
                    _iso(officer.cancelled_on),
                ),
            )
            count += 1
        return count

    def _start_chunk(self, table: str, parties: list[PartyRecord]) -> tuple[int, int]:
        """Write a chunk's parties, one per row; (their first id, the chunk's first id)."""
        party_id, first_id = self._next_id("parties"), self._next_id(table)
        insert_rows(self._conn,
            _PARTIES_INSERT,
            [
                (party_id + i, p.kind._value_, p.name, p.id_number, p.address,
                 p.legal_representative)
                for i, p in enumerate(parties)
            ],
        )  # fmt: skip
        return party_id, first_id

    def add_general_cases(
        self,
        cases: Iterable[GeneralCaseRecord],
        certificate_ids: Mapping[str, int],
        written: Written | None = None,
    ) -> int:
        # The per-year sums take the new cases in one statement at the end, not row by row.
        first_case = self._next_id("general_cases")
        summed = year_summary.drop_triggers(self._conn)
        count = _load(cases, lambda chunk: self._write_cases(chunk, certificate_ids), written)
        if summed:
            year_summary.fold_new_cases(self._conn, first_case)
        self._refresh_search()
        return count

    def _write_cases(
        self, chunk: list[GeneralCaseRecord], certificate_ids: Mapping[str, int]
    ) -> None:
        party_id, case_id = self._start_chunk("general_cases", [c.party for c in chunk])
        case_rows: list[tuple[object, ...]] = []
        officer_rows: list[tuple[int, int]] = []
        penalty_rows: list[tuple[int, str]] = []
        payment_rows: list[tuple[object, ...]] = []
        review_rows: list[tuple[object, ...]] = []
        gates = _GateRows()
        steps = _DecisionSteps(self._at)
        at, iso, heaviest = self._at, self._iso_days, self._heaviest
        add_case, add_officer = case_rows.append, officer_rows.append
        for cid, case in enumerate(chunk, case_id):
            add_case(
                (
                    cid, case.case_no, party_id + cid - case_id, case.cause, case.violation,
                    case.legal_basis, case.location, iso[case.filed_on], case.hearing._value_,
                    case.decision_no, iso[case.decided_on], _outcome_code(case.outcome),
                    heaviest(case.penalty_kinds),
                    None if case.no_penalty_reason is None else case.no_penalty_reason._value_,
                    case.fine_fen, case.confiscation_fen, iso[case.served_on],
                    iso[case.closed_on], case.notes, at, at, case.major_flag_reason,
                    iso[case.published_on], 1 if case.publication_unrecorded else None,
                    iso[case.violation_on], iso[case.clue_on],
                    int(case.demolition_deadline is not None),
                    None if case.service_method is None else case.service_method._value_,
                    int(case.reduced_penalty),
                )
            )  # fmt: skip
            if case.gates is not None:
                gates.add(cid, case, at)
            steps.add(cid, case)
            for certificate in case.officer_certificates:
                add_officer((cid, certificate_ids[certificate]))
            for kind in case.penalty_kinds:
                penalty_rows.append((cid, kind._value_))
            for p in case.payments:
                payment_rows.append((cid, iso[p.paid_on], p.amount_fen, p.surcharge_fen,
                                     p.channel, p.receipt_no, at))  # fmt: skip
            if (r := case.review) is not None:
                review_rows.append((cid, 1, r.reviewer, iso[r.reviewed_on], r.opinion.value, 1, at))
        conn = self._conn
        insert_rows(
            conn,
            "INSERT INTO general_cases (id, case_no, party_id, cause, violation, legal_basis,"
            " location, filed_on, hearing, decision_no, decided_on, outcome, heaviest_kind,"
            " no_penalty_reason, fine_fen, confiscation_fen, served_on, closed_on, notes,"
            " created_at, updated_at, major_flag_reason, published_on,"
            " publication_unrecorded, violation_on, clue_on, demolition_order,"
            " service_method, reduced_penalty)"
            f" VALUES ({', '.join('?' * 29)})",
            case_rows,
        )
        insert_rows(conn, "INSERT INTO general_case_officers VALUES (?, ?)", officer_rows)
        insert_rows(conn, "INSERT INTO general_case_penalties VALUES (?, ?)", penalty_rows)
        insert_rows(
            conn,
            "INSERT INTO payments (case_id, paid_on, amount_fen, surcharge_fen, channel,"
            " receipt_no, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            payment_rows,
        )
        insert_rows(
            conn,
            "INSERT INTO legal_review_rounds (case_id, round_no, reviewer, reviewed_on,"
            " opinion, imported, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            review_rows,
        )
        gates.write(conn)
        steps.write(conn)

    def add_demo_evidence(self) -> int:
        """The demo's evidence: an on-site inspection record for every decided case, dated
        the day the act was discovered (the 决定书 lists it, APL 59). A ledger brings no
        evidence list, so an import never calls this."""
        cursor = self._conn.execute(
            "INSERT INTO case_evidence (case_id, kind, description, obtained_on, created_at)"
            " SELECT id, 'inspection_record', '现场检查笔录一份（附现场照片）',"
            " max(coalesce(clue_on, filed_on), coalesce(violation_on, '')), ? FROM general_cases"
            " WHERE decided_on IS NOT NULL AND deleted_at IS NULL ORDER BY id",
            [self._at],
        )
        return cursor.rowcount

    def add_simple_decisions(
        self,
        decisions: Iterable[SimpleDecisionRecord],
        certificate_ids: Mapping[str, int],
        written: Written | None = None,
    ) -> int:
        count = _load(decisions, lambda chunk: self._write_simple(chunk, certificate_ids), written)
        self._refresh_search()
        return count

    def _write_simple(
        self, chunk: list[SimpleDecisionRecord], certificate_ids: Mapping[str, int]
    ) -> None:
        party_id, decision_id = self._start_chunk("simple_decisions", [d.party for d in chunk])
        rows: list[tuple[object, ...]] = []
        officer_rows: list[tuple[int, int]] = []
        surcharge_rows: list[tuple[int, int]] = []
        for offset, d in enumerate(chunk):
            did = decision_id + offset
            rows.append(
                (
                    did, d.decision_no, party_id + offset, d.cause, d.violation, d.location,
                    d.decided_on.isoformat(), d.penalty_kind.value, d.fine_fen,
                    int(d.collected_on_spot), d.on_spot_reason, _iso(d.paid_on), d.notes,
                    self._at, self._at, d.receipt_no, _iso(d.cash_to_agency_on),
                    _iso(d.cash_to_bank_on), _iso(d.filed_with_agency_on), d.legal_basis,
                )
            )  # fmt: skip
            officer_rows.extend((did, certificate_ids[n]) for n in d.officer_certificates)
            if d.surcharge_fen:
                surcharge_rows.append((did, d.surcharge_fen))
        insert_rows(
            self._conn,
            "INSERT INTO simple_decisions (id, decision_no, party_id, cause, violation,"
            " location, decided_on, penalty_kind, fine_fen, collected_on_spot,"
            " on_spot_reason, paid_on, notes, created_at, updated_at, receipt_no,"
            " cash_to_agency_on, cash_to_bank_on, filed_with_agency_on, legal_basis)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        insert_rows(self._conn, "INSERT INTO simple_decision_officers VALUES (?, ?)", officer_rows)
        insert_rows(self._conn, "INSERT INTO simple_surcharges VALUES (?, ?)", surcharge_rows)
