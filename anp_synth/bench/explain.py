"""Query plans: what the database does for each query of the mix, and what looks costly.

PostgreSQL gets ``EXPLAIN (ANALYZE, BUFFERS)`` for a query that passes the --read-only rules
(:func:`anp_synth.bench.statements.is_read`): the query runs once, in a READ ONLY transaction
that is rolled back. Any other query (a write, allowed in a query file without --read-only) gets
a plain ``EXPLAIN``, which runs nothing. SQLite gets ``EXPLAIN QUERY PLAN``. Two findings are
flagged, the two that turn a fast admin page into a slow one as the tables grow: a full scan
of a large table, and a sort the planner could not take from an index.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BenchError
from .connect import DriverConnection, driver_errors, open_driver_connection, redact, table_rows, to_driver_sql
from .params import ParamPools, draw_params
from .statements import is_read, statement_refusal
from .workload import Query, build_mix, check_statements, load_query_file, mix_for_dialect

LARGE_TABLE_ROWS = 10_000
"""A full scan of a table with at least this many rows is flagged."""
DRAWS = 5
"""Parameter sets each query is explained with (the plan shown is the slowest)."""
SORT_ROWS = 1_000
"""On PostgreSQL (which reports rows), a sort is flagged when it consumed at least this many:
sorting the four similar posts of one article is not a finding."""

_TABLE_ALIAS = re.compile(
    r"\b(anp_\w+)(?:\s+(?:AS\s+)?(?!(?:ON|WHERE|JOIN|LEFT|INNER|ORDER|GROUP|LIMIT)\b)(\w+))?", re.I
)
_PG_SEQ_SCAN = re.compile(r"(?:Parallel )?Seq Scan on (\w+)")
_PG_SORT = re.compile(r"^\s*(?:->\s*)?(?:Incremental )?Sort\s+\(")
_PG_EXEC_TIME = re.compile(r"Execution Time: ([\d.]+) ms")
_PG_ACTUAL_ROWS = re.compile(r"actual time=[\d.]+\.\.[\d.]+ rows=(\d+) loops=(\d+)")


@dataclass(frozen=True)
class Plan:
    """One query's plan as text, the parameters it was explained with, and its flags."""

    query_id: str
    dialect: str
    sql: str
    params: dict[str, Any]
    text: str
    flags: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sample_params(query: Query, pools: ParamPools, seed: int = 0, draw: int = 0) -> dict[str, Any]:
    """One deterministic set of arguments for ``query`` (draw number ``draw`` of a seeded generator)."""
    rng = random.Random(f"anp-explain:{seed}:{query.id}:{draw}")
    params: dict[str, Any] = {}
    for group in pools.groups_for(query.params):
        params.update(rng.choice(pools.groups[group]))
    return {k: v for k, v in params.items() if k in query.params}


