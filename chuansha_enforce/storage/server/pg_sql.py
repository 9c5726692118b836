"""The SQLite SQL of the repositories, said in PostgreSQL (one statement at a time, cached).

The repositories keep one text per statement, written for SQLite; this module rewrites the
few spellings the two dialects do not share. It is a tokenizer-light rewrite: string literals
and quoted names are left alone, everything else is rewritten word by word.

- placeholders ``?``, ``?NNN`` and ``:name`` become psycopg's ``%s``, ``%(_pNNN)s`` and
  ``%(name)s`` (a literal ``%`` is doubled);
- ``[name]`` quoting becomes ``"name"``; ``main.`` before a table is dropped;
- ``INSERT OR IGNORE`` becomes ``INSERT … ON CONFLICT DO NOTHING``;
- ``x IS y`` / ``x IS NOT y`` (not NULL) become ``IS [NOT] DISTINCT FROM``;
- ``ifnull``, ``group_concat``, ``instr``, ``total``, ``iif``, ``substr(x, -n)``, scalar
  ``max``/``min``;
- ``LIKE`` becomes ``ILIKE`` (SQLite's LIKE ignores ASCII case);
- ``BEGIN IMMEDIATE`` becomes ``BEGIN``.
"""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(
    r"""
    (?P<string>'(?:[^']|'')*')
    | (?P<quoted>"(?:[^"]|"")*")
    | (?P<bracket>\[[^\]]*\])
    | (?P<comment>--[^\n]*)
    | (?P<named>(?<![:\w]):[A-Za-z_]\w*)
    | (?P<qmark>\?\d*)
    | (?P<percent>%)
    """,
    re.VERBOSE,
)

