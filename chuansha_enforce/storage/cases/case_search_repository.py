"""Case search: one text box, answered in the case list's order with the same keyset pages.

A query is split on white space into terms; a case matches when it matches every term. A term
matches by what it looks like:

- Chinese (or other non-ASCII) text: the party name contains it; from three characters on,
  the cause (案由) may contain it instead.
- ASCII letters: a pinyin key of the party name starts with it (initials "zsf" or spelling
  "zhangsan" of 张三丰; either reading of a surname such as 曾/单/区; for companies and shops
  also the name without 上海/浦东新区/川沙新镇: "aq" finds 浦东新区川沙新镇阿强烟杂店;
  ``domain.pinyin_initials.search_keys``).
- ASCII digits: the sequence number of the case or decision number ("123" finds
  川执立〔2023〕000123号 of every year); from four digits on also the end of the ID number or
  credit code ("1234", "123X"). Letters and digits together: pinyin keys, and from four
  characters on the end of a credit code.
- Other text without digits at its end ("川执立", "〔2025〕"): also the case and decision
  numbers whose text before the sequence number contains it.
- Digits inside other text ("2023〕123", "〔2023〕123号", "2023-123"): a case or decision number
  with that sequence number whose text before the number contains the year and the letters
  typed ("罚2023-5" finds 沪浦川执罚〔2023〕000005号 only); and the name/cause rule above.

How a page is found (it must stay fast on a million cases):

1. Each term is matched against the search dictionaries of ``case_search_index`` (distinct
   names with their pinyin keys, distinct causes, ID numbers; the first two held in memory per
   connection and read again when the database changes), plus the rows written since the
   dictionaries' last refresh. This gives each term SQL listing the ids of its candidate
   parties and cases through indexes, an SQL test of one joined case/party row, and an
   estimate of its matches from the dictionaries' counts. The term with the fewest leads.
2. One of three strategies, the cheapest by ``SearchTuning``'s costs for that many matches:
   - collect: list the candidate cases, read and sort them; the cost follows the matches;
   - walk: walk the case list index newest first testing each joined row, stopping at the
     page's end, after about 200 / (share of cases matching) rows;
   - walk by sets: list the candidate party and case ids, then walk the list index
     ``general_cases_list_party`` testing each entry's party id and case id against them,
     without reading its rows (cheaper per entry, costlier to start).
3. A walk reads a few times the rows it expects at most; when the matches lie further back
   (they are not spread evenly), the rest of the page is collected.

On a server (PostgreSQL) the dictionaries are asked, not held: a term's names, causes and
pinyin keys are found by one query each (``_server_hits``), through the trigram indexes
``init`` makes when the server has ``pg_trgm`` (``storage/server/pg_search.py``; without it
the same query reads the dictionary), so another PC's new names are found at once and no
client reads the whole dictionary. The same names give the same estimates, strategy and page
as a file.
"""

from __future__ import annotations

import json
import logging
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import sqlite_utils

from chuansha_enforce.domain.pinyin_initials import search_keys
from chuansha_enforce.domain.records import CasePage

# The list's columns and row mapping, so that search rows are list rows.
from chuansha_enforce.storage.cases.case_repository import LIST_COLUMNS, list_rows
from chuansha_enforce.storage.cases.case_search_index import BIG_TAIL, LIST_INDEX
from chuansha_enforce.storage.server.pg_database import is_server

log = logging.getLogger(__name__)

MAX_NUMBER_HEADS = 500
"""Distinct case/decision number shapes enumerated for a sequence-number search."""
MAX_SEQUENCE_DIGITS = 12
NUMBER_TAIL_CHARS = "号 )）]】"
"""Characters that may follow the sequence number of a case or decision number."""
ID_SUFFIX_MIN = 4
"""Shortest ID number / credit code ending searched for."""