def _aliases(sql: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for table, alias in _TABLE_ALIAS.findall(sql):
        out[table] = table
        if alias:
            out[alias] = table
    return out


def _sqlite_plan(
    conn: DriverConnection, sql: str, params: Mapping[str, Any], rows: Mapping[str, int], large: int
) -> tuple[str, list[str]]:
    plan = conn.explain("EXPLAIN QUERY PLAN " + sql, dict(params))
    parents: dict[int, int] = {}
    lines: list[str] = []
    flags: list[str] = []
    aliases = _aliases(sql)
    for node_id, parent, _unused, detail in plan:
        depth = parents.get(int(parent), -1) + 1
        parents[int(node_id)] = depth
        lines.append("  " * depth + str(detail))
        words = str(detail).split()
        if len(words) >= 2 and words[0] == "SCAN" and "INDEX" not in words and "PRIMARY" not in words:
            table = aliases.get(words[1], words[1])
            n = rows.get(table, 0)
            if n >= large:
                flags.append(f"full scan of {table} ({n} rows)")
        if str(detail).startswith("USE TEMP B-TREE FOR ORDER BY"):
            flags.append("sort without an index (temp b-tree for ORDER BY)")
    return "\n".join(lines), flags


def _pg_plan(
    conn: DriverConnection, sql: str, params: Mapping[str, Any], rows: Mapping[str, int], large: int, analyze: bool
) -> tuple[str, list[str]]:
    plan = conn.explain(("EXPLAIN (ANALYZE, BUFFERS) " if analyze else "EXPLAIN ") + sql, dict(params))
    lines = [str(r[0]) for r in plan]
    if not analyze:
        lines.insert(0, "(not run: the query is not a read, so it is explained without ANALYZE)")
    flags: list[str] = []
    for i, line in enumerate(lines):
        m = _PG_SEQ_SCAN.search(line)
        if m:
            table = m.group(1)
            n = rows.get(table, 0)
            if n >= large:
                flags.append(f"full scan of {table} ({n} rows)")
        if _PG_SORT.match(line):
            # What the sort consumed is its input node's output: the next node line below it.
            child = next((c for c in lines[i + 1 :] if "->" in c and "actual time=" in c), "")
            actual = _PG_ACTUAL_ROWS.search(child)
            sorted_rows = int(actual.group(1)) * int(actual.group(2)) if actual else None
            if sorted_rows is None or sorted_rows >= min(SORT_ROWS, large):
                what = f"{sorted_rows} rows" if sorted_rows is not None else "its input"
                flags.append(f"sort without an index ({what} sorted)")
    return "\n".join(lines), flags


def explain_one(
    conn: DriverConnection,
    query: Query,
    pools: ParamPools,
    *,
    rows: Mapping[str, int],
    large: int = LARGE_TABLE_ROWS,
    draws: int = DRAWS,
) -> Plan:
    """The plan of one query; a database error becomes the plan's ``error`` (it is shown, not fatal).

    A plan can depend on the arguments (a common value, a rare one), so the query is explained
    with ``draws`` parameter sets: flags are those of any draw, and the plan shown is the
    slowest one on PostgreSQL (by its Execution Time), the first one on SQLite.
    """
    sql = query.sql[conn.dialect]
    driver_sql = to_driver_sql(sql, conn.dialect)
    refused = statement_refusal(sql, conn.dialect)
    if refused:
        return Plan(query.id, conn.dialect, sql, {}, "", [], f"not explained: {refused}")
    analyze = is_read(sql, conn.dialect)
    flags: list[str] = []
    worst: tuple[float, str, dict[str, Any]] | None = None
    for draw in range(max(1, draws) if query.params else 1):
        params = sample_params(query, pools, draw=draw)
        try:
            if conn.dialect == "sqlite":
                text, found = _sqlite_plan(conn, driver_sql, params, rows, large)
                cost = -float(draw)  # keep the first
            else:
                text, found = _pg_plan(conn, driver_sql, params, rows, large, analyze)
                m = _PG_EXEC_TIME.search(text)
                cost = float(m.group(1)) if m else 0.0
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            return Plan(query.id, conn.dialect, sql, params, "", [], f"{type(exc).__name__}: {first}")
        flags.extend(found)
        if worst is None or cost > worst[0]:
            worst = (cost, text, params)
    assert worst is not None
    return Plan(query.id, conn.dialect, sql, worst[2], worst[1], list(dict.fromkeys(flags)))


def explain_queries(
    conn: DriverConnection,
    queries: Sequence[Query],
    pools: ParamPools,
    *,
    rows: Mapping[str, int],
    large: int = LARGE_TABLE_ROWS,
) -> list[Plan]:
    return [explain_one(conn, q, pools, rows=rows, large=large) for q in queries]


def validate_queries(conn: DriverConnection, queries: Sequence[Query], pools: ParamPools) -> None:
    """Have the database compile every query before the run: a bad query is one clear error now,
    not thousands of counted errors later.

    Only ``EXPLAIN`` (never ANALYZE) of exactly one statement: the text is checked again here
    (:func:`~anp_synth.bench.statements.statement_refusal`), and on PostgreSQL it is sent over the
    extended protocol, which refuses two statements, inside a READ ONLY transaction that is
    rolled back. ``EXPLAIN QUERY PLAN`` on SQLite compiles the statement without running it.
    """
    check_statements(queries, conn.dialect, read_only=False)
    for q in queries:
        sql = to_driver_sql(q.sql[conn.dialect], conn.dialect)
        prefix = "EXPLAIN QUERY PLAN " if conn.dialect == "sqlite" else "EXPLAIN "
        try:
            conn.explain(prefix + sql, sample_params(q, pools))
        except Exception as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            where = "" if q.source == "built-in" else f"{q.source}: "
            raise BenchError(f"{where}query {q.id!r}: the database rejected its SQL: {first}") from None


def explain_database(
    db_url: str, *, seed: int = 0, queries_file: Path | None = None, large: int = LARGE_TABLE_ROWS
) -> list[Plan]:
    """Plans of the mix (with ``queries_file`` applied) on ``db_url``, in a read-only session."""
    extra, replace_builtin = load_query_file(queries_file) if queries_file else ([], False)
    conn = open_driver_connection(db_url, read_only=True)
    try:
        with driver_errors(db_url, "explain on"):
            mix = mix_for_dialect(build_mix(extra, replace_builtin=replace_builtin), conn.dialect)
            check_statements(mix, conn.dialect, read_only=False)
            rows = table_rows(conn)
            if "anp_articles" not in rows:
                raise BenchError(f"{redact(db_url)}: no anp_articles table: nothing to explain")
            pools = draw_params(conn, seed=seed)
            return explain_queries(conn, [q for q in mix if not pools.missing(q.params)], pools, rows=rows, large=large)
    finally:
        conn.close()