_WORD_REWRITES = (
    (re.compile(r"\bBEGIN\s+(IMMEDIATE|DEFERRED|EXCLUSIVE)\b", re.I), "BEGIN"),
    # SQLite's planner hints
    (re.compile(r"\s+(INDEXED\s+BY\s+\w+|NOT\s+INDEXED)\b", re.I), ""),
    (re.compile(r"\bifnull\s*\(", re.I), "coalesce("),
    (re.compile(r"\binstr\s*\(", re.I), "strpos("),
    (re.compile(r"\bchar\s*\(", re.I), "chr("),
    (re.compile(r"\bmain\.(?=[\w\"])", re.I), ""),
    (re.compile(r"\bIS\s+NOT\s+(?!NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.I), "IS DISTINCT FROM "),
    (
        re.compile(r"\bIS\s+(?!NOT\b|NULL\b|TRUE\b|FALSE\b|DISTINCT\b)", re.I),
        "IS NOT DISTINCT FROM ",
    ),
    (re.compile(r"\bNOT\s+LIKE\b", re.I), "NOT ILIKE"),
    (re.compile(r"(?<!NOT )\bLIKE\b", re.I), "ILIKE"),
    (re.compile(r"\bGLOB\b", re.I), "SIMILAR TO"),
    # SQLite's CROSS JOIN … ON (a join order hint) is an inner join
    (re.compile(r"\bCROSS\s+JOIN(\s+\w+(?:\s+(?:AS\s+)?(?!ON\b)\w+)?\s+ON\b)", re.I), r"JOIN\1"),
    # a case's figures grouped by its payments' case_id: SQLite takes c's columns as they are,
    # PostgreSQL wants the key that makes them functionally dependent (c.id = p.case_id)
    (re.compile(r"\bGROUP\s+BY\s+p\.case_id\b(?!\s*,\s*c\.id)", re.I), "GROUP BY p.case_id, c.id"),
    # a column named like a word PostgreSQL reserves
    (re.compile(r"(?<![\w\"])(user)(?![\w\"])", re.I), '"\\1"'),
)

_INSERT_OR_IGNORE = re.compile(r"^\s*INSERT\s+OR\s+IGNORE\s+INTO\b", re.I)


def _split_args(text: str, start: int) -> tuple[list[str], int]:
    """The top-level arguments of the call whose ``(`` is at ``start``; the index after it."""
    depth, args, current, i = 0, [], [], start
    while i < len(text):
        ch = text[i]
        if ch == "'":
            end = text.index("'", i + 1)
            while end + 1 < len(text) and text[end + 1] == "'":
                end = text.index("'", end + 2)
            current.append(text[i : end + 1])
            i = end + 1
            continue
        if ch == "(":
            depth += 1
            if depth > 1:
                current.append(ch)
        elif ch == ")":
            depth -= 1
            if depth == 0:
                args.append("".join(current).strip())
                return args, i + 1
            current.append(ch)
        elif ch == "," and depth == 1:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
        i += 1
    raise ValueError(f"unbalanced parentheses in {text[:80]!r}")


_CALL = re.compile(r"\b(group_concat|substr|max|min|total|iif)\s*\(", re.I)


def _rewrite_calls(text: str) -> str:
    out, pos = [], 0
    while True:
        found = _CALL.search(text, pos)
        if found is None:
            out.append(text[pos:])
            return "".join(out)
        name = found.group(1).lower()
        args, end = _split_args(text, found.end() - 1)
        args = [_rewrite_calls(a) for a in args]
        out.append(text[pos : found.start()])
        if name == "group_concat":
            sep = args[1] if len(args) > 1 else "','"
            out.append(f"string_agg(CAST({args[0]} AS TEXT), {sep})")
        elif name == "iif":
            otherwise = args[2] if len(args) > 2 else "NULL"
            out.append(f"CASE WHEN {args[0]} THEN {args[1]} ELSE {otherwise} END")
        elif name == "total":
            out.append(f"coalesce(sum({args[0]}), 0)")
        elif name == "substr" and len(args) == 2 and args[1].lstrip().startswith("-"):
            out.append(f"right({args[0]}, {args[1].lstrip()[1:]})")
        elif name in ("max", "min") and len(args) > 1:
            out.append(f"{'greatest' if name == 'max' else 'least'}({', '.join(args)})")
        else:
            out.append(f"{found.group(0)}{', '.join(args)})")
        pos = end


_FROM_SUBQUERY = re.compile(r"\b(FROM|JOIN)\s*\(\s*(?=SELECT\b)", re.I)
_ALIAS_AFTER = re.compile(r"\s*(AS\b|[A-Za-z_]\w*\b)", re.I)
_NOT_ALIAS = {
    "where",
    "group",
    "order",
    "union",
    "limit",
    "on",
    "join",
    "cross",
    "left",
    "inner",
    "having",
    "window",
    "except",
    "intersect",
    "returning",
    "offset",
}


def _alias_subqueries(text: str, count: list[int] | None = None) -> str:
    """PostgreSQL 15 wants a name for every subquery in FROM; SQLite does not."""
    out, pos = [], 0
    count = count if count is not None else [0]
    while True:
        found = _FROM_SUBQUERY.search(text, pos)
        if found is None:
            out.append(text[pos:])
            return "".join(out)
        open_at = text.index("(", found.start())
        _args, end = _split_args(text, open_at)
        out.append(
            text[pos : open_at + 1] + _alias_subqueries(text[open_at + 1 : end - 1], count) + ")"
        )
        after = _ALIAS_AFTER.match(text, end)
        if after is None or after.group(1).lower() in _NOT_ALIAS:
            count[0] += 1
            out.append(f" AS _q{count[0]}")
        pos = end


@functools.lru_cache(maxsize=4096)
def translate(sql: str, *, placeholders: bool = True) -> str:
    """The statement in PostgreSQL's spelling, with psycopg placeholders (unless
    ``placeholders`` is false: DDL, sent without parameters)."""
    ignore = bool(_INSERT_OR_IGNORE.match(sql))
    if ignore:
        sql = _INSERT_OR_IGNORE.sub("INSERT INTO", sql, count=1)
    pieces: list[str] = []
    plain: list[str] = []
    pos = 0

    literals: list[str] = []

    def flush() -> None:
        text = "".join(plain)
        for pattern, replacement in _WORD_REWRITES:
            text = pattern.sub(replacement, text)
        pieces.append(_put_back(text, literals))
        plain.clear()

    for token in _TOKEN.finditer(sql):
        plain.append(sql[pos : token.start()])
        kind, value = token.lastgroup, token.group()
        if not placeholders and kind in ("named", "qmark", "percent"):
            plain.append(value)
        elif kind == "string":  # kept from the word rewrites ('user.password_reset')
            literals.append(value.replace("%", "%%") if placeholders else value)
            plain.append(_literal_mark(len(literals) - 1))
        elif kind == "quoted":
            plain.append(value.replace("%", "%%") if placeholders else value)
        elif kind == "bracket":
            plain.append('"' + value[1:-1] + '"')
        elif kind == "named":
            plain.append(f"%({value[1:]})s")
        elif kind == "qmark":
            plain.append(f"%(_p{value[1:]})s" if len(value) > 1 else "%s")
        elif kind == "percent":
            plain.append("%%")
        pos = token.end()
    plain.append(sql[pos:])
    flush()
    text = "".join(pieces)
    # json_each(?) of a JSON list (ids, names, numbers): the list is passed as an array
    # (``json_list_places``), so it keeps its elements' type
    text = re.sub(
        r"\bIN\s*\(\s*SELECT\s+value\s+FROM\s+json_each\((%s)\)\s*\)",
        r"= ANY(\1)",
        text,
        flags=re.I,
    )
    text = re.sub(
        r"\bjson_each\((%s)\)\s+AS\s+(\w+)",
        r"unnest(CAST(\1 AS TEXT[])) AS \2(value)",
        text,
        flags=re.I,
    )
    text = _alias_subqueries(_rewrite_calls(text)).rstrip().rstrip(";")
    if ignore:
        text = _append_on_conflict(text)
    return _qualify_upsert(text)


_MARK = re.compile("'\x01(\\d+)\x01'")


def _literal_mark(index: int) -> str:
    """A string literal's stand-in while the words around it are rewritten: no word in it."""
    return f"'\x01{index}\x01'"


def _put_back(text: str, literals: list[str]) -> str:
    return _MARK.sub(lambda found: literals[int(found.group(1))], text)


_UPSERT = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?.*?\bDO\s+UPDATE\s+SET\b", re.I | re.S)


def _qualify_upsert(text: str) -> str:
    """``SET n = n + excluded.n``: PostgreSQL wants the table's ``n`` named as such."""
    found = _UPSERT.match(text)
    if found is None:
        return text
    table, head, tail = found.group(1), text[: found.end()], text[found.end() :]
    tail = re.sub(r"\b(\w+)(\s*=\s*)\1\b(?!\s*\()", rf"\1\2{table}.\1", tail)
    return head + tail


_PLACE = re.compile(r"'(?:[^']|'')*'|\bjson_each\(\s*\?\s*\)|\?", re.I)


@functools.lru_cache(maxsize=4096)
def json_list_places(sql: str) -> tuple[int, ...]:
    """The positions of the ``?`` parameters that are JSON lists read by ``json_each(?)``: the
    server takes them as arrays."""
    places, n = [], 0
    for found in _PLACE.finditer(sql):
        token = found.group()
        if token.startswith("'"):
            continue
        if token.lower().startswith("json_each"):
            places.append(n)
        n += 1
    return tuple(places)


def _append_on_conflict(text: str) -> str:
    returning = re.search(r"\bRETURNING\b", text, re.I)
    if returning is None:
        return text + " ON CONFLICT DO NOTHING"
    return text[: returning.start()] + "ON CONFLICT DO NOTHING " + text[returning.start() :]