_LISTED = "(SELECT value FROM json_each(?))"
SERVER_HITS = {
    "name": "SELECT name, uses FROM search_party_names WHERE name LIKE ? AND strpos(name, ?) > 0",
    "cause": "SELECT cause, uses FROM search_causes WHERE cause LIKE ? AND strpos(cause, ?) > 0",
    "pinyin": "SELECT name, uses FROM search_party_names"
    " WHERE (' ' || pinyin) LIKE ? AND strpos(' ' || pinyin, ?) > 0",
}
"""A server's dictionary look-ups (``_server_hits``): LIKE (ILIKE there) for its trigram
indexes, ``strpos`` for the file's exact test."""
_RUNS = re.compile(r"[0-9]+|[^\W\d_]+")
_NUMBER_FILLERS = str.maketrans("", "", "年第")


def search_terms(query: str) -> list[str]:
    """The query's terms: NFKC-normalised (full-width to half-width), split on white space."""
    return unicodedata.normalize("NFKC", query).split()


def _number_fragment(term: str) -> tuple[int, list[str], int] | None:
    """(sequence number, letter and digit runs before it, digits typed) of a number fragment.

    "〔2023〕000123号" -> (123, ["2023"], 6); None when no digits end the term.
    """
    body = term.rstrip(NUMBER_TAIL_CHARS)
    digits = len(body) - len(body.rstrip("0123456789"))
    if not 0 < digits <= MAX_SEQUENCE_DIGITS:
        return None
    head = body[: len(body) - digits].translate(_NUMBER_FILLERS)
    return int(body[len(body) - digits :]), _RUNS.findall(head), digits


def _split_number(number: str) -> tuple[str, int, str] | None:
    """(head, width, tail) of a stored number: 川执立〔2023〕000123号 -> (…〔2023〕, 6, 号)."""
    body = number.rstrip(NUMBER_TAIL_CHARS)
    width = len(body) - len(body.rstrip("0123456789"))
    return (body[: len(body) - width], width, number[len(body) :]) if width else None


@dataclass(frozen=True, slots=True)
class SearchTuning:
    """Costs that choose the strategy (see the module docstring), in µs; tests move these.

    Measured on the million-case demo (a slow two-core VM; the ratios matter, not the sizes).
    """

    collected: float = 6.5
    """Listing one candidate case, reading its row and sorting it."""
    listed: float = 0.8
    """Listing one candidate party or case id into a set."""
    walked: float = 1.5
    """Walking one case list row, testing the joined case and party rows."""
    walked_by_set: float = 0.5
    """Walking one list entry, testing its party and case id against the sets."""
    budget_factor: float = 2.0
    """A walk reads at most this many times the rows it expects to need, ..."""
    min_budget: int = 2_000
    """... and at least this many, before it collects the rest of the page instead."""
    behind_rows: int = BIG_TAIL
    """Rows written since the last refresh from which the dictionaries' counts are ignored."""


_Select = tuple[str, tuple[object, ...]]


@dataclass(frozen=True, slots=True)
class _Part:
    """One way a term can match."""

    test: str  # SQL over ``c`` (general_cases) and ``p`` (parties)
    test_params: tuple[object, ...]
    parties: tuple[_Select, ...]  # SELECTs of candidate party ids (their cases match)
    cases: tuple[_Select, ...]  # SELECTs of candidate case ids
    estimate: int  # matching cases, roughly (dictionary counts; the unrefreshed tail aside)


_Term = tuple[_Part, ...]  # matches when any of its parts does


@dataclass(frozen=True, slots=True)
class _Dictionaries:
    """The search dictionaries as read at ``version``."""

    version: tuple[int, int]
    parties_mark: int
    cases_mark: int
    behind: bool  # so many rows written since the last refresh that the counts mean little
    names: tuple[str, ...]
    pinyin: tuple[str, ...]  # " " + the keys ("" while not keyed yet), for word-start search
    name_uses: tuple[int, ...]
    causes: tuple[str, ...]
    cause_uses: tuple[int, ...]


