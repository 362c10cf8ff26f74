"""The admin area's query mix: named queries with SQL per dialect and weights, plus user files.

Each query names its parameters as ``:name``. Parameters come in groups drawn together from
one row of real data, so a query's arguments agree with each other (an admin list filtered
by the status *and* topic of an article that exists finds it): see :mod:`anp_synth.bench.params`.

A query file (``--queries FILE``) is TOML; its format is documented in docs/BENCH.md ("The query mix")
and in :func:`load_query_file`. A query with a built-in's id replaces it; ``weight = 0``
removes it; ``replace = true`` at the top drops the built-in mix altogether.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import BenchError
from .connect import param_names
from .statements import read_only_refusal, statement_refusal

DIALECTS = ("sqlite", "postgresql")

PARAMETERS: dict[str, str] = {
    "reference": "the reference of a loaded article (anp-ref-…)",
    "article_id": "the id of that same article",
    "topic": "its topic (problem / stack)",
    "stack": "its stack (meta.stack[0])",
    "status": "its revision status",
    "title_prefix": "the first two words of its title",
    "deep_offset": "the OFFSET of the last page of 20 of the admin list of its status and topic",
    "meta_key": "a post-meta key present on a loaded article",
    "meta_value": "that key's value on that article (at most 128 characters)",
}
"""Every parameter a query may use, with what it is drawn from."""


@dataclass(frozen=True)
class Query:
    """One named query of the mix; ``sql`` maps a dialect to its statement."""

    id: str
    weight: float
    sql: Mapping[str, str]
    description: str = ""
    source: str = "built-in"
    params: tuple[str, ...] = field(default=())

    def sql_for(self, dialect: str) -> str | None:
        return self.sql.get(dialect)


def _q(id: str, weight: float, description: str, sqlite: str, postgresql: str | None = None) -> Query:
    sql = {"sqlite": " ".join(sqlite.split()), "postgresql": " ".join((postgresql or sqlite).split())}
    return Query(id, weight, sql, description, params=tuple(param_names(sql["sqlite"])))


# Long text is indexed as substr(column, 1, 128) (see anp_synth.db.tables); queries compare that
# expression, so the planner can use the index, and then the full value, so a match is exact.
# On SQLite the full-value test is written ``+column = :value``: without the unary plus, SQLite
# propagates the constant into substr(column, ...) and no longer matches the indexed expression.
BUILTIN: tuple[Query, ...] = (
    _q(
        "article_by_reference",
        25,
        "the edit screen: one article, every column, by its reference",
        "SELECT * FROM anp_articles WHERE reference = :reference",
    ),
    _q(
        "admin_list",
        25,
        "the posts list: one status and topic, newest reviewed first, first page of 20",
        """SELECT id, reference, title, revision_status, last_reviewed, view_count FROM anp_articles
           WHERE revision_status = :status AND substr(topic, 1, 128) = substr(:topic, 1, 128) AND +topic = :topic
           ORDER BY last_reviewed DESC LIMIT 20""",
        """SELECT id, reference, title, revision_status, last_reviewed, view_count FROM anp_articles
           WHERE revision_status = :status AND substr(topic, 1, 128) = substr(:topic, 1, 128) AND topic = :topic
           ORDER BY last_reviewed DESC LIMIT 20""",
    ),
    _q(
        "admin_list_deep",
        5,
        "the same posts list, its last page (the deepest OFFSET that list has)",
        """SELECT id, reference, title, revision_status, last_reviewed, view_count FROM anp_articles
           WHERE revision_status = :status AND substr(topic, 1, 128) = substr(:topic, 1, 128) AND +topic = :topic
           ORDER BY last_reviewed DESC LIMIT 20 OFFSET :deep_offset""",
        """SELECT id, reference, title, revision_status, last_reviewed, view_count FROM anp_articles
           WHERE revision_status = :status AND substr(topic, 1, 128) = substr(:topic, 1, 128) AND topic = :topic
           ORDER BY last_reviewed DESC LIMIT 20 OFFSET :deep_offset""",
    ),
    _q(
        "top_viewed_of_stack",
        10,
        "the dashboard widget: the 10 most viewed articles of a stack",
        """SELECT id, reference, title, view_count FROM anp_articles WHERE stack = :stack
           ORDER BY view_count DESC LIMIT 10""",
    ),
    _q(
        "needs_review_count",
        5,
        "the menu badge: how many articles need a human review",
        "SELECT count(*) FROM anp_articles WHERE needs_human_review = 1",
        "SELECT count(*) FROM anp_articles WHERE needs_human_review = true",
    ),
    _q(
        "title_search",
        10,
        "the search box: titles starting with two words, first 20 in title order",
        """SELECT id, reference, title FROM anp_articles
           WHERE substr(title, 1, 128) >= :title_prefix AND substr(title, 1, 128) < :title_prefix || char(1114111)
           ORDER BY substr(title, 1, 128) LIMIT 20""",
        """SELECT id, reference, title FROM anp_articles
           WHERE substr(title, 1, 128) >= :title_prefix AND substr(title, 1, 128) < :title_prefix || chr(1114111)
           ORDER BY substr(title, 1, 128) LIMIT 20""",
    ),
    _q(
        "article_with_similar",
        10,
        "the related-posts box: an article joined to its similar posts and their rows",
        """SELECT a.id, a.title, s.position, s.similar_reference, t.title, t.view_count
           FROM anp_articles a JOIN anp_similar_posts s ON s.article_id = a.id
           LEFT JOIN anp_articles t ON t.id = s.similar_id
           WHERE a.reference = :reference ORDER BY s.position""",
    ),
    _q(
        "post_meta_of_article",
        10,
        "the post-meta box: every meta row of one article",
        """SELECT meta_key, position, meta_value FROM anp_post_meta WHERE article_id = :article_id
           ORDER BY meta_key, position""",
    ),
    _q(
        "meta_key_lookup",
        5,
        "a meta query: up to 50 articles whose meta key has a given value",
        """SELECT article_id FROM anp_post_meta
           WHERE meta_key = :meta_key AND substr(meta_value, 1, 128) = substr(:meta_value, 1, 128)
             AND +meta_value = :meta_value
           ORDER BY article_id LIMIT 50""",
        """SELECT article_id FROM anp_post_meta
           WHERE meta_key = :meta_key AND substr(meta_value, 1, 128) = substr(:meta_value, 1, 128)
             AND meta_value = :meta_value
           ORDER BY article_id LIMIT 50""",
    ),
)

ADMIN_LIST = "admin_list"
"""The query whose import-phase p99 over idle-phase p99 the summary headlines."""


def _check_query(query: Query, where: str) -> Query:
    if not query.id or not all(c.isalnum() or c in "_-." for c in query.id):
        raise BenchError(f"{where}: query id {query.id!r} must be letters, digits, '_', '-' or '.'")
    if query.weight < 0:
        raise BenchError(f"{where}: query {query.id!r}: weight={query.weight!r} must be >= 0")
    names: list[str] = []
    for dialect, sql in query.sql.items():
        if dialect not in DIALECTS:
            raise BenchError(f"{where}: query {query.id!r}: unknown dialect {dialect!r} (use {', '.join(DIALECTS)})")
        for name in param_names(sql):
            if name not in PARAMETERS:
                raise BenchError(
                    f"{where}: query {query.id!r}: unknown parameter :{name} "
                    f"(known: {', '.join(':' + p for p in PARAMETERS)})"
                )
            if name not in names:
                names.append(name)
    return replace(query, params=tuple(names))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise BenchError(f"{path}: cannot read the query file: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise BenchError(f"{path}: not a valid query file (TOML): {exc}") from None
    except UnicodeDecodeError:
        raise BenchError(f"{path}: not a valid query file: not UTF-8 text") from None


def load_query_file(path: Path) -> tuple[list[Query], bool]:
    """The queries of a TOML query file and whether it replaces the built-in mix.

    Format::

        replace = false              # optional: true drops the built-in queries
        [[query]]
        id = "drafts_of_stack"       # letters, digits, _ - .; a built-in's id replaces it
        weight = 5                   # relative frequency; 0 removes the query
        description = "..."          # optional
        sql = "SELECT ... WHERE stack = :stack"   # one statement for every dialect, or:
        # [query.sql]
        # sqlite = "..."
        # postgresql = "..."
    """
    where = str(path)
    data = _read_toml(path)
    unknown = set(data) - {"replace", "query"}
    if unknown:
        raise BenchError(f"{where}: unknown top-level key {sorted(unknown)[0]!r} (expected 'replace' and [[query]])")
    replace_all = data.get("replace", False)
    if not isinstance(replace_all, bool):
        raise BenchError(f"{where}: replace={replace_all!r} must be true or false")
    raw = data.get("query", [])
    if not isinstance(raw, list):
        raise BenchError(f"{where}: 'query' must be an array of tables ([[query]])")
    queries: list[Query] = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise BenchError(f"{where}: query #{n} must be a table")
        extra = set(item) - {"id", "weight", "description", "sql"}
        if extra:
            raise BenchError(f"{where}: query #{n}: unknown key {sorted(extra)[0]!r}")
        qid = item.get("id")
        if not isinstance(qid, str):
            raise BenchError(f"{where}: query #{n}: 'id' (a string) is required")
        weight = item.get("weight", 1)
        if isinstance(weight, bool) or not isinstance(weight, int | float):
            raise BenchError(f"{where}: query {qid!r}: weight={weight!r} must be a number")
        sql = item.get("sql")
        sql_map: dict[str, str]
        if sql is None:
            if weight != 0:
                raise BenchError(f"{where}: query {qid!r}: 'sql' is required (only weight = 0 may omit it)")
            sql_map = {}
        elif isinstance(sql, str):
            sql_map = {d: sql for d in DIALECTS}
        elif isinstance(sql, dict) and all(isinstance(v, str) for v in sql.values()):
            sql_map = dict(sql)
        else:
            raise BenchError(f"{where}: query {qid!r}: 'sql' must be a string or a table of strings per dialect")
        description = item.get("description", "")
        if not isinstance(description, str):
            raise BenchError(f"{where}: query {qid!r}: description must be a string")
        q = Query(qid, float(weight), {d: " ".join(s.split()) for d, s in sql_map.items()}, description, where)
        queries.append(_check_query(q, where))
    ids = [q.id for q in queries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise BenchError(f"{where}: query id {dupes[0]!r} appears twice")
    return queries, replace_all


def build_mix(extra: Sequence[Query] = (), *, replace_builtin: bool = False) -> list[Query]:
    """The built-in mix with ``extra`` applied: same id replaces, weight 0 removes, new ids append."""
    mix = {} if replace_builtin else {q.id: q for q in BUILTIN}
    for q in extra:
        mix[q.id] = q
    result = [q for q in mix.values() if q.weight > 0]
    if not result:
        raise BenchError("the query mix is empty (every query removed or weight 0)")
    return result


def check_statements(mix: Sequence[Query], dialect: str, *, read_only: bool) -> None:
    """Refuse, before anything runs, a query that is not exactly one statement, that controls the
    transaction or the session, or (``read_only``) that is not a plain read: see
    :mod:`anp_synth.bench.statements`. The message names the file, the query and the reason.
    """
    for q in mix:
        sql = q.sql_for(dialect)
        if sql is None:
            continue
        where = "" if q.source == "built-in" else f"{q.source}: "
        reason = statement_refusal(sql, dialect)
        if reason:
            raise BenchError(f"{where}query {q.id!r} ({dialect}): refused: {reason}")
        reason = read_only_refusal(sql, dialect) if read_only else None
        if reason:
            raise BenchError(f"{where}query {q.id!r} ({dialect}): refused by --read-only: {reason}")


def mix_for_dialect(mix: Sequence[Query], dialect: str) -> list[Query]:
    """The queries that have SQL for ``dialect``; a mix left empty is an error, not a silent no-op."""
    usable = [q for q in mix if q.sql_for(dialect)]
    if not usable:
        raise BenchError(f"no query of the mix has SQL for {dialect}")
    return usable
