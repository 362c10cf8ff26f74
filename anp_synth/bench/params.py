"""Query parameters drawn from the rows actually loaded, deterministically from a seed.

Parameters come in groups drawn together (one article gives reference, id, topic, stack,
status and title prefix; one post-meta row gives key and value), so the arguments of one
query agree with each other and find real rows. The draw depends only on the seed and the
data: ids are read in order and sampled with a seeded generator, so the same database and
seed give the same parameters, run after run.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import BenchError
from .connect import DriverConnection

GROUPS: dict[str, tuple[str, ...]] = {
    "article": ("reference", "article_id", "topic", "stack", "status", "title_prefix", "deep_offset"),
    "meta": ("meta_key", "meta_value"),
}
GROUP_OF: dict[str, str] = {name: group for group, names in GROUPS.items() for name in names}

ARTICLE_SAMPLE = 500
META_ARTICLES = 100
META_SAMPLE = 500
PAGE = 20
MAX_META_VALUE = 128
_CHUNK = 400


@dataclass(frozen=True)
class ParamPools:
    """Per group, the rows a reader draws its parameters from."""

    groups: Mapping[str, Sequence[Mapping[str, Any]]]

    def groups_for(self, params: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(GROUP_OF[p] for p in params))

    def missing(self, params: Sequence[str]) -> list[str]:
        """Groups a query needs that the data could not fill (e.g. no post-meta rows at all)."""
        return [g for g in self.groups_for(params) if not self.groups.get(g)]


def _in_chunks(ids: Sequence[int]) -> list[Sequence[int]]:
    return [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _placeholders(n: int, dialect: str) -> str:
    return ", ".join(["?" if dialect == "sqlite" else "%s"] * n)


def draw_params(conn: DriverConnection, *, seed: int) -> ParamPools:
    """Sample the loaded data; raises BenchError when there are no articles to query."""
    rng = random.Random(f"anp-bench-params:{seed}")
    ids = [int(r[0]) for r in conn.run("SELECT id FROM anp_articles ORDER BY id")]
    if not ids:
        raise BenchError(
            "anp_articles is empty: there is nothing to query (load data first: anp-synth import --db URL)"
        )
    chosen = sorted(rng.sample(ids, min(ARTICLE_SAMPLE, len(ids))))
    list_rows = conn.run("SELECT revision_status, topic, count(*) FROM anp_articles GROUP BY revision_status, topic")
    list_sizes = {(str(s), str(t)): int(n) for s, t, n in list_rows}
    rows: dict[int, tuple[Any, ...]] = {}
    for chunk in _in_chunks(chosen):
        sql = (
            "SELECT id, reference, topic, stack, revision_status, title FROM anp_articles "
            f"WHERE id IN ({_placeholders(len(chunk), conn.dialect)})"
        )
        for r in conn.run(sql, list(chunk)):
            rows[int(r[0])] = tuple(r)
    articles: list[dict[str, Any]] = []
    for aid in chosen:
        _, reference, topic, stack, status, title = rows[aid]
        size = list_sizes.get((str(status), str(topic)), 1)
        articles.append(
            {
                "reference": str(reference),
                "article_id": aid,
                "topic": str(topic),
                "stack": str(stack),
                "status": str(status),
                "title_prefix": " ".join(str(title).split()[:2]),
                "deep_offset": ((size - 1) // PAGE) * PAGE,
            }
        )
    meta_rows: list[dict[str, Any]] = []
    for chunk in _in_chunks(chosen[:META_ARTICLES]):
        sql = (
            "SELECT meta_key, meta_value FROM anp_post_meta "
            f"WHERE article_id IN ({_placeholders(len(chunk), conn.dialect)}) ORDER BY article_id, meta_key, position"
        )
        for key, value in conn.run(sql, list(chunk)):
            if len(str(value)) <= MAX_META_VALUE:
                meta_rows.append({"meta_key": str(key), "meta_value": str(value)})
    meta = rng.sample(meta_rows, min(META_SAMPLE, len(meta_rows)))
    return ParamPools({"article": articles, "meta": meta})