class CaseSearchRepository:
    def __init__(self, db: sqlite_utils.Database, tuning: SearchTuning | None = None) -> None:
        self._db = db
        self._tuning = tuning or SearchTuning()
        self._dictionaries: _Dictionaries | None = None
        self._server = is_server(db)
        self._shapes: dict[str, list[tuple[str, int, str]]] = {}
        """The number shapes read by the search under way (each column read once a search)."""

    def search(
        self, query: str, *, after: tuple[str, int] | None, limit: int, year: int | None = None
    ) -> CasePage:
        """Cases matching every term of ``query``, newest-filed first, ``limit`` at a time.

        ``after`` is the (filed_on, id) of the last row already shown, as for the list.
        """
        words = search_terms(query)
        self._shapes = {}
        if not words:
            return CasePage(rows=(), next_key=None)
        dicts = self._current_dictionaries()
        terms = [self._term(word, dicts) for word in words]
        if not all(terms):
            return CasePage(rows=(), next_key=None)
        # A term's parts overlap (a cause usually holds the party's name): the largest part
        # estimates its matches; listing its candidates costs all parts.
        estimates = [max(part.estimate for part in term) for term in terms]
        rarest = terms[estimates.index(min(estimates))]
        strategy, budget = self._strategy(
            min(estimates), sum(part.estimate for part in rarest), limit + 1, behind=dicts.behind
        )
        if strategy == "collect":
            fetched = self._collect(rarest, terms, after=after, count=limit + 1, year=year)
        else:
            boundary = self._walk_boundary(after, year, budget) if budget else None
            by_sets = rarest if strategy == "walk_by_sets" else None
            fetched = self._walk(
                terms, by_sets, after=after, boundary=boundary, count=limit + 1, year=year
            )
            if len(fetched) <= limit and boundary is not None:
                rest = limit + 1 - len(fetched)
                fetched += self._collect(rarest, terms, after=boundary, count=rest, year=year)
        rows = list_rows(self._db, fetched[:limit])
        next_key = (rows[-1].filed_on.isoformat(), rows[-1].id) if len(fetched) > limit else None
        return CasePage(rows=rows, next_key=next_key)

    def _strategy(
        self, matches: int, candidates: int, count: int, *, behind: bool
    ) -> tuple[str, int]:
        """The cheapest way to ``count`` rows among about ``matches`` (from ``candidates``
        listed), and the walk's budget.

        A walk expects to read ``count / share of cases matching`` rows; collecting reads
        every candidate. An underestimate only makes the search collect, whose cost follows
        the true number of candidates. Far behind (a bulk load not refreshed), the counts
        mean nothing: walk, without a budget (0).
        """
        tuning = self._tuning
        if behind:
            return "walk", 0
        if candidates <= count:
            return "collect", 0
        cases = int(
            self._db.execute("SELECT coalesce(max(id), 0) FROM general_cases").fetchone()[0]
        )
        rows = min(cases, count * cases / max(matches, 1))
        costs = {
            "collect": candidates * tuning.collected,
            "walk_by_sets": candidates * tuning.listed + rows * tuning.walked_by_set,
            "walk": rows * tuning.walked,
        }
        strategy = min(costs, key=lambda name: costs[name])
        return strategy, max(tuning.min_budget, math.ceil(tuning.budget_factor * rows))

    # -- the dictionaries --------------------------------------------------------------------

    def _current_dictionaries(self) -> _Dictionaries:
        """The dictionaries, read again only when the database changed since the last read.

        ``data_version`` changes when another connection commits; ``total_changes`` counts
        this connection's own writes.
        """
        version = (
            int(self._db.execute("PRAGMA data_version").fetchone()[0]),
            self._db.conn.total_changes,
        )
        # a server's other clients are not seen by data_version: its marks are read each time
        if self._dictionaries is None or self._dictionaries.version != version or self._server:
            marks = dict(self._db.execute("SELECT name, upto FROM search_state").fetchall())
            last_party, last_case = self._db.execute(
                "SELECT (SELECT coalesce(max(id), 0) FROM parties),"
                " (SELECT coalesce(max(id), 0) FROM general_cases)"
            ).fetchone()
            behind = max(last_party - marks["parties"], last_case - marks["general_cases"])
            if behind >= self._tuning.behind_rows:
                log.warning(
                    "%d rows were written since the search dictionaries were refreshed:"
                    " searches read them all (refresh_case_search should run after bulk loads)",
                    behind,
                )
            name_rows, cause_rows = [], []
            if not self._server:  # (a server's are asked term by term: ``_server_hits``)
                names = self._db.execute("SELECT name, pinyin, uses FROM search_party_names")
                causes = self._db.execute("SELECT cause, uses FROM search_causes")
                name_rows, cause_rows = names.fetchall(), causes.fetchall()
            self._dictionaries = _Dictionaries(
                version=version,
                parties_mark=int(marks["parties"]),
                cases_mark=int(marks["general_cases"]),
                behind=behind >= self._tuning.behind_rows,
                names=tuple(r[0] for r in name_rows),
                pinyin=tuple(f" {r[1]}" if r[1] else "" for r in name_rows),
                name_uses=tuple(max(1, r[2]) for r in name_rows),
                causes=tuple(r[0] for r in cause_rows),
                cause_uses=tuple(max(1, r[1]) for r in cause_rows),
            )
        return self._dictionaries

    # -- terms -------------------------------------------------------------------------------

    def _term(self, text: str, dicts: _Dictionaries) -> _Term:
        parts: list[_Part] = []
        if text.isascii() and text.isalnum():
            upper = text.upper()
            id_like = len(text) >= ID_SUFFIX_MIN and not text.isalpha()
            resident_x = len(upper) > 1 and upper[:-1].isdigit() and upper[-1] == "X"
            if text.isdigit() and len(text) <= MAX_SEQUENCE_DIGITS:
                parts += self._number_part(int(text), [], len(text))
            if id_like:
                parts.append(self._id_suffix_part(upper, dicts))
            if not text.isdigit() and not (resident_x and id_like):
                parts.append(self._pinyin_part(text.lower(), dicts))
            return tuple(parts)
        parts.append(self._name_part(text, dicts))
        if len(text) >= 3:
            parts.append(self._cause_part(text, dicts))
        number = _number_fragment(text)
        if number is not None:
            parts += self._number_part(*number)
        else:
            parts += self._head_part(text)
        return tuple(parts)

    def _hits(self, kind: str, text: str, dicts: _Dictionaries) -> list[tuple[str, int]]:
        """The dictionary's entries of ``kind`` (name, cause, pinyin) containing ``text``, with
        their uses; pinyin: the names with a key starting with ``text``."""
        if self._server:
            return self._server_hits(kind, text)
        if kind == "pinyin":
            word = f" {text}"
            return [
                (dicts.names[i], dicts.name_uses[i])
                for i, keys in enumerate(dicts.pinyin)
                if word in keys
            ]
        values, uses = (
            (dicts.names, dicts.name_uses) if kind == "name" else (dicts.causes, dicts.cause_uses)
        )
        return [(value, uses[i]) for i, value in enumerate(values) if text in value]

    def _server_hits(self, kind: str, text: str) -> list[tuple[str, int]]:
        """``_hits`` asked of a server: the pattern (LIKE, said ILIKE there) is what a trigram
        index answers; ``strpos`` keeps the file's exact, case-sensitive test."""
        wanted = f" {text}" if kind == "pinyin" else text
        escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self._db.execute(SERVER_HITS[kind], [f"%{escaped}%", wanted]).fetchall()
        return [(str(value), max(1, int(uses))) for value, uses in rows]

    def _name_part(self, text: str, dicts: _Dictionaries) -> _Part:
        found = self._hits("name", text, dicts)
        names = json.dumps([name for name, _uses in found], ensure_ascii=False)
        return _Part(
            "instr(p.name, ?) > 0",
            (text,),
            (
                (f"SELECT id FROM parties WHERE name IN {_LISTED}", (names,)),
                (
                    "SELECT id FROM parties WHERE id > ? AND instr(name, ?) > 0",
                    (dicts.parties_mark, text),
                ),
            ),
            (),
            sum(uses for _name, uses in found),
        )

    def _cause_part(self, text: str, dicts: _Dictionaries) -> _Part:
        found = self._hits("cause", text, dicts)
        causes = json.dumps([cause for cause, _uses in found], ensure_ascii=False)
        return _Part(
            "instr(c.cause, ?) > 0",
            (text,),
            (),
            (
                (f"SELECT id FROM general_cases WHERE cause IN {_LISTED}", (causes,)),
                (
                    "SELECT id FROM general_cases WHERE id > ? AND instr(cause, ?) > 0",
                    (dicts.cases_mark, text),
                ),
            ),
            sum(uses for _cause, uses in found),
        )

    def _pinyin_part(self, letters: str, dicts: _Dictionaries) -> _Part:
        """Names with a key starting with ``letters``; names not keyed yet are keyed here."""
        word = f" {letters}"
        found = self._hits("pinyin", letters, dicts)
        matched = [name for name, _uses in found]
        pending = self._db.execute(
            "SELECT name FROM search_party_names WHERE pinyin = ''"
            " UNION SELECT name FROM parties WHERE id > ?",
            [dicts.parties_mark],
        ).fetchall()
        matched += [name for (name,) in pending if word in f" {search_keys(name)}"]
        names = json.dumps(matched, ensure_ascii=False)
        return _Part(
            f"p.name IN {_LISTED}",
            (names,),
            ((f"SELECT id FROM parties WHERE name IN {_LISTED}", (names,)),),
            (),
            sum(uses for _name, uses in found) + len(matched) - len(found),
        )

    def _id_suffix_part(self, suffix: str, dicts: _Dictionaries) -> _Part:
        n = len(suffix)
        found = self._db.execute(
            "SELECT id_number FROM search_id_numbers"
            " WHERE tail = ? AND upper(substr(id_number, -?)) = ?",
            [suffix[-ID_SUFFIX_MIN:], n, suffix],
        ).fetchall()
        id_numbers = json.dumps([value for (value,) in found])
        return _Part(
            "upper(substr(p.id_number, -?)) = ?",
            (n, suffix),
            (
                (f"SELECT id FROM parties WHERE id_number IN {_LISTED}", (id_numbers,)),
                (
                    "SELECT id FROM parties WHERE id > ? AND upper(substr(id_number, -?)) = ?",
                    (dicts.parties_mark, n, suffix),
                ),
            ),
            (),
            len(found),
        )

    def _number_part(self, seq: int, runs: Sequence[str], typed_digits: int) -> list[_Part]:
        """Case and decision numbers with sequence number ``seq`` (as exact look-ups)."""
        numbers = [
            number
            for column in ("case_no", "decision_no")
            for number in self._numbers_for(column, seq, runs, typed_digits)
        ]
        if not numbers:
            return []
        values = json.dumps(numbers, ensure_ascii=False)
        return [
            _Part(
                f"(c.case_no IN {_LISTED} OR c.decision_no IN {_LISTED})",
                (values, values),
                (),
                (
                    (f"SELECT id FROM general_cases WHERE case_no IN {_LISTED}", (values,)),
                    (f"SELECT id FROM general_cases WHERE decision_no IN {_LISTED}", (values,)),
                ),
                len(numbers),
            )
        ]

    def _head_part(self, text: str) -> list[_Part]:
        """Case and decision numbers whose text before the sequence number contains ``text``
        ("川执立" finds every 川执立〔2026〕000001号, "〔2025〕" a year's): index ranges, one
        per distinct head."""
        ranges = [
            (column, head)
            for column in ("case_no", "decision_no")
            for head, _width, _tail in self._number_shapes(column)
            if text in head
        ]
        if not ranges:
            return []
        tests = " OR ".join(f"(c.{column} >= ? AND c.{column} < ?)" for column, _ in ranges)
        bounds = tuple(value for _, head in ranges for value in (head, f"{head}:"))
        selects = tuple(
            (f"SELECT id FROM general_cases WHERE {col} >= ? AND {col} < ?", (head, f"{head}:"))
            for col, head in ranges
        )
        cases = int(
            self._db.execute("SELECT coalesce(max(id), 0) FROM general_cases").fetchone()[0]
        )
        shapes = len(self._number_shapes("case_no")) + len(self._number_shapes("decision_no"))
        estimate = max(1, cases * len(ranges) // max(shapes, 1))
        return [_Part(f"({tests})", bounds, (), selects, estimate)]

    def _numbers_for(
        self, column: str, seq: int, runs: Sequence[str], typed_digits: int
    ) -> Iterable[str]:
        """Every text a ``column`` number with ``seq`` could have, given the shapes in use."""
        plain = str(seq)
        for head, width, tail in self._number_shapes(column):
            if all(run in head for run in runs):
                for w in sorted({width, len(plain), typed_digits}):
                    if w >= len(plain):
                        for t in sorted({tail, "号", ""}):
                            yield f"{head}{plain.zfill(w)}{t}"

    def _number_shapes(self, column: str) -> list[tuple[str, int, str]]:
        """Distinct (head, width, tail) of ``column``, skipping through its UNIQUE index.

        One index seek per distinct head (川执立〔2023〕, 沪浦川执罚〔2024〕, ...): after a head,
        the next seek starts at head + ":" (the character after "9"), past all its numbers.
        """
        known = self._shapes.get(column)
        if known is not None:
            return known
        self._shapes[column] = self._read_number_shapes(column)
        return self._shapes[column]

    def _read_number_shapes(self, column: str) -> list[tuple[str, int, str]]:
        shapes: list[tuple[str, int, str]] = []
        key = ""
        sql = f"SELECT {column} FROM general_cases WHERE {column} > ? ORDER BY {column} LIMIT 1"
        for _ in range(MAX_NUMBER_HEADS):
            row = self._db.execute(sql, [key]).fetchone()
            if row is None:
                break
            number = str(row[0])
            shape = _split_number(number)
            if shape is None:
                key = number
                continue
            shapes.append(shape)
            key = shape[0] + ":"
        else:
            log.warning("more than %d shapes of %s numbers", MAX_NUMBER_HEADS, column)
        return shapes

    # -- finding the page --------------------------------------------------------------------

    @staticmethod
    def _union(selects: Iterable[_Select]) -> tuple[str, list[object]]:
        selects = list(selects)
        sql = " UNION ALL ".join(select for select, _ in selects)
        return sql, [value for _, params in selects for value in params]

    def _candidates(self, term: _Term) -> tuple[str, list[object], int]:
        """SQL listing the term's candidate case ids, its parameters, and how many SELECTs it
        joins (a case comes at most once from each)."""
        selects: list[_Select] = [select for part in term for select in part.cases]
        parties, party_params = self._union(select for part in term for select in part.parties)
        if parties:
            by_party = f"SELECT id FROM general_cases WHERE party_id IN ({parties})"
            selects.append((by_party, tuple(party_params)))
        sql, params = self._union(selects)
        return sql, params, len(selects)

    def _set_test(self, term: _Term) -> tuple[str, list[object]]:
        """The term as a test of a list entry's party id and case id (no row read)."""
        tests: list[str] = []
        params: list[object] = []
        for column, kind in (("c.party_id", "parties"), ("c.id", "cases")):
            sql, values = self._union(s for part in term for s in getattr(part, kind))
            if sql:
                tests.append(f"{column} IN ({sql})")
                params += values
        return "(" + " OR ".join(tests) + ")", params

    @staticmethod
    def _tests(terms: Sequence[_Term]) -> tuple[str, list[object]]:
        clauses = ["(" + " OR ".join(part.test for part in term) + ")" for term in terms]
        params = [value for term in terms for part in term for value in part.test_params]
        return " AND ".join(clauses), params

    @staticmethod
    def _filters(
        after: tuple[str, int] | None,
        year: int | None,
        *,
        at_least: tuple[str, int] | None = None,
    ) -> tuple[str, list[object]]:
        """Live cases, in ``year``, after ``after``, from ``at_least`` on; from the list
        index's columns only (the year as a range of ``filed_on``)."""
        where: list[str] = ["c.deleted_at IS NULL"]
        params: list[object] = []
        if year is not None:
            where.append("c.filed_on >= ? AND c.filed_on < ?")
            params += [f"{year:04d}-", f"{year:04d}."]  # "." follows "-": all of 'YYYY-…'
        if after is not None:
            where.append("(c.filed_on, c.id) < (?, ?)")
            params.extend(after)
        if at_least is not None:
            where.append("(c.filed_on, c.id) >= (?, ?)")
            params.extend(at_least)
        return " AND ".join(where), params

    def _collect(
        self,
        rarest: _Term,
        terms: Sequence[_Term],
        *,
        after: tuple[str, int] | None,
        count: int,
        year: int | None,
    ) -> list[tuple[object, ...]]:
        """The first ``count`` matches after ``after``, from the candidates of ``rarest``.

        With a single term, candidates are sorted on the case row alone and the party row is
        read for the page's rows only. Candidates are not made distinct in SQL (that costs a
        temporary B-tree as big as the candidates): ``count`` times the number of SELECTs
        listing them hold ``count`` distinct ones.
        """
        ids, id_params, selects = self._candidates(rarest)
        others = [term for term in terms if term is not rarest]
        where, params = self._filters(after, year)
        candidates = f"({ids}) AS m CROSS JOIN general_cases c ON c.id = m.id"
        order = "ORDER BY c.filed_on DESC, c.id DESC"
        if others:
            tests, test_params = self._tests(others)
            sql = (
                f"SELECT {LIST_COLUMNS} FROM {candidates} CROSS JOIN parties p ON p.id = c.party_id"
                f" WHERE {where} AND {tests} {order} LIMIT ?"
            )
            params += test_params
        else:
            sql = (
                f"SELECT {LIST_COLUMNS} FROM (SELECT c.id FROM {candidates} WHERE {where} {order}"
                " LIMIT ?) AS page CROSS JOIN general_cases c ON c.id = page.id"
                f" CROSS JOIN parties p ON p.id = c.party_id {order}"
            )
        fetched = self._db.execute(sql, [*id_params, *params, count * selects]).fetchall()
        if selects > 1:
            fetched = list({row[0]: row for row in fetched}.values())  # keeps the order
        return fetched[:count]

    def _walk_boundary(
        self, after: tuple[str, int] | None, year: int | None, budget: int
    ) -> tuple[str, int] | None:
        """Key of the ``budget``-th list row after ``after`` (None: the list ends first)."""
        where, params = self._filters(after, year)
        row = self._db.execute(
            f"SELECT c.filed_on, c.id FROM general_cases c INDEXED BY {LIST_INDEX}"
            f" WHERE {where} ORDER BY c.filed_on DESC, c.id DESC LIMIT 1 OFFSET ?",
            [*params, budget - 1],
        ).fetchone()
        return None if row is None else (str(row[0]), int(row[1]))

    def _walk(
        self,
        terms: Sequence[_Term],
        by_sets: _Term | None,
        *,
        after: tuple[str, int] | None,
        boundary: tuple[str, int] | None,
        count: int,
        year: int | None,
    ) -> list[tuple[object, ...]]:
        """Walk the list index from ``after`` down to ``boundary``, testing each entry.

        ``by_sets`` is tested on the entry's party and case id (see ``_set_test``), the
        other terms on the joined rows of the entries that pass.
        """
        where, params = self._filters(after, year, at_least=boundary)
        if by_sets is not None:
            test, test_params = self._set_test(by_sets)
            where += f" AND {test}"
            params += test_params
        others = [term for term in terms if term is not by_sets]
        if others:
            tests, test_params = self._tests(others)
            where += f" AND {tests}"
            params += test_params
        sql = (
            f"SELECT {LIST_COLUMNS} FROM general_cases c INDEXED BY {LIST_INDEX}"
            f" CROSS JOIN parties p ON p.id = c.party_id"
            f" WHERE {where} ORDER BY c.filed_on DESC, c.id DESC LIMIT ?"
        )
        return self._db.execute(sql, [*params, count]).fetchall()
